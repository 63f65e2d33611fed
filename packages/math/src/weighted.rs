//! Two-asset Balancer weighted-pool math (DESIGN §7.8).
//!
//! Weights are normalized 1e18 fixed-point values, each at least 1% and summing to exactly 1e18.
//! Every result is rounded against the trader: amounts out down, amounts in up, using
//! `fixed_point::pow_up` so the error margin of `pow` also favours the pool.
//!
//! Errors: zero balances are `DivideByZero`; invalid weights are `InvalidWeights`; swaps above
//! 30% of a balance are `TradeTooLarge`.
use cosmwasm_std::{Uint128, Uint256};

use crate::fixed_point::{complement, div_down, div_up, mul_down, mul_up, pow_up, ONE};
use crate::mul_div::{mul_div_u256, Rounding};
use crate::MathError;

/// Largest `amount_in` as a share of `balance_in`: 30%.
pub const MAX_IN_RATIO: Uint256 = Uint256::from_u128(300_000_000_000_000_000);
/// Largest `amount_out` as a share of `balance_out`: 30%.
pub const MAX_OUT_RATIO: Uint256 = Uint256::from_u128(300_000_000_000_000_000);
/// Smallest normalized weight: 1%.
pub const MIN_WEIGHT: Uint256 = Uint256::from_u128(10_000_000_000_000_000);

fn check_weights(w_a: Uint128, w_b: Uint128) -> Result<(Uint256, Uint256), MathError> {
    let (a, b) = (Uint256::from(w_a), Uint256::from(w_b));
    if a < MIN_WEIGHT || b < MIN_WEIGHT || a + b != ONE {
        return Err(MathError::InvalidWeights);
    }
    Ok((a, b))
}

fn check_balances(b_a: Uint128, b_b: Uint128) -> Result<(Uint256, Uint256), MathError> {
    if b_a.is_zero() || b_b.is_zero() {
        return Err(MathError::DivideByZero);
    }
    Ok((b_a.into(), b_b.into()))
}

fn to_u128(v: Uint256, op: &'static str) -> Result<Uint128, MathError> {
    Uint128::try_from(v).map_err(|_| MathError::Overflow(op))
}

/// `bO * (1 - (bI / (bI + aI)) ^ (wI / wO))`, rounded down. `amount_in` may be at most 30% of
/// `balance_in`.
pub fn out_given_in(
    balance_in: Uint128,
    weight_in: Uint128,
    balance_out: Uint128,
    weight_out: Uint128,
    amount_in: Uint128,
) -> Result<Uint128, MathError> {
    let (w_in, w_out) = check_weights(weight_in, weight_out)?;
    let (b_in, b_out) = check_balances(balance_in, balance_out)?;
    let a_in = Uint256::from(amount_in);
    if a_in > mul_down(b_in, MAX_IN_RATIO)? {
        return Err(MathError::TradeTooLarge { side: "max in" });
    }
    // base < 1: rounding it and the power up, and the exponent down, all shrink the output.
    let base = div_up(b_in, b_in + a_in)?;
    let exponent = div_down(w_in, w_out)?;
    let power = pow_up(base, exponent)?;
    to_u128(mul_down(b_out, complement(power))?, "out_given_in")
}

/// `bI * ((bO / (bO - aO)) ^ (wO / wI) - 1)`, rounded up. `amount_out` may be at most 30% of
/// `balance_out`.
pub fn in_given_out(
    balance_in: Uint128,
    weight_in: Uint128,
    balance_out: Uint128,
    weight_out: Uint128,
    amount_out: Uint128,
) -> Result<Uint128, MathError> {
    let (w_in, w_out) = check_weights(weight_in, weight_out)?;
    let (b_in, b_out) = check_balances(balance_in, balance_out)?;
    let a_out = Uint256::from(amount_out);
    if a_out > mul_down(b_out, MAX_OUT_RATIO)? {
        return Err(MathError::TradeTooLarge { side: "max out" });
    }
    // base > 1: rounding it, the exponent and the power up all grow the input.
    let base = div_up(b_out, b_out - a_out)?;
    let exponent = div_up(w_out, w_in)?;
    let power = pow_up(base, exponent)?;
    let ratio = power.saturating_sub(ONE);
    to_u128(mul_up(b_in, ratio)?, "in_given_out")
}

/// Spot price `(bA / wA) / (bB / wB)` in 1e18 fixed point, rounded down: units of A per unit of
/// B.
pub fn spot_price(
    balance_a: Uint128,
    weight_a: Uint128,
    balance_b: Uint128,
    weight_b: Uint128,
) -> Result<Uint256, MathError> {
    let (w_a, w_b) = check_weights(weight_a, weight_b)?;
    let (b_a, b_b) = check_balances(balance_a, balance_b)?;
    // bA * wB and bB * wA are below 2^128 * 2^60, so they fit 256 bits.
    mul_div_u256(b_a * w_b, ONE, b_b * w_a, Rounding::Floor)
}

#[cfg(test)]
mod tests {
    use super::*;
    use cosmwasm_std::Uint512;
    use proptest::prelude::*;

    const E18: u128 = 1_000_000_000_000_000_000;

    fn w(percent: u128) -> Uint128 {
        Uint128::new(percent * E18 / 100)
    }

    fn n(v: u128) -> Uint128 {
        Uint128::new(v)
    }

    fn pow512(x: Uint512, k: u32) -> Uint512 {
        (0..k).fold(Uint512::one(), |acc, _| acc * x)
    }

    #[test]
    fn fifty_fifty_out_given_in_matches_constant_product() {
        // 100/100, 10 in: exact constant product gives 100 * 10 / 110 = 9.0909...e18, floored
        // 9_090_909_090_909_090_909. Here exponent = 1 (exact), base = ceil(100/110 * 1e18) =
        // 909_090_909_090_909_091, 1 - base = 0.090_909_090_909_090_909, times 100 =
        // 9_090_909_090_909_090_900.
        let exact = 9_090_909_090_909_090_909u128;
        let out = out_given_in(n(100 * E18), w(50), n(100 * E18), w(50), n(10 * E18)).unwrap();
        assert_eq!(out, n(9_090_909_090_909_090_900));
        assert!(out.u128() <= exact);
        // Within the documented bound: 1e-14 relative plus 1 wei.
        assert!(exact - out.u128() <= exact / 100_000_000_000_000 + 1);
    }

    #[test]
    fn fifty_fifty_in_given_out() {
        // 100/100, 10 out: exact 100 * 10 / 90 = 11.111...e18, ceil 11_111_111_111_111_111_112.
        // base = ceil(100/90 * 1e18) = 1_111_111_111_111_111_112, minus 1, times 100 =
        // 11_111_111_111_111_111_200 >= exact.
        let got = in_given_out(n(100 * E18), w(50), n(100 * E18), w(50), n(10 * E18)).unwrap();
        assert_eq!(got, n(11_111_111_111_111_111_200));
        assert!(got.u128() >= 11_111_111_111_111_111_112);
        // Inverse: buying back what 10e18 bought costs at least 10e18 here (exactly 10e18).
        // Not a general law: out_given_in floors `out`, and buying the smaller floored amount
        // can cost less than the original input (e.g. bI = 18_899_528_032_729, bO = 1e12,
        // weights 1/99, aI = 18_899_528: out 10_100, back 18_897_648). The general guarantee,
        // a never-shrinking invariant, is the `swaps_never_shrink_the_invariant` property.
        let out = out_given_in(n(100 * E18), w(50), n(100 * E18), w(50), n(10 * E18)).unwrap();
        let back = in_given_out(n(100 * E18), w(50), n(100 * E18), w(50), out).unwrap();
        assert!(back >= n(10 * E18), "back {back}");
    }

    #[test]
    fn floored_out_can_be_bought_back_for_less() {
        // The counterexample quoted above: wI = 1%, wO = 99%, aI = 1 ppm of bI.
        let (b_in, b_out) = (n(18_899_528_032_729), n(1_000_000_000_000));
        let out = out_given_in(b_in, w(1), b_out, w(99), n(18_899_528)).unwrap();
        assert_eq!(out, n(10_100));
        let back = in_given_out(b_in, w(1), b_out, w(99), out).unwrap();
        assert_eq!(back, n(18_897_648));
    }

    #[test]
    fn eighty_twenty_out_given_in_keeps_the_invariant() {
        // wI = 0.8, wO = 0.2: exponent 4 (exact path). Exact out = 100 * (1 - (10/11)^4) =
        // 100 * 4641 / 14641 = 31.698654463492930...e18.
        let exact = 100 * E18 * 4641 / 14641;
        let out = out_given_in(n(100 * E18), w(80), n(100 * E18), w(20), n(10 * E18)).unwrap();
        assert!(out.u128() <= exact);
        assert!(
            exact - out.u128() <= exact / 100_000_000_000_000 + 1,
            "{out} vs {exact}"
        );
        // wI = 0.2, wO = 0.8: exponent 0.25 (ln/exp path). Invariant check in integers:
        // (bO - out)^4 * (bI + aI) >= bO^4 * bI, i.e. (1 - out/bO)^4 >= 100/110.
        let out = out_given_in(n(100 * E18), w(20), n(100 * E18), w(80), n(10 * E18)).unwrap();
        let lhs = pow512(Uint512::from(100 * E18 - out.u128()), 4) * Uint512::from(110 * E18);
        let rhs = pow512(Uint512::from(100 * E18), 4) * Uint512::from(100 * E18);
        assert!(lhs >= rhs);
        // And close: 100 * (1 - (10/11)^0.25) = 2.354...e18 (f64 only as a sanity check).
        let approx = 100.0 * (1.0 - (10.0f64 / 11.0).powf(0.25));
        assert!((out.u128() as f64 / 1e18 - approx).abs() < 1e-9, "{out}");
    }

    #[test]
    fn eighty_twenty_spot_price() {
        // bA = 400, wA = 0.8, bB = 100, wB = 0.2: (400 / 0.8) / (100 / 0.2) = 500 / 500 = 1.
        assert_eq!(
            spot_price(n(400 * E18), w(80), n(100 * E18), w(20)),
            Ok(Uint256::from(E18))
        );
        // bA = 1000, wA = 0.8, bB = 50, wB = 0.2: 1250 / 250 = 5.
        assert_eq!(
            spot_price(n(1000 * E18), w(80), n(50 * E18), w(20)),
            Ok(Uint256::from(5 * E18))
        );
        // Reversed: bA = 50, wA = 0.2, bB = 1000, wB = 0.8: 250 / 1250 = 0.2.
        assert_eq!(
            spot_price(n(50 * E18), w(20), n(1000 * E18), w(80)),
            Ok(Uint256::from(E18 / 5))
        );
    }

    #[test]
    fn limits_are_typed_errors() {
        let b = n(100 * E18);
        // 30% of 100 is allowed, 30 + 1 wei is not.
        assert!(out_given_in(b, w(50), b, w(50), n(30 * E18)).is_ok());
        assert_eq!(
            out_given_in(b, w(50), b, w(50), n(30 * E18 + 1)),
            Err(MathError::TradeTooLarge { side: "max in" })
        );
        assert!(in_given_out(b, w(50), b, w(50), n(30 * E18)).is_ok());
        assert_eq!(
            in_given_out(b, w(50), b, w(50), n(30 * E18 + 1)),
            Err(MathError::TradeTooLarge { side: "max out" })
        );
        // 0.5% weight, and weights summing to 0.9.
        let half_percent = n(E18 / 200);
        assert_eq!(
            out_given_in(b, half_percent, b, n(E18 - E18 / 200), n(E18)),
            Err(MathError::InvalidWeights)
        );
        assert_eq!(
            spot_price(b, w(50), b, w(40)),
            Err(MathError::InvalidWeights)
        );
        assert_eq!(
            out_given_in(Uint128::zero(), w(50), b, w(50), Uint128::zero()),
            Err(MathError::DivideByZero)
        );
        // 1% / 99% is the extreme allowed.
        assert!(out_given_in(b, w(1), b, w(99), n(E18)).is_ok());
        assert!(out_given_in(b, w(99), b, w(1), n(E18)).is_ok());
        assert!(in_given_out(b, w(1), b, w(99), n(E18)).is_ok());
        assert!(in_given_out(b, w(99), b, w(1), n(E18)).is_ok());
    }

    fn weight() -> impl Strategy<Value = u128> {
        1u128..=99
    }

    proptest! {
        #[test]
        fn out_given_in_is_monotone_and_bounded(
            b_in in 1_000_000u128..1_000_000_000_000_000_000_000_000_000u128,
            b_out in 1_000_000u128..1_000_000_000_000_000_000_000_000_000u128,
            pct in weight(),
            a1 in 0u128..=300_000u128,
            a2 in 0u128..=300_000u128,
        ) {
            let (lo, hi) = (a1.min(a2), a1.max(a2));
            // amounts as parts per million of b_in, up to 30%.
            let amt = |ppm: u128| n(b_in / 1_000_000 * ppm);
            let o_lo = out_given_in(n(b_in), w(pct), n(b_out), w(100 - pct), amt(lo)).unwrap();
            let o_hi = out_given_in(n(b_in), w(pct), n(b_out), w(100 - pct), amt(hi)).unwrap();
            prop_assert!(o_lo <= o_hi);
            prop_assert!(o_hi < n(b_out));
        }

        #[test]
        fn swaps_never_shrink_the_invariant(
            b_in in 1_000_000_000u128..1_000_000_000_000_000_000_000_000_000u128,
            b_out in 1_000_000_000u128..1_000_000_000_000_000_000_000_000_000u128,
            shape in 0usize..3,
            ppm in 1u128..=300_000u128,
        ) {
            // Weights with integer ratio p:q so bI^wI * bO^wO can be compared exactly as
            // bI^p * bO^q in 512-bit integers: 20/80 (1:4), 50/50 (1:1), 80/20 (4:1).
            let (pct, p, q) = [(20u128, 1u32, 4u32), (50, 1, 1), (80, 4, 1)][shape];
            let inv = |x: u128, y: u128| pow512(Uint512::from(x), p) * pow512(Uint512::from(y), q);
            let before = inv(b_in, b_out);
            let a_in = b_in / 1_000_000 * ppm;
            let out = out_given_in(n(b_in), w(pct), n(b_out), w(100 - pct), n(a_in)).unwrap();
            prop_assert!(inv(b_in + a_in, b_out - out.u128()) >= before);
            let a_out = b_out / 1_000_000 * ppm;
            let cost = in_given_out(n(b_in), w(pct), n(b_out), w(100 - pct), n(a_out)).unwrap();
            prop_assert!(inv(b_in + cost.u128(), b_out - a_out) >= before);
        }
    }
}
