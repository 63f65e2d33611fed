//! What a simulation produces: the time series, the event log and the summary. Serialized as
//! `report.json`; every other output (table, CSV, HTML) is rendered from it.
//!
//! Amounts are base units of their token (`Uint128`, JSON strings); times are seconds since the
//! deployment block (`t`), with the farm's clock reading alongside.
pub mod amm;
pub mod cl;
pub mod cl_farm;
pub mod options;
pub mod value;
pub mod ve;

use cosmwasm_std::{Decimal, Uint128};
use serde::Serialize;

pub use amm::{
    AmmCheckSummary, AmmEventRecord, AmmPoolInfo, AmmPoolSummary, AmmSample, TraderSummary,
};
pub use options::{
    ExerciseRecord, OptionsCheck, OptionsInfo, OptionsSample, OptionsSummary, OptionsTally,
};
pub use ve::{BoostComparison, BoostUserRow, GaugeWeek, VeSample, VeSummary, VeUserSummary};

use crate::scenario::plan::TokenPlan;

#[derive(Clone, Debug, Serialize)]
pub struct SimReport {
    pub scenario: ScenarioInfo,
    pub tokens: Vec<TokenPlan>,
    pub pools: Vec<PoolInfo>,
    pub users: Vec<String>,
    /// One sample per step (and at the end, before the final settlement).
    pub samples: Vec<Sample>,
    /// Per user and pool, per sample, for every position that exists at that sample.
    pub positions: Vec<PositionSample>,
    pub events: Vec<EventRecord>,
    /// The weighted pools (empty when the scenario declares none).
    pub amm_pools: Vec<AmmPoolInfo>,
    pub traders: Vec<String>,
    /// Joins, exits and swaps, with the initial liquidity first.
    pub amm_events: Vec<AmmEventRecord>,
    pub summary: Summary,
    /// The concentrated-liquidity part (absent without `[[cl_pools]]`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cl: Option<cl::ClReport>,
    /// The CL farming part (absent without `[[cl_farms]]`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cl_farms: Option<cl_farm::ClFarmReport>,
    /// The farm pools' TVL, reward value and APR, in one quote token at the run's pool prices
    /// (set once the run's samples and summary are complete).
    pub valuation: Option<value::FarmValuation>,
}

#[derive(Clone, Debug, Serialize)]
pub struct ScenarioInfo {
    pub name: String,
    pub description: String,
    pub file: String,
    /// `time` or `height`.
    pub clock: String,
    /// `s` or `block`: the unit of rates and clock readings.
    pub clock_unit: String,
    pub block_secs: u64,
    pub duration_secs: u64,
    pub step_secs: u64,
    pub reward_symbol: String,
    pub reward_decimals: u8,
    /// `mint` or `reserve`.
    pub reward_source: String,
    pub farm_address: String,
    /// The farm clock's reading at the deployment block.
    pub clock_at_start: u64,
}

#[derive(Clone, Debug, Serialize)]
pub struct PoolInfo {
    pub id: u64,
    pub name: String,
    /// `lp` or `solo`.
    pub kind: String,
    pub staking_symbol: String,
    pub staking_decimals: u8,
    pub pair: Option<[String; 2]>,
    /// An LP pool paired with the protocol token (as the farm reports it).
    pub native: bool,
    pub initial_weight: u64,
    /// `none`, `curve` or `foo`.
    pub boost: String,
    pub tokenless_share_pct: u8,
    /// Gauge-split farms: the pool's gauge id and type name.
    pub gauge: Option<String>,
    pub gauge_type: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Sample {
    pub t: u64,
    pub height: u64,
    pub clock: u64,
    pub emitted: Uint128,
    pub claimed: Uint128,
    pub undistributed: Uint128,
    pub recovered: Uint128,
    pub rolled_over: Uint128,
    pub skipped: Uint128,
    pub funded: Uint128,
    pub reserve_available: Option<Uint128>,
    /// Σ pending over every position.
    pub pending: Uint128,
    /// The schedule's rate now, per clock unit.
    pub scheduled_rate: Uint128,
    /// What was actually emitted per clock unit since the previous sample (0 at the first).
    pub emitted_rate: Uint128,
    pub pools: Vec<PoolSample>,
    /// Each amm pool, in `amm_pools` order.
    pub amm_pools: Vec<AmmSample>,
    /// Ve powers (`None` without an escrow).
    pub ve: Option<VeSample>,
    /// The options token (`None` without one).
    pub options: Option<OptionsSample>,
    /// `emitted - claimed - recovered - rolled_over - undistributed - pending`.
    pub slack: i128,
    /// Positions + pools: the largest slack the bounded check allows.
    pub bound: u128,
}

#[derive(Clone, Debug, Serialize)]
pub struct PoolSample {
    pub weight: u64,
    pub staked: Uint128,
    /// Reward credited to the pool's stakers so far.
    pub distributed: Uint128,
    pub current_rate: Uint128,
    /// Σ working balances: what the pool's reward is spread over.
    pub working_supply: Uint128,
    /// Gauge-split farms: the gauge's relative weight this week.
    pub relative_weight: Option<Decimal>,
}

#[derive(Clone, Debug, Serialize)]
pub struct PositionSample {
    pub t: u64,
    pub user: String,
    pub pool: String,
    pub staked: Uint128,
    /// The stake as it counts for reward (boosted or not).
    pub working: Uint128,
    pub pending: Uint128,
    pub claimed: Uint128,
}

#[derive(Clone, Debug, Serialize)]
pub struct EventRecord {
    pub t: u64,
    /// A user name, or `owner` / `treasury`.
    pub actor: String,
    pub action: String,
    pub pool: Option<String>,
    /// The amount moved: staked, unstaked, funded, claimed or returned (base units of the
    /// token concerned); the new weight for `set_weight`.
    pub amount: Uint128,
    /// Reward forfeited by an emergency withdraw.
    pub forfeited: Uint128,
    /// Part of the final settlement (every user claims everything at the end).
    pub settlement: bool,
}

#[derive(Clone, Debug, Serialize)]
pub struct Summary {
    pub pools: Vec<PoolSummary>,
    pub users: Vec<UserSummary>,
    pub stream: StreamSummary,
    pub amm_pools: Vec<AmmPoolSummary>,
    pub traders: Vec<TraderSummary>,
    pub conservation: ConservationSummary,
    /// The escrow at the end (`None` without one).
    pub ve: Option<VeSummary>,
    /// Gauge-split farms: every week the run touches, with each pool's relative weight.
    pub gauge_weeks: Vec<GaugeWeek>,
    /// `compare_boost`: each user's reward under each mode.
    pub boost_comparison: Option<BoostComparison>,
    /// The options token: exercises, tally and checks (`None` without one).
    pub options: Option<OptionsSummary>,
}

#[derive(Clone, Debug, Serialize)]
pub struct PoolSummary {
    pub pool: String,
    pub weight: u64,
    /// Staked at the end.
    pub staked: Uint128,
    /// Σ working balances at the end (before the final settlement).
    pub working_supply: Uint128,
    /// Reward credited to the pool's stakers over the run (farm's `distributed`).
    pub distributed: Uint128,
    /// Σ earned of the pool's positions (claimed during the run + settled at the end).
    pub earned: Uint128,
    /// Claimed during the run, before the final settlement.
    pub claimed: Uint128,
    pub forfeited: Uint128,
}

#[derive(Clone, Debug, Serialize)]
pub struct UserSummary {
    pub user: String,
    pub pool: String,
    /// Staked at the end.
    pub staked: Uint128,
    /// Working balance at the end (before the final settlement).
    pub working: Uint128,
    /// Everything the position was paid: claimed during the run + the final settlement.
    pub earned: Uint128,
    /// Claimed during the run.
    pub claimed: Uint128,
    /// Pending at the end, paid by the final settlement.
    pub settled: Uint128,
    /// Lost to emergency withdraws.
    pub forfeited: Uint128,
}

/// The reward stream's books after the final settlement.
#[derive(Clone, Debug, Serialize)]
pub struct StreamSummary {
    pub emitted: Uint128,
    /// Credited to users: `emitted - undistributed - recovered - rolled_over`.
    pub distributed: Uint128,
    pub claimed: Uint128,
    pub undistributed: Uint128,
    pub recovered: Uint128,
    pub rolled_over: Uint128,
    pub skipped: Uint128,
    pub funded: Uint128,
    pub reserve_available: Option<Uint128>,
    /// What the schedule would have emitted over the run without a reserve cap.
    pub scheduled: Uint128,
}

#[derive(Clone, Debug, Serialize)]
pub struct ConservationSummary {
    /// Samples checked with the bounded rule.
    pub bounded_checks: usize,
    pub bounded_ok: bool,
    pub max_slack: i128,
    /// The bound at the sample with the largest slack.
    pub bound_at_max: u128,
    pub exact: ExactSummary,
    pub reserve: Option<ReserveSummary>,
    /// `None` without amm pools.
    pub amm: Option<AmmCheckSummary>,
    /// Human-readable failures; empty when every check held.
    pub violations: Vec<String>,
}

/// `emitted == claimed + recovered + rolled_over + undistributed + pending` after settlement.
#[derive(Clone, Debug, Serialize)]
pub struct ExactSummary {
    pub ok: bool,
    pub emitted: Uint128,
    pub claimed: Uint128,
    pub recovered: Uint128,
    pub rolled_over: Uint128,
    pub undistributed: Uint128,
    /// Whole units of the fractions positions keep across settlements (see the farm's totals).
    pub carried: Uint128,
    pub pending: Uint128,
    /// Reward paid by the settlement claims.
    pub settled: Uint128,
}

/// `funded + rolled_over == emitted + reserve_available` (reserve farms).
#[derive(Clone, Debug, Serialize)]
pub struct ReserveSummary {
    pub ok: bool,
    pub funded: Uint128,
    pub rolled_over: Uint128,
    pub emitted: Uint128,
    pub reserve_available: Uint128,
}

impl SimReport {
    /// Whether every conservation check held.
    pub fn conserved(&self) -> bool {
        self.summary.conservation.violations.is_empty()
    }

    pub fn pool_index(&self, name: &str) -> Option<usize> {
        self.pools.iter().position(|p| p.name == name)
    }

    pub fn amm_pool_index(&self, name: &str) -> Option<usize> {
        self.amm_pools.iter().position(|p| p.name == name)
    }
}
