use cosmwasm_std::{Deps, Env, Order, StdResult};
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
use crate::state::{CONFIG, LAST_TOKEN_TIME, LEDGER, TOKENS_PER_WEEK, USER_CURSOR};
use crate::week_split::week_start;

pub fn config(deps: Deps) -> StdResult<ConfigResponse> {
    let config = CONFIG.load(deps.storage)?;
    Ok(ConfigResponse {
        voting_escrow: config.voting_escrow.to_string(),
        tokens: config.tokens,
        start_time: config.start_time,
        last_token_time: LAST_TOKEN_TIME.load(deps.storage)?,
    })
}

/// What a default `Claim` would pay now (same bounded walk, nothing stored).
pub fn claimable(deps: Deps, user: String) -> Result<ClaimableResponse, ContractError> {
    let user = deps.api.addr_validate(&user)?;
    let config = CONFIG.load(deps.storage)?;
    let walk = walk_claim(deps, &config, &user, MAX_WEEKS_PER_CLAIM)?;
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
    if !config.tokens.contains(&token) {
        return Err(ContractError::UnknownToken { token: token.key() });
    }
    let limit = limit.unwrap_or(DEFAULT_LIMIT).min(MAX_LIMIT) as usize;
    let key = token.key();
    let weeks = TOKENS_PER_WEEK
        .prefix(&key)
        .range(
            deps.storage,
            start_after.map(Bound::exclusive),
            None,
            Order::Ascending,
        )
        .take(limit)
        .map(|item| item.map(|(week_start, amount)| WeekFees { week_start, amount }))
        .collect::<StdResult<_>>()?;
    Ok(TokensPerWeekResponse { weeks })
}

pub fn user_cursor(deps: Deps, user: String) -> Result<UserCursorResponse, ContractError> {
    let user = deps.api.addr_validate(&user)?;
    let week = match USER_CURSOR.may_load(deps.storage, &user)? {
        Some(week) => week,
        None => {
            let frontier = week_start(LAST_TOKEN_TIME.load(deps.storage)?);
            initial_cursor(deps, &CONFIG.load(deps.storage)?, &user, frontier)?
        }
    };
    Ok(UserCursorResponse { week })
}

pub fn totals(deps: Deps, env: Env) -> StdResult<TotalsResponse> {
    let config = CONFIG.load(deps.storage)?;
    let mut tokens = Vec::with_capacity(config.tokens.len());
    for token in config.tokens {
        let ledger = LEDGER.load(deps.storage, &token.key())?;
        let balance = balance_of(&deps.querier, &token, &env.contract.address)?;
        tokens.push(TokenTotals {
            unbooked: balance.saturating_sub(ledger.owed()),
            booked: ledger.booked,
            claimed: ledger.claimed,
            token,
        });
    }
    Ok(TotalsResponse { tokens })
}
