//! Ending a farm early: the maker's `Deactivate`, a pool link found broken, or a crossing
//! report that contradicts the virtual pool (`hook`). Accrual stops at that moment, positions
//! can only exit, and the maker takes back what was not earned.
use cosmwasm_std::{DepsMut, Env, MessageInfo, Response, Storage};
use trellis_types::cl_farming::FarmKind;

use crate::auth::only_maker;
use crate::error::ContractError;
use crate::farming::settle::limit_distributable;
use crate::farms::load::{is_live, load_farm, require_kind};
use crate::farms::reserves::take_back;
use crate::pool_link::{farming_link, reports_here};
use crate::state::{slot, FarmInfo, FarmState, Schedule, FARM_STATE, POOLS};
use crate::validate;
use crate::vpool::accrue;

/// Accrues `state` to `now` and deactivates it there; frees the pool's live slot. The caller
/// saves `state`.
pub fn deactivate_at(
    storage: &mut dyn Storage,
    farm_id: u64,
    info: &FarmInfo,
    state: &mut FarmState,
    now: u64,
) -> Result<(), ContractError> {
    accrue(info, state, now)?;
    state.deactivated_at = Some(now);
    let mut entry = POOLS.load(storage, &info.pool)?;
    let kind_slot = slot(info.kind);
    if entry.live[kind_slot] == Some(farm_id) {
        entry.live[kind_slot] = None;
        POOLS.save(storage, &info.pool, &entry)?;
    }
    Ok(())
}

pub fn deactivate(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    farm_id: u64,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    only_maker(deps.storage, &info.sender)?;
    let now = env.block.time.seconds();
    let (farm, mut state) = load_farm(deps.storage, farm_id)?;
    if !is_live(&farm, &state, now) {
        return Err(ContractError::FarmNotLive { farm_id });
    }
    deactivate_at(deps.storage, farm_id, &farm, &mut state, now)?;
    FARM_STATE.save(deps.storage, farm_id, &state)?;
    Ok(Response::new()
        .add_attribute("action", "deactivate_farm")
        .add_attribute("farm_id", farm_id.to_string())
        .add_attribute("reason", "incentive_maker")
        .add_attribute("time", now.to_string()))
}

/// Anyone: deactivates a pool's live farms when the pool no longer reports here.
pub fn sync_pool_link(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    pool: String,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let now = env.block.time.seconds();
    let pool = validate::address(deps.api, "pool", &pool)?;
    let entry = POOLS
        .may_load(deps.storage, &pool)?
        .ok_or(ContractError::NotClPool {
            pool: pool.to_string(),
        })?;
    let link = farming_link(deps.as_ref(), &pool)?;
    if reports_here(&link, &env) {
        return Err(ContractError::LinkHealthy {
            pool: pool.to_string(),
        });
    }
    let mut response = Response::new()
        .add_attribute("action", "sync_pool_link")
        .add_attribute("pool", pool.as_str());
    for farm_id in entry.live.iter().flatten() {
        let (farm, mut state) = load_farm(deps.storage, *farm_id)?;
        if !is_live(&farm, &state, now) {
            continue;
        }
        deactivate_at(deps.storage, *farm_id, &farm, &mut state, now)?;
        FARM_STATE.save(deps.storage, *farm_id, &state)?;
        response = response.add_event(
            cosmwasm_std::Event::new("deactivate_farm")
                .add_attribute("farm_id", farm_id.to_string())
                .add_attribute("reason", "pool_link")
                .add_attribute("time", now.to_string()),
        );
    }
    Ok(response)
}

/// What the maker may take back from a limit farm per slot, now: what no position earned
/// (the undistributed share of a deactivated farm, or all of it when no one entered), and,
/// once no position is left, the rounding remainder of what was shared out.
pub fn limit_refundable(farm: &FarmInfo, state: &FarmState) -> [u128; 2] {
    let distributable = limit_distributable(farm, state);
    [0, 1].map(|slot| {
        // Positions still in are owed the rest of what is shared out (their floored shares
        // sum to at most that); with none left, nothing more is owed.
        let owed = if state.positions > 0 {
            distributable[slot] - state.credited[slot]
        } else {
            0
        };
        state.reserve[slot] - owed
    })
}

pub fn refund_limit_farm(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    farm_id: u64,
    recipient: Option<String>,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    only_maker(deps.storage, &info.sender)?;
    let recipient = validate::recipient(deps.api, recipient, &info.sender)?;
    let now = env.block.time.seconds();
    let (farm, mut state) = load_farm(deps.storage, farm_id)?;
    require_kind(farm_id, &farm, FarmKind::Limit)?;
    let Schedule::Limit { end, .. } = farm.schedule else {
        unreachable!("checked limit");
    };
    if now < end && state.deactivated_at.is_none() {
        return Err(ContractError::LimitFarmNotEnded { farm_id, end });
    }
    accrue(&farm, &mut state, now)?;
    let refund = limit_refundable(&farm, &state);
    if refund.iter().all(|r| *r == 0) {
        return Err(ContractError::NothingToRefund);
    }
    let messages = take_back(&farm, &mut state, refund, &recipient)?;
    FARM_STATE.save(deps.storage, farm_id, &state)?;
    Ok(Response::new()
        .add_messages(messages)
        .add_attribute("action", "refund_limit_farm")
        .add_attribute("farm_id", farm_id.to_string())
        .add_attribute("recipient", recipient.as_str())
        .add_attribute("reward_amount", refund[0].to_string())
        .add_attribute("bonus_amount", refund[1].to_string()))
}
