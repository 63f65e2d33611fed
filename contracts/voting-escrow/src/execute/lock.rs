//! Creating and growing locks: every change replaces the user's line and patches the global
//! line at the block time (after the bounded walk to now).
use cosmwasm_std::{Addr, DepsMut, Env, Response, Uint128};
use trellis_math::ve::{lock_line, round_down_to_week};
use trellis_math::MathError;

use crate::error::ContractError;
use crate::history::{global_now, last_global, push_global, push_user, reschedule_slope};
use crate::listeners::notify;
use crate::state::{Config, Lock, LOCKS};

/// `unlock_time` rounded down to a week; it must be after `now` and at most `max_time` ahead.
pub fn checked_end(now: u64, unlock_time: u64, max_time: u64) -> Result<u64, ContractError> {
    let rounded = round_down_to_week(unlock_time);
    if rounded <= now {
        return Err(ContractError::UnlockTimeNotInFuture {
            unlock_time,
            rounded,
            now,
        });
    }
    let latest = now.saturating_add(max_time);
    if rounded > latest {
        return Err(ContractError::UnlockTimeTooLate {
            unlock_time,
            rounded,
            latest,
        });
    }
    Ok(rounded)
}

pub fn create_lock(
    deps: DepsMut,
    env: Env,
    config: &Config,
    user: Addr,
    amount: Uint128,
    unlock_time: u64,
) -> Result<Response, ContractError> {
    if amount.is_zero() {
        return Err(ContractError::ZeroAmount);
    }
    if let Some(lock) = LOCKS.may_load(deps.storage, &user)? {
        return Err(ContractError::LockExists {
            user: user.into_string(),
            amount: lock.amount,
            end: lock.end,
        });
    }
    let now = env.block.time.seconds();
    let end = checked_end(now, unlock_time, config.max_time)?;
    change_lock(
        deps,
        config,
        now,
        "create_lock",
        &user,
        None,
        Lock { amount, end },
    )
}

/// Adds `amount` to `user`'s unexpired lock (the user's own `IncreaseAmount`, or anyone's
/// `DepositFor`; `action` tells them apart in the events).
pub fn add_to_lock(
    deps: DepsMut,
    env: Env,
    config: &Config,
    action: &str,
    user: Addr,
    amount: Uint128,
) -> Result<Response, ContractError> {
    if amount.is_zero() {
        return Err(ContractError::ZeroAmount);
    }
    let now = env.block.time.seconds();
    let old = live_lock(&deps, &user, now)?;
    let new = Lock {
        amount: old.amount.checked_add(amount)?,
        end: old.end,
    };
    change_lock(deps, config, now, action, &user, Some(old), new)
}

pub fn increase_unlock_time(
    deps: DepsMut,
    env: Env,
    config: &Config,
    user: Addr,
    unlock_time: u64,
) -> Result<Response, ContractError> {
    let now = env.block.time.seconds();
    let old = live_lock(&deps, &user, now)?;
    let requested = round_down_to_week(unlock_time);
    if requested <= old.end {
        return Err(ContractError::LockNotExtended {
            unlock_time,
            requested,
            current: old.end,
        });
    }
    let end = checked_end(now, unlock_time, config.max_time)?;
    let new = Lock {
        amount: old.amount,
        end,
    };
    change_lock(
        deps,
        config,
        now,
        "increase_unlock_time",
        &user,
        Some(old),
        new,
    )
}

/// The user's lock, which must exist and not have ended.
fn live_lock(deps: &DepsMut, user: &Addr, now: u64) -> Result<Lock, ContractError> {
    let lock = LOCKS
        .may_load(deps.storage, user)?
        .ok_or_else(|| ContractError::NoLock {
            user: user.to_string(),
        })?;
    if lock.end <= now {
        return Err(ContractError::LockExpired {
            user: user.to_string(),
            end: lock.end,
            now,
        });
    }
    Ok(lock)
}

/// Replaces `old` (unexpired, or none) by `new` (ending after `now`) at `now`.
///
/// The old line is worth `slope * (old.end - now)` now and its slope was scheduled to leave
/// at `old.end`; both are taken out of the global line and the new line's put in. As every
/// bias is `slope * (end - now)` with the same integer slope, the global line stays exactly
/// the sum of the user lines.
fn change_lock(
    deps: DepsMut,
    config: &Config,
    now: u64,
    action: &str,
    user: &Addr,
    old: Option<Lock>,
    new: Lock,
) -> Result<Response, ContractError> {
    let storage = deps.storage;
    let head = last_global(storage)?;
    let mut global = global_now(storage, &head, now)?;
    let mut old_slope = None;
    if let Some(old) = &old {
        let old_line = lock_line(old.amount.u128(), old.end, now, config.max_time)?;
        global.bias = global
            .bias
            .checked_sub(old_line.bias)
            .ok_or(MathError::Overflow("ve global bias below a user's"))?;
        global.slope = global
            .slope
            .checked_sub(old_line.slope)
            .ok_or(MathError::Overflow("ve global slope below a user's"))?;
        old_slope = Some((old.end, old_line.slope));
    }
    let line = lock_line(new.amount.u128(), new.end, now, config.max_time)?;
    global.bias = global
        .bias
        .checked_add(line.bias)
        .ok_or(MathError::Overflow("ve global bias"))?;
    global.slope = global
        .slope
        .checked_add(line.slope)
        .ok_or(MathError::Overflow("ve global slope"))?;
    reschedule_slope(storage, old_slope, (new.end, line.slope))?;
    push_global(storage, &head, &global)?;
    push_user(storage, user, &line)?;
    LOCKS.save(storage, user, &new)?;

    Ok(Response::new()
        .add_submessages(notify(&config.listeners, user)?)
        .add_attribute("action", action)
        .add_attribute("user", user)
        .add_attribute("amount", new.amount)
        .add_attribute("end", new.end.to_string())
        .add_attribute("slope", line.slope.to_string())
        .add_attribute("bias", line.bias.to_string())
        .add_attribute("total_power", global.bias.to_string()))
}
