//! The CL farming CSV files: `cl_farms.csv` (one row per sample and farm, with its books),
//! `cl_farm_entries.csv` (one row per sample and entry: earnings, value, APR) and
//! `cl_farm_events.csv` (the center's actions). Amounts in base units, `_0` / `_1` the reward
//! and the bonus; values in base units of the pool's token1. Header only without CL farms.
use std::fmt::Write;

use super::csv::field;
use crate::model::cl_farm::ClEntryStatus;
use crate::model::SimReport;

pub fn farms(report: &SimReport) -> String {
    let mut out = String::from(
        "t_secs,farm,kind,funded_0,funded_1,reserve_0,reserve_1,refunded_0,refunded_1,\
         credited_0,credited_1,undistributed_0,undistributed_1,pending_0,pending_1,positions,\
         total_liquidity,tick,in_range_liquidity,active_secs,live\n",
    );
    let Some(farms) = &report.cl_farms else {
        return out;
    };
    for s in &farms.samples {
        for (info, f) in farms.farms.iter().zip(&s.farms) {
            let _ = writeln!(
                out,
                "{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}",
                s.t,
                field(&info.name),
                info.kind,
                f.funded[0],
                f.funded[1],
                f.reserve[0],
                f.reserve[1],
                f.refunded[0],
                f.refunded[1],
                f.credited[0],
                f.credited[1],
                f.undistributed[0],
                f.undistributed[1],
                f.pending[0],
                f.pending[1],
                f.positions,
                f.total_liquidity,
                f.tick,
                f.in_range_liquidity,
                f.active_secs,
                f.live
            );
        }
    }
    out
}

pub fn entries(report: &SimReport) -> String {
    let mut out = String::from(
        "t_secs,position,farm,status,in_range,liquidity,pending_0,pending_1,earned_0,earned_1,\
         reward_value,position_value,value_secs,apr_bps\n",
    );
    let Some(farms) = &report.cl_farms else {
        return out;
    };
    for s in &farms.samples {
        for (info, e) in farms.entries.iter().zip(&s.entries) {
            let status = match e.status {
                ClEntryStatus::Pending => "pending",
                ClEntryStatus::Farmed => "farmed",
                ClEntryStatus::Exited => "exited",
            };
            let apr = e.apr_bps.map(|a| a.to_string()).unwrap_or_default();
            let _ = writeln!(
                out,
                "{},{},{},{status},{},{},{},{},{},{},{},{},{},{apr}",
                s.t,
                field(&info.position),
                field(&info.farm),
                e.in_range,
                e.liquidity,
                e.pending[0],
                e.pending[1],
                e.earned[0],
                e.earned[1],
                e.reward_value,
                e.position_value,
                e.value_secs
            );
        }
    }
    out
}

pub fn events(report: &SimReport) -> String {
    let mut out =
        String::from("t_secs,actor,action,farm,position,amount_0,amount_1,settlement,detail\n");
    let Some(farms) = &report.cl_farms else {
        return out;
    };
    for e in &farms.events {
        let _ = writeln!(
            out,
            "{},{},{},{},{},{},{},{},{}",
            e.t,
            field(&e.actor),
            field(&e.action),
            field(e.farm.as_deref().unwrap_or("")),
            field(e.position.as_deref().unwrap_or("")),
            e.amounts[0],
            e.amounts[1],
            e.settlement,
            field(e.detail.as_deref().unwrap_or(""))
        );
    }
    out
}
