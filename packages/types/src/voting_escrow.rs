//! Messages of `contracts/voting-escrow`: lock a token (typically the 80/20 pool's LP token) for
//! voting power that decays linearly to the lock end (Curve semantics).
//!
//! Times are block seconds. A lock's end is rounded down to a whole `WEEK`. Power is a line:
//! `slope = amount / max_time` (floored), `bias = slope * (end - t)`, power at `t` is
//! `max(bias - slope * (t - ts), 0)`.
use cosmwasm_schema::{cw_serde, QueryResponses};
use cosmwasm_std::Uint128;
use cw20::Cw20ReceiveMsg;
use cw_ownable::{cw_ownable_execute, cw_ownable_query};

use crate::asset::AssetInfo;

/// One week in seconds: lock ends and the global walk are on week boundaries.
pub const WEEK: u64 = 604_800;

#[cw_serde]
pub struct InstantiateMsg {
    pub owner: String,
    /// The token locked (native or cw20).
    pub lock_token: AssetInfo,
    /// Longest lock in seconds; `None`: 4 x 365 days. At least one week.
    pub max_time: Option<u64>,
}

#[cw_ownable_execute]
#[cw_serde]
pub enum ExecuteMsg {
    /// Lock the native coin attached until `unlock_time` (rounded down to a week).
    CreateLock { unlock_time: u64 },
    /// Add the native coin attached to the sender's unexpired lock.
    IncreaseAmount {},
    /// Add the native coin attached to `user`'s unexpired lock (anyone may).
    DepositFor { user: String },
    /// Move the sender's lock end later (rounded down to a week, at most `max_time` ahead).
    IncreaseUnlockTime { unlock_time: u64 },
    /// Take the whole amount back after the lock's end.
    Withdraw {},
    /// Anyone: bring the global history up to now (bounded; call again to resume).
    Checkpoint {},
    /// cw20 entry for cw20 lock tokens: [`ReceiveMsg`] in `msg`.
    Receive(Cw20ReceiveMsg),
    /// Owner: register a contract notified on every lock change (bounded number).
    AddListener { address: String },
    /// Owner: stop notifying a contract.
    RemoveListener { address: String },
}

#[cw_serde]
pub enum ReceiveMsg {
    CreateLock { unlock_time: u64 },
    IncreaseAmount {},
    DepositFor { user: String },
}

/// Sent to every listener after a user's lock changed (as a sub-message whose failure is
/// ignored, so a listener can never block the user).
#[cw_serde]
pub enum ListenerMsg {
    LockChanged { user: String },
}

#[cw_ownable_query]
#[cw_serde]
#[derive(QueryResponses)]
pub enum QueryMsg {
    #[returns(ConfigResponse)]
    Config {},
    /// The user's lock (zero amount when none).
    #[returns(LockResponse)]
    Lock { user: String },
    /// The user's power at `time` (default now), past or future.
    #[returns(PowerResponse)]
    UserPower { user: String, time: Option<u64> },
    /// Total power at `time` (default now), past or future.
    #[returns(PowerResponse)]
    TotalPower { time: Option<u64> },
    /// The user's power at each of `times` (at most `MAX_TIMES_PER_QUERY`), in order: one
    /// query where a fee claim would otherwise make one per week.
    #[returns(PowersResponse)]
    UserPowers { user: String, times: Vec<u64> },
    /// Total power at each of `times` (at most `MAX_TIMES_PER_QUERY`), in order.
    #[returns(PowersResponse)]
    TotalPowers { times: Vec<u64> },
    /// The user's power and the total power now, in one query: what a boost needs.
    #[returns(PowerShareResponse)]
    PowerShare { user: String },
    /// The user's slope and lock end: what a gauge vote weighs.
    #[returns(UserSlopeResponse)]
    UserSlope { user: String },
    /// The user's history points, oldest first, paginated by index.
    #[returns(PointsResponse)]
    UserPoints {
        user: String,
        start_after: Option<u64>,
        limit: Option<u32>,
    },
    #[returns(ListenersResponse)]
    Listeners {},
    /// When the escrow's history starts (its first global point, written at instantiation):
    /// no power exists before it.
    #[returns(HistoryStartResponse)]
    HistoryStart {},
}

#[cw_serde]
pub struct HistoryStartResponse {
    pub time: u64,
}

#[cw_serde]
pub struct ConfigResponse {
    pub lock_token: AssetInfo,
    pub max_time: u64,
}

#[cw_serde]
pub struct LockResponse {
    pub amount: Uint128,
    /// Week-rounded end (0 when there is no lock).
    pub end: u64,
}

#[cw_serde]
pub struct PowerResponse {
    pub power: Uint128,
    pub time: u64,
}

/// Most times one `UserPowers` / `TotalPowers` query answers.
pub const MAX_TIMES_PER_QUERY: usize = 64;

#[cw_serde]
pub struct PowersResponse {
    /// One per requested time, in the order asked.
    pub powers: Vec<Uint128>,
}

#[cw_serde]
pub struct PowerShareResponse {
    pub user_power: Uint128,
    pub total_power: Uint128,
    pub time: u64,
}

#[cw_serde]
pub struct UserSlopeResponse {
    pub slope: Uint128,
    pub end: u64,
}

/// A line: power at `t >= ts` is `max(bias - slope * (t - ts), 0)`.
#[cw_serde]
#[derive(Copy, Default, Eq)]
pub struct Point {
    pub bias: Uint128,
    pub slope: Uint128,
    pub ts: u64,
}

#[cw_serde]
pub struct PointsResponse {
    pub points: Vec<Point>,
}

#[cw_serde]
pub struct ListenersResponse {
    pub listeners: Vec<String>,
}

#[cw_serde]
pub struct MigrateMsg {}
