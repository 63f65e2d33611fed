//! `Σ_{i=0}^{n-1} floor((a*i + b) / m)` in O(log) steps: the sum behind the exact integral of a
//! linearly declining rate (see `schedule.rs`), without a loop over the `n` terms.
//!
//! Derivation. Write `S(n, m, a, b)` for the sum.
//! 1. Whole multiples of `m` come out in closed form. With `a = qa*m + a'` and `b = qb*m + b'`:
//!    `floor((a*i + b)/m) = qa*i + qb + floor((a'*i + b')/m)`, so
//!    `S(n, m, a, b) = qa * n(n-1)/2 + qb * n + S(n, m, a', b')`.
//! 2. Now `a < m` and `b < m`. Let `top = a*n + b`. If `top < m`, every term has
//!    `a*i + b <= a*(n-1) + b < m` and is zero: done.
//! 3. Otherwise count lattice points instead. `S` counts pairs `(i, j)` with `0 <= i < n`,
//!    `j >= 1`, `j*m <= a*i + b`. For fixed `j` the admissible `i` run from
//!    `ceil((j*m - b)/a)` to `n - 1`, i.e. there are `floor((top - j*m)/a)` of them (zero once
//!    `j*m > top - a`), and `j` runs up to `n' = floor(top/m)`. Substituting `j = n' - k`
//!    (`k = 0..n'-1`) turns `top - j*m` into `(top mod m) + m*k`, hence
//!    `S(n, m, a, b) = S(n', a, m, top mod m)`: the roles of `a` and `m` swap.
//!
//! Round after round the pair `(m, a mod m)` follows Euclid's remainder sequence, which ends
//! after a logarithmic number of steps; `n` never grows (`n' <= n` since `a, b < m`).
use cosmwasm_std::{Uint256, Uint512};

use crate::MathError;

/// Bound on the rounds of [`floor_sum`]. Each round is one step of Euclid's algorithm on
/// 256-bit operands, and by Lamé's theorem Euclid needs at most 5 steps per decimal digit of the
/// smaller operand: 2^256 < 10^78, so at most 5 * 78 = 390 steps. 400 leaves margin.
pub const FLOOR_SUM_MAX_ROUNDS: u32 = 400;

/// `Σ_{i=0}^{n-1} floor((a*i + b) / m)`. DivideByZero if `m == 0`; Overflow if the sum does not
/// fit in 256 bits. Intermediates are 512-bit.
pub fn floor_sum(n: Uint256, m: Uint256, a: Uint256, b: Uint256) -> Result<Uint256, MathError> {
    const CONTEXT: &str = "floor_sum";
    let overflow = |_| MathError::Overflow(CONTEXT);
    let narrow = |sum: Uint512| Uint256::try_from(sum).map_err(|_| MathError::Overflow(CONTEXT));
    if m.is_zero() {
        return Err(MathError::DivideByZero);
    }
    let mut terms = Uint512::from(n);
    let mut modulus = Uint512::from(m);
    let mut slope = Uint512::from(a);
    let mut offset = Uint512::from(b);
    let mut total = Uint512::zero();

    for _round in 0..FLOOR_SUM_MAX_ROUNDS {
        if terms.is_zero() {
            return narrow(total);
        }
        // `modulus` is never zero here: it starts non-zero and is only replaced by `slope`
        // after `slope * terms + offset >= modulus > 0` with `offset < modulus`, so `slope > 0`.
        if slope >= modulus {
            let whole = slope
                .checked_div(modulus)
                .map_err(|_| MathError::DivideByZero)?;
            slope = slope
                .checked_rem(modulus)
                .map_err(|_| MathError::DivideByZero)?;
            // Σ_{i<n} i = n(n-1)/2; n(n-1) is even, so the halving is exact.
            let index_sum = terms
                .checked_mul(terms.checked_sub(Uint512::one()).map_err(overflow)?)
                .map_err(overflow)?
                .checked_shr(1)
                .map_err(overflow)?;
            let contribution = index_sum.checked_mul(whole).map_err(overflow)?;
            total = total.checked_add(contribution).map_err(overflow)?;
        }
        if offset >= modulus {
            let whole = offset
                .checked_div(modulus)
                .map_err(|_| MathError::DivideByZero)?;
            offset = offset
                .checked_rem(modulus)
                .map_err(|_| MathError::DivideByZero)?;
            let contribution = terms.checked_mul(whole).map_err(overflow)?;
            total = total.checked_add(contribution).map_err(overflow)?;
        }
        let top = slope
            .checked_mul(terms)
            .map_err(overflow)?
            .checked_add(offset)
            .map_err(overflow)?;
        if top < modulus {
            return narrow(total);
        }
        terms = top
            .checked_div(modulus)
            .map_err(|_| MathError::DivideByZero)?;
        offset = top
            .checked_rem(modulus)
            .map_err(|_| MathError::DivideByZero)?;
        std::mem::swap(&mut slope, &mut modulus);
    }
    // Unreachable by the Lamé bound above; reported rather than looping on.
    Err(MathError::Overflow("floor_sum: round bound exceeded"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u256(value: u128) -> Uint256 {
        Uint256::from(value)
    }

    fn sum(n: u128, m: u128, a: u128, b: u128) -> Result<Uint256, MathError> {
        floor_sum(u256(n), u256(m), u256(a), u256(b))
    }

    #[test]
    fn empty_sum_is_zero_and_zero_modulus_is_an_error() {
        assert_eq!(sum(0, 5, 3, 2), Ok(Uint256::zero()));
        assert_eq!(sum(3, 0, 1, 1), Err(MathError::DivideByZero));
    }

    #[test]
    fn small_vectors() {
        // (2i + 1) / 3 for i = 0..3: 1/3, 3/3, 5/3, 7/3 -> 0 + 1 + 1 + 2 = 4.
        assert_eq!(sum(4, 3, 2, 1), Ok(u256(4)));
        // (5i + 3) / 7 for i = 0..9: 3, 8, 13, 18, 23, 28, 33, 38, 43, 48 over 7
        // -> 0 + 1 + 1 + 2 + 3 + 4 + 4 + 5 + 6 + 6 = 32.
        assert_eq!(sum(10, 7, 5, 3), Ok(u256(32)));
        // a and b above m: (5i + 7) / 2 for i = 0..2: 7/2, 12/2, 17/2 -> 3 + 6 + 8 = 17.
        assert_eq!(sum(3, 2, 5, 7), Ok(u256(17)));
        // The linear-schedule example 100 -> 10 over 10: (90j + 90) / 10 = 9(j + 1) for
        // j = 0..9 -> 9 * 55 = 495.
        assert_eq!(sum(10, 10, 90, 90), Ok(u256(495)));
    }

    #[test]
    fn matches_brute_force_on_a_grid() {
        // Small exhaustive grid: n < 12, m in 1..9, a, b < 20.
        for n in 0u128..12 {
            for m in 1u128..9 {
                for a in 0u128..20 {
                    for b in 0u128..20 {
                        let brute: u128 = (0..n).map(|i| (a * i + b) / m).sum();
                        assert_eq!(sum(n, m, a, b), Ok(u256(brute)), "n={n} m={m} a={a} b={b}");
                    }
                }
            }
        }
    }

    #[test]
    fn large_n_in_closed_form() {
        // floor(i / 1) summed over i < 1e12 = 1e12 (1e12 - 1) / 2 = 499_999_999_999_500_000_000_000.
        assert_eq!(
            sum(10u128.pow(12), 1, 1, 0),
            Ok(u256(499_999_999_999_500_000_000_000))
        );
        // i / 2 over i < 2^64: pairs (2k, 2k+1) each give 2k, k < 2^63
        // -> 2 * (2^63 (2^63 - 1) / 2) = 2^63 (2^63 - 1) = 2^126 - 2^63.
        assert_eq!(
            sum(1u128 << 64, 2, 1, 0),
            Ok(u256((1u128 << 126) - (1u128 << 63)))
        );
    }

    #[test]
    fn overflow_is_an_error() {
        // (2^256 - 1) * Σ i over 2^256 - 1 terms is far above 2^256.
        assert!(matches!(
            floor_sum(Uint256::MAX, Uint256::one(), Uint256::MAX, Uint256::zero()),
            Err(MathError::Overflow(_))
        ));
        // A sum with both parameters at the top, divided by MAX: (MAX * i + MAX) / MAX = i + 1,
        // over 2^128 terms: 2^128 (2^128 + 1) / 2 = 2^255 + 2^127, fits in 256 bits.
        let n = Uint256::from(u128::MAX) + Uint256::one();
        let expected = Uint256::one().checked_shl(255).unwrap() + Uint256::from(1u128 << 127);
        assert_eq!(
            floor_sum(n, Uint256::MAX, Uint256::MAX, Uint256::MAX),
            Ok(expected)
        );
    }
}
