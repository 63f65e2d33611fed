//! Messages of `contracts/gauge-controller`: vote-escrow holders split 10,000 bps of their ve
//! slope across gauges; each gauge's weight is a decaying line, gauges sit in types whose
//! weights are a risk dial, and a gauge's share of emissions is its relative weight per week
//! (Curve semantics with its faults fixed).
//!
//! Gauge ids are strings so that any emission target can be a gauge: a farm pool is
//! `"farm:<farm address>:<pool id>"`, a later concentrated-liquidity eternal farm can take
//! its own prefix. The controller only checks the id is non-empty and short.
//!
//! Every vote, type-weight and gauge-weight change takes effect at the next week boundary;
//! weights of past weeks never change.
use cosmwasm_schema::{cw_serde, QueryResponses};
use cosmwasm_std::{Decimal, Uint128, Uint256};
use cw_ownable::{cw_ownable_execute, cw_ownable_query};

/// A gauge's id (see the module docs for the naming convention).
pub type GaugeId = String;

/// 100% of a user's voting slope, in basis points.
pub const MAX_VOTE_BPS: u16 = 10_000;
/// Default shortest time between two votes of one user for one gauge: 10 days.
pub const DEFAULT_VOTE_DELAY: u64 = 10 * 86_400;

#[cw_serde]
pub struct InstantiateMsg {
    pub owner: String,
    /// The voting escrow queried for `UserSlope { user }`.
    pub voting_escrow: String,
    /// Seconds between two votes of one user for one gauge; `None`: [`DEFAULT_VOTE_DELAY`].
    pub vote_delay: Option<u64>,
}

#[cw_ownable_execute]
#[cw_serde]
pub enum ExecuteMsg {
    /// Owner: a new gauge type (risk class) with a non-zero weight from the next week on.
    AddType { name: String, weight: Uint128 },
    /// Owner: the type's weight from the next week on (zero switches the class off).
    ChangeTypeWeight { gauge_type: u32, weight: Uint128 },
    /// Owner: a new gauge in an existing type, optionally capped.
    AddGauge {
        gauge: GaugeId,
        gauge_type: u32,
        /// Largest relative weight the gauge may receive; the excess is not redistributed.
        cap: Option<Decimal>,
    },
    /// Owner: set or remove a gauge's cap from the next week on (the weights of a week that
    /// has started never change).
    SetGaugeCap {
        gauge: GaugeId,
        cap: Option<Decimal>,
    },
    /// Owner: replace a gauge's weight from the next week on by a constant `weight`. The
    /// votes cast on it before stop counting (their scheduled slope changes are cleared with
    /// them, so nothing can underflow later); their voters may re-vote at once.
    ChangeGaugeWeight { gauge: GaugeId, weight: Uint128 },
    /// Owner: kill a gauge for good: its weight leaves its type sum and the total from the
    /// next week on; its voters may only remove their votes.
    KillGauge { gauge: GaugeId },
    /// Give `weight_bps` of the sender's ve slope to `gauge` from the next week on
    /// (0 removes the vote, allowed even with an expired lock or a killed gauge).
    VoteForGaugeWeights { gauge: GaugeId, weight_bps: u16 },
    /// Anyone: bring a gauge and its type (or, with `None`, every type) closer to the next
    /// week, a bounded number of weeks per call; call again to resume.
    Checkpoint { gauge: Option<GaugeId> },
}

#[cw_ownable_query]
#[cw_serde]
#[derive(QueryResponses)]
pub enum QueryMsg {
    #[returns(ConfigResponse)]
    Config {},
    #[returns(GaugeTypesResponse)]
    GaugeTypes {
        start_after: Option<u32>,
        limit: Option<u32>,
    },
    #[returns(GaugesResponse)]
    Gauges {
        start_after: Option<GaugeId>,
        limit: Option<u32>,
    },
    /// The gauge's weight at `time` (default now) rounded down to a week.
    #[returns(WeightResponse)]
    GaugeWeight { gauge: GaugeId, time: Option<u64> },
    /// The sum of the live gauges' weights of a type at `time` (default now), per week.
    #[returns(WeightResponse)]
    TypeSum { gauge_type: u32, time: Option<u64> },
    /// Sum over types of type weight x type sum at `time` (default now), per week.
    #[returns(TotalWeightResponse)]
    TotalWeight { time: Option<u64> },
    /// type weight x gauge weight / total weight at `time` (default now), per week, floored,
    /// then capped.
    #[returns(RelativeWeightResponse)]
    RelativeWeight { gauge: GaugeId, time: Option<u64> },
    #[returns(UserVoteResponse)]
    UserVote { user: String, gauge: GaugeId },
    #[returns(UserVotesResponse)]
    UserVotes {
        user: String,
        start_after: Option<GaugeId>,
        limit: Option<u32>,
    },
    /// Bps of the user's slope allocated to gauges (at most 10,000).
    #[returns(VotePowerUsedResponse)]
    VotePowerUsed { user: String },
}

#[cw_serde]
pub struct ConfigResponse {
    pub voting_escrow: String,
    pub vote_delay: u64,
}

#[cw_serde]
pub struct GaugeTypeResponse {
    pub gauge_type: u32,
    pub name: String,
    /// The latest weight set (effective from the week it was set for).
    pub weight: Uint128,
}

#[cw_serde]
pub struct GaugeTypesResponse {
    pub gauge_types: Vec<GaugeTypeResponse>,
}

#[cw_serde]
pub struct GaugeResponse {
    pub gauge: GaugeId,
    pub gauge_type: u32,
    pub killed: bool,
    pub cap: Option<Decimal>,
}

#[cw_serde]
pub struct GaugesResponse {
    pub gauges: Vec<GaugeResponse>,
}

#[cw_serde]
pub struct WeightResponse {
    pub weight: Uint128,
    /// The week start the weight is for.
    pub week: u64,
}

#[cw_serde]
pub struct TotalWeightResponse {
    pub weight: Uint256,
    pub week: u64,
}

#[cw_serde]
pub struct RelativeWeightResponse {
    pub relative_weight: Decimal,
    pub week: u64,
}

#[cw_serde]
pub struct UserVoteResponse {
    pub gauge: GaugeId,
    /// The part of the user's slope given to the gauge (floored).
    pub slope: Uint128,
    pub weight_bps: u16,
    /// The lock end the vote decays to.
    pub end: u64,
    /// Time of the user's last vote for this gauge (0: never).
    pub last_vote_time: u64,
    /// False once an admin weight change or a kill cleared the vote from the gauge's weight.
    pub counting: bool,
}

#[cw_serde]
pub struct UserVotesResponse {
    pub votes: Vec<UserVoteResponse>,
}

#[cw_serde]
pub struct VotePowerUsedResponse {
    pub weight_bps: u16,
}

#[cw_serde]
pub struct MigrateMsg {}
