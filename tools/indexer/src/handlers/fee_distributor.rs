//! TODO(helper): this contract's events.
use anyhow::Result;

use crate::block::WasmEvent;
use crate::db::Tx;

pub async fn handle(_tx: &mut Tx<'_>, _event: &WasmEvent) -> Result<bool> {
    Ok(false)
}
