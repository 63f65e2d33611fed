use cosmwasm_std::{StdError, Uint128, Uint256};
use cw721::error::Cw721ContractError;
use cw_ownable::OwnershipError;
use cw_utils::PaymentError;
use thiserror::Error;
use trellis_math::MathError;

/// Every way a pool message can be refused. Each variant carries the offending values.
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

    #[error(transparent)]
    Cw721(#[from] Cw721ContractError),

    #[error(transparent)]
    InvalidMigration(#[from] trellis_types::migrate::MigrationRefused),

    // --- creation ---
    #[error("a pool needs two different assets (got {asset} twice)")]
    SameAssets { asset: String },

    #[error("fee {fee_pips} pips must be below 1000000")]
    InvalidFee { fee_pips: u32 },

    #[error("tick spacing {tick_spacing} must be between 1 and {max}")]
    InvalidTickSpacing { tick_spacing: i32, max: i32 },

    #[error("protocol fee share {share_bps} bps is above the maximum {max} bps")]
    ProtocolFeeShareTooHigh { share_bps: u16, max: u16 },

    #[error("oracle capacity {capacity} must be between 1 and {max}")]
    InvalidOracleCapacity { capacity: u32, max: u32 },

    #[error("oracle minimum sample spacing must be at least 1 second (got {spacing})")]
    InvalidOracleSpacing { spacing: u64 },

    #[error("the pool's price is already set")]
    AlreadyInitialized,

    #[error("the pool's price is not set yet")]
    NotInitialized,

    #[error("sqrt price {sqrt_price} is outside [MIN_SQRT_PRICE, MAX_SQRT_PRICE)")]
    SqrtPriceOutOfRange { sqrt_price: Uint256 },

    // --- ranges and liquidity ---
    #[error("tick {tick} is outside [-887272, 887272]")]
    TickOutOfRange { tick: i32 },

    #[error("tick {tick} is not a multiple of the tick spacing {tick_spacing}")]
    TickNotOnSpacing { tick: i32, tick_spacing: i32 },

    #[error("lower tick {lower} must be below upper tick {upper}")]
    InvalidRange { lower: i32, upper: i32 },

    #[error("the amounts pay for no liquidity")]
    ZeroLiquidity,

    #[error("tick {tick} would hold {liquidity} gross liquidity, above the maximum {max}")]
    TickLiquidityOverflow {
        tick: i32,
        liquidity: Uint128,
        max: Uint128,
    },

    #[error("position {token_id} has {liquidity} liquidity, less than {requested}")]
    InsufficientPositionLiquidity {
        token_id: String,
        liquidity: Uint128,
        requested: Uint128,
    },

    #[error("position {token_id} does not exist")]
    PositionNotFound { token_id: String },

    #[error(
        "position {token_id} still has liquidity {liquidity} or tokens owed {owed_0}/{owed_1}"
    )]
    PositionNotEmpty {
        token_id: String,
        liquidity: Uint128,
        owed_0: Uint128,
        owed_1: Uint128,
    },

    #[error("{sender} is neither the owner of position {token_id} nor approved for it")]
    NotPositionOwner { token_id: String, sender: String },

    #[error("nothing to collect for position {token_id}")]
    NothingToCollect { token_id: String },

    // --- trading ---
    #[error("{asset} is not an asset of this pool")]
    AssetNotInPool { asset: String },

    #[error("amount must be greater than zero")]
    ZeroAmount,

    #[error("price limit {limit} is not on the {side} side of the current price {current}")]
    PriceLimitWrongSide {
        limit: Uint256,
        current: Uint256,
        side: &'static str,
    },

    #[error("price limit {limit} is at or beyond the end of the price range")]
    PriceLimitOutOfRange { limit: Uint256 },

    #[error("slippage: got {actual}, less than the minimum {minimum}")]
    SlippageExceeded { minimum: Uint128, actual: Uint128 },

    #[error("slippage: asset {asset} would use {actual}, less than the minimum {minimum}")]
    AmountBelowMinimum {
        asset: u8,
        minimum: Uint128,
        actual: Uint128,
    },

    #[error("slippage: costs {actual}, more than the maximum {maximum} sent")]
    MaxInExceeded { maximum: Uint128, actual: Uint128 },

    #[error("deadline {deadline} has passed (block time {now})")]
    DeadlineExpired { deadline: u64, now: u64 },

    #[error("{amount_in} in would pay out nothing")]
    NothingOut { amount_in: Uint128 },

    // --- funds and tokens ---
    #[error("attached {got}{denom}, but the message declares {expected}{denom}")]
    FundsMismatch {
        denom: String,
        expected: Uint128,
        got: Uint128,
    },

    #[error("attached {denom}, which is not a native asset of this pool")]
    UnexpectedFunds { denom: String },

    #[error("cw20 token {token} is not an asset of this pool")]
    UnknownToken { token: String },

    // --- protocol fees ---
    #[error("no fee collector is set")]
    NoFeeCollector,

    #[error("no protocol fees are owed")]
    NoProtocolFees,

    // --- farming ---
    #[error("{sender} is not the pool's farming center")]
    NotFarmingCenter { sender: String },

    #[error("between 1 and {max} ticks per call (got {count})")]
    InvalidMarkCount { count: usize, max: usize },

    #[error("unknown reply id {id}")]
    UnknownReplyId { id: u64 },

    // --- oracle ---
    #[error("TWAP window must be longer than zero seconds")]
    ZeroTwapWindow,

    #[error(
        "TWAP window of {window_secs} s ending {ago_secs} s ago starts before time 0 (now {now})"
    )]
    TwapWindowOutOfRange {
        window_secs: u64,
        ago_secs: u64,
        now: u64,
    },

    #[error(
        "the oracle does not reach back to {requested}: its oldest observation is at {oldest}"
    )]
    OracleWindowNotCovered { requested: u64, oldest: u64 },

    #[error("overflow: {0}")]
    Overflow(&'static str),
}
