//! Entry points only: each message is handed to its handler; cw20 messages go to cw20-base.
#[cfg(not(feature = "library"))]
use cosmwasm_std::entry_point;
use cosmwasm_std::{Binary, Deps, DepsMut, Env, MessageInfo, Response};
use cw20_base::allowances as allow;
use cw20_base::contract as base;
use trellis_types::options_token::{ExecuteMsg, InstantiateMsg, MigrateMsg, QueryMsg};

use crate::error::ContractError;
use crate::execute::{admin, exercise, instantiate as init, receive, reserve, token};
use crate::{migrate as mig, query as q};

pub const CONTRACT_NAME: &str = "crates.io:trellis-options-token";
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
    use ExecuteMsg as M;
    Ok(match msg {
        M::Transfer { recipient, amount } => {
            base::execute_transfer(deps, env, info, recipient, amount)?
        }
        M::Send {
            contract,
            amount,
            msg,
        } => base::execute_send(deps, env, info, contract, amount, msg)?,
        M::IncreaseAllowance {
            spender,
            amount,
            expires,
        } => allow::execute_increase_allowance(deps, env, info, spender, amount, expires)?,
        M::DecreaseAllowance {
            spender,
            amount,
            expires,
        } => allow::execute_decrease_allowance(deps, env, info, spender, amount, expires)?,
        M::TransferFrom {
            owner,
            recipient,
            amount,
        } => allow::execute_transfer_from(deps, env, info, owner, recipient, amount)?,
        M::SendFrom {
            owner,
            contract,
            amount,
            msg,
        } => allow::execute_send_from(deps, env, info, owner, contract, amount, msg)?,
        M::UpdateMinter { new_minter } => base::execute_update_minter(deps, env, info, new_minter)?,
        M::Burn { amount } => token::burn(deps, env, info, amount)?,
        M::BurnFrom { owner, amount } => token::burn_from(deps, env, info, owner, amount)?,
        M::Mint { recipient, amount } => token::mint(deps, env, info, recipient, amount)?,
        M::Exercise {
            amount,
            max_payment,
            recipient,
            deadline,
        } => exercise::exercise_native(deps, env, info, amount, max_payment, recipient, deadline)?,
        M::Receive(msg) => receive::receive_cw20(deps, env, info, msg)?,
        M::FundReserve {} => reserve::fund_native(deps, info)?,
        M::WithdrawReserve { amount, recipient } => {
            reserve::withdraw(deps, info, amount, recipient)?
        }
        M::UpdateConfig {
            multiplier_bps,
            oracle,
            min_price,
            treasury,
        } => admin::update_config(deps, info, multiplier_bps, oracle, min_price, treasury)?,
        M::UpdateOwnership(action) => admin::update_ownership(deps, env, info, action)?,
    })
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn query(deps: Deps, env: Env, msg: QueryMsg) -> Result<Binary, ContractError> {
    q::query(deps, env, msg)
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn migrate(deps: DepsMut, env: Env, msg: MigrateMsg) -> Result<Response, ContractError> {
    mig::migrate(deps, env, msg)
}
