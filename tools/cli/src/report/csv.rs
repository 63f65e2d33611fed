//! CSV time series: `timeseries.csv` (one row per sample), `users.csv` (one row per sample and
//! position), `events.csv` (the farm's action log), `pools.csv` (one row per sample and amm
//! pool) and `amm_events.csv` (joins, exits and swaps). Amounts in base units.
use std::fmt::Write;

use crate::model::SimReport;

/// Quotes a field when it holds a comma, a quote or a line break.
pub fn field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

fn opt<T: ToString>(value: Option<T>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

/// One row per sample: the reward stream, rates, the conservation slack and, per pool,
/// `staked:<pool>`, `distributed:<pool>` and `weight:<pool>`.
pub fn timeseries(report: &SimReport) -> String {
    let mut out = String::from(
        "t_secs,height,clock,emitted,claimed,undistributed,recovered,rolled_over,skipped,funded,\
         reserve_available,pending,scheduled_rate,emitted_rate,slack,bound",
    );
    for kind in ["staked", "distributed", "weight"] {
        for p in &report.pools {
            let _ = write!(out, ",{}", field(&format!("{kind}:{}", p.name)));
        }
    }
    out.push('\n');
    for s in &report.samples {
        let _ = write!(
            out,
            "{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}",
            s.t,
            s.height,
            s.clock,
            s.emitted,
            s.claimed,
            s.undistributed,
            s.recovered,
            s.rolled_over,
            s.skipped,
            s.funded,
            opt(s.reserve_available),
            s.pending,
            s.scheduled_rate,
            s.emitted_rate,
            s.slack,
            s.bound
        );
        for p in &s.pools {
            let _ = write!(out, ",{}", p.staked);
        }
        for p in &s.pools {
            let _ = write!(out, ",{}", p.distributed);
        }
        for p in &s.pools {
            let _ = write!(out, ",{}", p.weight);
        }
        out.push('\n');
    }
    out
}

/// One row per sample and position: staked, pending, claimed and earned (= claimed + pending).
pub fn users(report: &SimReport) -> String {
    let mut out = String::from("t_secs,user,pool,staked,pending,claimed,earned\n");
    for p in &report.positions {
        let _ = writeln!(
            out,
            "{},{},{},{},{},{},{}",
            p.t,
            field(&p.user),
            field(&p.pool),
            p.staked,
            p.pending,
            p.claimed,
            p.claimed + p.pending
        );
    }
    out
}

/// The action log, including the final settlement claims.
pub fn events(report: &SimReport) -> String {
    let mut out = String::from("t_secs,actor,action,pool,amount,forfeited,settlement\n");
    for e in &report.events {
        let _ = writeln!(
            out,
            "{},{},{},{},{},{},{}",
            e.t,
            field(&e.actor),
            field(&e.action),
            field(e.pool.as_deref().unwrap_or("")),
            e.amount,
            e.forfeited,
            e.settlement
        );
    }
    out
}

/// One row per sample and amm pool; `_0` / `_1` columns follow the pool's asset order
/// (`asset_0`, `asset_1`). `spot_price` is the pool's answer (base units), `price` the same in
/// display units.
pub fn pools(report: &SimReport) -> String {
    let mut out = String::from(
        "t_secs,pool,asset_0,asset_1,reserve_0,reserve_1,protocol_fees_owed_0,protocol_fees_owed_1,\
         lp_supply,spot_price,price,swaps,volume_0,volume_1,fees_0,fees_1\n",
    );
    for s in &report.samples {
        for (info, a) in report.amm_pools.iter().zip(&s.amm_pools) {
            let _ = writeln!(
                out,
                "{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}",
                s.t,
                field(&info.name),
                field(&info.assets[0]),
                field(&info.assets[1]),
                a.reserves[0],
                a.reserves[1],
                a.protocol_fees_owed[0],
                a.protocol_fees_owed[1],
                a.lp_supply,
                a.spot_price,
                a.price,
                a.swaps,
                a.volume[0],
                a.volume[1],
                a.fees[0],
                a.fees[1]
            );
        }
    }
    out
}

/// The amm log: the initial liquidity, joins, exits, swaps, and random swaps failed or skipped
/// (with the reason in `detail`).
pub fn amm_events(report: &SimReport) -> String {
    let mut out = String::from(
        "t_secs,actor,action,pool,amount_in_0,amount_in_1,amount_out_0,amount_out_1,lp,fee_0,fee_1,detail\n",
    );
    for e in &report.amm_events {
        let _ = writeln!(
            out,
            "{},{},{},{},{},{},{},{},{},{},{},{}",
            e.t,
            field(&e.actor),
            field(&e.action),
            field(&e.pool),
            e.amounts_in[0],
            e.amounts_in[1],
            e.amounts_out[0],
            e.amounts_out[1],
            e.lp,
            e.fee[0],
            e.fee[1],
            field(e.detail.as_deref().unwrap_or(""))
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::field;

    #[test]
    fn quoting() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
    }
}
