//! The one error type of `trellis-math`. Every fallible function returns it instead of panicking.
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
}
