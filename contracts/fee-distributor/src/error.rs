use cosmwasm_std::StdError;
use cw_ownable::OwnershipError;
use cw_utils::PaymentError;
use thiserror::Error;
use trellis_math::MathError;

/// Every way a fee-distributor message can be refused. Each variant carries the offending values.
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
    InvalidMigration(#[from] trellis_types::migrate::MigrationRefused),

    #[error("at least one fee token is required")]
    NoTokens,

    #[error("too many fee tokens: {count} > {max}")]
    TooManyTokens { count: usize, max: usize },

    #[error("fee token {token} is listed twice")]
    DuplicateToken { token: String },

    #[error("{token} is not a fee token of this distributor")]
    UnknownToken { token: String },

    #[error("a claim must walk at least one week")]
    ZeroWeekLimit,

    #[error("a claim may walk at most {max} weeks, {limit} asked")]
    WeekLimitTooLarge { limit: u32, max: u32 },

    #[error("nothing to claim for {user}: cursor {cursor}, fees booked up to {last_token_time}")]
    NothingToClaim {
        user: String,
        cursor: u64,
        last_token_time: u64,
    },

    #[error("the contract holds {balance} of {token} but owes {owed}")]
    BalanceBelowOwed {
        token: String,
        balance: cosmwasm_std::Uint128,
        owed: cosmwasm_std::Uint128,
    },

    #[error("overflow: {0}")]
    Overflow(&'static str),

    #[error("start_time {start_time} is before the escrow's first week {escrow_first_week}")]
    StartBeforeEscrow {
        start_time: u64,
        escrow_first_week: u64,
    },

    #[error("start_time {start_time} is after the latest allowed start {latest}")]
    StartTooFarAhead { start_time: u64, latest: u64 },

    #[error("{token} is a fee token: its balance is owed or waits to be booked")]
    FeeTokenNotSweepable { token: String },

    #[error("the contract holds no {asset}")]
    NothingToSweep { asset: String },

    #[error("unknown reply id {id}")]
    UnknownReplyId { id: u64 },
}
