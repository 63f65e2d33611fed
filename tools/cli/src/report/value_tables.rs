//! The farm valuation's cells in the HTML tables (TVL, reward value, time staked, APR per pool
//! and per position) and its basis note. A value without a price path to the quote reads
//! `no price`; an APR of a pool nobody staked in reads `-`.
use cosmwasm_std::Uint256;

use crate::format;
use crate::model::value::{FarmValuation, PoolValue, PositionValue};
use crate::model::SimReport;

pub const NO_PRICE: &str = "no price";

/// Column names of the pool cells, with the quote they are counted in.
pub fn pool_headers(report: &SimReport) -> Vec<String> {
    let q = quote(report);
    vec![
        format!("TVL ({q})"),
        format!("reward value ({q})"),
        "APR".to_string(),
    ]
}

/// Column names of the position cells.
pub fn user_headers(report: &SimReport) -> Vec<String> {
    vec![
        "staked for".to_string(),
        format!("reward value ({})", quote(report)),
        "APR".to_string(),
    ]
}

/// The quote's symbol, or `no quote` without a weighted pool.
fn quote(report: &SimReport) -> String {
    report
        .valuation
        .as_ref()
        .and_then(|v| v.quote.clone())
        .unwrap_or_else(|| "no quote".to_string())
}

/// A quote value in display units, or `no price`.
pub fn value(valuation: &FarmValuation, v: Option<Uint256>) -> String {
    match v {
        Some(v) => {
            let raw = cosmwasm_std::Uint128::try_from(v).map_or(u128::MAX, |v| v.u128());
            format::value(raw, valuation.quote_decimals)
        }
        None => NO_PRICE.to_string(),
    }
}

/// An APR: `no price` when the reward or the stake has none, `-` when nothing was staked.
pub fn apr(
    apr_bps: Option<u64>,
    reward_value: Option<Uint256>,
    value_secs: Option<Uint256>,
) -> String {
    match (apr_bps, reward_value, value_secs) {
        (Some(bps), _, _) => format::percent_bps(bps),
        (None, Some(_), Some(_)) => "-".to_string(),
        _ => NO_PRICE.to_string(),
    }
}

pub fn pool_cells(valuation: &FarmValuation, p: &PoolValue) -> Vec<String> {
    vec![
        value(valuation, p.tvl),
        value(valuation, p.reward_value),
        apr(p.apr_bps, p.reward_value, p.value_secs),
    ]
}

pub fn user_cells(valuation: &FarmValuation, p: &PositionValue) -> Vec<String> {
    vec![
        format::duration(p.staked_secs),
        value(valuation, p.reward_value),
        apr(p.apr_bps, p.reward_value, p.value_secs),
    ]
}

/// The basis note (`None` for a report without a valuation).
pub fn basis(report: &SimReport) -> Option<&str> {
    report.valuation.as_ref().map(|v| v.basis.as_str())
}
