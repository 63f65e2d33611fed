//! Entry points only: each message is handed to its handler.
#[cfg(not(feature = "library"))]
use cosmwasm_std::entry_point;
use cosmwasm_std::{to_json_binary, Binary, Deps, DepsMut, Env, MessageInfo, Response};
use trellis_types::gauge_controller::{ExecuteMsg, InstantiateMsg, MigrateMsg, QueryMsg};

use crate::error::ContractError;
use crate::execute::{admin, checkpoint, gauges, instantiate as init, types, vote};
use crate::{migrate as mig, query as q};

pub const CONTRACT_NAME: &str = "crates.io:trellis-gauge-controller";
pub const CONTRACT_VERSION: &str = env!("CARGO_PKG_VERSION");

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn instantiate(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: InstantiateMsg,
) -> Result<Response, ContractError> {
    init::instantiate(deps, env, info, msg)
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn execute(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: ExecuteMsg,
) -> Result<Response, ContractError> {
    match msg {
        ExecuteMsg::UpdateOwnership(action) => admin::update_ownership(deps, env, info, action),
        ExecuteMsg::AddType { name, weight } => types::add_type(deps, env, info, name, weight),
        ExecuteMsg::ChangeTypeWeight { gauge_type, weight } => {
            types::change_type_weight(deps, env, info, gauge_type, weight)
        }
        ExecuteMsg::AddGauge {
            gauge,
            gauge_type,
            cap,
        } => gauges::add_gauge(deps, env, info, gauge, gauge_type, cap),
        ExecuteMsg::SetGaugeCap { gauge, cap } => {
            gauges::set_gauge_cap(deps, env, info, gauge, cap)
        }
        ExecuteMsg::ChangeGaugeWeight { gauge, weight } => {
            gauges::change_gauge_weight(deps, env, info, gauge, weight)
        }
        ExecuteMsg::KillGauge { gauge } => gauges::kill_gauge(deps, env, info, gauge),
        ExecuteMsg::VoteForGaugeWeights { gauge, weight_bps } => {
            vote::vote_for_gauge_weights(deps, env, info, gauge, weight_bps)
        }
        ExecuteMsg::Checkpoint { gauge } => checkpoint::checkpoint(deps, env, info, gauge),
    }
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn query(deps: Deps, env: Env, msg: QueryMsg) -> Result<Binary, ContractError> {
    Ok(match msg {
        QueryMsg::Ownership {} => to_json_binary(&cw_ownable::get_ownership(deps.storage)?)?,
        QueryMsg::Config {} => to_json_binary(&q::config(deps)?)?,
        QueryMsg::GaugeTypes { start_after, limit } => {
            to_json_binary(&q::gauge_types(deps, start_after, limit)?)?
        }
        QueryMsg::Gauges { start_after, limit } => {
            to_json_binary(&q::gauges(deps, start_after, limit)?)?
        }
        QueryMsg::GaugeWeight { gauge, time } => {
            to_json_binary(&q::gauge_weight(deps, env, gauge, time)?)?
        }
        QueryMsg::TypeSum { gauge_type, time } => {
            to_json_binary(&q::type_sum(deps, env, gauge_type, time)?)?
        }
        QueryMsg::TotalWeight { time } => to_json_binary(&q::total_weight(deps, env, time)?)?,
        QueryMsg::RelativeWeight { gauge, time } => {
            to_json_binary(&q::relative_weight(deps, env, gauge, time)?)?
        }
        QueryMsg::UserVote { user, gauge } => to_json_binary(&q::user_vote(deps, user, gauge)?)?,
        QueryMsg::UserVotes {
            user,
            start_after,
            limit,
        } => to_json_binary(&q::user_votes(deps, user, start_after, limit)?)?,
        QueryMsg::VotePowerUsed { user } => to_json_binary(&q::vote_power_used(deps, user)?)?,
    })
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn migrate(deps: DepsMut, env: Env, msg: MigrateMsg) -> Result<Response, ContractError> {
    mig::migrate(deps, env, msg)
}
