//! The CL farming sections of the summary, shared by the terminal and the HTML report: the
//! farms, the farmed positions (time in range, rewards, APR against the range), the claims and
//! the books after the settlement. Absent without CL farms.
use cosmwasm_std::{Decimal256, Uint128, Uint256};

use super::cl_tables::percent;
use super::ve_tables::Section;
use crate::format;
use crate::model::cl_farm::{ClFarmInfo, ClFarmReport};
use crate::model::SimReport;

pub fn sections(report: &SimReport) -> Vec<Section> {
    let Some(farms) = &report.cl_farms else {
        return Vec::new();
    };
    vec![
        farm_rows(farms),
        entries(farms),
        claims(report, farms),
        books(farms),
    ]
}

/// How values and APRs are computed (`None` without CL farms).
pub fn pricing(report: &SimReport) -> Option<&str> {
    report.cl_farms.as_ref().map(|f| f.pricing.as_str())
}

fn headers(names: &[&str]) -> Vec<String> {
    names.iter().map(|h| h.to_string()).collect()
}

fn farm_of<'a>(farms: &'a ClFarmReport, name: &str) -> &'a ClFarmInfo {
    farms
        .farms
        .iter()
        .find(|f| f.name == name)
        .expect("entries name their farm")
}

/// `1.5 INC + 0.25 BNS`, the bonus only when the farm pays one.
fn paid(info: &ClFarmInfo, values: [Uint128; 2]) -> String {
    let part = |k: usize| {
        info.symbols[k]
            .as_ref()
            .map(|s| format!("{} {s}", format::value(values[k].u128(), info.decimals[k])))
    };
    [part(0), part(1)]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" + ")
}

/// A token1 value, display units.
fn value(info: &ClFarmInfo, v: Uint256) -> String {
    let raw = Uint128::try_from(v).map_or(u128::MAX, |v| v.u128());
    format!(
        "{} {}",
        format::value(raw, info.value_decimals),
        info.value_symbol
    )
}

fn apr(bps: Option<u64>) -> String {
    bps.map_or("-".to_string(), percent)
}

fn farm_rows(farms: &ClFarmReport) -> Section {
    let rows = farms
        .farms
        .iter()
        .map(|f| {
            let terms = match (&f.rates, f.start, f.end) {
                (Some(rates), _, _) => format!("{} per second", paid(f, *rates)),
                (None, Some(start), Some(end)) => {
                    format!("{} to {}", format::duration(start), format::duration(end))
                }
                _ => String::new(),
            };
            let tiers = match &f.tier_token {
                Some(token) => f
                    .tiers
                    .iter()
                    .map(|(amount, bps)| {
                        let multiplier = Decimal256::from_ratio(*bps, 10_000u32);
                        format!(
                            "{} {token}: {}x",
                            format::value(amount.u128(), f.tier_decimals),
                            format::sig(multiplier, format::DIGITS)
                        )
                    })
                    .collect::<Vec<_>>()
                    .join(", "),
                None => "-".to_string(),
            };
            let prices = f
                .symbols
                .iter()
                .zip(&f.prices_in_token1)
                .filter_map(|(s, p)| {
                    Some(format!(
                        "{} = {} {}",
                        s.as_ref()?,
                        p.as_ref()?,
                        f.value_symbol
                    ))
                })
                .collect::<Vec<_>>()
                .join(", ");
            vec![
                f.name.clone(),
                format!("{} (id {})", f.kind, f.farm_id),
                f.pool.clone(),
                paid(f, f.amounts),
                terms,
                f.min_width.to_string(),
                tiers,
                prices,
            ]
        })
        .collect();
    Section {
        title: "CL farms (funded at creation; eternal: rates at creation; limit: the campaign)"
            .to_string(),
        headers: headers(&[
            "farm",
            "kind",
            "pool",
            "funded",
            "terms",
            "min width",
            "tiers",
            "prices",
        ]),
        rows,
    }
}

fn entries(farms: &ClFarmReport) -> Section {
    let rows = farms
        .summary
        .entries
        .iter()
        .map(|e| {
            let info = farm_of(farms, &e.farm);
            vec![
                e.position.clone(),
                e.farm.clone(),
                format!("[{}, {}) ({} ticks)", e.lower_tick, e.upper_tick, e.width),
                format::duration(e.farmed_secs),
                format!(
                    "{} ({})",
                    format::duration(e.in_range_secs),
                    percent(e.in_range_bps)
                ),
                paid(info, e.earned),
                value(info, e.reward_value),
                value(info, e.average_value),
                apr(e.apr_bps),
                apr(e.apr_in_range_bps),
            ]
        })
        .collect();
    Section {
        title: "CL farmed positions (in range: the part of the farmed time the pool's tick was inside the range, \
                from the tick path; APR: reward value over the position's value per year, see the pricing note)"
            .to_string(),
        headers: headers(&[
            "position",
            "farm",
            "range",
            "farmed",
            "in range",
            "earned",
            "reward value",
            "average value",
            "APR",
            "APR in range",
        ]),
        rows,
    }
}

fn claims(report: &SimReport, farms: &ClFarmReport) -> Section {
    let decimals = |symbol: &str| {
        report
            .tokens
            .iter()
            .find(|t| t.symbol == symbol)
            .map_or(0, |t| t.decimals)
    };
    let rows = farms
        .summary
        .claims
        .iter()
        .map(|c| {
            let d = decimals(&c.token);
            vec![
                c.owner.clone(),
                c.token.clone(),
                format::value(c.limit.u128(), d),
                format::value(c.eternal.u128(), d),
                format::value((c.limit + c.eternal).u128(), d),
            ]
        })
        .collect();
    Section {
        title: "CL farming claims (what each owner received, by kind of farm that credited it)"
            .to_string(),
        headers: headers(&["owner", "token", "limit", "eternal", "total"]),
        rows,
    }
}

fn books(farms: &ClFarmReport) -> Section {
    let check = &farms.summary.check;
    let rows = check
        .farms
        .iter()
        .map(|f| {
            vec![
                f.farm.clone(),
                f.token.clone(),
                f.funded.to_string(),
                f.claimed.to_string(),
                f.refunded.to_string(),
                f.reserve.to_string(),
                if f.exact { "ok" } else { "VIOLATED" }.to_string(),
            ]
        })
        .collect();
    Section {
        title: format!(
            "CL farming books: {} farm samples {} (funded = credited + reserve + refunded + undistributed, pending covered, \
             virtual pools and the center's balances as the books say); after the settlement funded = claimed + refunded (base units)",
            check.checks,
            if check.ok { "ok" } else { "VIOLATED" }
        ),
        headers: headers(&["farm", "token", "funded", "claimed", "refunded", "reserve", "check"]),
        rows,
    }
}
