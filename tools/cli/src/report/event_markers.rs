//! The scripted events drawn on the time charts, each at the time the runner executed it: on
//! the farm and ve charts weight changes, reserve funding, scripted ("whale") swaps and lock
//! changes; on a weighted pool's chart the scripted swaps in it; on a CL pool's charts its
//! positions' actions and scripted swaps; on the options charts the exercises.
use super::chart::Marker;
use super::html::XAxis;
use crate::model::SimReport;

/// One marker per scripted event, in run order, with `x` in the axis' units.
pub fn markers(report: &SimReport, axis: &XAxis) -> Vec<Marker> {
    let x = |t: u64| t as f64 / axis.secs_per_unit;
    let mut out: Vec<(u64, String)> = Vec::new();
    for e in &report.events {
        let label = match e.action.as_str() {
            "set_weight" => format!(
                "weight {} = {}",
                e.pool.as_deref().unwrap_or_default(),
                e.amount
            ),
            "lock" | "increase_lock" | "extend_lock" | "withdraw_lock" => {
                format!("{} {}", e.actor, e.action.replace('_', " "))
            }
            "fund" => format!("{} funds", e.actor),
            _ => continue,
        };
        out.push((e.t, label));
    }
    // A scripted trader's swaps are the scenario's whale swaps; random traders' are noise.
    let scripted = |actor: &str| {
        report
            .summary
            .traders
            .iter()
            .any(|t| t.trader == actor && t.kind == "scripted")
    };
    for e in &report.amm_events {
        if e.action == "swap" && scripted(&e.actor) {
            out.push((e.t, format!("{} swap {}", e.actor, e.pool)));
        }
    }
    // Stable order by time, farm events before swaps at the same time.
    out.sort_by_key(|(t, _)| *t);
    out.into_iter()
        .map(|(t, label)| Marker { x: x(t), label })
        .collect()
}

/// Whether `actor` is a scripted trader of the weighted pools.
fn scripted_trader(report: &SimReport, actor: &str) -> bool {
    report
        .summary
        .traders
        .iter()
        .any(|t| t.trader == actor && t.kind == "scripted")
}

/// In run order, `x` in the axis' units.
fn in_order(mut out: Vec<(u64, String)>, axis: &XAxis) -> Vec<Marker> {
    out.sort_by_key(|(t, _)| *t);
    out.into_iter()
        .map(|(t, label)| Marker {
            x: t as f64 / axis.secs_per_unit,
            label,
        })
        .collect()
}

/// The scripted swaps in weighted pool `pool`.
pub fn amm_markers(report: &SimReport, axis: &XAxis, pool: &str) -> Vec<Marker> {
    let out = report
        .amm_events
        .iter()
        .filter(|e| e.action == "swap" && e.pool == pool && scripted_trader(report, &e.actor))
        .map(|e| (e.t, format!("{} swap", e.actor)))
        .collect();
    in_order(out, axis)
}

/// CL pool `pool`'s position actions (mint, decrease, collect, burn; the final settlement
/// left out) and its scripted traders' swaps.
pub fn cl_markers(report: &SimReport, axis: &XAxis, pool: &str) -> Vec<Marker> {
    let Some(cl) = &report.cl else {
        return Vec::new();
    };
    let scripted = |actor: &str| {
        cl.summary
            .traders
            .iter()
            .any(|t| t.trader == actor && t.kind == "scripted")
    };
    let out = cl
        .events
        .iter()
        .filter(|e| e.pool == pool && !e.settlement)
        .filter_map(|e| {
            let label = match (e.action.as_str(), &e.position) {
                ("mint" | "decrease" | "collect" | "burn", Some(position)) => {
                    format!("{position} {}", e.action)
                }
                ("swap", _) if scripted(&e.actor) => format!("{} swap", e.actor),
                _ => return None,
            };
            Some((e.t, label))
        })
        .collect();
    in_order(out, axis)
}

/// The options' exercises, with what the exerciser did next.
pub fn options_markers(report: &SimReport, axis: &XAxis) -> Vec<Marker> {
    let Some(o) = &report.summary.options else {
        return Vec::new();
    };
    let out = o
        .exercises
        .iter()
        .map(|e| (e.t, format!("{} exercises, {}", e.user, e.then)))
        .collect();
    in_order(out, axis)
}
