//! `MigratePositions`: anyone moves a batch of positions from the 0.2 layout to the new one,
//! so a migrated farm stops looking in the old layout once the last has moved.
use std::collections::BTreeMap;

use cosmwasm_std::{DepsMut, Env, MessageInfo, Order, Response};

use crate::accounting::Books;
use crate::error::ContractError;
use crate::limits::{DEFAULT_LIMIT, MAX_LIMIT};
use crate::migrate::legacy;
use crate::pools::{adopt_carry, load_pool, save_pool_state, PositionKey};
use crate::state::{Pool, CONFIG};

pub fn migrate_positions(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    limit: Option<u32>,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let mut books = Books::load(deps.storage, deps.querier, &env)?;
    if !books.config.legacy_positions {
        return Err(ContractError::NothingToMigrate);
    }
    let limit = limit.unwrap_or(DEFAULT_LIMIT).min(MAX_LIMIT) as usize;
    let batch = legacy::POSITIONS
        .range(deps.storage, None, None, Order::Ascending)
        .take(limit)
        .collect::<Result<Vec<_>, _>>()?;
    let mut pools: BTreeMap<u64, Pool> = BTreeMap::new();
    for ((user, pool_id), old) in &batch {
        let pool = match pools.entry(*pool_id) {
            std::collections::btree_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::btree_map::Entry::Vacant(e) => {
                e.insert(load_pool(deps.storage, *pool_id)?)
            }
        };
        let position = legacy::position(old.clone());
        adopt_carry(&mut books.ledger, pool, &position)?;
        // Saving through the key removes the old record too.
        PositionKey::new(deps.api, user)?.save(deps.storage, &books.config, *pool_id, &position)?;
    }
    for (pool_id, pool) in &pools {
        save_pool_state(deps.storage, *pool_id, pool)?;
    }
    let done = legacy::POSITIONS
        .keys_raw(deps.storage, None, None, Order::Ascending)
        .next()
        .is_none();
    if done {
        books.config.legacy_positions = false;
        CONFIG.save(deps.storage, &books.config)?;
    }
    books.save(deps.storage)?;
    Ok(Response::new()
        .add_attribute("action", "migrate_positions")
        .add_attribute("moved", batch.len().to_string())
        .add_attribute("done", done.to_string()))
}
