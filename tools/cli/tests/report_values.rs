//! How values are shown (significant digits, `trellis_cli::format`): in the FOO report's charts
//! and tables and for a pool with a tiny price, with the expected strings derived by hand.
mod chart_axes;
mod common;

use trellis_cli::{report, table};

use chart_axes::{assert_distinct, axes};
use common::{run_bundled, run_text};

/// `scenarios/foo.toml`: LIT is worth 0.001 WETH at deployment and falls under the sells, so
/// both LIT-in-WETH charts run from 0 to 0.001. The users' joins keep it exactly 0.001: a join
/// of 1% of the pool mints floor(S / 100) of the 18-decimal LP supply S (about 7.6e23), and
/// that floor is worth under 1e-11 base units of either asset, so the join's ceil takes exactly
/// 1% of each reserve and the ratio does not move. The top is therefore 0.001 itself, and
/// 0.001 / 5 = 0.0002 is already a round step (2 x 10^-4): six ticks 0.0002 apart. Two fixed
/// decimals labelled every tick `0`; each label now carries the digits its step needs.
#[test]
fn foo_report_axes_show_the_lit_price_and_no_label_repeats() {
    let report = run_bundled("foo.toml");
    let html = report::html::render(&report);
    let charts = axes(&html);
    assert!(charts.len() >= 8, "{}", charts.len());
    let mut lit_in_weth = 0;
    for (title, y, x) in &charts {
        assert!(!y.is_empty() && !x.is_empty(), "{title}: no tick labels");
        assert_distinct(&format!("{title}, y axis"), y);
        assert_distinct(&format!("{title}, x axis"), x);
        if title.starts_with("Price of LIT in WETH") || title.starts_with("LIT price in WETH") {
            lit_in_weth += 1;
            assert!(y.iter().any(|l| l != "0"), "{title}: {y:?}");
            assert_eq!(
                y,
                &["0", "0.0002", "0.0004", "0.0006", "0.0008", "0.001"],
                "{title}"
            );
        }
    }
    assert_eq!(
        lit_in_weth, 2,
        "the amm pool's price chart and the options' price chart"
    );

    // The terminal AMM table: the LIT-WETH pool started at 0.001 WETH per LIT.
    let text = table::summary(&report);
    let row = text
        .lines()
        .find(|l| l.trim_start().starts_with("LIT-WETH") && l.contains("80/20 LIT/WETH"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(row.contains("  0.001  "), "{row}");
}

/// A 50/50 pool of 4,000,000 AAA and 1 BBB (6 decimals each): BBB per AAA is
/// (1e6 / 0.5) / (4e12 / 0.5) = 2.5e-7, exact at 18 decimals. Nothing trades, so it is the
/// price at the start and at the end.
const TINY: &str = r#"
duration = 60
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
initial_liquidity = { AAA = "4000000", BBB = "1" }

[[pools]]
name = "F"
kind = "lp"
staking = "P-LP"
weight = 1
"#;

/// With six fixed decimals the terminal table printed `price 0 start 0` and the chart's ticks
/// all read `0`. Now: 2.5e-7 (below 1e-4, so with an exponent) in the terminal and HTML
/// tables, and ticks 0, 5e-8, ..., 2.5e-7 (nice_ticks(0, 2.5e-7, 5): a step of 5e-8).
#[test]
fn a_tiny_price_shows_its_digits() {
    let report = run_text(TINY);
    let price = report.summary.amm_pools[0].price;
    assert_eq!(price.to_string(), "0.00000025");

    let text = table::summary(&report);
    let row = text
        .lines()
        .find(|l| l.trim_start().starts_with("P ") && l.contains("AAA/BBB"))
        .unwrap_or_else(|| panic!("{text}"));
    // reserves, price, start: the large amount exact and grouped, the tiny price with its
    // digits.
    assert!(
        row.contains("4,000,000 AAA + 1 BBB  2.5e-7  2.5e-7"),
        "{row}"
    );

    let html = report::html::render(&report);
    assert!(
        html.contains("<td class=\"n\">2.5e-7 (start 2.5e-7)</td>"),
        "amm table"
    );
    // Nobody swaps, so the price is flat and the report leaves its chart out; drawn anyway,
    // its ticks show the digits.
    assert!(!html.contains("Price of AAA in BBB"));
    let charts = report::html_amm::price_charts(&report, &report::html::x_axis(&report));
    assert!(!charts[0].is_informative());
    let (title, y, _) = axes(&charts[0].render())
        .into_iter()
        .find(|(t, _, _)| t.starts_with("Price of AAA in BBB"))
        .expect("the price chart");
    assert_eq!(
        y,
        ["0", "5e-8", "1e-7", "1.5e-7", "2e-7", "2.5e-7"],
        "{title}"
    );
}
