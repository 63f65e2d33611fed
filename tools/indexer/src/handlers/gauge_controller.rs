//! Gauge controller: gauges (type, killed) and each voter's current vote (weight, slope,
//! bias, end, the week it counts from). Gauge weights by week are not in the controller's
//! events yet (see docs/indexer.md, Known limits), so `GaugeWeight` stays empty.
use anyhow::Result;

use crate::block::WasmEvent;
use crate::db::{Tx, Value};

pub async fn handle(tx: &mut Tx<'_>, event: &WasmEvent) -> Result<bool> {
    let controller = event.contract.as_str();
    match event.action.as_str() {
        "add_gauge" => {
            let gauge = event.get("gauge")?;
            tx.upsert(
                "gauges",
                &format!("{controller}-{gauge}"),
                &[
                    ("controller", Value::text(controller)),
                    ("gauge", Value::text(gauge)),
                    ("gauge_type", Value::int(event.int("gauge_type")?)),
                    ("killed", Value::bool(false)),
                ],
            )
            .await?;
        }
        "kill_gauge" => {
            let gauge = event.get("gauge")?;
            let id = format!("{controller}-{gauge}");
            tx.upsert("gauges", &id, &[("killed", Value::bool(true))])
                .await?;
        }
        "vote_for_gauge_weights" => {
            let gauge = event.get("gauge")?;
            let voter = event.get("user")?;
            let gauge_id = format!("{controller}-{gauge}");
            tx.upsert(
                "gauge_votes",
                &format!("{gauge_id}-{voter}"),
                &[
                    ("gauge", Value::text(&gauge_id)),
                    ("voter", Value::text(voter)),
                    ("weight_bps", Value::int(event.int("weight_bps")?)),
                    ("slope", Value::amount(event.amount("slope")?)),
                    ("bias", Value::amount(event.amount("bias")?)),
                    ("vote_end", Value::int(event.int("end")?)),
                    ("week", Value::int(event.int("week")?)),
                ],
            )
            .await?;
        }
        _ => return Ok(false),
    }
    Ok(true)
}
