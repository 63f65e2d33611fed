//! The CL farming part of a report: the farming center's farms and the farmed positions'
//! entries as planned, every farm and entry at every sample with the books check, the log of
//! the center's actions, the per-entry summary (time in range, rewards, APR) and the final
//! books. Amounts are base units; `[_; 2]` pairs are (reward, bonus) unless named otherwise;
//! values are base units of the pool's token1.
use cosmwasm_std::{Uint128, Uint256};
use serde::Serialize;

#[derive(Clone, Debug, Serialize)]
pub struct ClFarmReport {
    /// The farming center's address and its incentive maker.
    pub center: String,
    pub maker: String,
    pub farms: Vec<ClFarmInfo>,
    /// Every (position, farm) entry, farmed positions in file order, each one's entries in
    /// file order.
    pub entries: Vec<ClEntryInfo>,
    /// One per sample of the run, before the final settlement.
    pub samples: Vec<ClFarmSample>,
    pub events: Vec<ClFarmEventRecord>,
    pub summary: ClFarmSummary,
    /// How values and APRs are computed, in words (also in the HTML report).
    pub pricing: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct ClFarmInfo {
    pub name: String,
    pub farm_id: u64,
    /// `eternal` or `limit`.
    pub kind: String,
    pub pool: String,
    /// The pool's token1: what values are counted in.
    pub value_symbol: String,
    pub value_decimals: u8,
    /// Reward and bonus tokens (the bonus `None` when the farm pays none).
    pub symbols: [Option<String>; 2],
    pub decimals: [u8; 2],
    /// Display price of each token in token1, as written in the scenario.
    pub prices_in_token1: [Option<String>; 2],
    /// Funded at creation.
    pub amounts: [Uint128; 2],
    /// Eternal: the rates at creation, per second.
    pub rates: Option<[Uint128; 2]>,
    /// Limit: the campaign, seconds since deployment.
    pub start: Option<u64>,
    pub end: Option<u64>,
    pub min_width: u32,
    /// The tier token, its decimals and its levels (amount, multiplier in bps).
    pub tier_token: Option<String>,
    pub tier_decimals: u8,
    pub tiers: Vec<(Uint128, u32)>,
}

#[derive(Clone, Debug, Serialize)]
pub struct ClEntryInfo {
    pub position: String,
    pub owner: String,
    pub farm: String,
    pub lower_tick: i32,
    pub upper_tick: i32,
    pub enter_at: u64,
    /// `None`: the final settlement exits.
    pub exit_at: Option<u64>,
    pub tokens_locked: Uint128,
}

#[derive(Clone, Debug, Serialize)]
pub struct ClFarmSample {
    pub t: u64,
    /// In `farms` order.
    pub farms: Vec<ClFarmStateSample>,
    /// In `entries` order.
    pub entries: Vec<ClEntrySample>,
}

/// One farm at one sample, as the center reports it (accrued to now), with its books.
#[derive(Clone, Debug, Serialize)]
pub struct ClFarmStateSample {
    pub funded: [Uint128; 2],
    pub reserve: [Uint128; 2],
    pub refunded: [Uint128; 2],
    pub credited: [Uint128; 2],
    /// `funded - credited - reserve - refunded`: distributed to the farmed positions but not
    /// credited yet (always 0 for a limit farm, whose reserve keeps what was earned until the
    /// exits credit it).
    pub undistributed: [Uint128; 2],
    /// Σ pending rewards of the positions in the farm.
    pub pending: [Uint128; 2],
    pub positions: u64,
    /// Effective (tier-multiplied) liquidity in the farm.
    pub total_liquidity: Uint128,
    /// The virtual pool: the tick as last reported and the farmed liquidity in range there.
    pub tick: i32,
    pub in_range_liquidity: Uint128,
    /// Limit farms: campaign seconds with farmed liquidity in range so far.
    pub active_secs: u64,
    pub live: bool,
}

/// `pending` (not entered yet), `farmed` or `exited`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ClEntryStatus {
    Pending,
    Farmed,
    Exited,
}

#[derive(Clone, Debug, Serialize)]
pub struct ClEntrySample {
    pub status: ClEntryStatus,
    /// Farmed and the pool's tick inside the position's range.
    pub in_range: bool,
    /// Effective liquidity in the farm (0 before the entry).
    pub liquidity: Uint128,
    /// While farmed, what exiting now would credit (a limit farm: the position's share of the
    /// whole total were the campaign to end now).
    pub pending: [Uint128; 2],
    /// Earned so far: credited at the exit; while farmed, the pending reward of an eternal
    /// farm, and a limit farm's share times the part of its campaign that has passed.
    pub earned: [Uint128; 2],
    /// What the earned tokens are worth in token1 at the scenario's prices.
    pub reward_value: Uint256,
    /// The position's value in token1 now (0 unless farmed).
    pub position_value: Uint128,
    /// Σ value x seconds while farmed so far (see `pricing`).
    pub value_secs: Uint256,
    /// `reward_value x year / value_secs` in bps (`None` before any farmed second).
    pub apr_bps: Option<u64>,
}

/// What the center did: farm creations and top-ups, rate changes, deposits, entries, exits,
/// withdrawals, fee collections, claims and refunds.
#[derive(Clone, Debug, Serialize)]
pub struct ClFarmEventRecord {
    pub t: u64,
    /// The incentive maker or a position's owner.
    pub actor: String,
    /// `create_farm`, `add_rewards`, `set_rates`, `deposit`, `enter`, `exit`, `withdraw`,
    /// `collect_fees`, `claim`, `claim_skipped` (nothing credited yet), `refund_limit_farm`,
    /// `decrease_rewards`.
    pub action: String,
    pub farm: Option<String>,
    pub position: Option<String>,
    /// Funded or refunded (reward, bonus); credited by an exit; rates set; fees collected
    /// (pool order); claimed (limit part, eternal part).
    pub amounts: [Uint128; 2],
    pub detail: Option<String>,
    /// Part of the final settlement.
    pub settlement: bool,
}

#[derive(Clone, Debug, Serialize)]
pub struct ClFarmSummary {
    pub entries: Vec<ClEntrySummary>,
    pub claims: Vec<ClClaimSummary>,
    pub check: ClFarmCheck,
}

/// One entry over the run: time farmed and in range (exact, from the pool's tick path),
/// rewards, and APR against the position's range.
#[derive(Clone, Debug, Serialize)]
pub struct ClEntrySummary {
    pub position: String,
    pub farm: String,
    pub lower_tick: i32,
    pub upper_tick: i32,
    pub width: u32,
    pub liquidity: Uint128,
    pub farmed_secs: u64,
    pub in_range_secs: u64,
    /// `in_range_secs / farmed_secs` in bps, rounded down.
    pub in_range_bps: u64,
    /// Credited at the exit.
    pub earned: [Uint128; 2],
    pub reward_value: Uint256,
    /// The position's value in token1 when it entered.
    pub value_at_entry: Uint128,
    /// `value_secs / farmed_secs`, rounded down.
    pub average_value: Uint256,
    pub value_secs: Uint256,
    /// `reward_value x year / value_secs`, bps.
    pub apr_bps: Option<u64>,
    /// The same per second in range: `apr x farmed_secs / in_range_secs`.
    pub apr_in_range_bps: Option<u64>,
}

/// What an owner claimed of one token over the run, by kind of farm.
#[derive(Clone, Debug, Serialize)]
pub struct ClClaimSummary {
    pub owner: String,
    pub token: String,
    pub limit: Uint128,
    pub eternal: Uint128,
}

/// The CL farming books: at every sample per farm and token, `funded = credited + reserve +
/// refunded + undistributed` with the pending rewards covered, the virtual pool's in-range
/// liquidity as the tick path says, and the center's bank balances; after the settlement,
/// exactly `funded = claimed + refunded` per farm and token.
#[derive(Clone, Debug, Serialize)]
pub struct ClFarmCheck {
    pub ok: bool,
    /// Farm samples checked.
    pub checks: usize,
    pub farms: Vec<ClFarmFinalCheck>,
}

#[derive(Clone, Debug, Serialize)]
pub struct ClFarmFinalCheck {
    pub farm: String,
    pub token: String,
    pub funded: Uint128,
    /// Credited to the farm's positions by their exits, and all claimed.
    pub claimed: Uint128,
    /// Taken back by the maker (the limit refund, the eternal remainder).
    pub refunded: Uint128,
    /// Left in the farm (0 when the books close).
    pub reserve: Uint128,
    /// `funded == claimed + refunded` and nothing left.
    pub exact: bool,
}
