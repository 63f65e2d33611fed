use cosmwasm_std::{Decimal, StdError, Uint256};
use cw_ownable::OwnershipError;
use cw_utils::PaymentError;
use thiserror::Error;

/// Every way a factory message can be refused. Each variant carries the offending values.
#[derive(Error, Debug, PartialEq)]
pub enum ContractError {
    #[error(transparent)]
    Std(#[from] StdError),

    #[error(transparent)]
    Ownership(#[from] OwnershipError),

    #[error(transparent)]
    Payment(#[from] PaymentError),

    #[error("invalid asset {asset}: {reason}")]
    InvalidAsset { asset: String, reason: String },

    #[error("invalid {field} address {address}: {reason}")]
    InvalidAddress {
        field: &'static str,
        address: String,
        reason: String,
    },

    #[error("a pool's two assets must differ (got {asset} twice)")]
    IdenticalAssets { asset: String },

    #[error("weight {weight} of {asset} is below the minimum {min}")]
    WeightTooSmall {
        asset: String,
        weight: Decimal,
        min: Decimal,
    },

    #[error("{asset} has {decimals} decimals; at most {max} are supported")]
    DecimalsTooLarge {
        asset: String,
        decimals: u8,
        max: u8,
    },

    #[error("{asset} was declared with {declared} decimals but the token has {actual}")]
    DecimalsMismatch {
        asset: String,
        declared: u8,
        actual: u8,
    },

    #[error("cannot read the token info of {asset}: {reason}")]
    TokenInfoUnavailable { asset: String, reason: String },

    #[error("weights must sum to exactly 1, got {sum}")]
    WeightsDoNotSumToOne { sum: Decimal },

    #[error("swap fee {swap_fee_bps} bps is above the maximum {max} bps")]
    SwapFeeTooHigh { swap_fee_bps: u16, max: u16 },

    #[error("protocol fee share {share_bps} bps is above the maximum {max} bps")]
    ProtocolFeeShareTooHigh { share_bps: u16, max: u16 },

    #[error("oracle capacity {capacity} is outside 1..={max}")]
    OracleCapacityOutOfRange { capacity: u32, max: u32 },

    #[error("oracle min_sample_spacing must be at least 1 second")]
    ZeroSampleSpacing,

    #[error("{field} must be a stored code id, got 0")]
    ZeroCodeId { field: &'static str },

    #[error("a pool of {assets} with these weights (or this concentrated fee) already exists: pool {existing} at {address}")]
    DuplicatePool {
        existing: u64,
        address: String,
        assets: String,
    },

    #[error("the pair {assets} already has {max} pools, the maximum")]
    TooManyPoolsForPair { assets: String, max: usize },

    #[error("no pool of {assets} with weights {weights}")]
    PoolNotFound { assets: String, weights: String },

    #[error("{lp_token} is not the LP token of a pool of this factory")]
    UnknownLpToken { lp_token: String },

    #[error("unknown reply id {id}")]
    UnknownReplyId { id: u64 },

    #[error("reply to the pool instantiation carries no contract address: {reason}")]
    MissingPoolAddress { reason: String },

    #[error("no pool creation is pending")]
    NoPendingPool,

    #[error("fee {swap_fee_bps} bps is not a fee tier of {kind} pools (allowed: {allowed:?})")]
    FeeTierNotAllowed {
        kind: &'static str,
        swap_fee_bps: u16,
        allowed: Vec<u16>,
    },

    #[error(
        "fee tier {fee_pips} pips / spacing {tick_spacing} is not a concentrated fee tier (allowed: {allowed})"
    )]
    ClFeeTierNotAllowed {
        fee_pips: u32,
        tick_spacing: i32,
        allowed: String,
    },

    #[error("concentrated fee {fee_pips} pips is above the maximum {max}")]
    ClFeeTooHigh { fee_pips: u32, max: u32 },

    #[error("tick spacing {tick_spacing} is outside 1..={max}")]
    TickSpacingOutOfRange { tick_spacing: i32, max: i32 },

    #[error("initial sqrt price {sqrt_price} is outside [MIN_SQRT_PRICE, MAX_SQRT_PRICE)")]
    SqrtPriceOutOfRange { sqrt_price: Uint256 },

    #[error("concentrated fee {fee_pips} pips is given twice")]
    DuplicateClFeeTier { fee_pips: u32 },

    #[error("concentrated pools are not enabled: the owner has not set cl_pool_code_id")]
    ClPoolsNotEnabled,

    #[error(
        "SetFeeTiers takes basis points for weighted pools; use SetClFeeTiers for {kind} pools"
    )]
    WrongFeeTierMessage { kind: &'static str },

    #[error("no listed concentrated pool of {assets} at {fee_pips} pips")]
    ClPoolNotFound { assets: String, fee_pips: u32 },

    #[error("only the owner may choose a pool's oracle; other creators get the factory's")]
    OracleNotConfigurable,

    #[error("at least one fee tier is required")]
    NoFeeTiers,

    #[error("{count} fee tiers, the maximum is {max}")]
    TooManyFeeTiers { count: usize, max: usize },

    #[error("fee tier {fee_bps} bps is given twice")]
    DuplicateFeeTier { fee_bps: u16 },

    #[error("{pool} is not a pool of this factory")]
    UnknownPool { pool: String },

    #[error("pool {pool} (LP token {lp_token}) is delisted")]
    PoolDelisted { pool: String, lp_token: String },

    #[error("pool {pool} is already delisted")]
    AlreadyDelisted { pool: String },

    #[error("pool {pool} is listed")]
    AlreadyListed { pool: String },

    #[error(transparent)]
    InvalidMigration(#[from] trellis_types::migrate::MigrationRefused),
}
