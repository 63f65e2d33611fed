//! CL farming center: the seed's entities. `EternalFarming` and `LimitFarming` (id
//! `CENTER-FARMID`), `Deposit` (id `POOL-TOKENID`: token ids are unique per pool), `Reward`
//! (id `OWNER-TOKEN`: what the center owes), and a `RewardStream` per farm and token
//! (`CENTER-FARMID-reward|bonus`: emitted = funded, distributed = credited to owners at
//! exits, undistributed = taken back).
use anyhow::{bail, Result};

use super::event_id;
use crate::block::WasmEvent;
use crate::db::{Tx, Value};
use crate::tokens::id_of;

const ETERNAL: &str = "eternal_farmings";
const LIMIT: &str = "limit_farmings";
const DEPOSITS: &str = "deposits";
const REWARDS: &str = "rewards";
const STREAMS: &str = "reward_streams";
/// The two reward slots of a farm: its reward token and its bonus token.
const SLOTS: [&str; 2] = ["reward", "bonus"];

fn farm_key(center: &str, farm_id: u64) -> String {
    format!("{center}-{farm_id}")
}

fn deposit_key(pool: &str, token_id: &str) -> String {
    format!("{pool}-{token_id}")
}

fn stream_key(center: &str, farm_id: u64, slot: usize) -> String {
    format!("{center}-{farm_id}-{}", SLOTS[slot])
}

pub async fn handle(tx: &mut Tx<'_>, event: &WasmEvent) -> Result<bool> {
    match event.action.as_str() {
        "create_farm" => create_farm(tx, event).await?,
        "add_rewards" => funding(tx, event, Funding::Added).await?,
        "decrease_rewards" | "refund_limit_farm" => funding(tx, event, Funding::TakenBack).await?,
        "set_rates" => {
            let key = farm_key(&event.contract, event.int("farm_id")?);
            tx.upsert(
                ETERNAL,
                &key,
                &[
                    ("reward_rate", Value::amount(event.amount("reward_rate")?)),
                    (
                        "bonus_reward_rate",
                        Value::amount(event.amount("bonus_rate")?),
                    ),
                ],
            )
            .await?;
        }
        "deactivate_farm" => {
            let key = farm_key(&event.contract, event.int("farm_id")?);
            let table = table_of(tx, &key).await?;
            tx.upsert(table, &key, &[("is_detached", Value::bool(true))])
                .await?;
        }
        "deposit" => deposit(tx, event).await?,
        "enter_farm" => enter_farm(tx, event).await?,
        "exit_farm" => exit_farm(tx, event).await?,
        "withdraw_token" => {
            let key = deposit_key(event.get("pool")?, event.get("token_id")?);
            tx.upsert(
                DEPOSITS,
                &key,
                &[
                    ("on_farming_center", Value::bool(false)),
                    ("owner", Value::text(event.get("recipient")?)),
                ],
            )
            .await?;
        }
        "claim_reward" => {
            let owner = event.get("owner")?;
            let token = id_of(event.get("reward_token")?);
            let paid = event
                .amount("amount_limit")?
                .checked_add(event.amount("amount_eternal")?)
                .ok_or_else(|| anyhow::anyhow!("claim overflows"))?;
            let key = format!("{owner}-{token}");
            let owed = tx.amount(REWARDS, &key, "amount").await?;
            let Some(left) = owed.checked_sub(paid) else {
                bail!("{owner} claimed {paid} {token}, more than the {owed} indexed as owed");
            };
            tx.upsert(REWARDS, &key, &[("amount", Value::amount(left))])
                .await?;
            let id = event_id(tx, event);
            tx.append(
                "reward_claims",
                &id,
                &[
                    ("source", Value::text(&event.contract)),
                    ("stream", Value::text(&token)),
                    ("owner", Value::text(owner)),
                    ("amount", Value::amount(paid)),
                ],
            )
            .await?;
        }
        "unlock_credited" => {
            // A tier token the center could not send back is owed like a reward.
            let token = id_of(event.get("token")?);
            credit(tx, event.get("owner")?, &token, event.amount("amount")?).await?;
        }
        _ => return Ok(false),
    }
    Ok(true)
}

async fn create_farm(tx: &mut Tx<'_>, event: &WasmEvent) -> Result<()> {
    let center = event.contract.as_str();
    let farm_id = event.int("farm_id")?;
    let key = farm_key(center, farm_id);
    let table = match event.get("kind")? {
        "eternal" => ETERNAL,
        "limit" => LIMIT,
        other => bail!("create_farm of unknown kind {other:?}"),
    };
    let reward_token = id_of(event.get("reward_token")?);
    let bonus_token = event.opt("bonus_token").map(id_of);
    let funded = [
        event.amount("reward_amount")?,
        match event.opt("bonus_amount") {
            Some(_) => event.amount("bonus_amount")?,
            None => 0,
        },
    ];
    let mut columns = vec![
        ("center", Value::text(center)),
        ("reward_token", Value::text(&reward_token)),
        ("bonus_reward_token", Value::opt_text(bonus_token.clone())),
        ("pool", Value::text(event.get("pool")?)),
        ("reward", Value::amount(funded[0])),
        ("bonus_reward", Value::amount(funded[1])),
        ("min_range_length", Value::int(event.int("min_width")?)),
        ("created_time", Value::int(tx.time)),
    ];
    if table == ETERNAL {
        columns.push(("reward_rate", Value::amount(event.amount("reward_rate")?)));
        columns.push((
            "bonus_reward_rate",
            Value::amount(event.amount("bonus_rate")?),
        ));
    } else {
        columns.push(("start_time", Value::int(event.int("start")?)));
        columns.push(("end_time", Value::int(event.int("end")?)));
    }
    if let Some(tiers) = event.opt("tiers") {
        columns.push((
            "multiplier_token",
            Value::text(id_of(event.get("tier_token")?)),
        ));
        for (i, level) in tiers.split(',').enumerate().take(3) {
            let Some((amount, bps)) = level.split_once(':') else {
                bail!("tier {level:?} is not AMOUNT:MULTIPLIER_BPS");
            };
            let amount: u128 = amount.parse()?;
            let bps: u32 = bps.parse()?;
            columns.push((TIER_AMOUNTS[i], Value::amount(amount)));
            columns.push((TIER_MULTIPLIERS[i], Value::int(bps)));
        }
    }
    tx.upsert(table, &key, &columns).await?;
    let tokens = [Some(reward_token), bonus_token];
    for (slot, token) in tokens.iter().enumerate() {
        if let Some(token) = token {
            tx.upsert(
                STREAMS,
                &stream_key(center, farm_id, slot),
                &[
                    ("source", Value::text(center)),
                    ("token", Value::text(token)),
                    ("emitted", Value::amount(funded[slot])),
                ],
            )
            .await?;
        }
    }
    Ok(())
}

const TIER_AMOUNTS: [&str; 3] = ["tier1_amount", "tier2_amount", "tier3_amount"];
const TIER_MULTIPLIERS: [&str; 3] = ["tier1_multiplier", "tier2_multiplier", "tier3_multiplier"];

enum Funding {
    Added,
    TakenBack,
}

/// Rewards added to a farm, or taken back from it (decreased, or refunded after a limit
/// farm's end): the farm's `reward`/`bonusReward` are what it was funded with net of what
/// was taken back.
async fn funding(tx: &mut Tx<'_>, event: &WasmEvent, change: Funding) -> Result<()> {
    let center = event.contract.as_str();
    let farm_id = event.int("farm_id")?;
    let key = farm_key(center, farm_id);
    let table = table_of(tx, &key).await?;
    let amounts = [
        event.amount("reward_amount")?,
        event.amount("bonus_amount")?,
    ];
    for (slot, column) in ["reward", "bonus_reward"].into_iter().enumerate() {
        let now = tx.amount(table, &key, column).await?;
        let new = match change {
            Funding::Added => now.checked_add(amounts[slot]),
            Funding::TakenBack => now.checked_sub(amounts[slot]),
        };
        let Some(new) = new else {
            bail!(
                "farm {farm_id}: {column} {now} cannot change by {}",
                amounts[slot]
            );
        };
        tx.upsert(table, &key, &[(column, Value::amount(new))])
            .await?;
        if amounts[slot] > 0 {
            let stream_column = match change {
                Funding::Added => "emitted",
                Funding::TakenBack => "undistributed",
            };
            let stream = stream_key(center, farm_id, slot);
            tx.add_amount(STREAMS, &stream, stream_column, amounts[slot])
                .await?;
        }
    }
    Ok(())
}

async fn deposit(tx: &mut Tx<'_>, event: &WasmEvent) -> Result<()> {
    let pool = event.get("pool")?;
    let key = deposit_key(pool, event.get("token_id")?);
    let lower = event.signed("lower_tick")?;
    let upper = event.signed("upper_tick")?;
    tx.upsert(
        DEPOSITS,
        &key,
        &[
            ("owner", Value::text(event.get("owner")?)),
            ("pool", Value::text(pool)),
            ("on_farming_center", Value::bool(true)),
            ("limit_farming", Value::Null),
            ("eternal_farming", Value::Null),
            ("liquidity", Value::amount(event.amount("liquidity")?)),
            ("tick_lower", Value::int(lower)),
            ("tick_upper", Value::int(upper)),
            ("range_length", Value::int(upper - lower)),
            ("tokens_locked_limit", Value::amount(0)),
            ("tokens_locked_eternal", Value::amount(0)),
            ("tier_limit", Value::int(0)),
            ("tier_eternal", Value::int(0)),
        ],
    )
    .await?;
    // Farms entered with the deposit lock no tokens (tier 0).
    for farm_id in event
        .get("entered_farms")?
        .split(',')
        .filter(|s| !s.is_empty())
    {
        let farm = farm_key(&event.contract, farm_id.parse()?);
        let slot = Slot::of(table_of(tx, &farm).await?);
        tx.upsert(DEPOSITS, &key, &[(slot.farm, Value::text(farm))])
            .await?;
    }
    Ok(())
}

/// The deposit columns of one farm kind.
struct Slot {
    farm: &'static str,
    locked: &'static str,
    tier: &'static str,
}

impl Slot {
    fn of(table: &str) -> Slot {
        if table == ETERNAL {
            Slot {
                farm: "eternal_farming",
                locked: "tokens_locked_eternal",
                tier: "tier_eternal",
            }
        } else {
            Slot {
                farm: "limit_farming",
                locked: "tokens_locked_limit",
                tier: "tier_limit",
            }
        }
    }
}

async fn enter_farm(tx: &mut Tx<'_>, event: &WasmEvent) -> Result<()> {
    let farm = farm_key(&event.contract, event.int("farm_id")?);
    let table = table_of(tx, &farm).await?;
    let slot = Slot::of(table);
    let locked = event.amount("tokens_locked")?;
    // The tier is the highest level whose amount the lock reaches (0: none).
    let mut tier = 0;
    for (level, column) in TIER_AMOUNTS.iter().enumerate() {
        let amount = tx.amount(table, &farm, column).await?;
        if amount > 0 && locked >= amount {
            tier = level + 1;
        }
    }
    let key = deposit_key(event.get("pool")?, event.get("token_id")?);
    tx.upsert(
        DEPOSITS,
        &key,
        &[
            (slot.farm, Value::text(farm)),
            (slot.locked, Value::amount(locked)),
            (slot.tier, Value::int(tier)),
        ],
    )
    .await
}

async fn exit_farm(tx: &mut Tx<'_>, event: &WasmEvent) -> Result<()> {
    let center = event.contract.as_str();
    let farm_id = event.int("farm_id")?;
    let farm = farm_key(center, farm_id);
    let table = table_of(tx, &farm).await?;
    let slot = Slot::of(table);
    let key = deposit_key(event.get("pool")?, event.get("token_id")?);
    tx.upsert(
        DEPOSITS,
        &key,
        &[
            (slot.farm, Value::Null),
            (slot.locked, Value::amount(0)),
            (slot.tier, Value::int(0)),
        ],
    )
    .await?;
    let owner = event.get("owner")?;
    let earned = [event.amount("reward")?, event.amount("bonus")?];
    let tokens = [
        tx.text(table, &farm, "reward_token").await?,
        tx.text(table, &farm, "bonus_reward_token").await?,
    ];
    for slot in 0..2 {
        if let (Some(token), true) = (&tokens[slot], earned[slot] > 0) {
            credit(tx, owner, token, earned[slot]).await?;
            let stream = stream_key(center, farm_id, slot);
            tx.add_amount(STREAMS, &stream, "distributed", earned[slot])
                .await?;
        }
    }
    Ok(())
}

async fn credit(tx: &mut Tx<'_>, owner: &str, token: &str, amount: u128) -> Result<()> {
    let key = format!("{owner}-{token}");
    tx.add_amount(REWARDS, &key, "amount", amount).await?;
    tx.upsert(
        REWARDS,
        &key,
        &[
            ("owner", Value::text(owner)),
            ("reward_address", Value::text(token)),
        ],
    )
    .await
}

/// The table of a farm already indexed.
async fn table_of(tx: &mut Tx<'_>, farm: &str) -> Result<&'static str> {
    if tx.load(ETERNAL, farm).await?.is_some() {
        Ok(ETERNAL)
    } else if tx.load(LIMIT, farm).await?.is_some() {
        Ok(LIMIT)
    } else {
        bail!("farm {farm} was never created in the index")
    }
}
