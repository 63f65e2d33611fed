//! Router: its hops are swaps in the pools, which the pool handlers record; the router's
//! own events add no entity.
use anyhow::Result;

use crate::block::WasmEvent;
use crate::db::Tx;

pub async fn handle(_tx: &mut Tx<'_>, _event: &WasmEvent) -> Result<bool> {
    Ok(false)
}
