//! Tick-cumulative oracle over a ring buffer, with the weighted pool's rules.
//!
//! Writing: on the first action of a block that changes the tick or the in-range liquidity,
//! before the change, the newest observation is carried forward with the tick and liquidity
//! that held since it: `tick_cumulative += tick * dt`, `seconds_per_liquidity += dt * 2^128 /
//! max(1, liquidity)`. If the newest slot was opened at least `min_sample_spacing` seconds ago a
//! new slot is opened (wrapping at the capacity), otherwise the newest slot is moved forward.
//! Later actions in the same block write nothing. An action that changes neither the tick nor
//! the liquidity writes nothing either: the newest observation extrapolates exactly.
//!
//! Reading: the cumulatives at `t` are exact at and after the newest observation (nothing has
//! changed since) and interpolated linearly between two observations, which is exact to one
//! sample spacing (the tick only changes while the later slot is being moved forward). Before
//! the oldest observation the oracle refuses with `OracleWindowNotCovered`: it never falls back
//! to the current tick.
use cosmwasm_std::{Storage, Uint256};
use trellis_math::cl::sqrt_price_at_tick;
use trellis_math::mul_div::mul_div_u256_floor;
use trellis_math::oracle::interpolate;
use trellis_types::cl_pool::{Observation, TwapResponse};

use crate::error::ContractError;
use crate::position::q128;
use crate::state::{Config, ObservationRecord, OracleCursor, PoolState, OBSERVATIONS};

/// The first observation, kept in the pool state when the price is set (nothing else is
/// written).
pub fn start(now: u64) -> (OracleCursor, ObservationRecord) {
    (
        OracleCursor {
            newest: 0,
            count: 1,
        },
        ObservationRecord {
            timestamp: now,
            opened_at: now,
            tick_cumulative: 0,
            seconds_per_liquidity_x128: Uint256::zero(),
        },
    )
}

/// `obs` carried forward to `now` with `tick` and `liquidity` holding since its timestamp.
fn carry(
    obs: &ObservationRecord,
    tick: i32,
    liquidity: u128,
    now: u64,
) -> Result<(i64, Uint256), ContractError> {
    let dt = now - obs.timestamp;
    let tick_cumulative = i64::from(tick)
        .checked_mul(i64::try_from(dt).map_err(|_| ContractError::Overflow("oracle time"))?)
        .and_then(|area| obs.tick_cumulative.checked_add(area))
        .ok_or(ContractError::Overflow("tick cumulative"))?;
    // dt < 2^64, so dt * 2^128 fits; the division floors (v3 keeps the same Q128 quotient).
    let per_liquidity =
        mul_div_u256_floor(Uint256::from(dt), q128(), Uint256::from(liquidity.max(1)))?;
    Ok((
        tick_cumulative,
        obs.seconds_per_liquidity_x128.wrapping_add(per_liquidity),
    ))
}

/// Records the tick and liquidity that held since the newest observation, before the current
/// action changes them. Updates the cursor and the newest observation inside `pool` (the
/// caller saves the pool); opening a new slot closes the old newest into [`OBSERVATIONS`].
pub fn record(
    storage: &mut dyn Storage,
    config: &Config,
    pool: &mut PoolState,
    now: u64,
) -> Result<(), ContractError> {
    let mut cursor = pool.oracle;
    let newest = pool.newest;
    if now <= newest.timestamp {
        return Ok(());
    }
    let (tick_cumulative, seconds_per_liquidity_x128) =
        carry(&newest, pool.tick, pool.liquidity, now)?;
    let capacity = config.oracle.capacity;
    let opened_at = if now - newest.opened_at >= config.oracle.min_sample_spacing {
        let next = (cursor.newest + 1) % capacity;
        if next != cursor.newest {
            // With a capacity of 1 the closed observation is overwritten at once: no write.
            OBSERVATIONS.save(storage, cursor.newest, &newest)?;
        }
        cursor.newest = next;
        cursor.count = (cursor.count + 1).min(capacity);
        now
    } else {
        newest.opened_at
    };
    pool.newest = ObservationRecord {
        timestamp: now,
        opened_at,
        tick_cumulative,
        seconds_per_liquidity_x128,
    };
    pool.oracle = cursor;
    Ok(())
}

/// Read access by age: observation 0 is the oldest.
struct Ring<'a> {
    storage: &'a dyn Storage,
    cursor: OracleCursor,
    newest: ObservationRecord,
    capacity: u32,
}

impl Ring<'_> {
    fn get(&self, i: u32) -> Result<ObservationRecord, ContractError> {
        let oldest = (self.cursor.newest + self.capacity + 1 - self.cursor.count) % self.capacity;
        let slot = (oldest + i) % self.capacity;
        if slot == self.cursor.newest {
            return Ok(self.newest);
        }
        Ok(OBSERVATIONS.load(self.storage, slot)?)
    }

    /// How many observations have a timestamp at or before `t` (binary search).
    fn count_at_or_before(&self, t: u64) -> Result<u32, ContractError> {
        let (mut lo, mut hi) = (0, self.cursor.count);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if self.get(mid)?.timestamp <= t {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        Ok(lo)
    }

    /// Both cumulatives at `t` (not after now).
    fn cumulatives_at(&self, pool: &PoolState, t: u64) -> Result<(i64, Uint256), ContractError> {
        let newest = self.get(self.cursor.count - 1)?;
        if t >= newest.timestamp {
            return carry(&newest, pool.tick, pool.liquidity, t);
        }
        let before = self.count_at_or_before(t)?;
        if before == 0 {
            return Err(ContractError::OracleWindowNotCovered {
                requested: t,
                oldest: self.get(0)?.timestamp,
            });
        }
        let a = self.get(before - 1)?;
        if a.timestamp == t {
            return Ok((a.tick_cumulative, a.seconds_per_liquidity_x128));
        }
        let b = self.get(before)?;
        let tick = interpolate(
            a.timestamp,
            a.tick_cumulative.into(),
            b.timestamp,
            b.tick_cumulative.into(),
            t,
        )?;
        let tick = i64::try_from(tick).map_err(|_| ContractError::Overflow("tick cumulative"))?;
        let rise = b
            .seconds_per_liquidity_x128
            .wrapping_sub(a.seconds_per_liquidity_x128);
        let part = mul_div_u256_floor(
            rise,
            Uint256::from(t - a.timestamp),
            Uint256::from(b.timestamp - a.timestamp),
        )?;
        Ok((tick, a.seconds_per_liquidity_x128.wrapping_add(part)))
    }
}

fn ring<'a>(storage: &'a dyn Storage, config: &Config, pool: &PoolState) -> Ring<'a> {
    Ring {
        storage,
        cursor: pool.oracle,
        newest: pool.newest,
        capacity: config.oracle.capacity,
    }
}

/// Mean tick and harmonic mean liquidity over `[now - ago - window, now - ago]`.
pub fn twap(
    storage: &dyn Storage,
    config: &Config,
    pool: &PoolState,
    now: u64,
    window_secs: u64,
    ago_secs: u64,
) -> Result<TwapResponse, ContractError> {
    if window_secs == 0 {
        return Err(ContractError::ZeroTwapWindow);
    }
    let out_of_range = || ContractError::TwapWindowOutOfRange {
        window_secs,
        ago_secs,
        now,
    };
    let end = now.checked_sub(ago_secs).ok_or_else(out_of_range)?;
    let start = end.checked_sub(window_secs).ok_or_else(out_of_range)?;
    let ring = ring(storage, config, pool);
    let (tick_start, spl_start) = ring.cumulatives_at(pool, start)?;
    let (tick_end, spl_end) = ring.cumulatives_at(pool, end)?;
    let window = i128::from(window_secs);
    // Toward -inf, as v3's OracleLibrary rounds a negative mean.
    let mean = (i128::from(tick_end) - i128::from(tick_start)).div_euclid(window);
    let mean_tick = i32::try_from(mean).map_err(|_| ContractError::Overflow("mean tick"))?;
    let spl_delta = spl_end.wrapping_sub(spl_start);
    let harmonic_mean_liquidity = if spl_delta.is_zero() {
        None
    } else {
        let mean = mul_div_u256_floor(Uint256::from(window_secs), q128(), spl_delta)?;
        Some(
            cosmwasm_std::Uint128::try_from(mean)
                .map_err(|_| ContractError::Overflow("harmonic mean liquidity"))?,
        )
    };
    Ok(TwapResponse {
        mean_tick,
        mean_sqrt_price: sqrt_price_at_tick(mean_tick)?,
        harmonic_mean_liquidity,
        start,
        end,
    })
}

/// Up to `limit` observations with a timestamp after `start_after`, oldest first.
pub fn observations(
    storage: &dyn Storage,
    config: &Config,
    pool: &PoolState,
    start_after: Option<u64>,
    limit: u32,
) -> Result<Vec<Observation>, ContractError> {
    let ring = ring(storage, config, pool);
    let first = match start_after {
        Some(t) => ring.count_at_or_before(t)?,
        None => 0,
    };
    let last = first.saturating_add(limit).min(ring.cursor.count);
    (first..last)
        .map(|i| {
            let o = ring.get(i)?;
            Ok(Observation {
                timestamp: o.timestamp,
                tick_cumulative: o.tick_cumulative,
                seconds_per_liquidity_x128: o.seconds_per_liquidity_x128,
            })
        })
        .collect()
}
