use cosmwasm_std::{Decimal, StdError, Uint128};
use cw_ownable::OwnershipError;
use cw_utils::{ParseReplyError, PaymentError};
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
    ParseReply(#[from] ParseReplyError),

    // --- creation ---
    #[error("a pool needs two different assets (got {asset} twice)")]
    SameAssets { asset: String },

    #[error("invalid weights {weight_0} and {weight_1}: each must be at least 1% and they must sum to exactly 1")]
    InvalidWeights {
        weight_0: Decimal,
        weight_1: Decimal,
    },

    #[error("{asset} has {decimals} decimals; at most {max} are supported")]
    DecimalsTooLarge {
        asset: String,
        decimals: u8,
        max: u8,
    },

    #[error("swap fee {fee_bps} bps is above the maximum {max} bps")]
    SwapFeeTooHigh { fee_bps: u16, max: u16 },

    #[error("protocol fee share {share_bps} bps is above the maximum {max} bps")]
    ProtocolFeeShareTooHigh { share_bps: u16, max: u16 },

    #[error("oracle capacity {capacity} must be between 1 and {max}")]
    InvalidOracleCapacity { capacity: u32, max: u32 },

    #[error("oracle minimum sample spacing must be at least 1 second (got {spacing})")]
    InvalidOracleSpacing { spacing: u64 },

    #[error("LP token name {name:?} must be 3 to 50 bytes")]
    InvalidLpTokenName { name: String },

    #[error("LP token symbol {symbol:?} must be 3 to 12 characters of [a-zA-Z-]")]
    InvalidLpTokenSymbol { symbol: String },

    #[error("unknown reply id {id}")]
    UnknownReplyId { id: u64 },

    #[error("the LP token's instantiation reply carries no contract address")]
    MissingLpTokenAddress,

    // --- trading ---
    #[error("{asset} is not an asset of this pool")]
    AssetNotInPool { asset: String },

    #[error("amount must be greater than zero")]
    ZeroAmount,

    #[error("the pool has no liquidity yet")]
    EmptyPool,

    #[error("the first join must deposit both assets (got {amount_0} and {amount_1})")]
    FirstJoinNeedsBothAssets {
        amount_0: Uint128,
        amount_1: Uint128,
    },

    #[error("trade too large ({side} cap of 30%): {amount} against a balance of {balance}")]
    TradeTooLarge {
        /// Which cap of the math was hit ("max in", "max out").
        side: &'static str,
        /// What the caller asked for: the amount in, the amount out, or the LP tokens of a
        /// single-asset exit.
        amount: Uint128,
        /// The pool balance of the asset the cap is measured against.
        balance: Uint128,
    },

    #[error("slippage: got {actual}, less than the minimum {minimum}")]
    SlippageExceeded { minimum: Uint128, actual: Uint128 },

    #[error("slippage: costs {actual}, more than the maximum {maximum} sent")]
    MaxInExceeded { maximum: Uint128, actual: Uint128 },

    #[error("deadline {deadline} has passed (block time {now})")]
    DeadlineExpired { deadline: u64, now: u64 },

    /// A swap or exit so small that, rounded down, it would pay nothing for what it takes.
    #[error("{amount_in} in would pay out nothing")]
    NothingOut { amount_in: Uint128 },

    // --- funds and tokens ---
    #[error("attached {got}{denom}, but max_amounts declares {expected}{denom}")]
    FundsMismatch {
        denom: String,
        expected: Uint128,
        got: Uint128,
    },

    #[error("attached {denom}, which is not a native asset of this pool")]
    UnexpectedFunds { denom: String },

    #[error("cw20 token {token} is neither a pool asset nor its LP token")]
    UnknownToken { token: String },

    #[error("the LP token can only be sent to exit the pool")]
    LpTokenNotAccepted,

    #[error("exits take the LP token {lp_token}, not {token}")]
    NotLpToken { token: String, lp_token: String },

    // --- protocol fees ---
    #[error("no fee collector is set")]
    NoFeeCollector,

    #[error("no protocol fees are owed")]
    NothingToCollect,

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

    #[error("the oracle does not reach back to {requested}: its oldest sample is at {oldest}")]
    OracleWindowNotCovered { requested: u64, oldest: u64 },

    #[error("overflow: {0}")]
    Overflow(&'static str),

    #[error(transparent)]
    InvalidMigration(#[from] trellis_types::migrate::MigrationRefused),
}
