//! The pool registry: records by id, the pair index and the LP token index. Every read by pair
//! walks one pair's list, at most `MAX_POOLS_PER_PAIR` long.
use cosmwasm_std::{Addr, Decimal, Storage};
use trellis_types::factory::PoolRecord;
use trellis_types::weighted_pool::WeightedAssetInfo;
use trellis_types::AssetInfo;

use crate::error::ContractError;
use crate::state::{pair_key, POOLS, POOLS_BY_PAIR, POOL_BY_LP_TOKEN, POOL_COUNT};

/// Every pool of the pair `a`/`b` (either order), in creation order.
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
    POOL_COUNT.save(storage, &(id + 1))?;
    Ok(record)
}
