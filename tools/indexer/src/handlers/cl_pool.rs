//! Concentrated-liquidity pool: price, tick and active liquidity after every swap and
//! liquidity change, and one `Swap` per swap.
use anyhow::Result;

use super::event_id;
use crate::block::WasmEvent;
use crate::db::{Tx, Value};

const TABLE: &str = "cl_pools";

pub async fn handle(tx: &mut Tx<'_>, event: &WasmEvent) -> Result<bool> {
    let pool = event.contract.as_str();
    match event.action.as_str() {
        "instantiate" | "initialize" => {
            let mut columns = Vec::new();
            if event.opt("fee_pips").is_some() {
                columns.push(("fee", Value::int(event.int("fee_pips")?)));
            }
            if event.opt("sqrt_price").is_some() {
                columns.push(("sqrt_price", Value::text(sqrt_price(event)?)));
                columns.push(("tick", Value::int(event.signed("tick")?)));
            }
            tx.upsert(TABLE, pool, &columns).await?;
        }
        "mint" | "increase_liquidity" | "decrease_liquidity" => {
            let liquidity = Value::amount(event.amount("pool_liquidity")?);
            tx.upsert(TABLE, pool, &[("liquidity", liquidity)]).await?;
        }
        action if action.starts_with("swap") => {
            tx.upsert(
                TABLE,
                pool,
                &[
                    ("sqrt_price", Value::text(sqrt_price(event)?)),
                    ("tick", Value::int(event.signed("tick")?)),
                    ("liquidity", Value::amount(event.amount("liquidity")?)),
                ],
            )
            .await?;
            let id = event_id(tx, event);
            super::record_swap(tx, event, &id, "concentrated").await?;
        }
        _ => return Ok(false),
    }
    Ok(true)
}

/// The price is a Q64.96 fixed-point number (up to 160 bits, more than an amount's `u128`):
/// kept as the decimal text the pool emits, checked to be digits.
fn sqrt_price(event: &WasmEvent) -> Result<String> {
    let raw = event.get("sqrt_price")?;
    if raw.is_empty() || !raw.bytes().all(|b| b.is_ascii_digit()) {
        anyhow::bail!("`sqrt_price` = {raw:?} is not a decimal number");
    }
    Ok(raw.to_string())
}
