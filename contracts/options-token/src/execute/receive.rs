use cosmwasm_std::{from_json, DepsMut, Env, MessageInfo, Response};
use cw20::Cw20ReceiveMsg;
use trellis_types::options_token::ReceiveMsg;
use trellis_types::AssetInfo;

use crate::error::ContractError;
use crate::execute::exercise::{exercise, recipient_or, Request};
use crate::execute::reserve;
use crate::state::CONFIG;

/// cw20 hook: `info.sender` is the token contract, `msg.sender` the account that sent it.
pub fn receive_cw20(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: Cw20ReceiveMsg,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let token = AssetInfo::Cw20 {
        contract_addr: info.sender.to_string(),
    };
    let sender = deps.api.addr_validate(&msg.sender)?;
    match from_json(&msg.msg)? {
        ReceiveMsg::Exercise {
            amount,
            max_payment,
            recipient,
            deadline,
        } => {
            let config = CONFIG.load(deps.storage)?;
            if token != config.payment {
                return Err(ContractError::WrongPaymentToken {
                    expected: config.payment.to_string(),
                    got: token.to_string(),
                });
            }
            let recipient = recipient_or(deps.api, recipient, &sender)?;
            exercise(
                deps,
                env,
                config,
                Request {
                    owner: sender,
                    amount,
                    max_payment,
                    recipient,
                    deadline,
                    sent: msg.amount,
                },
            )
        }
        ReceiveMsg::FundReserve {} => reserve::fund(deps, token, msg.amount, &sender),
    }
}
