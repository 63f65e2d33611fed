//! The checked concentrated-liquidity part of a [`super::Plan`]: pools, positions and traders
//! with names resolved to indices, amounts in base units, ranges in ticks on the pools'
//! spacing and times in seconds since deployment.
use cosmwasm_std::Uint256;
use trellis_types::cl_pool::FeeTier;

use super::plan::ProtocolFeePlan;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClPlan {
    pub pools: Vec<ClPoolPlan>,
    pub positions: Vec<ClPositionPlan>,
    pub traders: Vec<ClTraderPlan>,
}

impl ClPlan {
    pub fn is_empty(&self) -> bool {
        self.pools.is_empty()
    }

    /// What the position owner `owner` receives at deployment, (token index, base units): the
    /// most its positions deposit.
    pub fn owner_funding(&self, owner: &str) -> Vec<(usize, u128)> {
        let mut out: Vec<(usize, u128)> = Vec::new();
        for p in self.positions.iter().filter(|p| p.owner == owner) {
            for (token, amount) in self.pools[p.pool].assets.into_iter().zip(p.amounts) {
                match out.iter_mut().find(|(t, _)| *t == token) {
                    Some((_, total)) => *total += amount,
                    None => out.push((token, amount)),
                }
            }
        }
        out
    }

    /// The position owners, each once, in file order.
    pub fn owners(&self) -> Vec<&str> {
        let mut owners: Vec<&str> = Vec::new();
        for p in &self.positions {
            if !owners.contains(&p.owner.as_str()) {
                owners.push(&p.owner);
            }
        }
        owners
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClPoolPlan {
    pub name: String,
    /// Token indices of token0 and token1.
    pub assets: [usize; 2],
    pub fee_tier: FeeTier,
    /// Initial Q64.96 sqrt price.
    pub sqrt_price: Uint256,
    /// The tick of the initial price.
    pub tick: i32,
    pub protocol_fee: Option<ProtocolFeePlan>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClPositionPlan {
    pub name: String,
    /// Line of the position's name in the scenario file (1-based): a failed opening or
    /// closing names it.
    pub line: usize,
    pub owner: String,
    /// Index into the CL pools.
    pub pool: usize,
    pub lower_tick: i32,
    pub upper_tick: i32,
    /// The most deposited, base units, pool order (0 for an asset not given).
    pub amounts: [u128; 2],
    pub open_at_secs: u64,
    pub decreases: Vec<ClDecreasePlan>,
    /// `None`: closed by the final settlement.
    pub close_at_secs: Option<u64>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClDecreasePlan {
    pub at_secs: u64,
    /// Line in the scenario file (1-based) that a failure on chain names.
    pub line: usize,
    /// Share of the liquidity at that moment removed, in basis points (10000: all of it).
    pub share_bps: u16,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClTraderPlan {
    pub name: String,
    /// (token index, base units).
    pub balances: Vec<(usize, u128)>,
    pub kind: ClTraderKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ClTraderKind {
    /// Swaps at given moments; a failure stops the run.
    Scripted(Vec<ClSwapPlan>),
    /// A random walk of the price; a failure is logged and the run goes on.
    Random(ClRandomPlan),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClSwapPlan {
    pub at_secs: u64,
    /// Line in the scenario file (1-based) that a failure on chain names.
    pub line: usize,
    pub pool: usize,
    pub kind: ClSwapKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClSwapKind {
    /// Sell `amount` of asset `offer` (0 or 1).
    ExactIn {
        offer: usize,
        amount: u128,
        min_out: Option<u128>,
    },
    /// Move the price exactly to this Q64.96 sqrt price (`to_tick` or `to_price`), paying
    /// from the trader's balance; refused when the balance cannot get there.
    ToSqrtPrice { sqrt_price: Uint256 },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClRandomPlan {
    pub seed: u64,
    pub every_secs: u64,
    /// CL pool indices.
    pub pools: Vec<usize>,
    /// Largest move of one turn, in ticks.
    pub max_ticks: u32,
}

impl ClRandomPlan {
    /// The moments of the turns: every interval after deployment, up to the end.
    pub fn times(&self, duration_secs: u64) -> impl Iterator<Item = u64> + '_ {
        (1..=duration_secs / self.every_secs).map(|k| k * self.every_secs)
    }
}
