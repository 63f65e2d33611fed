//! The pool registry: records by id, the pair index of listed pools, the LP token and address
//! indexes, and the delisted set. Every read by pair walks one pair's list, at most
//! `MAX_POOLS_PER_PAIR` long.
use cosmwasm_std::{Addr, Deps, Empty, Storage};
use trellis_types::factory::{PoolParams, PoolRecord};
use trellis_types::weighted_pool::{PoolInfoResponse, QueryMsg as PoolQueryMsg};
use trellis_types::AssetInfo;

use crate::error::ContractError;
use crate::state::{
    pair_key, PoolTerms, StoredPool, DELISTED, POOLS, POOLS_BY_PAIR, POOL_BY_ADDRESS,
    POOL_BY_LP_TOKEN, POOL_COUNT,
};

pub fn load_record(storage: &dyn Storage, id: u64) -> Result<PoolRecord, ContractError> {
    Ok(POOLS.load(storage, id)?.into_record()?)
}

/// Every listed pool of the pair `a`/`b` (either order), in listing order.
pub fn pools_of_pair(
    storage: &dyn Storage,
    a: &AssetInfo,
    b: &AssetInfo,
) -> Result<Vec<PoolRecord>, ContractError> {
    let (ka, kb) = pair_key(a, b);
    let ids = POOLS_BY_PAIR
        .may_load(storage, (&ka, &kb))?
        .unwrap_or_default();
    ids.into_iter().map(|id| load_record(storage, id)).collect()
}

/// The weight a weighted `record` gives to `info`, if it is one of its assets.
pub fn weight_of(record: &PoolRecord, info: &AssetInfo) -> Option<cosmwasm_std::Decimal> {
    let PoolParams::Weighted { weights, .. } = &record.params else {
        return None;
    };
    record
        .assets
        .iter()
        .position(|a| a == info)
        .map(|i| weights[i])
}

/// Whether a pool of `assets` with `terms` would duplicate the listed `record` of the same
/// pair: a weighted pool weighing both assets alike (whatever their order), or a concentrated
/// pool at the same fee (whatever its spacing, as in v3: one pool per pair and fee).
pub fn clashes(record: &PoolRecord, assets: &[AssetInfo; 2], terms: &PoolTerms) -> bool {
    match (terms, &record.params) {
        (PoolTerms::Weighted { weights, .. }, PoolParams::Weighted { .. }) => assets
            .iter()
            .zip(weights)
            .all(|(info, weight)| weight_of(record, info) == Some(*weight)),
        (PoolTerms::Concentrated { fee_tier }, PoolParams::Concentrated { fee_tier: theirs }) => {
            fee_tier.fee_pips == theirs.fee_pips
        }
        _ => false,
    }
}

/// Stores a new pool under the next id and indexes it by pair, address and (weighted pools)
/// LP token.
pub fn register(
    storage: &mut dyn Storage,
    address: Addr,
    assets: [AssetInfo; 2],
    params: PoolParams,
) -> Result<PoolRecord, ContractError> {
    let id = POOL_COUNT.load(storage)?;
    let record = PoolRecord {
        id,
        address: address.to_string(),
        assets,
        params,
    };
    POOLS.save(storage, id, &StoredPool::from_record(&record))?;
    let (ka, kb) = pair_key(&record.assets[0], &record.assets[1]);
    POOLS_BY_PAIR.update(storage, (&ka, &kb), |ids| -> Result<_, ContractError> {
        let mut ids = ids.unwrap_or_default();
        ids.push(id);
        Ok(ids)
    })?;
    if let Some(lp_token) = record.lp_token() {
        POOL_BY_LP_TOKEN.save(storage, &Addr::unchecked(lp_token), &id)?;
    }
    POOL_BY_ADDRESS.save(storage, &address, &id)?;
    POOL_COUNT.save(storage, &(id + 1))?;
    Ok(record)
}

pub fn is_listed(storage: &dyn Storage, id: u64) -> Result<bool, ContractError> {
    Ok(!DELISTED.has(storage, id))
}

/// The factory's record of the pool at `pool`, listed or not. Pools registered by earlier
/// builds are not in the address index: their LP token (asked from the pool, then checked
/// against the record's address, so a lying contract finds nothing) leads to the record.
/// Those builds made weighted pools only, so the weighted pool's `PoolInfo` is the question.
pub fn record_of_pool(deps: Deps, pool: &str) -> Result<PoolRecord, ContractError> {
    let unknown = || ContractError::UnknownPool {
        pool: pool.to_string(),
    };
    let addr = deps.api.addr_validate(pool).map_err(|_| unknown())?;
    if let Some(id) = POOL_BY_ADDRESS.may_load(deps.storage, &addr)? {
        return load_record(deps.storage, id);
    }
    let info: PoolInfoResponse = deps
        .querier
        .query_wasm_smart(&addr, &PoolQueryMsg::PoolInfo {})
        .map_err(|_| unknown())?;
    let lp_token = deps
        .api
        .addr_validate(&info.lp_token)
        .map_err(|_| unknown())?;
    let id = POOL_BY_LP_TOKEN
        .may_load(deps.storage, &lp_token)?
        .ok_or_else(unknown)?;
    let record = load_record(deps.storage, id)?;
    if record.address != addr.as_str() {
        return Err(unknown());
    }
    Ok(record)
}

/// Takes `record` out of its pair's list and marks it delisted. One bounded list rewrite.
pub fn delist(storage: &mut dyn Storage, record: &PoolRecord) -> Result<(), ContractError> {
    let (ka, kb) = pair_key(&record.assets[0], &record.assets[1]);
    let mut ids = POOLS_BY_PAIR
        .may_load(storage, (&ka, &kb))?
        .unwrap_or_default();
    ids.retain(|&id| id != record.id);
    POOLS_BY_PAIR.save(storage, (&ka, &kb), &ids)?;
    DELISTED.save(storage, record.id, &Empty {})?;
    Ok(())
}

/// Puts a delisted `record` back at the end of its pair's list (the caller checked room).
pub fn relist(storage: &mut dyn Storage, record: &PoolRecord) -> Result<(), ContractError> {
    let (ka, kb) = pair_key(&record.assets[0], &record.assets[1]);
    let mut ids = POOLS_BY_PAIR
        .may_load(storage, (&ka, &kb))?
        .unwrap_or_default();
    ids.push(record.id);
    POOLS_BY_PAIR.save(storage, (&ka, &kb), &ids)?;
    DELISTED.remove(storage, record.id);
    Ok(())
}
