//! Vote-escrow lines (Curve semantics): a lock is a line whose value decays
//! linearly to zero at the lock's end; the global supply is the sum of those lines, walked
//! week by week because every lock ends on a week boundary.
//!
//! Everything is integer and exact: a lock's slope is floored once (`amount / max_time`), and
//! from then on every bias is `slope * (end - t)`, so the global line (sum of slopes, sum of
//! biases) equals the sum of the user lines at every time, with no rounding drift.
use crate::MathError;

/// One week in seconds: lock ends and the global walk sit on week boundaries.
pub const WEEK: u64 = 604_800;
/// Longest lock by default: 4 x 365 days = 126,144,000 s.
pub const DEFAULT_MAX_TIME: u64 = 4 * 365 * 86_400;

/// The start of the week containing `t` (lock ends are rounded down, never up).
pub fn round_down_to_week(t: u64) -> u64 {
    t / WEEK * WEEK
}

/// Whole week boundaries strictly after `from` and at or before `to` (0 when `to <= from`).
pub fn weeks_between(from: u64, to: u64) -> u64 {
    (to / WEEK).saturating_sub(from / WEEK)
}

/// A line anchored at `ts`: value at `t >= ts` is `max(bias - slope * (t - ts), 0)`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Line {
    pub bias: u128,
    pub slope: u128,
    pub ts: u64,
}

impl Line {
    /// The value at `t`, or `None` when `t < ts`: a point says nothing about the time before
    /// it (the history may have changed in between), so a past time must be answered from
    /// an older point, never by extrapolating this one backwards.
    pub fn value_at(&self, t: u64) -> Option<u128> {
        let dt = t.checked_sub(self.ts)?;
        // Saturates: past its end a line is worth zero, not negative.
        Some(
            self.bias
                .saturating_sub(self.slope.saturating_mul(dt as u128)),
        )
    }

    /// The same line re-anchored at `t >= ts` (bias decayed, floored at zero).
    pub fn advance_to(&self, t: u64) -> Option<Line> {
        Some(Line {
            bias: self.value_at(t)?,
            slope: self.slope,
            ts: t,
        })
    }
}

/// The line of `amount` locked at `now` until `end`.
/// `slope = amount / max_time`, floored (the locker's power rounds down);
/// `bias = slope * (end - now)` (zero when `end <= now`).
pub fn lock_line(amount: u128, end: u64, now: u64, max_time: u64) -> Result<Line, MathError> {
    if max_time == 0 {
        return Err(MathError::DivideByZero);
    }
    let slope = amount / max_time as u128;
    let bias = slope
        .checked_mul(end.saturating_sub(now) as u128)
        .ok_or(MathError::Overflow("ve lock bias"))?;
    Ok(Line {
        bias,
        slope,
        ts: now,
    })
}

/// Where a bounded walk of the global line stopped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Walk {
    /// The global line at the time reached (`to` when `reached`, else a week boundary).
    pub line: Line,
    /// Week boundaries crossed (each applied its scheduled slope change).
    pub weeks: u64,
    /// Whether the walk got to `to`; if not, call again from `line` to resume.
    pub reached: bool,
}

/// Walks the global line from `start` to `to`, crossing at most `max_weeks` week boundaries.
///
/// At each boundary `w` the bias decays by `slope * (w - ts)` and the slope drops by
/// `slope_change(w)` (the slopes of the locks ending at `w`). Convention: a line at `ts` has
/// already applied the change scheduled at `ts`, so the first boundary crossed is the one
/// strictly after `start.ts`, and a walk that ends exactly on a boundary applies its change.
///
/// Invariant the caller keeps: the changes scheduled after `start.ts` sum to at most
/// `start.slope` (they are the slopes of the locks live in `start`). So once the slope is zero
/// nothing else is scheduled and the walk jumps straight to `to` without crossing weeks;
/// a change larger than the slope left breaks the invariant and is reported as an overflow.
pub fn walk_global<E: From<MathError>>(
    start: Line,
    to: u64,
    max_weeks: u64,
    mut slope_change: impl FnMut(u64) -> Result<u128, E>,
) -> Result<Walk, E> {
    if to < start.ts {
        return Err(MathError::InvalidInterval { from: start.ts, to }.into());
    }
    let mut line = start;
    let mut weeks = 0u64;
    loop {
        if line.slope == 0 {
            // Nothing decays and nothing is scheduled: the value holds until `to`.
            line.ts = to;
            return Ok(Walk {
                line,
                weeks,
                reached: true,
            });
        }
        let next = round_down_to_week(line.ts) + WEEK;
        if next > to {
            let line = line.advance_to(to).expect("to >= ts");
            return Ok(Walk {
                line,
                weeks,
                reached: true,
            });
        }
        if weeks == max_weeks {
            return Ok(Walk {
                line,
                weeks,
                reached: false,
            });
        }
        line = line.advance_to(next).expect("next > ts");
        line.slope = line
            .slope
            .checked_sub(slope_change(next)?)
            .ok_or(MathError::Overflow(
                "ve slope change above the global slope",
            ))?;
        weeks += 1;
        if next == to {
            return Ok(Walk {
                line,
                weeks,
                reached: true,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    const E18: u128 = 1_000_000_000_000_000_000;

    #[test]
    fn rounds_down_to_week() {
        // 1,700,000,000 / 604,800 = 2810.84.. -> 2810 * 604,800 = 1,699,488,000.
        assert_eq!(round_down_to_week(1_700_000_000), 1_699_488_000);
        assert_eq!(round_down_to_week(1_699_488_000), 1_699_488_000);
        assert_eq!(round_down_to_week(WEEK - 1), 0);
        assert_eq!(weeks_between(WEEK - 1, WEEK), 1);
        assert_eq!(weeks_between(WEEK, 2 * WEEK - 1), 0);
        assert_eq!(weeks_between(5, 3 * WEEK), 3);
        assert_eq!(weeks_between(3 * WEEK, 5), 0);
    }

    #[test]
    fn design_example_holds_exactly() {
        // now = 1,700,000,000; now + MAXTIME = 1,826,144,000, which is week
        // 3019.42.. so end = 3019 * 604,800 = 1,825,891,200.
        let now = 1_700_000_000;
        let end = round_down_to_week(now + DEFAULT_MAX_TIME);
        assert_eq!(end, 1_825_891_200);
        // slope = 1000e18 / 126,144,000 = 7,927,447,995,941.14.. floored.
        // bias = slope * (end - now) = 7,927,447,995,941 * 125,891,200
        //      = 997,995,941,146,607,619,200.
        let line = lock_line(1000 * E18, end, now, DEFAULT_MAX_TIME).unwrap();
        assert_eq!(line.slope, 7_927_447_995_941);
        assert_eq!(line.bias, 997_995_941_146_607_619_200);
        assert_eq!(line.value_at(now), Some(997_995_941_146_607_619_200));
        // One year (31,536,000 s) later: bias - slope * 31,536,000, where
        // 7,927,447,995,941 * 31,536,000 = 249,999,999,999,995,376,000 (a quarter of 1000e18
        // minus the floored fraction), leaving 747,995,941,146,612,243,200.
        assert_eq!(
            line.value_at(now + 31_536_000),
            Some(747_995_941_146_612_243_200)
        );
        assert_eq!(line.value_at(end), Some(0));
        assert_eq!(line.value_at(end + WEEK), Some(0));
        assert_eq!(line.value_at(now - 1), None);
    }

    #[test]
    fn a_billion_18_decimal_lp_locked_for_four_years_fits() {
        // 18-decimal LP amounts are 1e12 larger than the old 6-decimal ones: 1e27 base units
        // (1e9 LP tokens) locked at 1,700,000,000 until 1,825,891,200 (as above).
        // slope = floor(1e27 / 126,144,000) = 7,927,447,995,941,146,626;
        // bias = slope * 125,891,200 = 997,995,941,146,626,078,123,091,200 (~1e27, far below
        // u128::MAX ~ 3.4e38: the product is at most amount * max_time / max_time).
        let now = 1_700_000_000;
        let end = round_down_to_week(now + DEFAULT_MAX_TIME);
        let line = lock_line(1_000_000_000 * E18, end, now, DEFAULT_MAX_TIME).unwrap();
        assert_eq!(line.slope, 7_927_447_995_941_146_626);
        assert_eq!(line.bias, 997_995_941_146_626_078_123_091_200);
        // A year on: bias - slope * 31,536,000 = bias - 249,999,999,999,999,999,997,536,000.
        assert_eq!(
            line.value_at(now + 31_536_000),
            Some(747_995_941_146_626_078_125_555_200)
        );
    }

    #[test]
    fn lock_below_max_time_units_has_no_power() {
        // 126,143,999 / 126,144,000 floors to 0.
        let line = lock_line(126_143_999, 10 * WEEK, 0, DEFAULT_MAX_TIME).unwrap();
        assert_eq!(
            line,
            Line {
                bias: 0,
                slope: 0,
                ts: 0
            }
        );
        assert_eq!(lock_line(1, 1, 0, 0), Err(MathError::DivideByZero));
        // An end at or before now gives a zero bias.
        assert_eq!(lock_line(1_000, 5, 9, 10).unwrap().bias, 0);
    }

    /// Two locks from t = 0: A slope 10 ending at week 2, B slope 3 ending at week 5.
    fn two_locks() -> (Line, BTreeMap<u64, u128>) {
        let start = Line {
            bias: 10 * 2 * WEEK as u128 + 3 * 5 * WEEK as u128,
            slope: 13,
            ts: 0,
        };
        let changes = BTreeMap::from([(2 * WEEK, 10u128), (5 * WEEK, 3u128)]);
        (start, changes)
    }

    #[test]
    fn walk_applies_slope_changes_at_week_ends() {
        let (start, changes) = two_locks();
        let lookup = |w: u64| Ok::<_, MathError>(changes.get(&w).copied().unwrap_or(0));
        // At 3 weeks: A is gone, B has 2 weeks left: 3 * 2 * 604,800 = 3,628,800.
        let w = walk_global(start, 3 * WEEK, 52, lookup).unwrap();
        assert_eq!(
            w,
            Walk {
                line: Line {
                    bias: 3_628_800,
                    slope: 3,
                    ts: 3 * WEEK
                },
                weeks: 3,
                reached: true
            }
        );
        // Mid-week 1 (t = 1.5 weeks = 907,200): 20 * 604,800 - 13 * 907,200 + 15 * 604,800
        // = 12,096,000 - 11,793,600 + 9,072,000 = 9,374,400. One boundary crossed.
        let w = walk_global(start, 907_200, 52, lookup).unwrap();
        assert_eq!(
            w.line,
            Line {
                bias: 9_374_400,
                slope: 13,
                ts: 907_200
            }
        );
        assert_eq!(w.weeks, 1);
        // Past week 5 every lock has ended; the walk stops crossing weeks once slope is 0.
        let w = walk_global(start, 100 * WEEK, 52, lookup).unwrap();
        assert_eq!(
            w.line,
            Line {
                bias: 0,
                slope: 0,
                ts: 100 * WEEK
            }
        );
        assert_eq!(w.weeks, 5);
    }

    #[test]
    fn bounded_walk_resumes_where_it_stopped() {
        let (start, changes) = two_locks();
        let lookup = |w: u64| Ok::<_, MathError>(changes.get(&w).copied().unwrap_or(0));
        let to = 4 * WEEK + 100;
        let first = walk_global(start, to, 3, lookup).unwrap();
        // Stopped at week 3: same line as the unbounded walk to 3 weeks.
        assert_eq!(
            first.line,
            Line {
                bias: 3_628_800,
                slope: 3,
                ts: 3 * WEEK
            }
        );
        assert!(!first.reached);
        let second = walk_global(first.line, to, 3, lookup).unwrap();
        // 3 * (5 weeks - (4 weeks + 100 s)) = 3 * 604,700 = 1,814,100.
        assert_eq!(
            second.line,
            Line {
                bias: 1_814_100,
                slope: 3,
                ts: to
            }
        );
        assert_eq!(second.weeks, 1);
        assert!(second.reached);
        // The same as in one go.
        assert_eq!(
            walk_global(start, to, 52, lookup).unwrap().line,
            second.line
        );
        // A zero bound with a boundary ahead makes no progress.
        let none = walk_global(start, to, 0, lookup).unwrap();
        assert_eq!((none.line, none.reached), (start, false));
    }

    #[test]
    fn walk_refuses_backwards_and_broken_invariant() {
        let (start, _) = two_locks();
        let ok0 = |_: u64| Ok::<_, MathError>(0);
        let back = walk_global(Line { ts: 10, ..start }, 5, 52, ok0);
        assert_eq!(back, Err(MathError::InvalidInterval { from: 10, to: 5 }));
        let too_big = |_: u64| Ok::<_, MathError>(14);
        assert_eq!(
            walk_global(start, WEEK, 52, too_big),
            Err(MathError::Overflow(
                "ve slope change above the global slope"
            ))
        );
    }
}
