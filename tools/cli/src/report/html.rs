//! `report.html`: one self-contained page (no JavaScript, no network) with the summary
//! tables and inline SVG charts of the time series.
use std::collections::BTreeMap;
use std::fmt::Write;

use super::chart::{LineChart, Series};
use super::svg::escape;
use crate::format::{self, to_f64, value};
use crate::model::SimReport;
use crate::table;

/// How the x axis counts time.
pub struct XAxis {
    pub label: &'static str,
    pub secs_per_unit: f64,
}

pub fn x_axis(report: &SimReport) -> XAxis {
    let s = &report.scenario;
    if s.clock == "height" {
        return XAxis {
            label: "blocks since deployment",
            secs_per_unit: s.block_secs as f64,
        };
    }
    let (label, secs_per_unit) = match s.duration_secs {
        d if d >= 2 * 86_400 => ("days since deployment", 86_400.0),
        d if d >= 2 * 3_600 => ("hours since deployment", 3_600.0),
        d if d >= 120 => ("minutes since deployment", 60.0),
        _ => ("seconds since deployment", 1.0),
    };
    XAxis {
        label,
        secs_per_unit,
    }
}

pub fn render(report: &SimReport) -> String {
    let s = &report.scenario;
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Trellis sim: {name}</title>
<style>
body {{ font-family: sans-serif; margin: 2em auto; max-width: 1000px; color: #222; }}
table {{ border-collapse: collapse; margin: 0.5em 0 1.5em; }}
th, td {{ padding: 3px 10px; border-bottom: 1px solid #ddd; }}
td.n {{ text-align: right; font-variant-numeric: tabular-nums; }}
th {{ text-align: left; background: #f4f4f4; }}
.ok {{ color: #0a7a2f; font-weight: bold; }} .bad {{ color: #b00020; font-weight: bold; }}
pre {{ background: #f7f7f7; padding: 1em; overflow-x: auto; }}
figure {{ margin: 1em 0; }}
</style></head><body>
<h1>Trellis sim: {name}</h1>
<p>{description}</p>
<p>{clock} clock, {block} blocks, {duration} sampled every {step}; reward {symbol} ({source}); scenario <code>{file}</code>.</p>
"#,
        name = escape(&s.name),
        description = escape(&s.description),
        clock = escape(&s.clock),
        block = format::duration(s.block_secs),
        duration = format::duration(s.duration_secs),
        step = format::duration(s.step_secs),
        symbol = escape(&s.reward_symbol),
        source = escape(&s.reward_source),
        file = escape(&s.file),
    );
    let conserved = report.conserved();
    let _ = writeln!(
        out,
        r#"<h2>Conservation: <span class="{}">{}</span></h2>"#,
        if conserved { "ok" } else { "bad" },
        if conserved {
            "every check held"
        } else {
            "VIOLATED"
        }
    );
    out.push_str("<h2>Charts</h2>\n");
    let amm_charts = super::html_amm::price_charts(report, &x_axis(report));
    let ve_charts = super::ve_charts::charts(report, &x_axis(report));
    let options_charts = super::options_charts::charts(report, &x_axis(report));
    let value_charts = super::value_charts::charts(report, &x_axis(report));
    for chart in charts(report)
        .into_iter()
        .chain(value_charts)
        .chain(amm_charts)
        .chain(ve_charts)
        .chain(options_charts)
        .filter(LineChart::is_informative)
    {
        let _ = writeln!(out, "<figure>{}</figure>", chart.render());
    }
    for svg in super::cl_charts::render(report, &x_axis(report)) {
        let _ = writeln!(out, "<figure>{svg}</figure>");
    }
    for chart in super::cl_farm_charts::charts(report, &x_axis(report))
        .into_iter()
        .filter(LineChart::is_informative)
    {
        let _ = writeln!(out, "<figure>{}</figure>", chart.render());
    }
    out.push_str("<h2>Summary</h2>\n");
    pools_table(&mut out, report);
    users_table(&mut out, report);
    super::html_amm::tables(&mut out, report);
    let options_sections = super::options_tables::sections(report);
    for section in super::ve_tables::sections(report)
        .into_iter()
        .chain(options_sections)
        .chain(super::cl_tables::sections(report))
        .chain(super::cl_farm_tables::sections(report))
    {
        let _ = writeln!(out, "<h3>{}</h3>", escape(&section.title));
        let names: Vec<&str> = section.headers.iter().map(String::as_str).collect();
        html_table(&mut out, &names, &section.rows);
    }
    if let Some(note) = super::value_tables::basis(report) {
        let _ = writeln!(out, "<p><b>APR and TVL basis.</b> {}</p>", escape(note));
    }
    if let Some(note) = super::cl_farm_tables::pricing(report) {
        let _ = writeln!(out, "<p><b>CL farming pricing.</b> {}</p>", escape(note));
    }
    // The text summary carries the stream and the conservation arithmetic, exactly as printed.
    let _ = writeln!(out, "<pre>{}</pre>", escape(&table::summary(report)));
    out.push_str("</body></html>\n");
    out
}

pub fn html_table(out: &mut String, headers: &[&str], rows: &[Vec<String>]) {
    out.push_str("<table><tr>");
    for h in headers {
        let _ = write!(out, "<th>{}</th>", escape(h));
    }
    out.push_str("</tr>\n");
    for row in rows {
        out.push_str("<tr>");
        for (i, cell) in row.iter().enumerate() {
            let class = if i == 0 { "" } else { r#" class="n""# };
            let _ = write!(out, "<td{class}>{}</td>", escape(cell));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</table>\n");
}

fn pools_table(out: &mut String, report: &SimReport) {
    let rd = report.scenario.reward_decimals;
    let rows: Vec<Vec<String>> = report
        .pools
        .iter()
        .zip(&report.summary.pools)
        .enumerate()
        .map(|(i, (info, p))| {
            let mut row = vec![
                info.name.clone(),
                format!(
                    "{}{}",
                    info.kind,
                    if info.native { " (native)" } else { "" }
                ),
                p.weight.to_string(),
                format!(
                    "{} {}",
                    value(p.staked.u128(), info.staking_decimals),
                    info.staking_symbol
                ),
                value(p.distributed.u128(), rd),
                value(p.earned.u128(), rd),
                value(p.claimed.u128(), rd),
                value(p.forfeited.u128(), rd),
            ];
            if let Some(v) = &report.valuation {
                row.extend(super::value_tables::pool_cells(v, &v.pools[i]));
            }
            row
        })
        .collect();
    out.push_str("<h3>Pools</h3>\n");
    let mut headers: Vec<String> = [
        "pool",
        "kind",
        "weight",
        "staked",
        "distributed",
        "earned",
        "claimed",
        "forfeited",
    ]
    .map(String::from)
    .to_vec();
    if report.valuation.is_some() {
        headers.extend(super::value_tables::pool_headers(report));
    }
    let names: Vec<&str> = headers.iter().map(String::as_str).collect();
    html_table(out, &names, &rows);
}

fn users_table(out: &mut String, report: &SimReport) {
    let rd = report.scenario.reward_decimals;
    let rows: Vec<Vec<String>> = report
        .summary
        .users
        .iter()
        .enumerate()
        .map(|(k, u)| {
            let decimals = report
                .pool_index(&u.pool)
                .map(|i| report.pools[i].staking_decimals)
                .unwrap_or(0);
            let mut row = vec![
                u.user.clone(),
                u.pool.clone(),
                value(u.staked.u128(), decimals),
                value(u.earned.u128(), rd),
                value(u.claimed.u128(), rd),
                value(u.settled.u128(), rd),
                value(u.forfeited.u128(), rd),
            ];
            if let Some(v) = &report.valuation {
                row.extend(super::value_tables::user_cells(v, &v.users[k]));
            }
            row
        })
        .collect();
    out.push_str("<h3>Users</h3>\n");
    let mut headers: Vec<String> = crate::report::USER_COLUMNS.map(String::from).to_vec();
    if report.valuation.is_some() {
        headers.extend(super::value_tables::user_headers(report));
    }
    let names: Vec<&str> = headers.iter().map(String::as_str).collect();
    html_table(out, &names, &rows);
}

/// The charts: the reward stream, the emission rate, staked per pool, weights, earned per user.
/// The farm's time charts, each carrying the scripted events as markers.
pub fn charts(report: &SimReport) -> Vec<LineChart> {
    let s = &report.scenario;
    let axis = x_axis(report);
    let markers = super::event_markers::markers(report, &axis);
    let x = |t: u64| t as f64 / axis.secs_per_unit;
    let rd = s.reward_decimals;
    let rs = &s.reward_symbol;
    let series = |name: &str, f: &dyn Fn(&crate::model::Sample) -> u128, decimals: u8| {
        Series::new(
            name,
            report
                .samples
                .iter()
                .map(|p| (x(p.t), to_f64(f(p), decimals)))
                .collect(),
        )
    };

    let mut stream = vec![
        series("emitted", &|p| p.emitted.u128(), rd),
        series(
            "distributed",
            &|p| {
                (p.emitted.u128()).saturating_sub(
                    p.undistributed.u128() + p.recovered.u128() + p.rolled_over.u128(),
                )
            },
            rd,
        ),
        series("claimed", &|p| p.claimed.u128(), rd),
        series("pending", &|p| p.pending.u128(), rd),
        series("undistributed", &|p| p.undistributed.u128(), rd),
    ];
    if s.reward_source == "reserve" {
        stream.push(series("skipped", &|p| p.skipped.u128(), rd));
        stream.push(series(
            "reserve left",
            &|p| p.reserve_available.map(|a| a.u128()).unwrap_or(0),
            rd,
        ));
    }

    // The emitted rate of sample k covers (t[k-1], t[k]]: draw it over that interval.
    let effective: Vec<(f64, f64)> = report
        .samples
        .windows(2)
        .map(|w| (x(w[0].t), to_f64(w[1].emitted_rate.u128(), rd)))
        .chain(
            report
                .samples
                .last()
                .map(|p| (x(p.t), to_f64(p.emitted_rate.u128(), rd))),
        )
        .collect();
    let mut scheduled = series("scheduled", &|p| p.scheduled_rate.u128(), rd);
    scheduled.dashed = true;
    let rate = vec![scheduled, Series::new("emitted", effective)];

    // Raw stakes of tokens with different decimals and supplies share no axis: draw each
    // position as its share of its pool's stake instead.
    let staked: Vec<Series> = report
        .summary
        .users
        .iter()
        .filter_map(|u| {
            let i = report.pool_index(&u.pool)?;
            let points = report
                .samples
                .iter()
                .map(|p| {
                    let mine = report
                        .positions
                        .iter()
                        .find(|q| q.t == p.t && q.user == u.user && q.pool == u.pool)
                        .map_or(0, |q| q.staked.u128());
                    (x(p.t), share_pct(mine, p.pools[i].staked.u128()))
                })
                .collect();
            Some(Series::new(format!("{} in {}", u.user, u.pool), points))
        })
        .collect();
    let reward_per_pool: Vec<Series> = report
        .pools
        .iter()
        .enumerate()
        .map(|(i, pool)| {
            let points = report
                .samples
                .iter()
                .map(|p| (x(p.t), to_f64(p.pools[i].distributed.u128(), rd)))
                .collect();
            Series::new(pool.name.clone(), points)
        })
        .collect();
    let weights: Vec<Series> = report
        .pools
        .iter()
        .enumerate()
        .map(|(i, pool)| {
            let points = report
                .samples
                .iter()
                .map(|p| (x(p.t), p.pools[i].weight as f64))
                .collect();
            Series::new(pool.name.clone(), points)
        })
        .collect();

    let mut earned: BTreeMap<(u64, &str), u128> = BTreeMap::new();
    for p in &report.positions {
        *earned.entry((p.t, p.user.as_str())).or_default() += (p.claimed + p.pending).u128();
    }
    let users: Vec<Series> = report
        .users
        .iter()
        .map(|u| {
            let points = report
                .samples
                .iter()
                .map(|p| {
                    (
                        x(p.t),
                        to_f64(earned.get(&(p.t, u.as_str())).copied().unwrap_or(0), rd),
                    )
                })
                .collect();
            Series::new(u.clone(), points)
        })
        .collect();

    let chart = |title: String, y_label: String, series: Vec<Series>, steps: bool| LineChart {
        title,
        x_label: axis.label.to_string(),
        y_label,
        series,
        steps,
        markers: markers.clone(),
    };
    vec![
        chart(
            format!("Reward stream, cumulative ({rs})"),
            rs.clone(),
            stream,
            false,
        ),
        chart(
            format!("Emission rate ({rs} per {})", s.clock_unit),
            format!("{rs} / {}", s.clock_unit),
            rate,
            true,
        ),
        chart(
            "Stake per user, % of the pool's stake".into(),
            "% of pool".into(),
            staked,
            true,
        ),
        chart(
            format!("Reward per pool, cumulative ({rs} distributed to the pool)"),
            rs.clone(),
            reward_per_pool,
            false,
        ),
        chart("Pool weights".into(), "weight".into(), weights, true),
        chart(
            format!("Earned per user: claimed + pending ({rs})"),
            rs.clone(),
            users,
            false,
        ),
    ]
}

/// `part / whole` in percent; 0 for an empty pool.
fn share_pct(part: u128, whole: u128) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 * 100.0 / whole as f64
    }
}
