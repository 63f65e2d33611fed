//! Entry points only: each message is handed to its handler.
#[cfg(not(feature = "library"))]
use cosmwasm_std::entry_point;
use cosmwasm_std::{to_json_binary, Binary, Deps, DepsMut, Env, MessageInfo, Reply, Response};
use trellis_types::voting_escrow::{ExecuteMsg, InstantiateMsg, MigrateMsg, QueryMsg};

use crate::error::ContractError;
use crate::execute::{admin, checkpoint, funds, instantiate as init, lock, receive, withdraw};
use crate::state::CONFIG;
use crate::{listeners, migrate as mig, query as q};

pub const CONTRACT_NAME: &str = "crates.io:trellis-voting-escrow";
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
        ExecuteMsg::CreateLock { unlock_time } => {
            let config = CONFIG.load(deps.storage)?;
            let amount = funds::native_payment(&info, &config.lock_token)?;
            lock::create_lock(deps, env, &config, info.sender, amount, unlock_time)
        }
        ExecuteMsg::IncreaseAmount {} => {
            let config = CONFIG.load(deps.storage)?;
            let amount = funds::native_payment(&info, &config.lock_token)?;
            lock::add_to_lock(deps, env, &config, "increase_amount", info.sender, amount)
        }
        ExecuteMsg::DepositFor { user } => {
            let config = CONFIG.load(deps.storage)?;
            let amount = funds::native_payment(&info, &config.lock_token)?;
            let user = deps.api.addr_validate(&user)?;
            lock::add_to_lock(deps, env, &config, "deposit_for", user, amount)
        }
        ExecuteMsg::IncreaseUnlockTime { unlock_time } => {
            cw_utils::nonpayable(&info)?;
            let config = CONFIG.load(deps.storage)?;
            lock::increase_unlock_time(deps, env, &config, info.sender, unlock_time)
        }
        ExecuteMsg::Withdraw {} => withdraw::withdraw(deps, env, info),
        ExecuteMsg::Checkpoint {} => checkpoint::checkpoint(deps, env, info),
        ExecuteMsg::Receive(msg) => receive::receive_cw20(deps, env, info, msg),
        ExecuteMsg::AddListener { address } => admin::add_listener(deps, info, address),
        ExecuteMsg::RemoveListener { address } => admin::remove_listener(deps, info, address),
    }
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn reply(_deps: DepsMut, _env: Env, msg: Reply) -> Result<Response, ContractError> {
    listeners::on_reply(msg)
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn query(deps: Deps, env: Env, msg: QueryMsg) -> Result<Binary, ContractError> {
    Ok(match msg {
        QueryMsg::Ownership {} => to_json_binary(&cw_ownable::get_ownership(deps.storage)?)?,
        QueryMsg::Config {} => to_json_binary(&q::config(deps)?)?,
        QueryMsg::Lock { user } => to_json_binary(&q::lock(deps, user)?)?,
        QueryMsg::UserPower { user, time } => {
            to_json_binary(&q::user_power(deps, env, user, time)?)?
        }
        QueryMsg::TotalPower { time } => to_json_binary(&q::total_power(deps, env, time)?)?,
        QueryMsg::UserPowers { user, times } => {
            to_json_binary(&q::user_powers(deps, user, times)?)?
        }
        QueryMsg::TotalPowers { times } => to_json_binary(&q::total_powers(deps, times)?)?,
        QueryMsg::PowerShare { user } => to_json_binary(&q::power_share(deps, env, user)?)?,
        QueryMsg::UserSlope { user } => to_json_binary(&q::user_slope(deps, user)?)?,
        QueryMsg::UserPoints {
            user,
            start_after,
            limit,
        } => to_json_binary(&q::user_points(deps, user, start_after, limit)?)?,
        QueryMsg::Listeners {} => to_json_binary(&q::listeners(deps)?)?,
        QueryMsg::HistoryStart {} => to_json_binary(&q::history_start(deps)?)?,
    })
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn migrate(deps: DepsMut, env: Env, msg: MigrateMsg) -> Result<Response, ContractError> {
    mig::migrate(deps, env, msg)
}
