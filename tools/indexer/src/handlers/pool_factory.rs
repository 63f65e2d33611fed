//! Pool factory: every pool it registers becomes a known contract. The factory announces a
//! pool (`register_pool`, in its reply) after the pool's own `instantiate` event, so
//! [`discover`] runs over the whole block before any handler: the pool's first events are
//! then indexed like all later ones.
use anyhow::{bail, Result};

use crate::block::WasmEvent;
use crate::db::{Tx, Value};
use crate::registry::{ContractKind, Registry};
use crate::tokens::id_of;

/// Registers the pool a `register_pool` event announces (pass one of a block).
pub async fn discover(tx: &mut Tx<'_>, registry: &mut Registry, event: &WasmEvent) -> Result<()> {
    if event.action != "register_pool" {
        return Ok(());
    }
    let address = event.get("pool_address")?;
    let kind = match event.get("kind")? {
        "weighted" => ContractKind::WeightedPool,
        "concentrated" => ContractKind::ClPool,
        other => bail!("register_pool of unknown pool kind {other:?}"),
    };
    let label = format!("pool {}", event.get("pool_id")?);
    registry.stage(tx, address, kind, &label).await
}

/// Pass two: a CL pool's tokens and fee come from its registration (its own instantiate
/// event does not list its assets); weighted pools describe themselves.
pub async fn handle(tx: &mut Tx<'_>, event: &WasmEvent) -> Result<bool> {
    if event.action != "register_pool" {
        return Ok(false);
    }
    if event.get("kind")? == "concentrated" {
        tx.upsert(
            "cl_pools",
            event.get("pool_address")?,
            &[
                ("token0", Value::text(id_of(event.get("asset_0")?))),
                ("token1", Value::text(id_of(event.get("asset_1")?))),
                ("fee", Value::int(event.int("fee_pips")?)),
            ],
        )
        .await?;
    }
    Ok(true)
}
