//! A position NFT arrives through cw721 `SendNft` from its pool (the pool is its own
//! collection): only a listed concentrated pool of the factory is accepted (asked once per
//! pool), and the center records the sender as the position's owner. The optional payload enters farms at once.
use cosmwasm_std::{from_json, Addr, DepsMut, Env, MessageInfo, Response, Storage};
use cw721::receiver::Cw721ReceiveMsg;
use trellis_types::cl_farming::DepositMsg;

use crate::error::ContractError;
use crate::farming::enter::enter;
use crate::pool_link::{check_cl_pool, position};
use crate::state::{
    Deposit, PoolEntry, CONFIG, DEPOSITS, OWNER_DEPOSITS, POOLS, POOL_ADDRESSES, POOL_COUNT,
};

pub fn receive_nft(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: Cw721ReceiveMsg,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let pool = info.sender.clone();
    let owner = crate::validate::address(deps.api, "sender", &msg.sender)?;
    let payload: DepositMsg = if msg.msg.is_empty() {
        DepositMsg::default()
    } else {
        from_json(&msg.msg).map_err(|e| ContractError::InvalidDepositMsg {
            reason: e.to_string(),
        })?
    };
    // The factory is asked the first time a pool is seen (here or at a farm's creation); a
    // pool with an entry was a listed concentrated pool then. That saves a contract query
    // (an instance, ~60,000 SDK gas) on every later deposit.
    if POOLS.may_load(deps.storage, &pool)?.is_none() {
        let config = CONFIG.load(deps.storage)?;
        check_cl_pool(deps.as_ref(), &config.factory, &pool)?;
    }
    let position = position(deps.as_ref(), &pool, &msg.token_id)?;
    if position.liquidity.is_zero() {
        return Err(ContractError::EmptyPosition {
            pool: pool.to_string(),
            token_id: msg.token_id,
        });
    }
    let entry = pool_entry(deps.storage, &pool)?;
    let mut deposit = Deposit {
        owner: owner.clone(),
        lower: position.lower_tick,
        upper: position.upper_tick,
        liquidity: position.liquidity.u128(),
        farms: [None, None],
    };
    let mut deps = deps;
    let mut messages = Vec::new();
    for farm_id in &payload.enter {
        let (marks, lock) = enter(
            &mut deps,
            &env,
            &pool,
            &msg.token_id,
            &mut deposit,
            *farm_id,
            0,
        )?;
        debug_assert!(lock.is_none());
        messages.extend(marks);
    }
    DEPOSITS.save(deps.storage, (entry.index, &msg.token_id), &deposit)?;
    OWNER_DEPOSITS.save(
        deps.storage,
        (owner.clone(), (entry.index, msg.token_id.clone())),
        &1,
    )?;
    let entered: Vec<String> = payload.enter.iter().map(u64::to_string).collect();
    Ok(Response::new()
        .add_messages(messages)
        .add_attribute("action", "deposit")
        .add_attribute("pool", pool.as_str())
        .add_attribute("token_id", &msg.token_id)
        .add_attribute("owner", owner.as_str())
        .add_attribute("lower_tick", deposit.lower.to_string())
        .add_attribute("upper_tick", deposit.upper.to_string())
        .add_attribute("liquidity", deposit.liquidity.to_string())
        .add_attribute("entered_farms", entered.join(",")))
}

/// The pool's entry, created with the next local index the first time the pool is seen.
pub fn pool_entry(storage: &mut dyn Storage, pool: &Addr) -> Result<PoolEntry, ContractError> {
    if let Some(entry) = POOLS.may_load(storage, pool)? {
        return Ok(entry);
    }
    let index = POOL_COUNT.may_load(storage)?.unwrap_or(0);
    let entry = PoolEntry {
        index,
        live: [None, None],
    };
    POOLS.save(storage, pool, &entry)?;
    POOL_ADDRESSES.save(storage, index, pool)?;
    POOL_COUNT.save(storage, &(index + 1))?;
    Ok(entry)
}
