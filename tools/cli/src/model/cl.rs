//! The concentrated-liquidity part of a report: the pools and positions as deployed, their
//! state at every sample, the log of position changes and swaps, the per-position and per-pool
//! summaries and the CL books checks. Amounts are base units, `[_; 2]` pairs in pool order
//! (token0, token1), prices in display units of token1 per token0.
use cosmwasm_std::{Decimal256, Uint128, Uint256};
use serde::Serialize;

#[derive(Clone, Debug, Serialize)]
pub struct ClReport {
    pub pools: Vec<ClPoolInfo>,
    pub positions: Vec<ClPositionInfo>,
    pub traders: Vec<String>,
    /// One per sample of the run, before the final settlement.
    pub samples: Vec<ClSample>,
    /// Mints, decreases, collects, burns and swaps, the final settlement's last.
    pub events: Vec<ClEventRecord>,
    pub summary: ClSummary,
}

#[derive(Clone, Debug, Serialize)]
pub struct ClPoolInfo {
    pub name: String,
    pub address: String,
    pub assets: [String; 2],
    pub decimals: [u8; 2],
    pub fee_pips: u32,
    pub tick_spacing: i32,
    pub protocol_fee_share_bps: u16,
    pub fee_collector: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct ClPositionInfo {
    pub name: String,
    pub owner: String,
    pub pool: String,
    pub lower_tick: i32,
    pub upper_tick: i32,
    /// The prices of the range's ends.
    pub lower_price: Decimal256,
    pub upper_price: Decimal256,
    pub open_at: u64,
    /// `None`: closed by the final settlement.
    pub close_at: Option<u64>,
    /// The position's NFT id (`None` if it never opened).
    pub token_id: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct ClSample {
    pub t: u64,
    /// In `pools` order.
    pub pools: Vec<ClPoolSample>,
    /// In `positions` order.
    pub positions: Vec<ClPositionSample>,
}

/// One CL pool at one sample, with its books check.
#[derive(Clone, Debug, Serialize)]
pub struct ClPoolSample {
    pub sqrt_price: Uint256,
    pub tick: i32,
    pub price: Decimal256,
    /// In-range liquidity.
    pub liquidity: Uint128,
    /// What the pool's address holds.
    pub held: [Uint128; 2],
    pub protocol_fees_owed: [Uint128; 2],
    /// Σ over positions of tokens owed plus fees earned since their last update.
    pub owed_to_positions: [Uint128; 2],
    /// Σ over positions of what removing all their liquidity now would pay (rounded down).
    pub liquidity_value: [Uint128; 2],
    /// `held - owed_to_positions - protocol_fees_owed - liquidity_value` (negative: the pool
    /// could not pay everyone).
    pub slack: [i128; 2],
    /// The largest slack rounding explains so far (see docs/sim.md, "CL books").
    pub slack_bound: [u128; 2],
    /// `deposits + traded in - traded out - withdrawn - fees collected - protocol fees
    /// collected`, from the accounts' balances: equals `held` when the books balance.
    pub expected_held: [Uint128; 2],
    pub swaps: u64,
    /// Σ amount in, by asset sold.
    pub volume: [Uint128; 2],
    /// Σ swap fees (protocol share included), by asset sold.
    pub fees: [Uint128; 2],
}

/// `pending` (not yet minted), `open` or `closed`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ClPositionStatus {
    Pending,
    Open,
    Closed,
}

#[derive(Clone, Debug, Serialize)]
pub struct ClPositionSample {
    pub status: ClPositionStatus,
    /// Open with liquidity and `lower_tick <= tick < upper_tick`: earning fees.
    pub in_range: bool,
    pub liquidity: Uint128,
    /// The pool's tokens owed (decreased liquidity and fees credited so far).
    pub tokens_owed: [Uint128; 2],
    /// Fees earned since the position's last update, computed as the pool will credit them.
    pub uncollected_fees: [Uint128; 2],
    /// Every fee earned so far: collected + credited + uncollected.
    pub fees_earned: [Uint128; 2],
}

/// A position change or a swap (or a random turn skipped or refused).
#[derive(Clone, Debug, Serialize)]
pub struct ClEventRecord {
    pub t: u64,
    /// A position owner, a CL trader, or `owner` for the protocol fees' collection.
    pub actor: String,
    /// `mint`, `decrease`, `collect`, `burn`, `swap`, `swap_skipped`, `swap_failed`,
    /// `decrease_skipped`, `collect_protocol_fees`.
    pub action: String,
    pub pool: String,
    pub position: Option<String>,
    /// Paid into the pool by the actor.
    pub amounts_in: [Uint128; 2],
    /// Paid out by the pool to the actor (or credited to tokens owed, for `decrease`).
    pub amounts_out: [Uint128; 2],
    /// Liquidity minted or removed.
    pub liquidity: Uint128,
    /// Swap fee in the asset sold; the fees part of a `collect`.
    pub fees: [Uint128; 2],
    pub tick_before: i32,
    pub tick_after: i32,
    /// Initialized ticks a swap crossed.
    pub ticks_crossed: u32,
    pub detail: Option<String>,
    /// Part of the final settlement (every position closed, protocol fees collected).
    pub settlement: bool,
}

#[derive(Clone, Debug, Serialize)]
pub struct ClSummary {
    pub pools: Vec<ClPoolSummary>,
    pub positions: Vec<ClPositionSummary>,
    pub traders: Vec<ClTraderSummary>,
    pub check: ClCheckSummary,
}

#[derive(Clone, Debug, Serialize)]
pub struct ClPoolSummary {
    pub pool: String,
    pub start_price: Decimal256,
    pub end_price: Decimal256,
    pub start_tick: i32,
    pub end_tick: i32,
    pub swaps: u64,
    pub ticks_crossed: u64,
    pub volume: [Uint128; 2],
    pub fees: [Uint128; 2],
    pub protocol_fees: [Uint128; 2],
}

#[derive(Clone, Debug, Serialize)]
pub struct ClPositionSummary {
    pub position: String,
    pub owner: String,
    pub pool: String,
    pub lower_tick: i32,
    pub upper_tick: i32,
    /// Seconds the position had liquidity.
    pub open_secs: u64,
    /// Of those, seconds the price was inside its range.
    pub in_range_secs: u64,
    /// `in_range_secs / open_secs` in basis points, rounded down (0 when never open).
    pub in_range_bps: u64,
    pub deposited: [Uint128; 2],
    /// Liquidity paid back.
    pub withdrawn: [Uint128; 2],
    /// Fees collected over the run (the settlement collects the rest).
    pub fees: [Uint128; 2],
}

#[derive(Clone, Debug, Serialize)]
pub struct ClTraderSummary {
    pub trader: String,
    /// `scripted` or `random`.
    pub kind: String,
    pub swaps: u64,
    pub failed: u64,
    pub skipped: u64,
}

/// The CL books: at every sample, per pool, the balance identity and the solvency bound; at
/// the end, after every position closed, the exact flows and the dust bound.
#[derive(Clone, Debug, Serialize)]
pub struct ClCheckSummary {
    pub ok: bool,
    /// Pool samples checked.
    pub checks: usize,
    pub pools: Vec<ClFinalCheck>,
}

/// One pool after the settlement: `deposits + traded_in - traded_out = withdrawn + fees_claimed
/// + protocol_fees_claimed + remaining`, and `remaining` within `dust_bound`.
#[derive(Clone, Debug, Serialize)]
pub struct ClFinalCheck {
    pub pool: String,
    pub deposits: [Uint128; 2],
    pub traded_in: [Uint128; 2],
    pub traded_out: [Uint128; 2],
    pub withdrawn: [Uint128; 2],
    pub fees_claimed: [Uint128; 2],
    pub protocol_fees_claimed: [Uint128; 2],
    /// What the pool's address still holds.
    pub remaining: [Uint128; 2],
    /// The flows identity held to the unit.
    pub exact: bool,
    /// `remaining < dust_bound` (or 0 when the bound is 0): the rounding count of the run.
    pub dust_bound: [u128; 2],
    pub dust_ok: bool,
}
