//! Pool factory: every pool it registers becomes a known contract. The factory announces a
//! pool (`register_pool`, in its reply) after the pool's own `instantiate` event, so
//! [`discover`] runs over the whole block before any handler: the pool's first events are
//! then indexed like all later ones.
use anyhow::{bail, Result};

use crate::block::WasmEvent;
use crate::db::Tx;
use crate::registry::{ContractKind, Registry};

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

/// Pass two: the factory's own events change no entity (the pools' events carry their
/// state).
pub async fn handle(_tx: &mut Tx<'_>, event: &WasmEvent) -> Result<bool> {
    Ok(event.action == "register_pool")
}
