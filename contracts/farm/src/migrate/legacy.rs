//! The storage layout before 0.3.0: every record JSON under cw-storage-plus, the pool one
//! record, the emission and the whole ledger rewritten by every action. Kept only so
//! `migrate` can read state that older code wrote (and tests can write it).
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

pub const CONFIG: Item<Config> = Item::new("config");
pub const EMISSION: Item<Emission> = Item::new("emission");
pub const LEDGER: Item<Ledger> = Item::new("ledger");
pub const POOLS: Map<u64, Pool> = Map::new("pools");
/// (user, pool id) -> position.
pub const POSITIONS: Map<(&Addr, u64), Position> = Map::new("positions");

/// A 0.2 position as the handlers use it now.
pub fn position(old: Position) -> crate::state::Position {
    crate::state::Position {
        staked: old.staked,
        working: old.working,
        acc_per_share_paid: old.acc_per_share_paid,
        pending: old.pending,
        claimed: old.claimed,
        carry: old.carry,
        power_at_refresh: old.power_at_refresh,
    }
}

fn gauge(old: GaugeAccrual) -> crate::state::GaugeAccrual {
    crate::state::GaugeAccrual {
        last_update: old.last_update,
        scheduled: old.scheduled,
        cursor: old.cursor,
        cached: old.cached.map(|c| crate::state::WeekWeight {
            week: c.week,
            relative_weight: c.relative_weight,
        }),
        carry: old.carry,
    }
}

/// A 0.2 pool as the handlers use it now. Claims, carries and undistributed remainders were
/// booked farm-wide then, so the pool's own books start at zero (the ledger keeps the rest).
pub fn pool(old: Pool) -> crate::state::Pool {
    crate::state::Pool {
        staking: old.staking,
        kind: old.kind,
        native: old.native,
        weight: old.weight,
        active: old.active,
        tokenless_share_pct: old.tokenless_share_pct,
        total_staked: old.total_staked,
        working_supply: old.working_supply,
        acc_per_share: old.acc_per_share,
        reward_per_weight_paid: old.reward_per_weight_paid,
        distributed_scaled: old.distributed_scaled,
        undistributed_scaled: Uint256::zero(),
        carried_scaled: Uint256::zero(),
        claimed: Uint128::zero(),
        gauge: old.gauge.map(gauge),
        stake_at_block_start: old.stake_at_block_start,
        stake_block: old.stake_block,
    }
}

/// The 0.2 config, emission and ledger as the new config and checkpoint.
pub fn checkpoint(
    config: Config,
    emission: Emission,
    ledger: Ledger,
    legacy_positions: bool,
) -> (crate::state::Config, crate::state::Checkpoint) {
    let config = crate::state::Config {
        clock: config.clock,
        schedule: config.schedule,
        reward: config.reward,
        reward_asset: config.reward_asset,
        policy: config.policy,
        lp_factory: config.lp_factory,
        voting_escrow: config.voting_escrow,
        gauge_controller: config.gauge_controller,
        legacy_positions,
    };
    let checkpoint = crate::state::Checkpoint {
        emission: crate::state::Emission {
            last_update: emission.last_update,
            scheduled: emission.scheduled,
            cursor: emission.cursor,
            reward_per_weight: emission.reward_per_weight,
            total_weight: emission.total_weight,
            unstaked_weight: emission.unstaked_weight,
        },
        ledger: crate::state::Ledger {
            emitted: ledger.emitted,
            undistributed_scaled: ledger.undistributed_scaled,
            recovered: ledger.recovered,
            rolled_over: ledger.rolled_over,
            skipped: ledger.skipped,
            funded: ledger.funded,
            reserve_available: ledger.reserve_available,
            paid_from: ledger.paid_from,
            legacy_claimed: ledger.claimed,
            legacy_carried_scaled: ledger.carried_scaled,
        },
    };
    (config, checkpoint)
}
