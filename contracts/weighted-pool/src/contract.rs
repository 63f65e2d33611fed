//! Entry points only: each message is handed to its handler.
#[cfg(not(feature = "library"))]
use cosmwasm_std::entry_point;
use cosmwasm_std::{to_json_binary, Binary, Deps, DepsMut, Env, MessageInfo, Reply, Response};
use trellis_types::weighted_pool::{ExecuteMsg, InstantiateMsg, MigrateMsg, QueryMsg};

use crate::error::ContractError;
use crate::execute::{admin, fees, instantiate as init, join, receive, reply as rep, swap};
use crate::{migrate as mig, query as q};

pub const CONTRACT_NAME: &str = "crates.io:trellis-weighted-pool";
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
        ExecuteMsg::Join {
            max_amounts,
            min_lp_out,
            recipient,
            deadline,
        } => join::join(
            deps,
            env,
            info,
            max_amounts,
            min_lp_out,
            recipient,
            deadline,
        ),
        ExecuteMsg::JoinSingle {
            min_lp_out,
            recipient,
            deadline,
        } => join::join_single_native(deps, env, info, min_lp_out, recipient, deadline),
        ExecuteMsg::SwapExactIn {
            min_out,
            recipient,
            deadline,
        } => swap::swap_exact_in_native(deps, env, info, min_out, recipient, deadline),
        ExecuteMsg::SwapExactOut {
            amount_out,
            recipient,
            deadline,
        } => swap::swap_exact_out_native(deps, env, info, amount_out, recipient, deadline),
        ExecuteMsg::Receive(msg) => receive::receive_cw20(deps, env, info, msg),
        ExecuteMsg::CollectProtocolFees {} => fees::collect_protocol_fees(deps, info),
        ExecuteMsg::UpdateFeeConfig {
            fee_collector,
            protocol_fee_share_bps,
        } => admin::update_fee_config(deps, info, fee_collector, protocol_fee_share_bps),
        ExecuteMsg::UpdateOwnership(action) => admin::update_ownership(deps, env, info, action),
    }
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn reply(deps: DepsMut, env: Env, msg: Reply) -> Result<Response, ContractError> {
    rep::reply(deps, env, msg)
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn query(deps: Deps, env: Env, msg: QueryMsg) -> Result<Binary, ContractError> {
    Ok(match msg {
        QueryMsg::Ownership {} => to_json_binary(&cw_ownable::get_ownership(deps.storage)?)?,
        QueryMsg::PoolInfo {} => to_json_binary(&q::pool_info(deps)?)?,
        QueryMsg::SpotPrice { base } => to_json_binary(&q::spot_price(deps, base)?)?,
        QueryMsg::SimulateSwapExactIn { offer } => {
            to_json_binary(&q::simulate_swap_exact_in(deps, offer)?)?
        }
        QueryMsg::SimulateSwapExactOut { ask } => {
            to_json_binary(&q::simulate_swap_exact_out(deps, ask)?)?
        }
        QueryMsg::SimulateJoin { max_amounts } => {
            to_json_binary(&q::simulate_join(deps, max_amounts)?)?
        }
        QueryMsg::SimulateJoinSingle { offer } => {
            to_json_binary(&q::simulate_join_single(deps, offer)?)?
        }
        QueryMsg::SimulateExit { lp_amount } => {
            to_json_binary(&q::simulate_exit(deps, lp_amount)?)?
        }
        QueryMsg::SimulateExitSingle { lp_amount, asset } => {
            to_json_binary(&q::simulate_exit_single(deps, lp_amount, asset)?)?
        }
        QueryMsg::Twap {
            base,
            window_secs,
            ago_secs,
        } => to_json_binary(&q::twap(deps, env, base, window_secs, ago_secs)?)?,
        QueryMsg::OracleSamples { start_after, limit } => {
            to_json_binary(&q::oracle_samples(deps, start_after, limit)?)?
        }
    })
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn migrate(deps: DepsMut, env: Env, msg: MigrateMsg) -> Result<Response, ContractError> {
    mig::migrate(deps, env, msg)
}
