//! Execute handlers, one file per concern, plus the helpers they share.
pub mod admin;
pub mod exit;
pub mod fees;
pub mod instantiate;
pub mod join;
pub mod receive;
pub mod reply;
pub mod swap;

use cosmwasm_std::{
    to_json_binary, Addr, CosmosMsg, Env, MessageInfo, Response, Storage, Uint128, WasmMsg,
};
use cw20::Cw20ExecuteMsg;
use trellis_types::AssetInfo;

use crate::error::ContractError;
use crate::oracle;
use crate::state::{Config, Pool, Reserves, POOL};

/// One pool asset paid in by a trader: a native coin attached, or a cw20 received through
/// the hook. `payer` gets refunds.
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

/// Position of `asset` in the pool.
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

/// A received amount must reach `minimum` when one is given.
pub fn check_min_out(minimum: Option<Uint128>, actual: Uint128) -> Result<(), ContractError> {
    match minimum {
        Some(minimum) if actual < minimum => {
            Err(ContractError::SlippageExceeded { minimum, actual })
        }
        _ => Ok(()),
    }
}

/// Records the oracle with the balances as they are before the change, then applies the
/// change and saves the pool record (one write; two when the oracle closes a slot). Every
/// balance-changing handler goes through here, after its checks.
pub fn commit(
    storage: &mut dyn Storage,
    env: &Env,
    config: &Config,
    pool: &mut Pool,
    apply: impl FnOnce(&mut Reserves) -> Result<(), ContractError>,
) -> Result<(), ContractError> {
    oracle::record(storage, config, pool, env.block.time.seconds())?;
    apply(&mut pool.reserves)?;
    POOL.save(storage, pool)?;
    Ok(())
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

fn lp_message(lp_token: &Addr, msg: &Cw20ExecuteMsg) -> Result<CosmosMsg, ContractError> {
    Ok(WasmMsg::Execute {
        contract_addr: lp_token.to_string(),
        msg: to_json_binary(msg)?,
        funds: vec![],
    }
    .into())
}

pub fn lp_mint(
    lp_token: &Addr,
    recipient: &Addr,
    amount: Uint128,
) -> Result<CosmosMsg, ContractError> {
    lp_message(
        lp_token,
        &Cw20ExecuteMsg::Mint {
            recipient: recipient.to_string(),
            amount,
        },
    )
}

/// Burns LP tokens the pool holds (they were sent to it with the exit hook).
pub fn lp_burn(lp_token: &Addr, amount: Uint128) -> Result<CosmosMsg, ContractError> {
    lp_message(lp_token, &Cw20ExecuteMsg::Burn { amount })
}

/// The start of every balance-changing action's event: who, and the state after it.
pub fn action_response(
    action: &str,
    sender: &Addr,
    recipient: &Addr,
    reserves: &Reserves,
) -> Response {
    Response::new()
        .add_attribute("action", action)
        .add_attribute("sender", sender)
        .add_attribute("recipient", recipient)
        .add_attribute("reserve_0", reserves.balances[0])
        .add_attribute("reserve_1", reserves.balances[1])
        .add_attribute("lp_supply", reserves.lp_supply)
}
