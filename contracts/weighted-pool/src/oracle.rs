//! Geometric TWAP oracle over a ring buffer of cumulative log prices.
//!
//! Writing: on the first balance change of a block (block time later than the newest
//! sample) and before the change is applied, the newest cumulative is carried forward with
//! the pre-change log price: `c(now) = c(newest) + ln(p) * (now - newest.timestamp)`. If the
//! newest slot was opened at least `min_sample_spacing` seconds ago a new slot is opened
//! (wrapping at the capacity, so the oldest sample is dropped), otherwise the newest slot is
//! moved forward in time. The very first join writes the first sample, with cumulative 0.
//!
//! Reading: the cumulative at a time `t` is exact at and after the newest sample (the price
//! has not changed since: every change would have written a sample first), and between two
//! samples it is interpolated linearly, i.e. assuming the cumulative grew at a constant rate
//! between them. Between neighbouring samples `a` and `b` the price was constant from
//! `a.timestamp` until `b` was opened (the first change after `a` opens `b`), and could change
//! only while `b` was moved forward, which lasts less than one `min_sample_spacing`. So the
//! interpolated cumulative is off by at most (spread of the log price during that last
//! spacing) x (one spacing): a window's start inside the buffer is exact to one sample
//! spacing, and its end is exact when it falls at or after the newest sample. Before the
//! oldest sample the oracle refuses ([`ContractError::OracleWindowNotCovered`]); it never
//! falls back to the spot price. See the crate docs for the numeric error bound.
use core::cell::RefCell;

use cosmwasm_std::{Int128, Storage};
use trellis_math::oracle::{accumulate, interpolate, log_price, twap_price};
use trellis_types::weighted_pool::{OracleSample, TwapResponse};

use crate::error::ContractError;
use crate::state::{Config, Pool, Sample, ORACLE_SAMPLES};

/// Records the price that held since the newest sample, with the balances as they are
/// before the current action changes them. Call it from every action that changes the
/// balances, after its checks and before applying it. It changes `pool` (saved by the
/// caller) and writes a sample record only when it closes the newest slot.
pub fn record(
    storage: &mut dyn Storage,
    config: &Config,
    pool: &mut Pool,
    now: u64,
) -> Result<(), ContractError> {
    if pool.cursor.count == 0 {
        // The first join: there was no price before it.
        pool.newest = Sample {
            timestamp: now,
            opened_at: now,
            cumulative: 0,
        };
        pool.cursor.newest = 0;
        pool.cursor.count = 1;
        return Ok(());
    }
    let newest = pool.newest;
    if now <= newest.timestamp {
        // Not the first change in this block: the block's opening price is already recorded.
        return Ok(());
    }
    let price = log_price(pool.reserves.balances, config.weight_atomics())?;
    let cumulative = accumulate(newest.cumulative, price, now - newest.timestamp)?;
    let capacity = config.oracle.capacity;
    if now - newest.opened_at >= config.oracle.min_sample_spacing {
        // The newest sample is final now: it moves to its slot's record.
        let closed = pool.cursor.newest;
        pool.cursor.newest = (closed + 1) % capacity;
        pool.cursor.count = (pool.cursor.count + 1).min(capacity);
        if pool.cursor.newest != closed {
            ORACLE_SAMPLES.save(storage, closed, &newest)?;
        }
        pool.newest = Sample {
            timestamp: now,
            opened_at: now,
            cumulative,
        };
    } else {
        pool.newest = Sample {
            timestamp: now,
            cumulative,
            ..newest
        };
    }
    Ok(())
}

/// Read access to the ring buffer by age: sample 0 is the oldest, `count - 1` the newest.
/// Each slot record is read at most once (the binary search and the interpolation share
/// what they read).
struct Ring<'a> {
    storage: &'a dyn Storage,
    pool: &'a Pool,
    capacity: u32,
    spacing: u64,
    read: RefCell<Vec<(u32, Sample)>>,
}

impl<'a> Ring<'a> {
    fn new(storage: &'a dyn Storage, config: &Config, pool: &'a Pool) -> Self {
        Ring {
            storage,
            pool,
            capacity: config.oracle.capacity,
            spacing: config.oracle.min_sample_spacing,
            read: RefCell::new(Vec::new()),
        }
    }

    fn len(&self) -> u32 {
        self.pool.cursor.count
    }

    /// The `i`-th oldest sample. The oldest lives `count - 1` slots behind the newest.
    fn get(&self, i: u32) -> Result<Sample, ContractError> {
        if i + 1 == self.len() {
            return Ok(self.pool.newest);
        }
        let cursor = self.pool.cursor;
        let oldest = (cursor.newest + self.capacity + 1 - cursor.count) % self.capacity;
        let slot = (oldest + i) % self.capacity;
        if let Some((_, s)) = self.read.borrow().iter().find(|(k, _)| *k == slot) {
            return Ok(*s);
        }
        let sample = ORACLE_SAMPLES.load(self.storage, slot)?;
        self.read.borrow_mut().push((slot, sample));
        Ok(sample)
    }

    /// How many samples have a timestamp at or before `t`. Timestamps strictly increase
    /// with age order, so this is a binary search: O(log capacity) reads.
    ///
    /// The search starts above a bound the spacing gives for free: slots open at least
    /// `spacing` apart and a sample's timestamp is earlier than the next one's opening, so
    /// sample `i` is older than `newest.timestamp - (count - 2 - i) * spacing`. Every `i`
    /// with `(count - 2 - i) * spacing >= newest.timestamp - t` is therefore at or before `t`.
    fn count_at_or_before(&self, t: u64) -> Result<u32, ContractError> {
        let n = self.len();
        let mut lo = 0;
        if n >= 2 && t < self.pool.newest.timestamp {
            let behind = (self.pool.newest.timestamp - t).div_ceil(self.spacing);
            if let Ok(behind) = u32::try_from(behind) {
                lo = (n - 1).saturating_sub(behind);
            }
        }
        let mut hi = n;
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

    /// The cumulative log price at time `t` (not after the current block).
    fn cumulative_at(&self, config: &Config, t: u64) -> Result<i128, ContractError> {
        if self.len() == 0 {
            return Err(ContractError::EmptyPool);
        }
        let newest = self.pool.newest;
        if t >= newest.timestamp {
            // No balance change since the newest sample, so the current price held since.
            let price = log_price(self.pool.reserves.balances, config.weight_atomics())?;
            return Ok(accumulate(newest.cumulative, price, t - newest.timestamp)?);
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
            return Ok(a.cumulative);
        }
        // t < newest.timestamp, so a later sample exists.
        let b = self.get(before)?;
        Ok(interpolate(
            a.timestamp,
            a.cumulative,
            b.timestamp,
            b.cumulative,
            t,
        )?)
    }
}

/// Geometric mean price of asset `base` (in units of the other asset) over
/// `[now - ago_secs - window_secs, now - ago_secs]`.
pub fn twap(
    storage: &dyn Storage,
    config: &Config,
    pool: &Pool,
    now: u64,
    base: usize,
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
    let ring = Ring::new(storage, config, pool);
    let c_start = ring.cumulative_at(config, start)?;
    let c_end = ring.cumulative_at(config, end)?;
    // The cumulative tracks the price of asset 0 in asset 1; asset 1's price is its inverse.
    let price = twap_price(c_start, c_end, window_secs, base == 1)?;
    Ok(TwapResponse {
        price: cosmwasm_std::Decimal256::new(price),
        start,
        end,
    })
}

/// Up to `limit` samples with a timestamp after `start_after`, oldest first.
pub fn samples(
    storage: &dyn Storage,
    config: &Config,
    pool: &Pool,
    start_after: Option<u64>,
    limit: u32,
) -> Result<Vec<OracleSample>, ContractError> {
    let ring = Ring::new(storage, config, pool);
    let first = match start_after {
        Some(t) => ring.count_at_or_before(t)?,
        None => 0,
    };
    let last = first.saturating_add(limit).min(ring.len());
    (first..last)
        .map(|i| {
            let s = ring.get(i)?;
            Ok(OracleSample {
                timestamp: s.timestamp,
                log_price_cumulative: Int128::new(s.cumulative),
            })
        })
        .collect()
}
