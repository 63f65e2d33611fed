//! Storage layout. Accounting logic lives in `accounting.rs`; this file only says where
//! things are kept.
use cosmwasm_schema::cw_serde;
use cosmwasm_std::{Addr, Decimal, Uint128, Uint256};
use cw_storage_plus::{Item, Map};
use trellis_math::schedule::{Cursor, Schedule};
use trellis_types::farm::{AllocationPolicy, Clock, PoolKind, RewardSource};
use trellis_types::AssetInfo;

#[cw_serde]
pub struct Config {
    pub clock: Clock,
    pub schedule: Schedule,
    pub reward: RewardSource,
    /// The token paid on claim (the minted cw20 or the reserve asset), validated.
    pub reward_asset: AssetInfo,
    pub policy: AllocationPolicy,
    /// Checks LP pools against the factory's pools (see `InstantiateMsg::lp_factory`).
    pub lp_factory: Option<Addr>,
    /// Boosted pools read ve powers here; only it may send `LockChanged`.
    pub voting_escrow: Option<Addr>,
    /// Set in gauge-split farms: pools take the controller's relative weights, week by week.
    pub gauge_controller: Option<Addr>,
}

impl Config {
    pub fn is_gauge_split(&self) -> bool {
        self.gauge_controller.is_some()
    }
}

/// Level one of a pool in a gauge-split farm: each pool integrates the schedule times its
/// gauge's relative weight itself, so no update ever visits other pools.
#[cw_serde]
pub struct GaugeAccrual {
    /// Clock value (seconds) up to which this pool's share has been taken.
    pub last_update: u64,
    /// Schedule integral F(last_update).
    pub scheduled: Uint128,
    /// The schedule's epoch walk for this pool.
    pub cursor: Cursor,
    /// The relative weight of the week being walked: a started week's weight is final (votes
    /// and admin changes apply from the next week), so it is queried once per week.
    pub cached: Option<WeekWeight>,
    /// Share below one whole unit, in 1e-18 units, carried to the next segment.
    pub carry: Uint128,
}

#[cw_serde]
pub struct WeekWeight {
    pub week: u64,
    pub relative_weight: Decimal,
}

/// Level one of the two-level accumulator: reward per unit of weight, for all pools at once.
/// A weight change only touches this and the one pool, so it is O(1).
#[cw_serde]
pub struct Emission {
    /// Clock value up to which the schedule has been processed.
    pub last_update: u64,
    /// Schedule integral F(last_update) (what the schedule released up to then).
    pub scheduled: Uint128,
    /// Where the schedule's epoch walk stands, so the next update resumes there.
    pub cursor: Cursor,
    /// Reward per unit of weight since the farm began, scaled by ACC_SCALE.
    pub reward_per_weight: Uint256,
    /// Sum of the weights of active pools.
    pub total_weight: u64,
    /// Sum of the weights of active pools with nothing staked: their share is booked as
    /// undistributed as it is emitted, so no pool has to be visited to find it.
    pub unstaked_weight: u64,
}

/// The books of the reward stream. See `TotalsResponse` for the identities they satisfy.
#[cw_serde]
#[derive(Default)]
pub struct Ledger {
    pub emitted: Uint128,
    pub claimed: Uint128,
    /// Undistributed reward scaled by ACC_SCALE, so rounding remainders are kept exactly.
    pub undistributed_scaled: Uint256,
    pub recovered: Uint128,
    pub rolled_over: Uint128,
    pub skipped: Uint128,
    pub funded: Uint128,
    pub reserve_available: Uint128,
    /// Sum of the positions' `carry`, scaled: credited to positions but below one unit each,
    /// so `emitted * ACC_SCALE` is accounted for exactly (`accounting::settle_position`).
    #[serde(default)]
    pub carried_scaled: Uint256,
    /// Gauge-split reserve farms: clock value of the last `Fund` that found the reserve empty.
    /// Pool shares for time before it are skipped, so a top-up pays from when it arrived
    /// and not whoever settles first after it (`gauge::accrue`).
    #[serde(default)]
    pub paid_from: u64,
}

#[cw_serde]
pub struct Pool {
    pub staking: AssetInfo,
    pub kind: PoolKind,
    pub native: bool,
    pub weight: u64,
    pub active: bool,
    /// Tracked here, never read from balances (the staked token may be the reward token).
    pub total_staked: Uint128,
    /// Share of a stake that counts without ve power, in percent (100: no boost).
    pub tokenless_share_pct: u8,
    /// Sum of the positions' working balances: what level two spreads over.
    pub working_supply: Uint128,
    /// Level two: reward per working unit, scaled by ACC_SCALE.
    pub acc_per_share: Uint256,
    /// `Emission::reward_per_weight` when this pool was last settled.
    pub reward_per_weight_paid: Uint256,
    /// Reward credited to this pool's stakers (scaled), for reports.
    pub distributed_scaled: Uint256,
    /// Gauge-split farms only.
    pub gauge: Option<GaugeAccrual>,
    /// Boosted pools: the pool stake at the first touch of the block `stake_block`, the
    /// stake boosts are computed against. Moving stake inside a block (withdraw, kick a
    /// victim, re-deposit) then cannot move anyone's working balance (`boost.rs`).
    #[serde(default)]
    pub stake_at_block_start: Uint128,
    #[serde(default)]
    pub stake_block: u64,
}

impl Pool {
    /// Records the stake at the block's first touch; call before the message moves stake.
    pub fn note_block(&mut self, height: u64) {
        if self.is_boosted() && self.stake_block != height {
            self.stake_block = height;
            self.stake_at_block_start = self.total_staked;
        }
    }

    /// Counts toward `Emission::unstaked_weight`: nobody could earn its share (a pool with
    /// stake can still have zero working supply under FOO's boost).
    pub fn is_unstaked_and_weighted(&self) -> bool {
        self.active && self.weight > 0 && self.working_supply.is_zero()
    }

    pub fn is_boosted(&self) -> bool {
        self.tokenless_share_pct < trellis_types::farm::NO_BOOST_PCT
    }
}

#[cw_serde]
#[derive(Default)]
pub struct Position {
    pub staked: Uint128,
    /// The stake as it counts for reward (boosted pools: `working_balance`, else `staked`).
    pub working: Uint128,
    /// `Pool::acc_per_share` when this position was last settled.
    pub acc_per_share_paid: Uint256,
    /// Settled reward not yet claimed, whole units.
    pub pending: Uint128,
    pub claimed: Uint128,
    /// Credited reward below one whole unit, scaled by ACC_SCALE (< ACC_SCALE): kept across
    /// settlements, so however often anyone settles the position its total credit is the
    /// floor of its exact share.
    #[serde(default)]
    pub carry: Uint128,
    /// Boosted pools: the owner's ve power at the last refresh of `working`. A third party's
    /// `Kick` is allowed only once it has fallen (Curve's rule).
    #[serde(default)]
    pub power_at_refresh: Uint128,
}

/// Running sums the allocation policy needs, so checks never loop over pools.
#[cw_serde]
#[derive(Default)]
pub struct PolicyWeights {
    pub lp_weight: u64,
    pub solo_weight: u64,
}

pub const CONFIG: Item<Config> = Item::new("config");
pub const EMISSION: Item<Emission> = Item::new("emission");
pub const LEDGER: Item<Ledger> = Item::new("ledger");
pub const POOL_COUNT: Item<u64> = Item::new("pool_count");
pub const POOLS: Map<u64, Pool> = Map::new("pools");
/// Staking asset key -> pool id: one pool per staking asset.
pub const POOL_BY_ASSET: Map<&str, u64> = Map::new("pool_by_asset");
/// (user, pool id) -> position; keyed by user first so a user's positions page by pool id.
pub const POSITIONS: Map<(&Addr, u64), Position> = Map::new("positions");
/// (user, pool id) of every position with stake in a boosted pool: what a `LockChanged`
/// notice refreshes, without scanning the user's other positions.
pub const BOOSTED_POSITIONS: Map<(&Addr, u64), ()> = Map::new("boosted_positions");
pub const POLICY_WEIGHTS: Item<PolicyWeights> = Item::new("policy_weights");
/// Weighted active native LP pools, ordered by (weight, id): the lightest is the first key.
pub const NATIVE_LP: Map<(u64, u64), ()> = Map::new("native_lp");
/// Weighted active non-native LP pools, ordered by (weight, id): the heaviest is the last key.
pub const OTHER_LP: Map<(u64, u64), ()> = Map::new("other_lp");
