//! Entry points only: each message is handed to its handler; cw721 messages go to cw721-base.
#[cfg(not(feature = "library"))]
use cosmwasm_std::entry_point;
use cosmwasm_std::{Binary, Deps, DepsMut, Env, MessageInfo, Reply, Response};
use trellis_types::cl_pool::{ExecuteMsg, InstantiateMsg, MigrateMsg, QueryMsg};

use crate::error::ContractError;
use crate::execute::{
    admin, collect, farming, fees, instantiate as init, liquidity, receive, swap,
};
use crate::hook;
use crate::limits::REPLY_FARMING_HOOK;
use crate::nft::{self, NftAction};
use crate::{migrate as mig, query as q};

pub const CONTRACT_NAME: &str = "crates.io:trellis-cl-pool";
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
    match msg {
        M::Initialize { sqrt_price } => init::initialize(deps, env, info, sqrt_price),
        M::Mint {
            lower_tick,
            upper_tick,
            amounts,
            recipient,
            deadline,
        } => liquidity::mint(
            deps, env, info, lower_tick, upper_tick, amounts, recipient, deadline,
        ),
        M::IncreaseLiquidity {
            token_id,
            amounts,
            deadline,
        } => liquidity::increase(deps, env, info, token_id, amounts, deadline),
        M::DecreaseLiquidity {
            token_id,
            liquidity: amount,
            amount_min,
            deadline,
        } => liquidity::decrease(deps, env, info, token_id, amount, amount_min, deadline),
        M::Collect {
            token_id,
            recipient,
            amount_max,
        } => collect::collect(deps, env, info, token_id, recipient, amount_max),
        M::Burn { token_id } => collect::burn(deps, env, info, token_id),
        M::SwapExactIn {
            sqrt_price_limit,
            min_out,
            recipient,
            deadline,
        } => swap::swap_native(
            deps,
            env,
            info,
            None,
            sqrt_price_limit,
            min_out,
            recipient,
            deadline,
        ),
        M::SwapExactOut {
            amount_out,
            sqrt_price_limit,
            recipient,
            deadline,
        } => swap::swap_native(
            deps,
            env,
            info,
            Some(amount_out),
            sqrt_price_limit,
            None,
            recipient,
            deadline,
        ),
        M::Receive(msg) => receive::receive_cw20(deps, env, info, msg),
        M::CollectProtocolFees {} => fees::collect_protocol_fees(deps, info),
        M::UpdateFeeConfig {
            fee_collector,
            protocol_fee_share_bps,
        } => admin::update_fee_config(deps, info, fee_collector, protocol_fee_share_bps),
        M::SetFarmingCenter { farming_center } => {
            admin::set_farming_center(deps, info, farming_center)
        }
        M::SetFarmingMarks { ticks, marked } => {
            farming::set_farming_marks(deps, info, ticks, marked)
        }
        M::UpdateOwnership(action) => admin::update_ownership(deps, env, info, action),
        M::TransferNft {
            recipient,
            token_id,
        } => nft::execute(
            deps,
            &env,
            &info,
            NftAction::Transfer {
                recipient,
                token_id,
            },
        ),
        M::SendNft {
            contract,
            token_id,
            msg,
        } => nft::execute(
            deps,
            &env,
            &info,
            NftAction::Send {
                contract,
                token_id,
                msg,
            },
        ),
        M::Approve {
            spender,
            token_id,
            expires,
        } => nft::execute(
            deps,
            &env,
            &info,
            NftAction::Approve {
                spender,
                token_id,
                expires,
            },
        ),
        M::Revoke { spender, token_id } => {
            nft::execute(deps, &env, &info, NftAction::Revoke { spender, token_id })
        }
        M::ApproveAll { operator, expires } => nft::execute(
            deps,
            &env,
            &info,
            NftAction::ApproveAll { operator, expires },
        ),
        M::RevokeAll { operator } => {
            nft::execute(deps, &env, &info, NftAction::RevokeAll { operator })
        }
    }
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn reply(deps: DepsMut, _env: Env, msg: Reply) -> Result<Response, ContractError> {
    match msg.id {
        REPLY_FARMING_HOOK => hook::on_failed_hook(deps, msg),
        id => Err(ContractError::UnknownReplyId { id }),
    }
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn query(deps: Deps, env: Env, msg: QueryMsg) -> Result<Binary, ContractError> {
    q::query(deps, env, msg)
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn migrate(deps: DepsMut, env: Env, msg: MigrateMsg) -> Result<Response, ContractError> {
    mig::migrate(deps, env, msg)
}
