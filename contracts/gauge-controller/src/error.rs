use cosmwasm_std::{OverflowError, StdError, Uint128};
use cw_ownable::OwnershipError;
use cw_utils::PaymentError;
use thiserror::Error;
use trellis_math::MathError;

/// Every way a gauge-controller message can be refused. Each variant carries the offending
/// values.
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
    Overflow(#[from] OverflowError),

    #[error(transparent)]
    InvalidMigration(#[from] trellis_types::migrate::MigrationRefused),

    #[error("gauge id {gauge:?} must be 1 to {max} bytes")]
    InvalidGaugeId { gauge: String, max: usize },

    #[error("type name {name:?} must be 1 to {max} bytes")]
    InvalidTypeName { name: String, max: usize },

    #[error("a new gauge type needs a non-zero weight")]
    ZeroTypeWeight,

    #[error("at most {max} gauge types")]
    TooManyTypes { max: u32 },

    #[error("unknown gauge type {gauge_type}")]
    UnknownType { gauge_type: u32 },

    #[error("unknown gauge {gauge}")]
    UnknownGauge { gauge: String },

    #[error("gauge {gauge} already exists")]
    DuplicateGauge { gauge: String },

    #[error("gauge {gauge} is killed")]
    GaugeKilled { gauge: String },

    #[error("cap {cap} must be above 0 and at most 1")]
    InvalidCap { cap: String },

    #[error("vote of {weight_bps} bps is above 10000")]
    VoteAboveMax { weight_bps: u16 },

    #[error("votes would use {used} bps of the slope, above 10000")]
    VotePowerExceeded { used: u32 },

    #[error("vote for {gauge} changed at {last}; next change allowed at {next_allowed}")]
    VoteTooSoon {
        gauge: String,
        last: u64,
        next_allowed: u64,
    },

    #[error("lock (slope {slope}) ends at {end}, not after the next week {next_week}")]
    LockTooShort {
        slope: Uint128,
        end: u64,
        next_week: u64,
    },

    #[error("lock ends at {end}, more than {max_horizon} s after the next week {next_week}")]
    LockTooLong {
        end: u64,
        next_week: u64,
        max_horizon: u64,
    },

    #[error("weights are behind the next week {next_week}; call Checkpoint first")]
    CheckpointRequired { next_week: u64 },

    #[error("week {week} is more than {max_weeks} weeks past the last checkpoint")]
    QueryTooFar { week: u64, max_weeks: u64 },
}
