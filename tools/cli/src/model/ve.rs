//! The vote-escrow side of a report: ve powers, working balances, gauge weights per week and
//! the boost comparison.
use cosmwasm_std::{Decimal, Uint128};
use serde::Serialize;

/// Ve powers at one sample.
#[derive(Clone, Debug, Serialize)]
pub struct VeSample {
    pub total_power: Uint128,
    /// One per user, in `users` order.
    pub powers: Vec<Uint128>,
}

/// The escrow at the end of the run, per user.
#[derive(Clone, Debug, Serialize)]
pub struct VeUserSummary {
    pub user: String,
    /// Locked at the end (0 after a withdrawal).
    pub locked: Uint128,
    /// The lock's end, seconds since deployment (0 without a lock).
    pub lock_end: u64,
    pub power: Uint128,
}

#[derive(Clone, Debug, Serialize)]
pub struct VeSummary {
    pub lock_symbol: String,
    pub lock_decimals: u8,
    pub total_power: Uint128,
    pub users: Vec<VeUserSummary>,
}

/// Each gauge's relative weight (its pool's share of the emission) in one week.
#[derive(Clone, Debug, Serialize)]
pub struct GaugeWeek {
    /// The week's start, unix seconds.
    pub week_start: u64,
    /// Seconds since deployment of the week's start (0 for the week the run starts in).
    pub t: u64,
    /// One per farm pool, in `pools` order.
    pub relative_weights: Vec<Decimal>,
}

/// The same scenario run once per boost mode.
#[derive(Clone, Debug, Serialize)]
pub struct BoostComparison {
    /// `none`, `curve`, `foo`, in the scenario's order.
    pub modes: Vec<String>,
    /// One row per user.
    pub users: Vec<BoostUserRow>,
    /// Σ rewards of every user, per mode.
    pub totals: Vec<Uint128>,
    /// Whether every conservation check held, per mode.
    pub conserved: Vec<bool>,
}

#[derive(Clone, Debug, Serialize)]
pub struct BoostUserRow {
    pub user: String,
    /// Total reward over the run (claimed + settled, every pool), per mode.
    pub rewards: Vec<Uint128>,
    /// Reward / Σ rewards of the mode, floored at 18 decimals (0 when nothing was paid).
    pub shares: Vec<Decimal>,
    /// APR over every position, per mode (bps; `None`: no price or nothing staked).
    pub apr_bps: Vec<Option<u64>>,
}
