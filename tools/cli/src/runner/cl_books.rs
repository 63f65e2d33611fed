//! The CL state of a run that the chain does not keep: each pool's flows measured on the
//! accounts' balances (what went in and out, for the books checks), the count of rounded
//! operations (for the dust bound), each position's deposits, withdrawals and fees, and the
//! time each position spent in range.
use trellis_testing::ClPoolHandle;

use super::prng::SplitMix64;
use crate::model::cl::{ClEventRecord, ClPositionStatus};
use crate::scenario::cl_plan::ClPlan;

/// The deployed CL part and its books.
#[derive(Default)]
pub struct ClWorld {
    pub pools: Vec<ClPoolHandle>,
    pub pool_books: Vec<ClPoolBooks>,
    pub positions: Vec<ClPositionBooks>,
    /// The generator of each random CL trader (`None` for scripted ones).
    pub rngs: Vec<Option<SplitMix64>>,
    pub events: Vec<ClEventRecord>,
    /// Disagreements between the pool's reports and the accounts' balances, found as they
    /// happen.
    pub violations: Vec<String>,
    /// The moment up to which time in range is counted.
    pub clock: u64,
}

/// Operations whose rounding leaves the pool less than one base unit per side each (see
/// [`ClPoolBooks::dust_bound`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RoundingCount {
    /// Mints: amounts paid in are rounded up.
    pub mints: u64,
    /// Decreases: amounts credited are rounded down.
    pub decreases: u64,
    /// Fee credits to a position with liquidity (at a decrease, or a collect's update):
    /// `floor(growth * liquidity / 2^128)`.
    pub fee_credits: u64,
    /// Swap steps (one per initialized tick crossed, plus the last): the input rounded up and
    /// the output down.
    pub swap_steps: u64,
    /// The same steps by asset sold: each adds `floor(fee * 2^128 / liquidity)` to the fee
    /// growth of the asset sold, short of the fee by less than a unit.
    pub swap_steps_selling: [u64; 2],
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClPoolBooks {
    /// The pool's tick after the last CL action.
    pub tick: i32,
    /// Paid in by mints, measured on the owners' balances.
    pub deposits: [u128; 2],
    /// Paid in and out by swaps, measured on the traders' balances.
    pub traded_in: [u128; 2],
    pub traded_out: [u128; 2],
    /// Collected by positions: decreased liquidity and fees.
    pub withdrawn: [u128; 2],
    pub fees_collected: [u128; 2],
    /// Received by the fee collector.
    pub protocol_collected: [u128; 2],
    pub swaps: u64,
    pub ticks_crossed: u64,
    /// As the pool reported its swaps, by asset sold.
    pub volume: [u128; 2],
    pub fees: [u128; 2],
    pub protocol_fees: [u128; 2],
    pub rounding: RoundingCount,
}

impl ClPoolBooks {
    /// What the pool's address must hold: everything paid in minus everything paid out.
    /// `None` when more went out than in (the books are broken).
    pub fn expected_held(&self) -> Option<[u128; 2]> {
        let side = |k: usize| {
            self.deposits[k]
                .checked_add(self.traded_in[k])?
                .checked_sub(self.traded_out[k])?
                .checked_sub(self.withdrawn[k])?
                .checked_sub(self.fees_collected[k])?
                .checked_sub(self.protocol_collected[k])
        };
        Some([side(0)?, side(1)?])
    }

    /// How many units rounding may have left in the pool, per side, beyond what it owes.
    ///
    /// In exact arithmetic a pool holds `Σ value(L_i, price)` plus the fees it owes, and once
    /// every position is withdrawn and every fee paid, nothing. The integer pool differs from
    /// that by one rounding per operation, each in its own favour and below one unit: a mint
    /// pays in `ceil`, a decrease credits `floor`, a fee credit pays `floor(growth * L /
    /// 2^128)`, a swap step takes `ceil` in and pays `floor` out, and its fee growth
    /// `floor(fee * 2^128 / L)` gives the in-range liquidity less than the fee (side sold).
    /// So what stays after everyone is paid is below the number of these operations.
    pub fn dust_bound(&self) -> [u128; 2] {
        let r = &self.rounding;
        let shared = r.mints + r.decreases + r.fee_credits + r.swap_steps;
        [0, 1].map(|k| (shared + r.swap_steps_selling[k]) as u128)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClPositionBooks {
    pub token_id: Option<String>,
    pub status: ClPositionStatus,
    pub liquidity: u128,
    pub deposited: [u128; 2],
    /// Liquidity decreased and credited to tokens owed, not collected yet.
    pub principal_owed: [u128; 2],
    /// Decreased liquidity collected.
    pub withdrawn: [u128; 2],
    pub fees_collected: [u128; 2],
    /// Seconds with liquidity, and of those in range.
    pub open_secs: u64,
    pub in_range_secs: u64,
}

impl Default for ClPositionBooks {
    fn default() -> Self {
        ClPositionBooks {
            token_id: None,
            status: ClPositionStatus::Pending,
            liquidity: 0,
            deposited: [0; 2],
            principal_owed: [0; 2],
            withdrawn: [0; 2],
            fees_collected: [0; 2],
            open_secs: 0,
            in_range_secs: 0,
        }
    }
}

impl ClPositionBooks {
    /// Earning fees: open with liquidity and `lower <= tick < upper` (v3's active range).
    pub fn in_range(&self, lower: i32, upper: i32, tick: i32) -> bool {
        self.status == ClPositionStatus::Open && self.liquidity > 0 && lower <= tick && tick < upper
    }
}

impl ClWorld {
    /// Counts the time since the last call into each position's open and in-range time. The
    /// ticks only move with CL swaps, each preceded by this call, so the count is exact.
    pub fn advance_clock(&mut self, plan: &ClPlan, t: u64) {
        let elapsed = t.saturating_sub(self.clock);
        for (books, p) in self.positions.iter_mut().zip(&plan.positions) {
            if books.status != ClPositionStatus::Open || books.liquidity == 0 {
                continue;
            }
            books.open_secs += elapsed;
            if books.in_range(p.lower_tick, p.upper_tick, self.pool_books[p.pool].tick) {
                books.in_range_secs += elapsed;
            }
        }
        self.clock = self.clock.max(t);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::cl_plan::ClPositionPlan;

    fn position(lower: i32, upper: i32) -> ClPositionPlan {
        ClPositionPlan {
            name: "p".into(),
            line: 1,
            owner: "o".into(),
            pool: 0,
            lower_tick: lower,
            upper_tick: upper,
            amounts: [1, 1],
            open_at_secs: 0,
            decreases: Vec::new(),
            close_at_secs: None,
        }
    }

    #[test]
    fn time_in_range_follows_the_tick() {
        let plan = ClPlan {
            pools: Vec::new(),
            positions: vec![position(-60, 60), position(60, 120)],
            traders: Vec::new(),
        };
        let mut world = ClWorld {
            pool_books: vec![ClPoolBooks::default()],
            positions: vec![ClPositionBooks::default(); 2],
            ..ClWorld::default()
        };
        for books in &mut world.positions {
            books.status = ClPositionStatus::Open;
            books.liquidity = 10;
        }
        // 0..100 s at tick 0: the first in range; 100..130 s at tick 60: the second (60 is
        // its lower end, inclusive), not the first (60 is its upper end, exclusive).
        world.advance_clock(&plan, 100);
        world.pool_books[0].tick = 60;
        world.advance_clock(&plan, 130);
        let counts: Vec<(u64, u64)> = world
            .positions
            .iter()
            .map(|b| (b.open_secs, b.in_range_secs))
            .collect();
        assert_eq!(counts, [(130, 100), (130, 30)]);
    }

    #[test]
    fn the_dust_bound_counts_roundings() {
        let books = ClPoolBooks {
            rounding: RoundingCount {
                mints: 2,
                decreases: 2,
                fee_credits: 2,
                swap_steps: 5,
                swap_steps_selling: [3, 2],
            },
            ..ClPoolBooks::default()
        };
        // 2 + 2 + 2 + 5 = 11 on both sides, plus the steps selling each side.
        assert_eq!(books.dust_bound(), [14, 13]);
        let flows = ClPoolBooks {
            deposits: [100, 50],
            traded_in: [10, 0],
            traded_out: [0, 9],
            withdrawn: [90, 30],
            fees_collected: [5, 0],
            protocol_collected: [1, 0],
            ..ClPoolBooks::default()
        };
        // 100 + 10 - 0 - 90 - 5 - 1 = 14; 50 + 0 - 9 - 30 = 11.
        assert_eq!(flows.expected_held(), Some([14, 11]));
    }
}
