//! The amm part of `report.html`: a price chart per amm pool and the pools' and traders'
//! tables. Nothing when the scenario has no amm pools.
use std::fmt::Write;

use super::chart::{LineChart, Series};
use super::html::{html_table, XAxis};
use crate::format::{self, value};
use crate::model::SimReport;

/// One chart per amm pool: the price of its first asset in its second, display units.
pub fn price_charts(report: &SimReport, axis: &XAxis) -> Vec<LineChart> {
    report
        .amm_pools
        .iter()
        .enumerate()
        .map(|(i, info)| {
            let points = report
                .samples
                .iter()
                .map(|s| {
                    let price = s.amm_pools[i].price.to_string().parse().unwrap_or(0.0);
                    (s.t as f64 / axis.secs_per_unit, price)
                })
                .collect();
            LineChart {
                title: format!(
                    "Price of {} in {} (amm pool {}, {}/{})",
                    info.assets[0], info.assets[1], info.name, info.weights[0], info.weights[1]
                ),
                x_label: axis.label.to_string(),
                y_label: format!("{} per {}", info.assets[1], info.assets[0]),
                series: vec![Series::new("spot price", points)],
                steps: false,
                markers: super::event_markers::amm_markers(report, axis, &info.name),
            }
        })
        .collect()
}

/// The amm pools at the end and the traders.
pub fn tables(out: &mut String, report: &SimReport) {
    if report.amm_pools.is_empty() {
        return;
    }
    let rows: Vec<Vec<String>> = report
        .amm_pools
        .iter()
        .zip(&report.summary.amm_pools)
        .map(|(info, p)| {
            let pair = |values: [cosmwasm_std::Uint128; 2]| {
                format!(
                    "{} {} + {} {}",
                    value(values[0].u128(), info.decimals[0]),
                    info.assets[0],
                    value(values[1].u128(), info.decimals[1]),
                    info.assets[1]
                )
            };
            vec![
                info.name.clone(),
                format!(
                    "{}/{} {}/{}",
                    info.weights[0], info.weights[1], info.assets[0], info.assets[1]
                ),
                format!("{} bps", info.swap_fee_bps),
                pair(p.reserves),
                format!(
                    "{} (start {})",
                    format::sig(p.price, format::DIGITS),
                    format::sig(p.start_price, format::DIGITS)
                ),
                format!(
                    "{} {}",
                    value(p.lp_supply.u128(), lp_decimals(report, &info.lp_symbol)),
                    info.lp_symbol
                ),
                p.swaps.to_string(),
                pair(p.volume),
                pair(p.fees),
                pair(p.protocol_fees_owed),
            ]
        })
        .collect();
    let _ = writeln!(out, "<h3>AMM pools</h3>");
    html_table(
        out,
        &[
            "pool",
            "weights",
            "swap fee",
            "reserves",
            "price",
            "LP supply",
            "swaps",
            "volume (asset sold)",
            "fees",
            "protocol fees owed",
        ],
        &rows,
    );
    if report.summary.traders.is_empty() {
        return;
    }
    let rows: Vec<Vec<String>> = report
        .summary
        .traders
        .iter()
        .map(|t| {
            vec![
                t.trader.clone(),
                t.kind.clone(),
                t.swaps.to_string(),
                t.failed.to_string(),
                t.skipped.to_string(),
            ]
        })
        .collect();
    let _ = writeln!(out, "<h3>Traders</h3>");
    html_table(
        out,
        &["trader", "kind", "swaps", "failed", "skipped"],
        &rows,
    );
}

/// The LP token's decimals, as the scenario's token list has them.
fn lp_decimals(report: &SimReport, symbol: &str) -> u8 {
    report
        .tokens
        .iter()
        .find(|t| t.symbol == symbol)
        .map_or(0, |t| t.decimals)
}
