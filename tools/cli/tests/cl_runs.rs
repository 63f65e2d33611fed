//! CL pools, positions and traders run end to end on the embedded chain: one swap derived by
//! hand to the unit, the bundled `scenarios/cl.toml` with its books, and the books check
//! catching a pool that holds what its flows do not explain.
mod common;

use cosmwasm_std::Uint128;
use trellis_cli::model::cl::{ClPositionStatus, ClReport};
use trellis_cli::model::SimReport;
use trellis_cli::{report, runner, scenario};

use common::{assert_conserved, run_bundled, run_text, u};

fn cl(report: &SimReport) -> &ClReport {
    report.cl.as_ref().expect("the scenario has CL pools")
}

/// One AAA/BBB pool (6 decimals each, 0.3%, spacing 60) at price 1, one position over
/// [-60, 60) with 1 AAA and 1 BBB, and one swap selling 0.001 BBB at 10 s, inside the range.
/// The farm is a placeholder nobody stakes in. All but the trader is `common`'s CL fixture.
const ONE_SWAP: &str = concat!(
    "\nduration = 20\nstep = 10\n",
    common::cl_tokens!(),
    common::one_cl_position!(),
    r#"
[[cl_traders]]
name = "t"
balances = { BBB = "0.001" }
scripted = [{ at = 10, pool = "P", offer = "BBB", amount = "0.001" }]
"#
);

/// Every number of ONE_SWAP, in base units, with `Q = 2^96` the sqrt price of tick 0,
/// `a = sqrt_price_at_tick(-60) = 78990846045029531151608375686` and
/// `b = sqrt_price_at_tick(60) = 79466191966197645195421774833`:
///
/// - liquidity of 1e6 each at price 1: token0 pays for `floor(1e6 * b / (b - Q))`, token1 for
///   `floor(1e6 * Q / (Q - a))`, both 333_850_249 = L. The mint pays back, rounded up,
///   `ceil(L * Q * (b - Q) / b / Q)` = 1_000_000 AAA and `ceil(L * (Q - a) / Q)` = 1_000_000 BBB.
/// - the swap, 1000 BBB in (price up): after the fee, `floor(1000 * 997_000 / 1e6)` = 997; the
///   range's end needs `ceil(L * (b - Q) / Q)` = 1_003_005, more, so the price moves to
///   `Q + floor(997 * Q / L)` = Q + 236_604_520_330_076_328_865_530 (remainder 240_468_022 of
///   L: a bit less than 997 buys). In: `ceil(L * 236_604_520_330_076_328_865_530 / Q)` = 997
///   (`997 - 240_468_022 / Q` rounded up); the fee is the rest, 1000 - 997 = 3, which is
///   `ceil(1000 * 3000 / 1e6)`. Out: `floor(L * Q * (p - Q) / p / Q)` = 996 AAA. No tick
///   crossed; the tick stays 0.
/// - the fee growth of BBB grows by `floor(3 * 2^128 / L)`; the position's share of it is
///   `floor(floor(3 * 2^128 / L) * L / 2^128)` = 2 (2.999...): one unit of fee stays in the
///   pool.
/// - at the end the settlement removes L: `floor(L * Q * (b - p) / b / p)` = 999_003 AAA and
///   `floor(L * (p - a) / Q)` = 1_000_996 BBB, then collects those plus the 2 BBB of fees.
/// - the pool keeps 1_000_000 - 996 - 999_003 = 1 AAA and 1_000_000 + 1000 - 1_000_996 - 2 =
///   2 BBB, below the rounding count: 1 mint + 1 decrease + 1 fee credit (at the decrease)
///   + 1 swap step = 4 on each side, + 1 step selling BBB = 5 for BBB.
#[test]
fn one_swap_inside_the_range_is_exact() {
    let report = run_text(ONE_SWAP);
    assert_conserved(&report);
    let cl = cl(&report);
    let mint = &cl.events[0];
    assert_eq!(
        (mint.action.as_str(), mint.liquidity, mint.amounts_in),
        ("mint", Uint128::new(333_850_249), u([1_000_000, 1_000_000]))
    );
    let swap = &cl.events[1];
    assert_eq!(
        (swap.action.as_str(), swap.amounts_in, swap.amounts_out),
        ("swap", u([0, 1_000]), u([996, 0]))
    );
    assert_eq!(
        (swap.fees, swap.tick_after, swap.ticks_crossed),
        (u([0, 3]), 0, 0)
    );

    // The sample after the swap: 2 BBB pending, the liquidity worth 999_003 AAA and
    // 1_000_996 BBB, the pool holding 999_004 AAA and 1_001_000 BBB: slack 1 and 2, below the
    // rounding so far (1 mint + 1 step, + 1 step selling BBB) + 2 for the one position.
    let sample = cl.samples.iter().find(|s| s.t == 10).unwrap();
    let position = &sample.positions[0];
    assert_eq!(
        (
            position.status,
            position.in_range,
            position.uncollected_fees,
            position.fees_earned
        ),
        (ClPositionStatus::Open, true, u([0, 2]), u([0, 2]))
    );
    let pool = &sample.pools[0];
    assert_eq!(pool.held, u([999_004, 1_001_000]));
    assert_eq!(pool.owed_to_positions, u([0, 2]));
    assert_eq!(pool.liquidity_value, u([999_003, 1_000_996]));
    assert_eq!((pool.slack, pool.slack_bound), ([1, 2], [4, 5]));

    // The settlement: decrease, collect (liquidity + 2 BBB of fees), burn.
    let settled: Vec<(&str, [Uint128; 2], [Uint128; 2])> = cl
        .events
        .iter()
        .filter(|e| e.settlement)
        .map(|e| (e.action.as_str(), e.amounts_out, e.fees))
        .collect();
    assert_eq!(
        settled,
        [
            ("decrease", u([999_003, 1_000_996]), u([0, 0])),
            ("collect", u([999_003, 1_000_998]), u([0, 2])),
            ("burn", u([0, 0]), u([0, 0])),
        ]
    );
    let check = &cl.summary.check.pools[0];
    assert_eq!(
        (check.deposits, check.traded_in, check.traded_out),
        (u([1_000_000, 1_000_000]), u([0, 1_000]), u([996, 0]))
    );
    assert_eq!(
        (check.withdrawn, check.fees_claimed, check.remaining),
        (u([999_003, 1_000_996]), u([0, 2]), u([1, 2]))
    );
    assert_eq!(check.dust_bound, [4, 5]);
    assert!(check.exact && check.dust_ok && cl.summary.check.ok);
    // In range the whole 20 s it was open; its fees are the 2 BBB.
    let p = &cl.summary.positions[0];
    assert_eq!(
        (p.open_secs, p.in_range_secs, p.in_range_bps, p.fees),
        (20, 20, 10_000, u([0, 2]))
    );
    let summary = &cl.summary.pools[0];
    assert_eq!(
        (summary.swaps, summary.volume, summary.fees),
        (1, u([0, 1_000]), u([0, 3]))
    );
}

/// Five units of AAA sent to the pool by someone outside the books: the sample check finds
/// the pool holding more than its flows explain.
#[test]
fn the_books_check_catches_unexplained_balances() {
    let plan = scenario::parse(ONE_SWAP, "inline.toml", "inline").unwrap();
    let (mut world, _) = runner::deploy::deploy(&plan).unwrap();
    runner::cl_positions::open(&mut world, &plan, 0, 0).unwrap();
    let pool = world.cl.pools[0].address.clone();
    world.suite.mint_native_to(&pool, "uaaa", 5).unwrap();
    runner::cl_sample::take(&mut world, &plan, 0).unwrap();
    assert_eq!(
        world.cl.violations,
        [
            "at 0s: CL pool \"P\" holds 1000005 AAA and 1000000 BBB; its flows (deposits + traded in - traded out - \
             collected) say 1000000 AAA and 1000000 BBB",
            // The 1_000_000 AAA of liquidity is worth 999_999 rounded down: slack 1 + 5, at
            // or above 1 mint + 2 for the position.
            "at 0s: CL pool \"P\" holds 1000005 AAA for 0 owed to positions + 0 protocol fees + 999999 of liquidity: \
             slack 6 outside 0..3",
        ]
    );
}

#[test]
fn the_bundled_scenario_runs_with_its_books() {
    let report = run_bundled("cl.toml");
    assert_conserved(&report);
    let cl = cl(&report);
    // 30 days every 2 h: 361 samples of the one pool, all checked.
    assert_eq!(cl.samples.len(), 361);
    assert_eq!((cl.summary.check.ok, cl.summary.check.checks), (true, 361));
    let check = &cl.summary.check.pools[0];
    assert!(check.exact && check.dust_ok);
    // What the positions deposited: `above` opens above the price (AAA only), `below` below
    // it (BBB only), the others around it (both in full: the ranges are symmetric in ticks
    // at price 1, so 100,000 of each buy the same liquidity).
    let deposited: Vec<[Uint128; 2]> = cl.summary.positions.iter().map(|p| p.deposited).collect();
    let full = 100_000_000_000;
    assert_eq!(
        deposited,
        [u([full, full]), u([full, full]), u([full, 0]), u([0, full])]
    );
    assert_eq!(check.deposits, u([2 * full + full, 2 * full + full]));
    // `wide` (0.887 to 1.127) holds the price all along; the others go in and out of range,
    // and everyone earns fees in both assets.
    let in_range: Vec<u64> = cl
        .summary
        .positions
        .iter()
        .map(|p| p.in_range_bps)
        .collect();
    assert_eq!(in_range[1], 10_000);
    for (name, bps) in
        ["narrow", "above", "below"]
            .iter()
            .zip([in_range[0], in_range[2], in_range[3]])
    {
        assert!(0 < bps && bps < 10_000, "{name}: {bps} bps in range");
    }
    assert!(cl
        .summary
        .positions
        .iter()
        .all(|p| !p.fees[0].is_zero() && !p.fees[1].is_zero()));
    // Every position is closed by the end; the whale's three moves reached their targets.
    let last = cl.samples.last().unwrap();
    assert_eq!(last.positions[0].status, ClPositionStatus::Closed);
    let whale: Vec<i32> = cl
        .events
        .iter()
        .filter(|e| e.actor == "whale")
        .map(|e| e.tick_after)
        .collect();
    // 1.04 lies between ticks 392 and 393, 0.955 between -461 and -460, 1.0 is tick 0.
    assert_eq!(whale, [392, -461, 0]);
    // The CSVs have one row per sample (and position), the HTML the band and fee charts.
    assert_eq!(report::cl_csv::pools(&report).lines().count(), 1 + 361);
    assert_eq!(
        report::cl_csv::positions(&report).lines().count(),
        1 + 361 * 4
    );
    let html = report::html::render(&report);
    // Plotters escapes the apostrophe as `&apos;`.
    assert!(html.contains("over each position&apos;s range"));
    assert_eq!(html.matches("Fees earned per position").count(), 2);
}

/// The binary runs the bundled scenario, exits 0 and writes the CL files.
#[test]
fn the_command_writes_the_cl_report() {
    let dir = std::env::temp_dir().join(format!("trellis-cl-{}", std::process::id()));
    let stdout = common::sim_quietly("cl.toml", &dir);
    assert!(stdout.contains("CL positions (in range"), "{stdout}");
    for file in [
        "cl_pools.csv",
        "cl_positions.csv",
        "cl_events.csv",
        "report.html",
    ] {
        assert!(dir.join(file).is_file(), "{file} missing");
    }
    let json = common::report_json(&dir);
    assert_eq!(json["cl"]["summary"]["check"]["ok"], true);
    std::fs::remove_dir_all(&dir).unwrap();
}
