//! CL farms run end to end on the embedded chain: one position alone in both kinds of farm,
//! derived by hand to the unit; tiers doubling the liquidity a farm counts; the bundled
//! `scenarios/cl_farming.toml` with its books; the books check catching tokens the center
//! holds beyond its books; and the command's CL farming files.
mod common;

use cosmwasm_std::{Uint128, Uint256};
use trellis_cli::model::cl_farm::{ClEntryStatus, ClFarmReport};
use trellis_cli::model::SimReport;
use trellis_cli::{report, runner, scenario};

use common::{assert_conserved, run_bundled, run_text, u};

fn farms(report: &SimReport) -> &ClFarmReport {
    report.cl_farms.as_ref().expect("the scenario has CL farms")
}

/// One AAA/BBB pool (6 decimals, 0.3%, spacing 60) at price 1, one position over [-60, 60)
/// with 1 AAA and 1 BBB, nobody trading. An eternal farm pays 0.001 INC a second (1000 base
/// units) from 1 INC; a limit farm shares 1 INC over [10 s, 110 s]. The position enters both
/// at 0 s and leaves the eternal farm at 100 s; the settlement exits the limit farm at 200 s.
/// The classic farm is a placeholder nobody stakes in. The tokens TRL, AAA and BBB, that farm,
/// the pool and the position are `common`'s CL fixture.
const ALONE: &str = concat!(
    "\nduration = 200\nstep = 50\n",
    common::cl_tokens!(),
    r#"
[[tokens]]
symbol = "INC"
kind = "native"
decimals = 6

[[tokens]]
symbol = "LCK"
kind = "native"
decimals = 6
"#,
    common::one_cl_position!(),
    r#"
[[cl_farms]]
name = "e"
kind = "eternal"
pool = "P"
reward = { token = "INC", amount = "1" }
reward_rate = "0.001"
reward_price_in_token1 = "0.5"

[[cl_farms]]
name = "l"
kind = "limit"
pool = "P"
reward = { token = "INC", amount = "1" }
reward_price_in_token1 = "0.5"
start = 10
end = 110

[[cl_farming]]
position = "p"
entries = [
  { farm = "e", enter_at = 0, exit_at = 100 },
  { farm = "l", enter_at = 0 },
]
"#
);

/// Every number of ALONE, with `L = 333_850_249` the position's liquidity (derived in
/// `tests/cl_runs.rs`) and `Q = 2^128`:
///
/// - the eternal farm spends 1000 a second while L is in range, 100 s: growth
///   `floor(1000 * 100 * Q / L)`, earned `floor(floor(100_000 * Q / L) * L / Q)` = 99_999 (the
///   floor of the growth loses less than one unit). At 50 s the same with 50_000: 49_999
///   pending. With no position left the unit goes back to the reserve: 1_000_000 - 99_999 =
///   900_001 is taken back at the end.
/// - the limit farm counts seconds per liquidity over [10, 110] while L is in range: 100 s,
///   `spl = floor(100 * Q / L)`, active 100 s; earned `floor(1_000_000 * spl * L / (100 *
///   Q))` = 999_999, 1 refunded. At 50 s (40 s of the campaign) the pending share is the
///   same 999_999 (`floor(1_000_000 * floor(40 Q / L) * L / (40 Q))`), earned so far
///   `floor(999_999 * 40 / 100)` = 399_999.
/// - the position's value at price 1: removing L pays `floor(floor(L * 2^96 * (b - 2^96) / b)
///   / 2^96)` = 999_999 AAA and `floor(L * (2^96 - a) / 2^96)` = 999_999 BBB (`a`, `b` the
///   sqrt prices of -60 and 60), worth 999_999 + 999_999 = 1_999_998 BBB at price 1.
/// - APR: INC at 0.5 BBB, so the eternal reward is worth `floor(99_999 / 2)` = 49_999 over
///   1_999_998 x 100 value-seconds: `floor(49_999 * 31_536_000 * 10_000 / 199_999_800)` =
///   78_838_502 bps; the limit reward 499_999 over 1_999_998 x 200:
///   `floor(499_999 * 31_536_000 * 10_000 / 399_999_600)` = 394_199_605 bps. Always in range,
///   so the same per second in range.
#[test]
fn one_position_alone_in_range_is_exact() {
    let report = run_text(ALONE);
    assert_conserved(&report);
    let farms = farms(&report);
    let at_50 = farms.samples.iter().find(|s| s.t == 50).unwrap();
    let (eternal, limit) = (&at_50.entries[0], &at_50.entries[1]);
    assert_eq!(
        (
            eternal.status,
            eternal.in_range,
            eternal.pending,
            eternal.earned
        ),
        (ClEntryStatus::Farmed, true, u([49_999, 0]), u([49_999, 0]))
    );
    assert_eq!(
        (limit.pending, limit.earned),
        (u([999_999, 0]), u([399_999, 0]))
    );
    assert_eq!(eternal.position_value, Uint128::new(1_999_998));
    assert_eq!(eternal.value_secs, Uint256::from(1_999_998u128 * 50));
    // The eternal farm at 50 s: 50_000 spent, 49_999 of it pending, 1 of rounding.
    let farm = &at_50.farms[0];
    assert_eq!(
        (farm.reserve, farm.undistributed, farm.pending),
        (u([950_000, 0]), u([50_000, 0]), u([49_999, 0]))
    );
    // The limit farm keeps everything in its reserve until the exits credit it.
    let farm = &at_50.farms[1];
    assert_eq!(
        (farm.reserve, farm.undistributed, farm.active_secs),
        (u([1_000_000, 0]), u([0, 0]), 40)
    );

    let summary = &farms.summary.entries;
    let rows: Vec<(u64, u64, u64, [Uint128; 2])> = summary
        .iter()
        .map(|e| (e.farmed_secs, e.in_range_secs, e.in_range_bps, e.earned))
        .collect();
    assert_eq!(
        rows,
        [
            (100, 100, 10_000, u([99_999, 0])),
            (200, 200, 10_000, u([999_999, 0]))
        ]
    );
    let aprs: Vec<(Uint256, Option<u64>, Option<u64>)> = summary
        .iter()
        .map(|e| (e.reward_value, e.apr_bps, e.apr_in_range_bps))
        .collect();
    assert_eq!(
        aprs,
        [
            (
                Uint256::from(49_999u128),
                Some(78_838_502),
                Some(78_838_502)
            ),
            (
                Uint256::from(499_999u128),
                Some(394_199_605),
                Some(394_199_605)
            ),
        ]
    );
    assert_eq!(summary[0].value_at_entry, Uint128::new(1_999_998));

    // The log: created, deposited (entering the eternal farm), entered, left, taken back,
    // claimed.
    let log: Vec<(u64, &str, Option<&str>, [Uint128; 2])> = farms
        .events
        .iter()
        .map(|e| (e.t, e.action.as_str(), e.farm.as_deref(), e.amounts))
        .collect();
    assert_eq!(
        log,
        [
            (0, "create_farm", Some("e"), u([1_000_000, 0])),
            (0, "create_farm", Some("l"), u([1_000_000, 0])),
            (0, "deposit", None, u([0, 0])),
            (0, "enter", Some("e"), u([0, 0])),
            (0, "enter", Some("l"), u([0, 0])),
            (100, "exit", Some("e"), u([99_999, 0])),
            (200, "exit", Some("l"), u([999_999, 0])),
            (200, "withdraw", None, u([0, 0])),
            (200, "decrease_rewards", Some("e"), u([900_001, 0])),
            (200, "refund_limit_farm", Some("l"), u([1, 0])),
            // One claim of INC pays both balances: (limit, eternal).
            (200, "claim", None, u([999_999, 99_999])),
        ]
    );
    // funded = claimed + refunded, per farm.
    let books: Vec<(&str, u128, u128, u128, bool)> = farms
        .summary
        .check
        .farms
        .iter()
        .map(|f| {
            (
                f.farm.as_str(),
                f.funded.u128(),
                f.claimed.u128(),
                f.refunded.u128(),
                f.exact,
            )
        })
        .collect();
    assert_eq!(
        books,
        [
            ("e", 1_000_000, 99_999, 900_001, true),
            ("l", 1_000_000, 999_999, 1, true)
        ]
    );
    // 5 samples of 2 farms, all checked.
    assert_eq!(
        (farms.summary.check.ok, farms.summary.check.checks),
        (true, 10)
    );
    // The CL position is closed after it left the center.
    let cl = report.cl.as_ref().unwrap();
    assert!(cl.summary.check.ok);
    assert_eq!(cl.events.last().unwrap().action, "burn");
}

/// Locking 100 LCK reaches the 2x tier: the eternal farm counts `floor(L * 20_000 / 10_000)`
/// = 667_700_498. Alone in range, the position still earns what was spent less the floor of
/// the growth: `floor(floor(100_000 * Q / 667_700_498) * 667_700_498 / Q)` = 99_999; the
/// 100 LCK come back at the exit.
#[test]
fn tiers_multiply_the_liquidity_a_farm_counts() {
    let text = ALONE
        .replace(
            "reward_price_in_token1 = \"0.5\"\n\n[[cl_farms]]",
            "reward_price_in_token1 = \"0.5\"\ntiers = { token = \"LCK\", levels = [{ amount = \"50\", multiplier_bps = 15000 }, { amount = \"100\", multiplier_bps = 20000 }] }\n\n[[cl_farms]]",
        )
        .replace(
            "{ farm = \"e\", enter_at = 0, exit_at = 100 }",
            "{ farm = \"e\", enter_at = 0, exit_at = 100, tokens_locked = \"100\" }",
        );
    let report = run_text(&text);
    assert_conserved(&report);
    let farms = farms(&report);
    let entry = &farms.summary.entries[0];
    assert_eq!(
        (entry.liquidity, entry.earned),
        (Uint128::new(667_700_498), u([99_999, 0]))
    );
    // A tiered farm is entered with EnterFarm after a plain deposit.
    let actions: Vec<&str> = farms.events.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(&actions[2..5], ["deposit", "enter", "enter"]);
    // While it is in, the farm counts the doubled liquidity.
    let at_50 = farms.samples.iter().find(|s| s.t == 50).unwrap();
    assert_eq!(at_50.farms[0].total_liquidity, Uint128::new(667_700_498));
}

#[test]
fn the_bundled_scenario_runs_with_its_books() {
    let report = run_bundled("cl_farming.toml");
    assert_conserved(&report);
    let farms = farms(&report);
    // 20 days every 2 h: 241 samples of the 2 farms.
    assert_eq!(farms.samples.len(), 241);
    assert_eq!(
        (farms.summary.check.ok, farms.summary.check.checks),
        (true, 482)
    );
    assert!(farms.summary.check.farms.iter().all(|f| f.exact));
    // `wide` holds the price all along, so the eternal farm spends every second: 0.02 INC for
    // 12 days and 0.015 for 8, 31,104 INC, of which 31,103.999999 reach the positions (one
    // unit of rounding) and 40,000 - 31,104 + 0.000001 is taken back. BNS runs dry: all but
    // 2 units of the 7,000 funded are claimed.
    let books: Vec<(&str, &str, u128, u128, u128)> = farms
        .summary
        .check
        .farms
        .iter()
        .map(|f| {
            (
                f.farm.as_str(),
                f.token.as_str(),
                f.funded.u128(),
                f.claimed.u128(),
                f.refunded.u128(),
            )
        })
        .collect();
    assert_eq!(
        books,
        [
            (
                "eternal",
                "INC",
                40_000_000_000,
                31_103_999_999,
                8_896_000_001
            ),
            ("eternal", "BNS", 7_000_000_000, 6_999_999_998, 2),
            ("campaign", "INC", 20_000_000_000, 19_999_999_999, 1),
        ]
    );
    // Time in range over the farmed time, from the tick path: `wide` always; the others in
    // and out as the whale and the walker move the price (above: in from day 5 to 9 and from
    // day 17; below: from day 9 to 13; narrow: 8.5 days of the 20).
    let in_range: Vec<(&str, &str, u64, u64)> = farms
        .summary
        .entries
        .iter()
        .map(|e| {
            (
                e.position.as_str(),
                e.farm.as_str(),
                e.farmed_secs,
                e.in_range_secs,
            )
        })
        .collect();
    let day = 86_400;
    assert_eq!(in_range[1], ("wide", "eternal", 20 * day, 20 * day));
    assert_eq!(
        in_range[2],
        ("wide", "campaign", 14 * day + day / 2, 14 * day + day / 2)
    );
    assert_eq!(
        in_range[0],
        ("narrow", "eternal", 20 * day, 8 * day + day / 2)
    );
    assert_eq!(
        in_range[3],
        ("above", "campaign", 20 * day - 7_200, 7 * day)
    );
    assert_eq!(in_range[4], ("below", "eternal", 18 * day, 4 * day));
    // The CL part's own count agrees for the positions farmed all their open time.
    let cl = report.cl.as_ref().unwrap();
    assert_eq!(cl.summary.positions[0].in_range_secs, in_range[0].3);
    assert!(cl.summary.check.ok);
    // Everyone earned something and has an APR.
    assert!(farms
        .summary
        .entries
        .iter()
        .all(|e| !e.earned[0].is_zero() && e.apr_bps.is_some_and(|a| a > 0)));
    // The CSVs have one row per sample and farm or entry; the HTML the reward charts.
    assert_eq!(
        report::cl_farm_csv::farms(&report).lines().count(),
        1 + 241 * 2
    );
    assert_eq!(
        report::cl_farm_csv::entries(&report).lines().count(),
        1 + 241 * 5
    );
    let html = report::html::render(&report);
    assert!(html.contains("INC earned per position and farm"));
    assert!(html.contains("BNS earned per position and farm"));
    assert!(html.contains("APR so far per position and farm"));
    assert!(html.contains("CL farming pricing."));
}

/// Five units of INC sent to the center by someone outside the books: the sample check finds
/// the center holding more than its books say.
#[test]
fn the_books_check_catches_unexplained_balances() {
    let plan = scenario::parse(ALONE, "inline.toml", "inline").unwrap();
    let (mut world, _) = runner::deploy::deploy(&plan).unwrap();
    let center = world.cl_farms.center().addr.clone();
    world.suite.mint_native_to(&center, "uinc", 5).unwrap();
    runner::cl_farm_sample::take(&mut world, &plan, 0).unwrap();
    assert_eq!(
        world.cl_farms.violations,
        ["at 0s: the farming center holds 2000005 INC, its books say 2000000 (funded - refunded - claimed + locked)"]
    );
}

/// The binary runs the bundled scenario, exits 0 and writes the CL farming files.
#[test]
fn the_command_writes_the_cl_farming_report() {
    let dir = std::env::temp_dir().join(format!("trellis-cl-farming-{}", std::process::id()));
    let stdout = common::sim_quietly("cl_farming.toml", &dir);
    assert!(stdout.contains("CL farmed positions (in range"), "{stdout}");
    for file in ["cl_farms.csv", "cl_farm_entries.csv", "cl_farm_events.csv"] {
        assert!(dir.join(file).is_file(), "{file} missing");
    }
    let json = common::report_json(&dir);
    assert_eq!(json["cl_farms"]["summary"]["check"]["ok"], true);
    std::fs::remove_dir_all(&dir).unwrap();
}
