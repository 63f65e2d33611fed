//! The NFT back to its owner (or a recipient), once the position is in no farm.
use cosmwasm_std::{DepsMut, Env, MessageInfo, Response};

use crate::error::ContractError;
use crate::farms::load::owned_deposit;
use crate::pool_link::return_nft;
use crate::state::{DEPOSITS, OWNER_DEPOSITS};

pub fn withdraw_token(
    deps: DepsMut,
    _env: Env,
    info: MessageInfo,
    pool: String,
    token_id: String,
    recipient: Option<String>,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let (pool_addr, entry, deposit) =
        owned_deposit(deps.storage, deps.api, &pool, &token_id, &info.sender)?;
    if let Some(farm) = deposit.farms.iter().flatten().next() {
        return Err(ContractError::StillFarmed {
            token_id,
            farm_id: farm.farm_id,
        });
    }
    let recipient = crate::validate::recipient(deps.api, recipient, &info.sender)?;
    DEPOSITS.remove(deps.storage, (entry.index, &token_id));
    OWNER_DEPOSITS.remove(
        deps.storage,
        (deposit.owner.clone(), (entry.index, token_id.clone())),
    );
    Ok(Response::new()
        .add_message(return_nft(&pool_addr, &token_id, &recipient)?)
        .add_attribute("action", "withdraw_token")
        .add_attribute("pool", pool_addr.as_str())
        .add_attribute("token_id", &token_id)
        .add_attribute("owner", deposit.owner.as_str())
        .add_attribute("recipient", recipient.as_str()))
}
