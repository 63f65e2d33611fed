//! Voting escrow: a `Lock` per owner (amount, end, and the line of its power: slope and bias
//! as of the event's block time), and a `LockSnapshot` per change.
use anyhow::Result;

use super::event_id;
use crate::block::WasmEvent;
use crate::db::{Tx, Value};

pub async fn handle(tx: &mut Tx<'_>, event: &WasmEvent) -> Result<bool> {
    // Every lock-changing action (create, add amount, extend, withdraw) reports the lock
    // after it with its user and line; others (checkpoint, listeners) change no lock.
    if event.opt("user").is_none() || event.opt("slope").is_none() {
        return Ok(false);
    }
    let escrow = event.contract.as_str();
    let owner = event.get("user")?;
    let id = format!("{escrow}-{owner}");
    let (amount, end, slope, bias) = if event.action == "withdraw" {
        (0, 0, 0, 0)
    } else {
        (
            event.amount("amount")?,
            event.int("end")?,
            event.amount("slope")?,
            event.amount("bias")?,
        )
    };
    let line = [
        ("amount", Value::amount(amount)),
        ("lock_end", Value::int(end)),
        ("slope", Value::amount(slope)),
        ("bias", Value::amount(bias)),
    ];
    let mut columns = line.to_vec();
    columns.push(("escrow", Value::text(escrow)));
    columns.push(("owner", Value::text(owner)));
    columns.push(("checkpoint_time", Value::int(tx.time)));
    tx.upsert("locks", &id, &columns).await?;
    let mut snapshot = line.to_vec();
    snapshot.push(("lock", Value::text(&id)));
    snapshot.push(("action", Value::text(&event.action)));
    tx.append("lock_snapshots", &event_id(tx, event), &snapshot)
        .await?;
    Ok(true)
}
