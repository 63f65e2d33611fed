//! `CheckpointToken`: book each token's unbooked balance into weeks, in proportion to time.
use cosmwasm_std::{DepsMut, Env, MessageInfo, Response, Uint128};
use trellis_types::voting_escrow::WEEK;
use trellis_types::AssetInfo;

use crate::balance::balance_of;
use crate::error::ContractError;
use crate::limits::MAX_WEEKS_PER_CHECKPOINT;
use crate::state::{CONFIG, LAST_TOKEN_TIME, LEDGER, TOKENS_PER_WEEK};
use crate::voting_escrow::total_powers_cached;
use crate::week_split::{segment_share, week_start};

pub fn checkpoint_token(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
) -> Result<Response, ContractError> {
    let config = CONFIG.load(deps.storage)?;
    // Attached coins are fees too, but only of configured native tokens.
    for coin in &info.funds {
        let token = AssetInfo::native(coin.denom.clone());
        if !config.tokens.contains(&token) {
            return Err(ContractError::UnknownToken { token: token.key() });
        }
    }
    let from = LAST_TOKEN_TIME.load(deps.storage)?;
    let now = env.block.time.seconds();
    if now <= from {
        // Before the start (or twice in one block): no time to spread over; receipts wait.
        return Ok(Response::new()
            .add_attribute("action", "checkpoint_token")
            .add_attribute("last_token_time", from.to_string()));
    }

    // Unbooked = balance - owed (owed = booked - claimed is still in the contract).
    let mut fresh = Vec::with_capacity(config.tokens.len());
    let mut ledgers = Vec::with_capacity(config.tokens.len());
    for token in &config.tokens {
        let ledger = LEDGER.load(deps.storage, &token.key())?;
        let balance = balance_of(&deps.querier, token, &env.contract.address)?;
        let owed = ledger.owed();
        let unbooked = balance
            .checked_sub(owed)
            .map_err(|_| ContractError::BalanceBelowOwed {
                token: token.key(),
                balance,
                owed,
            })?;
        fresh.push(unbooked);
        ledgers.push(ledger);
    }
    if fresh.iter().all(Uint128::is_zero) {
        // Nothing to spread: skipping the empty time loses nothing.
        LAST_TOKEN_TIME.save(deps.storage, &now)?;
        return Ok(Response::new()
            .add_attribute("action", "checkpoint_token")
            .add_attribute("last_token_time", now.to_string()));
    }

    // Bounded walk: at most MAX_WEEKS_PER_CHECKPOINT weeks; the rest stays unbooked and is
    // spread over [end, later now) by the next call.
    let end = now.min(week_start(from) + MAX_WEEKS_PER_CHECKPOINT * WEEK);
    let keys: Vec<String> = config.tokens.iter().map(|t| t.key()).collect();
    let mut booked = vec![Uint128::zero(); keys.len()];
    // The weeks touched, and their total powers in one escrow query (cached per week).
    let mut weeks = vec![];
    let mut week = week_start(from);
    while week < end {
        weeks.push(week);
        week += WEEK;
    }
    let totals = total_powers_cached(deps.storage, &deps.querier, &config.voting_escrow, &weeks)?;
    let mut seg_start = from;
    for (week, total) in weeks.into_iter().zip(totals) {
        let seg_end = (week + WEEK).min(end);
        // A week without power books nothing: its share stays unbooked and is spread again by
        // the next checkpoint, into later weeks.
        if !total.is_zero() {
            for (i, key) in keys.iter().enumerate() {
                let part = segment_share(fresh[i], from, now, seg_start, seg_end)?;
                if part.is_zero() {
                    continue;
                }
                TOKENS_PER_WEEK.update(deps.storage, (key, week), |v| {
                    v.unwrap_or_default()
                        .checked_add(part)
                        .map_err(|_| ContractError::Overflow("tokens per week"))
                })?;
                booked[i] += part;
            }
        }
        seg_start = seg_end;
    }
    LAST_TOKEN_TIME.save(deps.storage, &end)?;

    let mut res = Response::new()
        .add_attribute("action", "checkpoint_token")
        .add_attribute("last_token_time", end.to_string());
    for ((key, mut ledger), amount) in keys.iter().zip(ledgers).zip(booked) {
        ledger.booked = ledger
            .booked
            .checked_add(amount)
            .map_err(|_| ContractError::Overflow("booked"))?;
        LEDGER.save(deps.storage, key, &ledger)?;
        res = res.add_attribute(format!("booked_{key}"), amount.to_string());
    }
    Ok(res)
}
