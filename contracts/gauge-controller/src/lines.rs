//! Weight lines (one per gauge, one per type sum): a line is a point (bias, slope, ts) that
//! decays by `slope` per second, with slope changes scheduled at the week boundaries where
//! votes end. Lines are walked week by week with `trellis_math::ve::walk_global` and every
//! point reached is kept, so the value at any past week is exact.
//!
//! Why the history is exact: a point is stored at every boundary crossed while the slope is
//! non-zero, and when the slope is zero the value holds until the next stored point. So the
//! latest point at or before a week, evaluated at that week, is the line's value there.
use cosmwasm_std::{Order, StdResult, Storage};
use cw_storage_plus::Bound;
use serde::{Deserialize, Serialize};
use trellis_math::ve::{round_down_to_week, walk_global, Line, WEEK};
use trellis_store::Map;

use crate::error::ContractError;
use crate::limits::MAX_QUERY_WEEKS;

/// A stored line point (bias and slope as varints).
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Default)]
pub struct StoredLine {
    pub bias: u128,
    pub slope: u128,
    pub ts: u64,
}

impl From<StoredLine> for Line {
    fn from(p: StoredLine) -> Line {
        Line {
            bias: p.bias,
            slope: p.slope,
            ts: p.ts,
        }
    }
}

impl From<Line> for StoredLine {
    fn from(l: Line) -> StoredLine {
        StoredLine {
            bias: l.bias,
            slope: l.slope,
            ts: l.ts,
        }
    }
}

/// A line brought (read-only) towards a target: the points crossed and where it stands.
pub struct Advanced {
    /// Every point reached on the way (the last one is `line`); empty if it did not move.
    pub points: Vec<Line>,
    pub line: Line,
    pub reached: bool,
}

/// The storage of one family of lines, keyed by a string id. There is no separate "latest
/// point" record: the latest point is the last history entry of the id, read with a
/// one-step reverse range.
pub struct LineBook {
    /// (id, week) -> the point at that week.
    pub history: Map<(String, u64), StoredLine>,
    /// (id, week) -> slope that stops at that week.
    pub changes: Map<(String, u64), u128>,
}

impl LineBook {
    pub const fn new(history: &'static str, changes: &'static str) -> Self {
        LineBook {
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

    /// Saves `line` as the latest point (its history entry at its week).
    pub fn save(&self, store: &mut dyn Storage, id: &str, line: Line) -> StdResult<()> {
        self.history
            .save(store, (id.to_string(), line.ts), &StoredLine::from(line))
    }

    fn may_load_last(&self, store: &dyn Storage, id: &str) -> StdResult<Option<Line>> {
        Ok(self
            .history
            .prefix_range(store, id.to_string(), None, None, Order::Descending)
            .next()
            .transpose()?
            .map(|(_, p)| p.into()))
    }

    pub fn load_last(&self, store: &dyn Storage, id: &str) -> StdResult<Line> {
        self.may_load_last(store, id)?
            .ok_or_else(|| cosmwasm_std::StdError::not_found("weight line"))
    }

    fn change_at(&self, store: &dyn Storage, id: &str, week: u64) -> StdResult<u128> {
        Ok(self
            .changes
            .may_load(store, (id.to_string(), week))?
            .unwrap_or_default())
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

    /// The line walked (read-only) towards `target` across at most `max_weeks` boundaries.
    pub fn advance(
        &self,
        store: &dyn Storage,
        id: &str,
        target: u64,
        max_weeks: u64,
    ) -> Result<Advanced, ContractError> {
        let start = self.load_last(store, id)?;
        let (points, reached) = self.walk(store, id, start, target, max_weeks)?;
        Ok(Advanced {
            line: points.last().copied().unwrap_or(start),
            points,
            reached,
        })
    }

    /// Stores the points of `advanced` except its last one, which the caller stores (maybe
    /// changed) with `save`.
    pub fn save_crossed(
        &self,
        store: &mut dyn Storage,
        id: &str,
        advanced: &Advanced,
    ) -> StdResult<()> {
        let n = advanced.points.len().saturating_sub(1);
        for p in &advanced.points[..n] {
            self.save(store, id, *p)?;
        }
        Ok(())
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
        Ok(self.advance(store, id, target, max_weeks)?.reached)
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
        let adv = self.advance(store, id, target, max_weeks)?;
        // Every point goes to the history (past weeks stay exact); the last is the latest.
        for p in &adv.points {
            self.save(store, id, *p)?;
        }
        Ok((adv.line, adv.reached))
    }

    /// The line's value at the week boundary `week` (0 before the line existed). Past the
    /// last point the line is walked forward read-only with the changes scheduled so far.
    pub fn value_at(
        &self,
        store: &dyn Storage,
        id: &str,
        week: u64,
    ) -> Result<u128, ContractError> {
        let Some(last) = self.may_load_last(store, id)? else {
            return Ok(0);
        };
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
            .prefix_range(
                store,
                id.to_string(),
                None,
                Some(Bound::inclusive(week)),
                Order::Descending,
            )
            .next()
            .transpose()?;
        Ok(match before {
            Some((_, p)) => Line::from(p).value_at(week).unwrap_or_default(),
            None => 0,
        })
    }

    /// Moves `slope` scheduled to stop at `from` (if any) to stop at `to` instead (if any):
    /// one read and one write when both are the same week.
    pub fn move_change(
        &self,
        store: &mut dyn Storage,
        id: &str,
        from: Option<(u64, u128)>,
        to: Option<(u64, u128)>,
    ) -> Result<(), ContractError> {
        let mut edits: Vec<(u64, u128, u128)> = vec![];
        if let Some((w, s)) = from {
            edits.push((w, s, 0));
        }
        if let Some((w, s)) = to {
            match edits.iter_mut().find(|e| e.0 == w) {
                Some(e) => e.2 = s,
                None => edits.push((w, 0, s)),
            }
        }
        for (week, sub, add) in edits {
            let change = self
                .change_at(store, id, week)?
                .checked_sub(sub)
                .and_then(|c| c.checked_add(add))
                .ok_or(overflow())?;
            self.changes.save(store, (id.to_string(), week), &change)?;
        }
        Ok(())
    }

    /// The slope changes scheduled strictly after `after` and at or before `until`
    /// (a bounded range: callers pass a finite horizon).
    pub fn changes_between(
        &self,
        store: &dyn Storage,
        id: &str,
        after: u64,
        until: u64,
    ) -> StdResult<Vec<(u64, u128)>> {
        self.changes
            .prefix_range(
                store,
                id.to_string(),
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
