//! CL prices between the scenario's display units and the pool's Q64.96 sqrt prices and
//! ticks, in integer math. A display price `p` of token0 in token1 is `p * 10^d1 / 10^d0` base
//! units of token1 per base unit of token0; its sqrt price is `floor(sqrt(that) * 2^96)`.
use std::str::FromStr;

use cosmwasm_std::{Decimal256, Isqrt, Uint256, Uint512};
use trellis_math::cl::{
    sqrt_price_at_tick, tick_at_sqrt_price, MAX_SQRT_PRICE, MAX_TICK, MIN_SQRT_PRICE, MIN_TICK,
};

/// Fraction digits a price may have.
pub const MAX_PRICE_DECIMALS: usize = 18;

/// A price as written: `digits / 10^scale`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PriceText {
    pub digits: Uint256,
    pub scale: u32,
}

/// Parses `"1"`, `"0.995"`, `"1_250.5"`: a non-negative decimal with at most
/// [`MAX_PRICE_DECIMALS`] fraction digits.
pub fn parse(text: &str) -> Result<PriceText, String> {
    let cleaned: String = text.trim().chars().filter(|c| *c != '_').collect();
    let (whole, fraction) = cleaned.split_once('.').unwrap_or((&cleaned, ""));
    let digits_only = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if whole.is_empty() || !digits_only(whole) || !digits_only(fraction) || cleaned.ends_with('.') {
        return Err(format!(
            "`{text}` is not a price (a decimal string such as \"1\" or \"0.995\")"
        ));
    }
    let fraction = fraction.trim_end_matches('0');
    if fraction.len() > MAX_PRICE_DECIMALS {
        return Err(format!(
            "`{text}` has more than {MAX_PRICE_DECIMALS} fraction digits"
        ));
    }
    let digits = Uint256::from_str(&format!("{whole}{fraction}"))
        .map_err(|_| format!("`{text}` is too large"))?;
    Ok(PriceText {
        digits,
        scale: fraction.len() as u32,
    })
}

fn ten_pow(exp: u32) -> Uint512 {
    Uint512::from(10u8).pow(exp)
}

/// The Q64.96 sqrt price of a display price for tokens of `decimals` (token0, token1):
/// `floor(sqrt(digits * 10^d1 * 2^192 / (10^scale * 10^d0)))` (flooring inside the root
/// changes nothing: `floor(sqrt(floor(x))) = floor(sqrt(x))`). Refused when zero or outside
/// the prices a pool can hold, `MIN_SQRT_PRICE <= s < MAX_SQRT_PRICE`.
pub fn sqrt_price_of(price: PriceText, decimals: [u8; 2]) -> Result<Uint256, String> {
    if price.digits.is_zero() {
        return Err("a price must be positive".to_string());
    }
    // digits < 2^256, 10^(d1) <= 10^255: the product stays below 2^512 for any u8 decimals
    // up to 38 (tokens have at most 18).
    let numerator = Uint512::from(price.digits)
        .checked_mul(ten_pow(decimals[1] as u32))
        .and_then(|n| n.checked_shl(192))
        .map_err(|_| "the price is too large".to_string())?;
    let denominator = ten_pow(price.scale) * ten_pow(decimals[0] as u32);
    let root = (numerator / denominator).isqrt();
    let in_range = Uint256::try_from(root)
        .ok()
        .filter(|s| *s >= MIN_SQRT_PRICE && *s < MAX_SQRT_PRICE);
    in_range.ok_or_else(|| {
        format!(
            "the price is outside what a CL pool can hold (1.0001^{MIN_TICK} to 1.0001^{MAX_TICK} \
             base units of the second asset per base unit of the first)"
        )
    })
}

/// The tick of a sqrt price, rounded down (the pool's own rule).
pub fn floor_tick(sqrt_price: Uint256) -> i32 {
    tick_at_sqrt_price(sqrt_price).expect("sqrt prices are checked to be in range")
}

/// The tick of a sqrt price, rounded up.
pub fn ceil_tick(sqrt_price: Uint256) -> i32 {
    let tick = floor_tick(sqrt_price);
    match sqrt_price_at_tick(tick) {
        Ok(exact) if exact == sqrt_price => tick,
        _ => tick + 1,
    }
}

/// The display price of a sqrt price, rounded down at 18 decimals:
/// `s^2 * 10^18 * 10^d0 / (2^192 * 10^d1)`, capped at `Decimal256::MAX`.
pub fn display_price(sqrt_price: Uint256, decimals: [u8; 2]) -> Decimal256 {
    let s = Uint512::from(sqrt_price);
    // s < 2^160: s^2 * 10^(18 + d0) < 2^320 * 2^120 for d0 <= 18.
    let numerator = s * s * ten_pow(18 + decimals[0] as u32);
    let denominator = (Uint512::one() << 192) * ten_pow(decimals[1] as u32);
    Uint256::try_from(numerator / denominator)
        .map(Decimal256::new)
        .unwrap_or(Decimal256::MAX)
}

/// The display price at a tick.
pub fn tick_price(tick: i32, decimals: [u8; 2]) -> Decimal256 {
    let sqrt_price = sqrt_price_at_tick(tick).expect("ticks are checked to be in range");
    display_price(sqrt_price, decimals)
}

#[cfg(test)]
mod tests {
    use super::*;
    use trellis_math::cl::Q96;

    fn price(text: &str) -> PriceText {
        parse(text).unwrap()
    }

    #[test]
    fn parses_decimal_prices() {
        assert_eq!(
            price("1_250.50"),
            PriceText {
                digits: Uint256::from(12_505u32),
                scale: 1
            }
        );
        assert!(parse("1.").is_err());
        assert!(parse("-1").is_err());
        assert!(parse("1e3").is_err());
        assert!(parse("0.0000000000000000001").is_err());
    }

    #[test]
    fn sqrt_prices_of_display_prices() {
        // Price 1 with equal decimals: sqrt(2^192) = 2^96 exactly, tick 0 both ways.
        let one = sqrt_price_of(price("1"), [6, 6]).unwrap();
        assert_eq!(one, Q96);
        assert_eq!((floor_tick(one), ceil_tick(one)), (0, 0));
        // Price 4: sqrt(4 * 2^192) = 2^97.
        assert_eq!(
            sqrt_price_of(price("4"), [6, 6]).unwrap(),
            Uint256::from(2u128 << 96)
        );
        // 1 token0 of 18 decimals for 4 token1 of 6: 4 * 10^6 / 10^18 = 4e-12 base units,
        // sqrt = 2e-6 * 2^96 = 158456325028528675187087.9..., floored.
        assert_eq!(
            sqrt_price_of(price("4"), [18, 6]).unwrap(),
            Uint256::from(158_456_325_028_528_675_187_087u128)
        );
        // Price 0.99 lies between ticks -101 (1.0001^-101 = 0.98995) and -100 (0.99005).
        let s = sqrt_price_of(price("0.99"), [6, 6]).unwrap();
        assert_eq!((floor_tick(s), ceil_tick(s)), (-101, -100));
        assert!(sqrt_price_of(price("0"), [6, 6]).is_err());
        // 1e39 is above 1.0001^887272 = 3.4e38.
        assert!(sqrt_price_of(price("1000000000000000000000000000000000000000"), [0, 0]).is_err());
    }

    #[test]
    fn display_prices_round_down() {
        assert_eq!(display_price(Q96, [6, 6]), Decimal256::one());
        assert_eq!(
            display_price(Uint256::from(2u128 << 96), [6, 6]),
            Decimal256::from_ratio(4u8, 1u8)
        );
        // The 18/6-decimal price of 4 comes back within one atomic (the sqrt was floored).
        let s = sqrt_price_of(price("4"), [18, 6]).unwrap();
        assert_eq!(
            display_price(s, [18, 6]),
            Decimal256::from_atomics(3_999_999_999_999_999_999u128, 18).unwrap()
        );
        // Tick 60 = 1.0001^60 = 1.006017...
        assert_eq!(tick_price(60, [6, 6]).to_string(), "1.006017734268818165");
    }
}
