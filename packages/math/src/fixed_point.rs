//! 1e18 fixed point on `Uint256` with explicit rounding, and `ln` / `exp` / `pow` for the
//! weighted pool.
//!
//! A fixed-point value `v` stands for `v / 1e18`. `mul_*` / `div_*` name their rounding
//! direction; `pow_down` / `pow_up` bracket the true power so callers can round against the
//! trader.
//!
//! # `pow` error bound
//!
//! `pow(x, y) = exp(y * ln(x))` is computed internally at 1e36 precision (signed `Int256`):
//!
//! * `ln`: `x = m * 2^k` with `m` in `[1, 2)` (shift, truncation <= 1e-36 relative), then
//!   `ln(m) = 2 * atanh(z)`, `z = (m - 1) / (m + 1) < 1/3`, summed until the term is zero
//!   (ratio <= 1/9 per term, at most 40 terms; <= 1 ulp = 1e-36 truncation per term), plus
//!   `k * ln2` with `ln2` truncated at 36 digits (`|k| <= 256`). Absolute error <= 4e-34.
//! * the exponent `y * ln(x)`, with `y <= MAX_POW_EXPONENT = 1000`: absolute error <= 4e-31.
//! * `exp`: `e^t = e^r * 2^q` with `r = t - q * ln2` in `[0, ln2)` (error <= |q| * 1e-36),
//!   `e^r` by Taylor series until the term is zero (at most 40 terms, <= 1 ulp each), so
//!   relative error <= 1e-33; the final conversion to 1e18 floors (<= 1 wei).
//!
//! Hence `|raw - x^y| <= x^y * 1e-30 + 1 wei`. `pow_down` / `pow_up` subtract / add the much
//! larger margin `raw * MAX_POW_RELATIVE_ERROR + 1 wei` (relative 1e-14, Balancer's constant),
//! so `pow_down <= x^y <= pow_up` always.
use cosmwasm_std::{Int128, Int256, Uint256, Uint512};

use crate::mul_div::{mul_div_u256, Rounding};
use crate::MathError;

/// 1.0 in 1e18 fixed point.
pub const ONE: Uint256 = Uint256::from_u128(1_000_000_000_000_000_000);
const ONE_U128: u128 = 1_000_000_000_000_000_000;
/// Relative error margin of `pow_down` / `pow_up`: 1e-14 in 1e18 fixed point.
pub const MAX_POW_RELATIVE_ERROR: Uint256 = Uint256::from_u128(10_000);
/// Largest accepted `pow` exponent `y`: 1000.0 in 1e18 fixed point.
pub const MAX_POW_EXPONENT: Uint256 = Uint256::from_u128(1_000 * ONE_U128);

/// Internal precision: 1e36.
const S: u128 = 1_000_000_000_000_000_000_000_000_000_000_000_000;
/// ln(2) = 0.693147180559945309417232121458176568075... truncated to 36 decimals.
const LN2_36: u128 = 693_147_180_559_945_309_417_232_121_458_176_568;
/// Bound of every series loop.
const MAX_TERMS: u32 = 40;

fn s256() -> Uint256 {
    Uint256::from_u128(S)
}

fn i256(v: u128) -> Int256 {
    Int256::from(cosmwasm_std::Uint128::new(v))
}

/// `floor(a * b / 1e18)`.
pub fn mul_down(a: Uint256, b: Uint256) -> Result<Uint256, MathError> {
    mul_div_u256(a, b, ONE, Rounding::Floor)
}

/// `ceil(a * b / 1e18)`.
pub fn mul_up(a: Uint256, b: Uint256) -> Result<Uint256, MathError> {
    mul_div_u256(a, b, ONE, Rounding::Ceil)
}

/// `floor(a * 1e18 / b)`.
pub fn div_down(a: Uint256, b: Uint256) -> Result<Uint256, MathError> {
    mul_div_u256(a, ONE, b, Rounding::Floor)
}

/// `ceil(a * 1e18 / b)`.
pub fn div_up(a: Uint256, b: Uint256) -> Result<Uint256, MathError> {
    mul_div_u256(a, ONE, b, Rounding::Ceil)
}

/// `1 - x`, or 0 if `x > 1`.
pub fn complement(x: Uint256) -> Uint256 {
    ONE.saturating_sub(x)
}

/// `ln(x)` at 1e36 precision for `x > 0` in 1e18 fixed point.
fn ln_36(x: Uint256) -> Result<Int256, MathError> {
    if x.is_zero() {
        return Err(MathError::Overflow("ln of zero"));
    }
    let s = Uint512::from(s256());
    let two_s = s + s;
    // x at 1e36: x * 1e18, exact in 512 bits.
    let mut m: Uint512 = x.full_mul(ONE);
    let mut k: i32 = 0;
    // Each step halves or doubles; x * 1e18 < 2^316 and >= 1e18, so 512 steps always suffice.
    for _ in 0..512 {
        if m >= two_s {
            m >>= 1;
            k += 1;
        } else if m < s {
            m <<= 1;
            k -= 1;
        } else {
            break;
        }
    }
    let m = Uint256::try_from(m).map_err(|_| MathError::Overflow("ln"))?;
    let s = s256();
    // z = (m - 1) / (m + 1) in [0, 1/3).
    let z = mul_div_u256(m - s, s, m + s, Rounding::Floor)?;
    let z2 = mul_div_u256(z, z, s, Rounding::Floor)?;
    let mut term = z;
    let mut sum = Uint256::zero();
    for i in 0..MAX_TERMS {
        if term.is_zero() {
            break;
        }
        sum += term / Uint256::from(2 * i + 1);
        term = mul_div_u256(term, z2, s, Rounding::Floor)?;
    }
    let ln_m = Int256::try_from(sum + sum).map_err(|_| MathError::Overflow("ln"))?;
    let k_ln2 = Int256::from_i128(k as i128)
        .checked_mul(i256(LN2_36))
        .map_err(|_| MathError::Overflow("ln"))?;
    k_ln2
        .checked_add(ln_m)
        .map_err(|_| MathError::Overflow("ln"))
}

/// `floor(e^t * 1e18)` for `t` at 1e36 precision.
fn exp_36(t: Int256) -> Result<Uint256, MathError> {
    let ln2 = i256(LN2_36);
    let q = t
        .checked_div_euclid(ln2)
        .map_err(|_| MathError::Overflow("exp"))?;
    let r = t - q * ln2; // in [0, ln2)
    let r = r.unsigned_abs();
    let s = s256();
    let mut sum = s;
    let mut term = s;
    for n in 1..=MAX_TERMS {
        term = mul_div_u256(term, r, s * Uint256::from(n), Rounding::Floor)?;
        if term.is_zero() {
            break;
        }
        sum += term;
    }
    // e^r at 1e36 is below 2e36 < 2^121; the 1e18 result needs shifting by q.
    let q = Int128::try_from(q)
        .map_err(|_| MathError::Overflow("exp"))?
        .i128();
    let wide = Uint512::from(sum);
    let scaled = if q >= 0 {
        if q > 300 {
            return Err(MathError::Overflow("exp"));
        }
        wide << (q as u32)
    } else {
        if q < -300 {
            return Ok(Uint256::zero());
        }
        wide >> ((-q) as u32)
    };
    Uint256::try_from(scaled / Uint512::from(ONE)).map_err(|_| MathError::Overflow("exp"))
}

/// `ln(x)` for `x > 0` in 1e18 fixed point, as a signed 1e18 fixed-point value rounded toward
/// negative infinity (absolute error <= 1e-18 plus the 4e-34 internal error).
pub fn ln(x: Uint256) -> Result<i128, MathError> {
    let v = ln_36(x)?
        .checked_div_euclid(i256(ONE_U128))
        .map_err(|_| MathError::Overflow("ln"))?;
    Ok(Int128::try_from(v)
        .map_err(|_| MathError::Overflow("ln"))?
        .i128())
}

/// `floor(e^x)` in 1e18 fixed point for a signed 1e18 fixed-point `x`. Results below 1 wei are 0;
/// results above `Uint256::MAX` (x above about 135) are an overflow error.
pub fn exp(x: i128) -> Result<Uint256, MathError> {
    let t = Int256::from_i128(x)
        .checked_mul(i256(ONE_U128))
        .map_err(|_| MathError::Overflow("exp"))?;
    exp_36(t)
}

/// `x^y` before the error margin: floor of the 1e36-precision result (see the module docs).
fn pow_raw(x: Uint256, y: Uint256) -> Result<Uint256, MathError> {
    if y > MAX_POW_EXPONENT {
        return Err(MathError::Overflow("pow exponent"));
    }
    let ln_x = ln_36(x)?;
    let y = Int256::try_from(y).map_err(|_| MathError::Overflow("pow"))?;
    let t = ln_x
        .checked_mul(y)
        .map_err(|_| MathError::Overflow("pow"))?
        .checked_div_euclid(i256(ONE_U128))
        .map_err(|_| MathError::Overflow("pow"))?;
    exp_36(t)
}

/// Exact answers for the special cases, rounded as asked; `None` if the general path is needed.
fn pow_special(x: Uint256, y: Uint256, rounding: Rounding) -> Result<Option<Uint256>, MathError> {
    let mul = |a, b| mul_div_u256(a, b, ONE, rounding);
    if y.is_zero() || x == ONE {
        return Ok(Some(ONE));
    }
    if x.is_zero() {
        return Ok(Some(Uint256::zero()));
    }
    if y == ONE {
        return Ok(Some(x));
    }
    if y == ONE + ONE {
        return mul(x, x).map(Some);
    }
    if y == Uint256::from(4u128) * ONE {
        let sq = mul(x, x)?;
        return mul(sq, sq).map(Some);
    }
    Ok(None)
}

fn margin(raw: Uint256) -> Result<Uint256, MathError> {
    Ok(mul_up(raw, MAX_POW_RELATIVE_ERROR)? + Uint256::one())
}

/// `x^y` rounded down: never above the true value. `x`, `y` in 1e18 fixed point,
/// `y <= MAX_POW_EXPONENT`.
pub fn pow_down(x: Uint256, y: Uint256) -> Result<Uint256, MathError> {
    if let Some(v) = pow_special(x, y, Rounding::Floor)? {
        return Ok(v);
    }
    let raw = pow_raw(x, y)?;
    Ok(raw.saturating_sub(margin(raw)?))
}

/// `x^y` rounded up: never below the true value. `x`, `y` in 1e18 fixed point,
/// `y <= MAX_POW_EXPONENT`.
pub fn pow_up(x: Uint256, y: Uint256) -> Result<Uint256, MathError> {
    if let Some(v) = pow_special(x, y, Rounding::Ceil)? {
        return Ok(v);
    }
    let raw = pow_raw(x, y)?;
    raw.checked_add(margin(raw)?)
        .map_err(|_| MathError::Overflow("pow_up"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn u(v: u128) -> Uint256 {
        Uint256::from(v)
    }

    /// `|a - b| <= b * 1e-14 + 1`.
    fn within_bound(a: Uint256, b: Uint256) -> bool {
        let diff = if a > b { a - b } else { b - a };
        diff <= margin(b).unwrap()
    }

    #[test]
    fn ln2_constant_matches_its_series() {
        // ln 2 = 2 * atanh(1/3) = 2 * sum (1/3)^(2i+1) / (2i+1), at 1e36.
        let s = s256();
        let z = s / u(3);
        let z2 = s / u(9);
        let mut term = z;
        let mut sum = Uint256::zero();
        for i in 0..80u128 {
            sum += term / u(2 * i + 1);
            term = mul_div_u256(term, z2, s, Rounding::Floor).unwrap();
        }
        let series = sum + sum;
        let diff = if series > u(LN2_36) {
            series - u(LN2_36)
        } else {
            u(LN2_36) - series
        };
        assert!(diff <= u(200), "diff {diff}");
        // ln(2) at 1e18 through the public function: 0.693147180559945309.
        assert_eq!(ln(u(2 * ONE_U128)), Ok(693_147_180_559_945_309));
    }

    #[test]
    fn fixed_point_rounding() {
        // 1.5 * 1.5 = 2.25 exactly.
        let a = u(1_500_000_000_000_000_000);
        assert_eq!(mul_down(a, a), Ok(u(2_250_000_000_000_000_000)));
        assert_eq!(mul_up(a, a), Ok(u(2_250_000_000_000_000_000)));
        // 1 wei * 1 wei = 1e-36: floor 0, ceil 1 wei.
        assert_eq!(mul_down(u(1), u(1)), Ok(u(0)));
        assert_eq!(mul_up(u(1), u(1)), Ok(u(1)));
        // 1 / 3 = 0.333...: floor ...333, ceil ...334.
        assert_eq!(
            div_down(ONE, u(3 * ONE_U128)),
            Ok(u(333_333_333_333_333_333))
        );
        assert_eq!(div_up(ONE, u(3 * ONE_U128)), Ok(u(333_333_333_333_333_334)));
        assert_eq!(div_down(ONE, Uint256::zero()), Err(MathError::DivideByZero));
        assert_eq!(
            complement(u(300_000_000_000_000_000)),
            u(700_000_000_000_000_000)
        );
        assert_eq!(complement(u(2 * ONE_U128)), Uint256::zero());
    }

    #[test]
    fn exp_vectors() {
        // e = 2.718281828459045235360287...; floor at 1e18.
        let e = u(2_718_281_828_459_045_235);
        let got = exp(ONE_U128 as i128).unwrap();
        assert!(within_bound(got, e), "exp(1) = {got}");
        assert_eq!(got, e);
        assert_eq!(exp(0), Ok(ONE));
        // e^-1 = 0.367879441171442321595...
        let got = exp(-(ONE_U128 as i128)).unwrap();
        assert!(
            within_bound(got, u(367_879_441_171_442_321)),
            "exp(-1) = {got}"
        );
        // e^10 = 22026.465794806716516957900645...
        let got = exp(10 * ONE_U128 as i128).unwrap();
        assert!(
            within_bound(got, u(22_026_465_794_806_716_516_957)),
            "exp(10) = {got}"
        );
        // e^-50 is about 1.9e-22: below 1 wei.
        assert_eq!(exp(-50 * ONE_U128 as i128), Ok(Uint256::zero()));
        assert_eq!(exp(200 * ONE_U128 as i128), Err(MathError::Overflow("exp")));
    }

    #[test]
    fn ln_vectors() {
        // ln(e) = 1: the input is e truncated, so ln is 1 - 1.3e-19, floored to 1e18 - 1.
        let got = ln(u(2_718_281_828_459_045_235)).unwrap();
        assert!((got - ONE_U128 as i128).abs() <= 1, "ln(e) = {got}");
        assert_eq!(ln(ONE), Ok(0));
        // ln(0.5) = -0.693147180559945309417...; floored: -0.693147180559945310.
        assert_eq!(ln(u(ONE_U128 / 2)), Ok(-693_147_180_559_945_310));
        // ln(10) = 2.302585092994045684017...
        assert_eq!(ln(u(10 * ONE_U128)), Ok(2_302_585_092_994_045_684));
        // ln(1 wei) = ln(1e-18) = -41.446531673892822311...; floored.
        assert_eq!(ln(u(1)), Ok(-41_446_531_673_892_822_313));
        assert_eq!(ln(Uint256::zero()), Err(MathError::Overflow("ln of zero")));
    }

    #[test]
    fn pow_vectors() {
        // Special cases are exact.
        let x = u(1_500_000_000_000_000_000);
        assert_eq!(pow_down(x, ONE), Ok(x));
        assert_eq!(pow_up(x, ONE), Ok(x));
        assert_eq!(
            pow_down(x, u(2 * ONE_U128)),
            Ok(u(2_250_000_000_000_000_000))
        );
        // 1.5^4 = 5.0625.
        assert_eq!(pow_up(x, u(4 * ONE_U128)), Ok(u(5_062_500_000_000_000_000)));
        assert_eq!(pow_down(x, Uint256::zero()), Ok(ONE));
        // 4^0.5 = 2 exactly: the general path brackets it.
        let four = u(4 * ONE_U128);
        let half = u(ONE_U128 / 2);
        let (lo, hi) = (pow_down(four, half).unwrap(), pow_up(four, half).unwrap());
        assert!(lo <= u(2 * ONE_U128) && u(2 * ONE_U128) <= hi, "{lo} {hi}");
        assert!(within_bound(lo, u(2 * ONE_U128)) && within_bound(hi, u(2 * ONE_U128)));
        // 2^3 = 8 through ln/exp (3 is not a special case).
        let (lo, hi) = (
            pow_down(u(2 * ONE_U128), u(3 * ONE_U128)).unwrap(),
            pow_up(u(2 * ONE_U128), u(3 * ONE_U128)).unwrap(),
        );
        assert!(lo <= u(8 * ONE_U128) && u(8 * ONE_U128) <= hi, "{lo} {hi}");
        // 0.25^0.5 = 0.5.
        let (lo, hi) = (
            pow_down(u(ONE_U128 / 4), half).unwrap(),
            pow_up(u(ONE_U128 / 4), half).unwrap(),
        );
        assert!(lo <= half && half <= hi, "{lo} {hi}");
        assert!(pow_down(x, MAX_POW_EXPONENT + Uint256::one()).is_err());
    }

    proptest! {
        #[test]
        fn pow_down_le_pow_up(x in 1u128..100_000_000_000_000_000_000u128,
                              y in 0u128..20_000_000_000_000_000_000u128) {
            let (x, y) = (u(x), u(y));
            let lo = pow_down(x, y).unwrap();
            let hi = pow_up(x, y).unwrap();
            prop_assert!(lo <= hi);
        }

        #[test]
        fn pow_matches_f64_roughly(x in 100_000_000_000_000_000u128..10_000_000_000_000_000_000u128,
                                   y in 10_000_000_000_000_000u128..5_000_000_000_000_000_000u128) {
            // Sanity cross-check only: f64 has ~1e-15 relative precision.
            let raw = pow_raw(u(x), u(y)).unwrap();
            let expected = (x as f64 / 1e18).powf(y as f64 / 1e18) * 1e18;
            let got = raw.to_string().parse::<f64>().unwrap();
            prop_assert!((got - expected).abs() <= expected * 1e-12 + 2.0,
                "x {} y {} got {} expected {}", x, y, got, expected);
        }

        #[test]
        fn exp_ln_round_trip(x in 1_000_000_000_000_000u128..1_000_000_000_000_000_000_000_000u128) {
            // exp(ln(x)) ~= x: the ln error of 1e-18 becomes a relative error of about 1e-18.
            let l = ln(u(x)).unwrap();
            let back = exp(l).unwrap();
            let xs = u(x);
            let diff = if back > xs { back - xs } else { xs - back };
            prop_assert!(diff <= xs / u(100_000_000_000_000) + u(2), "x {} back {}", x, back);
        }
    }
}
