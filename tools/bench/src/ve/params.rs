//! The ve group's fixed parameters and its week arithmetic.
use trellis_types::voting_escrow::WEEK;

/// One block: the clock moves this much between measured calls.
pub const BLOCK_SECONDS: u64 = 6;
/// The escrow's default longest lock (`max_time: None`): 4 x 365 days.
pub const MAX_LOCK_SECONDS: u64 = 4 * 365 * 86_400;
pub const YEAR_SECONDS: u64 = 365 * 86_400;
/// The locked token: the protocol's 80/20 pool LP token, as a native denom.
pub const LOCK_DENOM: &str = "ulp-trls-usdc";
/// What every lock holds, and what increases add: 100,000 tokens of 6 decimals (slope
/// 10^11 / 126,144,000 = 792 per second, floored).
pub const LOCK_AMOUNT: u128 = 100_000_000_000;
/// The fee token the distributor hands out.
pub const FEE_DENOM: &str = "uusdc";
/// Fees that reach the distributor before each `CheckpointToken`: 10,000 tokens.
pub const FEE_AMOUNT: u128 = 10_000_000_000;
/// The idle spans of the checkpoint rows, in weeks.
pub const SHORT_IDLE_WEEKS: u64 = 1;
pub const LONG_IDLE_WEEKS: u64 = 50;
/// Blocks in one week of 6 s blocks (the height moves with the clock).
pub const BLOCKS_PER_WEEK: u64 = WEEK / BLOCK_SECONDS;

/// The start of the week holding `t`.
pub fn week_start(t: u64) -> u64 {
    t / WEEK * WEEK
}

/// The `k`-th week boundary after the week holding `t` (`k = 0` is that week's start).
pub fn boundary(t: u64, k: u64) -> u64 {
    week_start(t) + k * WEEK
}

/// Week boundaries in `(from, to]`: how many a walk from `from` to `to` crosses.
pub fn boundaries_crossed(from: u64, to: u64) -> u64 {
    (week_start(to) / WEEK).saturating_sub(week_start(from) / WEEK)
}

#[cfg(test)]
mod tests {
    use super::*;

    // mock_env's block time, 2019-10-23 02:36:59 UTC.
    const T0: u64 = 1_571_797_419;

    #[test]
    fn week_arithmetic() {
        // 1,571,797,419 / 604,800 = 2,598.87..., so the week started at
        // 2,598 x 604,800 = 1,571,270,400 and the next boundary is 1,571,875,200.
        assert_eq!(week_start(T0), 1_571_270_400);
        assert_eq!(boundary(T0, 1), 1_571_875_200);
        assert_eq!(boundary(T0, 51), 1_571_270_400 + 51 * 604_800);
        // From T0 one week on: only the boundary at 1,571,875,200 lies in between.
        assert_eq!(boundaries_crossed(T0, T0 + WEEK), 1);
        // Exactly on a boundary counts it; the start's own boundary does not.
        assert_eq!(boundaries_crossed(T0, 1_571_875_200), 1);
        assert_eq!(
            boundaries_crossed(1_571_875_200, 1_571_875_200 + 50 * WEEK),
            50
        );
        assert_eq!(boundaries_crossed(T0, T0), 0);
        // 604,800 / 6 = 100,800 blocks.
        assert_eq!(BLOCKS_PER_WEEK, 100_800);
    }
}
