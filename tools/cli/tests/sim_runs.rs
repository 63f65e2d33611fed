//! Scenarios run end to end on the embedded chain; every number is derived by hand in the
//! comments.
mod common;

use cosmwasm_std::{Decimal256, Uint128, Uint256};
use trellis_cli::{report, scenario};

use common::{assert_conserved, run_bundled, run_text, sample_at};

/// One user, a constant 10 TOK/s (0 decimals) over 100 s, sampled every 10 s.
/// - [0, 20): nobody staked: 200 undistributed.
/// - u deposits 50 at 20 s, claims at 60 s: 40 s * 10 = 400.
/// - u withdraws 20 at 70 s (alone, so the rate per user is unchanged): [60, 100) earns 400,
///   paid by the final settlement.
/// - emitted 1000 = claimed 800 + undistributed 200.
const CONSTANT: &str = r#"
duration = 100
step = 10

[[tokens]]
symbol = "TOK"
kind = "cw20"
decimals = 0

[[tokens]]
symbol = "LPT"
kind = "cw20"
decimals = 0

[[tokens]]
symbol = "BASE"
kind = "native"
decimals = 0

[farm]
clock = "time"
reward = { source = "mint", token = "TOK" }
schedule = { curve = "constant", rate = 10 }

[[pools]]
name = "P"
kind = "lp"
pair = ["TOK", "BASE"]
staking = "LPT"
weight = 1

[[users]]
name = "u"
balances = { "LPT" = 50 }
actions = [
  { at = 20, action = "deposit", pool = "P", amount = 50 },
  { at = 60, action = "claim" },
  { at = 70, action = "withdraw", pool = "P", amount = 20 },
]
"#;

#[test]
fn constant_rate_one_user() {
    let report = run_text(CONSTANT);
    assert_eq!(report.scenario.name, "inline");
    assert_eq!(report.samples.len(), 11);

    // t = 50: emitted 500, 200 of it before the deposit, u pending 30 s * 10 = 300.
    let s = sample_at(&report, 50);
    assert_eq!(
        (s.emitted.u128(), s.undistributed.u128(), s.pending.u128()),
        (500, 200, 300)
    );
    assert_eq!((s.scheduled_rate.u128(), s.emitted_rate.u128()), (10, 10));
    assert_eq!(
        (s.pools[0].staked.u128(), s.pools[0].distributed.u128()),
        (50, 300)
    );
    // 10e36 / 50 per second divides exactly: no fraction; bound = 1 position + 1 pool.
    assert_eq!((s.slack, s.bound), (0, 2));
    // t = 80: claimed 400 at 60; staked 30 after the withdraw at 70. Pending: [60,70) 100
    // exactly, then [70,80) 100 over 30 units: 100e36 / 30 per unit is rounded down, so 30
    // units are credited floor(99.99..) = 99. Pending 199; the unit short is an unsettled
    // fraction: slack 1 <= bound 2.
    let s = sample_at(&report, 80);
    assert_eq!(
        (s.claimed.u128(), s.pending.u128(), s.pools[0].staked.u128()),
        (400, 199, 30)
    );
    assert_eq!((s.slack, s.bound), (1, 2));
    // t = 100 (before the settlement) the pool is brought up to date in one step: 300e36 / 30
    // divides, so pending is 100 + 300 = 400 and nothing is lost.
    assert_eq!(
        (
            sample_at(&report, 100).pending.u128(),
            sample_at(&report, 100).slack
        ),
        (400, 0)
    );

    let user = &report.summary.users[0];
    assert_eq!((user.user.as_str(), user.pool.as_str()), ("u", "P"));
    assert_eq!(
        (
            user.staked.u128(),
            user.earned.u128(),
            user.claimed.u128(),
            user.settled.u128()
        ),
        (30, 800, 400, 400)
    );
    let stream = &report.summary.stream;
    assert_eq!(
        (
            stream.scheduled.u128(),
            stream.emitted.u128(),
            stream.distributed.u128()
        ),
        (1_000, 1_000, 800)
    );
    assert_eq!(
        (stream.claimed.u128(), stream.undistributed.u128()),
        (800, 200)
    );
    let c = &report.summary.conservation;
    assert!(c.exact.ok && c.bounded_ok && c.violations.is_empty() && c.reserve.is_none());
    assert_eq!(c.exact.settled.u128(), 400);

    // The action log: deposit 50, claim 400, withdraw 20, then the settlement claim of 400.
    let log: Vec<(u64, &str, u128, bool)> = report
        .events
        .iter()
        .map(|e| (e.t, e.action.as_str(), e.amount.u128(), e.settlement))
        .collect();
    assert_eq!(
        log,
        [
            (20, "deposit", 50, false),
            (60, "claim", 400, false),
            (70, "withdraw", 20, false),
            (100, "claim", 400, true)
        ]
    );

    // CSV row at t = 50 (height and clock from the harness genesis: 1_000_000 + 50 / 5 and
    // 1_700_000_000 + 50): emitted 500, claimed 0, undistributed 200, pending 300, rates 10.
    let csv = report::csv::timeseries(&report);
    assert!(
        csv.lines()
            .any(|l| l == "50,1000010,1700000050,500,0,200,0,0,0,0,,300,10,10,0,2,50,300,1"),
        "{csv}"
    );
    let users = report::csv::users(&report);
    assert!(users.lines().any(|l| l == "50,u,P,50,300,0,300"), "{users}");
}

/// `scenarios/reserve_runout.toml`; its header derives every number.
#[test]
fn reserve_runs_out() {
    const FUSE: u128 = 1_000_000; // 6 decimals
    let report = run_bundled("reserve_runout.toml");
    let stream = &report.summary.stream;
    assert_eq!(stream.funded.u128(), 50_000 * FUSE);
    assert_eq!(stream.emitted.u128(), 50_000 * FUSE);
    // 720 blocks * 100 scheduled, 220 of them after block 500 with an empty reserve.
    assert_eq!(stream.scheduled.u128(), 72_000 * FUSE);
    assert_eq!(stream.skipped.u128(), 22_000 * FUSE);
    assert_eq!(stream.reserve_available.map(|a| a.u128()), Some(0));
    assert_eq!(stream.undistributed.u128(), 5_000 * FUSE);
    assert_eq!(stream.claimed.u128(), 45_000 * FUSE);

    let earned: Vec<(&str, u128, u128)> = report
        .summary
        .users
        .iter()
        .map(|u| {
            (
                u.user.as_str(),
                u.earned.u128() / FUSE,
                u.claimed.u128() / FUSE,
            )
        })
        .collect();
    assert_eq!(
        earned,
        [
            ("ana", 20_625, 11_250),
            ("ben", 16_875, 0),
            ("cy", 7_500, 0)
        ]
    );
    assert_eq!(report.summary.pools[0].distributed.u128(), 37_500 * FUSE);
    assert_eq!(report.summary.pools[1].distributed.u128(), 7_500 * FUSE);

    // Emission stops at block 500 (t = 2500 s): 100/block before, 0 after.
    let at = |block: u64| sample_at(&report, block * 5);
    assert_eq!(at(500).emitted.u128(), 50_000 * FUSE);
    assert_eq!(at(500).emitted_rate.u128(), 100 * FUSE);
    assert_eq!(at(520).emitted_rate.u128(), 0);
    assert_eq!(at(520).scheduled_rate.u128(), 100 * FUSE);
    assert_eq!(at(520).skipped.u128(), 2_000 * FUSE);
    // cy's 1000 FUSE principal came back at block 600 with the reserve empty.
    assert_eq!(at(600).pools[1].staked.u128(), 0);
    let cy_withdraw = report
        .events
        .iter()
        .find(|e| e.actor == "cy" && e.action == "withdraw")
        .unwrap();
    assert_eq!(
        (cy_withdraw.t, cy_withdraw.amount.u128()),
        (3_000, 1_000 * FUSE)
    );

    let c = &report.summary.conservation;
    assert!(c.exact.ok && c.bounded_ok, "{:?}", c.violations);
    assert!(c.reserve.as_ref().unwrap().ok);
}

/// `scenarios/quickstart.toml` (30 days, 1 ALY/s decaying 1% per week, weights 400/300/200/100
/// until day 15; three weighted pools with random and scripted trading). ALY has 6 decimals.
/// The users' LP amounts come from the pools' join math at prices the traders move, so the
/// numbers checked here are those that do not depend on them.
#[test]
fn quickstart_books() {
    const ALY: u128 = 1_000_000;
    let report = run_bundled("quickstart.toml");
    assert_conserved(&report);

    // Schedule: weeks 0..3 at 1, 0.99, 0.9801, 0.970299 ALY/s, then 2 days of week 4 at
    // 0.970299 * 0.99 = 0.96059601 ALY/s (the rate is exact: 960_596.01 units/s):
    // 604_800 * (1_000_000 + 990_000 + 980_100 + 970_299) + 172_800 * 960_596.01
    //   = 2_383_153_315_200 + 165_990_990_528 = 2_549_144_305_728. Minted: emitted = scheduled.
    let stream = &report.summary.stream;
    assert_eq!(stream.scheduled.u128(), 2_549_144_305_728);
    assert_eq!(stream.emitted.u128(), 2_549_144_305_728);

    // Day 3, before dave's deposit: what pools without stake let pass, at 1 ALY/s:
    // ALY-WFUSE 0.3/s for 1 h (1_080), WFUSE-FUSD 0.2/s for 12 h (8_640), ALY-solo 0.1/s for
    // 3 days (25_920): 35_640 ALY. The other 259_200 - 35_640 = 223_560 ALY are pending, less
    // the fractions the farm rounds away (at most one unit per position and per pool).
    let day3 = sample_at(&report, 3 * 86_400);
    assert_eq!(day3.emitted.u128(), 259_200 * ALY);
    assert_eq!(day3.undistributed.u128(), 35_640 * ALY);
    let short = 223_560 * ALY - day3.pending.u128();
    assert!(short <= day3.bound, "{short} > {}", day3.bound);

    // The weight change lands on day 15; the emergency exit forfeits bob's pending and returns
    // every LP token he deposited.
    let weights = |t: u64| sample_at(&report, t).pools[2].weight;
    assert_eq!((weights(14 * 86_400), weights(15 * 86_400)), (200, 250));
    let exit = report
        .events
        .iter()
        .find(|e| e.action == "emergency_withdraw")
        .unwrap();
    let bob_deposit = report
        .events
        .iter()
        .find(|e| {
            e.actor == "bob" && e.action == "deposit" && e.pool.as_deref() == Some("ALY-WFUSE")
        })
        .unwrap();
    assert_eq!(
        (exit.actor.as_str(), exit.amount),
        ("bob", bob_deposit.amount)
    );
    assert!(exit.forfeited.u128() > 0);
    let bob_wfuse = report
        .summary
        .users
        .iter()
        .find(|u| u.user == "bob" && u.pool == "ALY-WFUSE")
        .unwrap();
    assert_eq!(bob_wfuse.forfeited, exit.forfeited);

    // Every LP deposit is the LP the user's join minted (`amount = "all"` right after it).
    for join in report.amm_events.iter().filter(|e| e.action == "join") {
        let deposit = report
            .events
            .iter()
            .find(|e| e.actor == join.actor && e.t == join.t && e.action == "deposit")
            .unwrap();
        assert_eq!(deposit.amount, join.lp, "{} at {}", join.actor, join.t);
    }

    // The pools start at their declared prices: ALY-WFUSE (2M WFUSE / 400k ALY) 5 WFUSE per ALY
    // and WFUSE-FUSD (200k FUSD / 4M WFUSE) 0.05 FUSD per WFUSE. In base units the latter is
    // 2e11 / 4e24 = 5e-14: 50_000 atomics of a Decimal256, what the pool's SpotPrice says.
    let start = &report.samples[0].amm_pools;
    assert_eq!(start[1].price, Decimal256::from_ratio(5u128, 1u128));
    assert_eq!(start[2].price, Decimal256::permille(50));
    assert_eq!(
        start[2].spot_price,
        Decimal256::new(Uint256::from(50_000u128))
    );
    // flow: one turn per hour over 30 days = 720; whale: 2 swaps. The whale's first swap sells
    // 20,000 FUSD: fee ceil(20_000e6 * 30 / 1e4) = 60_000_000 (60 FUSD), in FUSD (asset 1).
    let flow = &report.summary.traders[0];
    assert_eq!(flow.swaps + flow.failed + flow.skipped, 720);
    assert_eq!(report.summary.traders[1].swaps, 2);
    let whale = report
        .amm_events
        .iter()
        .find(|e| e.actor == "whale")
        .unwrap();
    assert_eq!(
        (whale.t, whale.amounts_in, whale.fee),
        (
            864_000,
            [Uint128::zero(), Uint128::new(20_000_000_000)],
            [Uint128::zero(), Uint128::new(60_000_000)]
        )
    );
    assert!(whale.amounts_out[0].u128() >= 60_000 * ALY);
    // Every sample of every pool balanced: 121 samples x 3 pools.
    let amm = report.summary.conservation.amm.as_ref().unwrap();
    assert_eq!((amm.ok, amm.checks), (true, 363));

    // 121 samples of 6 h; the policy held throughout (solo share exactly 10%, then less).
    assert_eq!(report.samples.len(), 121);
    assert_eq!(report.summary.conservation.bounded_checks, 121);
    // The HTML has the farm charts (with the reward per pool), the farm pools' TVL and APR
    // (two more than before) and one price chart per pool; pools.csv one row per sample and
    // pool.
    let html = report::html::render(&report);
    assert_eq!(html.matches("<svg ").count(), 11);
    assert_eq!(report::csv::pools(&report).lines().count(), 1 + 363);
}

/// A withdrawal of more than the user's scripted deposits put in is refused before the run,
/// at its amount, with the moment, the user, what is staked and the fix: u deposits 50 LPT
/// at 20 s (all it holds) and withdraws 80 at 70 s (line 38, the amount at column 56).
#[test]
fn an_impossible_withdrawal_is_refused_before_the_run() {
    let text = CONSTANT.replace(
        r#"{ at = 70, action = "withdraw", pool = "P", amount = 20 }"#,
        r#"{ at = 70, action = "withdraw", pool = "P", amount = 80 }"#,
    );
    let err = scenario::parse(&text, "inline.toml", "inline").unwrap_err();
    assert_eq!(
        err.to_string(),
        "inline.toml:38:56: users[0].actions[2].amount: u withdraws 80 LPT from pool \"P\" at \
         1m 10s, but has 50 LPT staked there. Fix: lower the amount or write \"all\""
    );
}

/// The farm's policy is checked before the run: adding a solo pool of weight 1 beside the LP
/// pool of weight 1 gives solo pools 1 of 2 = 5000 bps, above the default cap of 4999 bps.
/// The new pool's `weight = 1` is on line 36 (the added pool starts on line 32), column 10.
#[test]
fn a_policy_violation_is_refused_before_the_run() {
    let text = CONSTANT.replace(
        "[[users]]",
        "[[pools]]\nname = \"S\"\nkind = \"solo\"\nstaking = \"BASE\"\nweight = 1\n\n[[users]]",
    );
    let err = scenario::parse(&text, "inline.toml", "inline").unwrap_err();
    assert_eq!(
        err.to_string(),
        "inline.toml:36:10: pools[1].weight: adding pool \"S\" with weight 1 breaks the \
         allocation policy: solo pools would hold 1 of the total weight 2 (5000 bps), above the \
         cap of 4999 bps. Fix: lower the solo weights or raise the LP weights (or \
         farm.policy.max_solo_share_bps)"
    );
}
