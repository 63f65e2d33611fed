//! Execute handlers, one file per concern, plus the helpers they share.
pub mod admin;
pub mod collect;
pub mod farming;
pub mod fees;
pub mod instantiate;
pub mod liquidity;
pub mod receive;
pub mod swap;

use cosmwasm_std::{
    to_json_binary, Addr, CosmosMsg, Env, MessageInfo, Storage, Uint128, Uint256, WasmMsg,
};
use trellis_types::AssetInfo;

use crate::error::ContractError;
use crate::state::{Config, PoolState, POOL};

/// One pool asset paid in by a trader: a native coin attached, or a cw20 received through the
/// hook. `payer` gets refunds.
#[derive(Clone, Debug)]
pub struct Payment {
    pub asset: usize,
    pub amount: Uint128,
    pub payer: Addr,
}

impl Payment {
    /// Exactly one native coin, of a pool asset.
    pub fn native(config: &Config, info: &MessageInfo) -> Result<Self, ContractError> {
        let coin = cw_utils::one_coin(info)?;
        let asset = asset_index(config, &AssetInfo::native(coin.denom))?;
        Ok(Payment {
            asset,
            amount: coin.amount,
            payer: info.sender.clone(),
        })
    }
}

pub fn asset_index(config: &Config, asset: &AssetInfo) -> Result<usize, ContractError> {
    config
        .index_of(asset)
        .ok_or_else(|| ContractError::AssetNotInPool {
            asset: asset.to_string(),
        })
}

/// The action fails once the block is later than `deadline`.
pub fn check_deadline(deadline: Option<u64>, env: &Env) -> Result<(), ContractError> {
    let now = env.block.time.seconds();
    match deadline {
        Some(deadline) if deadline < now => Err(ContractError::DeadlineExpired { deadline, now }),
        _ => Ok(()),
    }
}

pub use trellis_types::asset::recipient_or;

pub fn load_pool(storage: &dyn Storage) -> Result<PoolState, ContractError> {
    POOL.may_load(storage)?.ok_or(ContractError::NotInitialized)
}

/// Pays `amount` of pool asset `i` to `recipient`, unless it is zero (bank and cw20 both
/// refuse zero transfers).
pub fn pay(
    config: &Config,
    i: usize,
    recipient: &Addr,
    amount: Uint128,
) -> Result<Option<CosmosMsg>, ContractError> {
    if amount.is_zero() {
        return Ok(None);
    }
    Ok(Some(config.assets[i].transfer_msg(recipient, amount)?))
}

/// Pulls `amount` of a cw20 pool asset from `owner` (who gave the pool an allowance).
pub fn pull_cw20(
    token: &str,
    owner: &Addr,
    pool: &Addr,
    amount: Uint128,
) -> Result<CosmosMsg, ContractError> {
    Ok(WasmMsg::Execute {
        contract_addr: token.to_string(),
        msg: to_json_binary(&cw20::Cw20ExecuteMsg::TransferFrom {
            owner: owner.to_string(),
            recipient: pool.to_string(),
            amount,
        })?,
        funds: vec![],
    }
    .into())
}

/// A math amount as a token amount.
pub fn to_u128(value: Uint256, what: &'static str) -> Result<Uint128, ContractError> {
    Uint128::try_from(value).map_err(|_| ContractError::Overflow(what))
}
