//! The one error type of `trellis-math`. Every fallible function returns it instead of panicking.
use cosmwasm_std::{Uint128, Uint256};
use thiserror::Error;

#[derive(Error, Debug, Clone, PartialEq, Eq)]
pub enum MathError {
    #[error("division by zero")]
    DivideByZero,

    /// A result or intermediate did not fit its integer type. The payload names the operation.
    #[error("overflow in {0}")]
    Overflow(&'static str),

    /// A schedule failed validation; the message names the offending field and its value.
    #[error("invalid schedule: {0}")]
    InvalidSchedule(String),

    #[error("invalid interval: from {from} is after to {to}")]
    InvalidInterval { from: u64, to: u64 },

    /// Pool weights must each be at least 1% and sum to exactly 1e18.
    #[error("invalid pool weights: each must be at least 1% and they must sum to 1")]
    InvalidWeights,

    /// A trade above the pool's per-trade cap (30% of the relevant balance).
    #[error("trade exceeds the {side} ratio cap of the pool")]
    TradeTooLarge { side: &'static str },

    /// A fee in basis points must be below 10_000 (100%).
    #[error("invalid fee: {fee_bps} bps must be below 10000")]
    InvalidFee { fee_bps: u16 },

    /// An amount in, an amount out or an LP amount that must be positive was zero.
    #[error("amount must be greater than zero")]
    ZeroAmount,

    /// A first join whose LP supply would not exceed the locked minimum.
    #[error("initial liquidity {liquidity} must exceed the locked minimum {minimum}")]
    InsufficientLiquidity {
        liquidity: Uint128,
        minimum: Uint128,
    },

    /// An exit of the whole LP supply (or more): part of it is locked forever.
    #[error("cannot exit with {lp_in} LP tokens: the supply is {supply}")]
    ExitExceedsSupply { lp_in: Uint128, supply: Uint128 },

    /// An oracle interpolation outside its samples, or between samples out of order.
    #[error("cannot interpolate at {t} between samples at {t0} and {t1}")]
    InterpolationOutOfRange { t0: u64, t1: u64, t: u64 },

    /// A boost's tokenless share is a percentage: at most 100.
    #[error("invalid tokenless share: {pct}% is above 100%")]
    InvalidTokenlessShare { pct: u8 },

    /// A concentrated-liquidity tick outside `[MIN_TICK, MAX_TICK]`.
    #[error("tick {tick} is outside [-887272, 887272]")]
    TickOutOfRange { tick: i32 },

    /// A sqrt price outside `[MIN_SQRT_PRICE, MAX_SQRT_PRICE)`, the prices that have a tick.
    #[error("sqrt price {sqrt_price} is outside [MIN_SQRT_PRICE, MAX_SQRT_PRICE)")]
    SqrtPriceOutOfRange { sqrt_price: Uint256 },

    /// A Q64.96 sqrt price that is zero where it divides, or does not fit in 160 bits.
    #[error("invalid sqrt price {sqrt_price}: it must be positive and fit in 160 bits")]
    InvalidSqrtPrice { sqrt_price: Uint256 },

    /// A price move through zero liquidity.
    #[error("liquidity must be positive")]
    ZeroLiquidity,

    /// An output the liquidity cannot supply: paying it would take the price to (or past) the
    /// end of its range.
    #[error("the output exceeds what the liquidity can pay")]
    OutputExceedsLiquidity,

    /// A swap fee in hundredths of a bip must be below 1_000_000 (100%).
    #[error("invalid fee: {fee_pips} pips must be below 1000000")]
    InvalidFeePips { fee_pips: u32 },

    /// Adding a liquidity delta went above u128.
    #[error("liquidity {liquidity} plus {delta} overflows u128")]
    LiquidityOverflow { liquidity: u128, delta: i128 },

    /// Subtracting a liquidity delta went below zero.
    #[error("liquidity {liquidity} plus {delta} is below zero")]
    LiquidityUnderflow { liquidity: u128, delta: i128 },

    /// An asset's declared decimals above 18, the precision balances are scaled up to.
    #[error("invalid decimals: {decimals} is above 18")]
    DecimalsTooLarge { decimals: u8 },
}
