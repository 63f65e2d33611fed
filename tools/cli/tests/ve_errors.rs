//! Scenario errors of the escrow, gauges, boosts, locks and votes: exact messages at exact
//! positions, and the plan a valid file gives.
mod common;

use trellis_cli::scenario::parse;
use trellis_cli::scenario::plan::{ActionPlan, BoostMode, EscrowPlan, SplitPlan};

use common::error_of;

/// A valid gauge-split scenario: an escrow locking LPT, two gauge types, two boosted pools, a
/// user who locks, votes, deposits, extends, adds to and withdraws the lock. Tests replace one
/// piece; line numbers are given in the comments.
const BASE: &str = r#"name = "v"
duration = "30d"
step = "1d"

[[tokens]]
symbol = "TOK"
kind = "cw20"
decimals = 0

[[tokens]]
symbol = "LPT"
kind = "cw20"
decimals = 0

[escrow]
lock_token = "LPT"
max_time = "52w"

[gauges]
types = [{ name = "stable", weight = 1 }, { name = "volatile", weight = 2 }]

[farm]
clock = "time"
split = "gauges"
reward = { source = "mint", token = "TOK" }
schedule = { curve = "constant", rate = 10 }

[[pools]]
name = "P"
kind = "solo"
staking = "LPT"
boost = "curve"

[[pools]]
name = "Q"
kind = "solo"
staking = "TOK"
boost = "foo"
gauge_type = "volatile"

[[users]]
name = "u"
balances = { "LPT" = 500 }
actions = [
  { at = 0, action = "lock", amount = 100, lock_for = "26w" },
  { at = 0, action = "vote", gauge = "P", weight_bps = 10000 },
  { at = 0, action = "deposit", pool = "P", amount = 100 },
  { at = "7d", action = "extend_lock", lock_for = "52w" },
  { at = "8d", action = "increase_lock", amount = "all" },
  { at = "29d", action = "withdraw_lock" },
]
"#;

/// BASE with the first `from` replaced by `to`.
fn with(from: &str, to: &str) -> String {
    common::with(BASE, from, to)
}

#[test]
fn the_base_scenario_plans_locks_votes_and_boosts() {
    let plan = parse(BASE, "t.toml", "t").unwrap();
    // 52 weeks = 31,449,600 s.
    assert_eq!(
        plan.escrow,
        Some(EscrowPlan {
            lock_token: 1,
            max_time_secs: Some(31_449_600)
        })
    );
    assert_eq!(plan.split, SplitPlan::Gauges);
    let gauges = plan.gauges.as_ref().unwrap();
    assert_eq!(
        gauges
            .types
            .iter()
            .map(|t| (t.name.as_str(), t.weight))
            .collect::<Vec<_>>(),
        [("stable", 1), ("volatile", 2)]
    );
    // P: first type by default, weight 0 (gauge split); Q: "volatile".
    let p = &plan.pools;
    assert_eq!(
        (p[0].weight, p[0].boost, p[0].gauge_type),
        (0, Some(BoostMode::Curve), Some(0))
    );
    assert_eq!(
        (p[1].boost, p[1].gauge_type),
        (Some(BoostMode::Foo), Some(1))
    );
    assert_eq!(BoostMode::Curve.tokenless_share_pct(), 40);
    let actions: Vec<&ActionPlan> = plan.users[0].actions.iter().map(|a| &a.kind).collect();
    // 26 weeks = 15,724,800 s.
    assert_eq!(
        actions,
        [
            &ActionPlan::Lock {
                amount: Some(100),
                lock_for_secs: 15_724_800
            },
            &ActionPlan::Vote {
                pool: 0,
                weight_bps: 10_000
            },
            &ActionPlan::Deposit {
                pool: 0,
                amount: Some(100)
            },
            &ActionPlan::ExtendLock {
                lock_for_secs: 31_449_600
            },
            &ActionPlan::IncreaseLock { amount: None },
            &ActionPlan::WithdrawLock,
        ]
    );
    // Overriding the boost changes the pools that declare one.
    let foo = plan.with_boost(BoostMode::Foo);
    assert_eq!(foo.pools[0].boost, Some(BoostMode::Foo));
}

#[test]
fn unknown_gauge_in_a_vote() {
    // Line 46: `  { at = 0, action = "vote", gauge = "X", weight_bps = 10000 },`: "X" at
    // column 38.
    let err = error_of(&with(r#"gauge = "P""#, r#"gauge = "X""#));
    assert_eq!(
        err,
        r#"t.toml:46:38: users[0].actions[1].gauge: unknown gauge "X" (every pool is a gauge: P, Q)"#
    );
}

#[test]
fn bad_boost_mode_lists_the_choices() {
    // Line 32: `boost = "max"`, the value at column 9.
    let err = error_of(&with(r#"boost = "curve""#, r#"boost = "max""#));
    assert!(
        err.starts_with(
            "t.toml:32:9: pools[0].boost: unknown variant `max`, expected one of `none`, `curve`, `foo`"
        ),
        "{err}"
    );
}

#[test]
fn unknown_gauge_type() {
    // Line 39: `gauge_type = "risky"`, the value at column 14.
    let err = error_of(&with(
        r#"gauge_type = "volatile""#,
        r#"gauge_type = "risky""#,
    ));
    assert_eq!(
        err,
        r#"t.toml:39:14: pools[1].gauge_type: unknown gauge type "risky" (types: stable, volatile)"#
    );
}

#[test]
fn a_vote_above_the_whole_slope() {
    // Line 46: `weight_bps = 10001`, the value at column 56.
    let err = error_of(&with("weight_bps = 10000", "weight_bps = 10001"));
    assert_eq!(
        err,
        "t.toml:46:56: users[0].actions[1].weight_bps: at most 10000 (all of the user's ve slope)"
    );
}

#[test]
fn locks_need_an_escrow() {
    // Without [escrow] (and so without gauges and boosts) a lock is refused at its action.
    let text = r#"duration = 100
step = 10

[[tokens]]
symbol = "LPT"
kind = "cw20"
decimals = 0

[farm]
clock = "time"
reward = { source = "mint", token = "LPT" }
schedule = { curve = "constant", rate = 10 }

[[pools]]
name = "P"
kind = "solo"
staking = "LPT"
weight = 1

[[users]]
name = "u"
actions = [{ at = 0, action = "lock", amount = 1, lock_for = "1w" }]
"#;
    // Line 22: `actions = [{ at = 0, action = "lock", ...`: "lock" at column 31.
    assert_eq!(
        error_of(text),
        "t.toml:22:31: users[0].actions[0].action: `lock` needs an `[escrow]`"
    );
    // A boosted pool needs it too: line 19 `boost = "foo"`, the value at column 9.
    let boosted = text.replacen("weight = 1", "weight = 1\nboost = \"foo\"", 1);
    assert_eq!(
        error_of(&boosted),
        r#"t.toml:19:9: pools[0].boost: boost = "foo" reads ve powers: declare an `[escrow]`"#
    );
}

#[test]
fn lock_fields_belong_to_lock_actions() {
    // Line 47: a deposit given `lock_for`; the value "1w" at column 70.
    let err = error_of(&with(
        r#"pool = "P", amount = 100 },"#,
        r#"pool = "P", amount = 100, lock_for = "1w" },"#,
    ));
    assert_eq!(
        err,
        "t.toml:47:70: users[0].actions[2].lock_for: `deposit` takes no `lock_for`"
    );
    // A lock without `lock_for`: the error points at the action's value (line 45, column 22).
    let err = error_of(&with(r#"amount = 100, lock_for = "26w""#, "amount = 100"));
    assert_eq!(
        err,
        "t.toml:45:22: users[0].actions[0].lock_for: `lock` needs `lock_for`"
    );
}

#[test]
fn gauge_split_refuses_weights_and_needs_gauges() {
    // A weight on a gauge-split pool: line 32, inserted after `staking`; value at column 10.
    let err = error_of(&with(
        "staking = \"LPT\"\nboost",
        "staking = \"LPT\"\nweight = 5\nboost",
    ));
    assert_eq!(
        err,
        "t.toml:32:10: pools[0].weight: a gauge-split farm weighs pools by their gauges' votes: leave `weight` out"
    );
    // `[gauges]` without the split: the types (line 20, column 9) are refused.
    let err = error_of(&with("split = \"gauges\"\n", ""));
    assert_eq!(
        err,
        "t.toml:20:9: gauges.types: the farm's pools are the gauges: set `split = \"gauges\"` in `[farm]`"
    );
}

#[test]
fn compare_boost_needs_a_boosted_pool() {
    let text = with(
        "step = \"1d\"\n",
        "step = \"1d\"\ncompare_boost = [\"none\", \"none\"]\n",
    );
    // Line 4: `compare_boost = ["none", "none"]`: the second "none" at column 26.
    assert_eq!(
        error_of(&text),
        r#"t.toml:4:26: compare_boost[1]: "none" is listed twice"#
    );
    let text = with(
        "step = \"1d\"\n",
        "step = \"1d\"\ncompare_boost = [\"curve\"]\n",
    )
    .replace("boost = \"curve\"\n", "")
    .replace("boost = \"foo\"\n", "");
    // Line 4: the list at column 17.
    assert_eq!(
        error_of(&text),
        "t.toml:4:17: compare_boost: no pool declares `boost`: the comparison overrides the boost of the pools that do"
    );
}

/// The lock and the deposit draw on the same 500 LPT, in time order: after the lock of 100
/// at 0 s u holds 400, so a deposit of 450 (line 47, the amount at column 54) is refused
/// before the run.
#[test]
fn a_lock_and_a_deposit_share_the_balance() {
    let err = error_of(&with(
        r#"pool = "P", amount = 100 }"#,
        r#"pool = "P", amount = 450 }"#,
    ));
    assert_eq!(
        err,
        "t.toml:47:54: users[0].actions[2].amount: u deposits 450 LPT into pool \"P\" at 0s, but \
         holds 400 LPT. Fix: lower the amount or give u more in [users]"
    );
}

/// A lock of more than the user holds (600 of 500 LPT; line 45, the amount at column 39).
#[test]
fn a_lock_above_the_balance_is_refused() {
    let err = error_of(&with("amount = 100, lock_for", "amount = 600, lock_for"));
    assert_eq!(
        err,
        "t.toml:45:39: users[0].actions[0].amount: u locks 600 LPT at 0s, but holds 500 LPT. \
         Fix: lower the amount or give u more in [users]"
    );
}
