use cosmwasm_std::{StdError, Uint128};
use cw_ownable::OwnershipError;
use thiserror::Error;
use trellis_math::MathError;

/// Every way an options-token message can be refused. Each variant carries the offending values.
#[derive(Error, Debug, PartialEq)]
pub enum ContractError {
    #[error(transparent)]
    Std(#[from] StdError),

    #[error(transparent)]
    Ownership(#[from] OwnershipError),

    #[error(transparent)]
    Math(#[from] MathError),

    #[error("cw20: {0}")]
    Cw20(#[from] cw20_base::ContractError),

    #[error(transparent)]
    Payment(#[from] cw_utils::PaymentError),

    #[error("amount must be greater than zero")]
    ZeroAmount,

    #[error("cannot exercise {amount}: balance is {balance}")]
    InsufficientBalance { amount: Uint128, balance: Uint128 },

    #[error("wrong payment token: expected {expected}, got {got}")]
    WrongPaymentToken { expected: String, got: String },

    #[error("wrong token for the reserve: expected {expected}, got {got}")]
    WrongReserveToken { expected: String, got: String },

    #[error("payment {payment} exceeds max_payment {max_payment}")]
    SlippageExceeded {
        payment: Uint128,
        max_payment: Uint128,
    },

    #[error("sent {sent}, less than the payment {payment}")]
    InsufficientPayment { sent: Uint128, payment: Uint128 },

    #[error("sent {sent}, more than max_payment {max_payment}")]
    TooMuchPayment { sent: Uint128, max_payment: Uint128 },

    #[error("deadline {deadline} has passed (now {now})")]
    DeadlineExpired { deadline: u64, now: u64 },

    #[error("the oracle cannot price the window: {reason}")]
    OracleUnavailable { reason: String },

    #[error("the pool {pool} does not hold both {underlying} and {payment}")]
    PoolAssetsMismatch {
        pool: String,
        underlying: String,
        payment: String,
    },

    #[error("underlying and payment token must differ (both {asset})")]
    SameAssets { asset: String },

    #[error("oracle window {window_secs} s is shorter than the minimum {min} s")]
    WindowTooShort { window_secs: u64, min: u64 },

    #[error(
        "the oracle of pool {pool} (capacity {capacity}, spacing {min_sample_spacing} s) is \
         sure to hold {covered_secs} s of history, less than window + ago = {needed_secs} s"
    )]
    OracleHistoryTooShort {
        pool: String,
        capacity: u32,
        min_sample_spacing: u64,
        covered_secs: u128,
        needed_secs: u128,
    },

    #[error("multiplier {multiplier_bps} bps is outside [{min}, {max}]")]
    MultiplierOutOfBounds {
        multiplier_bps: u32,
        min: u32,
        max: u32,
    },

    #[error("the minimum price must be greater than zero, or options could be exercised for free")]
    ZeroMinPrice,

    #[error("minting {amount} would issue {would_issue}, above the cap {cap}")]
    CapExceeded {
        amount: Uint128,
        would_issue: Uint128,
        cap: Uint128,
    },

    #[error("the reserve holds {available}, {requested} requested")]
    InsufficientReserve {
        requested: Uint128,
        available: Uint128,
    },

    #[error(
        "cannot withdraw {requested} from the reserve: {withdrawable} is withdrawable, \
         {promised} is promised to outstanding options"
    )]
    ReservePromised {
        requested: Uint128,
        withdrawable: Uint128,
        promised: Uint128,
    },

    #[error("mint delivery needs a cw20 underlying (got {underlying})")]
    MintNeedsCw20 { underlying: String },

    #[error("this token mints its underlying; there is no reserve to fund")]
    NotAReserve,

    #[error("no change requested")]
    NothingToUpdate,

    #[error("overflow: {0}")]
    Overflow(&'static str),

    #[error(transparent)]
    InvalidMigration(#[from] trellis_types::migrate::MigrationRefused),
}
