//! The bounded walk over a user's unclaimed complete weeks, shared by `Claim` (which then
//! stores the cursor and pays) and the `Claimable` query (which only reports).
use cosmwasm_std::{Addr, Deps, Uint128};
use trellis_math::mul_div::mul_div_floor;
use trellis_types::voting_escrow::WEEK;

use crate::error::ContractError;
use crate::state::{Config, LAST_TOKEN_TIME, TOKENS_PER_WEEK, UNPAID, USER_CURSOR};
use crate::voting_escrow::{first_point_time, total_powers_readonly, user_powers_at};
use crate::week_split::week_start;

pub struct ClaimWalk {
    /// Per configured token, in config order: the walk's shares plus `unpaid`.
    pub amounts: Vec<Uint128>,
    /// Per configured token: what earlier claims failed to transfer (included in `amounts`).
    pub unpaid: Vec<Uint128>,
    pub cursor: u64,
    pub next_cursor: u64,
    pub weeks_walked: u32,
    pub last_token_time: u64,
}

/// Walks at most `limit` weeks from the user's cursor, stopping at the first week that is not
/// complete (`week + WEEK > last_token_time`: a later checkpoint may still add to it).
pub fn walk_claim(
    deps: Deps,
    config: &Config,
    user: &Addr,
    limit: u32,
) -> Result<ClaimWalk, ContractError> {
    let last_token_time = LAST_TOKEN_TIME.load(deps.storage)?;
    // Week `w` (aligned) is complete iff w + WEEK <= last_token_time iff w < week_start(last).
    let frontier = week_start(last_token_time);
    let cursor = match USER_CURSOR.may_load(deps.storage, user)? {
        Some(cursor) => cursor,
        None => initial_cursor(deps, config, user, frontier)?,
    };
    let keys: Vec<String> = config.tokens.iter().map(|t| t.key()).collect();
    // First the weeks to walk and their fees; weeks without fees need no power at all.
    let mut week = cursor;
    let mut weeks_walked = 0;
    let mut with_fees: Vec<(u64, Vec<Uint128>)> = vec![];
    while weeks_walked < limit && week < frontier {
        let fees = keys
            .iter()
            .map(|k| {
                Ok(TOKENS_PER_WEEK
                    .may_load(deps.storage, (k, week))?
                    .unwrap_or_default())
            })
            .collect::<Result<Vec<Uint128>, ContractError>>()?;
        if fees.iter().any(|f| !f.is_zero()) {
            with_fees.push((week, fees));
        }
        week += WEEK;
        weeks_walked += 1;
    }
    // Then the powers of those weeks, one escrow query each for the user and the totals.
    let weeks: Vec<u64> = with_fees.iter().map(|(w, _)| *w).collect();
    let totals = total_powers_readonly(deps, &config.voting_escrow, &weeks)?;
    let powers = user_powers_at(&deps.querier, &config.voting_escrow, user, weeks)?;
    let unpaid = keys
        .iter()
        .map(|k| {
            Ok(UNPAID
                .may_load(deps.storage, (user, k))?
                .unwrap_or_default())
        })
        .collect::<Result<Vec<Uint128>, ContractError>>()?;
    let mut amounts = unpaid.clone();
    for (((_, fees), total), power) in with_fees.iter().zip(totals).zip(powers) {
        // Fees are only booked into weeks with power, so `total > 0` here; the clamp keeps a
        // user's share within the week's fees even if the escrow misreports.
        let power = power.min(total);
        if power.is_zero() {
            continue;
        }
        for (amount, fee) in amounts.iter_mut().zip(fees) {
            // Credit rounds down: floor(fees * power / total).
            *amount = amount
                .checked_add(mul_div_floor(*fee, power, total)?)
                .map_err(|_| ContractError::Overflow("claim amount"))?;
        }
    }
    Ok(ClaimWalk {
        amounts,
        unpaid,
        cursor,
        next_cursor: week,
        weeks_walked,
        last_token_time,
    })
}

/// Where a user who never claimed starts: the week of its first ve point (it had no power
/// before), not before `start_time`. A user without any point has no power in any complete
/// week, so it starts at `frontier` and has nothing to walk. One escrow query, made only
/// until the user's first claim stores a cursor.
pub fn initial_cursor(
    deps: Deps,
    config: &Config,
    user: &Addr,
    frontier: u64,
) -> Result<u64, ContractError> {
    Ok(
        match first_point_time(&deps.querier, &config.voting_escrow, user)? {
            Some(ts) => week_start(ts).max(config.start_time),
            None => frontier.max(config.start_time),
        },
    )
}
