//! Errors of a run: a failure on chain names the scenario line, the account, the pool and
//! the amounts in display units, and how to fix it; what can be checked before the run
//! (balances of scripted actions, the allocation policy, the farm's limits) is refused before
//! anything is deployed, at the field.
mod common;

use indicatif::ProgressBar;
use trellis_cli::{runner, scenario};

use common::{error_of, run_error_of};

/// A 50/50 AAA/BBB pool with 1,000,000 of each (6 decimals, LP token P-LP with 18 decimals), a
/// farm pool F staking P-LP, a user `u` holding 1,000 AAA and 1,000 BBB who joins at 10 s and
/// deposits at 20 s, and a whale selling 100,000 AAA at 30 s. Lines in the comments.
const BASE: &str = r#"duration = 60
step = 10

[[tokens]]
symbol = "AAA"
kind = "cw20"
decimals = 6

[[tokens]]
symbol = "BBB"
kind = "native"
decimals = 6

[farm]
clock = "time"
reward = { source = "mint", token = "AAA" }
schedule = { curve = "constant", rate = 1 }

[[amm_pools]]
name = "P"
assets = ["AAA", "BBB"]
weights = [50, 50]
swap_fee_bps = 30
lp_token = "P-LP"
initial_liquidity = { AAA = "1000000", BBB = "1000000" }

[[pools]]
name = "F"
kind = "lp"
staking = "P-LP"
weight = 1

[[users]]
name = "u"
balances = { AAA = "1000", BBB = "1000" }
actions = [
  { at = 10, action = "join", pool = "P", amounts = { AAA = "all", BBB = "all" } },
  { at = 20, action = "deposit", pool = "F", amount = "all" },
]

[[traders]]
name = "whale"
balances = { AAA = "100000" }
scripted = [
  { at = 30, pool = "P", offer = "AAA", amount = "100000" },
]
"#;

fn with(from: &str, to: &str) -> String {
    common::with(BASE, from, to)
}

#[test]
fn the_base_scenario_runs() {
    let plan = scenario::parse(BASE, "t.toml", "t").unwrap();
    runner::run(&plan, &ProgressBar::hidden()).unwrap();
}

/// The LP u gets from the join depends on the pool (chain state), so only the run finds the
/// over-deposit. The first liquidity mints the pool's invariant of 1e12 / 1e12 base units at
/// 50/50, scaled to 18 decimals: 1e24 each, read as 1e6 in 1e18 fixed point. Each factor is
/// pow_down(1e6, 0.5): the 1e36-precision power, floored to 1e18 precision, lands one wei below
/// 1000 (raw = 1e21 - 1), less the margin ceil(raw * 1e4 / 1e18) + 1 = 10_000_001, so
/// f = 1e21 - 10_000_002. S = floor(f^2 / 1e18)
///   = floor(1e24 - 2 * 10_000_002 * 1e3 + 10_000_002^2 / 1e18) = 1e24 - 20_000_004_000
///   = 999_999_999_999_979_999_996_000 LP base units (18 decimals).
/// The join of 1e9 of each mints floor(1e9 * S / 1e12) = S / 1000
/// = 999_999_999_999_979_999_996 units = 999.999999999979999996 P-LP (shown in full: it is
/// what u holds). The deposit on line 38 asks for 2,000 P-LP.
#[test]
fn an_over_deposit_names_the_line_the_user_and_what_they_hold() {
    let text = with(r#"amount = "all" }"#, r#"amount = "2000" }"#);
    assert_eq!(
        run_error_of(&text),
        "t.toml:38: u deposits 2,000 P-LP into pool \"F\", but holds 999.999999999979999996 P-LP. \
         Fix: lower the amount or let u join amm pool \"P\" for more before"
    );
}

/// The whale's swap (line 45) after u's join of L = S / 1000 LP, which took
/// ceil(L * 1e12 / S) = 1e9 of each exactly: reserves b = 1_001_000_000_000 of each.
/// 100,000 AAA in, fee ceil(1e11 * 30 / 1e4) = 3e8, a = 99_700_000_000 after the fee:
/// out = floor(b * a / (b + a)) = floor(99_799_700_000_000_000_000_000 / 1_100_700_000_000)
///     = 90_669_301_353 (remainder 752_900_000_000, so the pool's sub-unit rounding of the
/// ratio against the trader does not cross the floor). Asking for one unit more fails, and
/// the message shows display units only.
#[test]
fn a_failed_slippage_check_shows_display_units_only() {
    let text = with(
        r#"amount = "100000" }"#,
        r#"amount = "100000", min_out = "90669.301354" }"#,
    );
    assert_eq!(
        run_error_of(&text),
        "t.toml:45: whale swaps 100,000 AAA for BBB in amm pool \"P\" with min_out \
         90,669.301354 BBB, but the pool pays 90,669.301353 BBB. Fix: lower min_out, swap \
         less or move the swap to when the price suits it"
    );
}

/// u's 1,000 BBB come from [users] and nothing moves them before the join at 10 s, so a
/// deposit of BBB at 5 s is checked ahead: a solo pool S staking BBB (weight 0, so the policy
/// holds), and u deposits 1,500 BBB into it at 5 s while holding 1,000 BBB.
#[test]
fn a_balance_shortfall_is_refused_before_the_run() {
    let text = with(
        "[[users]]",
        "[[pools]]\nname = \"S\"\nkind = \"solo\"\nstaking = \"BBB\"\nweight = 0\n\n[[users]]",
    )
    .replace(
        "actions = [\n",
        "actions = [\n  { at = 5, action = \"deposit\", pool = \"S\", amount = \"1500\" },\n",
    );
    // Lines 33-37 are the new pool and 38 a blank line, so [[users]] moves to line 39 and the
    // new action is on line 43; its amount at column 54.
    assert_eq!(
        error_of(&text),
        "t.toml:43:54: users[0].actions[0].amount: u deposits 1,500 BBB into pool \"S\" at 5s, \
         but holds 1,000 BBB. Fix: lower the amount or give u more in [users]"
    );
}

/// A withdrawal of more than the scripted deposits put in is refused ahead too: u deposits
/// 400 BBB into S at 5 s and withdraws 500 at 15 s.
#[test]
fn a_withdrawal_above_the_stake_is_refused_before_the_run() {
    let text = with(
        "[[users]]",
        "[[pools]]\nname = \"S\"\nkind = \"solo\"\nstaking = \"BBB\"\nweight = 0\n\n[[users]]",
    )
    .replace(
        "actions = [\n",
        "actions = [\n  { at = 15, action = \"withdraw\", pool = \"S\", amount = \"500\" },\n  { at = 5, action = \"deposit\", pool = \"S\", amount = \"400\" },\n",
    );
    // The withdrawal (line 43, amount at column 56) comes first in the file but runs second.
    assert_eq!(
        error_of(&text),
        "t.toml:43:56: users[0].actions[0].amount: u withdraws 500 BBB from pool \"S\" at 15s, \
         but has 400 BBB staked there. Fix: lower the amount or write \"all\""
    );
}

/// An exit before any join: u holds no P-LP (LP tokens only come from joins), so it is
/// refused ahead. The new action is on line 37 (`actions = [` is on line 36), its amount at
/// column 51.
#[test]
fn an_exit_without_lp_is_refused_before_the_run() {
    let text = BASE.replace(
        "actions = [\n",
        "actions = [\n  { at = 5, action = \"exit\", pool = \"P\", amount = \"all\" },\n",
    );
    assert_eq!(
        error_of(&text),
        "t.toml:37:51: users[0].actions[0].amount: u exits amm pool \"P\" with all their P-LP at \
         5s, but holds no P-LP. Fix: let u join amm pool \"P\" before"
    );
}

/// A weight change that would break the policy is refused before the run at its weight:
/// a solo pool S of weight 0 beside F (weight 1) is set to 1 at 30 s, 1 of 2 = 5000 bps of
/// the weight, above the default cap of 4999 bps.
#[test]
fn a_weight_change_breaking_the_policy_is_refused_before_the_run() {
    let text = with(
        "[[users]]",
        "[[pools]]\nname = \"S\"\nkind = \"solo\"\nstaking = \"BBB\"\nweight = 0\n\n\
         [[weight_changes]]\nat = 30\npool = \"S\"\nweight = 1\n\n[[users]]",
    );
    // Lines 33-37 are S, 39-42 the change: `weight = 1` on line 42, the value at column 10.
    assert_eq!(
        error_of(&text),
        "t.toml:42:10: weight_changes[0].weight: setting pool \"S\" to weight 1 breaks the \
         allocation policy: solo pools would hold 1 of the total weight 2 (5000 bps), above \
         the cap of 4999 bps. Fix: lower the solo weights or raise the LP weights (or \
         farm.policy.max_solo_share_bps)"
    );
}

/// A weight change above the farm's MAX_WEIGHT (1_000_000_000) is refused at its weight.
#[test]
fn a_weight_change_above_the_limit_is_refused() {
    let text = with(
        "[[users]]",
        "[[weight_changes]]\nat = 30\npool = \"F\"\nweight = 1000000001\n\n[[users]]",
    );
    // The change starts on line 33; `weight = 1000000001` on line 36, the value at column 10.
    assert_eq!(
        error_of(&text),
        "t.toml:36:10: weight_changes[0].weight: 1000000001 is not a weight from 0 to 1000000000"
    );
}

/// A refusal no shortfall explains keeps only the innermost reason of the chain's error: the
/// wasm wrapper with its sender, contract address and base-unit message is dropped, and the
/// scenario's line, the step and the fix are given around it.
#[test]
fn a_refusal_shows_only_the_chains_innermost_reason() {
    let plan = scenario::parse(BASE, "t.toml", "t").unwrap();
    let chain_error = anyhow::anyhow!("Overflow: Cannot Sub with given operands")
        .context("Error executing WasmMsg:\n  sender: cosmwasm1abc\n  Execute { msg: {} }");
    let err = trellis_cli::runner::failure::refused(
        &plan,
        45,
        "whale swaps 100,000 AAA",
        &chain_error,
        "swap less",
    );
    assert_eq!(
        format!("{err:#}"),
        "t.toml:45: whale swaps 100,000 AAA, but the chain refused it: Overflow: Cannot Sub \
         with given operands. Fix: swap less"
    );
}
