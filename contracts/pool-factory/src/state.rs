//! Storage layout.
use cosmwasm_schema::cw_serde;
use cosmwasm_std::{Addr, Decimal, Empty, StdError, StdResult};
use cw_storage_plus::{Item, Map};
use serde::{Deserialize, Serialize};
use trellis_types::cl_pool::FeeTier;
use trellis_types::factory::{PoolParams, PoolRecord};
use trellis_types::weighted_pool::OracleConfig;
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
    /// Code of concentrated pools; absent from configs of builds that had none.
    #[serde(default)]
    pub cl_pool_code_id: Option<u64>,
}

/// What a new pool is, before it has an address: the request `CreatePool` / `CreateClPool`
/// validated, and what two listed pools of one pair may not share (`registry::clashes`).
#[cw_serde]
pub enum PoolTerms {
    Weighted {
        /// In the order of the pool's assets.
        weights: [Decimal; 2],
        swap_fee_bps: u16,
    },
    Concentrated {
        fee_tier: FeeTier,
    },
}

impl PoolTerms {
    /// The terms `record` was created with.
    pub fn of(record: &PoolRecord) -> Self {
        match &record.params {
            PoolParams::Weighted {
                weights,
                swap_fee_bps,
                ..
            } => PoolTerms::Weighted {
                weights: *weights,
                swap_fee_bps: *swap_fee_bps,
            },
            PoolParams::Concentrated { fee_tier } => PoolTerms::Concentrated {
                fee_tier: *fee_tier,
            },
        }
    }
}

/// A creation between its submessage and the reply: what the reply records.
#[cw_serde]
pub struct PendingPool {
    pub assets: [AssetInfo; 2],
    pub terms: PoolTerms,
}

/// A pool record as stored: a superset of every layout written so far, so the records of
/// builds that knew only weighted pools (`lp_token`, weighted `assets`, `swap_fee_bps`) read
/// as they are and no migration rewrites them. A weighted record is written in exactly that
/// old layout; a concentrated one has no LP token or weights and carries its fee tier.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct StoredPool {
    pub id: u64,
    pub address: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lp_token: Option<String>,
    pub assets: [StoredAsset; 2],
    #[serde(default)]
    pub swap_fee_bps: u16,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cl_fee_tier: Option<FeeTier>,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct StoredAsset {
    pub info: AssetInfo,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<Decimal>,
}

impl StoredPool {
    pub fn from_record(record: &PoolRecord) -> Self {
        let asset = |i: usize, weight: Option<Decimal>| StoredAsset {
            info: record.assets[i].clone(),
            weight,
        };
        match &record.params {
            PoolParams::Weighted {
                lp_token,
                weights,
                swap_fee_bps,
            } => StoredPool {
                id: record.id,
                address: record.address.clone(),
                lp_token: Some(lp_token.clone()),
                assets: [asset(0, Some(weights[0])), asset(1, Some(weights[1]))],
                swap_fee_bps: *swap_fee_bps,
                cl_fee_tier: None,
            },
            PoolParams::Concentrated { fee_tier } => StoredPool {
                id: record.id,
                address: record.address.clone(),
                lp_token: None,
                assets: [asset(0, None), asset(1, None)],
                swap_fee_bps: 0,
                cl_fee_tier: Some(*fee_tier),
            },
        }
    }

    pub fn into_record(self) -> StdResult<PoolRecord> {
        let [a, b] = self.assets;
        let params = match (self.cl_fee_tier, self.lp_token, a.weight, b.weight) {
            (Some(fee_tier), None, None, None) => PoolParams::Concentrated { fee_tier },
            (None, Some(lp_token), Some(wa), Some(wb)) => PoolParams::Weighted {
                lp_token,
                weights: [wa, wb],
                swap_fee_bps: self.swap_fee_bps,
            },
            _ => {
                return Err(StdError::generic_err(format!(
                    "pool record {} is neither weighted nor concentrated",
                    self.id
                )))
            }
        };
        Ok(PoolRecord {
            id: self.id,
            address: self.address,
            assets: [a.info, b.info],
            params,
        })
    }
}

pub const CONFIG: Item<Config> = Item::new("config");
/// Pools created so far; the next pool's id. Ids are dense: `0..POOL_COUNT` all exist.
pub const POOL_COUNT: Item<u64> = Item::new("pool_count");
/// Read and written through `registry::{load_record, register}` only.
pub const POOLS: Map<u64, StoredPool> = Map::new("pools");
/// Pair key ([`pair_key`]) -> ids of the pools of that pair in creation order, at most
/// `MAX_POOLS_PER_PAIR`, so every lookup by pair reads a bounded list.
pub const POOLS_BY_PAIR: Map<(&str, &str), Vec<u64>> = Map::new("pools_by_pair");
/// Weighted pools' LP tokens -> id (concentrated pools have none).
pub const POOL_BY_LP_TOKEN: Map<&Addr, u64> = Map::new("pool_by_lp_token");
/// Pool address -> id, for pools registered from this version on (older pools are found
/// through their LP token, see `registry::record_of_pool`).
pub const POOL_BY_ADDRESS: Map<&Addr, u64> = Map::new("pool_by_address");
/// Ids of delisted pools (absent: listed). A delisted pool is also out of `POOLS_BY_PAIR`.
pub const DELISTED: Map<u64, Empty> = Map::new("delisted");
/// Pool kind key -> fee tiers (bps) open to permissionless creators of weighted pools,
/// ascending (absent: the defaults, `fee_tiers::default_tiers`).
pub const FEE_TIERS: Map<&str, Vec<u16>> = Map::new("fee_tiers");
/// The (fee, spacing) tiers open to permissionless creators of concentrated pools, by fee
/// (absent: `DEFAULT_CL_FEE_TIERS`).
pub const CL_FEE_TIERS: Item<Vec<FeeTier>> = Item::new("cl_fee_tiers");
/// Set by `CreatePool` / `CreateClPool`, removed by its reply in the same transaction.
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
