//! Conservation of the farm's reward stream.
//!
//! Let `slack = emitted - claimed - recovered - rolled_over - undistributed - carried -
//! Σ pending`, the sum over every position of the listed users (`carried`: the whole units the
//! positions' kept fractions add up to). Then:
//! - **bounded** (at any moment): `0 <= slack + carried <= positions + pools`. A position's
//!   `pending`, as queried, already holds its kept fraction whenever it earned since its last
//!   settlement, so at a moment between settlements `carried` counts those fractions a second
//!   time; without it each position and each pool may hold an unsettled rounding fraction
//!   below one unit;
//! - **exact** (after every user claims all their pools in the same block): `slack == 0`:
//!   the claims settle every position, the kept fractions are in no `pending` any more, and
//!   `carried` is what they add up to;
//! - **reserve** farms also: `funded + rolled_over == emitted + reserve_available`.
//!
//! `rolled_over` is 0 unless the owner used `RolloverUndistributed`; it appears in both
//! identities because rolled-over reward is emitted a second time.
use std::fmt;

use anyhow::Result;
use trellis_types::farm::TotalsResponse;

use crate::suite::Suite;

/// The books at one moment, with the pending of the listed users.
#[derive(Clone, Debug, PartialEq)]
pub struct ConservationSnapshot {
    pub totals: TotalsResponse,
    /// Σ pending over every position of the listed users.
    pub pending: u128,
    /// How many positions those users hold.
    pub positions: u64,
    /// How many pools the farm has.
    pub pools: u64,
    /// `emitted - claimed - recovered - rolled_over - undistributed - carried - pending` (negative when
    /// the farm owes more than it emitted).
    pub slack: i128,
}

impl ConservationSnapshot {
    /// The largest bounded slack allowed: one unit per position and per pool.
    pub fn bound(&self) -> u128 {
        (self.positions + self.pools) as u128
    }

    /// `emitted - claimed - recovered - rolled_over - undistributed - pending`: the slack
    /// of the bounded check (`slack + carried`, see the module's comment).
    pub fn bounded_slack(&self) -> i128 {
        self.slack + self.totals.carried.u128() as i128
    }

    pub fn bounded_ok(&self) -> bool {
        let slack = self.bounded_slack();
        slack >= 0 && (slack as u128) <= self.bound()
    }

    pub fn exact_ok(&self) -> bool {
        self.slack == 0
    }

    /// `Some(funded + rolled_over == emitted + reserve_available)` for reserve farms.
    pub fn reserve_ok(&self) -> Option<bool> {
        let t = &self.totals;
        t.reserve_available
            .map(|available| t.funded + t.rolled_over == t.emitted + available)
    }

    /// What users were credited: `emitted - undistributed - recovered - rolled_over`.
    pub fn distributed(&self) -> i128 {
        let t = &self.totals;
        t.emitted.u128() as i128
            - t.undistributed.u128() as i128
            - t.recovered.u128() as i128
            - t.rolled_over.u128() as i128
    }
}

/// A failed conservation check, with the numbers.
#[derive(Clone, Debug, PartialEq)]
pub enum ConservationError {
    Bounded(ConservationSnapshot),
    Exact(ConservationSnapshot),
    Reserve(ConservationSnapshot),
}

impl fmt::Display for ConservationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (what, s) = match self {
            ConservationError::Bounded(s) => ("bounded conservation violated", s),
            ConservationError::Exact(s) => ("exact conservation violated", s),
            ConservationError::Reserve(s) => ("reserve conservation violated", s),
        };
        let t = &s.totals;
        let allowed = match self {
            ConservationError::Bounded(_) => format!(
                "slack + carried = {}, allowed 0..={}",
                s.bounded_slack(),
                s.bound()
            ),
            _ => "allowed 0".to_string(),
        };
        write!(
            f,
            "{what}: emitted {} - claimed {} - recovered {} - rolled_over {} - undistributed {} - carried {} - pending {} = {} \
             ({allowed}; {} positions, {} pools); funded {}, reserve_available {:?}",
            t.emitted,
            t.claimed,
            t.recovered,
            t.rolled_over,
            t.undistributed,
            t.carried,
            s.pending,
            s.slack,
            s.positions,
            s.pools,
            t.funded,
            t.reserve_available,
        )
    }
}

impl std::error::Error for ConservationError {}

/// The result of the exact check: the books before and after the settlement claims.
#[derive(Clone, Debug, PartialEq)]
pub struct ExactCheck {
    pub before: ConservationSnapshot,
    pub after: ConservationSnapshot,
    /// Reward paid by the settlement claims.
    pub settled: u128,
}

impl Suite {
    /// The books now, summing the pending of every position of `users`.
    pub fn conservation_snapshot(&self, users: &[&str]) -> Result<ConservationSnapshot> {
        let totals = self.totals()?;
        let pools = self.farm_config()?.pool_count;
        let mut pending = 0u128;
        let mut positions = 0u64;
        for user in users {
            for position in self.positions(user)? {
                pending += position.pending.u128();
                positions += 1;
            }
        }
        let slack = totals.emitted.u128() as i128
            - totals.claimed.u128() as i128
            - totals.recovered.u128() as i128
            - totals.rolled_over.u128() as i128
            - totals.undistributed.u128() as i128
            - totals.carried.u128() as i128
            - pending as i128;
        Ok(ConservationSnapshot {
            totals,
            pending,
            positions,
            pools,
            slack,
        })
    }

    /// The bounded check (and the reserve identity) at the current block.
    pub fn check_conservation_bounded(&self, users: &[&str]) -> Result<ConservationSnapshot> {
        let snapshot = self.conservation_snapshot(users)?;
        if !snapshot.bounded_ok() {
            return Err(ConservationError::Bounded(snapshot).into());
        }
        if snapshot.reserve_ok() == Some(false) {
            return Err(ConservationError::Reserve(snapshot).into());
        }
        Ok(snapshot)
    }

    /// The bounded check, then every user claims all their pools in this block, then the
    /// exact check (and the reserve identity). Leaves the claims done.
    pub fn check_conservation_exact(&mut self, users: &[&str]) -> Result<ExactCheck> {
        let before = self.check_conservation_bounded(users)?;
        let mut settled = 0u128;
        for user in users {
            settled += self.claim_all(user)?;
        }
        let after = self.conservation_snapshot(users)?;
        if !after.exact_ok() {
            return Err(ConservationError::Exact(after).into());
        }
        if after.reserve_ok() == Some(false) {
            return Err(ConservationError::Reserve(after).into());
        }
        Ok(ExactCheck {
            before,
            after,
            settled,
        })
    }

    /// Both checks, panicking with the numbers when one fails (for tests).
    pub fn assert_conservation(&mut self, users: &[&str]) -> ExactCheck {
        match self.check_conservation_exact(users) {
            Ok(check) => check,
            Err(e) => panic!("{e:#}"),
        }
    }
}
