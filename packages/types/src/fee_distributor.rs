//! Messages of `contracts/fee-distributor`: protocol fees spread week by week over vote-escrow
//! holders, each week in proportion to ve power at the week's start (Curve).
//!
//! Fees arrive as plain transfers (a `BankMsg::Send` or a cw20 `Transfer`, which is what the
//! weighted pool's `CollectProtocolFees` sends). Anyone then calls `CheckpointToken {}`: the
//! balance increase of each configured token since the last checkpoint is spread over the time
//! since that checkpoint, week by week, in proportion to time. Native fees may also be attached
//! to `CheckpointToken {}` directly.
//!
//! A week whose total ve power at its start is zero receives nothing: its share stays in the
//! contract, unbooked, and is spread again by the next checkpoint over the time since this one
//! (so it lands in later weeks that have power). `Totals {}` shows it as `unbooked`.
use cosmwasm_schema::{cw_serde, QueryResponses};
use cosmwasm_std::Uint128;
use cw_ownable::{cw_ownable_execute, cw_ownable_query};

use crate::asset::AssetInfo;

#[cw_serde]
pub struct InstantiateMsg {
    pub owner: String,
    /// The vote-escrow contract queried for `UserPower` and `TotalPower`.
    pub voting_escrow: String,
    /// The fee tokens distributed (at least one, at most `MAX_TOKENS`, no duplicates).
    pub tokens: Vec<AssetInfo>,
    /// First week distributed; rounded down to a whole week. Not before the escrow's first
    /// week (no power exists earlier) and at most `MAX_START_AHEAD_WEEKS` weeks after the
    /// current one.
    pub start_time: u64,
}

#[cw_ownable_execute]
#[cw_serde]
pub enum ExecuteMsg {
    /// Anyone: book each token's balance increase since the last checkpoint into weeks
    /// (bounded: at most `MAX_WEEKS_PER_CHECKPOINT` weeks per call; call again to resume).
    /// Native coins of configured tokens may be attached.
    CheckpointToken {},
    /// Anyone: pay `user` (default: the sender) its share of every complete week from its
    /// cursor on, at most `limit_weeks` (default and maximum `MAX_WEEKS_PER_CLAIM`) weeks,
    /// plus whatever an earlier claim failed to transfer. A user's cursor starts at the week
    /// of its first ve point. Each token is sent on its own: a token whose transfer fails
    /// keeps that amount owed to the user (claimable later) and does not stop the others.
    Claim {
        user: Option<String>,
        limit_weeks: Option<u32>,
    },
    /// Owner: send the whole balance of `asset` to `recipient`. Only for assets that are not
    /// fee tokens (sent by mistake): every unit of a fee token is owed or waits to be booked.
    Sweep { asset: AssetInfo, recipient: String },
}

#[cw_ownable_query]
#[cw_serde]
#[derive(QueryResponses)]
pub enum QueryMsg {
    #[returns(ConfigResponse)]
    Config {},
    /// What `Claim` for `user` with the default week limit would pay now (failed transfers
    /// of earlier claims included).
    #[returns(ClaimableResponse)]
    Claimable { user: String },
    /// Fees booked per week for `token`, week starts ascending after `start_after`.
    #[returns(TokensPerWeekResponse)]
    TokensPerWeek {
        token: AssetInfo,
        start_after: Option<u64>,
        limit: Option<u32>,
    },
    /// The first week `user` has not claimed yet (before any claim: the week of its first ve
    /// point, or the last complete week's end if it has none yet).
    #[returns(UserCursorResponse)]
    UserCursor { user: String },
    /// Per token: booked, claimed, and what sits in the contract unbooked.
    #[returns(TotalsResponse)]
    Totals {},
}

#[cw_serde]
pub struct ConfigResponse {
    pub voting_escrow: String,
    pub tokens: Vec<AssetInfo>,
    pub start_time: u64,
    /// Fees are booked up to this time; weeks ending at or before it are claimable.
    pub last_token_time: u64,
}

#[cw_serde]
pub struct TokenAmount {
    pub token: AssetInfo,
    pub amount: Uint128,
}

#[cw_serde]
pub struct ClaimableResponse {
    /// One entry per configured token, in config order (zero amounts included).
    pub amounts: Vec<TokenAmount>,
    /// Where the user's cursor would stand after such a claim.
    pub next_cursor: u64,
}

#[cw_serde]
pub struct WeekFees {
    pub week_start: u64,
    pub amount: Uint128,
}

#[cw_serde]
pub struct TokensPerWeekResponse {
    pub weeks: Vec<WeekFees>,
}

#[cw_serde]
pub struct UserCursorResponse {
    pub week: u64,
}

#[cw_serde]
pub struct TokenTotals {
    pub token: AssetInfo,
    /// Ever booked into weeks.
    pub booked: Uint128,
    /// Ever paid to users.
    pub claimed: Uint128,
    /// In the contract but not yet booked: new receipts and shares of zero-power weeks.
    pub unbooked: Uint128,
}

#[cw_serde]
pub struct TotalsResponse {
    pub tokens: Vec<TokenTotals>,
}

#[cw_serde]
pub struct MigrateMsg {}
