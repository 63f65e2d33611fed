//! Entry points only: each message is handed to its handler.
#[cfg(not(feature = "library"))]
use cosmwasm_std::entry_point;
use cosmwasm_std::{to_json_binary, Binary, Deps, DepsMut, Env, MessageInfo, Reply, Response};
use trellis_types::fee_distributor::{ExecuteMsg, InstantiateMsg, MigrateMsg, QueryMsg};

use crate::error::ContractError;
use crate::execute::{checkpoint_token, claim, instantiate as init, ownership, sweep};
use crate::{migrate as mig, query as q, reply as rep};

pub const CONTRACT_NAME: &str = "crates.io:trellis-fee-distributor";
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
        ExecuteMsg::UpdateOwnership(action) => ownership::update_ownership(deps, env, info, action),
        ExecuteMsg::CheckpointToken {} => checkpoint_token::checkpoint_token(deps, env, info),
        ExecuteMsg::Claim { user, limit_weeks } => claim::claim(deps, env, info, user, limit_weeks),
        ExecuteMsg::Sweep { asset, recipient } => sweep::sweep(deps, env, info, asset, recipient),
    }
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn reply(deps: DepsMut, env: Env, msg: Reply) -> Result<Response, ContractError> {
    rep::reply(deps, env, msg)
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn query(deps: Deps, env: Env, msg: QueryMsg) -> Result<Binary, ContractError> {
    Ok(match msg {
        QueryMsg::Config {} => to_json_binary(&q::config(deps)?)?,
        QueryMsg::Claimable { user } => to_json_binary(&q::claimable(deps, user)?)?,
        QueryMsg::TokensPerWeek {
            token,
            start_after,
            limit,
        } => to_json_binary(&q::tokens_per_week(deps, token, start_after, limit)?)?,
        QueryMsg::UserCursor { user } => to_json_binary(&q::user_cursor(deps, user)?)?,
        QueryMsg::Totals {} => to_json_binary(&q::totals(deps, env)?)?,
        QueryMsg::Ownership {} => to_json_binary(&cw_ownable::get_ownership(deps.storage)?)?,
    })
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn migrate(deps: DepsMut, env: Env, msg: MigrateMsg) -> Result<Response, ContractError> {
    mig::migrate(deps, env, msg)
}
