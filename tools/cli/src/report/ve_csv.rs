//! CSV of the vote-escrow side: `ve.csv` (one row per sample: total and per-user ve power,
//! per-pool working supply and gauge relative weight) and `working.csv` (one row per sample and
//! position: staked and working balance). Header only when the scenario has no escrow.
use std::fmt::Write;

use super::csv::field;
use crate::model::SimReport;

/// `t_secs, ve_total_power, ve_power:<user>..., working_supply:<pool>...,
/// relative_weight:<pool>...`; powers empty without an escrow, relative weights empty without
/// gauges.
pub fn ve(report: &SimReport) -> String {
    let mut out = String::from("t_secs,ve_total_power");
    for u in &report.users {
        let _ = write!(out, ",{}", field(&format!("ve_power:{u}")));
    }
    for kind in ["working_supply", "relative_weight"] {
        for p in &report.pools {
            let _ = write!(out, ",{}", field(&format!("{kind}:{}", p.name)));
        }
    }
    out.push('\n');
    for s in &report.samples {
        let _ = write!(out, "{}", s.t);
        match &s.ve {
            Some(ve) => {
                let _ = write!(out, ",{}", ve.total_power);
                for p in &ve.powers {
                    let _ = write!(out, ",{p}");
                }
            }
            None => out.push_str(&",".repeat(1 + report.users.len())),
        }
        for p in &s.pools {
            let _ = write!(out, ",{}", p.working_supply);
        }
        for p in &s.pools {
            let _ = write!(
                out,
                ",{}",
                p.relative_weight.map(|r| r.to_string()).unwrap_or_default()
            );
        }
        out.push('\n');
    }
    out
}

/// One row per sample and position: `t_secs, user, pool, staked, working`.
pub fn working(report: &SimReport) -> String {
    let mut out = String::from("t_secs,user,pool,staked,working\n");
    for p in &report.positions {
        let _ = writeln!(
            out,
            "{},{},{},{},{}",
            p.t,
            field(&p.user),
            field(&p.pool),
            p.staked,
            p.working
        );
    }
    out
}
