//! Scenarios with an options token (oTOKEN) run end to end: at a fixed price the per-option
//! tally is seed 002's exactly, and the bundled FOO scenario conserves and pays the treasury
//! exactly the sum of the payments. Numbers are derived by hand in the comments (for foo.toml,
//! in the file's header).
mod common;

use cosmwasm_std::{Decimal, SignedDecimal, Uint128};
use trellis_cli::report;

use common::{run_bundled, run_text};

fn u(n: u128) -> Uint128 {
    Uint128::new(n)
}

/// Seed 002 at a fixed price: a 50/50 LIT/USDC pool with 100,000 LIT and 10,000,000 USDC
/// (exactly 100 USDC per LIT) that nothing trades, options at 90% (`multiplier_bps = 9000`).
/// The farm (0.03 oLIT/s) has an LP pool nobody stakes (weight 2) and the STK solo pool
/// (weight 1, 0.01 oLIT/s = 10,000 base units/s) where alice and bob stake 100 STK each.
/// At 1d each has earned 86,400 x 10,000 / 2 = 432,000,000 (432 oLIT) and claims it; alice
/// exercises all 432, bob 200.
/// - The TWAP of a constant 100 reads at most 100 x 1.0012e-12 + 1 wei low (docs/amm.md), so
///   the strike is within 9.02e-11 below 90 and ceil(amount x strike) = 90 x amount for any
///   amount below 1e10 base units: alice pays 38,880 USDC, bob 18,000.
/// - Market value at the spot, exactly 100: 43,200 and 20,000 USDC; gains 4,320 and 2,000.
/// - Per option: the protocol gives 1 LIT and receives 90 USDC, the farmer gains 10 USDC.
const FIXED: &str = r#"
duration = "2d"
step = "6h"

[[tokens]]
symbol = "LIT"
kind = "cw20"
decimals = 6

[[tokens]]
symbol = "USDC"
kind = "cw20"
decimals = 6

[[tokens]]
symbol = "STK"
kind = "cw20"
decimals = 6

[[amm_pools]]
name = "LIT-USDC"
assets = ["LIT", "USDC"]
weights = [50, 50]
swap_fee_bps = 30
lp_token = "LITUSDC-LP"
initial_liquidity = { LIT = "100000", USDC = "10000000" }

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
schedule = { curve = "constant", rate = "0.03" }

[[pools]]
name = "LP"
kind = "lp"
staking = "LITUSDC-LP"
weight = 2

[[pools]]
name = "STK"
kind = "solo"
staking = "STK"
weight = 1

[[users]]
name = "alice"
balances = { STK = "100", USDC = "100000" }
actions = [
  { at = 0, action = "deposit", pool = "STK", amount = "all" },
  { at = "1d", action = "claim" },
  { at = "1d", action = "exercise", amount = "all" },
]

[[users]]
name = "bob"
balances = { STK = "100", USDC = "100000" }
actions = [
  { at = 0, action = "deposit", pool = "STK", amount = "all" },
  { at = "1d", action = "claim" },
  { at = "1d", action = "exercise", amount = "200", then = "hold" },
]
"#;

#[test]
fn fixed_price_reproduces_seed_002_tally() {
    let report = run_text(FIXED);
    assert!(report.conserved(), "{:?}", report.summary.conservation);
    let o = report.summary.options.as_ref().unwrap();
    let e = &o.exercises;
    assert_eq!(e.len(), 2);
    assert_eq!((e[0].user.as_str(), e[0].amount), ("alice", u(432_000_000)));
    assert_eq!((e[1].user.as_str(), e[1].amount), ("bob", u(200_000_000)));
    assert_eq!(e[0].payment, u(38_880_000_000));
    assert_eq!(e[1].payment, u(18_000_000_000));
    assert_eq!(
        e[0].spot,
        cosmwasm_std::Decimal256::from_ratio(100u128, 1u128)
    );
    assert_eq!(e[0].market_value, u(43_200_000_000));
    assert_eq!(e[1].market_value, u(20_000_000_000));
    assert_eq!(
        (e[0].farmer_gain, e[1].farmer_gain),
        (4_320_000_000, 2_000_000_000)
    );

    let t = &o.tally;
    assert_eq!(t.underlying_delivered, u(632_000_000));
    assert_eq!(t.payment_received, u(56_880_000_000));
    assert_eq!(t.farmer_gain, 6_320_000_000);
    assert_eq!(t.lp_fees, u(0));
    // Seed 002's tally, per option: -1 LIT and +90 USDC for the protocol, +10 for the farmer.
    assert_eq!(
        t.protocol_payment_per_option,
        Decimal::from_ratio(90u128, 1u128)
    );
    assert_eq!(
        t.farmer_gain_per_option,
        SignedDecimal::from_ratio(10i128, 1i128)
    );

    // The treasury received exactly the payments; the oTOKEN's supply books hold. The
    // settlement at 2d pays each 432 more: issued 1,728, exercised 632, supply 1,096.
    let c = &o.check;
    assert!(c.ok);
    assert_eq!(c.treasury_received, u(56_880_000_000));
    assert_eq!(c.paid_to_treasury, u(56_880_000_000));
    assert_eq!(
        (c.issued, c.exercised, c.burned, c.supply),
        (u(1_728_000_000), u(632_000_000), u(0), u(1_096_000_000))
    );
    // Treasury cash over time: 0 until the exercises at 1d, then 56,880 USDC.
    let cash: Vec<(u64, Uint128)> = report
        .samples
        .iter()
        .map(|s| (s.t, s.options.as_ref().unwrap().treasury_cash))
        .collect();
    assert_eq!(cash[3], (64_800, u(0)));
    assert_eq!(cash[4], (86_400, u(56_880_000_000)));
    assert_eq!(cash[8], (172_800, u(56_880_000_000)));
    // No TWAP at deployment (no history yet); the strike is there from 6h on.
    assert!(report.samples[0].options.as_ref().unwrap().twap.is_none());
    assert!(report.samples[1].options.as_ref().unwrap().strike.is_some());

    // The outputs carry it: the terminal tally, the CSV rows, the HTML charts.
    let text = trellis_cli::table::summary(&report);
    assert!(text.contains("-1 LIT"), "{text}");
    assert!(text.contains("+90 USDC"), "{text}");
    assert!(text.contains("+10 USDC"), "{text}");
    let exercises = report::options_csv::exercises(&report);
    assert_eq!(exercises.lines().count(), 3);
    assert!(exercises.lines().nth(1).unwrap().contains(",432000000,"));
    assert_eq!(report::options_csv::options(&report).lines().count(), 1 + 9);
    let html = report::html::render(&report);
    assert!(html.contains("Treasury cash"));
    // Nobody sells the exercised LIT into a pool in this scenario: the sell-pressure chart is
    // zero throughout, so the report leaves it out.
    assert!(!html.contains("Sell pressure"));
}

/// `scenarios/foo.toml`: its header derives the gauge weights, dave's zero and the first
/// strike; the books must conserve and the treasury must hold exactly the payments.
#[test]
fn foo_scenario_conserves_and_pays_the_treasury_the_payments() {
    let report = run_bundled("foo.toml");
    assert!(report.conserved(), "{:?}", report.summary.conservation);
    let o = report.summary.options.as_ref().unwrap();
    let c = &o.check;
    assert!(c.ok, "{c:?}");
    // The treasury received exactly the sum of the payments, which the oTOKEN also reports.
    let payments: u128 = o.exercises.iter().map(|e| e.payment.u128()).sum();
    assert_eq!(c.treasury_received.u128(), payments);
    assert_eq!(c.paid_to_treasury.u128(), payments);
    let last = report.samples.last().unwrap().options.as_ref().unwrap();
    assert_eq!(last.treasury_cash.u128(), payments);
    assert_eq!(c.issued, c.supply + c.exercised + c.burned);

    // Each exercise paid ceil(amount x strike) and its gain is floor(amount x spot) - that.
    for e in &o.exercises {
        let one = 10u128.pow(18);
        let strike = e.strike.atomics().u128();
        assert_eq!(e.payment.u128(), (e.amount.u128() * strike).div_ceil(one));
        assert_eq!(
            e.farmer_gain,
            e.market_value.u128() as i128 - e.payment.u128() as i128
        );
    }
    // 7 exercises: alice and carol at 7d, 14d and 21d, bob at 14d (file order within a day).
    let who: Vec<(u64, &str, &str)> = o
        .exercises
        .iter()
        .map(|e| (e.t / 86_400, e.user.as_str(), e.then.as_str()))
        .collect();
    assert_eq!(
        who,
        [
            (7, "alice", "lock"),
            (7, "carol", "sell"),
            (14, "alice", "lock"),
            (14, "bob", "hold"),
            (14, "carol", "sell"),
            (21, "alice", "lock"),
            (21, "carol", "sell"),
        ]
    );
    let e = &o.exercises;
    // The first strike: 90% of 0.001 = 0.0009 (9e14 atomics), up to the TWAP's 1.0012e-12
    // relative error and the joins' rounding (at most 1 base unit of the 1e9 WETH reserve per
    // join, 4 joins: 4e-9 relative): |strike - 9e14| <= 9e14 x 4.0011e-9 < 3,601,000.
    assert!(e[0].strike.atomics().u128().abs_diff(900_000_000_000_000) < 3_601_000);
    // carol exercises in the block of alice's single-sided join: same TWAP, so same strike,
    // at a lower spot.
    assert_eq!(e[1].strike, e[0].strike);
    assert!(e[1].spot < e[0].spot);
    // carol's sells pay the pool's 0.3% fee, rounded up, in LIT: LPs' fees.
    for s in e.iter().filter(|e| e.then == "sell") {
        assert_eq!(s.sell_fee.u128(), (s.sold.u128() * 30).div_ceil(10_000));
        assert_eq!(s.sold, s.amount);
    }
    let fees: u128 = e.iter().map(|e| e.sell_fee.u128()).sum();
    assert_eq!(o.tally.lp_fees.u128(), fees);
    // alice's locks grew her escrow lock of 1,000 LP (18 decimals: 10^21 base units) by the LP
    // of each join.
    let ve = report.summary.ve.as_ref().unwrap();
    let alice_locked: u128 = e.iter().map(|e| e.locked.u128()).sum();
    assert_eq!(
        ve.users[0].locked.u128(),
        1_000 * 10u128.pow(18) + alice_locked
    );

    // Gauge weights in the first week, as foo.toml derives them: the three locks share one
    // slope s = floor(10^21 / 126,144,000), so LIT-WETH's share is
    // s x 156,038,400 / (s x 218,332,800) = 1,092,268,800 / 1,528,329,600 (both = 258/361).
    let week1 = &report.summary.gauge_weeks[1];
    assert_eq!(week1.t, 92_800);
    assert_eq!(
        week1.relative_weights[0],
        Decimal::from_ratio(1_092_268_800u128, 1_528_329_600u128)
    );
    // FOO boost: dave has no lock, so no working balance and no reward.
    let dave = report
        .summary
        .users
        .iter()
        .find(|u| u.user == "dave")
        .unwrap();
    assert_eq!((dave.working, dave.earned), (u(0), u(0)));
}

/// [`FIXED`] with reserve delivery (the treasury funds 1,000 LIT at deployment) and bob
/// selling his 200 LIT right after exercising. Both exercises happen before the sell, at the
/// spot of exactly 100, so the per-option tally is still -1 / +90 / +10. bob's sell, 0.3% fee
/// rounded up: fee = ceil(200,000,000 x 30 / 10,000) = 600,000 (0.6 LIT), valued at 100:
/// 60 USDC, 0.3 USDC per LIT sold. 50/50, the rest swapped: out = floor(10,000,000e6 x
/// 199,400,000 / (100,000e6 + 199,400,000)) = 19,900,318,764 (19,900.318764 USDC).
#[test]
fn reserve_delivery_and_a_sell_pay_lps_their_fees() {
    let text = FIXED
        .replace(
            "delivery = \"mint\"",
            "delivery = \"reserve\"\nreserve = \"1000\"",
        )
        .replace(
            r#"amount = "200", then = "hold" }"#,
            r#"amount = "200", then = "sell" }"#,
        );
    let report = run_text(&text);
    assert!(report.conserved(), "{:?}", report.summary.conservation);
    let o = report.summary.options.as_ref().unwrap();
    assert_eq!(o.info.delivery, "reserve");
    let bob = &o.exercises[1];
    assert_eq!((bob.then.as_str(), bob.sold), ("sell", u(200_000_000)));
    assert_eq!(bob.sell_fee, u(600_000));
    assert_eq!(bob.sell_fee_value, u(60_000_000));
    assert_eq!(bob.sell_proceeds, u(19_900_318_764));
    let t = &o.tally;
    assert_eq!(
        t.protocol_payment_per_option,
        Decimal::from_ratio(90u128, 1u128)
    );
    assert_eq!(
        t.farmer_gain_per_option,
        SignedDecimal::from_ratio(10i128, 1i128)
    );
    assert_eq!((t.lp_fees, t.lp_fees_value), (u(600_000), u(60_000_000)));
    assert_eq!(t.lp_fees_per_option, Decimal::permille(300));
    assert!(o.check.ok);
    assert_eq!(o.check.treasury_received, u(56_880_000_000));
    // Sell pressure: 200 LIT in the sample at 1d, nothing after.
    let sold: Vec<Uint128> = report
        .samples
        .iter()
        .map(|s| s.options.as_ref().unwrap().sold)
        .collect();
    assert_eq!(sold[4], u(200_000_000));
    assert_eq!(sold[5], u(0));
    assert_eq!(sold.iter().map(|s| s.u128()).sum::<u128>(), 200_000_000);
}

/// [`FIXED`] with an escrow locking LIT itself: alice's `then = "lock"` creates a lock of the
/// 432 LIT she received (she had none), ending 52 weeks on, rounded down to a week.
#[test]
fn lock_of_the_underlying_itself_creates_a_lock() {
    let text = FIXED
        .replace("[farm]\n", "[escrow]\nlock_token = \"LIT\"\n\n[farm]\n")
        .replace(
            r#"{ at = "1d", action = "exercise", amount = "all" }"#,
            r#"{ at = "1d", action = "exercise", amount = "all", then = "lock", lock_for = "52w" }"#,
        );
    let report = run_text(&text);
    assert!(report.conserved(), "{:?}", report.summary.conservation);
    let o = report.summary.options.as_ref().unwrap();
    assert_eq!(o.exercises[0].locked, u(432_000_000));
    let ve = report.summary.ve.as_ref().unwrap();
    assert_eq!(ve.users[0].locked, u(432_000_000));
    // 1,700,086,400 + 31,449,600 = 1,731,536,000; / 604,800 = 2,862.99, so the end is
    // 2,862 x 604,800 = 1,730,937,600, 30,937,600 s after the start.
    assert_eq!(ve.users[0].lock_end, 30_937_600);
    let lock = report
        .events
        .iter()
        .find(|e| e.actor == "alice" && e.action == "lock")
        .unwrap();
    assert_eq!((lock.t, lock.amount), (86_400, u(432_000_000)));
}
