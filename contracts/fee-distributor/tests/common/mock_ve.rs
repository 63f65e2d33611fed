//! A stand-in vote escrow answering the power queries (single and batched), from a schedule of
//! per-week powers set by the test (the real escrow is developed separately). Power at any
//! time is the scheduled power of the week holding it; total power is the sum over users.
//! It also answers `HistoryStart` (its instantiation time) and a user's first point
//! (`UserPoints` with limit 1): the start of the earliest week given a non-zero power, as if
//! the user had locked exactly then.
use cosmwasm_schema::cw_serde;
use cosmwasm_std::{
    to_json_binary, Binary, Deps, DepsMut, Empty, Env, MessageInfo, Order, Response, StdError,
    StdResult, Uint128,
};
use cw_multi_test::{Contract, ContractWrapper};
use cw_storage_plus::{Item, Map};
use trellis_types::voting_escrow::{
    HistoryStartResponse, Point, PointsResponse, PowerResponse, PowersResponse, QueryMsg, WEEK,
};

/// (week start, user) -> power.
const POWER: Map<(u64, &str), Uint128> = Map::new("power");
/// User -> the earliest week start given a non-zero power.
const FIRST_POINT: Map<&str, u64> = Map::new("first_point");
const CREATED_AT: Item<u64> = Item::new("created_at");

#[cw_serde]
pub struct InstantiateMsg {}

#[cw_serde]
pub enum ExecuteMsg {
    SetPower {
        user: String,
        week: u64,
        power: Uint128,
    },
}

fn instantiate(deps: DepsMut, env: Env, _: MessageInfo, _: InstantiateMsg) -> StdResult<Response> {
    CREATED_AT.save(deps.storage, &env.block.time.seconds())?;
    Ok(Response::new())
}

fn execute(deps: DepsMut, _: Env, _: MessageInfo, msg: ExecuteMsg) -> StdResult<Response> {
    let ExecuteMsg::SetPower { user, week, power } = msg;
    let week = week / WEEK * WEEK;
    POWER.save(deps.storage, (week, &user), &power)?;
    if !power.is_zero() {
        let first = FIRST_POINT.may_load(deps.storage, &user)?;
        if first.is_none_or(|f| week < f) {
            FIRST_POINT.save(deps.storage, &user, &week)?;
        }
    }
    Ok(Response::new())
}

fn user_power(deps: Deps, user: &str, time: u64) -> StdResult<Uint128> {
    Ok(POWER
        .may_load(deps.storage, (time / WEEK * WEEK, user))?
        .unwrap_or_default())
}

fn total_power(deps: Deps, time: u64) -> StdResult<Uint128> {
    POWER
        .prefix(time / WEEK * WEEK)
        .range(deps.storage, None, None, Order::Ascending)
        .try_fold(Uint128::zero(), |acc, item| item.map(|(_, p)| acc + p))
}

fn query(deps: Deps, env: Env, msg: QueryMsg) -> StdResult<Binary> {
    match msg {
        QueryMsg::UserPower { user, time } => {
            let time = time.unwrap_or(env.block.time.seconds());
            let power = user_power(deps, &user, time)?;
            to_json_binary(&PowerResponse { power, time })
        }
        QueryMsg::TotalPower { time } => {
            let time = time.unwrap_or(env.block.time.seconds());
            to_json_binary(&PowerResponse {
                power: total_power(deps, time)?,
                time,
            })
        }
        QueryMsg::UserPowers { user, times } => to_json_binary(&PowersResponse {
            powers: times
                .iter()
                .map(|&t| user_power(deps, &user, t))
                .collect::<StdResult<_>>()?,
        }),
        QueryMsg::TotalPowers { times } => to_json_binary(&PowersResponse {
            powers: times
                .iter()
                .map(|&t| total_power(deps, t))
                .collect::<StdResult<_>>()?,
        }),
        QueryMsg::HistoryStart {} => to_json_binary(&HistoryStartResponse {
            time: CREATED_AT.load(deps.storage)?,
        }),
        QueryMsg::UserPoints {
            user,
            start_after: None,
            limit: Some(1),
        } => to_json_binary(&PointsResponse {
            points: FIRST_POINT
                .may_load(deps.storage, &user)?
                .map(|ts| Point {
                    ts,
                    ..Point::default()
                })
                .into_iter()
                .collect(),
        }),
        _ => Err(StdError::generic_err("mock escrow: not implemented")),
    }
}

pub fn mock_ve_contract() -> Box<dyn Contract<Empty>> {
    Box::new(ContractWrapper::new(execute, instantiate, query))
}
