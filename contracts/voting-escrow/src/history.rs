//! The history of lines: global points (one per timestamp, see `push_global`), per-user
//! points, scheduled slope changes, the bounded checkpoint walk, and searches by time.
//!
//! Why answers are exact at any time: every lock change pushes a global and a user point at
//! its block time, and slope changes are only ever edited at weeks after that time. So from
//! the newest point at or before `t`, nothing happened until `t` except scheduled slope
//! changes at weeks that are already final, and walking forward reproduces the line at `t`.
use cosmwasm_std::{Addr, Storage, Uint128};
use trellis_math::ve::{walk_global, weeks_between, Line, Walk, WEEK};
use trellis_types::voting_escrow::Point;

use crate::error::ContractError;
use crate::limits::MAX_WEEKS_PER_CHECKPOINT;
use crate::state::{GLOBAL_EPOCH, GLOBAL_POINTS, SLOPE_CHANGES, USER_EPOCH, USER_POINTS};

pub fn to_line(p: &Point) -> Line {
    Line {
        bias: p.bias.u128(),
        slope: p.slope.u128(),
        ts: p.ts,
    }
}

pub fn to_point(l: &Line) -> Point {
    Point {
        bias: Uint128::new(l.bias),
        slope: Uint128::new(l.slope),
        ts: l.ts,
    }
}

pub fn last_global(storage: &dyn Storage) -> Result<Line, ContractError> {
    let epoch = GLOBAL_EPOCH.load(storage)?;
    Ok(to_line(&GLOBAL_POINTS.load(storage, epoch)?))
}

/// Stores `line` as the newest global point. A line at the same time as the newest point
/// replaces it, so several actions in one block keep one point (Curve bumped the epoch for
/// each), and point times stay strictly increasing for the binary search.
pub fn push_global(storage: &mut dyn Storage, line: &Line) -> Result<(), ContractError> {
    let epoch = GLOBAL_EPOCH.load(storage)?;
    let last = GLOBAL_POINTS.load(storage, epoch)?;
    let epoch = if last.ts == line.ts { epoch } else { epoch + 1 };
    GLOBAL_POINTS.save(storage, epoch, &to_point(line))?;
    GLOBAL_EPOCH.save(storage, &epoch)?;
    Ok(())
}

/// Stores `line` as the user's newest point (same-time lines replace, as for the global).
pub fn push_user(storage: &mut dyn Storage, user: &Addr, line: &Line) -> Result<(), ContractError> {
    let n = USER_EPOCH.may_load(storage, user)?.unwrap_or(0);
    let same_time = n > 0 && USER_POINTS.load(storage, (user, n))?.ts == line.ts;
    let n = if same_time { n } else { n + 1 };
    USER_POINTS.save(storage, (user, n), &to_point(line))?;
    USER_EPOCH.save(storage, user, &n)?;
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
        Ok::<_, ContractError>(
            SLOPE_CHANGES
                .may_load(storage, week)?
                .unwrap_or_default()
                .u128(),
        )
    })
}

/// The global line at `now` for a lock change, walking at most `MAX_WEEKS_PER_CHECKPOINT`
/// boundaries. Further behind: `CheckpointRequired` (the caller's message fails whole).
pub fn global_now(storage: &dyn Storage, now: u64) -> Result<Line, ContractError> {
    let w = walk(
        storage,
        last_global(storage)?,
        now,
        MAX_WEEKS_PER_CHECKPOINT,
    )?;
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
    let n = USER_EPOCH.may_load(storage, user)?.unwrap_or(0);
    let ts_of = |i: u64| Ok(USER_POINTS.load(storage, (user, i))?.ts);
    let Some(i) = search_by_time(1, n, t, ts_of)? else {
        return Ok(0);
    };
    let line = to_line(&USER_POINTS.load(storage, (user, i))?);
    Ok(line.value_at(t).expect("point at or before t"))
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
    let epoch = GLOBAL_EPOCH.load(storage)?;
    let ts_of = |i: u64| Ok(GLOBAL_POINTS.load(storage, i)?.ts);
    let mut previous: Option<(u64, Line)> = None;
    let mut powers = Vec::with_capacity(times.len());
    for &t in times {
        let Some(i) = search_by_time(0, epoch, t, ts_of)? else {
            powers.push(0);
            continue;
        };
        let start = match previous {
            Some((j, line)) if j == i && line.ts <= t => line,
            _ => to_line(&GLOBAL_POINTS.load(storage, i)?),
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

/// Schedules `slope` to leave the global line at `end`.
pub fn schedule_slope_end(
    storage: &mut dyn Storage,
    end: u64,
    slope: u128,
) -> Result<(), ContractError> {
    let old = SLOPE_CHANGES.may_load(storage, end)?.unwrap_or_default();
    SLOPE_CHANGES.save(storage, end, &old.checked_add(Uint128::new(slope))?)?;
    Ok(())
}

/// Cancels `slope` scheduled at `end` (a lock that grew or moved its end).
pub fn unschedule_slope_end(
    storage: &mut dyn Storage,
    end: u64,
    slope: u128,
) -> Result<(), ContractError> {
    let old = SLOPE_CHANGES.may_load(storage, end)?.unwrap_or_default();
    let new = old.checked_sub(Uint128::new(slope))?;
    if new.is_zero() {
        SLOPE_CHANGES.remove(storage, end);
    } else {
        SLOPE_CHANGES.save(storage, end, &new)?;
    }
    Ok(())
}
