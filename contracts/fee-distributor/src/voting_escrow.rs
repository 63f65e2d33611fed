//! The reads from the vote-escrow contract, each a single batched query however many weeks
//! it covers (a query costs a contract instance, far more than the reads inside it). The
//! total power of a week is cached in its `Week` record by the checkpoint that reads it.
use cosmwasm_std::{Addr, QuerierWrapper, StdError, StdResult, Uint128};
use trellis_types::voting_escrow::{
    HistoryStartResponse, PointsResponse, PowersResponse, QueryMsg,
};

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

/// Total power at each of `times` (week starts), in one query (none when `times` is empty).
pub fn total_powers_at(
    querier: &QuerierWrapper,
    ve: &Addr,
    times: Vec<u64>,
) -> StdResult<Vec<Uint128>> {
    let asked = times.len();
    powers(querier, ve, QueryMsg::TotalPowers { times }, asked)
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
