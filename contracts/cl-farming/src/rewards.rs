//! Owners' credited rewards: one balance per owner and token, split by the kind of farm that
//! credited it, paid by `ClaimReward`.
use cosmwasm_std::{Addr, DepsMut, Env, MessageInfo, Response, Storage, Uint128};
use trellis_types::cl_farming::FarmKind;
use trellis_types::AssetInfo;

use crate::error::ContractError;
use crate::funds::pay;
use crate::state::{Balance, BALANCES};

pub fn credit(
    storage: &mut dyn Storage,
    owner: &Addr,
    token: &AssetInfo,
    kind: FarmKind,
    amount: u128,
) -> Result<(), ContractError> {
    if amount == 0 {
        return Ok(());
    }
    let key = token.key();
    let mut balance = BALANCES
        .may_load(storage, (owner.clone(), key.clone()))?
        .unwrap_or(Balance {
            token: token.clone(),
            limit: 0,
            eternal: 0,
        });
    let bucket = match kind {
        FarmKind::Limit => &mut balance.limit,
        FarmKind::Eternal => &mut balance.eternal,
    };
    *bucket = bucket.checked_add(amount).ok_or(ContractError::Math(
        trellis_math::MathError::Overflow("reward amount"),
    ))?;
    BALANCES.save(storage, (owner.clone(), key), &balance)?;
    Ok(())
}

/// 0 asks for everything; more than the balance is capped to it.
fn requested(asked: Uint128, available: u128) -> u128 {
    if asked.is_zero() {
        available
    } else {
        asked.u128().min(available)
    }
}

pub fn claim_reward(
    deps: DepsMut,
    _env: Env,
    info: MessageInfo,
    reward_token: AssetInfo,
    recipient: Option<String>,
    amount_requested_limit: Uint128,
    amount_requested_eternal: Uint128,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let token = crate::validate::asset(deps.api, &reward_token)?;
    let recipient = crate::validate::recipient(deps.api, recipient, &info.sender)?;
    let key = token.key();
    let mut balance = BALANCES
        .may_load(deps.storage, (info.sender.clone(), key.clone()))?
        .ok_or(ContractError::NothingToClaim)?;
    let from_limit = requested(amount_requested_limit, balance.limit);
    let from_eternal = requested(amount_requested_eternal, balance.eternal);
    let total = from_limit + from_eternal;
    if total == 0 {
        return Err(ContractError::NothingToClaim);
    }
    balance.limit -= from_limit;
    balance.eternal -= from_eternal;
    if balance.limit == 0 && balance.eternal == 0 {
        BALANCES.remove(deps.storage, (info.sender.clone(), key));
    } else {
        BALANCES.save(deps.storage, (info.sender.clone(), key), &balance)?;
    }
    Ok(Response::new()
        .add_messages(pay(&token, &recipient, total)?)
        .add_attribute("action", "claim_reward")
        .add_attribute("owner", info.sender.as_str())
        .add_attribute("recipient", recipient.as_str())
        .add_attribute("reward_token", token.to_string())
        .add_attribute("amount_limit", from_limit.to_string())
        .add_attribute("amount_eternal", from_eternal.to_string()))
}
