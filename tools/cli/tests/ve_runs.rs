//! Scenarios with a voting escrow, boosts and gauges run end to end; every number is derived
//! by hand in the comments (or, for boost_modes.toml, in the file's header).
mod common;

use cosmwasm_std::{Decimal, Uint128};
use trellis_cli::report;

use common::{run_bundled, run_text};

fn u(n: u128) -> Uint128 {
    Uint128::new(n)
}

/// `scenarios/boost_modes.toml`: its header derives the working balances and the rewards.
#[test]
fn boost_modes_compares_none_curve_and_foo() {
    let report = run_bundled("boost_modes.toml");
    assert!(report.conserved(), "{:?}", report.summary.conservation);
    let c = report.summary.boost_comparison.as_ref().unwrap();
    assert_eq!(c.modes, ["none", "curve", "foo"]);
    assert_eq!(c.conserved, [true, true, true]);
    let rewards = |user: &str| {
        c.users
            .iter()
            .find(|r| r.user == user)
            .map(|r| r.rewards.clone())
            .unwrap()
    };
    // FOO: no vetoken, no reward: carol and dave get nothing at all.
    assert_eq!(rewards("carol")[2], Uint128::zero());
    assert_eq!(rewards("dave")[2], Uint128::zero());
    // No boost: 2,419,200 ALY / 4 = 604,800 ALY each.
    for user in ["carol", "dave", "alice", "bob"] {
        assert_eq!(rewards(user)[0], u(604_800_000_000), "{user}");
    }
    // Curve: 5 ALY over 16,000 LP (4,000 each) for the block before the locks, then
    // 2,419,195 ALY * working / 26,752.805763058541777098 LP (bob's working balance at 18
    // decimals, as the header derives it), each credit floored once: carol and dave
    // 1.25 + 2,419,195e6 * 4,000 / 26,752.805763058541777098 = 361,712.095797; alice
    // 1.25 + ... * 10,000 = 904,278.364492; bob 1.25 + ... * 8,752.805763058541777098
    // = 791,497.443913. (With 6-decimal LP bob's working balance was floored to
    // 8,752.805762, a working supply 0.000001058 LP smaller: carol's 361,712.095811 was
    // 14 base units higher.)
    assert_eq!(rewards("carol")[1], u(361_712_095_797));
    assert_eq!(rewards("alice")[1], u(904_278_364_492));
    assert_eq!(rewards("bob")[1], u(791_497_443_913));
    // FOO: nobody works for 5 s (5 ALY undistributed), then over 17,921.342938430902961830
    // LP: alice 2,419,195e6 * 10,000 / 17,921.342938430902961830 = 1,349,896.047584, bob
    // ... * 7,921.342938430902961830 = 1,069,298.952415.
    assert_eq!(rewards("alice")[2], u(1_349_896_047_584));
    assert_eq!(rewards("bob")[2], u(1_069_298_952_415));
    // Shares, floored at 18 decimals: a quarter each without boost, none for FOO's
    // non-lockers.
    let carol = c.users.iter().find(|r| r.user == "carol").unwrap();
    assert_eq!(carol.shares[0], Decimal::percent(25));
    assert_eq!(carol.shares[2], Decimal::zero());

    // The run as written is the Curve one: working balances at the end, in LP base units
    // (18 decimals, LP = 10^18).
    const LP: u128 = 1_000_000_000_000_000_000;
    let working = |user: &str| {
        report
            .summary
            .users
            .iter()
            .find(|s| s.user == user)
            .map(|s| (s.staked.u128(), s.working.u128()))
            .unwrap()
    };
    assert_eq!(working("carol"), (10_000 * LP, 4_000 * LP));
    assert_eq!(working("alice"), (10_000 * LP, 10_000 * LP));
    assert_eq!(working("bob"), (10_000 * LP, 8_752_805_763_058_541_777_098));
    assert_eq!(
        report.summary.pools[0].working_supply,
        u(26_752_805_763_058_541_777_098)
    );
    assert_eq!(report.pools[0].boost, "curve");

    // The escrow at the end (28 days = 2,419,200 s later): power = s * time left, with the
    // slope s = floor(1,000 LP / 126,144,000 s) = floor(10^21 / 126,144,000)
    // = 7,927,447,995,941: alice s * (125,286,400 - 2,419,200) = s * 122,867,200
    // = 974,023,338,406,882,035,200, bob s * (30,937,600 - 2,419,200) = s * 28,518,400
    // = 226,078,132,927,443,814,400.
    let ve = report.summary.ve.as_ref().unwrap();
    let alice = ve.users.iter().find(|v| v.user == "alice").unwrap();
    assert_eq!(
        (alice.locked, alice.lock_end, alice.power),
        (u(1_000 * LP), 125_286_400, u(974_023_338_406_882_035_200))
    );
    assert_eq!(
        ve.total_power,
        u(974_023_338_406_882_035_200 + 226_078_132_927_443_814_400)
    );
    // The first sample (t = 0) is before the locks; a day later the powers are
    // s * (125,286,400 - 86,400) = 992,516,489,091,813,200,000 and
    // s * (30,937,600 - 86,400) = 244,571,283,612,374,979,200.
    let first = report.samples[0].ve.as_ref().unwrap();
    assert_eq!(first.total_power, u(0));
    let day1 = report.samples[1].ve.as_ref().unwrap();
    assert_eq!(
        day1.total_power,
        u(992_516_489_091_813_200_000 + 244_571_283_612_374_979_200)
    );

    // The summary prints the comparison; the HTML adds the ve power and working supply
    // charts and the reward per user and boost mode to the farm's reward stream, reward per
    // pool and earned charts. Flat charts are left out: one pool at a constant rate and
    // weight, staked once, and nobody swaps, so the emission rate, stake shares, weights and
    // price charts would each be one straight line.
    let text = trellis_cli::table::summary(&report);
    assert!(text.contains("Boost comparison"), "{text}");
    // carol's row: per mode reward, share and APR (the none and curve APRs are checked
    // against their formula in report_analytics.rs; under foo she earns nothing: 0%).
    let row: Vec<&str> = text
        .split("Boost comparison")
        .nth(1)
        .and_then(|t| t.lines().find(|l| l.starts_with("  carol ")))
        .expect("carol's comparison row")
        .split_whitespace()
        .collect();
    assert_eq!(
        [row[0], row[1], row[2], row[4], row[5], row[7], row[8], row[9]],
        ["carol", "604,800", "25%", "361,712", "14.95%", "0", "0%", "0%"],
        "{text}"
    );
    // One more chart than before: each user's APR per boost mode. The farm pool's TVL and APR
    // over time are flat (one stake, one price) and left out.
    assert_eq!(report::html::render(&report).matches("<svg ").count(), 7);
}

/// A gauge-split farm: two solo pools in two gauge types (weights 1 and 2), 10 TOK/s.
/// - alice and bob each lock 252,288,000 VEL (0 decimals) for 208 weeks: slope 252,288,000 /
///   126,144,000 = 2, both ending at 1,825,286,400. alice votes all of it for A, bob half for
///   A and half for B: A's slope 2 + 1 = 3, B's 1, same end, so from the next week on
///   A = 1 * 3 / (1 * 3 + 2 * 1) = 60%, B = 2 / 5 = 40%, week after week.
/// - The run starts at 1,700,000,000, inside the week starting 1,699,488,000; the next week
///   starts 92,800 s later, the one after at 697,600 s. Nothing is emitted before 92,800 s.
/// - carol stakes 100 in each pool at 0: over [92,800, 1,209,600] (1,116,800 s, 11,168,000
///   TOK) A pays her 60% = 6,700,800 and B 40% = 4,467,200. The schedule released
///   12,096,000: the first 928,000 were never emitted.
/// - dan locks 126,144,000 for 1 week (end 1,700,092,800, slope 1), adds as much at 1 h
///   (slope 2), extends at 1 d to 2 weeks ahead (1,700,086,400 + 1,209,600 rounds down to
///   1,700,697,600, 697,600 s after the start) and withdraws at 9 d.
const GAUGES: &str = r#"
duration = "14d"
step = "1d"

[[tokens]]
symbol = "TOK"
kind = "cw20"
decimals = 0

[[tokens]]
symbol = "VEL"
kind = "cw20"
decimals = 0

[[tokens]]
symbol = "STA"
kind = "cw20"
decimals = 0

[[tokens]]
symbol = "STB"
kind = "cw20"
decimals = 0

[escrow]
lock_token = "VEL"

[gauges]
types = [{ name = "stable", weight = 1 }, { name = "volatile", weight = 2 }]

[farm]
clock = "time"
split = "gauges"
reward = { source = "mint", token = "TOK" }
schedule = { curve = "constant", rate = 10 }

[[pools]]
name = "A"
kind = "solo"
staking = "STA"

[[pools]]
name = "B"
kind = "solo"
staking = "STB"
gauge_type = "volatile"

[[users]]
name = "alice"
balances = { VEL = 252288000 }
actions = [
  { at = 0, action = "lock", amount = "all", lock_for = "208w" },
  { at = 0, action = "vote", gauge = "A", weight_bps = 10000 },
]

[[users]]
name = "bob"
balances = { VEL = 252288000 }
actions = [
  { at = 0, action = "lock", amount = 252288000, lock_for = "208w" },
  { at = 0, action = "vote", gauge = "A", weight_bps = 5000 },
  { at = 0, action = "vote", gauge = "B", weight_bps = 5000 },
]

[[users]]
name = "carol"
balances = { STA = 100, STB = 100 }
actions = [
  { at = 0, action = "deposit", pool = "A", amount = 100 },
  { at = 0, action = "deposit", pool = "B", amount = 100 },
]

[[users]]
name = "dan"
balances = { VEL = 252288000 }
actions = [
  { at = 0, action = "lock", amount = 126144000, lock_for = "1w" },
  { at = "1h", action = "increase_lock", amount = 126144000 },
  { at = "1d", action = "extend_lock", lock_for = "2w" },
  { at = "9d", action = "withdraw_lock" },
]
"#;

#[test]
fn gauge_split_pays_pools_by_their_votes() {
    let report = run_text(GAUGES);
    assert!(report.conserved(), "{:?}", report.summary.conservation);
    let earned = |pool: &str| {
        report
            .summary
            .users
            .iter()
            .find(|s| s.user == "carol" && s.pool == pool)
            .map(|s| s.earned.u128())
            .unwrap()
    };
    assert_eq!(earned("A"), 6_700_800);
    assert_eq!(earned("B"), 4_467_200);
    let stream = &report.summary.stream;
    assert_eq!(stream.emitted, u(11_168_000));
    assert_eq!(stream.scheduled, u(12_096_000));

    // Weeks: the run's first (no weight yet), then two at 60% / 40%.
    let weeks: Vec<(u64, u64, Vec<Decimal>)> = report
        .summary
        .gauge_weeks
        .iter()
        .map(|w| (w.week_start, w.t, w.relative_weights.clone()))
        .collect();
    let (sixty, forty) = (Decimal::percent(60), Decimal::percent(40));
    assert_eq!(
        weeks,
        [
            (1_699_488_000, 0, vec![Decimal::zero(), Decimal::zero()]),
            (1_700_092_800, 92_800, vec![sixty, forty]),
            (1_700_697_600, 697_600, vec![sixty, forty]),
        ]
    );
    // Samples: day 0 before the first weighted week, day 2 within it.
    assert_eq!(
        report.samples[0].pools[0].relative_weight,
        Some(Decimal::zero())
    );
    assert_eq!(report.samples[2].pools[1].relative_weight, Some(forty));
    assert_eq!(report.pools[1].gauge_type.as_deref(), Some("volatile"));

    // dan's lock: power = slope * time left. Day 0: 1 * 92,800; day 1 (after adding and
    // extending): 2 * (697,600 - 86,400) = 1,222,400; day 9 (withdrawn): 0.
    let dan = 3;
    let power = |k: usize| report.samples[k].ve.as_ref().unwrap().powers[dan].u128();
    assert_eq!((power(0), power(1), power(9)), (92_800, 1_222_400, 0));
    // The log: lock, add, the new end (s after the start), withdrawal, and the votes' bps.
    let log: Vec<(u64, &str, u128)> = report
        .events
        .iter()
        .filter(|e| !e.settlement && (e.actor == "dan" || e.action == "vote"))
        .map(|e| (e.t, e.action.as_str(), e.amount.u128()))
        .collect();
    assert_eq!(
        log,
        [
            (0, "vote", 10_000),
            (0, "vote", 5_000),
            (0, "vote", 5_000),
            (0, "lock", 126_144_000),
            (3_600, "increase_lock", 126_144_000),
            (86_400, "extend_lock", 697_600),
            (777_600, "withdraw_lock", 252_288_000),
        ]
    );
    // ve.csv: day 1's row has dan's 1,222,400 and each pool's working supply 100 (no boost).
    let csv = report::ve_csv::ve(&report);
    assert!(
        csv.lines()
            .any(|l| l.starts_with("86400,") && l.contains(",1222400,100,100,0,0")),
        "{csv}"
    );
}
