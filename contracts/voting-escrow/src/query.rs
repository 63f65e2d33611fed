use cosmwasm_std::{Deps, Env, Uint128};
use trellis_types::voting_escrow::{
    ConfigResponse, HistoryStartResponse, ListenersResponse, LockResponse, PointsResponse,
    PowerResponse, PowerShareResponse, PowersResponse, UserSlopeResponse, MAX_TIMES_PER_QUERY,
};

use crate::error::ContractError;
use crate::history::{total_power_at, total_powers_at, user_power_at, user_powers_at};
use crate::limits::{DEFAULT_LIMIT, MAX_LIMIT};
use crate::state::{newest_user, CONFIG, GLOBAL_POINTS, LOCKS, USER_POINTS};

pub fn config(deps: Deps) -> Result<ConfigResponse, ContractError> {
    let c = CONFIG.load(deps.storage)?;
    Ok(ConfigResponse {
        lock_token: c.lock_token,
        max_time: c.max_time,
    })
}

pub fn lock(deps: Deps, user: String) -> Result<LockResponse, ContractError> {
    let user = deps.api.addr_validate(&user)?;
    let lock = LOCKS.may_load(deps.storage, &user)?;
    Ok(lock.map_or(
        LockResponse {
            amount: Uint128::zero(),
            end: 0,
        },
        |l| LockResponse {
            amount: l.amount,
            end: l.end,
        },
    ))
}

pub fn user_power(
    deps: Deps,
    env: Env,
    user: String,
    time: Option<u64>,
) -> Result<PowerResponse, ContractError> {
    let user = deps.api.addr_validate(&user)?;
    let time = time.unwrap_or(env.block.time.seconds());
    let power = user_power_at(deps.storage, &user, time)?;
    Ok(PowerResponse {
        power: Uint128::new(power),
        time,
    })
}

pub fn total_power(
    deps: Deps,
    env: Env,
    time: Option<u64>,
) -> Result<PowerResponse, ContractError> {
    let time = time.unwrap_or(env.block.time.seconds());
    let max_time = CONFIG.load(deps.storage)?.max_time;
    let power = total_power_at(deps.storage, time, max_time)?;
    Ok(PowerResponse {
        power: Uint128::new(power),
        time,
    })
}

fn check_times(times: &[u64]) -> Result<(), ContractError> {
    if times.len() > MAX_TIMES_PER_QUERY {
        return Err(ContractError::TooManyTimes {
            count: times.len(),
            max: MAX_TIMES_PER_QUERY,
        });
    }
    Ok(())
}

pub fn user_powers(
    deps: Deps,
    user: String,
    times: Vec<u64>,
) -> Result<PowersResponse, ContractError> {
    check_times(&times)?;
    let user = deps.api.addr_validate(&user)?;
    let powers = user_powers_at(deps.storage, &user, &times)?
        .into_iter()
        .map(Uint128::new)
        .collect();
    Ok(PowersResponse { powers })
}

pub fn total_powers(deps: Deps, times: Vec<u64>) -> Result<PowersResponse, ContractError> {
    check_times(&times)?;
    let max_time = CONFIG.load(deps.storage)?.max_time;
    let powers = total_powers_at(deps.storage, &times, max_time)?
        .into_iter()
        .map(Uint128::new)
        .collect();
    Ok(PowersResponse { powers })
}

pub fn power_share(
    deps: Deps,
    env: Env,
    user: String,
) -> Result<PowerShareResponse, ContractError> {
    let user = deps.api.addr_validate(&user)?;
    let time = env.block.time.seconds();
    let max_time = CONFIG.load(deps.storage)?.max_time;
    Ok(PowerShareResponse {
        user_power: Uint128::new(user_power_at(deps.storage, &user, time)?),
        total_power: Uint128::new(total_power_at(deps.storage, time, max_time)?),
        time,
    })
}

/// The current lock's slope (`amount / max_time`, floored) and end; zeros without a lock.
/// An ended lock keeps its values until withdrawn: a gauge checks `end` itself.
pub fn user_slope(deps: Deps, user: String) -> Result<UserSlopeResponse, ContractError> {
    let user = deps.api.addr_validate(&user)?;
    let max_time = CONFIG.load(deps.storage)?.max_time;
    Ok(match LOCKS.may_load(deps.storage, &user)? {
        Some(l) => UserSlopeResponse {
            slope: Uint128::new(l.amount.u128() / max_time as u128),
            end: l.end,
        },
        None => UserSlopeResponse {
            slope: Uint128::zero(),
            end: 0,
        },
    })
}

/// Points are indexed from 1; `start_after` is the last index already seen.
pub fn user_points(
    deps: Deps,
    user: String,
    start_after: Option<u64>,
    limit: Option<u32>,
) -> Result<PointsResponse, ContractError> {
    let user = deps.api.addr_validate(&user)?;
    let n = newest_user(deps.storage, &user)?.map_or(0, |(n, _)| n);
    let limit = limit.unwrap_or(DEFAULT_LIMIT).min(MAX_LIMIT) as u64;
    let first = start_after.unwrap_or(0).saturating_add(1);
    let last = n.min(first.saturating_add(limit).saturating_sub(1));
    let points = (first..=last)
        .map(|i| USER_POINTS.load(deps.storage, (&user, i)).map(Into::into))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(PointsResponse { points })
}

pub fn listeners(deps: Deps) -> Result<ListenersResponse, ContractError> {
    let listeners = CONFIG.load(deps.storage)?.listeners;
    Ok(ListenersResponse {
        listeners: listeners.into_iter().map(|a| a.into_string()).collect(),
    })
}

/// The first global point's time: points only ever get later, so it is the escrow's start.
pub fn history_start(deps: Deps) -> Result<HistoryStartResponse, ContractError> {
    Ok(HistoryStartResponse {
        time: GLOBAL_POINTS.load(deps.storage, 0)?.ts,
    })
}
