use cosmwasm_std::{from_json, DepsMut, Env, MessageInfo, Response};
use cw20::Cw20ReceiveMsg;
use trellis_types::farm::ReceiveMsg;
use trellis_types::AssetInfo;

use crate::error::ContractError;
use crate::execute::{fund, load_pool, recipient_or, stake};

/// cw20 hook: `info.sender` is the token contract, `msg.sender` the account that sent it.
/// The token is checked against the pool or reserve by the handler, so a hook from any
/// other contract is refused.
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
        ReceiveMsg::Deposit { pool_id, recipient } => {
            let owner = recipient_or(deps.api, recipient, &sender)?;
            let pool = load_pool(deps.storage, pool_id)?;
            stake::deposit(deps, env, pool_id, pool, token, msg.amount, &sender, owner)
        }
        ReceiveMsg::Fund {} => fund::fund(deps, env, token, msg.amount, &sender),
    }
}
