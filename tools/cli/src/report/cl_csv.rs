//! The CL CSV files: `cl_pools.csv` (one row per sample and CL pool, with its books check),
//! `cl_positions.csv` (one row per sample and position) and `cl_events.csv` (position changes
//! and swaps). Amounts in base units, `_0` / `_1` in pool order; header only without CL pools.
use std::fmt::Write;

use super::csv::field;
use crate::model::cl::ClPositionStatus;
use crate::model::SimReport;

pub fn pools(report: &SimReport) -> String {
    let mut out = String::from(
        "t_secs,pool,asset_0,asset_1,sqrt_price,tick,price,liquidity,held_0,held_1,\
         protocol_fees_owed_0,protocol_fees_owed_1,owed_to_positions_0,owed_to_positions_1,\
         liquidity_value_0,liquidity_value_1,slack_0,slack_1,slack_bound_0,slack_bound_1,\
         swaps,volume_0,volume_1,fees_0,fees_1\n",
    );
    let Some(cl) = &report.cl else {
        return out;
    };
    for s in &cl.samples {
        for (info, p) in cl.pools.iter().zip(&s.pools) {
            let _ = writeln!(
                out,
                "{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}",
                s.t,
                field(&info.name),
                field(&info.assets[0]),
                field(&info.assets[1]),
                p.sqrt_price,
                p.tick,
                p.price,
                p.liquidity,
                p.held[0],
                p.held[1],
                p.protocol_fees_owed[0],
                p.protocol_fees_owed[1],
                p.owed_to_positions[0],
                p.owed_to_positions[1],
                p.liquidity_value[0],
                p.liquidity_value[1],
                p.slack[0],
                p.slack[1],
                p.slack_bound[0],
                p.slack_bound[1],
                p.swaps,
                p.volume[0],
                p.volume[1],
                p.fees[0],
                p.fees[1]
            );
        }
    }
    out
}

pub fn positions(report: &SimReport) -> String {
    let mut out = String::from(
        "t_secs,position,pool,status,in_range,liquidity,tokens_owed_0,tokens_owed_1,\
         uncollected_fees_0,uncollected_fees_1,fees_earned_0,fees_earned_1\n",
    );
    let Some(cl) = &report.cl else {
        return out;
    };
    for s in &cl.samples {
        for (info, p) in cl.positions.iter().zip(&s.positions) {
            let status = match p.status {
                ClPositionStatus::Pending => "pending",
                ClPositionStatus::Open => "open",
                ClPositionStatus::Closed => "closed",
            };
            let _ = writeln!(
                out,
                "{},{},{},{status},{},{},{},{},{},{},{},{}",
                s.t,
                field(&info.name),
                field(&info.pool),
                p.in_range,
                p.liquidity,
                p.tokens_owed[0],
                p.tokens_owed[1],
                p.uncollected_fees[0],
                p.uncollected_fees[1],
                p.fees_earned[0],
                p.fees_earned[1]
            );
        }
    }
    out
}

pub fn events(report: &SimReport) -> String {
    let mut out = String::from(
        "t_secs,actor,action,pool,position,amount_in_0,amount_in_1,amount_out_0,amount_out_1,\
         liquidity,fees_0,fees_1,tick_before,tick_after,ticks_crossed,settlement,detail\n",
    );
    let Some(cl) = &report.cl else {
        return out;
    };
    for e in &cl.events {
        let _ = writeln!(
            out,
            "{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}",
            e.t,
            field(&e.actor),
            field(&e.action),
            field(&e.pool),
            field(e.position.as_deref().unwrap_or("")),
            e.amounts_in[0],
            e.amounts_in[1],
            e.amounts_out[0],
            e.amounts_out[1],
            e.liquidity,
            e.fees[0],
            e.fees[1],
            e.tick_before,
            e.tick_after,
            e.ticks_crossed,
            e.settlement,
            field(e.detail.as_deref().unwrap_or(""))
        );
    }
    out
}
