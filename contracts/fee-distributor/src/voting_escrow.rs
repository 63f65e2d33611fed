//! The two reads from the vote-escrow contract, and the per-week cache of total power.
use cosmwasm_std::{Addr, Deps, QuerierWrapper, StdResult, Storage, Uint128};
use trellis_types::voting_escrow::{PowerResponse, QueryMsg};

use crate::state::TOTAL_POWER_AT;

pub fn user_power_at(
    querier: &QuerierWrapper,
    ve: &Addr,
    user: &Addr,
    time: u64,
) -> StdResult<Uint128> {
    let res: PowerResponse = querier.query_wasm_smart(
        ve,
        &QueryMsg::UserPower {
            user: user.to_string(),
            time: Some(time),
        },
    )?;
    Ok(res.power)
}

pub fn query_total_power_at(querier: &QuerierWrapper, ve: &Addr, time: u64) -> StdResult<Uint128> {
    let res: PowerResponse =
        querier.query_wasm_smart(ve, &QueryMsg::TotalPower { time: Some(time) })?;
    Ok(res.power)
}

/// Total power at `week` (a past or present week start): the cached value, else a query whose
/// answer is cached.
pub fn total_power_at_cached(
    storage: &mut dyn Storage,
    querier: &QuerierWrapper,
    ve: &Addr,
    week: u64,
) -> StdResult<Uint128> {
    if let Some(total) = TOTAL_POWER_AT.may_load(storage, week)? {
        return Ok(total);
    }
    let total = query_total_power_at(querier, ve, week)?;
    TOTAL_POWER_AT.save(storage, week, &total)?;
    Ok(total)
}

/// Read-only variant for queries: the cache if present, else a live query (not stored).
pub fn total_power_at_readonly(deps: Deps, ve: &Addr, week: u64) -> StdResult<Uint128> {
    match TOTAL_POWER_AT.may_load(deps.storage, week)? {
        Some(total) => Ok(total),
        None => query_total_power_at(&deps.querier, ve, week),
    }
}
