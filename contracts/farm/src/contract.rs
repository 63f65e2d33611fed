//! Entry points only: each message is handed to its handler.
#[cfg(not(feature = "library"))]
use cosmwasm_std::entry_point;
use cosmwasm_std::{to_json_binary, Binary, Deps, DepsMut, Env, MessageInfo, Response};
use trellis_types::farm::{ExecuteMsg, InstantiateMsg, MigrateMsg, QueryMsg};

use crate::error::ContractError;
use crate::execute::{admin, claim, fund, instantiate as init, receive, refresh, stake, sweep};
use crate::{migrate as mig, query as q};

pub const CONTRACT_NAME: &str = "crates.io:trellis-farm";
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
        ExecuteMsg::AddPool {
            staking,
            kind,
            weight,
            tokenless_share_pct,
        } => admin::add_pool(deps, env, info, staking, kind, weight, tokenless_share_pct),
        ExecuteMsg::SetWeight { pool_id, weight } => {
            admin::set_weight(deps, env, info, pool_id, weight)
        }
        ExecuteMsg::DeactivatePool { pool_id } => admin::deactivate_pool(deps, env, info, pool_id),
        ExecuteMsg::RecoverUndistributed { amount, recipient } => {
            admin::recover_undistributed(deps, env, info, amount, recipient)
        }
        ExecuteMsg::RolloverUndistributed { amount } => {
            admin::rollover_undistributed(deps, env, info, amount)
        }
        ExecuteMsg::Sweep { asset, recipient } => sweep::sweep(deps, env, info, asset, recipient),
        ExecuteMsg::Fund {} => fund::fund_native(deps, env, info),
        ExecuteMsg::Receive(msg) => receive::receive_cw20(deps, env, info, msg),
        ExecuteMsg::Deposit { pool_id, recipient } => {
            stake::deposit_native(deps, env, info, pool_id, recipient)
        }
        ExecuteMsg::Withdraw {
            pool_id,
            amount,
            recipient,
        } => stake::withdraw(deps, env, info, pool_id, amount, recipient),
        ExecuteMsg::Claim {
            pool_ids,
            recipient,
        } => claim::claim(deps, env, info, pool_ids, recipient),
        ExecuteMsg::EmergencyWithdraw { pool_id, recipient } => {
            stake::emergency_withdraw(deps, env, info, pool_id, recipient)
        }
        ExecuteMsg::Kick { user, pool_id } => refresh::kick(deps, env, info, user, pool_id),
        ExecuteMsg::LockChanged { user } => refresh::lock_changed(deps, env, info, user),
        ExecuteMsg::CheckpointPool { pool_id } => {
            refresh::checkpoint_pool(deps, env, info, pool_id)
        }
        ExecuteMsg::MigratePositions { limit } => {
            crate::migrate::positions::migrate_positions(deps, env, info, limit)
        }
    }
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn query(deps: Deps, env: Env, msg: QueryMsg) -> Result<Binary, ContractError> {
    Ok(match msg {
        QueryMsg::Ownership {} => to_json_binary(&cw_ownable::get_ownership(deps.storage)?)?,
        QueryMsg::Config {} => to_json_binary(&q::config(deps)?)?,
        QueryMsg::Pools { start_after, limit } => {
            to_json_binary(&q::pools(deps, env, start_after, limit)?)?
        }
        QueryMsg::Pool { pool_id } => to_json_binary(&q::pool(deps, env, pool_id)?)?,
        QueryMsg::Position { pool_id, user } => {
            to_json_binary(&q::position(deps, env, pool_id, user)?)?
        }
        QueryMsg::Positions {
            user,
            start_after,
            limit,
        } => to_json_binary(&q::positions(deps, env, user, start_after, limit)?)?,
        QueryMsg::Pending { user, pool_ids } => {
            to_json_binary(&q::pending(deps, env, user, pool_ids)?)?
        }
        QueryMsg::EmissionRate {} => to_json_binary(&q::emission_rate(deps, env)?)?,
        QueryMsg::ProjectedEmission { from, to } => {
            to_json_binary(&q::projected_emission(deps, from, to)?)?
        }
        QueryMsg::Totals {} => to_json_binary(&q::totals(deps, env)?)?,
        QueryMsg::PolicyStatus {} => to_json_binary(&q::policy_status(deps)?)?,
    })
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn migrate(deps: DepsMut, env: Env, msg: MigrateMsg) -> Result<Response, ContractError> {
    mig::migrate(deps, env, msg)
}
