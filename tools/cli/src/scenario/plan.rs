//! A checked scenario, ready to run: names resolved to indices, amounts in base units, times
//! in seconds since the deployment block, schedule values in the farm's clock unit.
use serde::Serialize;
use trellis_types::farm::{Clock, Curve};

/// The account that funds reserve farms (it receives exactly the funding it needs).
pub const TREASURY: &str = "treasury";
/// Names the simulator uses itself: users may not take them.
pub const RESERVED_NAMES: [&str; 2] = ["owner", TREASURY];

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
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TokenPlan {
    pub symbol: String,
    pub decimals: u8,
    /// The bank denom of a native token; `None` for a cw20.
    pub denom: Option<String>,
}

impl TokenPlan {
    pub fn is_native(&self) -> bool {
        self.denom.is_some()
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
    pub weight: u64,
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
    pub kind: ActionPlan,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ActionPlan {
    Deposit {
        pool: usize,
        amount: u128,
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
}

impl Plan {
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
