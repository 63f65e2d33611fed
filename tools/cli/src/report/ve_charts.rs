//! The vote-escrow charts of `report.html`: ve power per user (with an escrow), working supply
//! per pool (with a boosted pool) and gauge relative weights (gauge-split farms).
use super::chart::{LineChart, Series};
use super::html::XAxis;
use crate::format::to_f64;
use crate::model::SimReport;

pub fn charts(report: &SimReport, axis: &XAxis) -> Vec<LineChart> {
    let x = |t: u64| t as f64 / axis.secs_per_unit;
    let markers = super::event_markers::markers(report, axis);
    let chart = |title: &str, y_label: &str, series: Vec<Series>, steps: bool| LineChart {
        title: title.to_string(),
        x_label: axis.label.to_string(),
        y_label: y_label.to_string(),
        series,
        steps,
        markers: markers.clone(),
    };
    let mut out = Vec::new();
    if let Some(ve) = &report.summary.ve {
        let d = ve.lock_decimals;
        let series = report
            .users
            .iter()
            .enumerate()
            .map(|(u, name)| {
                let points = report
                    .samples
                    .iter()
                    .filter_map(|s| {
                        s.ve.as_ref()
                            .map(|v| (x(s.t), to_f64(v.powers[u].u128(), d)))
                    })
                    .collect();
                Series::new(name.clone(), points)
            })
            .collect();
        out.push(chart(
            &format!(
                "Ve power per user ({} locked x time left / max time)",
                ve.lock_symbol
            ),
            "ve power",
            series,
            false,
        ));
    }
    if report.pools.iter().any(|p| p.boost != "none") {
        let series = report
            .pools
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let points = report
                    .samples
                    .iter()
                    .map(|s| {
                        (
                            x(s.t),
                            to_f64(s.pools[i].working_supply.u128(), p.staking_decimals),
                        )
                    })
                    .collect();
                Series::new(p.name.clone(), points)
            })
            .collect();
        out.push(chart(
            "Working supply per pool (stakes as they count for reward)",
            "working supply (token units)",
            series,
            true,
        ));
    }
    if !report.summary.gauge_weeks.is_empty() {
        let series = report
            .pools
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let points = report
                    .samples
                    .iter()
                    .map(|s| {
                        let w = s.pools[i].relative_weight.unwrap_or_default();
                        (x(s.t), w.to_string().parse().unwrap_or(0.0))
                    })
                    .collect();
                Series::new(p.name.clone(), points)
            })
            .collect();
        out.push(chart(
            "Gauge relative weights (share of the emission, weekly)",
            "relative weight",
            series,
            true,
        ));
    }
    if let Some(cmp) = &report.summary.boost_comparison {
        // The modes side by side: x is the mode's position in `compare_boost`.
        let rd = report.scenario.reward_decimals;
        let series = cmp
            .users
            .iter()
            .map(|row| {
                let points = row
                    .rewards
                    .iter()
                    .enumerate()
                    .map(|(m, r)| (m as f64, to_f64(r.u128(), rd)))
                    .collect();
                Series::new(row.user.clone(), points)
            })
            .collect();
        let modes = cmp
            .modes
            .iter()
            .enumerate()
            .map(|(m, name)| format!("{m} = {name}"))
            .collect::<Vec<_>>()
            .join(", ");
        out.push(LineChart {
            title: format!(
                "Reward per user and boost mode ({}; x: {modes})",
                report.scenario.reward_symbol,
            ),
            x_label: "boost mode".to_string(),
            y_label: report.scenario.reward_symbol.clone(),
            series,
            steps: false,
            markers: Vec::new(),
        });
        // A user without a price (or a stake) under a mode has no point there.
        let series = cmp
            .users
            .iter()
            .map(|row| {
                let points = row
                    .apr_bps
                    .iter()
                    .enumerate()
                    .filter_map(|(m, apr)| Some((m as f64, (*apr)? as f64 / 100.0)))
                    .collect();
                Series::new(row.user.clone(), points)
            })
            .collect();
        let quote = report
            .valuation
            .as_ref()
            .and_then(|v| v.quote.clone())
            .unwrap_or_else(|| "no quote".to_string());
        out.push(LineChart {
            title: format!("APR per user and boost mode (%, values in {quote}; x: {modes})"),
            x_label: "boost mode".to_string(),
            y_label: "APR %".to_string(),
            series,
            steps: false,
            markers: Vec::new(),
        });
    }
    out
}
