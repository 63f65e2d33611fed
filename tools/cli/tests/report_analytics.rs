//! What analysts read first in `report.html`: the scripted events marked on the time charts,
//! stakes drawn as shares of their pool, the reward each pool received, and ve power in the same
//! units in its table and its chart. Expected values are derived by hand in the comments.
mod common;

use trellis_cli::format::{to_f64, value};
use trellis_cli::report::{self, chart::Marker};

use common::{run_bundled, run_text};

/// Two users in one pool, a constant 10 TOK/s (0 decimals) over 100 s, sampled every 10 s:
/// u stakes 30 and v stakes 10 at 0 s and both stay to the end.
const TWO_STAKERS: &str = r#"
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
balances = { "LPT" = 30 }
actions = [{ at = 0, action = "deposit", pool = "P", amount = 30 }]

[[users]]
name = "v"
balances = { "LPT" = 10 }
actions = [{ at = 0, action = "deposit", pool = "P", amount = 10 }]
"#;

fn chart<'a>(charts: &'a [report::chart::LineChart], title: &str) -> &'a report::chart::LineChart {
    charts
        .iter()
        .find(|c| c.title.starts_with(title))
        .unwrap_or_else(|| panic!("no chart titled {title}"))
}

fn point_at(series: &report::chart::Series, x: f64) -> f64 {
    series
        .points
        .iter()
        .find(|(px, _)| *px == x)
        .map(|(_, y)| *y)
        .unwrap_or_else(|| panic!("no point at {x} in {}", series.name))
}

#[test]
fn stakes_are_drawn_as_shares_and_reward_per_pool_is_cumulative() {
    let report = run_text(TWO_STAKERS);
    let charts = report::html::charts(&report);
    // The run lasts 100 s (< 120 s), so the x axis is in seconds: t = 50 s is x = 50.
    let shares = chart(&charts, "Stake per user, % of the pool's stake");
    assert_eq!(shares.y_label, "% of pool");
    let names: Vec<&str> = shares.series.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["u in P", "v in P"]);
    // u: 30 of the pool's 30 + 10 = 40, 75%; v: 10 / 40 = 25%.
    assert_eq!(point_at(&shares.series[0], 50.0), 75.0);
    assert_eq!(point_at(&shares.series[1], 50.0), 25.0);

    // Staked from 0 s at 10 TOK/s: by 50 s the pool got 50 * 10 = 500 TOK, by 100 s 1000.
    let reward = chart(&charts, "Reward per pool, cumulative (TOK");
    assert_eq!(reward.series.len(), 1);
    assert_eq!(reward.series[0].name, "P");
    assert_eq!(point_at(&reward.series[0], 50.0), 500.0);
    assert_eq!(point_at(&reward.series[0], 100.0), 1000.0);
    // No weight change, lock or scripted swap: nothing to mark.
    assert!(reward.markers.is_empty());
}

#[test]
fn scripted_events_are_marked_at_their_times() {
    // quickstart.toml: the whale swaps on days 10 and 20, and WFUSE-FUSD's weight goes to 250
    // on day 15. The run lasts 30 days, so the x axis is in days: x = 10, 15, 20. The random
    // trader's swaps are not marked.
    let report = run_bundled("quickstart.toml");
    let expected = vec![
        Marker {
            x: 10.0,
            label: "whale swap ALY-FUSD".to_string(),
        },
        Marker {
            x: 15.0,
            label: "weight WFUSE-FUSD = 250".to_string(),
        },
        Marker {
            x: 20.0,
            label: "whale swap ALY-WFUSE".to_string(),
        },
    ];
    let axis = report::html::x_axis(&report);
    assert_eq!(report::event_markers::markers(&report, &axis), expected);
    for c in report::html::charts(&report) {
        assert_eq!(c.markers, expected, "{}", c.title);
    }
}

#[test]
fn ve_power_has_the_same_units_in_its_table_and_its_chart() {
    let report = run_bundled("boost_modes.toml");
    let ve = report.summary.ve.as_ref().expect("an escrow");
    let d = ve.lock_decimals;
    let section = report::ve_tables::sections(&report)
        .into_iter()
        .find(|s| s.title.starts_with("Vote escrow at the end"))
        .expect("the lock table");
    assert!(section
        .title
        .contains(&format!("ve power in {}", ve.lock_symbol)));
    let axis = report::html::x_axis(&report);
    let charts = report::ve_charts::charts(&report, &axis);
    let power = chart(&charts, "Ve power per user");
    for (row, u) in section.rows.iter().zip(&ve.users) {
        // Both divide the base units by 10^lock_decimals: the table's text and the chart's
        // last point (the end of the run) are the same number.
        let base = u.power.u128();
        assert_eq!(row[3], value(base, d), "{}", u.user);
        let i = report.users.iter().position(|n| *n == u.user).unwrap();
        let y = power.series[i].points.last().unwrap().1;
        assert_eq!(y, to_f64(base, d), "{}", u.user);
    }
}

#[test]
fn farmed_durations_read_as_days_hours_minutes() {
    // 100 s = 1 min 40 s; 200 s = 3 min 20 s; 90,061 s = 1 d 1 h 1 min 1 s.
    assert_eq!(trellis_cli::format::duration(100), "1m 40s");
    assert_eq!(trellis_cli::format::duration(200), "3m 20s");
    assert_eq!(trellis_cli::format::duration(90_061), "1d 1h 1m 1s");
    let report = run_bundled("cl_farming.toml");
    let farms = report.cl_farms.as_ref().expect("CL farms");
    let section = report::cl_farm_tables::sections(&report)
        .into_iter()
        .find(|s| s.title.starts_with("CL farmed positions"))
        .expect("the farmed positions table");
    let farmed = section.headers.iter().position(|h| h == "farmed").unwrap();
    let in_range = section
        .headers
        .iter()
        .position(|h| h == "in range")
        .unwrap();
    for (row, e) in section.rows.iter().zip(&farms.summary.entries) {
        // No raw second counts: the durations alone, the in-range one with its share.
        assert_eq!(row[farmed], trellis_cli::format::duration(e.farmed_secs));
        assert!(row[in_range].starts_with(&format!(
            "{} (",
            trellis_cli::format::duration(e.in_range_secs)
        )));
        assert!(!row[farmed].contains(" s") && !row[in_range].contains(" s "));
    }
}

#[test]
fn compare_boost_draws_each_users_reward_per_mode() {
    // boost_modes.toml compares none, curve and foo (ALY has 6 decimals). carol locks nothing.
    // No boost: 2,419,200 ALY / 4 stakers = 604,800 ALY. Curve: 5 ALY / 4 = 1.25 for the block
    // before the locks, then 2,419,195 ALY * 4,000 / 26,752.805762 working LP, floored at
    // 6 decimals: 1.25 + 361,710.845811 = 361,712.095811 ALY. FOO ("no vetoken, no reward"): 0.
    let report = run_bundled("boost_modes.toml");
    let axis = report::html::x_axis(&report);
    let charts = report::ve_charts::charts(&report, &axis);
    let cmp = chart(
        &charts,
        "Reward per user and boost mode (ALY; x: 0 = none, 1 = curve, 2 = foo)",
    );
    let carol = cmp.series.iter().find(|s| s.name == "carol").unwrap();
    assert_eq!(
        carol.points,
        [(0.0, 604_800.0), (1.0, 361_712.095_811), (2.0, 0.0)]
    );
}
