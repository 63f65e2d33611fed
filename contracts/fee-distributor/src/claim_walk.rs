//! The bounded walk over a user's unclaimed complete weeks, shared by `Claim` (which then
//! stores the cursor and pays) and the `Claimable` query (which only reports).
use cosmwasm_std::{Addr, Deps, Order, StdResult, Uint128};
use cw_storage_plus::Bound;
use trellis_math::mul_div::mul_div_floor;
use trellis_types::voting_escrow::WEEK;

use crate::error::ContractError;
use crate::state::{Books, Config, UserBook, Week, USERS, WEEKS};
use crate::voting_escrow::{first_point_time, user_powers_at};
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
    /// The user's record as loaded (absent before the first claim).
    pub user_book: Option<UserBook>,
}

/// Walks at most `limit` weeks from the user's cursor, stopping at the first week that is not
/// complete (`week + WEEK > last_token_time`: a later checkpoint may still add to it).
pub fn walk_claim(
    deps: Deps,
    config: &Config,
    books: &Books,
    user: &Addr,
    limit: u32,
) -> Result<ClaimWalk, ContractError> {
    let last_token_time = books.last_token_time;
    // Week `w` (aligned) is complete iff w + WEEK <= last_token_time iff w < week_start(last).
    let frontier = week_start(last_token_time);
    let user_book = USERS.may_load(deps.storage, user)?;
    let cursor = match &user_book {
        Some(b) => b.cursor,
        None => initial_cursor(deps, config, user, frontier)?,
    };
    // The weeks walked: from the cursor, at most `limit`, before the frontier.
    let weeks_walked = if frontier > cursor {
        (frontier - cursor).div_ceil(WEEK).min(u64::from(limit)) as u32
    } else {
        0
    };
    let next_cursor = cursor + u64::from(weeks_walked) * WEEK;
    // Their stored records with fees, in one range; weeks without fees need no power at all.
    let with_fees: Vec<(u64, Week)> = if weeks_walked == 0 {
        vec![]
    } else {
        WEEKS
            .range(
                deps.storage,
                Some(Bound::inclusive(cursor)),
                Some(Bound::exclusive(next_cursor)),
                Order::Ascending,
            )
            .filter(|r| r.as_ref().map_or(true, |(_, w)| w.has_fees()))
            .collect::<StdResult<_>>()?
    };
    // Then the user's powers of those weeks, in one escrow query. Fees are only booked into
    // weeks whose total was read first, so every such week carries its total.
    let weeks: Vec<u64> = with_fees.iter().map(|(w, _)| *w).collect();
    let powers = user_powers_at(&deps.querier, &config.voting_escrow, user, weeks)?;
    let unpaid: Vec<Uint128> = (0..config.tokens.len())
        .map(|i| Uint128::new(user_book.as_ref().map_or(0, |b| b.unpaid(i))))
        .collect();
    let mut amounts = unpaid.clone();
    for ((_, week), power) in with_fees.iter().zip(powers) {
        let total = Uint128::new(week.total);
        // Fees are only booked into weeks with power, so `total > 0` here; the clamp keeps a
        // user's share within the week's fees even if the escrow misreports.
        let power = power.min(total);
        if power.is_zero() {
            continue;
        }
        for (amount, fee) in amounts.iter_mut().zip(&week.fees) {
            // Credit rounds down: floor(fees * power / total).
            *amount = amount
                .checked_add(mul_div_floor(Uint128::new(*fee), power, total)?)
                .map_err(|_| ContractError::Overflow("claim amount"))?;
        }
    }
    Ok(ClaimWalk {
        amounts,
        unpaid,
        cursor,
        next_cursor,
        weeks_walked,
        last_token_time,
        user_book,
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
