//! An eternal farm's reserves and rates. Every change accrues the farm first, so it applies
//! from now on and never to time already passed.
use cosmwasm_std::{Addr, CosmosMsg, DepsMut, Env, MessageInfo, Response, Uint128};
use trellis_types::cl_farming::FarmKind;

use crate::auth::only_maker;
use crate::error::ContractError;
use crate::farms::load::{is_live, load_farm, require_kind};
use crate::funds::{pay, take};
use crate::state::{FarmInfo, FarmState, Schedule, FARM_INFO, FARM_STATE};
use crate::validate;
use crate::vpool::accrue;

/// Anyone: funds both slots (a bonus amount only for a farm with a bonus token).
pub fn add_rewards(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    farm_id: u64,
    amounts: [Uint128; 2],
) -> Result<Response, ContractError> {
    let now = env.block.time.seconds();
    let (mut farm, mut state) = load_farm(deps.storage, farm_id)?;
    require_kind(farm_id, &farm, FarmKind::Eternal)?;
    if !is_live(&farm, &state, now) {
        return Err(ContractError::FarmNotLive { farm_id });
    }
    if amounts.iter().all(|a| a.is_zero()) {
        return Err(ContractError::ZeroReward);
    }
    if farm.tokens[1].is_none() && !amounts[1].is_zero() {
        return Err(ContractError::NoBonusToken);
    }
    accrue(&farm, &mut state, now)?;
    let mut owed = Vec::new();
    for slot in 0..2 {
        if let Some(token) = &farm.tokens[slot] {
            let amount = amounts[slot].u128();
            farm.funded[slot] =
                farm.funded[slot]
                    .checked_add(amount)
                    .ok_or(ContractError::Math(trellis_math::MathError::Overflow(
                        "reward amount",
                    )))?;
            state.reserve[slot] += amount;
            owed.push((token.clone(), amount));
        }
    }
    let pulls = take(&info, &env, &owed)?;
    FARM_INFO.save(deps.storage, farm_id, &farm)?;
    FARM_STATE.save(deps.storage, farm_id, &state)?;
    Ok(Response::new()
        .add_messages(pulls)
        .add_attribute("action", "add_rewards")
        .add_attribute("farm_id", farm_id.to_string())
        .add_attribute("sender", info.sender.as_str())
        .add_attribute("reward_amount", amounts[0])
        .add_attribute("bonus_amount", amounts[1]))
}

/// Maker: takes back up to the undistributed reserve (also of a deactivated farm).
pub fn decrease_rewards(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    farm_id: u64,
    amounts: [Uint128; 2],
    recipient: Option<String>,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    only_maker(deps.storage, &info.sender)?;
    let recipient = validate::recipient(deps.api, recipient, &info.sender)?;
    let now = env.block.time.seconds();
    let (farm, mut state) = load_farm(deps.storage, farm_id)?;
    require_kind(farm_id, &farm, FarmKind::Eternal)?;
    if amounts.iter().all(|a| a.is_zero()) {
        return Err(ContractError::ZeroReward);
    }
    accrue(&farm, &mut state, now)?;
    for slot in 0..2 {
        if amounts[slot].u128() > state.reserve[slot] {
            return Err(ContractError::InsufficientReserve {
                requested: amounts[slot],
                available: state.reserve[slot].into(),
            });
        }
    }
    let messages = take_back(&farm, &mut state, amounts.map(|a| a.u128()), &recipient)?;
    FARM_STATE.save(deps.storage, farm_id, &state)?;
    Ok(Response::new()
        .add_messages(messages)
        .add_attribute("action", "decrease_rewards")
        .add_attribute("farm_id", farm_id.to_string())
        .add_attribute("recipient", recipient.as_str())
        .add_attribute("reward_amount", amounts[0])
        .add_attribute("bonus_amount", amounts[1]))
}

/// Maker: the rates of a live eternal farm from now on (zero pauses a slot).
pub fn set_rates(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    farm_id: u64,
    rates: [Uint128; 2],
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    only_maker(deps.storage, &info.sender)?;
    let now = env.block.time.seconds();
    let (mut farm, mut state) = load_farm(deps.storage, farm_id)?;
    require_kind(farm_id, &farm, FarmKind::Eternal)?;
    if !is_live(&farm, &state, now) {
        return Err(ContractError::FarmNotLive { farm_id });
    }
    if farm.tokens[1].is_none() && !rates[1].is_zero() {
        return Err(ContractError::NoBonusToken);
    }
    accrue(&farm, &mut state, now)?;
    let old = match farm.schedule {
        Schedule::Eternal { rates } => rates,
        Schedule::Limit { .. } => unreachable!("checked eternal"),
    };
    farm.schedule = Schedule::Eternal {
        rates: rates.map(|r| r.u128()),
    };
    FARM_INFO.save(deps.storage, farm_id, &farm)?;
    FARM_STATE.save(deps.storage, farm_id, &state)?;
    Ok(Response::new()
        .add_attribute("action", "set_rates")
        .add_attribute("farm_id", farm_id.to_string())
        .add_attribute("old_reward_rate", old[0].to_string())
        .add_attribute("old_bonus_rate", old[1].to_string())
        .add_attribute("reward_rate", rates[0])
        .add_attribute("bonus_rate", rates[1]))
}

/// Moves `amounts` (at most the reserve, checked by the caller) from the reserve to what the
/// maker took back, and pays them to `recipient`.
pub fn take_back(
    farm: &FarmInfo,
    state: &mut FarmState,
    amounts: [u128; 2],
    recipient: &Addr,
) -> Result<Vec<CosmosMsg>, ContractError> {
    let mut messages = Vec::new();
    for slot in 0..2 {
        if amounts[slot] == 0 {
            continue;
        }
        let token = farm.tokens[slot]
            .as_ref()
            .ok_or(ContractError::NoBonusToken)?;
        state.reserve[slot] -= amounts[slot];
        state.refunded[slot] += amounts[slot];
        messages.extend(pay(token, recipient, amounts[slot])?);
    }
    Ok(messages)
}
