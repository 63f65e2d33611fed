//! Token amounts between two Q64.96 sqrt prices, and the price an amount moves to.
//!
//! With `L` the liquidity and `a < b` two sqrt prices (as real numbers, `sqrt(price)`):
//! - token0 between them: `L * (b - a) / (a * b)`, i.e. `L / a - L / b`;
//! - token1 between them: `L * (b - a)`.
//!
//! Adding `x` of token0 moves the sqrt price from `p` down to `L * p / (L + x * p)`; adding `y`
//! of token1 moves it up to `p + y / L`. Removing them is the same with the signs flipped.
use cosmwasm_std::{Int256, Uint256};

use super::{check_u160, Q96};
use crate::mul_div::{mul_div_u256_ceil, mul_div_u256_floor};
use crate::MathError;

/// Token0 between two sqrt prices for `liquidity`: `L * 2^96 * (b - a) / b / a`, the two
/// divisions rounded the same way (up when the pool receives the amount, down when it pays).
/// The prices may come in either order; the lower must be positive.
pub fn amount0_delta(
    sqrt_price_a: Uint256,
    sqrt_price_b: Uint256,
    liquidity: u128,
    round_up: bool,
) -> Result<Uint256, MathError> {
    let (lower, upper) = sorted_prices(sqrt_price_a, sqrt_price_b)?;
    if lower.is_zero() {
        return Err(MathError::InvalidSqrtPrice { sqrt_price: lower });
    }
    let numerator1 = liquidity_q96(liquidity);
    let numerator2 = upper - lower;
    // Dividing by the upper price first keeps the quotient within 256 bits; rounding both
    // divisions the same way gives exactly floor or ceil of the whole ratio.
    if round_up {
        div_rounding_up(mul_div_u256_ceil(numerator1, numerator2, upper)?, lower)
    } else {
        let quotient = mul_div_u256_floor(numerator1, numerator2, upper)?;
        mul_div_u256_floor(quotient, Uint256::one(), lower)
    }
}

/// Token1 between two sqrt prices for `liquidity`: `L * (b - a) / 2^96`, rounded up or down.
/// The prices may come in either order.
pub fn amount1_delta(
    sqrt_price_a: Uint256,
    sqrt_price_b: Uint256,
    liquidity: u128,
    round_up: bool,
) -> Result<Uint256, MathError> {
    let (lower, upper) = sorted_prices(sqrt_price_a, sqrt_price_b)?;
    let liquidity = Uint256::from(liquidity);
    if round_up {
        mul_div_u256_ceil(liquidity, upper - lower, Q96)
    } else {
        mul_div_u256_floor(liquidity, upper - lower, Q96)
    }
}

/// Token0 owed for a liquidity change: an addition (`delta > 0`) is paid in, rounded up; a
/// removal (`delta < 0`) is paid out, rounded down, and comes back negative.
pub fn amount0_delta_signed(
    sqrt_price_a: Uint256,
    sqrt_price_b: Uint256,
    liquidity_delta: i128,
) -> Result<Int256, MathError> {
    let paid_in = liquidity_delta >= 0;
    let amount = amount0_delta(
        sqrt_price_a,
        sqrt_price_b,
        liquidity_delta.unsigned_abs(),
        paid_in,
    )?;
    signed(amount, paid_in)
}

/// Token1 owed for a liquidity change, signed and rounded as [`amount0_delta_signed`].
pub fn amount1_delta_signed(
    sqrt_price_a: Uint256,
    sqrt_price_b: Uint256,
    liquidity_delta: i128,
) -> Result<Int256, MathError> {
    let paid_in = liquidity_delta >= 0;
    let amount = amount1_delta(
        sqrt_price_a,
        sqrt_price_b,
        liquidity_delta.unsigned_abs(),
        paid_in,
    )?;
    signed(amount, paid_in)
}

/// The sqrt price after `amount_in` is paid into the pool: token0 (`zero_for_one`) moves it
/// down, token1 up. The price moves less than exactly, so the input always covers the move.
/// InvalidSqrtPrice for a zero price, ZeroLiquidity for zero liquidity, Overflow if the price
/// would leave 160 bits.
pub fn next_sqrt_price_from_input(
    sqrt_price: Uint256,
    liquidity: u128,
    amount_in: Uint256,
    zero_for_one: bool,
) -> Result<Uint256, MathError> {
    check_price_and_liquidity(sqrt_price, liquidity)?;
    if zero_for_one {
        next_sqrt_price_from_amount0_rounding_up(sqrt_price, liquidity, amount_in, true)
    } else {
        next_sqrt_price_from_amount1_rounding_down(sqrt_price, liquidity, amount_in, true)
    }
}

/// The sqrt price after `amount_out` is paid out of the pool: token1 out (`zero_for_one`) moves
/// it down, token0 out up. The price moves more than exactly, so the move always covers the
/// output. OutputExceedsLiquidity if the liquidity cannot pay it; otherwise as
/// [`next_sqrt_price_from_input`].
pub fn next_sqrt_price_from_output(
    sqrt_price: Uint256,
    liquidity: u128,
    amount_out: Uint256,
    zero_for_one: bool,
) -> Result<Uint256, MathError> {
    check_price_and_liquidity(sqrt_price, liquidity)?;
    if zero_for_one {
        next_sqrt_price_from_amount1_rounding_down(sqrt_price, liquidity, amount_out, false)
    } else {
        next_sqrt_price_from_amount0_rounding_up(sqrt_price, liquidity, amount_out, false)
    }
}

/// `L * p / (L + x * p)` with `L` in Q96 (`x` added) or `L * p / (L - x * p)` (`x` removed),
/// rounded up. When `x * p` or the sum does not fit in 256 bits, an added amount uses the
/// coarser `L / (L / p + x)` (v3's fallback, kept for bit-identical results), still rounded up.
fn next_sqrt_price_from_amount0_rounding_up(
    sqrt_price: Uint256,
    liquidity: u128,
    amount: Uint256,
    add: bool,
) -> Result<Uint256, MathError> {
    // A zero amount leaves the price exactly where it is (the formula could round it up).
    if amount.is_zero() {
        return Ok(sqrt_price);
    }
    let numerator1 = liquidity_q96(liquidity);
    let product = amount.checked_mul(sqrt_price).ok();
    if add {
        if let Some(denominator) = product.and_then(|product| numerator1.checked_add(product).ok())
        {
            // The denominator is at least numerator1, so the result is at most the price.
            return mul_div_u256_ceil(numerator1, sqrt_price, denominator);
        }
        let denominator = mul_div_u256_floor(numerator1, Uint256::one(), sqrt_price)?
            .checked_add(amount)
            .map_err(|_| MathError::Overflow("next sqrt price from token0 in"))?;
        return div_rounding_up(numerator1, denominator);
    }
    // Removing token0: x * p must stay below L * 2^96, else the pool cannot pay it.
    let product = product.ok_or(MathError::OutputExceedsLiquidity)?;
    if numerator1 <= product {
        return Err(MathError::OutputExceedsLiquidity);
    }
    let next = mul_div_u256_ceil(numerator1, sqrt_price, numerator1 - product)?;
    check_u160(next).map_err(|_| MathError::Overflow("next sqrt price from token0 out"))
}

/// `p + floor(y * 2^96 / L)` (`y` added) or `p - ceil(y * 2^96 / L)` (`y` removed): rounded
/// down either way.
fn next_sqrt_price_from_amount1_rounding_down(
    sqrt_price: Uint256,
    liquidity: u128,
    amount: Uint256,
    add: bool,
) -> Result<Uint256, MathError> {
    let liquidity = Uint256::from(liquidity);
    if add {
        let quotient = mul_div_u256_floor(amount, Q96, liquidity)?;
        let next = sqrt_price
            .checked_add(quotient)
            .map_err(|_| MathError::Overflow("next sqrt price from token1 in"))?;
        return check_u160(next).map_err(|_| MathError::Overflow("next sqrt price from token1 in"));
    }
    // A quotient beyond 256 bits is far beyond the price: the pool cannot pay it either.
    let quotient = mul_div_u256_ceil(amount, Q96, liquidity).map_err(|error| match error {
        MathError::Overflow(_) => MathError::OutputExceedsLiquidity,
        other => other,
    })?;
    if sqrt_price <= quotient {
        return Err(MathError::OutputExceedsLiquidity);
    }
    Ok(sqrt_price - quotient)
}

/// The two prices, lower first, each within 160 bits.
fn sorted_prices(a: Uint256, b: Uint256) -> Result<(Uint256, Uint256), MathError> {
    let (a, b) = (check_u160(a)?, check_u160(b)?);
    Ok(if a <= b { (a, b) } else { (b, a) })
}

fn check_price_and_liquidity(sqrt_price: Uint256, liquidity: u128) -> Result<(), MathError> {
    if sqrt_price.is_zero() {
        return Err(MathError::InvalidSqrtPrice { sqrt_price });
    }
    check_u160(sqrt_price)?;
    if liquidity == 0 {
        return Err(MathError::ZeroLiquidity);
    }
    Ok(())
}

/// `L * 2^96`: below 2^224, so it always fits.
fn liquidity_q96(liquidity: u128) -> Uint256 {
    Uint256::from(liquidity) << 96
}

/// `ceil(numerator / denominator)`.
fn div_rounding_up(numerator: Uint256, denominator: Uint256) -> Result<Uint256, MathError> {
    mul_div_u256_ceil(numerator, Uint256::one(), denominator)
}

/// `amount` as an Int256, negated when it is paid out.
fn signed(amount: Uint256, paid_in: bool) -> Result<Int256, MathError> {
    let amount =
        Int256::try_from(amount).map_err(|_| MathError::Overflow("signed amount delta"))?;
    Ok(if paid_in { amount } else { -amount })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn n(value: u128) -> Uint256 {
        Uint256::from(value)
    }

    fn n_str(value: &str) -> Uint256 {
        Uint256::from_str(value).unwrap()
    }

    const E18: u128 = 1_000_000_000_000_000_000;

    /// sqrt price 1 is 2^96 = 79228162514264337593543950336 (Q96).
    /// sqrt(1.21) = 1.1: floor(1.1 * 2^96) = floor(87150978765690771352898345369.6) =
    /// 87150978765690771352898345369, so b - a = 7922816251426433759354395033.
    fn price_one_and_one_point_two_one() -> (Uint256, Uint256) {
        (Q96, n(87_150_978_765_690_771_352_898_345_369))
    }

    /// Token0 for L = 1e18 between prices 1 and 1.21 (about L / 1 - L / 1.1 = 0.0909e18):
    /// x = L * 2^96 * (b - a) = 1e18 * 2^96 * 7922816251426433759354395033;
    /// x / b = 7202560228569485235776722757322314049586776859 remainder
    /// 43935617393976339277080984029, so floor ...859 and ceil ...860;
    /// ...859 = 90909090909090909 * 2^96 + 7202560228073617467181681435 and ...860 one more, so
    /// rounded down 90909090909090909, rounded up 90909090909090910 (v3's published pair).
    #[test]
    fn amount0_between_one_and_one_point_two_one() {
        let (a, b) = price_one_and_one_point_two_one();
        let x = Uint256::from(E18).full_mul(Q96) * cosmwasm_std::Uint512::from(b - a);
        let floor_x_over_b = n_str("7202560228569485235776722757322314049586776859");
        assert_eq!(
            cosmwasm_std::Uint512::from(floor_x_over_b)
                .checked_mul(b.into())
                .unwrap()
                + cosmwasm_std::Uint512::from(n_str("43935617393976339277080984029")),
            x
        );
        assert_eq!(
            n(90_909_090_909_090_909) * Q96 + n(7_202_560_228_073_617_467_181_681_435),
            floor_x_over_b
        );
        assert_eq!(
            amount0_delta(a, b, E18, true),
            Ok(n(90_909_090_909_090_910))
        );
        assert_eq!(
            amount0_delta(a, b, E18, false),
            Ok(n(90_909_090_909_090_909))
        );
        // Order does not matter; no liquidity or no price move is no amount.
        assert_eq!(
            amount0_delta(b, a, E18, true),
            Ok(n(90_909_090_909_090_910))
        );
        assert_eq!(amount0_delta(a, b, 0, true), Ok(Uint256::zero()));
        assert_eq!(amount0_delta(a, a, E18, true), Ok(Uint256::zero()));
    }

    /// Token1 for L = 1e18 between prices 1 and 1.21 (about L * (1.1 - 1) = 0.1e18):
    /// L * (b - a) = 7922816251426433759354395033e18 = 99999999999999999 * 2^96 +
    /// 79228162513664337593543950336 (the floor of sqrt(1.21) cost just under one unit), so
    /// rounded up 100000000000000000, rounded down 99999999999999999.
    #[test]
    fn amount1_between_one_and_one_point_two_one() {
        let (a, b) = price_one_and_one_point_two_one();
        assert_eq!(
            n(99_999_999_999_999_999) * Q96 + n(79_228_162_513_664_337_593_543_950_336),
            (b - a) * n(E18)
        );
        assert_eq!(
            amount1_delta(a, b, E18, true),
            Ok(n(100_000_000_000_000_000))
        );
        assert_eq!(
            amount1_delta(a, b, E18, false),
            Ok(n(99_999_999_999_999_999))
        );
        assert_eq!(
            amount1_delta(b, a, E18, false),
            Ok(n(99_999_999_999_999_999))
        );
    }

    /// Adding liquidity is paid in (rounded up, positive), removing it paid out (rounded down,
    /// negative), with the amounts of the two tests above.
    #[test]
    fn signed_deltas_round_for_the_pool() {
        let (a, b) = price_one_and_one_point_two_one();
        let liquidity = E18 as i128;
        assert_eq!(
            amount0_delta_signed(a, b, liquidity),
            Ok(Int256::from(90_909_090_909_090_910i128))
        );
        assert_eq!(
            amount0_delta_signed(a, b, -liquidity),
            Ok(Int256::from(-90_909_090_909_090_909i128))
        );
        assert_eq!(
            amount1_delta_signed(a, b, liquidity),
            Ok(Int256::from(100_000_000_000_000_000i128))
        );
        assert_eq!(
            amount1_delta_signed(a, b, -liquidity),
            Ok(Int256::from(-99_999_999_999_999_999i128))
        );
        // i128::MIN's magnitude, 2^127, is representable as liquidity.
        assert!(amount1_delta_signed(a, b, i128::MIN).is_ok());
    }

    #[test]
    fn bad_prices_are_refused() {
        let too_large = Uint256::one() << 160;
        assert_eq!(
            amount0_delta(Uint256::zero(), Q96, 1, true),
            Err(MathError::InvalidSqrtPrice {
                sqrt_price: Uint256::zero()
            })
        );
        assert_eq!(
            amount1_delta(Q96, too_large, 1, true),
            Err(MathError::InvalidSqrtPrice {
                sqrt_price: too_large
            })
        );
        assert_eq!(
            next_sqrt_price_from_input(Uint256::zero(), 1, n(1), true),
            Err(MathError::InvalidSqrtPrice {
                sqrt_price: Uint256::zero()
            })
        );
        assert_eq!(
            next_sqrt_price_from_output(Q96, 0, n(1), true),
            Err(MathError::ZeroLiquidity)
        );
        assert_eq!(
            next_sqrt_price_from_input(Q96, 0, n(1), false),
            Err(MathError::ZeroLiquidity)
        );
    }

    /// From price 1 with L = 1e18 and 0.1e18 in:
    /// - token1: 2^96 + floor(0.1e18 * 2^96 / 1e18) = 2^96 + floor(2^96 / 10) =
    ///   79228162514264337593543950336 + 7922816251426433759354395033 =
    ///   87150978765690771352898345369;
    /// - token0: ceil(L 2^96 * 2^96 / (L 2^96 + 0.1e18 * 2^96)) = ceil(2^96 / 1.1) =
    ///   ceil(72025602285694852357767227578.18) = 72025602285694852357767227579.
    ///
    /// A zero amount leaves the price as it is.
    #[test]
    fn next_price_from_input_vectors() {
        let tenth = n(E18 / 10);
        assert_eq!(
            next_sqrt_price_from_input(Q96, E18, tenth, false),
            Ok(n(87_150_978_765_690_771_352_898_345_369))
        );
        assert_eq!(
            next_sqrt_price_from_input(Q96, E18, tenth, true),
            Ok(n(72_025_602_285_694_852_357_767_227_579))
        );
        // 72025602285694852357767227578 * 1.1 < 2^96 <= 72025602285694852357767227579 * 1.1.
        assert!(n(72_025_602_285_694_852_357_767_227_578) * n(11) < Q96 * n(10));
        assert!(Q96 * n(10) <= n(72_025_602_285_694_852_357_767_227_579) * n(11));
        for zero_for_one in [true, false] {
            assert_eq!(
                next_sqrt_price_from_input(Q96, E18 / 10, Uint256::zero(), zero_for_one),
                Ok(Q96)
            );
        }
    }

    /// Large token0 inputs (v3's published cases):
    /// - price 1, L = 1e19, 2^100 in: ceil(1e19 * 2^96 / (1e19 + 2^100)) = 624999999995069620
    ///   (2^100 = 1267650600228229401496703205376, so the quotient is 7.92e47 / 1.2677e30);
    /// - price 1, L = 1, 2^255 - 1 in: x * p overflows 256 bits, so the coarse form
    ///   ceil(2^96 / (2^96 / 2^96 + 2^255 - 1)) = ceil(2^96 / 2^255) = 1;
    /// - price 2^160 - 1, L = 2^128 - 1, and the largest amount whose coarse denominator
    ///   floor(L 2^96 / p) + x still fits, 2^256 - 1 - floor(L 2^96 / p): ceil(L 2^96 / (2^256 - 1)) = 1;
    /// - price 1, L = 1, 2^255 in: the exact form fits, ceil(2^96 / (2^96 + 2^255)) = 1.
    #[test]
    fn next_price_from_large_token0_inputs() {
        let two_pow_100 = Uint256::one() << 100;
        // 624999999995069619 * (1e19 + 2^100) < 1e19 * 2^96 <= 624999999995069620 * (1e19 + 2^100).
        assert!(n(624_999_999_995_069_620) * (n(10 * E18) + two_pow_100) >= n(10 * E18) * Q96);
        assert!(n(624_999_999_995_069_619) * (n(10 * E18) + two_pow_100) < n(10 * E18) * Q96);
        assert_eq!(
            next_sqrt_price_from_input(Q96, 10 * E18, two_pow_100, true),
            Ok(n(624_999_999_995_069_620))
        );
        assert_eq!(
            next_sqrt_price_from_input(Q96, 1, Uint256::MAX >> 1, true),
            Ok(n(1))
        );
        let max_u160 = (Uint256::one() << 160) - Uint256::one();
        let numerator1 = Uint256::from(u128::MAX) << 96;
        let largest_amount = Uint256::MAX - numerator1 / max_u160;
        assert_eq!(
            next_sqrt_price_from_input(max_u160, u128::MAX, largest_amount, true),
            Ok(n(1))
        );
        // One more overflows the coarse denominator.
        assert_eq!(
            next_sqrt_price_from_input(max_u160, u128::MAX, largest_amount + n(1), true),
            Err(MathError::Overflow("next sqrt price from token0 in"))
        );
        assert_eq!(
            next_sqrt_price_from_input(Q96, 1, Uint256::one() << 255, true),
            Ok(n(1))
        );
    }

    /// Price 2^160 - 1 with L = 1024 and 1024 of token1 in would be 2^160 - 1 + 2^96: above
    /// 160 bits.
    #[test]
    fn next_price_from_input_beyond_160_bits_is_refused() {
        let max_u160 = (Uint256::one() << 160) - Uint256::one();
        assert_eq!(
            next_sqrt_price_from_input(max_u160, 1024, n(1024), false),
            Err(MathError::Overflow("next sqrt price from token1 in"))
        );
    }

    /// From price 1 with L = 1e18 and 0.1e18 out:
    /// - token1 out (price down): 2^96 - ceil(2^96 / 10) = 79228162514264337593543950336 -
    ///   7922816251426433759354395034 = 71305346262837903834189555302;
    /// - token0 out (price up): ceil(2^96 / 0.9) = ceil(88031291682515930659493278151.1) =
    ///   88031291682515930659493278152.
    #[test]
    fn next_price_from_output_vectors() {
        let tenth = n(E18 / 10);
        assert_eq!(
            next_sqrt_price_from_output(Q96, E18, tenth, true),
            Ok(n(71_305_346_262_837_903_834_189_555_302))
        );
        assert_eq!(
            next_sqrt_price_from_output(Q96, E18, tenth, false),
            Ok(n(88_031_291_682_515_930_659_493_278_152))
        );
        assert!(n(88_031_291_682_515_930_659_493_278_151) * n(9) < Q96 * n(10));
        assert!(Q96 * n(10) <= n(88_031_291_682_515_930_659_493_278_152) * n(9));
    }

    /// Price 2^104 (sqrt price 256 as a real: price 65536) with L = 1024 holds L / 256 = 4 of
    /// token0 and L * 256 = 262144 of token1 (v3's vectors). Paying out all of either, or more,
    /// is refused; 262143 of token1 moves the price to 2^104 - ceil(262143 * 2^96 / 1024) =
    /// 2^104 - (2^104 - 2^86) = 2^86 = 77371252455336267181195264.
    #[test]
    fn outputs_beyond_the_virtual_reserves_are_refused() {
        let price = Uint256::one() << 104;
        assert_eq!(price, n(20_282_409_603_651_670_423_947_251_286_016));
        for token0_out in [4u128, 5] {
            assert_eq!(
                next_sqrt_price_from_output(price, 1024, n(token0_out), false),
                Err(MathError::OutputExceedsLiquidity)
            );
        }
        for token1_out in [262_144u128, 262_145] {
            assert_eq!(
                next_sqrt_price_from_output(price, 1024, n(token1_out), true),
                Err(MathError::OutputExceedsLiquidity)
            );
        }
        assert_eq!(
            next_sqrt_price_from_output(price, 1024, n(262_143), true),
            Ok(n(77_371_252_455_336_267_181_195_264))
        );
        // Impossible outputs at price 1 with L = 1.
        for zero_for_one in [true, false] {
            assert_eq!(
                next_sqrt_price_from_output(Q96, 1, Uint256::MAX, zero_for_one),
                Err(MathError::OutputExceedsLiquidity)
            );
        }
    }

    /// v3's "sqrtP * sqrtQ overflows" case: p = 1025574284609383690408304870162715216695788925244,
    /// L = 50015962439936049619261659728067971248, 406 of token0 in. L * 2^96 (about 3.96e66)
    /// plus 406 p (about 4.16e50) fits, so the price is ceil(L 2^96 p / (L 2^96 + 406 p)) =
    /// 1025574284609383582644711336373707553698163132913, and the token0 that move takes, rounded
    /// up, is exactly the 406 paid.
    #[test]
    fn next_price_and_amount_agree_near_the_top_of_the_range() {
        let price = n_str("1025574284609383690408304870162715216695788925244");
        let liquidity = 50_015_962_439_936_049_619_261_659_728_067_971_248u128;
        let next = next_sqrt_price_from_input(price, liquidity, n(406), true).unwrap();
        assert_eq!(
            next,
            n_str("1025574284609383582644711336373707553698163132913")
        );
        assert_eq!(amount0_delta(next, price, liquidity, true), Ok(n(406)));
    }
}
