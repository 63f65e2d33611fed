//! The farm valuation's charts in `report.html`: TVL per farm pool and APR so far per farm
//! pool, in the quote token, each with the scripted events as markers. A pool without a price
//! draws no line.
use super::chart::{LineChart, Series};
use super::html::XAxis;
use crate::format::to_f64;
use crate::model::value::PoolValue;
use crate::model::SimReport;

pub fn charts(report: &SimReport, axis: &XAxis) -> Vec<LineChart> {
    let Some(valuation) = &report.valuation else {
        return Vec::new();
    };
    let Some(quote) = &valuation.quote else {
        return Vec::new();
    };
    let markers = super::event_markers::markers(report, axis);
    let x = |t: u64| t as f64 / axis.secs_per_unit;
    let series = |y: &dyn Fn(&PoolValue) -> Option<f64>| -> Vec<Series> {
        report
            .pools
            .iter()
            .enumerate()
            .map(|(i, pool)| {
                let points = valuation
                    .samples
                    .iter()
                    .filter_map(|s| Some((x(s.t), y(&s.pools[i])?)))
                    .collect();
                Series::new(pool.name.clone(), points)
            })
            .collect()
    };
    let qd = valuation.quote_decimals;
    let raw = |v: cosmwasm_std::Uint256| {
        cosmwasm_std::Uint128::try_from(v).map_or(u128::MAX, |v| v.u128())
    };
    let tvl = series(&|p| Some(to_f64(raw(p.tvl?), qd)));
    let apr = series(&|p| Some(p.apr_bps? as f64 / 100.0));
    vec![
        LineChart {
            title: format!("TVL per farm pool (staked value in {quote})"),
            x_label: axis.label.to_string(),
            y_label: quote.clone(),
            series: tvl,
            steps: false,
            markers: markers.clone(),
        },
        LineChart {
            title: format!(
                "APR so far per farm pool (reward value over staked value-seconds, in {quote})"
            ),
            x_label: axis.label.to_string(),
            y_label: "APR %".to_string(),
            series: apr,
            steps: false,
            markers,
        },
    ]
}
