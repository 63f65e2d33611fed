//! Execute handlers, one file per concern, plus the helpers they share.
pub mod admin;
pub mod claim;
pub mod fund;
pub mod instantiate;
pub mod receive;
pub mod refresh;
pub mod stake;

use cosmwasm_std::{to_json_binary, Addr, Api, CosmosMsg, Storage, Uint128, WasmMsg};
use trellis_types::farm::RewardSource;

use crate::error::ContractError;
use crate::state::{Config, Pool, POOLS};

pub fn load_pool(storage: &dyn Storage, pool_id: u64) -> Result<Pool, ContractError> {
    POOLS
        .may_load(storage, pool_id)?
        .ok_or(ContractError::UnknownPool { pool_id })
}

/// The recipient if given (validated), else the sender.
pub fn recipient_or(
    api: &dyn Api,
    recipient: Option<String>,
    sender: &Addr,
) -> Result<Addr, ContractError> {
    Ok(match recipient {
        Some(r) => api.addr_validate(&r)?,
        None => sender.clone(),
    })
}

/// Pays `amount` of reward: a cw20 mint, or a transfer out of the reserve.
pub fn reward_payment(
    config: &Config,
    recipient: &Addr,
    amount: Uint128,
) -> Result<CosmosMsg, ContractError> {
    Ok(match &config.reward {
        RewardSource::Mint { cw20 } => WasmMsg::Execute {
            contract_addr: cw20.clone(),
            msg: to_json_binary(&cw20::Cw20ExecuteMsg::Mint {
                recipient: recipient.to_string(),
                amount,
            })?,
            funds: vec![],
        }
        .into(),
        RewardSource::Reserve { asset } => asset.transfer_msg(recipient, amount)?,
    })
}
