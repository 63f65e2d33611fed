//! The concentrated-liquidity part of the scenario file as written: `[[cl_pools]]`,
//! `[[cl_positions]]` and `[[cl_traders]]` (serde, `deny_unknown_fields`). Prices are decimal
//! strings in display units of the pool's second asset per unit of its first. `docs/sim.md`
//! documents every field.
use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use super::units::{Amount, Dur};

/// A CL pool created through the pool factory (`CreateClPool`) at an initial price.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClPoolSpec {
    pub name: Spanned<String>,
    /// Two different declared tokens: token0 and token1, in this order.
    pub assets: Spanned<Vec<Spanned<String>>>,
    /// Swap fee in hundredths of a bip (3000 = 0.3%).
    pub fee_pips: Spanned<u32>,
    /// Default: the standard spacing of `fee_pips` (100 -> 1, 500 -> 10, 3000 -> 60,
    /// 10000 -> 200); required for any other fee.
    pub tick_spacing: Option<Spanned<i64>>,
    /// Initial price, token1 per token0 in display units (a decimal string).
    pub price: Option<Spanned<String>>,
    /// Initial tick instead of `price`.
    pub tick: Option<Spanned<i64>>,
    /// Share of every swap fee owed to `fee_collector`, in basis points of the fee.
    pub protocol_fee_share_bps: Option<Spanned<u64>>,
    pub fee_collector: Option<Spanned<String>>,
}

/// A range position: minted at `open_at` by `owner` with at most `amounts`, decreased by the
/// listed shares, closed (all liquidity removed, everything collected, the NFT burned) at
/// `close_at` or at the end of the run.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClPositionSpec {
    pub name: Spanned<String>,
    /// The account that mints and owns the position (it receives exactly `amounts` at
    /// deployment).
    pub owner: Spanned<String>,
    /// A CL pool.
    pub pool: Spanned<String>,
    /// Each end is a tick on the pool's spacing or a price (display units) rounded outwards
    /// to the spacing.
    pub lower_tick: Option<Spanned<i64>>,
    pub upper_tick: Option<Spanned<i64>>,
    pub lower_price: Option<Spanned<String>>,
    pub upper_price: Option<Spanned<String>>,
    /// The most the owner deposits of each asset, by symbol, display units.
    pub amounts: Spanned<BTreeMap<Spanned<String>, Spanned<Amount>>>,
    /// Default: at deployment.
    pub open_at: Option<Spanned<Dur>>,
    #[serde(default)]
    pub decreases: Vec<ClDecreaseSpec>,
    /// Default: the end of the run.
    pub close_at: Option<Spanned<Dur>>,
}

/// Removes `share_bps` of the position's liquidity at `at` (credited to its tokens owed,
/// collected when it closes).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClDecreaseSpec {
    pub at: Spanned<Dur>,
    pub share_bps: Spanned<u64>,
}

/// An account that swaps in CL pools: scripted swaps or a random walk of the price.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClTraderSpec {
    pub name: Spanned<String>,
    #[serde(default)]
    pub balances: BTreeMap<Spanned<String>, Spanned<Amount>>,
    pub scripted: Option<Spanned<Vec<ClSwapSpec>>>,
    pub random: Option<Spanned<ClRandomSpec>>,
}

/// One scripted CL swap: an exact-in sale (`offer` + `amount`), or a move of the price to a
/// tick (`to_tick`) or a price (`to_price`) paid from the trader's balance.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClSwapSpec {
    pub at: Spanned<Dur>,
    pub pool: Spanned<String>,
    pub offer: Option<Spanned<String>>,
    pub amount: Option<Spanned<Amount>>,
    /// Exact-in swaps only: the least the trader accepts of the other asset.
    pub min_out: Option<Spanned<Amount>>,
    pub to_tick: Option<Spanned<i64>>,
    pub to_price: Option<Spanned<String>>,
}

/// A random walk of the price: every `every`, a pool of `pools`, a direction and a distance of
/// 1 to `max_ticks` ticks, the trader paying what moving the price there costs (as far as
/// its balance goes).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClRandomSpec {
    pub seed: Spanned<u64>,
    pub every: Spanned<Dur>,
    pub pools: Spanned<Vec<Spanned<String>>>,
    pub max_ticks: Spanned<u64>,
}
