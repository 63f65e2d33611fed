//! A CL pool's tick over the run, exactly: the tick only moves with swaps, so the initial tick
//! and each swap's tick after (from the CL log) give it at every second. Time in range is then
//! a sum over the path's pieces, not a count of samples.
use crate::model::cl::ClEventRecord;

/// The tick from each moment on, ascending by moment; several swaps in one second leave the
/// last one's tick.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TickPath {
    pieces: Vec<(u64, i32)>,
}

impl TickPath {
    /// The path of pool `pool` (by name) starting at `initial_tick` at 0 s, from the CL log.
    pub fn from_log(initial_tick: i32, events: &[ClEventRecord], pool: &str) -> TickPath {
        let moves = events
            .iter()
            .filter(|e| e.pool == pool && e.action == "swap")
            .map(|e| (e.t, e.tick_after));
        TickPath::new(initial_tick, moves)
    }

    /// The path from an initial tick and the moves `(moment, tick after)` in time order.
    pub fn new(initial_tick: i32, moves: impl IntoIterator<Item = (u64, i32)>) -> TickPath {
        let mut pieces = vec![(0, initial_tick)];
        for (t, tick) in moves {
            match pieces.last_mut() {
                Some(last) if last.0 == t => last.1 = tick,
                _ => pieces.push((t, tick)),
            }
        }
        TickPath { pieces }
    }

    /// Seconds of `[from, until)` during which `lower <= tick < upper`.
    pub fn in_range_secs(&self, (from, until): (u64, u64), lower: i32, upper: i32) -> u64 {
        let mut total = 0;
        for (k, (start, tick)) in self.pieces.iter().enumerate() {
            let end = self.pieces.get(k + 1).map_or(u64::MAX, |next| next.0);
            let (a, b) = ((*start).max(from), end.min(until));
            if a < b && lower <= *tick && *tick < upper {
                total += b - a;
            }
        }
        total
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_in_range_sums_the_pieces() {
        // Tick 0 until 100 s, 70 from 100 s (two swaps at 100 s: the last one counts), -80
        // from 250 s. Range [-60, 60) over [50, 300): 50..100 in (50 s), 100..250 out, 250..300
        // out: 50 s. Range [60, 120): 100..250 in (150 s). Range [-120, 0) over [0, 400):
        // only from 250 s (0 is its upper end, excluded): 150 s.
        let path = TickPath::new(0, [(100, 10), (100, 70), (250, -80)]);
        assert_eq!(path.in_range_secs((50, 300), -60, 60), 50);
        assert_eq!(path.in_range_secs((50, 300), 60, 120), 150);
        assert_eq!(path.in_range_secs((0, 400), -120, 0), 150);
        assert_eq!(path.in_range_secs((120, 120), 60, 120), 0);
    }
}
