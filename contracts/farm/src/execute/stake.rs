//! Deposits and withdrawals of principal. They settle rewards but never pay them, so moving
//! principal never depends on the reward token.
use cosmwasm_std::{Addr, DepsMut, Env, MessageInfo, Response, Storage, Uint128};
use trellis_math::accumulator::to_scaled;
use trellis_types::AssetInfo;

use crate::accounting::Books;
use crate::error::ContractError;
use crate::execute::{load_pool, recipient_or};
use crate::state::{Emission, Pool, Position, POOLS, POSITIONS};

/// Keeps `Emission::unstaked_weight` in step when a pool's stake moves to or from zero.
fn track_unstaked(emission: &mut Emission, pool: &Pool, was_unstaked: bool) {
    match (was_unstaked, pool.is_unstaked_and_weighted()) {
        (true, false) => emission.unstaked_weight -= pool.weight,
        (false, true) => emission.unstaked_weight += pool.weight,
        _ => {}
    }
}

/// Takes `amount` of principal out of a settled position and its pool.
fn remove_stake(
    emission: &mut Emission,
    pool: &mut Pool,
    position: &mut Position,
    amount: Uint128,
) {
    let was_unstaked = pool.is_unstaked_and_weighted();
    position.staked -= amount;
    pool.total_staked -= amount;
    track_unstaked(emission, pool, was_unstaked);
}

fn load_position(
    storage: &dyn Storage,
    user: &Addr,
    pool_id: u64,
) -> Result<Position, ContractError> {
    Ok(POSITIONS
        .may_load(storage, (user, pool_id))?
        .unwrap_or_default())
}

fn save_all(
    storage: &mut dyn Storage,
    books: &Books,
    pool_id: u64,
    pool: &Pool,
    user: &Addr,
    position: &Position,
) -> Result<(), ContractError> {
    books.save(storage)?;
    POOLS.save(storage, pool_id, pool)?;
    POSITIONS.save(storage, (user, pool_id), position)?;
    Ok(())
}

/// Credits `amount` of the pool's staking asset, already received, to `owner`.
pub fn deposit(
    deps: DepsMut,
    env: Env,
    pool_id: u64,
    received: AssetInfo,
    amount: Uint128,
    sender: &Addr,
    owner: Addr,
) -> Result<Response, ContractError> {
    if amount.is_zero() {
        return Err(ContractError::ZeroAmount);
    }
    let mut pool = load_pool(deps.storage, pool_id)?;
    if !pool.active {
        return Err(ContractError::PoolInactive { pool_id });
    }
    if received != pool.staking {
        return Err(ContractError::WrongToken {
            expected: pool.staking.to_string(),
            got: received.to_string(),
        });
    }
    let mut books = Books::load(deps.storage, &env)?;
    let mut position = load_position(deps.storage, &owner, pool_id)?;
    books.settle(&mut pool, &mut position)?;

    let was_unstaked = pool.is_unstaked_and_weighted();
    pool.total_staked = pool
        .total_staked
        .checked_add(amount)
        .map_err(|_| ContractError::Overflow("pool total stake"))?;
    position.staked += amount; // bounded by the pool total just checked
    track_unstaked(&mut books.emission, &pool, was_unstaked);

    save_all(deps.storage, &books, pool_id, &pool, &owner, &position)?;
    Ok(Response::new()
        .add_attribute("action", "deposit")
        .add_attribute("pool_id", pool_id.to_string())
        .add_attribute("sender", sender)
        .add_attribute("owner", owner)
        .add_attribute("amount", amount)
        .add_attribute("staked", position.staked)
        .add_attribute("total_staked", pool.total_staked)
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
    deposit(
        deps,
        env,
        pool_id,
        pool.staking,
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
    let mut position = load_position(deps.storage, &user, pool_id)?;
    if amount > position.staked {
        return Err(ContractError::InsufficientStake {
            pool_id,
            requested: amount,
            staked: position.staked,
        });
    }
    let mut books = Books::load(deps.storage, &env)?;
    books.settle(&mut pool, &mut position)?;

    remove_stake(&mut books.emission, &mut pool, &mut position, amount);

    let transfer = pool.staking.transfer_msg(&recipient, amount)?;
    save_all(deps.storage, &books, pool_id, &pool, &user, &position)?;
    Ok(Response::new()
        .add_message(transfer)
        .add_attribute("action", "withdraw")
        .add_attribute("pool_id", pool_id.to_string())
        .add_attribute("owner", user)
        .add_attribute("recipient", recipient)
        .add_attribute("amount", amount)
        .add_attribute("staked", position.staked)
        .add_attribute("total_staked", pool.total_staked)
        .add_attribute("pending", position.pending))
}

/// Returns all principal and forfeits the position's reward, which becomes undistributed.
/// Sends no reward message, so it works whatever state the reward token is in.
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
    let mut position = load_position(deps.storage, &user, pool_id)?;
    if position.staked.is_zero() {
        return Err(ContractError::NoStake { pool_id });
    }
    let mut books = Books::load(deps.storage, &env)?;
    books.settle(&mut pool, &mut position)?;

    let amount = position.staked;
    let forfeited = position.pending;
    books.ledger.undistributed_scaled += to_scaled(forfeited);
    remove_stake(&mut books.emission, &mut pool, &mut position, amount);
    position.pending = Uint128::zero();

    let transfer = pool.staking.transfer_msg(&recipient, amount)?;
    save_all(deps.storage, &books, pool_id, &pool, &user, &position)?;
    Ok(Response::new()
        .add_message(transfer)
        .add_attribute("action", "emergency_withdraw")
        .add_attribute("pool_id", pool_id.to_string())
        .add_attribute("owner", user)
        .add_attribute("recipient", recipient)
        .add_attribute("amount", amount)
        .add_attribute("forfeited", forfeited)
        .add_attribute("total_staked", pool.total_staked))
}
