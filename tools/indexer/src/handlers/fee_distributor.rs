//! Fee distributor: a `FeeClaim` per token a claim paid (`claimed_<TOKEN>` attributes).
use anyhow::Result;

use super::event_id;
use crate::block::WasmEvent;
use crate::db::{Tx, Value};
use crate::tokens::id_of;

pub async fn handle(tx: &mut Tx<'_>, event: &WasmEvent) -> Result<bool> {
    if event.action != "claim" {
        return Ok(false);
    }
    let owner = event.get("user")?;
    let base = event_id(tx, event);
    let claimed: Vec<(String, u128)> = event
        .attributes
        .iter()
        .filter_map(|(k, v)| Some((id_of(k.strip_prefix("claimed_")?), v.parse().ok()?)))
        .collect();
    for (token, amount) in claimed {
        if amount == 0 {
            continue;
        }
        tx.append(
            "fee_claims",
            &format!("{base}-{token}"),
            &[
                ("distributor", Value::text(&event.contract)),
                ("owner", Value::text(owner)),
                ("token", Value::text(&token)),
                ("amount", Value::amount(amount)),
            ],
        )
        .await?;
    }
    Ok(true)
}
