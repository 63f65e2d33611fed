//! The one error type of `trellis-math`. Every fallible function returns it instead of panicking.
use cosmwasm_std::Uint128;
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
}
