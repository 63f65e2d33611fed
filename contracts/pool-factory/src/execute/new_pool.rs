//! What every pool creation shares, whatever the kind: the reply id, the duplicate and
//! per-pair rules, and who owns the new pool.
use cosmwasm_std::{Env, Storage};

use crate::error::ContractError;
use crate::limits::MAX_POOLS_PER_PAIR;
use crate::registry::{clashes, pools_of_pair};
use crate::state::{pair_label, PendingPool};

/// Reply id of the pool instantiation.
pub const REPLY_POOL_INSTANTIATED: u64 = 1;

/// Refuses a pool that would duplicate a listed one of its pair (`registry::clashes`) and a
/// pair that already has `MAX_POOLS_PER_PAIR` listed pools of any kind. Reads at most that
/// many records. Delisted pools do not count: the owner can replace a squatted pool by
/// delisting it.
pub fn check_room_for(storage: &dyn Storage, pool: &PendingPool) -> Result<(), ContractError> {
    let [a, b] = &pool.assets;
    let existing = pools_of_pair(storage, a, b)?;
    if let Some(clash) = existing
        .iter()
        .find(|record| clashes(record, &pool.assets, &pool.terms))
    {
        return Err(ContractError::DuplicatePool {
            existing: clash.id,
            address: clash.address.clone(),
            assets: pair_label(a, b),
        });
    }
    if existing.len() >= MAX_POOLS_PER_PAIR {
        return Err(ContractError::TooManyPoolsForPair {
            assets: pair_label(a, b),
            max: MAX_POOLS_PER_PAIR,
        });
    }
    Ok(())
}

/// The new pool's cw-ownable owner and wasm admin: the factory's owner, who runs every pool.
/// A factory whose ownership was renounced owns its pools itself (it never acts on them) and
/// gives them no admin, so they are immutable.
pub fn pool_owner(
    storage: &dyn Storage,
    env: &Env,
) -> Result<(String, Option<String>), ContractError> {
    Ok(match cw_ownable::get_ownership(storage)?.owner {
        Some(owner) => (owner.to_string(), Some(owner.to_string())),
        None => (env.contract.address.to_string(), None),
    })
}
