//! Messages of `contracts/pool-factory`: creates weighted and concentrated-liquidity pools
//! from stored code ids, refuses duplicates, lists (and delists) pools and knows the protocol
//! token.
//!
//! Who may create a pool: the owner always (any fee the pool accepts, any oracle); anyone
//! else only while `permissionless_creation` is on, and then only at one of the factory's fee
//! tiers for that pool kind and with the factory's own oracle settings. Every pool kind goes
//! through the same gate.
use cosmwasm_schema::{cw_serde, QueryResponses};
use cosmwasm_std::{Decimal, Uint256};
use cw_ownable::{cw_ownable_execute, cw_ownable_query};

use crate::asset::AssetInfo;
use crate::cl_pool::FeeTier;
use crate::weighted_pool::{OracleConfig, WeightedAssetInfo};

/// The kinds of pool the factory creates. Each has its own fee tiers; creation rules are the
/// same for all.
#[cw_serde]
#[derive(Copy, Eq, PartialOrd, Ord)]
pub enum PoolKind {
    /// `contracts/weighted-pool`: two weighted assets, a cw20 LP token.
    Weighted,
    /// `contracts/cl-pool`: range positions as NFTs of the pool's own collection.
    Concentrated,
}

impl PoolKind {
    /// Storage and event key.
    pub fn key(&self) -> &'static str {
        match self {
            PoolKind::Weighted => "weighted",
            PoolKind::Concentrated => "concentrated",
        }
    }
}

/// Fee tiers (basis points of the amount in) open to permissionless creators of weighted
/// pools until the owner sets others: 0.3% for ordinary pairs, 1% for volatile or exotic ones.
pub const DEFAULT_WEIGHTED_FEE_TIERS_BPS: [u16; 2] = [30, 100];

/// Fee tiers open to permissionless creators of concentrated pools until the owner sets
/// others: Uniswap v3's four (`cl_pool::FEE_TIERS`).
pub const DEFAULT_CL_FEE_TIERS: [FeeTier; 4] = crate::cl_pool::FEE_TIERS;

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
    /// The factory's oracle settings: every pool created by a non-owner gets them, and the
    /// owner's pools too unless the owner gives others.
    pub default_oracle: OracleConfig,
    /// When false (the default) only the owner may create pools.
    #[serde(default)]
    pub permissionless_creation: bool,
    /// Code of `contracts/cl-pool`; without it the factory creates weighted pools only (the
    /// owner can set it later with `UpdateConfig`).
    #[serde(default)]
    pub cl_pool_code_id: Option<u64>,
}

#[cw_ownable_execute]
#[cw_serde]
pub enum ExecuteMsg {
    /// Create a pool of these assets and weights. The pool's owner is the factory's owner.
    /// A non-owner (only while creation is permissionless) must pick one of the fee tiers and
    /// may not give an oracle.
    CreatePool {
        assets: [WeightedAssetInfo; 2],
        swap_fee_bps: u16,
        oracle: Option<OracleConfig>,
    },
    /// Create a concentrated-liquidity pool: `assets[0]` is its token0 (prices are token0 in
    /// token1), `sqrt_price` its initial Q64.96 sqrt price (`None`: anyone initializes it
    /// later). One listed pool per pair and fee, whatever the order of the assets. A non-owner
    /// must pick one of the factory's concentrated fee tiers (fee and spacing) and may not give
    /// an oracle.
    CreateClPool {
        assets: [AssetInfo; 2],
        fee_tier: FeeTier,
        sqrt_price: Option<Uint256>,
        oracle: Option<OracleConfig>,
    },
    /// Owner: settings for pools created from now on (existing pools keep theirs).
    UpdateConfig {
        pool_code_id: Option<u64>,
        lp_token_code_id: Option<u64>,
        fee_collector: Option<String>,
        protocol_fee_share_bps: Option<u16>,
        default_oracle: Option<OracleConfig>,
        permissionless_creation: Option<bool>,
        /// Code of `contracts/cl-pool` for concentrated pools created from now on.
        #[serde(default)]
        cl_pool_code_id: Option<u64>,
    },
    /// Owner: the fee tiers permissionless creators of `kind` pools may choose (at most
    /// `MAX_FEE_TIERS`, distinct, each at most the pool's maximum fee).
    SetFeeTiers {
        kind: PoolKind,
        fee_tiers_bps: Vec<u16>,
    },
    /// Owner: the (fee, tick spacing) tiers permissionless creators of concentrated pools may
    /// choose: at most `MAX_FEE_TIERS`, each fee at most once, each tier one a pool accepts.
    /// (`SetFeeTiers` takes basis points and serves weighted pools only.)
    SetClFeeTiers { fee_tiers: Vec<FeeTier> },
    /// Owner: take a pool out of the lists routers and farms read (`PoolsByAssets`, `Pool`,
    /// `PoolByLpToken`). The pool itself keeps working, so its LPs can still exit. A delisted
    /// pool no longer counts as a duplicate or against the per-pair limit.
    DelistPool { pool: String },
    /// Owner: list a delisted pool again (refused if a listed pool now has its weights, or
    /// the pair is full).
    RelistPool { pool: String },
}

#[cw_ownable_query]
#[cw_serde]
#[derive(QueryResponses)]
pub enum QueryMsg {
    #[returns(ConfigResponse)]
    Config {},
    /// Who may create `kind` pools, at which fee tiers and with which oracle.
    #[returns(CreationRulesResponse)]
    CreationRules { kind: PoolKind },
    /// All pools ever created, listed or not, in creation order, paginated by pool id.
    #[returns(PoolsResponse)]
    Pools {
        start_after: Option<u64>,
        limit: Option<u32>,
    },
    /// Delisted pools, paginated by pool id.
    #[returns(PoolsResponse)]
    DelistedPools {
        start_after: Option<u64>,
        limit: Option<u32>,
    },
    /// Every listed pool of this pair of assets (any order), whatever its weights.
    #[returns(PoolsResponse)]
    PoolsByAssets { assets: [AssetInfo; 2] },
    /// The listed pool of this pair with exactly these weights (in the order of `assets`).
    #[returns(PoolRecord)]
    Pool {
        assets: [AssetInfo; 2],
        weights: [Decimal; 2],
    },
    /// The listed concentrated pool of this pair (any order) at this fee, in pips.
    #[returns(PoolRecord)]
    ClPool {
        assets: [AssetInfo; 2],
        fee_pips: u32,
    },
    /// The listed pool whose LP token this is: lets a farm check an LP token and learn its
    /// pair. A delisted pool's LP token is refused (`PoolDelisted`), so a farm that checks LP
    /// tokens here cannot list it.
    #[returns(PoolRecord)]
    PoolByLpToken { lp_token: String },
    /// Any factory pool, listed or not, with its listing status.
    #[returns(PoolStatusResponse)]
    PoolStatus { pool: String },
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
    /// `permissionless_creation` (kept under this name for existing readers).
    pub permissionless: bool,
    pub pool_count: u64,
    pub cl_pool_code_id: Option<u64>,
}

#[cw_serde]
pub struct CreationRulesResponse {
    pub kind: PoolKind,
    pub permissionless_creation: bool,
    /// Weighted pools: the fees a non-owner may choose, ascending (empty for other kinds).
    pub fee_tiers_bps: Vec<u16>,
    /// Concentrated pools: the (fee, tick spacing) tiers a non-owner may choose, by fee
    /// (empty for other kinds).
    #[serde(default)]
    pub cl_fee_tiers: Vec<FeeTier>,
    /// The oracle every pool created by a non-owner gets.
    pub oracle: OracleConfig,
}

/// The factory's record of a pool.
#[cw_serde]
pub struct PoolRecord {
    pub id: u64,
    pub address: String,
    /// In the pool's order (a concentrated pool's token0, token1).
    pub assets: [AssetInfo; 2],
    pub params: PoolParams,
}

/// What a pool is, by kind.
#[cw_serde]
pub enum PoolParams {
    Weighted {
        lp_token: String,
        /// In the order of `assets`.
        weights: [Decimal; 2],
        swap_fee_bps: u16,
    },
    /// The pool contract is also its positions' cw721 collection: there is no LP token.
    Concentrated { fee_tier: FeeTier },
}

impl PoolRecord {
    pub fn kind(&self) -> PoolKind {
        match self.params {
            PoolParams::Weighted { .. } => PoolKind::Weighted,
            PoolParams::Concentrated { .. } => PoolKind::Concentrated,
        }
    }

    /// A weighted pool's LP token.
    pub fn lp_token(&self) -> Option<&str> {
        match &self.params {
            PoolParams::Weighted { lp_token, .. } => Some(lp_token),
            PoolParams::Concentrated { .. } => None,
        }
    }

    /// Whether `asset` is one of the pool's two.
    pub fn trades(&self, asset: &AssetInfo) -> bool {
        self.assets.contains(asset)
    }

    /// Whether the pool trades exactly `a` and `b`, in either order.
    pub fn is_pair(&self, a: &AssetInfo, b: &AssetInfo) -> bool {
        (&self.assets[0] == a && &self.assets[1] == b)
            || (&self.assets[0] == b && &self.assets[1] == a)
    }
}

#[cw_serde]
pub struct PoolStatusResponse {
    pub pool: PoolRecord,
    pub kind: PoolKind,
    /// False once the owner delisted it: routers and farms must not use it.
    pub listed: bool,
}

#[cw_serde]
pub struct PoolsResponse {
    pub pools: Vec<PoolRecord>,
}

#[cw_serde]
pub struct MigrateMsg {}
