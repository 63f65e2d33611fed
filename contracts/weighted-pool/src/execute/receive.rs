use cosmwasm_std::{from_json, DepsMut, Env, MessageInfo, Response};
use cw20::Cw20ReceiveMsg;
use trellis_types::weighted_pool::ReceiveMsg;
use trellis_types::AssetInfo;

use crate::error::ContractError;
use crate::execute::{exit, join, recipient_or, swap, Payment};
use crate::state::{CONFIG, LP_TOKEN};

/// cw20 hook: `info.sender` is the token contract, `msg.sender` the account that sent it.
/// The LP token may only exit; a pool asset may swap or join; any other token is refused.
pub fn receive_cw20(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: Cw20ReceiveMsg,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let token = info.sender;
    let sender = deps.api.addr_validate(&msg.sender)?;
    let hook: ReceiveMsg = from_json(&msg.msg)?;
    let config = CONFIG.load(deps.storage)?;

    // A pool asset is never the pool's own LP token (that token is created after the
    // assets are fixed), so a pool asset's hook does not need the LP token's record.
    let Some(asset) = config.index_of(&AssetInfo::cw20(token.to_string())) else {
        let lp_token = LP_TOKEN.load(deps.storage)?;
        if token != lp_token {
            return Err(ContractError::UnknownToken {
                token: token.to_string(),
            });
        }
        return match hook {
            ReceiveMsg::Exit {
                min_amounts_out,
                recipient,
                deadline,
            } => {
                let recipient = recipient_or(deps.api, recipient, &sender)?;
                exit::exit(
                    deps,
                    env,
                    &config,
                    &lp_token,
                    sender,
                    msg.amount,
                    min_amounts_out,
                    recipient,
                    deadline,
                )
            }
            ReceiveMsg::ExitSingle {
                asset,
                min_out,
                recipient,
                deadline,
            } => {
                let recipient = recipient_or(deps.api, recipient, &sender)?;
                exit::exit_single(
                    deps, env, &config, &lp_token, sender, msg.amount, asset, min_out, recipient,
                    deadline,
                )
            }
            _ => Err(ContractError::LpTokenNotAccepted),
        };
    };
    let payment = Payment {
        asset,
        amount: msg.amount,
        payer: sender,
    };
    match hook {
        ReceiveMsg::SwapExactIn {
            min_out,
            recipient,
            deadline,
        } => {
            let recipient = recipient_or(deps.api, recipient, &payment.payer)?;
            swap::swap_exact_in(deps, env, &config, payment, min_out, recipient, deadline)
        }
        ReceiveMsg::SwapExactOut {
            amount_out,
            recipient,
            deadline,
        } => {
            let recipient = recipient_or(deps.api, recipient, &payment.payer)?;
            swap::swap_exact_out(deps, env, &config, payment, amount_out, recipient, deadline)
        }
        ReceiveMsg::JoinSingle {
            min_lp_out,
            recipient,
            deadline,
        } => {
            let recipient = recipient_or(deps.api, recipient, &payment.payer)?;
            join::join_single(deps, env, &config, payment, min_lp_out, recipient, deadline)
        }
        ReceiveMsg::Exit { .. } | ReceiveMsg::ExitSingle { .. } => Err(ContractError::NotLpToken {
            token: token.to_string(),
            lp_token: LP_TOKEN.load(deps.storage)?.to_string(),
        }),
    }
}
