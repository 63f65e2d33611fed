//! The two-level accumulator, as functions of values so that execute handlers and queries
//! (which compute pending rewards "as of now" without writing) share one implementation.
//!
//! Level one spreads what the schedule releases over the total weight
//! (`reward_per_weight`); level two spreads a pool's share over its stake
//! (`acc_per_share`). Every division rounds down and its remainder is booked as
//! undistributed in scaled units, so `emitted * ACC_SCALE` is always accounted for exactly.
use cosmwasm_std::{Env, Storage, Uint128, Uint256};
use trellis_math::accumulator::{earned, from_scaled_floor, spread, to_scaled};
use trellis_types::farm::{Clock, RewardSource};

use crate::error::ContractError;
use crate::state::{Config, Emission, Ledger, Pool, Position, CONFIG, EMISSION, LEDGER};

/// The farm's clock reading: block height or seconds.
pub fn clock_now(clock: Clock, env: &Env) -> u64 {
    match clock {
        Clock::Height => env.block.height,
        Clock::Time => env.block.time.seconds(),
    }
}

/// Config, level-one state and ledger, brought up to the current clock reading.
pub struct Books {
    pub config: Config,
    pub emission: Emission,
    pub ledger: Ledger,
    pub now: u64,
}

impl Books {
    pub fn load(storage: &dyn Storage, env: &Env) -> Result<Self, ContractError> {
        let config = CONFIG.load(storage)?;
        let mut emission = EMISSION.load(storage)?;
        let mut ledger = LEDGER.load(storage)?;
        let now = clock_now(config.clock, env);
        advance_emission(&config, &mut emission, &mut ledger, now)?;
        Ok(Books {
            config,
            emission,
            ledger,
            now,
        })
    }

    pub fn save(&self, storage: &mut dyn Storage) -> Result<(), ContractError> {
        EMISSION.save(storage, &self.emission)?;
        LEDGER.save(storage, &self.ledger)?;
        Ok(())
    }

    /// Settles `pool` against level one, then `position` against the pool.
    pub fn settle(
        &mut self,
        pool: &mut Pool,
        position: &mut Position,
    ) -> Result<(), ContractError> {
        settle_pool(&self.emission, pool, &mut self.ledger)?;
        settle_position(pool, position, &mut self.ledger)
    }

    /// Whole units of undistributed reward (the scaled remainder stays booked).
    pub fn undistributed(&self) -> Result<Uint128, ContractError> {
        Ok(from_scaled_floor(self.ledger.undistributed_scaled)?.0)
    }
}

fn book_undistributed(ledger: &mut Ledger, scaled: Uint256) -> Result<(), ContractError> {
    ledger.undistributed_scaled = ledger
        .undistributed_scaled
        .checked_add(scaled)
        .map_err(|_| ContractError::Overflow("undistributed"))?;
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
    let amount = match config.reward {
        RewardSource::Mint { .. } => released,
        RewardSource::Reserve { .. } => {
            // Emission stops when the reserve is spent; the rest is skipped, not promised.
            let amount = released.min(ledger.reserve_available);
            ledger.reserve_available -= amount;
            ledger.skipped = ledger
                .skipped
                .checked_add(released - amount)
                .map_err(|_| ContractError::Overflow("skipped"))?;
            amount
        }
    };
    ledger.emitted = ledger
        .emitted
        .checked_add(amount)
        .map_err(|_| ContractError::Overflow("emitted"))?;

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

/// Brings a pool up to level one. A pool with nothing staked earns nothing here: its share
/// was booked as undistributed when it was emitted.
pub fn settle_pool(
    emission: &Emission,
    pool: &mut Pool,
    ledger: &mut Ledger,
) -> Result<(), ContractError> {
    let delta = emission.reward_per_weight - pool.reward_per_weight_paid;
    pool.reward_per_weight_paid = emission.reward_per_weight;
    if delta.is_zero() || !pool.active || pool.weight == 0 || pool.total_staked.is_zero() {
        return Ok(());
    }
    let share = delta
        .checked_mul(Uint256::from(pool.weight))
        .map_err(|_| ContractError::Overflow("pool share"))?;
    let (per_share, remainder) = spread(share, Uint256::from(pool.total_staked))?;
    pool.acc_per_share = pool
        .acc_per_share
        .checked_add(per_share)
        .map_err(|_| ContractError::Overflow("acc_per_share"))?;
    pool.distributed_scaled = pool
        .distributed_scaled
        .checked_add(share - remainder)
        .map_err(|_| ContractError::Overflow("distributed"))?;
    book_undistributed(ledger, remainder)
}

/// Credits a position what it earned since it was last settled, rounded down; the
/// fraction below one unit is booked as undistributed.
pub fn settle_position(
    pool: &Pool,
    position: &mut Position,
    ledger: &mut Ledger,
) -> Result<(), ContractError> {
    let accrued = earned(
        Uint256::from(position.staked),
        pool.acc_per_share,
        position.acc_per_share_paid,
    )?;
    position.acc_per_share_paid = pool.acc_per_share;
    let (whole, fraction) = from_scaled_floor(accrued)?;
    position.pending = position
        .pending
        .checked_add(whole)
        .map_err(|_| ContractError::Overflow("pending"))?;
    book_undistributed(ledger, fraction)
}
