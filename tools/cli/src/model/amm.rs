//! The amm part of a report: the pools as deployed, their state at every sample, the log of
//! joins, exits and swaps, and the per-pool and per-trader summaries. Amounts are base units,
//! `[_; 2]` pairs are in the pool's asset order.
use cosmwasm_std::{Decimal256, Uint128};
use serde::Serialize;

#[derive(Clone, Debug, Serialize)]
pub struct AmmPoolInfo {
    pub name: String,
    pub address: String,
    /// The LP token's cw20 address and the symbol the scenario gives it.
    pub lp_token: String,
    pub lp_symbol: String,
    pub assets: [String; 2],
    pub decimals: [u8; 2],
    /// Percent.
    pub weights: [u64; 2],
    pub swap_fee_bps: u16,
    pub protocol_fee_share_bps: u16,
    pub fee_collector: Option<String>,
}

/// One amm pool at one sample.
#[derive(Clone, Debug, Serialize)]
pub struct AmmSample {
    /// Balances owned by liquidity providers (protocol fees owed excluded), the pool's books.
    pub reserves: [Uint128; 2],
    pub protocol_fees_owed: [Uint128; 2],
    /// What the pool's address actually holds of each asset.
    pub held: [Uint128; 2],
    /// The pool's `lp_supply` (including the minimum liquidity locked at the first join).
    pub lp_supply: Uint128,
    /// The LP token's cw20 total supply.
    pub lp_token_supply: Uint128,
    /// The pool's `SpotPrice` of `assets[0]`: base units of `assets[1]` per base unit.
    pub spot_price: Decimal256,
    /// The same price in display units (`assets[1]` per whole `assets[0]`), from the reserves
    /// and weights: `(b1 / 10^d1 / w1) / (b0 / 10^d0 / w0)`, rounded down.
    pub price: Decimal256,
    /// Swaps done so far.
    pub swaps: u64,
    /// Σ amount in of the swaps so far, by asset sold.
    pub volume: [Uint128; 2],
    /// Σ swap fees so far (the protocol's share included), in the asset sold.
    pub fees: [Uint128; 2],
}

impl AmmSample {
    /// The pool's books agree with the chain: it holds exactly its reserves plus the protocol
    /// fees owed, and the LP token's supply is the pool's `lp_supply`.
    pub fn books_balance(&self) -> bool {
        (0..2).all(|k| self.held[k] == self.reserves[k] + self.protocol_fees_owed[k])
            && self.lp_token_supply == self.lp_supply
    }
}

/// A join, exit or swap (or a random swap skipped or refused).
#[derive(Clone, Debug, Serialize)]
pub struct AmmEventRecord {
    pub t: u64,
    /// A user or trader, or `liquidity` for the initial liquidity.
    pub actor: String,
    /// `provide`, `join`, `exit`, `swap`, `swap_failed` or `swap_skipped`.
    pub action: String,
    pub pool: String,
    /// Paid into the pool by the actor.
    pub amounts_in: [Uint128; 2],
    /// Paid out by the pool to the actor.
    pub amounts_out: [Uint128; 2],
    /// LP tokens minted (provide, join) or burned (exit).
    pub lp: Uint128,
    /// Swap fee, in the asset sold.
    pub fee: [Uint128; 2],
    /// Why a random swap failed or was skipped.
    pub detail: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct AmmPoolSummary {
    pub pool: String,
    pub reserves: [Uint128; 2],
    pub lp_supply: Uint128,
    /// Display units, at the first sample and at the end.
    pub start_price: Decimal256,
    pub price: Decimal256,
    pub swaps: u64,
    pub volume: [Uint128; 2],
    pub fees: [Uint128; 2],
    pub protocol_fees_owed: [Uint128; 2],
}

#[derive(Clone, Debug, Serialize)]
pub struct TraderSummary {
    pub trader: String,
    /// `scripted` or `random`.
    pub kind: String,
    pub swaps: u64,
    /// Random swaps the pool refused (logged, the run goes on).
    pub failed: u64,
    /// Random swaps not tried: nothing to sell, or a size rounding to zero.
    pub skipped: u64,
}

/// The amm books check: at every sample, each pool holds exactly its reserves plus protocol
/// fees owed, and its LP token's supply is its `lp_supply`.
#[derive(Clone, Debug, Serialize)]
pub struct AmmCheckSummary {
    pub ok: bool,
    /// Pool samples checked.
    pub checks: usize,
}
