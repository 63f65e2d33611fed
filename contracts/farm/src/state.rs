//! Storage layout. Accounting logic lives in `accounting.rs`; this file says where things are
//! kept and how they are encoded.
//!
//! Records are split by how often they change, because a chain charges for every byte
//! written (docs/bench.md, "Storage layout"):
//!
//! | record | key | written by |
//! |---|---|---|
//! | `Config` | `c` | instantiate, migrations |
//! | `Checkpoint` (level one and the farm-wide books) | `b` | admin messages, funding, and a user action only when it moves the weight basis (a pool's working supply to or from zero) |
//! | `PoolInfo` (asset, kind, weight, flags) | `pi` + id | admin messages |
//! | `PoolState` (stake, accumulators, the pool's books) | `ps` + id | every action on the pool |
//! | `StoredPosition` | `p` + canonical user + id | every action on the position |
//!
//! Level one between checkpoints is derived, not stored: `Books::load` brings the
//! checkpoint up to now in memory (`advance_emission`), and it is written back only when
//! something other than that derivation changed it. Values are postcard records
//! (`trellis_store`): integers as varints, 256-bit numbers as big-endian bytes.
use cosmwasm_std::{Addr, Decimal, Uint128, Uint256};
use serde::{Deserialize, Serialize};
use trellis_math::schedule::{Cursor, Schedule};
use trellis_store::num::{opt_u128, u128 as c128, u256 as c256};
use trellis_types::farm::{AllocationPolicy, Clock, PoolKind, RewardSource};
use trellis_types::AssetInfo;

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
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
    /// Positions written before 0.3.0 may still sit in the old layout: a position not found
    /// is then looked up there (`positions.rs`) until `MigratePositions` has moved them all.
    pub legacy_positions: bool,
}

impl Config {
    pub fn is_gauge_split(&self) -> bool {
        self.gauge_controller.is_some()
    }
}

/// Level one of a pool in a gauge-split farm: each pool integrates the schedule times its
/// gauge's relative weight itself, so no update ever visits other pools.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct GaugeAccrual {
    /// Clock value (seconds) up to which this pool's share has been taken.
    pub last_update: u64,
    /// Schedule integral F(last_update).
    #[serde(with = "c128")]
    pub scheduled: Uint128,
    /// The schedule's epoch walk for this pool.
    pub cursor: Cursor,
    /// The relative weight of the week being walked: a started week's weight is final (votes
    /// and admin changes apply from the next week), so it is queried once per week.
    pub cached: Option<WeekWeight>,
    /// Share below one whole unit, in 1e-18 units, carried to the next segment.
    #[serde(with = "c128")]
    pub carry: Uint128,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct WeekWeight {
    pub week: u64,
    #[serde(with = "trellis_store::num::decimal")]
    pub relative_weight: Decimal,
}

/// Level one of the two-level accumulator: reward per unit of weight, for all pools at once.
/// A weight change only touches this and the one pool, so it is O(1).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Emission {
    /// Clock value up to which the schedule has been processed.
    pub last_update: u64,
    /// Schedule integral F(last_update) (what the schedule released up to then).
    #[serde(with = "c128")]
    pub scheduled: Uint128,
    /// Where the schedule's epoch walk stands, so the next update resumes there.
    pub cursor: Cursor,
    /// Reward per unit of weight since the farm began, scaled by ACC_SCALE.
    #[serde(with = "c256")]
    pub reward_per_weight: Uint256,
    /// Sum of the weights of active pools.
    pub total_weight: u64,
    /// Sum of the weights of active pools with nothing staked: their share is booked as
    /// undistributed as it is emitted, so no pool has to be visited to find it.
    pub unstaked_weight: u64,
}

/// The farm-wide books: what level one and the admin messages move. What user actions move
/// (claims, carried fractions, a pool's own remainders and forfeits) is booked on the pool
/// (`Pool::claimed`, `carried_scaled`, `undistributed_scaled`); `TotalsResponse` adds both.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct Ledger {
    #[serde(with = "c128")]
    pub emitted: Uint128,
    /// Undistributed reward scaled by ACC_SCALE, so rounding remainders are kept exactly.
    #[serde(with = "c256")]
    pub undistributed_scaled: Uint256,
    #[serde(with = "c128")]
    pub recovered: Uint128,
    #[serde(with = "c128")]
    pub rolled_over: Uint128,
    #[serde(with = "c128")]
    pub skipped: Uint128,
    #[serde(with = "c128")]
    pub funded: Uint128,
    #[serde(with = "c128")]
    pub reserve_available: Uint128,
    /// Gauge-split reserve farms: clock value of the last `Fund` that found the reserve empty.
    /// Pool shares for time before it are skipped, so a top-up pays from when it arrived
    /// and not whoever settles first after it (`gauge::accrue`).
    pub paid_from: u64,
    /// Farms migrated from 0.2: what was claimed before, when claims were booked farm-wide.
    #[serde(with = "c128")]
    pub legacy_claimed: Uint128,
    /// Farms migrated from 0.2: the carries of positions still in the old layout. Each moves to
    /// its pool's `carried_scaled` when the position is first loaded (`pools.rs`).
    #[serde(with = "c256")]
    pub legacy_carried_scaled: Uint256,
}

/// Level one and the farm-wide books, as of `emission.last_update`: one record, because
/// every message reads both and only the same rare events write them.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Checkpoint {
    pub emission: Emission,
    pub ledger: Ledger,
}

/// A pool as handlers use it: `PoolInfo` and `PoolState` together (`pools.rs` loads and
/// saves the two records).
#[derive(Clone, Debug, PartialEq)]
pub struct Pool {
    pub staking: AssetInfo,
    pub kind: PoolKind,
    pub native: bool,
    pub weight: u64,
    pub active: bool,
    /// Share of a stake that counts without ve power, in percent (100: no boost).
    pub tokenless_share_pct: u8,
    /// Tracked here, never read from balances (the staked token may be the reward token).
    pub total_staked: Uint128,
    /// Sum of the positions' working balances: what level two spreads over.
    pub working_supply: Uint128,
    /// Level two: reward per working unit, scaled by ACC_SCALE.
    pub acc_per_share: Uint256,
    /// `Emission::reward_per_weight` when this pool was last settled.
    pub reward_per_weight_paid: Uint256,
    /// Reward credited to this pool's stakers (scaled), for reports.
    pub distributed_scaled: Uint256,
    /// This pool's part of the undistributed books (scaled): the remainders of spreading its
    /// share over its working supply, forfeits, and carries of positions that left.
    pub undistributed_scaled: Uint256,
    /// Sum of this pool's positions' `carry` (scaled).
    pub carried_scaled: Uint256,
    /// Reward paid to this pool's stakers.
    pub claimed: Uint128,
    /// Gauge-split farms only.
    pub gauge: Option<GaugeAccrual>,
    /// Boosted pools: the pool stake at the first touch of the block `stake_block`, the
    /// stake boosts are computed against. Moving stake inside a block (withdraw, kick a
    /// victim, re-deposit) then cannot move anyone's working balance (`boost.rs`).
    pub stake_at_block_start: Uint128,
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

/// The part of a pool set at creation; only admin messages change it (weight, active).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct PoolInfo {
    pub staking: AssetInfo,
    pub kind: PoolKind,
    pub native: bool,
    pub weight: u64,
    pub active: bool,
    pub tokenless_share_pct: u8,
}

/// The part of a pool user actions change. Field order is the encoding: keep it.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct PoolState {
    #[serde(with = "c128")]
    pub total_staked: Uint128,
    /// `None` when equal to `total_staked` (always so in unboosted pools): one byte.
    #[serde(with = "opt_u128")]
    pub working_supply: Option<Uint128>,
    #[serde(with = "c256")]
    pub acc_per_share: Uint256,
    #[serde(with = "c256")]
    pub reward_per_weight_paid: Uint256,
    #[serde(with = "c256")]
    pub distributed_scaled: Uint256,
    #[serde(with = "c256")]
    pub undistributed_scaled: Uint256,
    #[serde(with = "c256")]
    pub carried_scaled: Uint256,
    #[serde(with = "c128")]
    pub claimed: Uint128,
    #[serde(with = "c128")]
    pub stake_at_block_start: Uint128,
    pub stake_block: u64,
    pub gauge: Option<GaugeAccrual>,
}

impl Pool {
    pub fn from_parts(info: PoolInfo, state: PoolState) -> Self {
        Pool {
            staking: info.staking,
            kind: info.kind,
            native: info.native,
            weight: info.weight,
            active: info.active,
            tokenless_share_pct: info.tokenless_share_pct,
            working_supply: state.working_supply.unwrap_or(state.total_staked),
            total_staked: state.total_staked,
            acc_per_share: state.acc_per_share,
            reward_per_weight_paid: state.reward_per_weight_paid,
            distributed_scaled: state.distributed_scaled,
            undistributed_scaled: state.undistributed_scaled,
            carried_scaled: state.carried_scaled,
            claimed: state.claimed,
            gauge: state.gauge,
            stake_at_block_start: state.stake_at_block_start,
            stake_block: state.stake_block,
        }
    }

    pub fn info(&self) -> PoolInfo {
        PoolInfo {
            staking: self.staking.clone(),
            kind: self.kind.clone(),
            native: self.native,
            weight: self.weight,
            active: self.active,
            tokenless_share_pct: self.tokenless_share_pct,
        }
    }

    pub fn state(&self) -> PoolState {
        PoolState {
            total_staked: self.total_staked,
            working_supply: (self.working_supply != self.total_staked)
                .then_some(self.working_supply),
            acc_per_share: self.acc_per_share,
            reward_per_weight_paid: self.reward_per_weight_paid,
            distributed_scaled: self.distributed_scaled,
            undistributed_scaled: self.undistributed_scaled,
            carried_scaled: self.carried_scaled,
            claimed: self.claimed,
            stake_at_block_start: self.stake_at_block_start,
            stake_block: self.stake_block,
            gauge: self.gauge.clone(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Default)]
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
    pub carry: Uint128,
    /// Boosted pools: the owner's ve power at the last refresh of `working`. A third party's
    /// `Kick` is allowed only once it has fallen (Curve's rule).
    pub power_at_refresh: Uint128,
}

/// A position as stored. Field order is the encoding: keep it.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct StoredPosition {
    #[serde(with = "c128")]
    pub staked: Uint128,
    /// `None` when equal to `staked` (always so in unboosted pools).
    #[serde(with = "opt_u128")]
    pub working: Option<Uint128>,
    #[serde(with = "c256")]
    pub acc_per_share_paid: Uint256,
    #[serde(with = "c128")]
    pub pending: Uint128,
    #[serde(with = "c128")]
    pub claimed: Uint128,
    #[serde(with = "c128")]
    pub carry: Uint128,
    #[serde(with = "c128")]
    pub power_at_refresh: Uint128,
}

impl From<&Position> for StoredPosition {
    fn from(p: &Position) -> Self {
        StoredPosition {
            staked: p.staked,
            working: (p.working != p.staked).then_some(p.working),
            acc_per_share_paid: p.acc_per_share_paid,
            pending: p.pending,
            claimed: p.claimed,
            carry: p.carry,
            power_at_refresh: p.power_at_refresh,
        }
    }
}

impl From<StoredPosition> for Position {
    fn from(p: StoredPosition) -> Self {
        Position {
            working: p.working.unwrap_or(p.staked),
            staked: p.staked,
            acc_per_share_paid: p.acc_per_share_paid,
            pending: p.pending,
            claimed: p.claimed,
            carry: p.carry,
            power_at_refresh: p.power_at_refresh,
        }
    }
}

/// Running sums the allocation policy needs, so checks never loop over pools.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct PolicyWeights {
    pub lp_weight: u64,
    pub solo_weight: u64,
}

pub const CONFIG: trellis_store::Item<Config> = trellis_store::Item::new("c");
pub const CHECKPOINT: trellis_store::Item<Checkpoint> = trellis_store::Item::new("b");
pub const POOL_INFO: trellis_store::Map<u64, PoolInfo> = trellis_store::Map::new("pi");
pub const POOL_STATE: trellis_store::Map<u64, PoolState> = trellis_store::Map::new("ps");
/// (canonical user address, pool id) -> position; keyed by user first so a user's positions
/// page by pool id. The canonical form is 20-32 bytes where the bech32 string is 43-67.
pub const POSITIONS: trellis_store::Map<(&[u8], u64), StoredPosition> =
    trellis_store::Map::new("p");
// Admin-only records keep their 0.2 layout (JSON): no user action reads or writes them.
pub const POOL_COUNT: cw_storage_plus::Item<u64> = cw_storage_plus::Item::new("pool_count");
pub const POLICY_WEIGHTS: cw_storage_plus::Item<PolicyWeights> =
    cw_storage_plus::Item::new("policy_weights");
/// Staking asset key -> pool id: one pool per staking asset.
pub const POOL_BY_ASSET: cw_storage_plus::Map<&str, u64> =
    cw_storage_plus::Map::new("pool_by_asset");
/// (user, pool id) of every position with stake in a boosted pool: what a `LockChanged`
/// notice refreshes, without scanning the user's other positions.
pub const BOOSTED_POSITIONS: cw_storage_plus::Map<(&Addr, u64), ()> =
    cw_storage_plus::Map::new("boosted_positions");
/// Weighted active native LP pools, ordered by (weight, id): the lightest is the first key.
pub const NATIVE_LP: cw_storage_plus::Map<(u64, u64), ()> = cw_storage_plus::Map::new("native_lp");
/// Weighted active non-native LP pools, ordered by (weight, id): the heaviest is the last key.
pub const OTHER_LP: cw_storage_plus::Map<(u64, u64), ()> = cw_storage_plus::Map::new("other_lp");
