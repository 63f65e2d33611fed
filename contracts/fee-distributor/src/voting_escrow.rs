//! The reads from the vote-escrow contract, each a single batched query however many weeks
//! it covers (a query costs a contract instance, far more than the reads inside it), and the
//! per-week cache of total power.
use cosmwasm_std::{Addr, Deps, QuerierWrapper, StdError, StdResult, Storage, Uint128};
use trellis_types::voting_escrow::{
    HistoryStartResponse, PointsResponse, PowersResponse, QueryMsg,
};

use crate::state::TOTAL_POWER_AT;

/// Sends a batched powers query (none when `times` is empty) and checks one answer per time.
fn powers(
    querier: &QuerierWrapper,
    ve: &Addr,
    msg: QueryMsg,
    asked: usize,
) -> StdResult<Vec<Uint128>> {
    if asked == 0 {
        return Ok(vec![]);
    }
    let res: PowersResponse = querier.query_wasm_smart(ve, &msg)?;
    if res.powers.len() != asked {
        return Err(StdError::generic_err(format!(
            "the escrow answered {} powers for {asked} times",
            res.powers.len()
        )));
    }
    Ok(res.powers)
}

/// The user's power at each of `times` (at most the escrow's `MAX_TIMES_PER_QUERY`).
pub fn user_powers_at(
    querier: &QuerierWrapper,
    ve: &Addr,
    user: &Addr,
    times: Vec<u64>,
) -> StdResult<Vec<Uint128>> {
    let asked = times.len();
    let msg = QueryMsg::UserPowers {
        user: user.to_string(),
        times,
    };
    powers(querier, ve, msg, asked)
}

/// Cached totals of `weeks`, and the weeks missing from the cache.
fn cached_totals(
    storage: &dyn Storage,
    weeks: &[u64],
) -> StdResult<(Vec<Option<Uint128>>, Vec<u64>)> {
    let cached = weeks
        .iter()
        .map(|&w| TOTAL_POWER_AT.may_load(storage, w))
        .collect::<StdResult<Vec<_>>>()?;
    let missing = weeks
        .iter()
        .zip(&cached)
        .filter(|(_, c)| c.is_none())
        .map(|(&w, _)| w)
        .collect();
    Ok((cached, missing))
}

/// The cached values with the gaps filled, in order, from `fetched`.
fn fill(cached: Vec<Option<Uint128>>, fetched: &[Uint128]) -> Vec<Uint128> {
    let mut fetched = fetched.iter();
    cached
        .into_iter()
        .map(|c| c.or_else(|| fetched.next().copied()).unwrap_or_default())
        .collect()
}

/// Total power at each of `weeks` (week starts, past or present): cached values, the others
/// in one query whose answers are cached.
pub fn total_powers_cached(
    storage: &mut dyn Storage,
    querier: &QuerierWrapper,
    ve: &Addr,
    weeks: &[u64],
) -> StdResult<Vec<Uint128>> {
    let (cached, missing) = cached_totals(storage, weeks)?;
    let asked = missing.len();
    let fetched = powers(
        querier,
        ve,
        QueryMsg::TotalPowers {
            times: missing.clone(),
        },
        asked,
    )?;
    for (week, total) in missing.iter().zip(&fetched) {
        TOTAL_POWER_AT.save(storage, *week, total)?;
    }
    Ok(fill(cached, &fetched))
}

/// Read-only variant for queries: cached values, the others in one live query (not stored).
pub fn total_powers_readonly(deps: Deps, ve: &Addr, weeks: &[u64]) -> StdResult<Vec<Uint128>> {
    let (cached, missing) = cached_totals(deps.storage, weeks)?;
    let asked = missing.len();
    let fetched = powers(
        &deps.querier,
        ve,
        QueryMsg::TotalPowers { times: missing },
        asked,
    )?;
    Ok(fill(cached, &fetched))
}

/// The time of `user`'s first ve point (its first lock), if it ever locked.
pub fn first_point_time(
    querier: &QuerierWrapper,
    ve: &Addr,
    user: &Addr,
) -> StdResult<Option<u64>> {
    let res: PointsResponse = querier.query_wasm_smart(
        ve,
        &QueryMsg::UserPoints {
            user: user.to_string(),
            start_after: None,
            limit: Some(1),
        },
    )?;
    Ok(res.points.first().map(|p| p.ts))
}

/// When the escrow's history starts: no ve power exists before it.
pub fn history_start(querier: &QuerierWrapper, ve: &Addr) -> StdResult<u64> {
    let res: HistoryStartResponse = querier.query_wasm_smart(ve, &QueryMsg::HistoryStart {})?;
    Ok(res.time)
}
