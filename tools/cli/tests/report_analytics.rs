//! What analysts read first in `report.html`: the scripted events marked on the time charts,
//! stakes drawn as shares of their pool, the reward each pool received, and ve power in the same
//! units in its table and its chart. Expected values are derived by hand in the comments.
mod common;

use cosmwasm_std::Uint256;
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
    // before the locks, then 2,419,195 ALY * 4,000 / 26,752.805763058541777098 working LP (18
    // decimals; the file's header derives it), floored at 6 decimals: 1.25 + 361,710.845797
    // = 361,712.095797 ALY. FOO ("no vetoken, no reward"): 0.
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
        [(0.0, 604_800.0), (1.0, 361_712.095_797), (2.0, 0.0)]
    );
}

/// A constant 5 TOK/s, TOK priced by a 50/50 TOK/USD weighted pool that nobody trades in
/// (1,000 TOK and 2,000 USD: 2 USD per TOK all run; every token 0 decimals), over 100 s
/// sampled every 10 s. Solo pool S (weight 1 of 5: 1 TOK/s) stakes USD: u stakes 1,000 USD
/// from 20 s to 70 s. Solo pool X (weight 1 of 5: 1 TOK/s) stakes XTK, a token no weighted
/// pool trades: x stakes 10 XTK from 0 s to the end. LP pool L (weight 3) stakes the weighted
/// pool's LP token and nobody stakes in it (its share goes undistributed); it comes first, as
/// the allocation policy checks each addition (solo pools below half of the weight).
const PRICED: &str = r#"
duration = 100
step = 10

[[tokens]]
symbol = "TOK"
kind = "cw20"
decimals = 0

[[tokens]]
symbol = "USD"
kind = "cw20"
decimals = 0

[[amm_pools]]
name = "TOK-USD"
assets = ["TOK", "USD"]
weights = [50, 50]
swap_fee_bps = 30
lp_token = "TU-LP"
initial_liquidity = { TOK = "1000", USD = "2000" }

[farm]
clock = "time"
reward = { source = "mint", token = "TOK" }
schedule = { curve = "constant", rate = 5 }

[[pools]]
name = "L"
kind = "lp"
staking = "TU-LP"
weight = 3

[[pools]]
name = "S"
kind = "solo"
staking = "USD"
weight = 1

[[tokens]]
symbol = "XTK"
kind = "cw20"
decimals = 0

[[pools]]
name = "X"
kind = "solo"
staking = "XTK"
weight = 1

[[users]]
name = "x"
balances = { "XTK" = 10 }
actions = [{ at = 0, action = "deposit", pool = "X", amount = 10 }]

[[users]]
name = "u"
balances = { "USD" = 1000 }
actions = [
  { at = 20, action = "deposit", pool = "S", amount = 1000 },
  { at = 70, action = "withdraw", pool = "S", amount = 1000 },
]
"#;

#[test]
fn apr_and_tvl_of_one_staker_at_a_known_price() {
    let report = run_text(PRICED);
    let v = report.valuation.as_ref().expect("a valuation");
    // The quote is the first weighted pool's second asset.
    assert_eq!(v.quote.as_deref(), Some("USD"));
    assert!(v.basis.contains("365 days"));
    // u alone staked 1,000 USD (price 1) in S for 70 - 20 = 50 s: value-seconds 50,000, and
    // was credited S's 1 TOK/s x 50 s = 50 TOK, worth 50 x 2 = 100 USD.
    // APR = floor(100 x 31,536,000 x 10,000 / 50,000) = 630,720,000 bps (6,307,200%).
    let user = v.users.iter().find(|p| p.user == "u").unwrap();
    assert_eq!(user.pool, "S");
    assert_eq!(user.staked_secs, 50);
    assert_eq!(user.value_secs, Some(Uint256::from(50_000u32)));
    assert_eq!(user.reward_value, Some(Uint256::from(100u32)));
    assert_eq!(user.apr_bps, Some(630_720_000));
    let pool = &v.pools[1];
    assert_eq!(pool.apr_bps, Some(630_720_000));
    assert_eq!(pool.reward_value, Some(Uint256::from(100u32)));
    // At 50 s: TVL 1,000 USD; 30 s staked: 30 TOK = 60 USD over 30,000 value-seconds, the same
    // APR: floor(60 x 315,360,000,000 / 30,000) = 630,720,000. After 70 s the TVL is 0.
    let at = |t: u64| v.samples.iter().find(|s| s.t == t).unwrap();
    let p50 = &at(50).pools[1];
    assert_eq!(p50.tvl, Some(Uint256::from(1_000u32)));
    assert_eq!(p50.reward_value, Some(Uint256::from(60u32)));
    assert_eq!(p50.value_secs, Some(Uint256::from(30_000u32)));
    assert_eq!(p50.apr_bps, Some(630_720_000));
    assert_eq!(at(80).pools[1].tvl, Some(Uint256::zero()));
    // Before the deposit nothing was staked: no APR, and the table says "-".
    assert_eq!(at(10).pools[1].apr_bps, None);
    // The HTML table cells: 1,000 staked at the end is 0; 100 USD; 6,307,200%.
    assert_eq!(
        report::value_tables::pool_cells(v, pool),
        ["0", "100", "6,307,200%"]
    );
    // 50 s staked, shown as a duration.
    assert_eq!(report::value_tables::user_cells(v, user)[0], "50s");
    // The terminal summary has the same cells: S as above; X stakes XTK, which no weighted
    // pool trades, so its TVL and APR read "no price", while its reward has a price: weight 1
    // of 5 at 5 TOK/s is 1 TOK/s, all to x over the 100 s, 100 TOK at 2 USD = 200 USD.
    let text = trellis_cli::table::summary(&report);
    let words = |line: &str| line.split_whitespace().collect::<Vec<_>>().join(" ");
    let rows: Vec<String> = text.lines().map(words).collect();
    assert!(rows.iter().any(|r| r == "S 0 100 6,307,200%"), "{text}");
    assert!(
        rows.iter().any(|r| r == "X no price 200 no price"),
        "{text}"
    );
    assert!(rows.iter().any(|r| r == "u S 50s 100 6,307,200%"), "{text}");
    let html = report::html::render(&report);
    assert!(html.contains("APR and TVL basis"));
    assert!(html.contains("TVL per farm pool (staked value in USD)"));
    // S's APR is the same 6,307,200% at every sample from 30 s to 100 s (one constant rate and
    // price): a flat chart, which the report leaves out as it does every flat chart.
    let axis = report::html::x_axis(&report);
    let charts = report::value_charts::charts(&report, &axis);
    let apr = chart(&charts, "APR so far per farm pool");
    let s = apr.series.iter().find(|s| s.name == "S").unwrap();
    assert_eq!(s.points.len(), 8);
    assert!(s.points.iter().all(|(_, y)| *y == 6_307_200.0));
    assert!(!apr.is_informative());
    assert!(!html.contains("APR so far per farm pool"));
}

#[test]
fn the_reward_per_pool_csv_column() {
    let report = run_text(PRICED);
    let csv = report::value_csv::farm_pools(&report);
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("t_secs,pool,staked,reward,quote,tvl,reward_value,value_secs,staked_secs,apr_bps")
    );
    // S at 50 s: 1,000 USD staked; 30 TOK rewarded (30 s x 1 TOK/s), worth 60 USD; 30,000
    // value-seconds over 30 s staked; APR 630,720,000 bps (see above). At 100 s: the 50 TOK of
    // 20 s to 70 s, 100 USD, 50,000 value-seconds over 50 s.
    assert!(csv.contains("\n50,S,1000,30,USD,1000,60,30000,30,630720000\n"));
    assert!(csv.contains("\n100,S,0,50,USD,0,100,50000,50,630720000\n"));
    // 0 s: nothing staked or rewarded, no APR yet.
    assert!(csv.contains("\n0,S,0,0,USD,0,0,0,0,\n"));
}

#[test]
fn a_stake_with_no_price_path_reads_no_price() {
    // X stakes XTK, which no weighted pool trades: TOK still has a price.
    let report = run_text(PRICED);
    let v = report.valuation.as_ref().unwrap();
    let x = &v.pools[2];
    assert_eq!(x.pool, "X");
    assert_eq!((x.tvl, x.value_secs, x.apr_bps), (None, None, None));
    // X's 1 TOK/s over the whole 100 s: 100 TOK, worth 200 USD.
    assert_eq!(x.reward_value, Some(Uint256::from(200u32)));
    assert_eq!(
        report::value_tables::pool_cells(v, x),
        ["no price", "200", "no price"]
    );
    let xs = v.users.iter().find(|p| p.user == "x").unwrap();
    assert_eq!(
        (xs.value_secs, xs.apr_bps, xs.staked_secs),
        (None, None, 100)
    );
    // L has a price (its LP token is a share of the weighted pool) but no stake: TVL 0, no
    // reward, and an APR of "-" (nothing staked), not "no price".
    assert_eq!(
        report::value_tables::pool_cells(v, &v.pools[0]),
        ["0", "0", "-"]
    );
    let csv = report::value_csv::farm_pools(&report);
    assert!(csv.contains("\n100,X,10,100,USD,,200,,100,\n"));

    // No weighted pool at all: no quote, nothing priced.
    let report = run_text(TWO_STAKERS);
    let v = report.valuation.as_ref().unwrap();
    assert_eq!(v.quote, None);
    assert!(v.basis.contains("no token has a price"));
    assert_eq!(
        report::value_tables::pool_cells(v, &v.pools[0]),
        ["no price", "no price", "no price"]
    );
}

#[test]
fn compare_boost_gives_each_users_apr_per_mode() {
    // boost_modes.toml: nobody trades and the four joins are proportional (40,000 ALY +
    // 2,500 FUSD each into 1,600,000 + 100,000), so ALY stays at (110,000 / 20) / (1,760,000 /
    // 80) = 0.25 FUSD. carol's stake is the same in every mode, so her value-seconds VS are;
    // her reward is worth floor(reward / 4): none 604,800 ALY -> 151,200 FUSD; curve
    // 361,712.095797 -> 90,428.023949 (floored); foo 0 -> 0, an APR of exactly 0.
    let report = run_bundled("boost_modes.toml");
    let cmp = report.summary.boost_comparison.as_ref().unwrap();
    assert_eq!(cmp.modes, ["none", "curve", "foo"]);
    let v = report.valuation.as_ref().unwrap();
    assert_eq!(v.quote.as_deref(), Some("FUSD"));
    let carol = v.users.iter().find(|u| u.user == "carol").unwrap();
    let vs = carol.value_secs.unwrap();
    let apr = |reward: u128| {
        let scaled = Uint256::from(reward) * Uint256::from(31_536_000u64 * 10_000);
        cosmwasm_std::Uint128::try_from(scaled / vs).unwrap().u128() as u64
    };
    let row = cmp.users.iter().find(|u| u.user == "carol").unwrap();
    assert_eq!(
        row.apr_bps,
        [
            Some(apr(151_200_000_000)),
            Some(apr(90_428_023_949)),
            Some(0)
        ]
    );
    // The run as written is the curve run: its own table agrees.
    assert_eq!(carol.apr_bps, Some(apr(90_428_023_952)));
    let axis = report::html::x_axis(&report);
    let charts = report::ve_charts::charts(&report, &axis);
    let c = chart(&charts, "APR per user and boost mode (%, values in FUSD");
    let series = c.series.iter().find(|s| s.name == "carol").unwrap();
    assert_eq!(series.points[2], (2.0, 0.0));
}

#[test]
fn scripted_swaps_are_marked_on_their_amm_pools_chart() {
    // quickstart.toml: the whale buys ALY in ALY-FUSD on day 10 and sells ALY in ALY-WFUSE on
    // day 20 (x in days); WFUSE-FUSD sees only the random trader: no marker.
    let report = run_bundled("quickstart.toml");
    let axis = report::html::x_axis(&report);
    let charts = report::html_amm::price_charts(&report, &axis);
    let marks = |pool: &str| {
        charts
            .iter()
            .find(|c| c.title.contains(&format!("(amm pool {pool},")))
            .unwrap()
            .markers
            .clone()
    };
    let whale = |x: f64| Marker {
        x,
        label: "whale swap".to_string(),
    };
    assert_eq!(marks("ALY-FUSD"), [whale(10.0)]);
    assert_eq!(marks("ALY-WFUSE"), [whale(20.0)]);
    assert!(marks("WFUSE-FUSD").is_empty());
}
