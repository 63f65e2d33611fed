//! The scripted events drawn on the time charts: weight changes, scripted ("whale") swaps and
//! lock changes, each at the time the runner executed it.
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
