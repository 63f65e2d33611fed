//! Deposits and withdrawals of principal. They settle rewards but never pay them, so moving
//! principal never depends on the reward token; emergency withdraw depends on nothing else
//! either (no ve query, no catch-up walk required).
use cosmwasm_std::{Addr, DepsMut, Env, MessageInfo, Response, Storage, Uint128};
use trellis_math::accumulator::to_scaled;
use trellis_types::AssetInfo;

use crate::accounting::{book_pool_undistributed, release_carry, settle_position, Books};
use crate::boost::{index_boosted, set_working, Powers};
use crate::error::ContractError;
use crate::execute::{load_pool, recipient_or};
use crate::pools::{save_pool_state, PositionKey};
use crate::state::{Pool, Position};

/// Saves the books (if moved), the pool's state and the position, and keeps the
/// boosted-position index in step with a stake that was `staked_before`.
pub fn save_all(
    storage: &mut dyn Storage,
    books: &Books,
    pool_id: u64,
    pool: &Pool,
    key: &PositionKey,
    position: &Position,
    staked_before: Uint128,
) -> Result<(), ContractError> {
    books.save(storage)?;
    save_pool_state(storage, pool_id, pool)?;
    key.save(storage, &books.config, pool_id, position)?;
    index_boosted(storage, &key.user, pool_id, pool, staked_before, position)
}

/// Credits `amount` of the pool's staking asset, already received, to `owner`. `pool` is the
/// stored pool `pool_id`, loaded once by the entry point.
#[allow(clippy::too_many_arguments)]
pub fn deposit(
    deps: DepsMut,
    env: Env,
    pool_id: u64,
    mut pool: Pool,
    received: AssetInfo,
    amount: Uint128,
    sender: &Addr,
    owner: Addr,
) -> Result<Response, ContractError> {
    if amount.is_zero() {
        return Err(ContractError::ZeroAmount);
    }
    if !pool.active {
        return Err(ContractError::PoolInactive { pool_id });
    }
    if received != pool.staking {
        return Err(ContractError::WrongToken {
            expected: pool.staking.to_string(),
            got: received.to_string(),
        });
    }
    let mut books = Books::load(deps.storage, deps.querier, &env)?;
    let key = PositionKey::new(deps.api, &owner)?;
    let mut position = books.position(deps.storage, &key, pool_id, &mut pool)?;
    books.settle(pool_id, &mut pool, &mut position)?;

    let staked_before = position.staked;
    pool.total_staked = pool
        .total_staked
        .checked_add(amount)
        .map_err(|_| ContractError::Overflow("pool total stake"))?;
    position.staked += amount; // bounded by the pool total just checked
    let mut powers = Powers::new(deps.querier, &owner);
    books.refresh_working_adding(&mut powers, &mut pool, &mut position, amount)?;

    save_all(
        deps.storage,
        &books,
        pool_id,
        &pool,
        &key,
        &position,
        staked_before,
    )?;
    Ok(Response::new()
        .add_attribute("action", "deposit")
        .add_attribute("pool_id", pool_id.to_string())
        .add_attribute("sender", sender)
        .add_attribute("owner", owner)
        .add_attribute("amount", amount)
        .add_attribute("staked", position.staked)
        .add_attribute("working", position.working)
        .add_attribute("total_staked", pool.total_staked)
        .add_attribute("working_supply", pool.working_supply)
        .add_attribute("pending", position.pending))
}

pub fn deposit_native(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    pool_id: u64,
    recipient: Option<String>,
) -> Result<Response, ContractError> {
    let pool = load_pool(deps.storage, pool_id)?;
    let AssetInfo::Native { denom } = &pool.staking else {
        return Err(ContractError::WrongDepositPath {
            pool_id,
            asset: pool.staking.to_string(),
            via: "a cw20 Send",
        });
    };
    let amount = cw_utils::must_pay(&info, denom)?;
    let owner = recipient_or(deps.api, recipient, &info.sender)?;
    let received = pool.staking.clone();
    deposit(
        deps,
        env,
        pool_id,
        pool,
        received,
        amount,
        &info.sender,
        owner,
    )
}

pub fn withdraw(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    pool_id: u64,
    amount: Uint128,
    recipient: Option<String>,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    if amount.is_zero() {
        return Err(ContractError::ZeroAmount);
    }
    let mut pool = load_pool(deps.storage, pool_id)?;
    let recipient = recipient_or(deps.api, recipient, &info.sender)?;
    let user = info.sender;
    let mut books = Books::load(deps.storage, deps.querier, &env)?;
    let key = PositionKey::new(deps.api, &user)?;
    let mut position = books.position(deps.storage, &key, pool_id, &mut pool)?;
    if amount > position.staked {
        return Err(ContractError::InsufficientStake {
            pool_id,
            requested: amount,
            staked: position.staked,
        });
    }
    books.settle(pool_id, &mut pool, &mut position)?;

    let staked_before = position.staked;
    position.staked -= amount;
    pool.total_staked -= amount;
    let mut powers = Powers::new(deps.querier, &user);
    books.refresh_working(&mut powers, &mut pool, &mut position)?;
    if position.staked.is_zero() {
        // Nothing left to earn with: its last fraction is undistributed, not stranded.
        release_carry(&mut pool, &mut position)?;
    }

    let transfer = pool.staking.transfer_msg(&recipient, amount)?;
    save_all(
        deps.storage,
        &books,
        pool_id,
        &pool,
        &key,
        &position,
        staked_before,
    )?;
    Ok(Response::new()
        .add_message(transfer)
        .add_attribute("action", "withdraw")
        .add_attribute("pool_id", pool_id.to_string())
        .add_attribute("owner", user)
        .add_attribute("recipient", recipient)
        .add_attribute("amount", amount)
        .add_attribute("staked", position.staked)
        .add_attribute("working", position.working)
        .add_attribute("total_staked", pool.total_staked)
        .add_attribute("working_supply", pool.working_supply)
        .add_attribute("pending", position.pending))
}

/// Returns all principal and forfeits the position's reward, which becomes undistributed.
/// Sends no reward message and asks no other contract anything; a gauge-split pool is
/// walked only as far as one message may, and what is left of its walk is then spread
/// over the remaining stakers (the leaver forfeits it anyway).
pub fn emergency_withdraw(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    pool_id: u64,
    recipient: Option<String>,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let mut pool = load_pool(deps.storage, pool_id)?;
    let recipient = recipient_or(deps.api, recipient, &info.sender)?;
    let user = info.sender;
    let key = PositionKey::new(deps.api, &user)?;
    let mut books = Books::load(deps.storage, deps.querier, &env)?;
    let settled = books.settle_pool_bounded(pool_id, &mut pool);
    if settled.is_err() && pool.gauge.is_some() {
        // A failing gauge query must not keep the principal: drop the partial walk (books
        // and pool together) and leave it for later; it is then spread over the others.
        books = Books::load(deps.storage, deps.querier, &env)?;
        pool = load_pool(deps.storage, pool_id)?;
        pool.note_block(env.block.height);
    } else {
        settled?;
    }
    // Loaded after the walk, which may have been dropped above (a position still in the 0.2
    // layout moves its carry into this pool as it loads).
    let mut position = books.position(deps.storage, &key, pool_id, &mut pool)?;
    if position.staked.is_zero() {
        return Err(ContractError::NoStake { pool_id });
    }
    settle_position(&mut pool, &mut position)?;

    let amount = position.staked;
    let forfeited = position.pending;
    book_pool_undistributed(&mut pool, to_scaled(forfeited))?;
    release_carry(&mut pool, &mut position)?;
    position.staked = Uint128::zero();
    pool.total_staked -= amount;
    set_working(
        &mut books.emission,
        &mut pool,
        &mut position,
        Uint128::zero(),
    )?;
    position.pending = Uint128::zero();

    let transfer = pool.staking.transfer_msg(&recipient, amount)?;
    save_all(
        deps.storage,
        &books,
        pool_id,
        &pool,
        &key,
        &position,
        amount,
    )?;
    Ok(Response::new()
        .add_message(transfer)
        .add_attribute("action", "emergency_withdraw")
        .add_attribute("pool_id", pool_id.to_string())
        .add_attribute("owner", user)
        .add_attribute("recipient", recipient)
        .add_attribute("amount", amount)
        .add_attribute("forfeited", forfeited)
        .add_attribute("total_staked", pool.total_staked)
        .add_attribute("working_supply", pool.working_supply))
}
