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
use cosmwasm_std::{Int128, Storage};
use trellis_math::oracle::{accumulate, interpolate, log_price, twap_price};
use trellis_types::weighted_pool::{OracleSample, TwapResponse};

use crate::error::ContractError;
use crate::state::{Config, OracleCursor, Reserves, Sample, ORACLE_CURSOR, ORACLE_SAMPLES};

/// Records the price that held since the newest sample, with the balances as they are
/// before the current action changes them. Call it from every action that changes the
/// balances, after its checks and before applying it.
pub fn record(
    storage: &mut dyn Storage,
    config: &Config,
    reserves: &Reserves,
    now: u64,
) -> Result<(), ContractError> {
    let mut cursor = ORACLE_CURSOR.load(storage)?;
    if cursor.count == 0 {
        // The first join: there was no price before it.
        let first = Sample {
            timestamp: now,
            opened_at: now,
            cumulative: 0,
        };
        ORACLE_SAMPLES.save(storage, 0, &first)?;
        ORACLE_CURSOR.save(
            storage,
            &OracleCursor {
                newest: 0,
                count: 1,
            },
        )?;
        return Ok(());
    }
    let newest = ORACLE_SAMPLES.load(storage, cursor.newest)?;
    if now <= newest.timestamp {
        // Not the first change in this block: the block's opening price is already recorded.
        return Ok(());
    }
    let price = log_price(reserves.balances, config.weight_atomics())?;
    let cumulative = accumulate(newest.cumulative, price, now - newest.timestamp)?;
    let capacity = config.oracle.capacity;
    if now - newest.opened_at >= config.oracle.min_sample_spacing {
        cursor.newest = (cursor.newest + 1) % capacity;
        cursor.count = (cursor.count + 1).min(capacity);
        let sample = Sample {
            timestamp: now,
            opened_at: now,
            cumulative,
        };
        ORACLE_SAMPLES.save(storage, cursor.newest, &sample)?;
        ORACLE_CURSOR.save(storage, &cursor)?;
    } else {
        let moved = Sample {
            timestamp: now,
            cumulative,
            ..newest
        };
        ORACLE_SAMPLES.save(storage, cursor.newest, &moved)?;
    }
    Ok(())
}

/// Read access to the ring buffer by age: sample 0 is the oldest, `count - 1` the newest.
struct Ring<'a> {
    storage: &'a dyn Storage,
    cursor: OracleCursor,
    capacity: u32,
}

impl<'a> Ring<'a> {
    fn load(storage: &'a dyn Storage, config: &Config) -> Result<Self, ContractError> {
        Ok(Ring {
            storage,
            cursor: ORACLE_CURSOR.load(storage)?,
            capacity: config.oracle.capacity,
        })
    }

    fn len(&self) -> u32 {
        self.cursor.count
    }

    /// The `i`-th oldest sample. The oldest lives `count - 1` slots behind the newest.
    fn get(&self, i: u32) -> Result<Sample, ContractError> {
        let oldest = (self.cursor.newest + self.capacity + 1 - self.cursor.count) % self.capacity;
        Ok(ORACLE_SAMPLES.load(self.storage, (oldest + i) % self.capacity)?)
    }

    /// How many samples have a timestamp at or before `t`. Timestamps strictly increase
    /// with age order, so this is a binary search: O(log capacity) reads.
    fn count_at_or_before(&self, t: u64) -> Result<u32, ContractError> {
        let (mut lo, mut hi) = (0, self.len());
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
    fn cumulative_at(
        &self,
        config: &Config,
        reserves: &Reserves,
        t: u64,
    ) -> Result<i128, ContractError> {
        if self.len() == 0 {
            return Err(ContractError::EmptyPool);
        }
        let newest = self.get(self.len() - 1)?;
        if t >= newest.timestamp {
            // No balance change since the newest sample, so the current price held since.
            let price = log_price(reserves.balances, config.weight_atomics())?;
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
    reserves: &Reserves,
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
    let ring = Ring::load(storage, config)?;
    let c_start = ring.cumulative_at(config, reserves, start)?;
    let c_end = ring.cumulative_at(config, reserves, end)?;
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
    start_after: Option<u64>,
    limit: u32,
) -> Result<Vec<OracleSample>, ContractError> {
    let ring = Ring::load(storage, config)?;
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
