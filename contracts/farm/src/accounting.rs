//! The two-level accumulator, as functions of values so that execute handlers and queries
//! (which compute pending rewards "as of now" without writing) share one implementation.
//!
//! Level one gives each pool its share of what the schedule releases: in allocation-split
//! farms by spreading it over the total weight (`reward_per_weight`, one update for all
//! pools), in gauge-split farms by each pool integrating the schedule times its gauge's
//! relative weight itself (`gauge.rs`). Level two spreads a pool's share over its working
//! supply (`acc_per_share`). Every division rounds down and its remainder is booked as
//! undistributed in scaled units, so `emitted * ACC_SCALE` is always accounted for exactly.
use cosmwasm_std::{Env, QuerierWrapper, Storage, Uint128, Uint256};
use trellis_math::accumulator::{earned, from_scaled_floor, spread, to_scaled};
use trellis_types::farm::{Clock, RewardSource};

use crate::boost::{refresh_working, Powers};
use crate::error::ContractError;
use crate::gauge;
use crate::limits::MAX_GAUGE_WEEKS_PER_SETTLE;
use crate::pools::PositionKey;
use crate::state::{Checkpoint, Config, Emission, Ledger, Pool, Position, CHECKPOINT, CONFIG};

/// The farm's clock reading: block height or seconds.
pub fn clock_now(clock: Clock, env: &Env) -> u64 {
    match clock {
        Clock::Height => env.block.height,
        Clock::Time => env.block.time.seconds(),
    }
}

/// How far a gauge-split pool's settlement may ask the controller for week weights.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum GaugeWalk {
    /// One query per uncached week, up to the walk bound.
    Query,
    /// No query: stop at the first week whose weight is not cached.
    CachedOnly,
}

/// Config, level-one state and ledger, brought up to the current clock reading.
pub struct Books<'a> {
    pub config: Config,
    pub emission: Emission,
    pub ledger: Ledger,
    /// The checkpoint as `load` derived it for now: `save` writes only when the handler
    /// changed something beyond that derivation.
    derived: Checkpoint,
    pub now: u64,
    /// Gauge-split farms ask the controller for relative weights while settling.
    pub querier: QuerierWrapper<'a>,
    pub env: Env,
}

impl<'a> Books<'a> {
    pub fn load(
        storage: &dyn Storage,
        querier: QuerierWrapper<'a>,
        env: &Env,
    ) -> Result<Self, ContractError> {
        let config = CONFIG.load(storage)?;
        let Checkpoint {
            mut emission,
            mut ledger,
        } = CHECKPOINT.load(storage)?;
        let now = clock_now(config.clock, env);
        // Gauge-split pools take their shares themselves as they settle.
        if !config.is_gauge_split() {
            advance_emission(&config, &mut emission, &mut ledger, now)?;
        }
        Ok(Books {
            derived: Checkpoint {
                emission: emission.clone(),
                ledger: ledger.clone(),
            },
            config,
            emission,
            ledger,
            now,
            querier,
            env: env.clone(),
        })
    }

    /// Writes the checkpoint if the handler moved it: a weight, the unstaked weight (a pool's
    /// working supply to or from zero), the reserve or the farm-wide books. Otherwise the
    /// next `load` derives the same state again from the stored checkpoint: `advance_emission`
    /// over a longer span credits the floor of the exact spread, and books its remainder, the
    /// same way.
    pub fn save(&self, storage: &mut dyn Storage) -> Result<(), ContractError> {
        if self.emission != self.derived.emission || self.ledger != self.derived.ledger {
            CHECKPOINT.save(
                storage,
                &Checkpoint {
                    emission: self.emission.clone(),
                    ledger: self.ledger.clone(),
                },
            )?;
        }
        Ok(())
    }

    /// The position of `key` in `pool`, or an empty one (`PositionKey::load`: a position still
    /// in the 0.2 layout moves its carry into the pool's books as it loads).
    pub fn position(
        &mut self,
        storage: &dyn Storage,
        key: &PositionKey,
        pool_id: u64,
        pool: &mut Pool,
    ) -> Result<Position, ContractError> {
        key.load(storage, &self.config, &mut self.ledger, pool_id, pool)
    }

    /// As `position`, `None` when there is none.
    pub fn stored_position(
        &mut self,
        storage: &dyn Storage,
        key: &PositionKey,
        pool_id: u64,
        pool: &mut Pool,
    ) -> Result<Option<Position>, ContractError> {
        key.may_load(storage, &self.config, &mut self.ledger, pool_id, pool)
    }

    /// Brings `pool` up to now against level one, walking at most
    /// `MAX_GAUGE_WEEKS_PER_SETTLE` weeks in a gauge-split farm; returns whether it got there.
    /// Stopping short is safe: the pool keeps what it has taken so far, and the rest follows.
    pub fn settle_pool_bounded(
        &mut self,
        pool_id: u64,
        pool: &mut Pool,
    ) -> Result<bool, ContractError> {
        self.settle_pool_walking(pool_id, pool, GaugeWalk::Query)
    }

    /// As `settle_pool_bounded`; with `GaugeWalk::CachedOnly` a gauge-split pool stops
    /// before any week whose weight it has not cached (no controller query), which keeps a
    /// lock-change notice's cost independent of how long its pools were idle.
    pub fn settle_pool_walking(
        &mut self,
        pool_id: u64,
        pool: &mut Pool,
        walk: GaugeWalk,
    ) -> Result<bool, ContractError> {
        pool.note_block(self.env.block.height);
        if pool.gauge.is_some() {
            gauge::accrue(self, pool_id, pool, MAX_GAUGE_WEEKS_PER_SETTLE, walk)
        } else {
            settle_pool(&self.emission, pool)?;
            Ok(true)
        }
    }

    /// Brings `pool` up to now, or refuses with `CheckpointRequired`: a stake change on a
    /// pool that is behind would apply to the time it has not yet been paid for.
    pub fn settle_pool(&mut self, pool_id: u64, pool: &mut Pool) -> Result<(), ContractError> {
        if self.settle_pool_bounded(pool_id, pool)? {
            Ok(())
        } else {
            Err(ContractError::CheckpointRequired {
                pool_id,
                max_weeks: MAX_GAUGE_WEEKS_PER_SETTLE,
            })
        }
    }

    /// Settles `pool` up to now, then `position` against the pool.
    pub fn settle(
        &mut self,
        pool_id: u64,
        pool: &mut Pool,
        position: &mut Position,
    ) -> Result<(), ContractError> {
        self.settle_pool(pool_id, pool)?;
        settle_position(pool, position)
    }

    /// Recomputes the position's working balance (see `boost::refresh_working`); the pool
    /// and the position must be settled.
    pub fn refresh_working(
        &mut self,
        powers: &mut Powers,
        pool: &mut Pool,
        position: &mut Position,
    ) -> Result<(), ContractError> {
        self.refresh_working_adding(powers, pool, position, Uint128::zero())
    }

    /// As `refresh_working`, for a message that just added `added` to the position's stake.
    pub fn refresh_working_adding(
        &mut self,
        powers: &mut Powers,
        pool: &mut Pool,
        position: &mut Position,
        added: Uint128,
    ) -> Result<(), ContractError> {
        refresh_working(
            &self.config,
            powers,
            &mut self.emission,
            pool,
            position,
            added,
        )
    }
}

/// Books `scaled` as undistributed at farm level (level one's remainders and unstaked shares).
pub fn book_undistributed(ledger: &mut Ledger, scaled: Uint256) -> Result<(), ContractError> {
    ledger.undistributed_scaled = add_scaled(ledger.undistributed_scaled, scaled)?;
    Ok(())
}

/// Books `scaled` as undistributed on the pool (its remainders, forfeits, released carries).
pub fn book_pool_undistributed(pool: &mut Pool, scaled: Uint256) -> Result<(), ContractError> {
    pool.undistributed_scaled = add_scaled(pool.undistributed_scaled, scaled)?;
    Ok(())
}

fn add_scaled(a: Uint256, b: Uint256) -> Result<Uint256, ContractError> {
    a.checked_add(b)
        .map_err(|_| ContractError::Overflow("undistributed"))
}

/// Books `released` as emitted: all of it for minted rewards; for a reserve only what it
/// holds (emission stops when the reserve is spent; the rest is skipped, not promised).
/// Returns the amount emitted.
pub fn emit(
    config: &Config,
    ledger: &mut Ledger,
    released: Uint128,
) -> Result<Uint128, ContractError> {
    let amount = match config.reward {
        RewardSource::Mint { .. } => released,
        RewardSource::Reserve { .. } => {
            let amount = released.min(ledger.reserve_available);
            ledger.reserve_available -= amount;
            skip(ledger, released - amount)?;
            amount
        }
    };
    ledger.emitted = ledger
        .emitted
        .checked_add(amount)
        .map_err(|_| ContractError::Overflow("emitted"))?;
    Ok(amount)
}

/// Books `amount` of released reward as skipped: never emitted, never owed.
pub fn skip(ledger: &mut Ledger, amount: Uint128) -> Result<(), ContractError> {
    ledger.skipped = ledger
        .skipped
        .checked_add(amount)
        .map_err(|_| ContractError::Overflow("skipped"))?;
    Ok(())
}

/// Releases the schedule's emission over `(last_update, now]`, capped by the reserve, and
/// spreads it over the total weight. The share of pools with nothing staked, and everything
/// while no pool has weight, is booked as undistributed right here.
pub fn advance_emission(
    config: &Config,
    emission: &mut Emission,
    ledger: &mut Ledger,
    now: u64,
) -> Result<(), ContractError> {
    if now <= emission.last_update {
        return Ok(());
    }
    let (scheduled, cursor) = config.schedule.cumulative_from(&emission.cursor, now)?;
    // The schedule integral is monotone, so this cannot underflow.
    let released = scheduled
        .checked_sub(emission.scheduled)
        .map_err(|_| ContractError::Overflow("schedule integral"))?;
    let amount = emit(config, ledger, released)?;

    let scaled = to_scaled(amount);
    if emission.total_weight == 0 {
        book_undistributed(ledger, scaled)?;
    } else {
        let (per_weight, remainder) = spread(scaled, Uint256::from(emission.total_weight))?;
        emission.reward_per_weight = emission
            .reward_per_weight
            .checked_add(per_weight)
            .map_err(|_| ContractError::Overflow("reward_per_weight"))?;
        let unstaked_share = per_weight
            .checked_mul(Uint256::from(emission.unstaked_weight))
            .map_err(|_| ContractError::Overflow("unstaked share"))?;
        book_undistributed(ledger, remainder)?;
        book_undistributed(ledger, unstaked_share)?;
    }
    emission.last_update = now;
    emission.scheduled = scheduled;
    emission.cursor = cursor;
    Ok(())
}

/// Brings an allocation-split pool up to level one. A pool with no working supply earns
/// nothing here: its share was booked as undistributed when it was emitted.
pub fn settle_pool(emission: &Emission, pool: &mut Pool) -> Result<(), ContractError> {
    let delta = emission.reward_per_weight - pool.reward_per_weight_paid;
    pool.reward_per_weight_paid = emission.reward_per_weight;
    if delta.is_zero() || !pool.active || pool.weight == 0 || pool.working_supply.is_zero() {
        return Ok(());
    }
    let share = delta
        .checked_mul(Uint256::from(pool.weight))
        .map_err(|_| ContractError::Overflow("pool share"))?;
    credit_pool(pool, share)
}

/// Spreads a pool's scaled share over its working supply; the division's remainder, or the
/// whole share when nobody works, is booked as undistributed.
pub fn credit_pool(pool: &mut Pool, share: Uint256) -> Result<(), ContractError> {
    if pool.working_supply.is_zero() {
        return book_pool_undistributed(pool, share);
    }
    let (per_share, remainder) = spread(share, Uint256::from(pool.working_supply))?;
    pool.acc_per_share = pool
        .acc_per_share
        .checked_add(per_share)
        .map_err(|_| ContractError::Overflow("acc_per_share"))?;
    pool.distributed_scaled = pool
        .distributed_scaled
        .checked_add(share - remainder)
        .map_err(|_| ContractError::Overflow("distributed"))?;
    book_pool_undistributed(pool, remainder)
}

/// Credits a position what its working balance earned since it was last settled. Whole
/// units go to `pending`; the fraction below one unit stays on the position (`carry`) and is
/// added to what it earns next, so the number of settlements never changes its total credit
/// (a third party may settle anyone: kicks, deposits for a recipient, notices).
pub fn settle_position(pool: &mut Pool, position: &mut Position) -> Result<(), ContractError> {
    let accrued = earned(
        Uint256::from(position.working),
        pool.acc_per_share,
        position.acc_per_share_paid,
    )?;
    position.acc_per_share_paid = pool.acc_per_share;
    if accrued.is_zero() {
        return Ok(());
    }
    let old_carry = Uint256::from(position.carry);
    let total = accrued
        .checked_add(old_carry)
        .map_err(|_| ContractError::Overflow("position credit"))?;
    let (whole, fraction) = from_scaled_floor(total)?;
    position.pending = position
        .pending
        .checked_add(whole)
        .map_err(|_| ContractError::Overflow("pending"))?;
    // fraction < ACC_SCALE = 1e36 < 2^128.
    position.carry = Uint128::try_from(fraction).map_err(|_| ContractError::Overflow("carry"))?;
    pool.carried_scaled = (pool.carried_scaled - old_carry)
        .checked_add(fraction)
        .map_err(|_| ContractError::Overflow("carried"))?;
    Ok(())
}

/// Books a position's carried fraction as undistributed: when it leaves with nothing staked
/// (it can earn no more) or forfeits its reward.
pub fn release_carry(pool: &mut Pool, position: &mut Position) -> Result<(), ContractError> {
    let carry = Uint256::from(position.carry);
    pool.carried_scaled -= carry;
    position.carry = Uint128::zero();
    book_pool_undistributed(pool, carry)
}

/// Whole units the positions' carried fractions (`carried_scaled`, summed over the pools)
/// add up to beyond `undistributed_scaled` (farm and pools together): what
/// `emitted = claimed + pending + undistributed + carried (+ recovered + rolled over)` needs
/// once every position is settled.
pub fn carried_units(
    undistributed_scaled: Uint256,
    carried_scaled: Uint256,
) -> Result<Uint128, ContractError> {
    let together = add_scaled(undistributed_scaled, carried_scaled)?;
    Ok(from_scaled_floor(together)?.0 - from_scaled_floor(undistributed_scaled)?.0)
}
