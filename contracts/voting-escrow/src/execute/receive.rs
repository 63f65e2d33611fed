use cosmwasm_std::{from_json, DepsMut, Env, MessageInfo, Response};
use cw20::Cw20ReceiveMsg;
use trellis_types::voting_escrow::ReceiveMsg;
use trellis_types::AssetInfo;

use crate::error::ContractError;
use crate::execute::lock;
use crate::state::CONFIG;

/// cw20 hook: `info.sender` is the token contract, `msg.sender` the account that sent it.
/// Only the configured cw20 lock token is accepted.
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
    let config = CONFIG.load(deps.storage)?;
    if token != config.lock_token {
        return Err(ContractError::WrongToken {
            expected: config.lock_token.to_string(),
            got: token.to_string(),
        });
    }
    let sender = deps.api.addr_validate(&msg.sender)?;
    match from_json(&msg.msg)? {
        ReceiveMsg::CreateLock { unlock_time } => {
            lock::create_lock(deps, env, &config, sender, msg.amount, unlock_time)
        }
        ReceiveMsg::IncreaseAmount {} => {
            lock::add_to_lock(deps, env, &config, "increase_amount", sender, msg.amount)
        }
        ReceiveMsg::DepositFor { user } => {
            let user = deps.api.addr_validate(&user)?;
            lock::add_to_lock(deps, env, &config, "deposit_for", user, msg.amount)
        }
    }
}
