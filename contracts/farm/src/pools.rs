//! Loading and saving pools and positions in their split records (`state.rs`), and the sums
//! of the pools' books that farm-wide reports need.
use cosmwasm_std::{Addr, Api, CanonicalAddr, Order, Storage, Uint128, Uint256};

use crate::error::ContractError;
use crate::migrate::legacy;
use crate::state::{
    Config, Ledger, Pool, Position, StoredPosition, POOL_INFO, POOL_STATE, POSITIONS,
};

pub fn load_pool(storage: &dyn Storage, pool_id: u64) -> Result<Pool, ContractError> {
    let info = POOL_INFO
        .may_load(storage, pool_id)?
        .ok_or(ContractError::UnknownPool { pool_id })?;
    Ok(Pool::from_parts(info, POOL_STATE.load(storage, pool_id)?))
}

/// Saves what user actions change. Handlers that change the pool's weight or flags (admin
/// messages) call `save_pool` instead.
pub fn save_pool_state(
    storage: &mut dyn Storage,
    pool_id: u64,
    pool: &Pool,
) -> Result<(), ContractError> {
    Ok(POOL_STATE.save(storage, pool_id, &pool.state())?)
}

/// Saves both records of the pool.
pub fn save_pool(
    storage: &mut dyn Storage,
    pool_id: u64,
    pool: &Pool,
) -> Result<(), ContractError> {
    POOL_INFO.save(storage, pool_id, &pool.info())?;
    save_pool_state(storage, pool_id, pool)
}

/// Where a user's positions are kept: the canonical address, once per message.
pub struct PositionKey {
    pub user: Addr,
    pub canonical: CanonicalAddr,
}

impl PositionKey {
    pub fn new(api: &dyn Api, user: &Addr) -> Result<Self, ContractError> {
        Ok(PositionKey {
            user: user.clone(),
            canonical: api.addr_canonicalize(user.as_str())?,
        })
    }

    /// The stored position of `pool`, if any. In a farm migrated from 0.2, a position not yet
    /// moved is read from the old layout, and its carry moves from the ledger's legacy bucket to
    /// the pool's (the position itself moves with its next save).
    pub fn may_load(
        &self,
        storage: &dyn Storage,
        config: &Config,
        ledger: &mut Ledger,
        pool_id: u64,
        pool: &mut Pool,
    ) -> Result<Option<Position>, ContractError> {
        if let Some(stored) = POSITIONS.may_load(storage, (self.canonical.as_slice(), pool_id))? {
            return Ok(Some(stored.into()));
        }
        if !config.legacy_positions {
            return Ok(None);
        }
        let Some(old) = legacy::POSITIONS.may_load(storage, (&self.user, pool_id))? else {
            return Ok(None);
        };
        let position = legacy::position(old);
        adopt_carry(ledger, pool, &position)?;
        Ok(Some(position))
    }

    /// The position, or an empty one.
    pub fn load(
        &self,
        storage: &dyn Storage,
        config: &Config,
        ledger: &mut Ledger,
        pool_id: u64,
        pool: &mut Pool,
    ) -> Result<Position, ContractError> {
        Ok(self
            .may_load(storage, config, ledger, pool_id, pool)?
            .unwrap_or_default())
    }

    pub fn save(
        &self,
        storage: &mut dyn Storage,
        config: &Config,
        pool_id: u64,
        position: &Position,
    ) -> Result<(), ContractError> {
        POSITIONS.save(
            storage,
            (self.canonical.as_slice(), pool_id),
            &StoredPosition::from(position),
        )?;
        if config.legacy_positions {
            legacy::POSITIONS.remove(storage, (&self.user, pool_id));
        }
        Ok(())
    }

    /// Pool ids of the user's positions after `start_after`, ascending, at most `limit`.
    pub fn pool_ids(
        &self,
        storage: &dyn Storage,
        config: &Config,
        start_after: Option<u64>,
        limit: usize,
    ) -> Result<Vec<u64>, ContractError> {
        let min = start_after.map(cw_storage_plus::Bound::exclusive);
        let mut ids = POSITIONS
            .prefix_range(
                storage,
                self.canonical.as_slice(),
                min,
                None,
                Order::Ascending,
            )
            .take(limit)
            .map(|item| item.map(|(id, _)| id))
            .collect::<Result<Vec<u64>, _>>()?;
        if config.legacy_positions {
            let min = start_after.map(cw_storage_plus::Bound::exclusive);
            let old = legacy::POSITIONS
                .prefix(&self.user)
                .keys(storage, min, None, Order::Ascending)
                .take(limit)
                .collect::<Result<Vec<u64>, _>>()?;
            ids.extend(old);
            ids.sort_unstable();
            ids.dedup();
            ids.truncate(limit);
        }
        Ok(ids)
    }
}

/// Moves a position read from the 0.2 layout's carry into its pool's books.
pub fn adopt_carry(
    ledger: &mut Ledger,
    pool: &mut Pool,
    position: &Position,
) -> Result<(), ContractError> {
    let carry = Uint256::from(position.carry);
    ledger.legacy_carried_scaled = ledger
        .legacy_carried_scaled
        .checked_sub(carry)
        .map_err(|_| ContractError::Overflow("legacy carried"))?;
    pool.carried_scaled = pool
        .carried_scaled
        .checked_add(carry)
        .map_err(|_| ContractError::Overflow("carried"))?;
    Ok(())
}

/// The farm's books that user actions move, whole: the sum of every pool's (`Pool::claimed`,
/// `undistributed_scaled`, `carried_scaled`) plus the ledger's farm-level parts
/// (`undistributed_scaled`, and what a 0.2 farm booked farm-wide). One read per pool: for
/// queries and owner messages only, bounded by `MAX_POOLS`.
#[derive(Default, Debug, Clone, Copy, PartialEq, Eq)]
pub struct PoolBooks {
    pub claimed: Uint128,
    pub undistributed_scaled: Uint256,
    pub carried_scaled: Uint256,
}

pub fn pool_books(storage: &dyn Storage, ledger: &Ledger) -> Result<PoolBooks, ContractError> {
    let mut sum = PoolBooks {
        claimed: ledger.legacy_claimed,
        undistributed_scaled: ledger.undistributed_scaled,
        carried_scaled: ledger.legacy_carried_scaled,
    };
    let overflow = |_| ContractError::Overflow("pool books");
    for item in POOL_STATE.range(storage, None, None, Order::Ascending) {
        let (_, state) = item?;
        sum.claimed = sum.claimed.checked_add(state.claimed).map_err(overflow)?;
        sum.undistributed_scaled = sum
            .undistributed_scaled
            .checked_add(state.undistributed_scaled)
            .map_err(overflow)?;
        sum.carried_scaled = sum
            .carried_scaled
            .checked_add(state.carried_scaled)
            .map_err(overflow)?;
    }
    Ok(sum)
}
