//! Message handlers, one file per concern.
pub mod admin;
pub mod checkpoint;
pub mod gauges;
pub mod instantiate;
pub mod types;
pub mod vote;

use trellis_math::ve::{round_down_to_week, WEEK};

/// The week boundary at which changes made at `now` take effect.
pub fn next_week(now: u64) -> u64 {
    round_down_to_week(now) + WEEK
}
