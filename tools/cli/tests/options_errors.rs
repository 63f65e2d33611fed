//! Scenario errors of the options token and of `exercise`: exact messages at exact positions,
//! and the plan a valid file gives.
mod common;

use trellis_cli::scenario::parse;
use trellis_cli::scenario::plan::{ActionPlan, LockRoute, OptionsPlan, Then};

use common::{error_of, run_error_of};

/// A valid scenario: LIT/USDC pool, oLIT at 90% of a 30-minute TWAP, a farm paying oLIT,
/// one user who exercises. Tests replace one piece; line numbers are in the comments.
const BASE: &str = r#"duration = "2d"
step = "1d"

[[tokens]]
symbol = "LIT"
kind = "cw20"
decimals = 6

[[tokens]]
symbol = "USDC"
kind = "native"
decimals = 6

[[tokens]]
symbol = "STK"
kind = "cw20"
decimals = 6

[[amm_pools]]
name = "LIT-USDC"
assets = ["LIT", "USDC"]
weights = [80, 20]
swap_fee_bps = 30
lp_token = "LP"
initial_liquidity = { LIT = "400", USDC = "100" }

[options]
symbol = "oLIT"
underlying = "LIT"
payment = "USDC"
pool = "LIT-USDC"
window = "30m"
multiplier_bps = 9000
delivery = "mint"

[farm]
clock = "time"
reward = { source = "mint", token = "oLIT" }
schedule = { curve = "constant", rate = "1" }

[[pools]]
name = "LP"
kind = "lp"
staking = "LP"
weight = 2

[[pools]]
name = "STK"
kind = "solo"
staking = "STK"
weight = 1

[[users]]
name = "u"
balances = { STK = "1", USDC = "10" }
actions = [
  { at = 0, action = "deposit", pool = "STK", amount = "all" },
  { at = "1d", action = "claim" },
  { at = "1d", action = "exercise", amount = "all" },
]
"#;

/// BASE with the first `from` replaced by `to`.
fn with(from: &str, to: &str) -> String {
    common::with(BASE, from, to)
}

#[test]
fn the_base_scenario_plans_the_options_and_the_exercise() {
    let plan = parse(BASE, "t.toml", "t").unwrap();
    // Tokens: LIT 0, USDC 1, STK 2, the LP token 3 (its pool's), oLIT 4 (declared last).
    assert_eq!(
        plan.options,
        Some(OptionsPlan {
            token: 4,
            underlying: 0,
            payment: 1,
            amm_pool: 0,
            window_secs: 1_800,
            multiplier_bps: 9_000,
            min_price_atomics: 1,
            treasury: "treasury".to_string(),
            reserve: None,
            lock_route: None,
        })
    );
    assert_eq!(plan.tokens[4].symbol, "oLIT");
    assert_eq!(plan.tokens[4].decimals, 6);
    assert_eq!(plan.reward.token, 4);
    assert_eq!(
        plan.users[0].actions[2].kind,
        ActionPlan::Exercise {
            amount: None,
            max_slippage_bps: 100,
            then: Then::Hold,
        }
    );
}

#[test]
fn lock_goes_through_the_pool_when_the_escrow_locks_its_lp_token() {
    let text = with(
        "[farm]\n",
        "[escrow]\nlock_token = \"LP\"\n\n[farm]\n",
    )
    .replace(
        r#"{ at = "1d", action = "exercise", amount = "all" }"#,
        r#"{ at = "1d", action = "exercise", amount = "5", max_slippage_bps = 0, then = "lock", lock_for = "4w" }"#,
    );
    let plan = parse(&text, "t.toml", "t").unwrap();
    assert_eq!(plan.options.unwrap().lock_route, Some(LockRoute::JoinPool));
    // 4 weeks = 2,419,200 s; 5 oLIT = 5,000,000 base units.
    assert_eq!(
        plan.users[0].actions[2].kind,
        ActionPlan::Exercise {
            amount: Some(5_000_000),
            max_slippage_bps: 0,
            then: Then::Lock {
                lock_for_secs: Some(2_419_200)
            },
        }
    );
}

#[test]
fn exercise_before_the_oracle_covers_the_window_is_refused() {
    let text = with(
        r#"{ at = "1d", action = "exercise""#,
        r#"{ at = "10m", action = "exercise""#,
    );
    assert_eq!(
        error_of(&text),
        "t.toml:59:10: users[0].actions[2].at: the oracle needs 1800 s of pool history (the window) before the first exercise"
    );
}

#[test]
fn the_farm_must_pay_the_options() {
    let text = with(
        r#"reward = { source = "mint", token = "oLIT" }"#,
        r#"reward = { source = "mint", token = "LIT" }"#,
    );
    assert_eq!(
        error_of(&text),
        "t.toml:38:37: farm.reward: with `[options]` the farm pays the options: `source = \"mint\"`, `token = \"oLIT\"`"
    );
}

#[test]
fn option_settings_out_of_bounds_are_refused() {
    let text = with("multiplier_bps = 9000", "multiplier_bps = 500");
    assert_eq!(
        error_of(&text),
        "t.toml:33:18: options.multiplier_bps: 1000 to 10000 (a strike of 10% to 100% of the TWAP)"
    );
    let text = with(r#"window = "30m""#, r#"window = "1m""#);
    assert_eq!(
        error_of(&text),
        "t.toml:32:10: options.window: at least 1800 s (a shorter TWAP is close to a spot price)"
    );
    let text = with(r#"payment = "USDC""#, r#"payment = "STK""#);
    assert_eq!(
        error_of(&text),
        "t.toml:31:8: options.pool: amm pool \"LIT-USDC\" must hold exactly LIT and STK"
    );
    let text = with(r#"delivery = "mint""#, r#"delivery = "reserve""#);
    assert_eq!(
        error_of(&text),
        "t.toml:34:12: options.reserve: `delivery = \"reserve\"` needs `reserve` (underlying the treasury funds at deployment)"
    );
}

#[test]
fn users_get_options_from_the_farm_only() {
    let text = with(
        r#"balances = { STK = "1", USDC = "10" }"#,
        r#"balances = { STK = "1", oLIT = "10" }"#,
    );
    assert_eq!(
        error_of(&text),
        "t.toml:55:25: users[0].balances: \"oLIT\" is the options token: the farm pays it"
    );
}

#[test]
fn what_follows_an_exercise_is_checked() {
    let text = with(
        r#"action = "exercise", amount = "all" }"#,
        r#"action = "exercise", amount = "all", then = "lock" }"#,
    );
    assert_eq!(
        error_of(&text),
        "t.toml:59:60: users[0].actions[2].then: `lock` needs an `[escrow]` locking LIT or LP (the options pool's LP token)"
    );
    let text = with(
        r#"action = "exercise", amount = "all" }"#,
        r#"action = "exercise", amount = "all", lock_for = "1w" }"#,
    );
    assert_eq!(
        error_of(&text),
        "t.toml:59:64: users[0].actions[2].lock_for: only `then = \"lock\"` takes `lock_for`"
    );
    let text = with(
        r#"{ at = "1d", action = "claim" },"#,
        r#"{ at = "1d", action = "claim", then = "sell" },"#,
    );
    assert_eq!(
        error_of(&text),
        "t.toml:58:41: users[0].actions[1].then: `claim` takes no `then`"
    );
}

#[test]
fn exercise_needs_options() {
    let start = BASE.find("[options]").unwrap();
    let end = BASE.find("[farm]").unwrap();
    let text = format!("{}{}", &BASE[..start], &BASE[end..])
        .replace(r#"token = "oLIT""#, r#"token = "LIT""#);
    let err = error_of(&text);
    assert!(
        err.ends_with("users[0].actions[2].action: `exercise` needs `[options]`"),
        "{err}"
    );
}

/// u's options come from the claim at 1 d: the solo pool STK holds weight 1 of 3 and u is its
/// only staker, so it earns 86,400 s * 1 oLIT/s / 3 = 28,800 oLIT. Exercising 30,000 depends
/// on that claim (chain state), so only the run refuses it, at the exercise's line (59).
#[test]
fn exercising_more_options_than_held_names_the_line_and_the_balance() {
    let text = with(
        "action = \"exercise\", amount = \"all\"",
        "action = \"exercise\", amount = \"30000\"",
    );
    assert_eq!(
        run_error_of(&text),
        "t.toml:59: u exercises 30,000 oLIT (then hold), but holds 28,800 oLIT. Fix: lower the \
         amount or write \"all\""
    );
}

/// 100 oLIT at the strike: 90% of the TWAP of LIT in USDC. The pool holds 400 LIT at weight
/// 80 and 100 USDC at weight 20, a price of (100 / 20) / (400 / 80) = 1 USDC per LIT, constant
/// since nobody trades: the quote is 100 * 0.9 * 1 = 90 USDC, and u holds 10.
#[test]
fn an_exercise_beyond_the_payment_held_names_the_cost() {
    let text = with(
        "action = \"exercise\", amount = \"all\"",
        "action = \"exercise\", amount = \"100\"",
    );
    assert_eq!(
        run_error_of(&text),
        "t.toml:59: u exercises 100 oLIT (then hold), which costs 90 USDC now, but u holds 10 \
         USDC. Fix: exercise fewer or give u more USDC in [users]"
    );
}
