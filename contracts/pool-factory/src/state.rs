//! Storage layout.
use cosmwasm_schema::cw_serde;
use cosmwasm_std::Addr;
use cosmwasm_std::Empty;
use cw_storage_plus::{Item, Map};
use trellis_types::factory::PoolRecord;
use trellis_types::weighted_pool::{OracleConfig, WeightedAssetInfo};
use trellis_types::AssetInfo;

#[cw_serde]
pub struct Config {
    pub pool_code_id: u64,
    pub lp_token_code_id: u64,
    /// Validated; pairs with it are "native".
    pub protocol_token: AssetInfo,
    pub fee_collector: Option<Addr>,
    pub protocol_fee_share_bps: u16,
    /// The factory's oracle: every pool created by a non-owner gets it.
    pub default_oracle: OracleConfig,
    /// Whether non-owners may create pools. Stored as `permissionless` by earlier builds (the alias
    /// keeps that state readable; `migrate` rewrites it under the new name).
    #[serde(alias = "permissionless")]
    pub permissionless_creation: bool,
}

/// A `CreatePool` between its submessage and the reply: what the reply records.
#[cw_serde]
pub struct PendingPool {
    pub assets: [WeightedAssetInfo; 2],
    pub swap_fee_bps: u16,
}

pub const CONFIG: Item<Config> = Item::new("config");
/// Pools created so far; the next pool's id.
pub const POOL_COUNT: Item<u64> = Item::new("pool_count");
pub const POOLS: Map<u64, PoolRecord> = Map::new("pools");
/// Pair key ([`pair_key`]) -> ids of the pools of that pair in creation order, at most
/// `MAX_POOLS_PER_PAIR`, so every lookup by pair reads a bounded list.
pub const POOLS_BY_PAIR: Map<(&str, &str), Vec<u64>> = Map::new("pools_by_pair");
pub const POOL_BY_LP_TOKEN: Map<&Addr, u64> = Map::new("pool_by_lp_token");
/// Pool address -> id, for pools registered from this version on (older pools are found
/// through their LP token, see `registry::record_of_pool`).
pub const POOL_BY_ADDRESS: Map<&Addr, u64> = Map::new("pool_by_address");
/// Ids of delisted pools (absent: listed). A delisted pool is also out of `POOLS_BY_PAIR`.
pub const DELISTED: Map<u64, Empty> = Map::new("delisted");
/// Pool kind key -> fee tiers open to permissionless creators, ascending (absent: the
/// kind's defaults, `fee_tiers::default_tiers`).
pub const FEE_TIERS: Map<&str, Vec<u16>> = Map::new("fee_tiers");
/// Set by `CreatePool`, removed by its reply in the same transaction.
pub const PENDING_POOL: Item<PendingPool> = Item::new("pending_pool");

/// The two asset keys in sorted order: the same key whichever order the assets are given in.
pub fn pair_key(a: &AssetInfo, b: &AssetInfo) -> (String, String) {
    let (a, b) = (a.key(), b.key());
    if a <= b {
        (a, b)
    } else {
        (b, a)
    }
}

/// `"<asset0>,<asset1>"` for errors and events.
pub fn pair_label(a: &AssetInfo, b: &AssetInfo) -> String {
    format!("{a},{b}")
}
