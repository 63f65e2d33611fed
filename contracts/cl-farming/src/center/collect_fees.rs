//! The pool's trading fees of a deposited position: the center owns the NFT, so it asks the
//! pool to collect them straight to the owner (or a recipient). Liquidity itself cannot be
//! changed through the center: a farmed position's liquidity never drifts from the farm's.
use cosmwasm_std::{DepsMut, Env, MessageInfo, Response, Uint128};

use crate::error::ContractError;
use crate::farms::load::owned_deposit;
use crate::pool_link::collect_fees as collect_msg;

pub fn collect_fees(
    deps: DepsMut,
    _env: Env,
    info: MessageInfo,
    pool: String,
    token_id: String,
    recipient: Option<String>,
    amount_max: Option<[Uint128; 2]>,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let (pool_addr, _, deposit) =
        owned_deposit(deps.storage, deps.api, &pool, &token_id, &info.sender)?;
    let recipient = crate::validate::recipient(deps.api, recipient, &deposit.owner)?;
    Ok(Response::new()
        .add_message(collect_msg(&pool_addr, &token_id, &recipient, amount_max)?)
        .add_attribute("action", "collect_fees")
        .add_attribute("pool", pool_addr.as_str())
        .add_attribute("token_id", &token_id)
        .add_attribute("recipient", recipient.as_str()))
}
