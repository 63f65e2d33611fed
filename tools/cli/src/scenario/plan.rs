//! A checked scenario, ready to run: names resolved to indices, amounts in base units, times
//! in seconds since the deployment block, schedule values in the farm's clock unit.
use serde::Serialize;
use trellis_types::farm::{Clock, Curve};

use super::cl_farm_plan::ClFarmsPlan;
use super::cl_plan::ClPlan;

/// The account that funds reserve farms (it receives exactly the funding it needs).
pub const TREASURY: &str = "treasury";
/// The account that provides every amm pool's initial liquidity (it receives exactly the
/// amounts it provides, and keeps the LP tokens).
pub const LIQUIDITY: &str = "liquidity";
/// The account that deploys and owns every contract.
pub const OWNER: &str = "owner";
/// Names the simulator uses itself: users, traders and fee collectors may not take them.
pub const RESERVED_NAMES: [&str; 3] = [OWNER, TREASURY, LIQUIDITY];

#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    pub name: String,
    pub description: String,
    pub file: String,
    pub clock: Clock,
    pub block_secs: u64,
    pub duration_secs: u64,
    pub step_secs: u64,
    pub tokens: Vec<TokenPlan>,
    pub reward: RewardPlan,
    pub schedule: SchedulePlan,
    pub policy: Option<PolicyPlan>,
    pub pools: Vec<PoolPlan>,
    pub weight_changes: Vec<WeightChange>,
    pub users: Vec<UserPlan>,
    pub amm_pools: Vec<AmmPoolPlan>,
    pub traders: Vec<TraderPlan>,
    pub escrow: Option<EscrowPlan>,
    pub gauges: Option<GaugesPlan>,
    pub split: SplitPlan,
    /// Boost modes to compare (empty: no comparison).
    pub compare_boost: Vec<BoostMode>,
    /// The options token paid as the farm's reward.
    pub options: Option<OptionsPlan>,
    /// Concentrated-liquidity pools, positions and traders (empty without `[[cl_pools]]`).
    pub cl: ClPlan,
    /// The CL farming center's farms and farmed positions (empty without `[[cl_farms]]`).
    pub cl_farms: ClFarmsPlan,
}

/// The options token (oTOKEN).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OptionsPlan {
    /// Index into `tokens` of the oTOKEN itself (a cw20 with the underlying's decimals).
    pub token: usize,
    pub underlying: usize,
    pub payment: usize,
    /// The amm pool whose TWAP prices the options.
    pub amm_pool: usize,
    pub window_secs: u64,
    pub multiplier_bps: u32,
    /// 1e18 atomics of the minimum strike (payment base units per underlying base unit).
    pub min_price_atomics: u128,
    /// The account that receives the payments (and funds a reserve).
    pub treasury: String,
    /// `None`: minted; `Some(amount)`: a reserve funded by the treasury at deployment.
    pub reserve: Option<u128>,
    /// How `then = "lock"` reaches the escrow's lock token (`None`: no lock possible).
    pub lock_route: Option<LockRoute>,
}

/// How an exercised underlying becomes the escrow's lock token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LockRoute {
    /// The escrow locks the underlying itself.
    Direct,
    /// The escrow locks the options pool's LP token: join the pool with the underlying alone,
    /// then lock the LP tokens minted.
    JoinPool,
}

/// What a farmer does with the underlying after an exercise.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Then {
    Hold,
    /// Lock it (see [`LockRoute`]): added to the user's lock, or a new lock ending
    /// `lock_for_secs` from now when the user has none.
    Lock {
        lock_for_secs: Option<u64>,
    },
    /// Sell it into the options pool (an exact-in swap).
    Sell,
}

impl Then {
    pub fn as_str(self) -> &'static str {
        match self {
            Then::Hold => "hold",
            Then::Lock { .. } => "lock",
            Then::Sell => "sell",
        }
    }
}

/// How a pool's stake counts for reward, by its tokenless share.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BoostMode {
    /// 100%: the stake counts fully, ve power changes nothing.
    None,
    /// 40% without ve power, up to the whole stake (2.5x) with it.
    Curve,
    /// Nothing without ve power (FOO: "no vetoken, no reward").
    Foo,
}

impl BoostMode {
    pub fn tokenless_share_pct(self) -> u8 {
        match self {
            BoostMode::None => trellis_types::farm::NO_BOOST_PCT,
            BoostMode::Curve => 40,
            BoostMode::Foo => 0,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            BoostMode::None => "none",
            BoostMode::Curve => "curve",
            BoostMode::Foo => "foo",
        }
    }
}

/// The voting escrow.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EscrowPlan {
    /// Index into `tokens` (an LP token allowed).
    pub lock_token: usize,
    /// `None`: the escrow's default (4 x 365 days).
    pub max_time_secs: Option<u64>,
}

/// The gauge controller: its types; the gauges are the farm's pools.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GaugesPlan {
    pub types: Vec<GaugeTypePlan>,
    /// `None`: the controller's default (10 days).
    pub vote_delay_secs: Option<u64>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GaugeTypePlan {
    pub name: String,
    pub weight: u128,
}

/// How the farm splits its emission across pools.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SplitPlan {
    /// By allocation weights (under the policy).
    Allocation,
    /// By the relative weight of each pool's gauge, week by week.
    Gauges,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TokenPlan {
    pub symbol: String,
    pub decimals: u8,
    /// The bank denom of a native token; `None` for a cw20.
    pub denom: Option<String>,
    /// The index of the amm pool whose LP token this is (a cw20 the pool creates).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amm_pool: Option<usize>,
}

impl TokenPlan {
    pub fn is_native(&self) -> bool {
        self.denom.is_some()
    }

    /// An amm pool's LP token: created by the pool, not by the simulator.
    pub fn is_lp(&self) -> bool {
        self.amm_pool.is_some()
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RewardPlan {
    /// Index into `tokens`.
    pub token: usize,
    pub source: SourcePlan,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SourcePlan {
    Mint,
    Reserve { funding: Vec<Funding> },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Funding {
    pub at_secs: u64,
    /// Line in the scenario file (1-based) that a failure on chain names.
    pub line: usize,
    pub amount: u128,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SchedulePlan {
    /// Clock units after the deployment block.
    pub start: u64,
    pub end: Option<u64>,
    /// Rates in base units of the reward token per clock unit.
    pub curve: Curve,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PolicyPlan {
    pub protocol_token: usize,
    pub max_solo_share_bps: u32,
    pub native_pairs_outweigh: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PoolPlan {
    pub name: String,
    /// Index into `tokens`.
    pub staking: usize,
    /// Token indices of the pair; `None` for a solo pool.
    pub pair: Option<[usize; 2]>,
    /// Allocation weight (0 in a gauge-split farm).
    pub weight: u64,
    /// The declared boost; `None` when the pool leaves it out (no boost, never compared).
    pub boost: Option<BoostMode>,
    /// Gauge-split farms: index into the gauge types.
    pub gauge_type: Option<usize>,
}

impl PoolPlan {
    /// The boost the pool runs with.
    pub fn boost_mode(&self) -> BoostMode {
        self.boost.unwrap_or(BoostMode::None)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WeightChange {
    pub at_secs: u64,
    pub pool: usize,
    pub weight: u64,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UserPlan {
    pub name: String,
    /// (token index, base units).
    pub balances: Vec<(usize, u128)>,
    pub actions: Vec<Action>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Action {
    pub at_secs: u64,
    /// Line of the action in the scenario file (1-based), so a failure on chain names it.
    pub line: usize,
    pub kind: ActionPlan,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ActionPlan {
    /// `None`: the user's whole balance of the staking token.
    Deposit {
        pool: usize,
        amount: Option<u128>,
    },
    /// `None`: everything staked.
    Withdraw {
        pool: usize,
        amount: Option<u128>,
    },
    /// `None`: every pool the user has a position in.
    Claim {
        pools: Option<Vec<usize>>,
    },
    EmergencyWithdraw {
        pool: usize,
    },
    /// A proportional join of an amm pool with at most these amounts (pool order; `None`: the
    /// user's whole balance of that asset).
    Join {
        amm_pool: usize,
        max_amounts: [Option<u128>; 2],
    },
    /// A proportional exit burning this many LP tokens (`None`: the whole LP balance).
    Exit {
        amm_pool: usize,
        amount: Option<u128>,
    },
    /// Lock this much of the escrow's token (`None`: the whole balance) until
    /// `lock_for_secs` from now.
    Lock {
        amount: Option<u128>,
        lock_for_secs: u64,
    },
    /// Add to the lock (`None`: the whole balance).
    IncreaseLock {
        amount: Option<u128>,
    },
    /// Move the lock's end to `lock_for_secs` from now.
    ExtendLock {
        lock_for_secs: u64,
    },
    /// Take the lock back after its end.
    WithdrawLock,
    /// Give `weight_bps` of the ve slope to the gauge of `pool`.
    Vote {
        pool: usize,
        weight_bps: u16,
    },
    /// Exercise this many options (`None`: the whole balance), paying at most the quote plus
    /// `max_slippage_bps`, then do `then` with the underlying.
    Exercise {
        amount: Option<u128>,
        max_slippage_bps: u16,
        then: Then,
    },
}

impl ActionPlan {
    /// A voting-escrow or gauge action (it runs against the escrow or the controller).
    pub fn is_ve(&self) -> bool {
        matches!(
            self,
            ActionPlan::Lock { .. }
                | ActionPlan::IncreaseLock { .. }
                | ActionPlan::ExtendLock { .. }
                | ActionPlan::WithdrawLock
                | ActionPlan::Vote { .. }
        )
    }
}

/// A weighted pool: created through the factory, then given its initial liquidity by the
/// [`LIQUIDITY`] account.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AmmPoolPlan {
    pub name: String,
    /// Token indices, in the pool's order.
    pub assets: [usize; 2],
    /// Percent, in the pool's order (sum 100).
    pub weights: [u64; 2],
    pub swap_fee_bps: u16,
    /// Token index of the LP token.
    pub lp_token: usize,
    /// Base units, in the pool's order.
    pub initial_liquidity: [u128; 2],
    pub protocol_fee: Option<ProtocolFeePlan>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProtocolFeePlan {
    pub share_bps: u16,
    /// Account name.
    pub collector: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TraderPlan {
    pub name: String,
    /// (token index, base units).
    pub balances: Vec<(usize, u128)>,
    pub kind: TraderKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TraderKind {
    /// Exact-in swaps at given moments, in file order; a failure stops the run.
    Scripted(Vec<SwapPlan>),
    /// Random exact-in swaps; a failure is logged and the run goes on.
    Random(RandomPlan),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SwapPlan {
    pub at_secs: u64,
    /// Line of the swap in the scenario file (1-based), so a failure on chain names it.
    pub line: usize,
    pub amm_pool: usize,
    /// Position of the asset sold in the pool (0 or 1).
    pub offer: usize,
    pub amount: u128,
    pub min_out: Option<u128>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RandomPlan {
    pub seed: u64,
    pub every_secs: u64,
    /// Amm pool indices.
    pub pools: Vec<usize>,
    pub max_size_bps: u16,
}

impl RandomPlan {
    /// The moments of the swaps: every interval after deployment, up to the end.
    pub fn times(&self, duration_secs: u64) -> impl Iterator<Item = u64> + '_ {
        (1..=duration_secs / self.every_secs).map(|k| k * self.every_secs)
    }
}

impl Plan {
    /// The same scenario with every pool that declares a boost set to `mode`.
    pub fn with_boost(&self, mode: BoostMode) -> Plan {
        let mut plan = self.clone();
        for pool in &mut plan.pools {
            if pool.boost.is_some() {
                pool.boost = Some(mode);
            }
        }
        plan
    }

    pub fn is_gauge_split(&self) -> bool {
        self.split == SplitPlan::Gauges
    }

    pub fn reward_token(&self) -> &TokenPlan {
        &self.tokens[self.reward.token]
    }

    pub fn is_height(&self) -> bool {
        self.clock == Clock::Height
    }

    /// Seconds per clock unit: the block time for the height clock, 1 for the time clock.
    pub fn secs_per_unit(&self) -> u64 {
        if self.is_height() {
            self.block_secs
        } else {
            1
        }
    }

    /// The clock unit's name, for labels.
    pub fn clock_unit(&self) -> &'static str {
        if self.is_height() {
            "block"
        } else {
            "s"
        }
    }

    /// Sample times in seconds: 0, step, 2 step, ... and always the end.
    pub fn sample_times(&self) -> Vec<u64> {
        let mut times: Vec<u64> = (0..=self.duration_secs / self.step_secs)
            .map(|k| k * self.step_secs)
            .collect();
        if times.last() != Some(&self.duration_secs) {
            times.push(self.duration_secs);
        }
        times
    }
}
