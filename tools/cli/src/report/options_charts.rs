//! The options charts of `report.html`: the treasury's cash, the token price (spot, TWAP and
//! strike) and the sell pressure (underlying sold into the pool by exercisers per sample).
use super::chart::{LineChart, Series};
use super::html::XAxis;
use super::options_tables::display_price;
use crate::format::to_f64;
use crate::model::SimReport;

pub fn charts(report: &SimReport, axis: &XAxis) -> Vec<LineChart> {
    let Some(o) = &report.summary.options else {
        return Vec::new();
    };
    let info = &o.info;
    let x = |t: u64| t as f64 / axis.secs_per_unit;
    let markers = super::event_markers::options_markers(report, axis);
    let chart = |title: String, y_label: &str, series: Vec<Series>, steps: bool| LineChart {
        title,
        x_label: axis.label.to_string(),
        y_label: y_label.to_string(),
        series,
        steps,
        markers: markers.clone(),
    };
    let points = |f: &dyn Fn(&crate::model::OptionsSample) -> Option<f64>| -> Vec<(f64, f64)> {
        report
            .samples
            .iter()
            .filter_map(|s| s.options.as_ref().and_then(|o| f(o).map(|y| (x(s.t), y))))
            .collect()
    };
    let as_f64 = |d: cosmwasm_std::Decimal256| d.to_string().parse::<f64>().unwrap_or(0.0);
    let cash = points(&|o| Some(to_f64(o.treasury_cash.u128(), info.payment_decimals)));
    let spot = points(&|o| Some(as_f64(display_price(o.spot.atomics(), info))));
    let twap = points(&|o| {
        o.twap
            .map(|d| as_f64(display_price(d.atomics().into(), info)))
    });
    let strike = points(&|o| {
        o.strike
            .map(|d| as_f64(display_price(d.atomics().into(), info)))
    });
    let sold = points(&|o| Some(to_f64(o.sold.u128(), info.underlying_decimals)));
    let mut strike_series = Series::new("strike", strike);
    strike_series.dashed = true;
    vec![
        chart(
            format!("Treasury cash ({} received for exercises)", info.payment),
            &info.payment,
            vec![Series::new(info.treasury.clone(), cash)],
            true,
        ),
        chart(
            format!(
                "{} price in {} (spot, TWAP, strike)",
                info.underlying, info.payment
            ),
            "price",
            vec![
                Series::new("spot", spot),
                Series::new("TWAP", twap),
                strike_series,
            ],
            false,
        ),
        chart(
            format!(
                "Sell pressure ({} sold into {} by exercisers, per sample)",
                info.underlying, info.pool
            ),
            &info.underlying,
            vec![Series::new("sold", sold)],
            true,
        ),
    ]
}
