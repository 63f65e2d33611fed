use cosmwasm_std::{OverflowError, StdError, Uint128};
use cw_ownable::OwnershipError;
use cw_utils::PaymentError;
use thiserror::Error;
use trellis_math::MathError;

/// Every way a voting-escrow message can be refused. Each variant carries the offending values.
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

    #[error("{count} times asked in one query; at most {max}")]
    TooManyTimes { count: usize, max: usize },

    #[error("max_time {max_time} must be between {min} and {max} seconds")]
    InvalidMaxTime { max_time: u64, min: u64, max: u64 },

    #[error("amount must be greater than zero")]
    ZeroAmount,

    #[error("wrong funds: expected {expected}, got {got}")]
    WrongFunds { expected: String, got: String },

    #[error("wrong token: expected {expected}, got {got}")]
    WrongToken { expected: String, got: String },

    #[error("unlock time {unlock_time} rounds down to {rounded}, not after now ({now})")]
    UnlockTimeNotInFuture {
        unlock_time: u64,
        rounded: u64,
        now: u64,
    },

    #[error(
        "unlock time {unlock_time} rounds down to {rounded}, after the latest allowed {latest}"
    )]
    UnlockTimeTooLate {
        unlock_time: u64,
        rounded: u64,
        latest: u64,
    },

    #[error("{user} already has a lock of {amount} until {end}")]
    LockExists {
        user: String,
        amount: Uint128,
        end: u64,
    },

    #[error("{user} has no lock")]
    NoLock { user: String },

    #[error("the lock of {user} expired at {end} (now {now})")]
    LockExpired { user: String, end: u64, now: u64 },

    #[error("new end {requested} (from {unlock_time}) is not after the current end {current}")]
    LockNotExtended {
        unlock_time: u64,
        requested: u64,
        current: u64,
    },

    #[error("the lock ends at {end}; now is {now}")]
    LockNotExpired { end: u64, now: u64 },

    #[error("global history is {weeks_behind} weeks behind; call Checkpoint first")]
    CheckpointRequired { weeks_behind: u64 },

    #[error("at most {max} listeners")]
    TooManyListeners { max: usize },

    #[error("{address} is already a listener")]
    DuplicateListener { address: String },

    #[error("{address} is not a listener")]
    UnknownListener { address: String },

    #[error("unknown reply id {id}")]
    UnknownReply { id: u64 },
}
