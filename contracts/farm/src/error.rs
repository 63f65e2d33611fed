use cosmwasm_std::{StdError, Uint128};
use cw_ownable::OwnershipError;
use cw_utils::PaymentError;
use thiserror::Error;
use trellis_math::MathError;

/// Every way a farm message can be refused. Each variant carries the offending values.
#[derive(Error, Debug, PartialEq)]
pub enum ContractError {
    #[error(transparent)]
    Std(#[from] StdError),

    #[error(transparent)]
    Ownership(#[from] OwnershipError),

    #[error(transparent)]
    Payment(#[from] PaymentError),

    #[error(transparent)]
    Math(#[from] MathError),

    #[error("amount must be greater than zero")]
    ZeroAmount,

    #[error("weight {weight} is above the maximum {max}")]
    WeightTooLarge { weight: u64, max: u64 },

    #[error("weight must be greater than zero when adding a pool")]
    ZeroWeight,

    #[error("unknown pool {pool_id}")]
    UnknownPool { pool_id: u64 },

    #[error("pool {pool_id} is deactivated")]
    PoolInactive { pool_id: u64 },

    #[error("asset {asset} already has pool {pool_id}")]
    DuplicatePool { asset: String, pool_id: u64 },

    #[error("an LP pool's two pair assets must differ (got {asset} twice)")]
    SamePairAssets { asset: String },

    #[error("wrong token: expected {expected}, got {got}")]
    WrongToken { expected: String, got: String },

    #[error("pool {pool_id} stakes {asset}; deposit it through {via}")]
    WrongDepositPath {
        pool_id: u64,
        asset: String,
        via: &'static str,
    },

    #[error("cannot withdraw {requested} from pool {pool_id}: only {staked} staked")]
    InsufficientStake {
        pool_id: u64,
        requested: Uint128,
        staked: Uint128,
    },

    #[error("nothing staked in pool {pool_id}")]
    NoStake { pool_id: u64 },

    #[error("too many pools in one call: {count} > {max}")]
    TooManyPools { count: usize, max: usize },

    #[error("the farm holds the most pools it may ({max}): reports add every pool's books")]
    PoolLimit { max: u64 },

    #[error("no position is left in the old storage layout")]
    NothingToMigrate,

    #[error("the same pool {pool_id} is listed twice")]
    DuplicatePoolId { pool_id: u64 },

    #[error("no pools listed")]
    EmptyPoolList,

    #[error("this farm mints its reward; there is no reserve to fund or roll over")]
    NotAReserveFarm,

    #[error("only {available} undistributed, {requested} requested")]
    InsufficientUndistributed {
        requested: Uint128,
        available: Uint128,
    },

    #[error("overflow: {0}")]
    Overflow(&'static str),

    #[error(
        "policy max_solo_share: solo weight {solo_weight} of total {total_weight} is {share_bps} bps, above the maximum {max_bps} bps"
    )]
    SoloShareExceeded {
        solo_weight: u64,
        total_weight: u64,
        share_bps: u64,
        max_bps: u32,
    },

    #[error(
        "policy native_pairs_outweigh: native pool {native_pool} weighs {native_weight}, not more than non-native pool {other_pool} with {other_weight}"
    )]
    NativePairNotHeavier {
        native_pool: u64,
        native_weight: u64,
        other_pool: u64,
        other_weight: u64,
    },

    #[error("invalid policy: max_solo_share_bps {max_bps} must be below 5000 (solo pools get less than LP pools)")]
    InvalidSoloShare { max_bps: u32 },

    #[error("{lp_token} is not an LP token of the pool factory")]
    NotFactoryLpToken { lp_token: String },

    #[error("declared pair {declared} differs from the factory pool's pair {actual}")]
    PairMismatch { declared: String, actual: String },

    #[error("the factory's protocol token {factory} differs from the policy's {policy}")]
    ProtocolTokenMismatch { factory: String, policy: String },

    #[error("pool {pool_id} is more than {max_weeks} weeks behind: call CheckpointPool first")]
    CheckpointRequired { pool_id: u64, max_weeks: u64 },

    #[error("a gauge-split farm takes pool shares from the gauge controller: weight must be 0, got {weight}")]
    GaugeSplitWeight { weight: u64 },

    #[error("a gauge-split farm needs the time clock (gauge weights are per week)")]
    GaugeSplitNeedsTime,

    #[error("this farm splits emission by allocation weights, not gauges")]
    NotGaugeSplit,

    #[error("gauge {gauge} is not registered with the gauge controller: add it there first")]
    GaugeNotRegistered { gauge: String },

    #[error("tokenless share {pct}% is above 100%")]
    InvalidTokenlessShare { pct: u8 },

    #[error("a boosted pool (tokenless share {pct}% < 100%) needs the farm's voting escrow")]
    BoostWithoutEscrow { pct: u8 },

    #[error("pool {pool_id} is not boosted: nothing to kick")]
    PoolNotBoosted { pool_id: u64 },

    #[error("kick refused in pool {pool_id}: a third party may only lower a boost after the owner's ve power fell (power {power}, at last refresh {power_at_refresh}; working {working} would become {would_be})")]
    KickNotAllowed {
        pool_id: u64,
        power: Uint128,
        power_at_refresh: Uint128,
        working: Uint128,
        would_be: Uint128,
    },

    #[error(
        "nothing to sweep: the farm holds {balance} {asset} and its books account for {booked}"
    )]
    NothingToSweep {
        asset: String,
        balance: Uint128,
        booked: Uint128,
    },

    #[error("unauthorized: only the voting escrow sends lock-change notices")]
    NotVotingEscrow,

    #[error(transparent)]
    InvalidMigration(#[from] trellis_types::migrate::MigrationRefused),
}
