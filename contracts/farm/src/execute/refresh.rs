//! Messages that bring state up to date without moving tokens: a boost refresh for one
//! position (`Kick`), for a user's boosted positions (the escrow's `LockChanged` notice),
//! and a gauge-split pool's catch-up walk (`CheckpointPool`).
use cosmwasm_std::{Addr, DepsMut, Env, MessageInfo, Order, Response, Uint128};

use crate::accounting::{settle_position, Books, GaugeWalk};
use crate::boost::{set_working, working_now, Powers};
use crate::error::ContractError;
use crate::execute::load_pool;
use crate::limits::MAX_REFRESH_POOLS;
use crate::pools::{save_pool_state, PositionKey};
use crate::state::BOOSTED_POSITIONS;

/// Refreshes a position's boost. The owner may refresh their own either way. Anyone else may
/// only lower it, and only when the owner's ve power is zero or has fallen since the last
/// refresh (Curve's kick rule): a stale boost after a lock decays or expires can be reset,
/// but no one can use a kick to cut a boost the owner's power still justifies.
pub fn kick(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    user: String,
    pool_id: u64,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let user = deps.api.addr_validate(&user)?;
    let mut pool = load_pool(deps.storage, pool_id)?;
    if !pool.is_boosted() {
        return Err(ContractError::PoolNotBoosted { pool_id });
    }
    let mut books = Books::load(deps.storage, deps.querier, &env)?;
    let key = PositionKey::new(deps.api, &user)?;
    let mut position = books.position(deps.storage, &key, pool_id, &mut pool)?;
    if position.staked.is_zero() {
        return Err(ContractError::NoStake { pool_id });
    }
    books.settle(pool_id, &mut pool, &mut position)?;
    let old = position.working;
    let mut powers = Powers::new(deps.querier, &user);
    let (working, power) = working_now(
        &books.config,
        &mut powers,
        &pool,
        &position,
        Uint128::zero(),
    )?;
    if info.sender != user {
        let power_fell = power.is_zero() || power < position.power_at_refresh;
        if !power_fell || working >= old {
            return Err(ContractError::KickNotAllowed {
                pool_id,
                power,
                power_at_refresh: position.power_at_refresh,
                working: old,
                would_be: working,
            });
        }
    }
    position.power_at_refresh = power;
    set_working(&mut books.emission, &mut pool, &mut position, working)?;
    books.save(deps.storage)?;
    save_pool_state(deps.storage, pool_id, &pool)?;
    key.save(deps.storage, &books.config, pool_id, &position)?;
    Ok(Response::new()
        .add_attribute("action", "kick")
        .add_attribute("pool_id", pool_id.to_string())
        .add_attribute("user", user)
        .add_attribute("kicker", info.sender)
        .add_attribute("old_working", old)
        .add_attribute("working", position.working)
        .add_attribute("working_supply", pool.working_supply)
        .add_attribute("pending", position.pending))
}

/// The escrow's notice that `user`'s lock changed: refreshes the user's first
/// `MAX_REFRESH_POOLS` boosted positions (pool id order). A gauge-split pool whose walk to now
/// would need a controller query (it has not settled since the current week began) is left
/// untouched, with its position, for the owner's next action: the notice then costs the same
/// whether pools were idle a week or a year, and each position is either refreshed whole or
/// not at all.
pub fn lock_changed(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    user: String,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let mut books = Books::load(deps.storage, deps.querier, &env)?;
    if books.config.voting_escrow.as_ref() != Some(&info.sender) {
        return Err(ContractError::NotVotingEscrow);
    }
    let user: Addr = deps.api.addr_validate(&user)?;
    let pool_ids = BOOSTED_POSITIONS
        .prefix(&user)
        .keys(deps.storage, None, None, Order::Ascending)
        .take(MAX_REFRESH_POOLS)
        .collect::<Result<Vec<u64>, _>>()?;
    let key = PositionKey::new(deps.api, &user)?;
    let mut powers = Powers::new(deps.querier, &user);
    let mut refreshed = vec![];
    let mut behind = vec![];
    // Per refreshed pool, what an indexer needs to follow the position without a query.
    let mut states = vec![];
    for pool_id in pool_ids {
        let mut pool = load_pool(deps.storage, pool_id)?;
        if !books.settle_pool_walking(pool_id, &mut pool, GaugeWalk::CachedOnly)? {
            // Not walked at all (it would need the controller): nothing to write.
            behind.push(pool_id.to_string());
            continue;
        }
        let mut position = books.position(deps.storage, &key, pool_id, &mut pool)?;
        settle_position(&mut pool, &mut position)?;
        books.refresh_working(&mut powers, &mut pool, &mut position)?;
        save_pool_state(deps.storage, pool_id, &pool)?;
        key.save(deps.storage, &books.config, pool_id, &position)?;
        refreshed.push(pool_id.to_string());
        states.push((format!("pool_{pool_id}_working"), position.working));
        states.push((format!("pool_{pool_id}_pending"), position.pending));
        states.push((
            format!("pool_{pool_id}_working_supply"),
            pool.working_supply,
        ));
    }
    books.save(deps.storage)?;
    Ok(Response::new()
        .add_attribute("action", "lock_changed")
        .add_attribute("user", user)
        .add_attribute("refreshed", refreshed.join(","))
        .add_attribute("behind", behind.join(","))
        .add_attributes(states))
}

/// Anyone: walks a gauge-split pool's accrual towards now (bounded); call again to resume.
pub fn checkpoint_pool(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    pool_id: u64,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let mut pool = load_pool(deps.storage, pool_id)?;
    let mut books = Books::load(deps.storage, deps.querier, &env)?;
    if !books.config.is_gauge_split() {
        return Err(ContractError::NotGaugeSplit);
    }
    let reached = books.settle_pool_bounded(pool_id, &mut pool)?;
    books.save(deps.storage)?;
    save_pool_state(deps.storage, pool_id, &pool)?;
    let last_update = pool.gauge.as_ref().map_or(0, |g| g.last_update);
    Ok(Response::new()
        .add_attribute("action", "checkpoint_pool")
        .add_attribute("pool_id", pool_id.to_string())
        .add_attribute("last_update", last_update.to_string())
        .add_attribute("reached_now", reached.to_string()))
}
