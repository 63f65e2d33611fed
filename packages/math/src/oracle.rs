//! Geometric TWAP support for the weighted pool: the log of the spot price, its
//! time integral (the cumulative), interpolation between stored samples, and the mean price of a
//! window. The pool contract keeps the ring buffer of `(time, cumulative)` samples.
//!
//! The stored value is `ln(price)` in units of 1e-12 ([`LOG_SCALE`]), rounded toward -inf, where
//! the price is that of asset 0 in units of asset 1. Cumulatives are exact integer sums of
//! `log_price * seconds`, so summing adds no error of its own.
//!
//! # Error bound
//!
//! Let `l` be the true log price and `s = log_price(..)` the stored one. `fixed_point::ln` floors
//! at 1e-18 (plus an internal error below 1e-33), so the difference of the two logs is within
//! `1e-18` of `l` either way; flooring it to 1e-12 gives `l - 1e-12 - 1e-18 < s <= l + 1e-18`.
//! The mean over a window of `W` seconds, `m = floor((c_end - c_start) * 1e6 / W)` at 1e18, is
//! then within the same band of the true mean `μ` of `l`, less one more 1e-18 for its own floor.
//! If a window edge falls between two samples, `interpolate` floors that cumulative by less than
//! one unit, moving the mean by less than `1e-12 / W` (exact when a single price held across that
//! span). Altogether
//!
//! `|m - μ| < (1 + 1/W) * 1e-12 + 2e-18`, and with both edges on samples
//! `-1e-12 - 2e-18 < m - μ <= 1e-18`,
//!
//! so the TWAP `floor(e^m * 1e18)` is within a relative `e^((1 + 1/W) * 1e-12 + 2e-18) - 1 ≈
//! 1e-12` of the true geometric mean `G = e^μ`, less 1 wei for `exp`'s floor (its internal error
//! is below 1e-33 relative). Since the stored log rounds down, the direct price reads low (with
//! edges on samples by at most `G * (e^(1e-12 + 2e-18) - 1)` plus 1 wei) and the inverted price,
//! which negates the log, reads high by up to the same relative amount.
use cosmwasm_std::{Int128, Int256, Uint128, Uint256};

use crate::fixed_point::{exp, ln};
use crate::weighted::{check_balances, check_weights};
use crate::MathError;

/// Resolution of the stored log price: ln values are kept in units of 1e-12 (rounded toward
/// -inf).
pub const LOG_SCALE: i128 = 1_000_000_000_000;
/// `fixed_point::ln` works at 1e18: this many of its units make one `LOG_SCALE` unit.
const LN_UNITS_PER_LOG_UNIT: i128 = 1_000_000;

fn overflow(op: &'static str) -> impl Fn(cosmwasm_std::OverflowError) -> MathError {
    move |_| MathError::Overflow(op)
}

fn to_i128(v: Int256, op: &'static str) -> Result<i128, MathError> {
    Int128::try_from(v)
        .map(|v| v.i128())
        .map_err(|_| MathError::Overflow(op))
}

/// `ln(price of asset 0 in units of asset 1) = ln((b1 / w1) / (b0 / w0)) = ln(b1 * w0) -
/// ln(b0 * w1)`, at [`LOG_SCALE`], rounded toward -inf. Each product `b * w` is read as a 1e18
/// fixed-point number, so no precision is lost on tiny prices. Balances must be positive.
pub fn log_price(balances: [Uint128; 2], weights: [Uint128; 2]) -> Result<i128, MathError> {
    let (w0, w1) = check_weights(weights[0], weights[1])?;
    let (b0, b1) = check_balances(balances[0], balances[1])?;
    // b < 2^128 and w <= 1e18 < 2^60: the products fit 256 bits and are at least 1e16.
    let diff = ln(b1 * w0)?
        .checked_sub(ln(b0 * w1)?)
        .ok_or(MathError::Overflow("log_price"))?;
    // 1e-18 units to 1e-12 units, toward -inf.
    Ok(diff.div_euclid(LN_UNITS_PER_LOG_UNIT))
}

/// `cumulative + log_price * elapsed_secs`, checked.
pub fn accumulate(cumulative: i128, log_price: i128, elapsed_secs: u64) -> Result<i128, MathError> {
    log_price
        .checked_mul(i128::from(elapsed_secs))
        .and_then(|area| cumulative.checked_add(area))
        .ok_or(MathError::Overflow("oracle accumulate"))
}

/// The cumulative at `t` between the samples `(t0, c0)` and `(t1, c1)`, with `t0 <= t <= t1` and
/// `t0 < t1`: `c0 + floor((c1 - c0) * (t - t0) / (t1 - t0))`, rounded toward -inf.
pub fn interpolate(t0: u64, c0: i128, t1: u64, c1: i128, t: u64) -> Result<i128, MathError> {
    if t0 >= t1 || t < t0 || t > t1 {
        return Err(MathError::InterpolationOutOfRange { t0, t1, t });
    }
    let op = "oracle interpolate";
    let rise = Int256::from_i128(c1)
        .checked_sub(Int256::from_i128(c0))
        .map_err(overflow(op))?;
    // |rise| < 2^129 and t - t0 < 2^64: the product fits 256 bits.
    let part = rise
        .checked_mul(Int256::from_i128(i128::from(t - t0)))
        .map_err(overflow(op))?
        // The run is positive, so the Euclidean quotient is the floor.
        .checked_div_euclid(Int256::from_i128(i128::from(t1 - t0)))
        .map_err(|_| MathError::DivideByZero)?;
    c0.checked_add(to_i128(part, op)?)
        .ok_or(MathError::Overflow(op))
}

/// The geometric mean price over a window: `exp((c_end - c_start) / window_secs)` as 1e18 fixed
/// point, the mean log rounded toward -inf at 1e-18 and `exp` floored. `invert` gives the price of
/// asset 1 in units of asset 0 (the mean of the negated log, also rounded toward -inf). The window
/// must be positive (`DivideByZero`).
pub fn twap_price(
    c_start: i128,
    c_end: i128,
    window_secs: u64,
    invert: bool,
) -> Result<Uint256, MathError> {
    if window_secs == 0 {
        return Err(MathError::DivideByZero);
    }
    let op = "twap_price";
    let mut area = Int256::from_i128(c_end)
        .checked_sub(Int256::from_i128(c_start))
        .map_err(overflow(op))?;
    if invert {
        area = -area;
    }
    // Mean at 1e18 (exp's input scale): floor(area * 1e6 / window).
    let mean = area
        .checked_mul(Int256::from_i128(LN_UNITS_PER_LOG_UNIT))
        .map_err(overflow(op))?
        .checked_div_euclid(Int256::from_i128(i128::from(window_secs)))
        .map_err(|_| MathError::DivideByZero)?;
    exp(to_i128(mean, op)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    const E18: u128 = 1_000_000_000_000_000_000;
    /// ln 4 = 1.386294361119890618834...; at 1e-12 rounded down.
    const LN4_12: i128 = 1_386_294_361_119;

    fn w(percent: u128) -> Uint128 {
        Uint128::new(percent * E18 / 100)
    }

    fn n(v: u128) -> Uint128 {
        Uint128::new(v)
    }

    #[test]
    fn log_price_vectors() {
        // Equal balances at 50/50: both logs are of the same number, so exactly 0.
        assert_eq!(log_price([n(123_456), n(123_456)], [w(50), w(50)]), Ok(0));
        // 50/50 of (2, 8): price (8 / 0.5) / (2 / 0.5) = 4. b1 * w0 = 4e18 (4.0), whose ln is
        // exactly 2 * LN2_36 at 1e36 -> 1_386_294_361_119_890_618 at 1e18; b0 * w1 = 1e18 (1.0),
        // ln 0. Floored to 1e-12: 1_386_294_361_119.
        assert_eq!(log_price([n(2), n(8)], [w(50), w(50)]), Ok(LN4_12));
        // 80/20 of (800, 100): price (100 / 0.2) / (800 / 0.8) = 500 / 1000 = 0.5.
        // ln 0.5 = -0.693147180559945309417...; the two floored logs (ln 80, ln 160) differ by
        // 693_147_180_559_945_309 or ..._310 at 1e18; either way floored to 1e-12 it is
        // -693_147_180_560 (toward -inf, not toward zero).
        assert_eq!(
            log_price([n(800), n(100)], [w(80), w(20)]),
            Ok(-693_147_180_560)
        );
        // A tiny price keeps its precision: 50/50 of (1e30, 1): price 1e-30,
        // ln = -30 * ln 10 = -69.077552789821370520...; at 1e-12 floored: -69_077_552_789_822.
        assert_eq!(
            log_price(
                [n(1_000_000_000_000_000_000_000_000_000_000), n(1)],
                [w(50), w(50)]
            ),
            Ok(-69_077_552_789_822)
        );
        assert_eq!(
            log_price([Uint128::zero(), n(1)], [w(50), w(50)]),
            Err(MathError::DivideByZero)
        );
        assert_eq!(
            log_price([n(1), n(1)], [w(50), w(51)]),
            Err(MathError::InvalidWeights)
        );
    }

    #[test]
    fn accumulate_is_checked() {
        // 10 + (-7) * 3 = -11.
        assert_eq!(accumulate(10, -7, 3), Ok(-11));
        assert_eq!(accumulate(0, LN4_12, 1_200), Ok(1_663_553_233_342_800));
        assert_eq!(
            accumulate(i128::MAX - 1, 1, 2),
            Err(MathError::Overflow("oracle accumulate"))
        );
        assert_eq!(
            accumulate(0, i128::MIN / 2, 3),
            Err(MathError::Overflow("oracle accumulate"))
        );
    }

    #[test]
    fn interpolate_rounds_toward_negative_infinity() {
        // (0, -10) to (3, -20): at 1, -10 - 10/3 = -13.33 -> -14 (toward zero would be -13);
        // at 2, -10 - 20/3 = -16.67 -> -17.
        assert_eq!(interpolate(0, -10, 3, -20, 1), Ok(-14));
        assert_eq!(interpolate(0, -10, 3, -20, 2), Ok(-17));
        // The ends are the samples themselves.
        assert_eq!(interpolate(0, -10, 3, -20, 0), Ok(-10));
        assert_eq!(interpolate(0, -10, 3, -20, 3), Ok(-20));
        // Rising: (100, 0) to (103, 10) at 101: 10/3 = 3.33 -> 3.
        assert_eq!(interpolate(100, 0, 103, 10, 101), Ok(3));
        // Wide values need the 256-bit product: (0, MIN) to (u64::MAX, MAX) at the middle.
        // rise = 2^128 - 1, times (2^63 - 1) / (2^64 - 1) = (2^128 - 1)(2^63 - 1)/(2^64 - 1)
        // = (2^64 + 1)(2^63 - 1) = 2^127 + 2^63 - 2^64 - 1 = 2^127 - 2^63 - 1,
        // plus MIN = -2^127: -2^63 - 1.
        assert_eq!(
            interpolate(0, i128::MIN, u64::MAX, i128::MAX, u64::MAX / 2),
            Ok(-(1i128 << 63) - 1)
        );
        for (t0, t1, t) in [(5, 5, 5), (6, 5, 5), (0, 3, 4), (2, 3, 1)] {
            assert_eq!(
                interpolate(t0, 0, t1, 9, t),
                Err(MathError::InterpolationOutOfRange { t0, t1, t })
            );
        }
    }

    #[test]
    fn twap_of_two_prices_is_their_geometric_mean() {
        // Price 4 for 1200 s, then price 1 (log 0) for 600 s: cumulative LN4_12 * 1200 =
        // 1_663_553_233_342_800. True geometric mean 4^(1200/1800) = 4^(2/3) =
        // 2.519842099789746329534...
        let c_end = accumulate(accumulate(0, LN4_12, 1_200).unwrap(), 0, 600).unwrap();
        // Mean at 1e18: floor(1_663_553_233_342_800e6 / 1800) = 924_196_240_746e6 (exact:
        // LN4_12 * 2 / 3 = 2_772_588_722_238 / 3). e^0.924196240746 = 2.519842099788250183645...
        // floored: 2_519_842_099_788_250_183, which is 4^(2/3) * e^-5.94e-13, the stored log's
        // truncation of 0.89e-12 times 2/3.
        let got = twap_price(0, c_end, 1_800, false).unwrap();
        assert_eq!(got, Uint256::from(2_519_842_099_788_250_183u128));
        // Within the documented bound: G - got = 1_496_145.9 wei <= G * (e^(1e-12 (1 + 1/1800)
        // + 2e-18) - 1) + 1 = 2_521_248 wei, and never above G.
        let g = Uint256::from(2_519_842_099_789_746_329u128);
        assert!(got <= g && g - got <= Uint256::from(2_521_248u128));
        // Inverted: 4^(-2/3) = 0.396850262992049868687... The mean of the negated log is
        // floor(-924_196_240_746e6 / 1) exact, e^-0.924196240746 = 0.396850262992285496900...
        // floored: 396_850_262_992_285_496, above the true value as the doc says, by 235_628
        // wei <= 396_850_262_992_049_869 * 1.000556e-12 = 397_071.
        let inv = twap_price(0, c_end, 1_800, true).unwrap();
        assert_eq!(inv, Uint256::from(396_850_262_992_285_496u128));
        let g_inv = Uint256::from(396_850_262_992_049_868u128);
        assert!(inv >= g_inv && inv - g_inv <= Uint256::from(397_071u128));
    }

    #[test]
    fn twap_rounds_the_mean_toward_negative_infinity() {
        // A cumulative of -1 over 3 s: mean -1e6 / 3 = -333_333.33 at 1e18, floored to -333_334;
        // e^(-333_334e-18) = 1 - 3.33334e-13 + ..., floored: 1e18 - 333_334.
        assert_eq!(twap_price(5, 4, 3, false), Ok(Uint256::from(E18 - 333_334)));
        // Inverted, +1 over 3 s: floor(333_333.33) = 333_333; e^(333_333e-18) =
        // 1 + 3.33333e-13 + 5.6e-26: floored 1e18 + 333_333.
        assert_eq!(twap_price(5, 4, 3, true), Ok(Uint256::from(E18 + 333_333)));
        // A constant price over any window gives that price: log 0 -> exactly 1.
        assert_eq!(twap_price(77, 77, 1_000, false), Ok(Uint256::from(E18)));
        assert_eq!(twap_price(0, 1, 0, false), Err(MathError::DivideByZero));
        // A mean log of 200 (e^200 does not fit 256 bits).
        assert_eq!(
            twap_price(0, 200 * LOG_SCALE, 1, false),
            Err(MathError::Overflow("exp"))
        );
    }
}
