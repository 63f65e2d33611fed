//! Weighted pool: reserves after every balance-changing action, a snapshot of them for
//! price history, and one `Swap` per swap.
use anyhow::Result;

use super::event_id;
use crate::block::WasmEvent;
use crate::db::{Tx, Value};
use crate::tokens::id_of;

const TABLE: &str = "weighted_pools";

pub async fn handle(tx: &mut Tx<'_>, event: &WasmEvent) -> Result<bool> {
    let pool = event.contract.as_str();
    match event.action.as_str() {
        "instantiate" => {
            tx.upsert(
                TABLE,
                pool,
                &[
                    ("token0", Value::text(id_of(event.get("asset_0")?))),
                    ("token1", Value::text(id_of(event.get("asset_1")?))),
                    ("weight0", Value::text(event.get("weight_0")?)),
                    ("weight1", Value::text(event.get("weight_1")?)),
                    ("swap_fee_bps", Value::int(event.int("swap_fee_bps")?)),
                ],
            )
            .await?;
        }
        "lp_token_instantiated" => {
            tx.upsert(
                TABLE,
                pool,
                &[("lp_token", Value::text(event.get("lp_token")?))],
            )
            .await?;
        }
        _ if event.opt("reserve_0").is_some() => {
            let reserves = [
                ("reserve0", Value::amount(event.amount("reserve_0")?)),
                ("reserve1", Value::amount(event.amount("reserve_1")?)),
                ("lp_supply", Value::amount(event.amount("lp_supply")?)),
            ];
            tx.upsert(TABLE, pool, &reserves).await?;
            let id = event_id(tx, event);
            let mut snapshot = reserves.to_vec();
            snapshot.push(("pool", Value::text(pool)));
            snapshot.push(("action", Value::text(&event.action)));
            tx.append("pool_snapshots", &id, &snapshot).await?;
            if event.action.starts_with("swap") {
                swap(tx, event, &id).await?;
            }
        }
        _ => return Ok(false),
    }
    Ok(true)
}

async fn swap(tx: &mut Tx<'_>, event: &WasmEvent, id: &str) -> Result<()> {
    let pool = event.contract.as_str();
    let offer = id_of(event.get("offer_asset")?);
    let amount_in = event.amount("amount_in")?;
    // Volume is counted in the offered asset, in the pool's asset order.
    let token0 = tx.text(TABLE, pool, "token0").await?;
    let column = if token0.as_deref() == Some(offer.as_str()) {
        "volume0"
    } else {
        "volume1"
    };
    tx.add_amount(TABLE, pool, column, amount_in).await?;
    let swaps = tx.int(TABLE, pool, "swap_count").await?;
    tx.upsert(TABLE, pool, &[("swap_count", Value::int(swaps + 1))])
        .await?;
    super::record_swap(tx, event, id, "weighted").await
}
