//! Option-token pricing: the strike is a discount to the TWAP, clamped below by
//! a minimum price; the payment is the amount times the strike. Prices are 1e18 fixed point
//! (`Decimal` atomics), payment per underlying in base units. Both steps round **up**: they
//! are what the exerciser pays, so no amount is ever exercised for free.
use cosmwasm_std::{Decimal, Uint128};

use crate::mul_div::mul_div_ceil;
use crate::MathError;

/// Basis points in one.
const BPS: u128 = 10_000;
/// `Decimal` atomics in one.
const ONE: u128 = 1_000_000_000_000_000_000;

/// `max(ceil(twap * multiplier_bps / 10000), min_price)` and whether the minimum applied.
pub fn strike_price(
    twap: Decimal,
    multiplier_bps: u32,
    min_price: Decimal,
) -> Result<(Decimal, bool), MathError> {
    // Owed: the discounted price rounds up.
    let discounted = mul_div_ceil(
        twap.atomics(),
        Uint128::from(multiplier_bps),
        Uint128::new(BPS),
    )?;
    let discounted = Decimal::raw(discounted.u128());
    Ok(if discounted < min_price {
        (min_price, true)
    } else {
        (discounted, false)
    })
}

/// `ceil(amount * strike)` in payment base units.
pub fn exercise_payment(amount: Uint128, strike: Decimal) -> Result<Uint128, MathError> {
    mul_div_ceil(amount, strike.atomics(), Uint128::new(ONE))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(atomics: u128) -> Decimal {
        Decimal::raw(atomics)
    }

    #[test]
    fn design_example() {
        // multiplier 5000 bps, TWAP 12,345,678,901,234,567 atomics.
        // strike = ceil(12,345,678,901,234,567 * 5000 / 10000) = ceil(6,172,839,450,617,283.5)
        //        = 6,172,839,450,617,284;
        // payment for 1000e18 = ceil(1000e18 * 6,172,839,450,617,284 / 1e18)
        //        = 1000 * 6,172,839,450,617,284 = 6,172,839,450,617,284,000.
        let (strike, clamped) =
            strike_price(d(12_345_678_901_234_567), 5_000, Decimal::zero()).unwrap();
        assert_eq!(strike, d(6_172_839_450_617_284));
        assert!(!clamped);
        let payment = exercise_payment(Uint128::new(1_000 * ONE), strike).unwrap();
        assert_eq!(payment, Uint128::new(6_172_839_450_617_284_000));
    }

    #[test]
    fn minimum_price_clamps_the_strike() {
        // TWAP 0.02, 50% -> 0.01 = 1e16 atomics, below the minimum 0.015: the minimum applies.
        let (strike, clamped) =
            strike_price(d(20_000_000_000_000_000), 5_000, d(15_000_000_000_000_000)).unwrap();
        assert_eq!(strike, d(15_000_000_000_000_000));
        assert!(clamped);
        // 3e18 units at 0.015: 45e15 exactly.
        let payment = exercise_payment(Uint128::new(3 * ONE), strike).unwrap();
        assert_eq!(payment, Uint128::new(45_000_000_000_000_000));
        // Equal to the minimum is not a clamp.
        let (strike, clamped) =
            strike_price(d(30_000_000_000_000_000), 5_000, d(15_000_000_000_000_000)).unwrap();
        assert_eq!(strike, d(15_000_000_000_000_000));
        assert!(!clamped);
    }

    #[test]
    fn another_multiplier() {
        // 90% of 100 (seed 002's example): strike 90 = 9e19 atomics; one token (1e18 units)
        // pays 90e18 units of the payment token.
        let (strike, _) = strike_price(d(100 * ONE), 9_000, Decimal::zero()).unwrap();
        assert_eq!(strike, d(90 * ONE));
        assert_eq!(
            exercise_payment(Uint128::new(ONE), strike).unwrap(),
            Uint128::new(90 * ONE)
        );
        // 73.33% of 7 atomics: ceil(7 * 7333 / 10000) = ceil(5.1331) = 6.
        let (strike, _) = strike_price(d(7), 7_333, Decimal::zero()).unwrap();
        assert_eq!(strike, d(6));
    }

    #[test]
    fn one_unit_is_never_free() {
        // Strike 1 atomic (1e-18 per unit): one unit pays ceil(1e-18) = 1.
        assert_eq!(
            exercise_payment(Uint128::one(), d(1)).unwrap(),
            Uint128::one()
        );
        // Strike 0.5: 3 units pay ceil(1.5) = 2.
        assert_eq!(
            exercise_payment(Uint128::new(3), d(ONE / 2)).unwrap(),
            Uint128::new(2)
        );
    }

    #[test]
    fn overflow_is_an_error() {
        assert!(exercise_payment(Uint128::MAX, d(2 * ONE)).is_err());
    }
}
