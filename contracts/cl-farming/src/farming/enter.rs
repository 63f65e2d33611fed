//! Entering a farm: the position's (tier-multiplied) liquidity joins the farm's virtual pool
//! at the pool's current tick, and its growth inside is remembered.
use cosmwasm_std::{Addr, CosmosMsg, DepsMut, Env, MessageInfo, Response};
use trellis_types::cl_farming::FarmKind;

use crate::error::ContractError;
use crate::farms::load::{is_live, load_farm, owned_deposit};
use crate::funds::take;
use crate::pool_link::{linked_tick, marks};
use crate::state::{slot, Deposit, FarmEntry, Schedule, DEPOSITS, FARM_STATE};
use crate::tiers::{effective_liquidity, multiplier_bps};
use crate::vpool::{accrue, inside, update_range};

/// `EnterFarm`: the deposit owner, with the tier lock attached or approved.
pub fn enter_farm(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    pool: String,
    token_id: String,
    farm_id: u64,
    tokens_locked: u128,
) -> Result<Response, ContractError> {
    let (pool_addr, pool_entry, mut deposit) =
        owned_deposit(deps.storage, deps.api, &pool, &token_id, &info.sender)?;
    let mut deps = deps;
    let (mut messages, lock_token) = enter(
        &mut deps,
        &env,
        &pool_addr,
        &token_id,
        &mut deposit,
        farm_id,
        tokens_locked,
    )?;
    let owed = lock_token
        .map(|token| vec![(token, tokens_locked)])
        .unwrap_or_default();
    let pulls = take(&info, &env, &owed)?;
    messages.extend(pulls);
    DEPOSITS.save(deps.storage, (pool_entry.index, &token_id), &deposit)?;
    Ok(Response::new()
        .add_messages(messages)
        .add_attributes(entered_attributes(&pool_addr, &token_id, &deposit, farm_id)))
}

pub fn entered_attributes(
    pool: &Addr,
    token_id: &str,
    deposit: &Deposit,
    farm_id: u64,
) -> Vec<(&'static str, String)> {
    let entry = deposit
        .farms
        .iter()
        .flatten()
        .find(|e| e.farm_id == farm_id);
    vec![
        ("action", "enter_farm".to_string()),
        ("pool", pool.to_string()),
        ("token_id", token_id.to_string()),
        ("farm_id", farm_id.to_string()),
        ("owner", deposit.owner.to_string()),
        ("liquidity", entry.map_or(0, |e| e.liquidity).to_string()),
        (
            "tokens_locked",
            entry.map_or(0, |e| e.tokens_locked).to_string(),
        ),
    ]
}

/// Enters `deposit` into `farm_id` and returns the pool's mark messages and, when tokens are
/// to be locked, the tier token (the caller collects it). Writes the farm; the caller saves
/// the deposit.
pub fn enter(
    deps: &mut DepsMut,
    env: &Env,
    pool: &Addr,
    token_id: &str,
    deposit: &mut Deposit,
    farm_id: u64,
    tokens_locked: u128,
) -> Result<(Vec<CosmosMsg>, Option<trellis_types::AssetInfo>), ContractError> {
    let now = env.block.time.seconds();
    let (info, mut state) = load_farm(deps.storage, farm_id)?;
    if info.pool != *pool {
        return Err(ContractError::WrongPool {
            farm_id,
            farm_pool: info.pool.to_string(),
            pool: pool.to_string(),
        });
    }
    if !is_live(&info, &state, now) {
        return Err(ContractError::FarmNotLive { farm_id });
    }
    if let Schedule::Limit { start, .. } = info.schedule {
        if now >= start {
            return Err(ContractError::LimitFarmStarted { farm_id, start });
        }
    }
    let kind_slot = slot(info.kind);
    if let Some(existing) = &deposit.farms[kind_slot] {
        return Err(ContractError::AlreadyInFarm {
            token_id: token_id.to_string(),
            kind: info.kind.key(),
            farm_id: existing.farm_id,
        });
    }
    let width = deposit.upper.abs_diff(deposit.lower);
    if width < info.min_width {
        return Err(ContractError::RangeTooNarrow {
            width,
            min_width: info.min_width,
        });
    }
    let multiplier = multiplier_bps(info.tiers.as_ref(), tokens_locked)?;
    let liquidity = effective_liquidity(deposit.liquidity, multiplier)?;

    // The pool's tick now: no tick of this virtual pool lies between it and the last
    // reported one (every such tick is marked, so its crossing was reported).
    let tick = linked_tick(deps.as_ref(), env, pool)?;
    accrue(&info, &mut state, now)?;
    state.tick = tick;
    let range = (deposit.lower, deposit.upper);
    let changes = update_range(deps.storage, farm_id, &mut state, range, liquidity, true)?;
    let inside_at_entry = inside(deps.storage, farm_id, &state, range.0, range.1)?;
    state.positions += 1;
    state.total_liquidity = state
        .total_liquidity
        .checked_add(liquidity)
        .ok_or(ContractError::LiquidityOverflow)?;
    if info.kind == FarmKind::Limit {
        state.entered_liquidity = state
            .entered_liquidity
            .checked_add(liquidity)
            .ok_or(ContractError::LiquidityOverflow)?;
    }
    FARM_STATE.save(deps.storage, farm_id, &state)?;
    deposit.farms[kind_slot] = Some(FarmEntry {
        farm_id,
        liquidity,
        inside_at_entry,
        tokens_locked,
    });
    let lock_token = (tokens_locked > 0)
        .then(|| info.tiers.as_ref().map(|t| t.token.clone()))
        .flatten();
    Ok((
        marks(pool, changes.created)?.into_iter().collect(),
        lock_token,
    ))
}
