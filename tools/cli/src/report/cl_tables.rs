//! The CL sections of the summary, shared by the terminal and the HTML report: the pools, the
//! positions (range, time in range, deposits, withdrawals, fees earned), the traders and the
//! CL books check. Absent without CL pools.
use cosmwasm_std::Uint128;

use super::ve_tables::Section;
use crate::format::{self, value};
use crate::model::cl::{ClPoolInfo, ClReport};
use crate::model::SimReport;

pub fn sections(report: &SimReport) -> Vec<Section> {
    let Some(cl) = &report.cl else {
        return Vec::new();
    };
    let mut out = vec![pools(cl), positions(cl)];
    if !cl.traders.is_empty() {
        out.push(traders(cl));
    }
    out.push(books(cl));
    out
}

fn headers(names: &[&str]) -> Vec<String> {
    names.iter().map(|h| h.to_string()).collect()
}

fn pool_of<'a>(cl: &'a ClReport, name: &str) -> &'a ClPoolInfo {
    cl.pools
        .iter()
        .find(|p| p.name == name)
        .expect("positions name their pool")
}

/// `1.5 AAA + 0.25 BBB` in the pool's order.
fn pair(info: &ClPoolInfo, values: [Uint128; 2]) -> String {
    format!(
        "{} {} + {} {}",
        value(values[0].u128(), info.decimals[0]),
        info.assets[0],
        value(values[1].u128(), info.decimals[1]),
        info.assets[1]
    )
}

/// Basis points as a percentage: 6235 -> `62.35%` (see [`format::percent`]).
pub fn percent(bps: u64) -> String {
    format::percent_bps(bps)
}

fn pools(cl: &ClReport) -> Section {
    let rows = cl
        .pools
        .iter()
        .zip(&cl.summary.pools)
        .map(|(info, p)| {
            vec![
                info.name.clone(),
                format!("{}/{}", info.assets[0], info.assets[1]),
                format!(
                    "{} pips, spacing {}",
                    format::group(info.fee_pips as u128),
                    info.tick_spacing
                ),
                format!(
                    "{} (tick {})",
                    format::sig(p.start_price, format::DIGITS),
                    p.start_tick
                ),
                format!(
                    "{} (tick {})",
                    format::sig(p.end_price, format::DIGITS),
                    p.end_tick
                ),
                p.swaps.to_string(),
                p.ticks_crossed.to_string(),
                pair(info, p.volume),
                pair(info, p.fees),
                pair(info, p.protocol_fees),
            ]
        })
        .collect();
    Section {
        title: "CL pools (price: the second asset per unit of the first; volume and fees by asset sold)"
            .to_string(),
        headers: headers(&[
            "pool",
            "assets",
            "fee",
            "start price",
            "end price",
            "swaps",
            "ticks crossed",
            "volume",
            "fees",
            "protocol fees",
        ]),
        rows,
    }
}

fn positions(cl: &ClReport) -> Section {
    let rows = cl
        .positions
        .iter()
        .zip(&cl.summary.positions)
        .map(|(info, p)| {
            let pool = pool_of(cl, &info.pool);
            vec![
                info.name.clone(),
                info.owner.clone(),
                info.pool.clone(),
                format!("[{}, {})", info.lower_tick, info.upper_tick),
                format!(
                    "{} - {}",
                    format::sig(info.lower_price, format::DIGITS),
                    format::sig(info.upper_price, format::DIGITS)
                ),
                format!(
                    "{} of {}",
                    percent(p.in_range_bps),
                    format::duration(p.open_secs)
                ),
                pair(pool, p.deposited),
                pair(pool, p.withdrawn),
                pair(pool, p.fees),
            ]
        })
        .collect();
    Section {
        title: "CL positions (in range: share of the time the position had liquidity)".to_string(),
        headers: headers(&[
            "position",
            "owner",
            "pool",
            "ticks",
            "prices",
            "in range",
            "deposited",
            "withdrawn",
            "fees earned",
        ]),
        rows,
    }
}

fn traders(cl: &ClReport) -> Section {
    let rows = cl
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
    Section {
        title: "CL traders".to_string(),
        headers: headers(&["trader", "kind", "swaps", "failed", "skipped"]),
        rows,
    }
}

/// Per pool and asset, after every position closed: the flows and what rounding left.
fn books(cl: &ClReport) -> Section {
    let check = &cl.summary.check;
    let mut rows = Vec::new();
    for (info, f) in cl.pools.iter().zip(&check.pools) {
        for k in 0..2 {
            let v = |values: [Uint128; 2]| values[k].to_string();
            rows.push(vec![
                info.name.clone(),
                info.assets[k].clone(),
                v(f.deposits),
                v(f.traded_in),
                v(f.traded_out),
                v(f.withdrawn),
                v(f.fees_claimed),
                v(f.protocol_fees_claimed),
                v(f.remaining),
                format!("< {}", f.dust_bound[k].max(1)),
                if f.exact && f.dust_ok {
                    "ok"
                } else {
                    "VIOLATED"
                }
                .to_string(),
            ]);
        }
    }
    Section {
        title: format!(
            "CL books: {} pool samples {} (held = flows, 0 <= slack < rounding count); after the settlement \
             deposits + in - out = withdrawn + fees + protocol + remaining (base units)",
            check.checks,
            if check.ok { "ok" } else { "VIOLATED" }
        ),
        headers: headers(&[
            "pool",
            "asset",
            "deposits",
            "traded in",
            "traded out",
            "withdrawn",
            "fees claimed",
            "protocol fees",
            "remaining",
            "dust bound",
            "check",
        ]),
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::percent;

    #[test]
    fn percentages_of_bps() {
        assert_eq!(percent(6_235), "62.35%");
        assert_eq!(percent(10_000), "100%");
        assert_eq!(percent(7), "0.07%");
    }
}
