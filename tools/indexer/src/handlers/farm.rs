//! Farm: pools, positions (stake, working balance, pending, claimed), the reward stream and
//! a history row per claim. Every stake-changing event carries the position's and the pool's
//! totals after it, so rows are set, not recomputed; only `claimed` sums are added up.
use anyhow::Result;

use super::event_id;
use crate::block::WasmEvent;
use crate::db::{Tx, Value};
use crate::tokens::id_of;

const FARMS: &str = "farms";
const POOLS: &str = "farm_pools";
const POSITIONS: &str = "farm_positions";
const STREAMS: &str = "reward_streams";

fn pool_key(farm: &str, pool_id: u64) -> String {
    format!("{farm}-{pool_id}")
}

fn position_key(farm: &str, pool_id: u64, owner: &str) -> String {
    format!("{farm}-{pool_id}-{owner}")
}

pub async fn handle(tx: &mut Tx<'_>, event: &WasmEvent) -> Result<bool> {
    let farm = event.contract.as_str();
    match event.action.as_str() {
        "instantiate" => {
            let token = id_of(event.get("reward_asset")?);
            tx.upsert(FARMS, farm, &[("reward_token", Value::text(&token))])
                .await?;
            tx.upsert(
                STREAMS,
                farm,
                &[("source", Value::text(farm)), ("token", Value::text(token))],
            )
            .await?;
        }
        "add_pool" => {
            let pool_id = event.int("pool_id")?;
            tx.upsert(
                POOLS,
                &pool_key(farm, pool_id),
                &[
                    ("farm", Value::text(farm)),
                    ("pool_id", Value::int(pool_id)),
                    ("staking_token", Value::text(id_of(event.get("staking")?))),
                    ("native", Value::bool(event.get("native")? == "true")),
                    ("solo", Value::bool(event.get("solo")? == "true")),
                    ("weight", Value::int(event.int("weight")?)),
                    ("active", Value::bool(true)),
                ],
            )
            .await?;
            total_weight(tx, event).await?;
        }
        "deposit" | "withdraw" => {
            let pool_id = event.int("pool_id")?;
            let owner = event.get("owner")?;
            position(
                tx,
                farm,
                pool_id,
                owner,
                &[
                    ("staked", Value::amount(event.amount("staked")?)),
                    ("working", Value::amount(event.amount("working")?)),
                ],
                event.amount("pending")?,
            )
            .await?;
            pool_totals(tx, event, farm, pool_id).await?;
        }
        "emergency_withdraw" => {
            let pool_id = event.int("pool_id")?;
            let zero = Value::amount(0);
            let columns = [("staked", zero.clone()), ("working", zero)];
            position(tx, farm, pool_id, event.get("owner")?, &columns, 0).await?;
            pool_totals(tx, event, farm, pool_id).await?;
        }
        "kick" => {
            let pool_id = event.int("pool_id")?;
            let columns = [("working", Value::amount(event.amount("working")?))];
            position(
                tx,
                farm,
                pool_id,
                event.get("user")?,
                &columns,
                event.amount("pending")?,
            )
            .await?;
            pool_totals(tx, event, farm, pool_id).await?;
        }
        "lock_changed" => {
            let owner = event.get("user")?;
            for pool_id in list(event.get("refreshed")?)? {
                let working = event.amount(&format!("pool_{pool_id}_working"))?;
                let pending = event.amount(&format!("pool_{pool_id}_pending"))?;
                let columns = [("working", Value::amount(working))];
                position(tx, farm, pool_id, owner, &columns, pending).await?;
                let supply = event.amount(&format!("pool_{pool_id}_working_supply"))?;
                tx.upsert(
                    POOLS,
                    &pool_key(farm, pool_id),
                    &[("working_supply", Value::amount(supply))],
                )
                .await?;
            }
        }
        "claim" => claim(tx, event).await?,
        "fund" => {
            let funded = Value::amount(event.amount("funded")?);
            tx.upsert(FARMS, farm, &[("funded", funded.clone())])
                .await?;
            tx.upsert(STREAMS, farm, &[("emitted", funded)]).await?;
        }
        "recover_undistributed" => {
            tx.add_amount(STREAMS, farm, "undistributed", event.amount("amount")?)
                .await?;
        }
        action if event.opt("total_weight").is_some() && event.opt("pool_id").is_some() => {
            // Weight changes and deactivations.
            let pool_id = event.int("pool_id")?;
            let mut columns = vec![("active", Value::bool(!action.contains("deactivate")))];
            if event.opt("weight").is_some() {
                columns.push(("weight", Value::int(event.int("weight")?)));
            }
            tx.upsert(POOLS, &pool_key(farm, pool_id), &columns).await?;
            total_weight(tx, event).await?;
        }
        action if action.contains("deactivate") && event.opt("pool_id").is_some() => {
            // A gauge-split pool's deactivation: no weight to report.
            let pool_id = event.int("pool_id")?;
            tx.upsert(
                POOLS,
                &pool_key(farm, pool_id),
                &[("active", Value::bool(false))],
            )
            .await?;
        }
        _ => return Ok(false),
    }
    Ok(true)
}

/// A claim: per pool `pool_ID` (paid), `pool_ID_kept` (left pending, when the reserve ran
/// short), and the position's refreshed working balance.
async fn claim(tx: &mut Tx<'_>, event: &WasmEvent) -> Result<()> {
    let farm = event.contract.as_str();
    let owner = event.get("owner")?;
    let paid_pools: Vec<u64> = event
        .attributes
        .keys()
        .filter_map(|k| k.strip_prefix("pool_")?.parse().ok())
        .collect();
    for pool_id in paid_pools {
        let amount = event.amount(&format!("pool_{pool_id}"))?;
        // `pool_ID = 0` without a working balance: the owner had no position there.
        let Some(working) = event.opt(&format!("pool_{pool_id}_working")) else {
            continue;
        };
        let working: u128 = working.parse()?;
        let kept = match event.opt(&format!("pool_{pool_id}_kept")) {
            Some(kept) => kept.parse()?,
            None => 0,
        };
        let key = position_key(farm, pool_id, owner);
        tx.add_amount(POSITIONS, &key, "claimed", amount).await?;
        position(
            tx,
            farm,
            pool_id,
            owner,
            &[("working", Value::amount(working))],
            kept,
        )
        .await?;
        let pool = pool_key(farm, pool_id);
        tx.add_amount(POOLS, &pool, "claimed", amount).await?;
        let supply = event.amount(&format!("pool_{pool_id}_working_supply"))?;
        tx.upsert(POOLS, &pool, &[("working_supply", Value::amount(supply))])
            .await?;
        if amount > 0 {
            tx.add_amount(FARMS, farm, "claimed", amount).await?;
            tx.add_amount(STREAMS, farm, "distributed", amount).await?;
            let id = format!("{}-{pool_id}", event_id(tx, event));
            tx.append(
                "reward_claims",
                &id,
                &[
                    ("source", Value::text(farm)),
                    ("stream", Value::text(farm)),
                    ("owner", Value::text(owner)),
                    ("position", Value::text(key)),
                    ("amount", Value::amount(amount)),
                ],
            )
            .await?;
        }
    }
    Ok(())
}

/// Sets a position's columns and its pending reward; `earned` follows as pending plus
/// claimed.
async fn position(
    tx: &mut Tx<'_>,
    farm: &str,
    pool_id: u64,
    owner: &str,
    columns: &[(&str, Value)],
    pending: u128,
) -> Result<()> {
    let key = position_key(farm, pool_id, owner);
    let claimed = tx.amount(POSITIONS, &key, "claimed").await?;
    let mut all = columns.to_vec();
    all.push(("farm", Value::text(farm)));
    all.push(("pool", Value::text(pool_key(farm, pool_id))));
    all.push(("owner", Value::text(owner)));
    all.push(("pending", Value::amount(pending)));
    all.push(("earned", Value::amount(pending.saturating_add(claimed))));
    tx.upsert(POSITIONS, &key, &all).await
}

async fn pool_totals(tx: &mut Tx<'_>, event: &WasmEvent, farm: &str, pool_id: u64) -> Result<()> {
    let mut columns = vec![("total_staked", Value::amount(event.amount("total_staked")?))];
    if event.opt("working_supply").is_some() {
        columns.push((
            "working_supply",
            Value::amount(event.amount("working_supply")?),
        ));
    }
    tx.upsert(POOLS, &pool_key(farm, pool_id), &columns).await
}

async fn total_weight(tx: &mut Tx<'_>, event: &WasmEvent) -> Result<()> {
    let total = Value::int(event.int("total_weight")?);
    tx.upsert(FARMS, &event.contract, &[("total_weight", total)])
        .await
}

/// A comma-separated list of pool ids (empty for none).
fn list(raw: &str) -> Result<Vec<u64>> {
    raw.split(',')
        .filter(|s| !s.is_empty())
        .map(|s| Ok(s.parse()?))
        .collect()
}
