//! The pool registry: records by id, the pair index of listed pools, the LP token and address
//! indexes, and the delisted set. Every read by pair walks one pair's list, at most
//! `MAX_POOLS_PER_PAIR` long.
use cosmwasm_std::{Addr, Decimal, Deps, Empty, Storage};
use trellis_types::factory::{PoolKind, PoolRecord};
use trellis_types::weighted_pool::{PoolInfoResponse, QueryMsg as PoolQueryMsg, WeightedAssetInfo};
use trellis_types::AssetInfo;

use crate::error::ContractError;
use crate::state::{
    pair_key, DELISTED, POOLS, POOLS_BY_PAIR, POOL_BY_ADDRESS, POOL_BY_LP_TOKEN, POOL_COUNT,
};

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
    Ok(ids
        .into_iter()
        .map(|id| POOLS.load(storage, id))
        .collect::<Result<_, _>>()?)
}

/// The weight `assets` give to `info`, if it is one of them.
pub fn weight_of(assets: &[WeightedAssetInfo; 2], info: &AssetInfo) -> Option<Decimal> {
    assets.iter().find(|a| &a.info == info).map(|a| a.weight)
}

/// Whether `record` weighs both assets exactly as `assets` do (whatever their order).
pub fn has_weights(record: &PoolRecord, assets: &[WeightedAssetInfo; 2]) -> bool {
    assets
        .iter()
        .all(|a| weight_of(&record.assets, &a.info) == Some(a.weight))
}

/// Stores a new pool under the next id and indexes it by pair and LP token.
pub fn register(
    storage: &mut dyn Storage,
    address: Addr,
    lp_token: Addr,
    assets: [WeightedAssetInfo; 2],
    swap_fee_bps: u16,
) -> Result<PoolRecord, ContractError> {
    let id = POOL_COUNT.load(storage)?;
    let record = PoolRecord {
        id,
        address: address.to_string(),
        lp_token: lp_token.to_string(),
        assets,
        swap_fee_bps,
    };
    POOLS.save(storage, id, &record)?;
    let (ka, kb) = pair_key(&record.assets[0].info, &record.assets[1].info);
    POOLS_BY_PAIR.update(storage, (&ka, &kb), |ids| -> Result<_, ContractError> {
        let mut ids = ids.unwrap_or_default();
        ids.push(id);
        Ok(ids)
    })?;
    POOL_BY_LP_TOKEN.save(storage, &lp_token, &id)?;
    POOL_BY_ADDRESS.save(storage, &address, &id)?;
    POOL_COUNT.save(storage, &(id + 1))?;
    Ok(record)
}

pub fn is_listed(storage: &dyn Storage, id: u64) -> Result<bool, ContractError> {
    Ok(!DELISTED.has(storage, id))
}

/// Every pool so far is a weighted pool; a second kind will record its kind at registration.
pub fn kind_of(_record: &PoolRecord) -> PoolKind {
    PoolKind::Weighted
}

/// The factory's record of the pool at `pool`, listed or not. Pools registered by earlier
/// builds are not in the address index: their LP token (asked from the pool, then checked
/// against the record's address, so a lying contract finds nothing) leads to the record.
pub fn record_of_pool(deps: Deps, pool: &str) -> Result<PoolRecord, ContractError> {
    let unknown = || ContractError::UnknownPool {
        pool: pool.to_string(),
    };
    let addr = deps.api.addr_validate(pool).map_err(|_| unknown())?;
    if let Some(id) = POOL_BY_ADDRESS.may_load(deps.storage, &addr)? {
        return Ok(POOLS.load(deps.storage, id)?);
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
    let record = POOLS.load(deps.storage, id)?;
    if record.address != addr.as_str() {
        return Err(unknown());
    }
    Ok(record)
}

/// Takes `record` out of its pair's list and marks it delisted. One bounded list rewrite.
pub fn delist(storage: &mut dyn Storage, record: &PoolRecord) -> Result<(), ContractError> {
    let (ka, kb) = pair_key(&record.assets[0].info, &record.assets[1].info);
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
    let (ka, kb) = pair_key(&record.assets[0].info, &record.assets[1].info);
    let mut ids = POOLS_BY_PAIR
        .may_load(storage, (&ka, &kb))?
        .unwrap_or_default();
    ids.push(record.id);
    POOLS_BY_PAIR.save(storage, (&ka, &kb), &ids)?;
    DELISTED.remove(storage, record.id);
    Ok(())
}
