//! `a * b / denom` with a double-width intermediate and an explicit rounding direction.
//!
//! The protocol rounds credits down and debts/payments up, so every call site names
//! its direction: `mul_div_floor` or `mul_div_ceil`.
use cosmwasm_std::{Uint128, Uint256, Uint512};

use crate::MathError;

/// Which way to round a quotient that is not a whole number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rounding {
    /// Towards zero: use for amounts credited to users.
    Floor,
    /// Away from zero: use for amounts users owe or pay.
    Ceil,
}

/// `a * b / denom` rounded as asked. The product is taken in 256 bits, so it never overflows;
/// only a quotient above `u128::MAX` is an error.
pub fn mul_div(
    a: Uint128,
    b: Uint128,
    denom: Uint128,
    rounding: Rounding,
) -> Result<Uint128, MathError> {
    let wide = mul_div_u256(a.into(), b.into(), denom.into(), rounding)?;
    Uint128::try_from(wide).map_err(|_| MathError::Overflow("mul_div"))
}

/// `floor(a * b / denom)`.
pub fn mul_div_floor(a: Uint128, b: Uint128, denom: Uint128) -> Result<Uint128, MathError> {
    mul_div(a, b, denom, Rounding::Floor)
}

/// `ceil(a * b / denom)`.
pub fn mul_div_ceil(a: Uint128, b: Uint128, denom: Uint128) -> Result<Uint128, MathError> {
    mul_div(a, b, denom, Rounding::Ceil)
}

/// `a * b / denom` on 256-bit operands with a 512-bit product; an error only if the quotient
/// exceeds 256 bits.
pub fn mul_div_u256(
    a: Uint256,
    b: Uint256,
    denom: Uint256,
    rounding: Rounding,
) -> Result<Uint256, MathError> {
    if denom.is_zero() {
        return Err(MathError::DivideByZero);
    }
    let product: Uint512 = a.full_mul(b);
    let denom = Uint512::from(denom);
    let quotient = product
        .checked_div(denom)
        .map_err(|_| MathError::DivideByZero)?;
    let remainder = product
        .checked_rem(denom)
        .map_err(|_| MathError::DivideByZero)?;
    let rounded = match rounding {
        Rounding::Ceil if !remainder.is_zero() => quotient
            .checked_add(Uint512::one())
            .map_err(|_| MathError::Overflow("mul_div_u256"))?,
        _ => quotient,
    };
    Uint256::try_from(rounded).map_err(|_| MathError::Overflow("mul_div_u256"))
}

/// `floor(a * b / denom)` in 256 bits.
pub fn mul_div_u256_floor(a: Uint256, b: Uint256, denom: Uint256) -> Result<Uint256, MathError> {
    mul_div_u256(a, b, denom, Rounding::Floor)
}

/// `ceil(a * b / denom)` in 256 bits.
pub fn mul_div_u256_ceil(a: Uint256, b: Uint256, denom: Uint256) -> Result<Uint256, MathError> {
    mul_div_u256(a, b, denom, Rounding::Ceil)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MAX: Uint128 = Uint128::MAX;

    #[test]
    fn rounds_a_fraction_down_or_up() {
        // 7 * 3 = 21 = 10 * 2 + 1: floor 10, ceil 11.
        assert_eq!(
            mul_div_floor(7u128.into(), 3u128.into(), 2u128.into()),
            Ok(Uint128::new(10))
        );
        assert_eq!(
            mul_div_ceil(7u128.into(), 3u128.into(), 2u128.into()),
            Ok(Uint128::new(11))
        );
        // 1 * 1 / 3 is a third: floor 0, ceil 1.
        assert_eq!(
            mul_div_floor(1u128.into(), 1u128.into(), 3u128.into()),
            Ok(Uint128::zero())
        );
        assert_eq!(
            mul_div_ceil(1u128.into(), 1u128.into(), 3u128.into()),
            Ok(Uint128::one())
        );
    }

    #[test]
    fn exact_division_rounds_neither_way() {
        // 6 * 4 = 24 = 8 * 3.
        for rounding in [Rounding::Floor, Rounding::Ceil] {
            assert_eq!(
                mul_div(6u128.into(), 4u128.into(), 3u128.into(), rounding),
                Ok(Uint128::new(8))
            );
        }
        // 0 * anything is 0, in both directions.
        assert_eq!(
            mul_div_ceil(Uint128::zero(), MAX, 7u128.into()),
            Ok(Uint128::zero())
        );
    }

    #[test]
    fn product_beyond_u128_is_kept_in_256_bits() {
        // MAX * MAX / MAX = MAX, though MAX * MAX needs 256 bits.
        assert_eq!(mul_div_floor(MAX, MAX, MAX), Ok(MAX));
        assert_eq!(mul_div_ceil(MAX, MAX, MAX), Ok(MAX));
        // 1e30 * 1e30 = 1e60 (about 2^199); / 1e24 = 1e36.
        let e30 = Uint128::new(10u128.pow(30));
        let e24 = Uint128::new(10u128.pow(24));
        assert_eq!(
            mul_div_floor(e30, e30, e24),
            Ok(Uint128::new(10u128.pow(36)))
        );
    }

    #[test]
    fn quotient_above_u128_is_an_overflow_error() {
        assert_eq!(
            mul_div_floor(MAX, MAX, Uint128::one()),
            Err(MathError::Overflow("mul_div"))
        );
        assert_eq!(
            mul_div_floor(MAX, 2u128.into(), Uint128::one()),
            Err(MathError::Overflow("mul_div"))
        );
    }

    #[test]
    fn ceil_of_a_floor_equal_to_max_overflows() {
        // x^3 - 1 = (x - 1)(x^2 + x + 1) with x = 2^43 gives a * b = 2^129 - 1 for the two
        // factors below (both < 2^128). Divided by 2: floor = (2^129 - 2) / 2 = 2^128 - 1 = MAX,
        // remainder 1, so ceil would be 2^128.
        let a = Uint128::new((1u128 << 43) - 1);
        let b = Uint128::new((1u128 << 86) + (1u128 << 43) + 1);
        assert_eq!(mul_div_floor(a, b, 2u128.into()), Ok(MAX));
        assert_eq!(
            mul_div_ceil(a, b, 2u128.into()),
            Err(MathError::Overflow("mul_div"))
        );
    }

    #[test]
    fn division_by_zero_is_an_error() {
        assert_eq!(
            mul_div_floor(1u128.into(), 1u128.into(), Uint128::zero()),
            Err(MathError::DivideByZero)
        );
        assert_eq!(
            mul_div_ceil(Uint128::zero(), Uint128::zero(), Uint128::zero()),
            Err(MathError::DivideByZero)
        );
        assert_eq!(
            mul_div_u256_floor(Uint256::one(), Uint256::one(), Uint256::zero()),
            Err(MathError::DivideByZero)
        );
    }

    #[test]
    fn u256_variant_vectors() {
        let max = Uint256::MAX;
        // 21 / 2 again: floor 10, ceil 11.
        assert_eq!(
            mul_div_u256_floor(7u128.into(), 3u128.into(), 2u128.into()),
            Ok(Uint256::from(10u128))
        );
        assert_eq!(
            mul_div_u256_ceil(7u128.into(), 3u128.into(), 2u128.into()),
            Ok(Uint256::from(11u128))
        );
        // MAX * MAX needs 512 bits; / MAX = MAX exactly.
        assert_eq!(mul_div_u256_floor(max, max, max), Ok(max));
        assert_eq!(mul_div_u256_ceil(max, max, max), Ok(max));
        assert_eq!(
            mul_div_u256_floor(max, max, Uint256::one()),
            Err(MathError::Overflow("mul_div_u256"))
        );
        // (2^86 - 1)(2^172 + 2^86 + 1) = 2^258 - 1 = 4 * (2^256 - 1) + 3: floor = MAX, ceil = 2^256.
        let a = Uint256::from((1u128 << 86) - 1);
        let b = Uint256::one().checked_shl(172).unwrap() + Uint256::from((1u128 << 86) + 1);
        assert_eq!(mul_div_u256_floor(a, b, 4u128.into()), Ok(max));
        assert_eq!(
            mul_div_u256_ceil(a, b, 4u128.into()),
            Err(MathError::Overflow("mul_div_u256"))
        );
    }
}
