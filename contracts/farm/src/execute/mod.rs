//! Execute handlers, one file per concern, plus the helpers they share.
pub mod admin;
pub mod claim;
pub mod fund;
pub mod instantiate;
pub mod receive;
pub mod refresh;
pub mod stake;
pub mod sweep;

use cosmwasm_std::{to_json_binary, Addr, CosmosMsg, QuerierWrapper, Uint128, WasmMsg};
use cw20::{Cw20QueryMsg, MinterResponse, TokenInfoResponse};
use trellis_types::farm::RewardSource;

use crate::error::ContractError;
use crate::state::Config;

pub use crate::pools::load_pool;

pub use trellis_types::asset::recipient_or;

/// The most reward one claim can pay now: for a minted cw20 with a supply cap (an oTOKEN
/// with a lifetime cap reports the supply cap in force), what the cap still allows; else
/// unbounded. A claim above it pays what fits and keeps the rest pending, instead of failing.
pub fn payable_now(querier: QuerierWrapper, config: &Config) -> Result<Uint128, ContractError> {
    let RewardSource::Mint { cw20 } = &config.reward else {
        return Ok(Uint128::MAX);
    };
    let minter: Option<MinterResponse> =
        querier.query_wasm_smart(cw20, &Cw20QueryMsg::Minter {})?;
    let Some(cap) = minter.and_then(|m| m.cap) else {
        return Ok(Uint128::MAX);
    };
    let info: TokenInfoResponse = querier.query_wasm_smart(cw20, &Cw20QueryMsg::TokenInfo {})?;
    Ok(cap.saturating_sub(info.total_supply))
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
