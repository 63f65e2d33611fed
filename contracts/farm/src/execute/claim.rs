use cosmwasm_std::{DepsMut, Env, MessageInfo, Response, Uint128};

use crate::accounting::Books;
use crate::boost::Powers;
use crate::error::ContractError;
use crate::execute::{load_pool, payable_now, recipient_or, reward_payment};
use crate::limits::MAX_CLAIM_POOLS;
use crate::pools::{save_pool_state, PositionKey};

/// Checks a list of pool ids given by a user: non-empty, bounded, no repeats.
pub fn check_pool_list(pool_ids: &[u64]) -> Result<(), ContractError> {
    if pool_ids.is_empty() {
        return Err(ContractError::EmptyPoolList);
    }
    if pool_ids.len() > MAX_CLAIM_POOLS {
        return Err(ContractError::TooManyPools {
            count: pool_ids.len(),
            max: MAX_CLAIM_POOLS,
        });
    }
    for (i, id) in pool_ids.iter().enumerate() {
        if pool_ids[..i].contains(id) {
            return Err(ContractError::DuplicatePoolId { pool_id: *id });
        }
    }
    Ok(())
}

/// Pays the sender's pending reward of the listed pools in one payment.
pub fn claim(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    pool_ids: Vec<u64>,
    recipient: Option<String>,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    check_pool_list(&pool_ids)?;
    let recipient = recipient_or(deps.api, recipient, &info.sender)?;
    let user = info.sender;
    // Load every pool before writing anything, so an unknown id refuses the whole call.
    let pools = pool_ids
        .iter()
        .map(|&id| load_pool(deps.storage, id).map(|pool| (id, pool)))
        .collect::<Result<Vec<_>, _>>()?;
    let mut books = Books::load(deps.storage, deps.querier, &env)?;
    let key = PositionKey::new(deps.api, &user)?;
    let mut powers = Powers::new(deps.querier, &user);
    // Asked of the reward token only once something is to be paid.
    let mut payable: Option<Uint128> = None;
    let mut total = Uint128::zero();
    let mut response = Response::new().add_attribute("action", "claim");
    for (pool_id, mut pool) in pools {
        // No position: nothing to pay and nothing to write.
        let Some(mut position) = books.stored_position(deps.storage, &key, pool_id, &mut pool)?
        else {
            response = response.add_attribute(format!("pool_{pool_id}"), "0");
            continue;
        };
        books.settle(pool_id, &mut pool, &mut position)?;
        // A claim is an action: the boost follows the owner's ve power now.
        books.refresh_working(&mut powers, &mut pool, &mut position)?;
        let amount = if position.pending.is_zero() {
            Uint128::zero()
        } else {
            let room = match payable {
                Some(room) => room,
                None => payable_now(deps.querier, &books.config)?,
            };
            let amount = position.pending.min(room);
            payable = Some(room - amount);
            amount
        };
        position.claimed += amount;
        position.pending -= amount;
        pool.claimed = pool
            .claimed
            .checked_add(amount)
            .map_err(|_| ContractError::Overflow("pool claimed"))?;
        total = total
            .checked_add(amount)
            .map_err(|_| ContractError::Overflow("claim total"))?;
        save_pool_state(deps.storage, pool_id, &pool)?;
        key.save(deps.storage, &books.config, pool_id, &position)?;
        response = response
            .add_attribute(format!("pool_{pool_id}"), amount)
            .add_attribute(format!("pool_{pool_id}_working"), position.working)
            .add_attribute(
                format!("pool_{pool_id}_working_supply"),
                pool.working_supply,
            );
        if !position.pending.is_zero() {
            response = response.add_attribute(format!("pool_{pool_id}_kept"), position.pending);
        }
    }
    books.save(deps.storage)?;
    if !total.is_zero() {
        response = response.add_message(reward_payment(&books.config, &recipient, total)?);
    }
    Ok(response
        .add_attribute("owner", user)
        .add_attribute("recipient", recipient)
        .add_attribute("amount", total))
}
