//! Options token: an `OptionExercise` per exercise, and the `Treasury` totals (payments
//! received, options exercised, count) per options contract and treasury.
use anyhow::Result;

use super::event_id;
use crate::block::WasmEvent;
use crate::db::{Tx, Value};

pub async fn handle(tx: &mut Tx<'_>, event: &WasmEvent) -> Result<bool> {
    if event.action != "exercise" {
        return Ok(false);
    }
    let option = event.contract.as_str();
    let treasury = event.get("treasury")?;
    let amount = event.amount("amount")?;
    let payment = event.amount("payment")?;
    tx.append(
        "option_exercises",
        &event_id(tx, event),
        &[
            ("option", Value::text(option)),
            ("owner", Value::text(event.get("owner")?)),
            ("recipient", Value::text(event.get("recipient")?)),
            ("amount", Value::amount(amount)),
            ("strike", Value::text(event.get("strike")?)),
            ("payment", Value::amount(payment)),
            ("treasury", Value::text(treasury)),
        ],
    )
    .await?;
    let id = format!("{option}-{treasury}");
    tx.add_amount("treasuries", &id, "received", payment)
        .await?;
    tx.add_amount("treasuries", &id, "exercised", amount)
        .await?;
    let count = tx.int("treasuries", &id, "exercises").await?;
    tx.upsert(
        "treasuries",
        &id,
        &[
            ("option", Value::text(option)),
            ("treasury", Value::text(treasury)),
            ("exercises", Value::int(count + 1)),
        ],
    )
    .await?;
    Ok(true)
}
