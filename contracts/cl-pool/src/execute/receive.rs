use cosmwasm_std::{from_json, DepsMut, Env, MessageInfo, Response};
use cw20::Cw20ReceiveMsg;
use trellis_types::cl_pool::ReceiveMsg;
use trellis_types::AssetInfo;

use crate::error::ContractError;
use crate::execute::swap::{swap, SwapOrder};
use crate::execute::{recipient_or, Payment};
use crate::state::CONFIG;

/// cw20 hook: `info.sender` is the token contract, `msg.sender` the account that sent it.
pub fn receive_cw20(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: Cw20ReceiveMsg,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let config = CONFIG.load(deps.storage)?;
    let token = info.sender;
    let Some(asset) = config.index_of(&AssetInfo::cw20(token.to_string())) else {
        return Err(ContractError::UnknownToken {
            token: token.to_string(),
        });
    };
    let payer = deps.api.addr_validate(&msg.sender)?;
    let hook: ReceiveMsg = from_json(&msg.msg)?;
    let (amount_out, sqrt_price_limit, min_out, recipient, deadline) = match hook {
        ReceiveMsg::SwapExactIn {
            sqrt_price_limit,
            min_out,
            recipient,
            deadline,
        } => (None, sqrt_price_limit, min_out, recipient, deadline),
        ReceiveMsg::SwapExactOut {
            amount_out,
            sqrt_price_limit,
            recipient,
            deadline,
        } => (
            Some(amount_out),
            sqrt_price_limit,
            None,
            recipient,
            deadline,
        ),
    };
    let order = SwapOrder {
        amount_out,
        sqrt_price_limit,
        min_out,
        recipient: recipient_or(deps.api, recipient, &payer)?,
        deadline,
    };
    let payment = Payment {
        asset,
        amount: msg.amount,
        payer,
    };
    swap(deps, env, &config, payment, order)
}
