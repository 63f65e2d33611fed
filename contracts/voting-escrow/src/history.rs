//! The history of lines: global points (one per timestamp, see `push_global`), per-user
//! points, scheduled slope changes, the bounded checkpoint walk, and searches by time.
//!
//! Why answers are exact at any time: every lock change pushes a global and a user point at
//! its block time, and slope changes are only ever edited at weeks after that time. So from
//! the newest point at or before `t`, nothing happened until `t` except scheduled slope
//! changes at weeks that are already final, and walking forward reproduces the line at `t`.
use cosmwasm_std::{Addr, Storage};
use trellis_math::ve::{walk_global, weeks_between, Line, Walk, WEEK};

use crate::error::ContractError;
use crate::limits::MAX_WEEKS_PER_CHECKPOINT;
use crate::state::{
    newest_global, newest_user, StoredPoint, GLOBAL_POINTS, SLOPE_CHANGES, USER_POINTS,
};

/// The newest global point, as read once by a message and handed to `push_global`.
#[derive(Clone, Copy, Debug)]
pub struct GlobalHead {
    pub epoch: u64,
    pub line: Line,
}

pub fn last_global(storage: &dyn Storage) -> Result<GlobalHead, ContractError> {
    let (epoch, p) = newest_global(storage)?;
    Ok(GlobalHead {
        epoch,
        line: p.into(),
    })
}

/// Stores `line` as the newest global point after `head` (the newest point when the message
/// started). A line at the same time as `head` replaces it, so several actions in one block
/// keep one point (Curve bumped the epoch for each), and point times stay strictly
/// increasing for the binary search.
pub fn push_global(
    storage: &mut dyn Storage,
    head: &GlobalHead,
    line: &Line,
) -> Result<(), ContractError> {
    let epoch = if head.line.ts == line.ts {
        head.epoch
    } else {
        head.epoch + 1
    };
    GLOBAL_POINTS.save(storage, epoch, &StoredPoint::from(line))?;
    Ok(())
}

/// Stores `line` as the user's newest point (same-time lines replace, as for the global).
pub fn push_user(storage: &mut dyn Storage, user: &Addr, line: &Line) -> Result<(), ContractError> {
    let n = match newest_user(storage, user)? {
        Some((n, p)) if p.ts == line.ts => n,
        Some((n, _)) => n + 1,
        None => 1,
    };
    USER_POINTS.save(storage, (user, n), &StoredPoint::from(line))?;
    Ok(())
}

/// Walks the global line from `start` to `to` across at most `max_weeks` boundaries, reading
/// the scheduled slope changes.
pub fn walk(
    storage: &dyn Storage,
    start: Line,
    to: u64,
    max_weeks: u64,
) -> Result<Walk, ContractError> {
    walk_global(start, to, max_weeks, |week| {
        Ok::<_, ContractError>(SLOPE_CHANGES.may_load(storage, week)?.unwrap_or_default())
    })
}

/// The global line at `now` for a lock change, walking at most `MAX_WEEKS_PER_CHECKPOINT`
/// boundaries. Further behind: `CheckpointRequired` (the caller's message fails whole).
pub fn global_now(
    storage: &dyn Storage,
    head: &GlobalHead,
    now: u64,
) -> Result<Line, ContractError> {
    let w = walk(storage, head.line, now, MAX_WEEKS_PER_CHECKPOINT)?;
    if !w.reached {
        return Err(ContractError::CheckpointRequired {
            weeks_behind: weeks_between(w.line.ts, now),
        });
    }
    Ok(w.line)
}

/// Largest index in `lo..=hi` whose point time is at or before `t`, or `None` when even the
/// point at `lo` is later. `ts_of` reads a point's time; times increase with the index.
fn search_by_time(
    lo: u64,
    hi: u64,
    t: u64,
    ts_of: impl Fn(u64) -> Result<u64, ContractError>,
) -> Result<Option<u64>, ContractError> {
    if lo > hi || ts_of(lo)? > t {
        return Ok(None);
    }
    let (mut lo, mut hi) = (lo, hi);
    while lo < hi {
        // Upper middle so that `lo = mid` always makes progress.
        let mid = lo + (hi - lo).div_ceil(2);
        if ts_of(mid)? <= t {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    Ok(Some(lo))
}

/// The user's power at any time `t`: their newest point at or before `t`, decayed. Zero
/// before their first point.
pub fn user_power_at(storage: &dyn Storage, user: &Addr, t: u64) -> Result<u128, ContractError> {
    Ok(user_powers_at(storage, user, &[t])?[0])
}

/// The user's power at each of `times`: the newest point is read once, and a time at or
/// after it (the usual case: a fee claim's recent weeks) needs no further read; earlier
/// times search the history.
pub fn user_powers_at(
    storage: &dyn Storage,
    user: &Addr,
    times: &[u64],
) -> Result<Vec<u128>, ContractError> {
    let Some((n, newest)) = newest_user(storage, user)? else {
        return Ok(vec![0; times.len()]);
    };
    let newest = Line::from(newest);
    let ts_of = |i: u64| Ok(USER_POINTS.load(storage, (user, i))?.ts);
    times
        .iter()
        .map(|&t| {
            if t >= newest.ts {
                return Ok(newest.value_at(t).expect("point at or before t"));
            }
            let Some(i) = search_by_time(1, n - 1, t, ts_of)? else {
                return Ok(0);
            };
            let line = Line::from(USER_POINTS.load(storage, (user, i))?);
            Ok(line.value_at(t).expect("point at or before t"))
        })
        .collect()
}

/// Total power at any time `t`: the newest global point at or before `t`, walked forward.
/// Zero before the first point. The walk stops once the slope is zero, and every lock live
/// in a point ends within `max_time` of it, so it crosses at most `max_time / WEEK + 1`
/// boundaries (a far-future query costs up to 209 reads with the 4-year default).
pub fn total_power_at(storage: &dyn Storage, t: u64, max_time: u64) -> Result<u128, ContractError> {
    Ok(total_powers_at(storage, &[t], max_time)?[0])
}

/// Total power at each of `times`, in order. Equal to `total_power_at` for each time, but a
/// time after the previous one and from the same global point resumes the previous walk
/// instead of starting over, so ascending times (a fee checkpoint's weeks) cost one walk in
/// all rather than one each.
pub fn total_powers_at(
    storage: &dyn Storage,
    times: &[u64],
    max_time: u64,
) -> Result<Vec<u128>, ContractError> {
    let (epoch, newest) = newest_global(storage)?;
    let ts_of = |i: u64| {
        if i == epoch {
            return Ok(newest.ts);
        }
        Ok(GLOBAL_POINTS.load(storage, i)?.ts)
    };
    let mut previous: Option<(u64, Line)> = None;
    let mut powers = Vec::with_capacity(times.len());
    for &t in times {
        let Some(i) = search_by_time(0, epoch, t, ts_of)? else {
            powers.push(0);
            continue;
        };
        let start = match previous {
            Some((j, line)) if j == i && line.ts <= t => line,
            _ if i == epoch => Line::from(newest),
            _ => Line::from(GLOBAL_POINTS.load(storage, i)?),
        };
        let w = walk(storage, start, t, max_time / WEEK + 2)?;
        // Unreachable while the slope-change invariant holds; refuse rather than answer wrong.
        if !w.reached {
            return Err(ContractError::CheckpointRequired {
                weeks_behind: weeks_between(w.line.ts, t),
            });
        }
        powers.push(w.line.bias);
        previous = Some((i, w.line));
    }
    Ok(powers)
}

/// Moves a lock's scheduled slope: `old` (end, slope) leaves the schedule and `new` joins
/// it. The same end week is read and written once.
pub fn reschedule_slope(
    storage: &mut dyn Storage,
    old: Option<(u64, u128)>,
    new: (u64, u128),
) -> Result<(), ContractError> {
    let overflow = || trellis_math::MathError::Overflow("ve slope change");
    match old {
        Some((end, slope)) if end == new.0 => {
            let v = SLOPE_CHANGES.may_load(storage, end)?.unwrap_or_default();
            let v = v
                .checked_sub(slope)
                .and_then(|v| v.checked_add(new.1))
                .ok_or_else(overflow)?;
            save_slope_change(storage, end, v)?;
        }
        _ => {
            if let Some((end, slope)) = old {
                let v = SLOPE_CHANGES.may_load(storage, end)?.unwrap_or_default();
                save_slope_change(storage, end, v.checked_sub(slope).ok_or_else(overflow)?)?;
            }
            let v = SLOPE_CHANGES.may_load(storage, new.0)?.unwrap_or_default();
            save_slope_change(storage, new.0, v.checked_add(new.1).ok_or_else(overflow)?)?;
        }
    }
    Ok(())
}

fn save_slope_change(storage: &mut dyn Storage, end: u64, v: u128) -> Result<(), ContractError> {
    if v == 0 {
        SLOPE_CHANGES.remove(storage, end);
    } else {
        SLOPE_CHANGES.save(storage, end, &v)?;
    }
    Ok(())
}
