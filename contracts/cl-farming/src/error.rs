use cosmwasm_std::{StdError, Uint128};
use cw_ownable::OwnershipError;
use cw_utils::PaymentError;
use thiserror::Error;
use trellis_math::MathError;

/// Every way a farming message can be refused. Each variant carries the offending values.
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

    #[error("invalid {field} address {address}: {reason}")]
    InvalidAddress {
        field: &'static str,
        address: String,
        reason: String,
    },

    #[error("invalid asset {asset}: {reason}")]
    InvalidAsset { asset: String, reason: String },

    #[error("only the incentive maker may do this")]
    NotIncentiveMaker,

    #[error("{pool} is not a listed concentrated pool of the factory")]
    NotClPool { pool: String },

    #[error("pool {pool} does not report to this farming center (its center is {center:?}, link broken: {broken})")]
    PoolNotLinked {
        pool: String,
        center: Option<String>,
        broken: bool,
    },

    #[error("the link of pool {pool} is healthy: nothing to deactivate")]
    LinkHealthy { pool: String },

    #[error("position {token_id} of {pool} has no liquidity")]
    EmptyPosition { pool: String, token_id: String },

    #[error("no deposit of position {token_id} of {pool}")]
    UnknownDeposit { pool: String, token_id: String },

    #[error("position {token_id} belongs to {owner}")]
    NotDepositOwner { token_id: String, owner: String },

    #[error("farm {farm_id} does not exist")]
    UnknownFarm { farm_id: u64 },

    #[error("farm {farm_id} is on pool {farm_pool}, not {pool}")]
    WrongPool {
        farm_id: u64,
        farm_pool: String,
        pool: String,
    },

    #[error("pool {pool} already has a live {kind} farm: {farm_id}")]
    LiveFarmExists {
        pool: String,
        kind: &'static str,
        farm_id: u64,
    },

    #[error("farm {farm_id} is not live (ended or deactivated)")]
    FarmNotLive { farm_id: u64 },

    #[error("position {token_id} is already in {kind} farm {farm_id}")]
    AlreadyInFarm {
        token_id: String,
        kind: &'static str,
        farm_id: u64,
    },

    #[error("position {token_id} is not in farm {farm_id}")]
    NotInFarm { token_id: String, farm_id: u64 },

    #[error("limit farm {farm_id} started at {start}: entries close at the start")]
    LimitFarmStarted { farm_id: u64, start: u64 },

    #[error("limit farm {farm_id} ends at {end}: its positions are locked until then")]
    LimitFarmNotEnded { farm_id: u64, end: u64 },

    #[error("position {token_id} is in farm {farm_id}: exit first")]
    StillFarmed { token_id: String, farm_id: u64 },

    #[error("range of {width} ticks is narrower than the farm's minimum {min_width}")]
    RangeTooNarrow { width: u32, min_width: u32 },

    #[error("a farm needs a positive reward amount")]
    ZeroReward,

    #[error("an eternal farm needs a positive reward rate for every token it pays")]
    ZeroRate,

    #[error("the bonus token must differ from the reward token ({token})")]
    SameRewardAndBonus { token: String },

    #[error("this farm pays no bonus token")]
    NoBonusToken,

    #[error("limit farm times are invalid: start {start}, end {end}, now {now} (start after now, end after start, at most {max_duration} s)")]
    InvalidLimitTimes {
        start: u64,
        end: u64,
        now: u64,
        max_duration: u64,
    },

    #[error("tiers must be 1 to {max}, with amounts and multipliers strictly increasing, multipliers in {min_bps}..={max_bps} bps")]
    InvalidTiers {
        max: usize,
        min_bps: u32,
        max_bps: u32,
    },

    #[error("{tokens_locked} locked reaches no tier (the first needs {first})")]
    BelowFirstTier {
        tokens_locked: Uint128,
        first: Uint128,
    },

    #[error("this farm has no tiers: lock nothing")]
    NoTiers,

    #[error("effective liquidity overflows")]
    LiquidityOverflow,

    #[error("{kind} farm {farm_id}: this works on the other kind only")]
    WrongKind { farm_id: u64, kind: &'static str },

    #[error("asked to take {requested} but only {available} is left")]
    InsufficientReserve {
        requested: Uint128,
        available: Uint128,
    },

    #[error("expected funds {expected}, got {got}")]
    WrongFunds { expected: String, got: String },

    #[error("nothing to refund")]
    NothingToRefund,

    #[error("nothing to claim")]
    NothingToClaim,

    #[error("only a pool with farms here may report crossings (sender {sender})")]
    UnknownReporter { sender: String },

    #[error("malformed deposit message: {reason}")]
    InvalidDepositMsg { reason: String },

    #[error("unknown reply id {id}")]
    UnknownReplyId { id: u64 },

    #[error(transparent)]
    InvalidMigration(#[from] trellis_types::migrate::MigrationRefused),
}
