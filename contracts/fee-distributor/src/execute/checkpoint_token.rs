//! `CheckpointToken`: book each token's unbooked balance into weeks, in proportion to time.
use cosmwasm_std::{DepsMut, Env, MessageInfo, Order, Response, StdResult, Uint128};
use cw_storage_plus::Bound;
use trellis_types::voting_escrow::WEEK;
use trellis_types::AssetInfo;

use crate::balance::balance_of;
use crate::error::ContractError;
use crate::limits::MAX_WEEKS_PER_CHECKPOINT;
use crate::state::{Week, BOOKS, CONFIG, WEEKS};
use crate::voting_escrow::total_powers_at;
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
    let mut books = BOOKS.load(deps.storage)?;
    let from = books.last_token_time;
    let now = env.block.time.seconds();
    if now <= from {
        // Before the start (or twice in one block): no time to spread over; receipts wait.
        return Ok(Response::new()
            .add_attribute("action", "checkpoint_token")
            .add_attribute("last_token_time", from.to_string()));
    }

    // Unbooked = balance - owed (owed = booked - claimed is still in the contract).
    let mut fresh = Vec::with_capacity(config.tokens.len());
    for (token, ledger) in config.tokens.iter().zip(&books.ledgers) {
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
    }
    if fresh.iter().all(Uint128::is_zero) {
        // Nothing to spread: skipping the empty time loses nothing.
        books.last_token_time = now;
        BOOKS.save(deps.storage, &books)?;
        return Ok(Response::new()
            .add_attribute("action", "checkpoint_token")
            .add_attribute("last_token_time", now.to_string()));
    }

    // Bounded walk: at most MAX_WEEKS_PER_CHECKPOINT weeks; the rest stays unbooked and is
    // spread over [end, later now) by the next call.
    let end = now.min(week_start(from) + MAX_WEEKS_PER_CHECKPOINT * WEEK);
    let n = config.tokens.len();
    let mut booked = vec![Uint128::zero(); n];
    // The weeks touched: their records in one range, and the totals not cached yet in one
    // escrow query.
    let first = week_start(from);
    let stored: Vec<(u64, Week)> = WEEKS
        .range(
            deps.storage,
            Some(Bound::inclusive(first)),
            Some(Bound::exclusive(end)),
            Order::Ascending,
        )
        .collect::<StdResult<_>>()?;
    let mut stored = stored.into_iter().peekable();
    let mut weeks: Vec<(u64, Option<Week>)> = vec![];
    let mut week = first;
    while week < end {
        let record = match stored.peek() {
            Some((w, _)) if *w == week => stored.next().map(|(_, r)| r),
            _ => None,
        };
        weeks.push((week, record));
        week += WEEK;
    }
    let missing: Vec<u64> = weeks
        .iter()
        .filter(|(_, r)| r.is_none())
        .map(|(w, _)| *w)
        .collect();
    let mut fetched = total_powers_at(&deps.querier, &config.voting_escrow, missing)?.into_iter();
    let mut seg_start = from;
    for (week, record) in weeks {
        let seg_end = (week + WEEK).min(end);
        // A record is written when it is new (the total is cached) or gets fees.
        let (mut record, mut changed) = match record {
            Some(r) => (r, false),
            None => (
                Week {
                    total: fetched.next().unwrap_or_default().u128(),
                    fees: vec![],
                },
                true,
            ),
        };
        // A week without power books nothing: its share stays unbooked and is spread again by
        // the next checkpoint, into later weeks.
        if record.total != 0 {
            for i in 0..n {
                let part = segment_share(fresh[i], from, now, seg_start, seg_end)?;
                if part.is_zero() {
                    continue;
                }
                if record.fees.len() < n {
                    record.fees.resize(n, 0);
                }
                record.fees[i] = record.fees[i]
                    .checked_add(part.u128())
                    .ok_or(ContractError::Overflow("tokens per week"))?;
                booked[i] += part;
                changed = true;
            }
        }
        if changed {
            WEEKS.save(deps.storage, week, &record)?;
        }
        seg_start = seg_end;
    }
    books.last_token_time = end;

    let mut res = Response::new()
        .add_attribute("action", "checkpoint_token")
        .add_attribute("last_token_time", end.to_string());
    for ((token, ledger), amount) in config.tokens.iter().zip(&mut books.ledgers).zip(booked) {
        ledger.booked = ledger
            .booked
            .checked_add(amount.u128())
            .ok_or(ContractError::Overflow("booked"))?;
        res = res.add_attribute(format!("booked_{}", token.key()), amount.to_string());
    }
    BOOKS.save(deps.storage, &books)?;
    Ok(res)
}
