use cosmwasm_std::{Deps, Env, Order, StdResult, Uint128};
use cw_storage_plus::Bound;
use trellis_types::fee_distributor::{
    ClaimableResponse, ConfigResponse, TokenAmount, TokenTotals, TokensPerWeekResponse,
    TotalsResponse, UserCursorResponse, WeekFees,
};
use trellis_types::AssetInfo;

use crate::balance::balance_of;
use crate::claim_walk::{initial_cursor, walk_claim};
use crate::error::ContractError;
use crate::limits::{DEFAULT_LIMIT, MAX_LIMIT, MAX_WEEKS_PER_CLAIM};
use crate::state::{BOOKS, CONFIG, USERS, WEEKS};
use crate::week_split::week_start;

pub fn config(deps: Deps) -> StdResult<ConfigResponse> {
    let config = CONFIG.load(deps.storage)?;
    Ok(ConfigResponse {
        voting_escrow: config.voting_escrow.to_string(),
        tokens: config.tokens,
        start_time: config.start_time,
        last_token_time: BOOKS.load(deps.storage)?.last_token_time,
    })
}

/// What a default `Claim` would pay now (same bounded walk, nothing stored).
pub fn claimable(deps: Deps, user: String) -> Result<ClaimableResponse, ContractError> {
    let user = deps.api.addr_validate(&user)?;
    let config = CONFIG.load(deps.storage)?;
    let books = BOOKS.load(deps.storage)?;
    let walk = walk_claim(deps, &config, &books, &user, MAX_WEEKS_PER_CLAIM)?;
    Ok(ClaimableResponse {
        amounts: config
            .tokens
            .into_iter()
            .zip(walk.amounts)
            .map(|(token, amount)| TokenAmount { token, amount })
            .collect(),
        next_cursor: walk.next_cursor,
    })
}

pub fn tokens_per_week(
    deps: Deps,
    token: AssetInfo,
    start_after: Option<u64>,
    limit: Option<u32>,
) -> Result<TokensPerWeekResponse, ContractError> {
    let config = CONFIG.load(deps.storage)?;
    let token = token.validate(deps.api)?;
    let Some(i) = config.tokens.iter().position(|t| *t == token) else {
        return Err(ContractError::UnknownToken { token: token.key() });
    };
    let limit = limit.unwrap_or(DEFAULT_LIMIT).min(MAX_LIMIT) as usize;
    // The weeks where this token was booked (a week record holds every token's fees and the
    // week's total; weeks without this token's fees are skipped).
    let weeks = WEEKS
        .range(
            deps.storage,
            start_after.map(Bound::exclusive),
            None,
            Order::Ascending,
        )
        .filter_map(|item| match item {
            Ok((week_start, week)) => {
                let amount = week.fees.get(i).copied().unwrap_or_default();
                (amount != 0).then(|| {
                    Ok(WeekFees {
                        week_start,
                        amount: Uint128::new(amount),
                    })
                })
            }
            Err(e) => Some(Err(e)),
        })
        .take(limit)
        .collect::<StdResult<_>>()?;
    Ok(TokensPerWeekResponse { weeks })
}

pub fn user_cursor(deps: Deps, user: String) -> Result<UserCursorResponse, ContractError> {
    let user = deps.api.addr_validate(&user)?;
    let week = match USERS.may_load(deps.storage, &user)? {
        Some(book) => book.cursor,
        None => {
            let frontier = week_start(BOOKS.load(deps.storage)?.last_token_time);
            initial_cursor(deps, &CONFIG.load(deps.storage)?, &user, frontier)?
        }
    };
    Ok(UserCursorResponse { week })
}

pub fn totals(deps: Deps, env: Env) -> StdResult<TotalsResponse> {
    let config = CONFIG.load(deps.storage)?;
    let books = BOOKS.load(deps.storage)?;
    let mut tokens = Vec::with_capacity(config.tokens.len());
    for (token, ledger) in config.tokens.into_iter().zip(books.ledgers) {
        let balance = balance_of(&deps.querier, &token, &env.contract.address)?;
        tokens.push(TokenTotals {
            unbooked: balance.saturating_sub(ledger.owed()),
            booked: Uint128::new(ledger.booked),
            claimed: Uint128::new(ledger.claimed),
            token,
        });
    }
    Ok(TotalsResponse { tokens })
}
