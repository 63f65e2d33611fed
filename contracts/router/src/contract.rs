//! Entry points only: each message is handed to its handler.
#[cfg(not(feature = "library"))]
use cosmwasm_std::entry_point;
use cosmwasm_std::{to_json_binary, Binary, Deps, DepsMut, Env, MessageInfo, Reply, Response};
use trellis_types::router::{ExecuteMsg, InstantiateMsg, MigrateMsg, QueryMsg};

use crate::error::ContractError;
use crate::execute::{execute_route, instantiate as init, sweep};
use crate::{migrate as mig, query as q, reply as rep};

pub const CONTRACT_NAME: &str = "crates.io:trellis-router";
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
        ExecuteMsg::ExecuteRoute {
            route,
            min_out,
            recipient,
            deadline,
        } => execute_route::execute_route_native(
            deps, env, info, route, min_out, recipient, deadline,
        ),
        ExecuteMsg::Receive(wrapper) => execute_route::receive_cw20(deps, env, info, wrapper),
        ExecuteMsg::Sweep { asset, recipient } => sweep::sweep(deps, env, info, asset, recipient),
        ExecuteMsg::UpdateOwnership(action) => sweep::update_ownership(deps, env, info, action),
    }
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn reply(deps: DepsMut, env: Env, msg: Reply) -> Result<Response, ContractError> {
    rep::reply(deps, env, msg)
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn query(deps: Deps, _env: Env, msg: QueryMsg) -> Result<Binary, ContractError> {
    Ok(match msg {
        QueryMsg::Config {} => to_json_binary(&q::config(deps)?)?,
        QueryMsg::Ownership {} => to_json_binary(&cw_ownable::get_ownership(deps.storage)?)?,
        QueryMsg::SimulateRoute { offer, route } => {
            to_json_binary(&q::simulate_route(deps, offer, route)?)?
        }
        QueryMsg::BestRoute { offer, ask } => to_json_binary(&q::best_route(deps, offer, ask)?)?,
    })
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn migrate(deps: DepsMut, env: Env, msg: MigrateMsg) -> Result<Response, ContractError> {
    mig::migrate(deps, env, msg)
}
