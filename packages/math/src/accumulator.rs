//! Reward-per-share accumulators: an index of reward per staked unit, scaled by 1e36 and kept in
//! 256 bits (never 1e12, which loses everything for 6-decimal rewards on big pools).
//!
//! The flow a farm follows:
//! 1. reward for an interval -> `to_scaled(reward)` (plus any remainder carried from before);
//! 2. `spread(scaled, total_units)` -> index increment per unit, and a remainder the farm carries
//!    forward so nothing is lost to truncation;
//! 3. a staker's share -> `earned(units, index_now, index_then)` (scaled);
//! 4. paying out -> `from_scaled_floor(scaled)` -> whole base units, plus the sub-unit remainder
//!    the farm may keep on the staker's record.
use cosmwasm_std::{Uint128, Uint256};

use crate::MathError;

const ACC_SCALE_U128: u128 = 1_000_000_000_000_000_000_000_000_000_000_000_000;

/// Fixed-point scale of every accumulator index: 1e36.
pub const ACC_SCALE: Uint256 = Uint256::from_u128(ACC_SCALE_U128);

/// `amount * ACC_SCALE`. Infallible: `u128::MAX * 1e36 < 2^128 * 2^120 = 2^248 < 2^256`.
pub fn to_scaled(amount: Uint128) -> Uint256 {
    amount.full_mul(Uint128::new(ACC_SCALE_U128))
}

/// Splits a scaled amount into whole base units (rounded down, as credits are) and the scaled
/// remainder below one unit: `(floor(scaled / ACC_SCALE), scaled mod ACC_SCALE)`.
/// Overflow if the whole part exceeds `u128::MAX`.
pub fn from_scaled_floor(scaled: Uint256) -> Result<(Uint128, Uint256), MathError> {
    let whole = scaled
        .checked_div(ACC_SCALE)
        .map_err(|_| MathError::DivideByZero)?;
    let remainder = scaled
        .checked_rem(ACC_SCALE)
        .map_err(|_| MathError::DivideByZero)?;
    let whole = Uint128::try_from(whole).map_err(|_| MathError::Overflow("from_scaled_floor"))?;
    Ok((whole, remainder))
}

/// Spread `scaled` evenly over `units` (> 0): per_unit = floor(scaled / units),
/// remainder = scaled - per_unit * units (so `remainder < units`). DivideByZero if units == 0.
pub fn spread(scaled: Uint256, units: Uint256) -> Result<(Uint256, Uint256), MathError> {
    let per_unit = scaled
        .checked_div(units)
        .map_err(|_| MathError::DivideByZero)?;
    let remainder = scaled
        .checked_rem(units)
        .map_err(|_| MathError::DivideByZero)?;
    Ok((per_unit, remainder))
}

/// Scaled reward earned by `units` while the index moved from `index_then` to `index_now`:
/// `units * (index_now - index_then)`. Overflow error if `index_then > index_now` (indices only
/// grow, so that is a caller bug) or the product overflows.
pub fn earned(
    units: Uint256,
    index_now: Uint256,
    index_then: Uint256,
) -> Result<Uint256, MathError> {
    let index_growth = index_now
        .checked_sub(index_then)
        .map_err(|_| MathError::Overflow("earned: index_then is above index_now"))?;
    units
        .checked_mul(index_growth)
        .map_err(|_| MathError::Overflow("earned: units * index growth"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u256(value: u128) -> Uint256 {
        Uint256::from(value)
    }

    const E36: u128 = 1_000_000_000_000_000_000_000_000_000_000_000_000;

    #[test]
    fn scale_is_ten_to_the_36() {
        assert_eq!(ACC_SCALE, Uint256::from(10u128).pow(36));
        assert_eq!(to_scaled(Uint128::new(5)), u256(5 * E36));
    }

    #[test]
    fn largest_amount_scales_and_comes_back() {
        let scaled = to_scaled(Uint128::MAX);
        assert_eq!(scaled, Uint256::from(u128::MAX) * u256(E36));
        assert_eq!(
            from_scaled_floor(scaled),
            Ok((Uint128::MAX, Uint256::zero()))
        );
    }

    #[test]
    fn from_scaled_floor_splits_whole_units_and_remainder() {
        // 5e36 + 7 = 5 whole units and 7 scaled dust.
        assert_eq!(
            from_scaled_floor(u256(5 * E36 + 7)),
            Ok((Uint128::new(5), u256(7)))
        );
        // Just below one unit rounds down to 0.
        assert_eq!(
            from_scaled_floor(u256(E36 - 1)),
            Ok((Uint128::zero(), u256(E36 - 1)))
        );
    }

    #[test]
    fn from_scaled_floor_overflows_above_u128() {
        // (2^256 - 1) / 1e36 is about 1.16e77 / 1e36 = 1.16e41 > u128::MAX (about 3.4e38).
        assert_eq!(
            from_scaled_floor(Uint256::MAX),
            Err(MathError::Overflow("from_scaled_floor"))
        );
    }

    #[test]
    fn spread_keeps_the_remainder() {
        // 10 = 3 * 3 + 1.
        assert_eq!(spread(u256(10), u256(3)), Ok((u256(3), u256(1))));
        assert_eq!(
            spread(u256(10), Uint256::zero()),
            Err(MathError::DivideByZero)
        );
    }

    #[test]
    fn earned_is_units_times_index_growth() {
        // 100 * (50 - 20) = 3000.
        assert_eq!(earned(u256(100), u256(50), u256(20)), Ok(u256(3000)));
        assert!(matches!(
            earned(u256(1), u256(20), u256(50)),
            Err(MathError::Overflow(_))
        ));
        assert!(matches!(
            earned(Uint256::MAX, u256(2), Uint256::zero()),
            Err(MathError::Overflow(_))
        ));
    }

    /// Worked example: P0 gets 60% of 10/s = 6/s. A stakes 100 at t=0, B stakes 300
    /// at t=10. Index: [0,10) adds 6*10 / 100 = 0.6 per unit, [10,30) adds 6*20 / 400 = 0.3.
    /// A: 100 * 0.9 = 90. B: 300 * 0.3 = 90.
    #[test]
    fn masterchef_worked_example() {
        let (first_growth, first_rest) = spread(to_scaled(Uint128::new(60)), u256(100)).unwrap();
        assert_eq!(
            (first_growth, first_rest),
            (u256(6 * E36 / 10), Uint256::zero())
        );
        let (second_growth, second_rest) = spread(to_scaled(Uint128::new(120)), u256(400)).unwrap();
        assert_eq!(
            (second_growth, second_rest),
            (u256(3 * E36 / 10), Uint256::zero())
        );
        let index_at_10 = first_growth;
        let index_at_30 = first_growth + second_growth;

        let alice = earned(u256(100), index_at_30, Uint256::zero()).unwrap();
        let bob = earned(u256(300), index_at_30, index_at_10).unwrap();
        assert_eq!(
            from_scaled_floor(alice),
            Ok((Uint128::new(90), Uint256::zero()))
        );
        assert_eq!(
            from_scaled_floor(bob),
            Ok((Uint128::new(90), Uint256::zero()))
        );
    }

    /// One base unit of a 6-decimal reward over 1e30 staked units: 1e36 / 1e30 = 1e6 per unit,
    /// still visible in the index (with a 1e12 scale it would be 1e12 / 1e30 = 0, all lost).
    /// A staker of 1e24 units earns 1e24 * 1e6 = 1e30 scaled = 1e-6 of a base unit: nothing to
    /// pay yet, but kept as scaled remainder.
    #[test]
    fn small_reward_on_a_huge_pool_stays_in_the_index() {
        let pool = Uint256::from(10u128.pow(30));
        let (growth, rest) = spread(to_scaled(Uint128::one()), pool).unwrap();
        assert_eq!((growth, rest), (u256(1_000_000), Uint256::zero()));
        let share = earned(u256(10u128.pow(24)), growth, Uint256::zero()).unwrap();
        assert_eq!(
            from_scaled_floor(share),
            Ok((Uint128::zero(), u256(10u128.pow(30))))
        );
    }
}
