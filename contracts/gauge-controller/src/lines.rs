//! Weight lines (one per gauge, one per type sum): a line is a point (bias, slope, ts) that
//! decays by `slope` per second, with slope changes scheduled at the week boundaries where
//! votes end. Lines are walked week by week with `trellis_math::ve::walk_global` and every
//! point reached is kept, so the value at any past week is exact.
//!
//! Why the history is exact: a point is stored at every boundary crossed while the slope is
//! non-zero, and when the slope is zero the value holds until the next stored point. So the
//! latest point at or before a week, evaluated at that week, is the line's value there.
use cosmwasm_schema::cw_serde;
use cosmwasm_std::{Order, StdResult, Storage, Uint128};
use cw_storage_plus::{Bound, Map};
use trellis_math::ve::{round_down_to_week, walk_global, Line, WEEK};

use crate::error::ContractError;
use crate::limits::MAX_QUERY_WEEKS;

/// A stored line point.
#[cw_serde]
#[derive(Copy, Default)]
pub struct StoredLine {
    pub bias: Uint128,
    pub slope: Uint128,
    pub ts: u64,
}

impl From<StoredLine> for Line {
    fn from(p: StoredLine) -> Line {
        Line {
            bias: p.bias.u128(),
            slope: p.slope.u128(),
            ts: p.ts,
        }
    }
}

impl From<Line> for StoredLine {
    fn from(l: Line) -> StoredLine {
        StoredLine {
            bias: l.bias.into(),
            slope: l.slope.into(),
            ts: l.ts,
        }
    }
}

/// The storage of one family of lines, keyed by a string id.
pub struct LineBook {
    /// id -> the latest point (also kept in `history`).
    pub last: Map<String, StoredLine>,
    /// (id, week) -> the point at that week.
    pub history: Map<(String, u64), StoredLine>,
    /// (id, week) -> slope that stops at that week.
    pub changes: Map<(String, u64), Uint128>,
}

impl LineBook {
    pub const fn new(last: &'static str, history: &'static str, changes: &'static str) -> Self {
        LineBook {
            last: Map::new(last),
            history: Map::new(history),
            changes: Map::new(changes),
        }
    }

    /// A new zero line starting at `week`.
    pub fn create(&self, store: &mut dyn Storage, id: &str, week: u64) -> StdResult<()> {
        self.save(
            store,
            id,
            Line {
                bias: 0,
                slope: 0,
                ts: week,
            },
        )
    }

    /// Saves `line` as the latest point (and in the history at its week).
    pub fn save(&self, store: &mut dyn Storage, id: &str, line: Line) -> StdResult<()> {
        let p = StoredLine::from(line);
        self.last.save(store, id.to_string(), &p)?;
        self.history.save(store, (id.to_string(), line.ts), &p)
    }

    pub fn load_last(&self, store: &dyn Storage, id: &str) -> StdResult<Line> {
        Ok(self.last.load(store, id.to_string())?.into())
    }

    fn change_at(&self, store: &dyn Storage, id: &str, week: u64) -> StdResult<u128> {
        Ok(self
            .changes
            .may_load(store, (id.to_string(), week))?
            .unwrap_or_default()
            .u128())
    }

    /// Walks `start` towards the week boundary `target`, crossing at most `max_weeks`
    /// boundaries; returns every point reached (the last one is where it stopped) and
    /// whether `target` was reached.
    fn walk(
        &self,
        store: &dyn Storage,
        id: &str,
        start: Line,
        target: u64,
        max_weeks: u64,
    ) -> Result<(Vec<Line>, bool), ContractError> {
        let mut line = start;
        let mut points = vec![];
        let mut weeks = 0u64;
        while line.ts < target {
            if weeks == max_weeks {
                return Ok((points, false));
            }
            // One boundary at a time so each is kept; with a zero slope nothing is
            // scheduled and `walk_global` jumps straight to `target`.
            let step_to = (round_down_to_week(line.ts) + WEEK).min(target);
            let walk = walk_global(line, step_to, 1, |w| -> Result<u128, ContractError> {
                Ok(self.change_at(store, id, w)?)
            })?;
            line = walk.line;
            weeks += walk.weeks.max(1);
            points.push(line);
        }
        Ok((points, true))
    }

    /// Whether a checkpoint to `target` within `max_weeks` boundaries would get there
    /// (read-only, so a message can refuse before writing anything).
    pub fn reaches(
        &self,
        store: &dyn Storage,
        id: &str,
        target: u64,
        max_weeks: u64,
    ) -> Result<bool, ContractError> {
        let start = self.load_last(store, id)?;
        Ok(self.walk(store, id, start, target, max_weeks)?.1)
    }

    /// Brings the stored line up to `target` (crossing at most `max_weeks` boundaries).
    /// Returns the latest line and whether it reached `target`.
    pub fn checkpoint(
        &self,
        store: &mut dyn Storage,
        id: &str,
        target: u64,
        max_weeks: u64,
    ) -> Result<(Line, bool), ContractError> {
        let start = self.load_last(store, id)?;
        let (points, reached) = self.walk(store, id, start, target, max_weeks)?;
        // Every point goes to the history (past weeks stay exact); `last` only needs the
        // final one, written once rather than rewritten at every week crossed.
        for p in &points {
            self.history
                .save(store, (id.to_string(), p.ts), &StoredLine::from(*p))?;
        }
        if let Some(last) = points.last() {
            self.last
                .save(store, id.to_string(), &StoredLine::from(*last))?;
        }
        Ok((points.last().copied().unwrap_or(start), reached))
    }

    /// The line's value at the week boundary `week` (0 before the line existed). Past the
    /// last point the line is walked forward read-only with the changes scheduled so far.
    pub fn value_at(
        &self,
        store: &dyn Storage,
        id: &str,
        week: u64,
    ) -> Result<u128, ContractError> {
        let Some(last) = self.last.may_load(store, id.to_string())? else {
            return Ok(0);
        };
        let last = Line::from(last);
        if week >= last.ts {
            let (points, reached) = self.walk(store, id, last, week, MAX_QUERY_WEEKS)?;
            if !reached {
                return Err(ContractError::QueryTooFar {
                    week,
                    max_weeks: MAX_QUERY_WEEKS,
                });
            }
            let at = points.last().copied().unwrap_or(last);
            return Ok(at.value_at(week).unwrap_or_default());
        }
        let before = self
            .history
            .prefix(id.to_string())
            .range(store, None, Some(Bound::inclusive(week)), Order::Descending)
            .next()
            .transpose()?;
        Ok(match before {
            Some((_, p)) => Line::from(p).value_at(week).unwrap_or_default(),
            None => 0,
        })
    }

    /// Adds a vote line (`bias` at the latest point, `slope` stopping at `end`) to a line
    /// already at its latest point.
    pub fn add(
        &self,
        store: &mut dyn Storage,
        id: &str,
        bias: u128,
        slope: u128,
        end: u64,
    ) -> Result<(), ContractError> {
        let mut line = self.load_last(store, id)?;
        line.bias = line.bias.checked_add(bias).ok_or(overflow())?;
        line.slope = line.slope.checked_add(slope).ok_or(overflow())?;
        let change = self
            .change_at(store, id, end)?
            .checked_add(slope)
            .ok_or(overflow())?;
        self.changes
            .save(store, (id.to_string(), end), &Uint128::new(change))?;
        Ok(self.save(store, id, line)?)
    }

    /// Removes a vote line added before (exact: the line holds it, so nothing underflows;
    /// a failure would mean a broken invariant and is reported, never hidden).
    pub fn sub(
        &self,
        store: &mut dyn Storage,
        id: &str,
        bias: u128,
        slope: u128,
        end: u64,
    ) -> Result<(), ContractError> {
        let mut line = self.load_last(store, id)?;
        line.bias = line.bias.checked_sub(bias).ok_or(overflow())?;
        line.slope = line.slope.checked_sub(slope).ok_or(overflow())?;
        let change = self
            .change_at(store, id, end)?
            .checked_sub(slope)
            .ok_or(overflow())?;
        self.changes
            .save(store, (id.to_string(), end), &Uint128::new(change))?;
        Ok(self.save(store, id, line)?)
    }

    /// The slope changes scheduled strictly after `after` and at or before `until`
    /// (a bounded range: callers pass a finite horizon).
    pub fn changes_between(
        &self,
        store: &dyn Storage,
        id: &str,
        after: u64,
        until: u64,
    ) -> StdResult<Vec<(u64, Uint128)>> {
        self.changes
            .prefix(id.to_string())
            .range(
                store,
                Some(Bound::exclusive(after)),
                Some(Bound::inclusive(until)),
                Order::Ascending,
            )
            .collect()
    }
}

fn overflow() -> ContractError {
    ContractError::Math(trellis_math::MathError::Overflow("gauge weight line"))
}
