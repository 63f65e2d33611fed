use cosmwasm_std::{DepsMut, Env, MessageInfo, Response};
use trellis_math::ve::Line;

use crate::error::ContractError;
use crate::history::push_user;
use crate::listeners::notify;
use crate::state::{CONFIG, LOCKS};

/// Returns the whole lock after its end. An ended lock already left the global line at its
/// end (its slope change) and is worth zero, so the global history is not touched and a
/// withdrawal never waits on a checkpoint.
pub fn withdraw(deps: DepsMut, env: Env, info: MessageInfo) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let user = info.sender;
    let now = env.block.time.seconds();
    let lock = LOCKS
        .may_load(deps.storage, &user)?
        .ok_or_else(|| ContractError::NoLock {
            user: user.to_string(),
        })?;
    if lock.end > now {
        return Err(ContractError::LockNotExpired { end: lock.end, now });
    }
    LOCKS.remove(deps.storage, &user);
    push_user(
        deps.storage,
        &user,
        &Line {
            bias: 0,
            slope: 0,
            ts: now,
        },
    )?;
    let config = CONFIG.load(deps.storage)?;
    Ok(Response::new()
        .add_message(config.lock_token.transfer_msg(&user, lock.amount)?)
        .add_submessages(notify(&config.listeners, &user)?)
        .add_attribute("action", "withdraw")
        .add_attribute("user", &user)
        .add_attribute("amount", lock.amount)
        .add_attribute("end", lock.end.to_string())
        .add_attribute("slope", "0")
        .add_attribute("bias", "0"))
}
