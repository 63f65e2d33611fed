//! Messages of `contracts/pool-factory`: creates weighted pools from one stored code id, refuses
//! duplicates, lists pools and knows the protocol token.
use cosmwasm_schema::{cw_serde, QueryResponses};
use cosmwasm_std::Decimal;
use cw_ownable::{cw_ownable_execute, cw_ownable_query};

use crate::asset::AssetInfo;
use crate::weighted_pool::{OracleConfig, WeightedAssetInfo};

#[cw_serde]
pub struct InstantiateMsg {
    pub owner: String,
    pub pool_code_id: u64,
    pub lp_token_code_id: u64,
    /// The protocol token (seed 000's ALY): pairs with it are "native" and routes hop through it.
    pub protocol_token: AssetInfo,
    /// Fee collector and protocol share given to every new pool.
    pub fee_collector: Option<String>,
    pub protocol_fee_share_bps: u16,
    /// Oracle given to pools created without one.
    pub default_oracle: OracleConfig,
    /// When false only the owner may create pools.
    pub permissionless: bool,
}

#[cw_ownable_execute]
#[cw_serde]
pub enum ExecuteMsg {
    /// Create a pool of these assets and weights. The pool's owner is the factory's owner.
    CreatePool {
        assets: [WeightedAssetInfo; 2],
        swap_fee_bps: u16,
        oracle: Option<OracleConfig>,
    },
    /// Owner: settings for pools created from now on (existing pools keep theirs).
    UpdateConfig {
        pool_code_id: Option<u64>,
        lp_token_code_id: Option<u64>,
        fee_collector: Option<String>,
        protocol_fee_share_bps: Option<u16>,
        default_oracle: Option<OracleConfig>,
        permissionless: Option<bool>,
    },
}

#[cw_ownable_query]
#[cw_serde]
#[derive(QueryResponses)]
pub enum QueryMsg {
    #[returns(ConfigResponse)]
    Config {},
    /// All pools, in creation order, paginated by pool id.
    #[returns(PoolsResponse)]
    Pools {
        start_after: Option<u64>,
        limit: Option<u32>,
    },
    /// Every pool of this pair of assets (any order), whatever its weights.
    #[returns(PoolsResponse)]
    PoolsByAssets { assets: [AssetInfo; 2] },
    /// The pool of this pair with exactly these weights (given in the order of `assets`).
    #[returns(PoolRecord)]
    Pool {
        assets: [AssetInfo; 2],
        weights: [Decimal; 2],
    },
    /// The pool whose LP token this is: lets a farm check an LP token and learn its pair.
    #[returns(PoolRecord)]
    PoolByLpToken { lp_token: String },
    /// Whether one of the assets is the protocol token.
    #[returns(bool)]
    IsNativePair { assets: [AssetInfo; 2] },
}

#[cw_serde]
pub struct ConfigResponse {
    pub pool_code_id: u64,
    pub lp_token_code_id: u64,
    pub protocol_token: AssetInfo,
    pub fee_collector: Option<String>,
    pub protocol_fee_share_bps: u16,
    pub default_oracle: OracleConfig,
    pub permissionless: bool,
    pub pool_count: u64,
}

#[cw_serde]
pub struct PoolRecord {
    pub id: u64,
    pub address: String,
    pub lp_token: String,
    /// In the pool's order.
    pub assets: [WeightedAssetInfo; 2],
    pub swap_fee_bps: u16,
}

#[cw_serde]
pub struct PoolsResponse {
    pub pools: Vec<PoolRecord>,
}

#[cw_serde]
pub struct MigrateMsg {}
