//! Messages of `contracts/farm`: multi-pool staking with emissions split by weights.
use cosmwasm_schema::{cw_serde, QueryResponses};
use cosmwasm_std::{Uint128, Uint256};
use cw20::Cw20ReceiveMsg;
use cw_ownable::{cw_ownable_execute, cw_ownable_query};

use crate::asset::AssetInfo;
pub use trellis_math::schedule::{Curve, Decay, Schedule};

/// What the farm's schedule counts: blocks (per-block emission, seed 000) or seconds.
#[cw_serde]
#[derive(Copy, Eq)]
pub enum Clock {
    Height,
    Time,
}

/// Where rewards come from.
#[cw_serde]
pub enum RewardSource {
    /// Mint a cw20 on claim. The farm must be the token's minter (cw20 `UpdateMinter`).
    /// Nothing is minted before it is claimed or recovered.
    Mint { cw20: String },
    /// Pay from a reserve topped up with `fund` (native) or a cw20 `Receive { Fund }`.
    /// Emission stops when the reserve is spent: nobody is promised what cannot be paid.
    Reserve { asset: AssetInfo },
}

/// Seed 000's allocation rules, checked on every weight change.
#[cw_serde]
pub struct AllocationPolicy {
    /// The protocol token: an LP pool is "native" when one of its pair assets is this token.
    pub protocol_token: AssetInfo,
    /// Solo pools together may hold at most this share of the total active weight (bps).
    pub max_solo_share_bps: u32,
    /// Every active native LP pool must weigh strictly more than every active non-native one.
    pub native_pairs_outweigh: bool,
}

#[cw_serde]
pub struct InstantiateMsg {
    pub owner: String,
    pub clock: Clock,
    pub schedule: Schedule,
    pub reward: RewardSource,
    pub policy: AllocationPolicy,
    /// The pool factory whose LP tokens LP pools stake. When set, `add_pool` of an LP pool
    /// checks with the factory that the staking token is one of its LP tokens and that the
    /// declared pair is that pool's pair, so a pool cannot pass itself off as native; the
    /// factory's protocol token must then be the policy's.
    pub lp_factory: Option<String>,
    /// The voting escrow whose powers boost pools with `tokenless_share_pct < 100`, and the
    /// only sender whose `LockChanged` notices the farm accepts. Register the farm with the
    /// escrow's `AddListener` so boosts follow lock changes. `None`: no pool may be boosted.
    pub voting_escrow: Option<String>,
    /// How emission is split across pools; `None` is `Allocation`.
    pub split: Option<EmissionSplit>,
}

/// How a farm splits its schedule's emission across its pools.
#[cw_serde]
pub enum EmissionSplit {
    /// By the pools' allocation weights, under the allocation policy (seed 000).
    Allocation,
    /// By the gauge controller's relative weight of each pool's gauge, week by week
    /// (seed 002). The schedule is what the farm would emit if its pools held all the
    /// controller's weight; shares of other gauges, cap excess and rounding dust are never
    /// emitted. Needs `Clock::Time`. Pool `p`'s gauge id is [`gauge_id`]`(farm, p)`; add it to
    /// the controller before `AddPool`. Allocation weights and the policy do not apply: risk
    /// classes are the controller's gauge types and limits are gauge caps.
    Gauges { controller: String },
}

/// The gauge id of a farm pool in the gauge controller.
pub fn gauge_id(farm: &str, pool_id: u64) -> String {
    format!("farm:{farm}:{pool_id}")
}

/// A pool's tokenless share when `AddPool` leaves it out: no boost.
pub const NO_BOOST_PCT: u8 = 100;

/// The kind of a pool: an LP token of a pair, or a single token ("solo").
#[cw_serde]
pub enum PoolKind {
    Lp { pair: [AssetInfo; 2] },
    Solo,
}

#[cw_ownable_execute]
#[cw_serde]
pub enum ExecuteMsg {
    /// Owner: add a pool staking `staking` (one pool per staking asset).
    AddPool {
        staking: AssetInfo,
        kind: PoolKind,
        /// Allocation weight; must be 0 in a gauge-split farm.
        weight: u64,
        /// Share of a stake that counts without ve power, in percent: 100 (the default) is no
        /// boost, 40 Curve's boost (up to 2.5x), 0 FOO's "no vetoken, no reward". Below 100
        /// needs the farm's `voting_escrow`.
        tokenless_share_pct: Option<u8>,
    },
    /// Owner: change a pool's weight from now on (never retroactive). 0 pauses its emission.
    SetWeight { pool_id: u64, weight: u64 },
    /// Owner: stop deposits and emission for a pool for good. Withdrawals and claims go on.
    DeactivatePool { pool_id: u64 },
    /// Owner: pay out undistributed reward (minted, or taken from the reserve) to `recipient`.
    /// `None` takes all of it.
    RecoverUndistributed {
        amount: Option<Uint128>,
        recipient: String,
    },
    /// Owner, reserve farms only: put undistributed reward back into the reserve, so the
    /// schedule can emit it again later.
    RolloverUndistributed { amount: Option<Uint128> },
    /// Owner: send `recipient` the farm's balance of `asset` that no book accounts for (tokens
    /// sent to the farm by mistake). Never touches staked principal, the reserve, or reward
    /// emitted and not yet claimed or recovered.
    Sweep { asset: AssetInfo, recipient: String },
    /// Top up a native reserve with the attached coins. Anyone may fund.
    Fund {},
    /// cw20 entry: `ReceiveMsg` in `msg`.
    Receive(Cw20ReceiveMsg),
    /// Stake native coins (exactly one coin, the pool's denom), credited to `recipient` or the sender.
    Deposit {
        pool_id: u64,
        recipient: Option<String>,
    },
    /// Unstake; rewards so far stay credited and are paid by `claim`.
    Withdraw {
        pool_id: u64,
        amount: Uint128,
        recipient: Option<String>,
    },
    /// Pay the pending reward of the listed pools (at most `MAX_CLAIM_POOLS`).
    Claim {
        pool_ids: Vec<u64>,
        recipient: Option<String>,
    },
    /// Return all principal of a pool and forfeit its pending reward (it becomes undistributed).
    /// Never pays or mints reward, so it works even when reward payment fails.
    EmergencyWithdraw {
        pool_id: u64,
        recipient: Option<String>,
    },
    /// Anyone: recompute `user`'s working balance in a boosted pool from their ve power now
    /// (resets a boost that went stale as the lock decayed or expired).
    Kick { user: String, pool_id: u64 },
    /// The voting escrow only (its listener notice): refresh `user`'s boost in up to
    /// `MAX_REFRESH_POOLS` of their boosted positions, in pool id order.
    LockChanged { user: String },
    /// Anyone, gauge-split farms: bring a pool's emission up to now, at most
    /// `MAX_GAUGE_WEEKS_PER_SETTLE` week boundaries per call; call again to resume. Needed
    /// only after a pool was idle longer than that (actions then refuse with
    /// `CheckpointRequired`, except emergency withdraw).
    CheckpointPool { pool_id: u64 },
    /// Anyone, in a farm migrated from before 0.3: move up to `limit` positions (default 10,
    /// max 100) from the old storage layout to the new one. Positions also move on their
    /// owner's next action; this only finishes the job, so the old layout stops being read.
    MigratePositions { limit: Option<u32> },
}

/// The `msg` of a cw20 `Send` to the farm.
#[cw_serde]
pub enum ReceiveMsg {
    Deposit {
        pool_id: u64,
        recipient: Option<String>,
    },
    Fund {},
}

#[cw_ownable_query]
#[cw_serde]
#[derive(QueryResponses)]
pub enum QueryMsg {
    #[returns(ConfigResponse)]
    Config {},
    /// Pools in id order; `limit` defaults to `DEFAULT_LIMIT` and is capped at `MAX_LIMIT`.
    #[returns(PoolsResponse)]
    Pools {
        start_after: Option<u64>,
        limit: Option<u32>,
    },
    #[returns(PoolResponse)]
    Pool { pool_id: u64 },
    #[returns(PositionResponse)]
    Position { pool_id: u64, user: String },
    /// A user's positions in pool id order, paginated.
    #[returns(PositionsResponse)]
    Positions {
        user: String,
        start_after: Option<u64>,
        limit: Option<u32>,
    },
    /// Pending reward per listed pool (at most `MAX_CLAIM_POOLS`), computed at query time.
    #[returns(PendingResponse)]
    Pending { user: String, pool_ids: Vec<u64> },
    /// The schedule's rate now, and what the reserve allows.
    #[returns(EmissionRateResponse)]
    EmissionRate {},
    /// What the schedule emits over `[from, to)` (clock units), ignoring reserve limits.
    #[returns(ProjectedEmissionResponse)]
    ProjectedEmission { from: u64, to: u64 },
    /// The reward stream's books: emitted = claimed + claimable + undistributed (+ recovered).
    #[returns(TotalsResponse)]
    Totals {},
    /// The allocation policy and where the current weights stand against it.
    #[returns(PolicyStatusResponse)]
    PolicyStatus {},
}

#[cw_serde]
pub struct ConfigResponse {
    pub clock: Clock,
    pub schedule: Schedule,
    pub reward: RewardSource,
    /// The reward token as an asset (the minted cw20, or the reserve asset).
    pub reward_asset: AssetInfo,
    pub policy: AllocationPolicy,
    pub lp_factory: Option<String>,
    pub voting_escrow: Option<String>,
    pub split: EmissionSplit,
    pub pool_count: u64,
}

#[cw_serde]
pub struct PoolResponse {
    pub pool_id: u64,
    pub staking: AssetInfo,
    pub kind: PoolKind,
    /// An LP pool one of whose pair assets is the protocol token.
    pub native: bool,
    pub weight: u64,
    pub active: bool,
    pub total_staked: Uint128,
    /// Reward per staked unit, scaled by `ACC_SCALE` (1e36), as of now.
    pub acc_reward_per_share: Uint256,
    /// This pool's share of the schedule's current rate (floor).
    pub current_rate: Uint128,
    /// Reward credited to this pool's stakers so far (as of now).
    pub distributed: Uint128,
    /// 100: no boost; 40: Curve; 0: FOO.
    pub tokenless_share_pct: u8,
    /// Sum of the stakers' working balances: what the pool's reward is spread over.
    pub working_supply: Uint128,
    /// Gauge-split farms: the pool's gauge id in the controller.
    pub gauge: Option<String>,
}

#[cw_serde]
pub struct PoolsResponse {
    pub pools: Vec<PoolResponse>,
}

#[cw_serde]
pub struct PositionResponse {
    pub pool_id: u64,
    pub user: String,
    pub staked: Uint128,
    /// The stake as it counts for reward, set at the user's last action, notice or kick.
    pub working: Uint128,
    /// Reward claimable now (rounded down).
    pub pending: Uint128,
    /// Reward this user has claimed from this pool.
    pub claimed: Uint128,
}

#[cw_serde]
pub struct PositionsResponse {
    pub positions: Vec<PositionResponse>,
}

#[cw_serde]
pub struct PendingResponse {
    pub user: String,
    pub pools: Vec<PoolPending>,
    pub total: Uint128,
}

#[cw_serde]
pub struct PoolPending {
    pub pool_id: u64,
    pub pending: Uint128,
}

#[cw_serde]
pub struct EmissionRateResponse {
    pub clock: Clock,
    pub now: u64,
    /// The schedule's rate for the current clock unit.
    pub scheduled_rate: Uint128,
    /// Reserve farms: what is left to emit. `None` for minted rewards.
    pub reserve_available: Option<Uint128>,
    pub total_weight: u64,
}

#[cw_serde]
pub struct ProjectedEmissionResponse {
    pub from: u64,
    pub to: u64,
    pub amount: Uint128,
}

/// Books of the reward stream, as of now (see `docs/farm.md` for the proofs):
/// - every farm: `emitted = claimed + claimable + undistributed + recovered`, where
///   `claimable` is what users can claim plus fractions not yet settled into whole units; once
///   every position is settled (e.g. all claim at one time) the identity holds to the unit with
///   `claimable = Σ pending + carried`;
/// - reserve farms also: `funded = emitted + reserve_available`.
#[cw_serde]
pub struct TotalsResponse {
    /// Reward the schedule released into the farm (after the reserve cap).
    pub emitted: Uint128,
    /// Reward paid to users.
    pub claimed: Uint128,
    /// Reward nobody could earn (zero-stake intervals, zero total weight, forfeits by
    /// emergency withdraw, rounding remainders), whole units, not yet recovered or rolled over.
    pub undistributed: Uint128,
    /// Whole units that the positions' carried fractions (credit below one unit each, kept
    /// on the positions across settlements) add to `undistributed`'s own fraction. Once every
    /// position is settled, `emitted = claimed + Σ pending + undistributed + carried +
    /// recovered` exactly.
    pub carried: Uint128,
    /// Undistributed reward the owner paid out with `RecoverUndistributed`.
    pub recovered: Uint128,
    /// Undistributed reward put back into the reserve with `RolloverUndistributed`.
    pub rolled_over: Uint128,
    /// Schedule emission that did not happen because the reserve was empty.
    pub skipped: Uint128,
    /// Reserve farms: total funded. 0 for minted rewards.
    pub funded: Uint128,
    /// Reserve farms: funded but not yet emitted. `None` for minted rewards.
    pub reserve_available: Option<Uint128>,
}

#[cw_serde]
pub struct PolicyStatusResponse {
    pub policy: AllocationPolicy,
    pub total_weight: u64,
    pub lp_weight: u64,
    pub solo_weight: u64,
    /// Solo weight as a share of the total, in bps (rounded up, as the check uses it).
    pub solo_share_bps: u32,
    pub min_native_lp_weight: Option<u64>,
    pub max_non_native_lp_weight: Option<u64>,
    /// Both rules hold for the current weights.
    pub satisfied: bool,
}

#[cw_serde]
pub struct MigrateMsg {}
