//! Ticks to Q64.96 sqrt prices and back, with v3's exact algorithm.
//!
//! `sqrt_price_at_tick` multiplies Q128.128 factors `2^128 / sqrt(1.0001)^(2^k)`, one for each
//! set bit `k` of `|tick|`, so it needs at most 20 products and no logarithm. For a positive
//! tick it inverts the result, then rounds the Q128.128 number up to Q64.96.
//!
//! `tick_at_sqrt_price` takes `log2` of the price to 14 fractional bits, converts it to
//! `log_sqrt(1.0001)` with a fixed-point constant, and brackets the tick between two candidates
//! whose error bounds are built into two constants; when they differ, one
//! `sqrt_price_at_tick` decides.
use cosmwasm_std::{Int128, Int256, Uint256};

use super::{MAX_SQRT_PRICE, MAX_TICK, MIN_SQRT_PRICE};
use crate::mul_div::{mul_div_u256_ceil, mul_div_u256_floor};
use crate::MathError;

/// `2^128 / sqrt(1.0001)^(2^k)` in Q128.128 for `k = 0..20` (bit `k` of `|tick|`); each is
/// within one unit of the exact value (checked in the tests).
const TICK_BIT_FACTORS: [u128; 20] = [
    0xfffcb933bd6fad37aa2d162d1a594001,
    0xfff97272373d413259a46990580e213a,
    0xfff2e50f5f656932ef12357cf3c7fdcc,
    0xffe5caca7e10e4e61c3624eaa0941cd0,
    0xffcb9843d60f6159c9db58835c926644,
    0xff973b41fa98c081472e6896dfb254c0,
    0xff2ea16466c96a3843ec78b326b52861,
    0xfe5dee046a99a2a811c461f1969c3053,
    0xfcbe86c7900a88aedcffc83b479aa3a4,
    0xf987a7253ac413176f2b074cf7815e54,
    0xf3392b0822b70005940c7a398e4b70f3,
    0xe7159475a2c29b7443b29c7fa6e889d9,
    0xd097f3bdfd2022b8845ad8f792aa5825,
    0xa9f746462d870fdf8a65dc1f90e061e5,
    0x70d869a156d2a1b890bb3df62baf32f7,
    0x31be135f97d08fd981231505542fcfa6,
    0x9aa508b5b7a84e1c677de54f3e99bc9,
    0x5d6af8dedb81196699c329225ee604,
    0x2216e584f5fa1ea926041bedfe98,
    0x48a170391f7dc42444e8fa2,
];

/// `2^64 / log2(sqrt(1.0001))`, about 2.557e23: a Q64.64 `log2` times it is `log_sqrt(1.0001)`,
/// i.e. the fractional tick, in Q128.128.
const LOG2_TO_LOG_SQRT_10001: u128 = 255_738_958_999_603_826_347_141;

/// About 0.0100005 in Q128.128, subtracted from the fractional-tick estimate before flooring so
/// that `tick_low` is never above the true tick.
const TICK_LOW_ERROR: u128 = 3_402_992_956_809_132_418_596_140_100_660_247_210;

/// About 0.85617 in Q128.128, added before flooring so that `tick_high` is never below the true
/// tick: the 14 fractional bits of `log2` drop up to `2^-14`, which is
/// `2^-14 / log2(sqrt(1.0001))` ≈ 0.846 ticks.
const TICK_HIGH_ERROR: u128 = 291_339_464_771_989_622_907_027_621_153_398_088_495;

/// Fractional bits of `log2` that `tick_at_sqrt_price` computes: bits 63 down to 50 of Q64.64.
const LOG2_FRACTION_BITS: std::ops::RangeInclusive<u32> = 50..=63;

/// `sqrt(1.0001^tick) * 2^96`, rounded as v3 rounds it (the Q128.128 product is rounded up to
/// Q64.96, so `tick_at_sqrt_price` of the result gives `tick` back). TickOutOfRange outside
/// `[MIN_TICK, MAX_TICK]`.
pub fn sqrt_price_at_tick(tick: i32) -> Result<Uint256, MathError> {
    let abs_tick = tick.unsigned_abs();
    if abs_tick > MAX_TICK.unsigned_abs() {
        return Err(MathError::TickOutOfRange { tick });
    }
    let q128 = Uint256::one() << 128;
    // Start from bit 0's factor or from 1.0 (2^128 in Q128.128).
    let mut ratio = if abs_tick & 1 != 0 {
        Uint256::from(TICK_BIT_FACTORS[0])
    } else {
        q128
    };
    for (bit, factor) in TICK_BIT_FACTORS.iter().enumerate().skip(1) {
        if abs_tick & (1 << bit) != 0 {
            // Each factor is below 1, so the floored product stays below 2^128.
            ratio = mul_div_u256_floor(ratio, Uint256::from(*factor), q128)?;
        }
    }
    // The chain computes 1 / sqrt(1.0001)^|tick|; a positive tick wants its reciprocal, taken
    // as (2^256 - 1) / ratio, floored (v3's choice, kept for bit-identical results).
    if tick > 0 {
        ratio = Uint256::MAX
            .checked_div(ratio)
            .map_err(|_| MathError::DivideByZero)?;
    }
    // Q128.128 to Q64.96, rounded up.
    mul_div_u256_ceil(ratio, Uint256::one(), Uint256::one() << 32)
}

/// The greatest tick whose sqrt price is at or below `sqrt_price`. SqrtPriceOutOfRange outside
/// `[MIN_SQRT_PRICE, MAX_SQRT_PRICE)` (the top price is reachable but belongs to no tick range).
pub fn tick_at_sqrt_price(sqrt_price: Uint256) -> Result<i32, MathError> {
    if sqrt_price < MIN_SQRT_PRICE || sqrt_price >= MAX_SQRT_PRICE {
        return Err(MathError::SqrtPriceOutOfRange { sqrt_price });
    }
    let overflow = |_| MathError::Overflow("tick_at_sqrt_price");
    // Q64.96 to Q128.128; below 2^192 since the price is below 2^160.
    let ratio = sqrt_price << 32;
    let msb = most_significant_bit(ratio);
    // Normalise the mantissa into [2^127, 2^128): it stands for a value in [1, 2).
    let mut mantissa = if msb >= 128 {
        ratio >> (msb - 127)
    } else {
        ratio << (127 - msb)
    };
    // Integer part of log2 of the Q128.128 value, as Q64.64 (negative below price 1).
    let mut log2 = (i128::from(msb) - 128) << 64;
    let two_pow_127 = Uint256::one() << 127;
    for bit in LOG2_FRACTION_BITS.rev() {
        // Squaring the mantissa doubles its log; a square at or above 2 means the next bit is 1.
        mantissa = mul_div_u256_floor(mantissa, mantissa, two_pow_127)?;
        let doubled = mantissa >> 128;
        let next_bit = u32::from(!doubled.is_zero());
        // The low 64 bits of `log2` start at zero, so adding the bit sets it (v3 ORs it in).
        log2 += i128::from(next_bit) << bit;
        mantissa >>= next_bit;
    }
    let log_sqrt_10001 = Int256::from(log2)
        .checked_mul(Int256::from(LOG2_TO_LOG_SQRT_10001))
        .map_err(overflow)?;
    // `>>` on Int256 is an arithmetic shift, i.e. a floor of the Q128.128 value.
    let tick_low = to_tick(
        log_sqrt_10001
            .checked_sub(Int256::from(TICK_LOW_ERROR))
            .map_err(overflow)?
            >> 128,
    )?;
    let tick_high = to_tick(
        log_sqrt_10001
            .checked_add(Int256::from(TICK_HIGH_ERROR))
            .map_err(overflow)?
            >> 128,
    )?;
    if tick_low == tick_high || sqrt_price_at_tick(tick_high)? > sqrt_price {
        Ok(tick_low)
    } else {
        Ok(tick_high)
    }
}

/// Index of the highest set bit of a nonzero value (0 for 1).
fn most_significant_bit(value: Uint256) -> u32 {
    let bytes = value.to_be_bytes();
    let mut leading_zeros = 0u32;
    for byte in bytes {
        if byte != 0 {
            leading_zeros += byte.leading_zeros();
            break;
        }
        leading_zeros += 8;
    }
    255u32.saturating_sub(leading_zeros)
}

/// A floored Q128.128 `log_sqrt(1.0001)` as a tick (a candidate: it may lie one past the range,
/// and the caller's comparison then picks the other one).
fn to_tick(value: Int256) -> Result<i32, MathError> {
    let narrow = MathError::Overflow("tick_at_sqrt_price");
    let wide = i128::from(Int128::try_from(value).map_err(|_| narrow.clone())?);
    i32::try_from(wide).map_err(|_| narrow)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cl::MIN_TICK;
    use num_bigint::BigUint;
    use std::str::FromStr;

    fn price(value: u128) -> Uint256 {
        Uint256::from(value)
    }

    fn big(value: impl ToString) -> BigUint {
        value.to_string().parse().unwrap()
    }

    /// Tick 0: no bit is set, so the ratio stays 2^128 (1.0 in Q128.128) and
    /// ceil(2^128 / 2^32) = 2^96 = 79228162514264337593543950336, the price 1.
    /// The range ends are the bounds by definition: 4295128739 and
    /// 1461446703485210103287273052203988822378723970342 (the exact values are
    /// 4295128738.13 and 1461446703485210103244672773810124308346321380902.86; v3's chain of
    /// floored factors lands within 3e-20 of them relatively).
    #[test]
    fn sqrt_price_at_tick_zero_and_the_ends() {
        assert_eq!(
            sqrt_price_at_tick(0),
            Ok(price(79_228_162_514_264_337_593_543_950_336))
        );
        assert_eq!(sqrt_price_at_tick(MIN_TICK), Ok(MIN_SQRT_PRICE));
        assert_eq!(sqrt_price_at_tick(MAX_TICK), Ok(MAX_SQRT_PRICE));
        assert_eq!(
            MAX_SQRT_PRICE,
            Uint256::from_str("1461446703485210103287273052203988822378723970342").unwrap()
        );
        // One tick inside each end (v3's published values; exact 4295343489.20 and
        // 1461373636630004318672046398259762639463073250156.38).
        assert_eq!(sqrt_price_at_tick(MIN_TICK + 1), Ok(price(4_295_343_490)));
        assert_eq!(
            sqrt_price_at_tick(MAX_TICK - 1),
            Ok(Uint256::from_str("1461373636630004318706518188784493106690254656249").unwrap())
        );
    }

    /// Ticks -1 and 1 use only bit 0's factor c0 = 340265354078544963557816517032075149313
    /// (= 2^128 / sqrt(1.0001), floored).
    /// - tick -1: c0 = 79224201403219477170569942573 * 2^32 + 442056705, so the rounded-up
    ///   Q64.96 value is 79224201403219477170569942574 (exact: ...573.10).
    /// - tick 1: (2^256 - 1) / c0 = 340299380613952818054172298683778356828, remainder
    ///   282864596490880666768831765657236580771 < c0; that is
    ///   79232123823359799118286999567 * 2^32 + 1547195996, rounded up to
    ///   79232123823359799118286999568 (exact: ...567.36).
    #[test]
    fn sqrt_price_at_ticks_one_and_minus_one() {
        let c0 = Uint256::from(TICK_BIT_FACTORS[0]);
        let two_pow_32 = Uint256::from(1u128 << 32);
        assert_eq!(
            price(79_224_201_403_219_477_170_569_942_573) * two_pow_32 + price(442_056_705),
            c0
        );
        let inverted = Uint256::from_str("340299380613952818054172298683778356828").unwrap();
        assert_eq!(
            inverted.full_mul(c0)
                + cosmwasm_std::Uint512::from(price(
                    282_864_596_490_880_666_768_831_765_657_236_580_771
                )),
            cosmwasm_std::Uint512::from(Uint256::MAX)
        );
        assert_eq!(
            price(79_232_123_823_359_799_118_286_999_567) * two_pow_32 + price(1_547_195_996),
            inverted
        );
        assert_eq!(
            sqrt_price_at_tick(-1),
            Ok(price(79_224_201_403_219_477_170_569_942_574))
        );
        assert_eq!(
            sqrt_price_at_tick(1),
            Ok(price(79_232_123_823_359_799_118_286_999_568))
        );
    }

    /// Tick 50 = 0b110010 sets bits 1, 4 and 5. From 2^128, the floored products are
    /// 340248342086729790484326174814286782778, 339976265861644982325361455533606100834 and
    /// 339432765926699011356884924190542770894; inverted, (2^256 - 1) / that =
    /// 341134094468421654402038800526998732381, and rounded up to Q64.96,
    /// 79426470787362580746886972461. The exact value is 1.0001^25 * 2^96 =
    /// 10001^25 * 2^96 / 10^100 = 79426470787362580746886972460.66.
    #[test]
    fn sqrt_price_at_tick_fifty() {
        let expected = price(79_426_470_787_362_580_746_886_972_461);
        assert_eq!(sqrt_price_at_tick(50), Ok(expected));
        // The exact value lies within one unit below: (v - 1) * 10^100 < 10001^25 * 2^96 < v * 10^100.
        let exact_scaled = BigUint::from(10_001u32).pow(25) * (BigUint::from(1u8) << 96usize);
        let scale = BigUint::from(10u8).pow(100);
        assert!((big(expected) - 1u8) * &scale < exact_scaled);
        assert!(exact_scaled < big(expected) * &scale);
    }

    /// Each factor f_k is within one unit of 2^128 / sqrt(1.0001)^(2^k), i.e.
    /// (f - 1)^2 * 10001^n <= 2^256 * 10000^n <= (f + 1)^2 * 10001^n for n = 2^k.
    #[test]
    fn tick_bit_factors_are_the_powers_of_sqrt_one_point_0001() {
        for (bit, factor) in TICK_BIT_FACTORS.iter().enumerate() {
            let n = 1u32 << bit;
            let factor = BigUint::from(*factor);
            let target = (BigUint::from(1u8) << 256usize) * BigUint::from(10_000u32).pow(n);
            let power = BigUint::from(10_001u32).pow(n);
            let below = &factor - 1u8;
            let above = &factor + 1u8;
            assert!(&below * &below * &power <= target, "bit {bit}");
            assert!(target <= &above * &above * &power, "bit {bit}");
        }
    }

    #[test]
    fn ticks_outside_the_range_are_refused() {
        for tick in [MIN_TICK - 1, MAX_TICK + 1, i32::MIN, i32::MAX] {
            assert_eq!(
                sqrt_price_at_tick(tick),
                Err(MathError::TickOutOfRange { tick })
            );
        }
    }

    /// The greatest tick at or below the price: MIN_SQRT_PRICE is tick -887272's own price;
    /// MAX_SQRT_PRICE - 1 lies below tick 887272's price, so its tick is 887271; 2^96 is tick 0
    /// and one unit less is tick -1; tick 50's price and one unit less (below it, above tick 49's
    /// 79422499761647659469960370034) give 50 and 49.
    #[test]
    fn tick_at_sqrt_price_vectors() {
        assert_eq!(tick_at_sqrt_price(MIN_SQRT_PRICE), Ok(MIN_TICK));
        assert_eq!(
            tick_at_sqrt_price(MAX_SQRT_PRICE - Uint256::one()),
            Ok(MAX_TICK - 1)
        );
        let one = price(79_228_162_514_264_337_593_543_950_336);
        assert_eq!(tick_at_sqrt_price(one), Ok(0));
        assert_eq!(tick_at_sqrt_price(one - Uint256::one()), Ok(-1));
        let tick_50 = price(79_426_470_787_362_580_746_886_972_461);
        assert_eq!(tick_at_sqrt_price(tick_50), Ok(50));
        assert_eq!(tick_at_sqrt_price(tick_50 - Uint256::one()), Ok(49));
        assert_eq!(
            sqrt_price_at_tick(49),
            Ok(price(79_422_499_761_647_659_469_960_370_034))
        );
        assert_eq!(tick_at_sqrt_price(price(4_295_343_490)), Ok(MIN_TICK + 1));
    }

    #[test]
    fn sqrt_prices_outside_the_range_are_refused() {
        for sqrt_price in [
            Uint256::zero(),
            MIN_SQRT_PRICE - Uint256::one(),
            MAX_SQRT_PRICE,
            Uint256::MAX,
        ] {
            assert_eq!(
                tick_at_sqrt_price(sqrt_price),
                Err(MathError::SqrtPriceOutOfRange { sqrt_price })
            );
        }
    }

    /// The floor the tick bracket relies on: an arithmetic shift of -3 by one is -2, of -1 by
    /// 128 is -1.
    #[test]
    fn int256_shift_right_floors() {
        assert_eq!(Int256::from(-3i32) >> 1, Int256::from(-2i32));
        assert_eq!(Int256::from(-1i32) >> 128, Int256::from(-1i32));
        assert_eq!(Int256::from(3i32) >> 1, Int256::from(1i32));
    }

    #[test]
    fn most_significant_bit_positions() {
        assert_eq!(most_significant_bit(Uint256::one()), 0);
        assert_eq!(most_significant_bit(price(0b1000)), 3);
        assert_eq!(most_significant_bit(Uint256::one() << 191), 191);
        assert_eq!(most_significant_bit(Uint256::MAX), 255);
    }
}
