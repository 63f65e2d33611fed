//! The concentrated-liquidity farming part of the scenario file as written: `[[cl_farms]]`
//! (eternal and limit farms of the farming center, `contracts/cl-farming`) and
//! `[[cl_farming]]` (which farms a position enters and leaves, when its owner claims and
//! collects fees). serde, `deny_unknown_fields`; `docs/sim.md` documents every field.
use serde::Deserialize;
use toml::Spanned;

use super::units::{Amount, Dur};

/// `eternal` (a rate per second, open entry and exit) or `limit` (a fixed total over
/// `[start, end]`, entries before the start, exits after the end).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClFarmKindSpec {
    Eternal,
    Limit,
}

impl ClFarmKindSpec {
    pub fn as_str(self) -> &'static str {
        match self {
            ClFarmKindSpec::Eternal => "eternal",
            ClFarmKindSpec::Limit => "limit",
        }
    }
}

/// One farm on a CL pool, created by the incentive maker at deployment and funded in full.
/// One flat table for both kinds; which fields apply depends on `kind`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClFarmSpec {
    pub name: Spanned<String>,
    pub kind: Spanned<ClFarmKindSpec>,
    /// A CL pool.
    pub pool: Spanned<String>,
    pub reward: Spanned<ClFarmTokenSpec>,
    /// Display units of the pool's token1 per display unit of the reward token (the APR's
    /// price of the reward).
    pub reward_price_in_token1: Spanned<String>,
    pub bonus: Option<Spanned<ClFarmTokenSpec>>,
    /// Required with `bonus`.
    pub bonus_price_in_token1: Option<Spanned<String>>,
    /// Eternal: reward per second, display units.
    pub reward_rate: Option<Spanned<Amount>>,
    /// Eternal with a bonus: bonus per second, display units.
    pub bonus_rate: Option<Spanned<Amount>>,
    /// Limit: when the campaign starts and ends (moments of the run).
    pub start: Option<Spanned<Dur>>,
    pub end: Option<Spanned<Dur>>,
    /// Positions narrower than this many ticks cannot enter (default 0).
    pub min_width: Option<Spanned<u32>>,
    pub tiers: Option<Spanned<ClTiersSpec>>,
    /// Eternal: rate changes by the incentive maker.
    #[serde(default)]
    pub set_rates: Vec<ClSetRatesSpec>,
    /// Eternal: top-ups of the reserves by the incentive maker.
    #[serde(default)]
    pub add_rewards: Vec<ClAddRewardsSpec>,
}

/// A token a farm pays and how much of it is funded at creation.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClFarmTokenSpec {
    pub token: Spanned<String>,
    pub amount: Spanned<Amount>,
}

/// Liquidity multipliers for positions that lock `token`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClTiersSpec {
    pub token: Spanned<String>,
    pub levels: Spanned<Vec<ClTierSpec>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClTierSpec {
    /// Tokens to lock (at least), display units.
    pub amount: Spanned<Amount>,
    /// 10000 (1x) to 50000 (5x).
    pub multiplier_bps: Spanned<u32>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClSetRatesSpec {
    pub at: Spanned<Dur>,
    pub reward_rate: Spanned<Amount>,
    pub bonus_rate: Option<Spanned<Amount>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClAddRewardsSpec {
    pub at: Spanned<Dur>,
    pub reward: Option<Spanned<Amount>>,
    pub bonus: Option<Spanned<Amount>>,
}

/// How one CL position is farmed: the farms it enters and leaves, when its owner claims the
/// credited rewards and collects the pool's fees through the farming center.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClFarmingSpec {
    /// A CL position.
    pub position: Spanned<String>,
    pub entries: Spanned<Vec<ClEntrySpec>>,
    /// Moments the owner claims every reward its farms credited so far (the final settlement
    /// claims the rest).
    #[serde(default)]
    pub claim_at: Vec<Spanned<Dur>>,
    /// Moments the owner collects the position's fees while the center holds it.
    #[serde(default)]
    pub collect_fees_at: Vec<Spanned<Dur>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClEntrySpec {
    /// A CL farm on the position's pool.
    pub farm: Spanned<String>,
    pub enter_at: Spanned<Dur>,
    /// Default: the final settlement.
    pub exit_at: Option<Spanned<Dur>>,
    /// Tier tokens locked while in the farm (display units; the farm needs `tiers`).
    pub tokens_locked: Option<Spanned<Amount>>,
}
