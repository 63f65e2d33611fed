//! Boosted ("working") balances: a stake counts fully only when its owner holds
//! a matching share of vote-escrow power.
//!
//! `working = min(t% * b + (100 - t)% * floor(B * v / V), b)` where `b` is the user's stake, `B`
//! the pool's stake, `v` the user's ve power, `V` the total ve power and `t` the tokenless share
//! in percent: 40 is Curve (boost up to 100 / 40 = 2.5x), 0 is FOO ("no vetoken, no reward").
//! The working balance is what the user is credited with, so every division floors.
use cosmwasm_std::{Uint128, Uint256};

use crate::mul_div::mul_div_u256_floor;
use crate::MathError;

/// Curve's tokenless share: a stake without ve power counts for 40%.
pub const CURVE_TOKENLESS_SHARE_PCT: u8 = 40;
/// FOO's tokenless share: a stake without ve power earns nothing.
pub const FOO_TOKENLESS_SHARE_PCT: u8 = 0;
/// A share is a percentage.
pub const MAX_TOKENLESS_SHARE_PCT: u8 = 100;

/// The working balance of a stake `user_stake` in a pool of `pool_stake`, for a holder of
/// `user_power` out of `total_power` ve power. `total_power == 0` leaves only the tokenless
/// part (nobody has power, so nobody is boosted). `tokenless_share_pct > 100` is an error.
pub fn working_balance(
    user_stake: Uint128,
    pool_stake: Uint128,
    user_power: Uint128,
    total_power: Uint128,
    tokenless_share_pct: u8,
) -> Result<Uint128, MathError> {
    if tokenless_share_pct > MAX_TOKENLESS_SHARE_PCT {
        return Err(MathError::InvalidTokenlessShare {
            pct: tokenless_share_pct,
        });
    }
    let hundred = Uint256::from(u128::from(MAX_TOKENLESS_SHARE_PCT));
    let stake = Uint256::from(user_stake);
    // Credit: floor(t * b / 100).
    let tokenless = mul_div_u256_floor(
        stake,
        Uint256::from(u128::from(tokenless_share_pct)),
        hundred,
    )?;
    // Credit: floor(B * v / V) first (Curve's integer order), 512-bit product inside.
    let pool_share = if total_power.is_zero() {
        Uint256::zero()
    } else {
        mul_div_u256_floor(pool_stake.into(), user_power.into(), total_power.into())?
    };
    // Credit: floor((100 - t) * share / 100); never above `share`, so it fits 256 bits.
    let boosted = mul_div_u256_floor(
        pool_share,
        Uint256::from(u128::from(MAX_TOKENLESS_SHARE_PCT - tokenless_share_pct)),
        hundred,
    )?;
    // Both parts are below 2^256 and `tokenless <= b < 2^128`: compare before adding so the
    // sum is only formed when it is below `b`.
    let room = stake - tokenless;
    if boosted >= room {
        return Ok(user_stake);
    }
    Uint128::try_from(tokenless + boosted).map_err(|_| MathError::Overflow("working_balance"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const E18: u128 = 1_000_000_000_000_000_000;

    fn wb(b: u128, pool: u128, v: u128, total: u128, pct: u8) -> Result<Uint128, MathError> {
        working_balance(b.into(), pool.into(), v.into(), total.into(), pct)
    }

    #[test]
    fn design_example_curve_and_foo() {
        // B * v / V = 1000e18 * 500e18 / 10000e18 = 50e18.
        // Curve: 40% * 100e18 + 60% * 50e18 = 40e18 + 30e18 = 70e18 (< b = 100e18).
        assert_eq!(
            wb(100 * E18, 1000 * E18, 500 * E18, 10_000 * E18, 40),
            Ok(Uint128::new(70 * E18))
        );
        // FOO: 0 + 100% * 50e18 = 50e18.
        assert_eq!(
            wb(100 * E18, 1000 * E18, 500 * E18, 10_000 * E18, 0),
            Ok(Uint128::new(50 * E18))
        );
    }

    #[test]
    fn capped_at_the_stake() {
        // B * v / V = 1000 * 5000 / 10000 = 500; 40 + 60% * 500 = 40 + 300 = 340 > b = 100.
        assert_eq!(wb(100, 1000, 5000, 10_000, 40), Ok(Uint128::new(100)));
        // Exactly at the cap: b = 100, pool share 100 -> 40 + 60 = 100.
        assert_eq!(wb(100, 1000, 1000, 10_000, 40), Ok(Uint128::new(100)));
        // 100% tokenless ignores power: b itself.
        assert_eq!(wb(100, 1000, 0, 10_000, 100), Ok(Uint128::new(100)));
    }

    #[test]
    fn zero_total_power_leaves_the_tokenless_part() {
        // floor(40 * 99 / 100) = floor(39.6) = 39.
        assert_eq!(wb(99, 1000, 0, 0, 40), Ok(Uint128::new(39)));
        // FOO without any power: nothing.
        assert_eq!(wb(99, 1000, 0, 0, 0), Ok(Uint128::zero()));
    }

    #[test]
    fn integer_order_floors_the_pool_share_first() {
        // b = 10, B = 10, v = 1, V = 3: floor(10 * 1 / 3) = 3, then floor(60 * 3 / 100) = 1
        // and floor(40 * 10 / 100) = 4: 5. (Flooring once at the end would give
        // floor(4 + 0.6 * 10 / 3) = floor(6) = 6.)
        assert_eq!(wb(10, 10, 1, 3, 40), Ok(Uint128::new(5)));
        // Each percentage part floors on its own: b = 7: floor(2.8) = 2; B*v/V = 7 ->
        // floor(60 * 7 / 100) = floor(4.2) = 4; total 6 (the exact 7 * 1.0 would be 7).
        assert_eq!(wb(7, 7, 1, 1, 40), Ok(Uint128::new(6)));
    }

    #[test]
    fn huge_values_do_not_overflow() {
        let max = u128::MAX;
        // B * v = MAX^2 needs 256 bits; / V = MAX gives MAX; capped at b = MAX.
        assert_eq!(wb(max, max, max, max, 40), Ok(Uint128::MAX));
        // V = 1: pool share MAX^2 (about 2^256), far above b: capped at b.
        assert_eq!(wb(max - 1, max, max, 1, 0), Ok(Uint128::new(max - 1)));
        // b = MAX, pool share MAX / 2 (floored: (2^128 - 1) / 2 = 2^127 - 1), FOO: 2^127 - 1.
        assert_eq!(wb(max, max, 1, 2, 0), Ok(Uint128::new((1u128 << 127) - 1)));
        // Curve with b = MAX and no power: floor(40 * MAX / 100) = floor(2 * MAX / 5).
        // MAX = 2^128 - 1 = 340282366920938463463374607431768211455;
        // 2 * MAX = 680564733841876926926749214863536422910, / 5 = 136112946768375385385349842972707284582.
        assert_eq!(
            wb(max, 0, 0, 0, 40),
            Ok(Uint128::new(
                136_112_946_768_375_385_385_349_842_972_707_284_582
            ))
        );
    }

    #[test]
    fn four_year_lock_of_a_billion_18_decimal_lp() {
        // A stake of 1e27 (1e9 LP at 18 decimals) in a pool of 1e28, with the ve power of
        // 1e27 locked for four years (bias 997,995,941,146,626,078,123,091,200, see ve.rs)
        // out of 20 times that in total. B * v = 1e28 * ~1e27 = ~1e55 exceeds u128, so the
        // product must be wide: floor(1e28 * v / (20 v)) = 5e26 exactly. Curve: 40% of 1e27
        // = 4e26, plus 60% of 5e26 = 3e26: 7e26, below the stake.
        let v = 997_995_941_146_626_078_123_091_200u128;
        assert_eq!(
            wb(1_000_000_000 * E18, 10_000_000_000 * E18, v, 20 * v, 40),
            Ok(Uint128::new(700_000_000 * E18))
        );
        // FOO (no tokenless part): 100% of 5e26.
        assert_eq!(
            wb(1_000_000_000 * E18, 10_000_000_000 * E18, v, 20 * v, 0),
            Ok(Uint128::new(500_000_000 * E18))
        );
    }

    #[test]
    fn tokenless_share_above_100_is_refused() {
        assert_eq!(
            wb(1, 1, 1, 1, 101),
            Err(MathError::InvalidTokenlessShare { pct: 101 })
        );
        assert_eq!(
            wb(0, 0, 0, 0, u8::MAX),
            Err(MathError::InvalidTokenlessShare { pct: 255 })
        );
    }

    proptest! {
        #[test]
        fn bounded_monotone_and_floored_below(
            b in any::<u128>(),
            pool in any::<u128>(),
            v in any::<u128>(),
            dv in any::<u128>(),
            total in 1u128..,
            pct in 0u8..=100,
        ) {
            let w = wb(b, pool, v, total, pct).unwrap();
            // Never above the stake.
            prop_assert!(w.u128() <= b);
            // Never below the tokenless share floor(pct * b / 100) (exact in u256).
            let floor_share = Uint256::from(b) * Uint256::from(pct as u128) / Uint256::from(100u128);
            prop_assert!(Uint256::from(w) >= floor_share);
            // Monotone in the user's power.
            let v2 = v.saturating_add(dv);
            let w2 = wb(b, pool, v2, total, pct).unwrap();
            prop_assert!(w2 >= w);
            // Monotone in the stake too (more stake never works less).
            let w3 = wb(b.saturating_add(dv), pool, v, total, pct).unwrap();
            prop_assert!(w3 >= w);
        }
    }
}
