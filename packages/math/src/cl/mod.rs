//! Concentrated-liquidity math, bit-identical to Uniswap v3 core: ticks and Q64.96 sqrt prices,
//! the token amounts a liquidity change between two prices needs, the price an amount in or out
//! moves to, and one swap step within a price range. Pure functions, no storage.
//!
//! Representation:
//! - A tick `i` stands for the price `1.0001^i` (token1 per token0) and lies in
//!   `[MIN_TICK, MAX_TICK]`, the ticks whose price is within `2^-128 ..= 2^128`.
//! - A sqrt price is `sqrt(price) * 2^96` as an integer of at most 160 bits (Q64.96), carried
//!   in a `Uint256`.
//! - Liquidity is `u128`; amounts are `Uint256`, signed ones `Int256`; fees are in hundredths
//!   of a bip (`fee_pips / 1_000_000`).
//!
//! Every rounding favours the pool: what the pool takes in rounds up, what it pays out rounds
//! down, and a price moved by an input moves less (and by an output more) than the exact price.
//! Every 256- and 512-bit intermediate goes through [`crate::mul_div`].
pub mod farming;
pub mod liquidity_math;
pub mod sqrt_price_math;
pub mod swap_math;
pub mod tick_math;

use cosmwasm_std::Uint256;

use crate::MathError;

pub use liquidity_math::add_delta;
pub use sqrt_price_math::{
    amount0_delta, amount0_delta_signed, amount1_delta, amount1_delta_signed,
    next_sqrt_price_from_input, next_sqrt_price_from_output,
};
pub use swap_math::{compute_swap_step, SwapAmount, SwapStep};
pub use tick_math::{sqrt_price_at_tick, tick_at_sqrt_price};

/// The lowest tick: the largest `i` with `1.0001^i <= 2^-128`, negated to stay symmetric.
pub const MIN_TICK: i32 = -887_272;

/// The highest tick, `-MIN_TICK`.
pub const MAX_TICK: i32 = 887_272;

/// `sqrt_price_at_tick(MIN_TICK)`: the lowest sqrt price with a tick.
pub const MIN_SQRT_PRICE: Uint256 = Uint256::from_u128(4_295_128_739);

/// `sqrt_price_at_tick(MAX_TICK)` = 1461446703485210103287273052203988822378723970342 =
/// 4_294_805_859 * 2^128 + 318_775_800_626_314_356_294_205_765_087_544_249_638. Prices reach it
/// but never pass it, and it has no tick of its own (`tick_at_sqrt_price` takes prices below it).
pub const MAX_SQRT_PRICE: Uint256 = u256_from_halves(
    4_294_805_859,
    318_775_800_626_314_356_294_205_765_087_544_249_638,
);

/// `2^96`, the Q64.96 one: the sqrt price of tick 0.
pub const Q96: Uint256 = Uint256::from_u128(1 << 96);

/// The fee denominator: fees are in hundredths of a bip.
pub const FEE_PIPS_DENOMINATOR: u32 = 1_000_000;

/// The largest Q64.96 value, `2^160 - 1`.
const MAX_U160: Uint256 = u256_from_halves(u32::MAX as u128, u128::MAX);

/// `high * 2^128 + low`, usable in constants.
const fn u256_from_halves(high: u128, low: u128) -> Uint256 {
    let high = high.to_be_bytes();
    let low = low.to_be_bytes();
    let mut bytes = [0u8; 32];
    let mut i = 0;
    while i < 16 {
        bytes[i] = high[i];
        bytes[16 + i] = low[i];
        i += 1;
    }
    Uint256::from_be_bytes(bytes)
}

/// Refuses a sqrt price that does not fit in 160 bits (v3's `uint160`).
fn check_u160(sqrt_price: Uint256) -> Result<Uint256, MathError> {
    if sqrt_price > MAX_U160 {
        return Err(MathError::InvalidSqrtPrice { sqrt_price });
    }
    Ok(sqrt_price)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The halves of the constants, checked against their decimal forms.
    #[test]
    fn constants_match_their_decimal_values() {
        assert_eq!(
            MAX_SQRT_PRICE.to_string(),
            "1461446703485210103287273052203988822378723970342"
        );
        // 2^160 - 1.
        assert_eq!(
            MAX_U160.to_string(),
            "1461501637330902918203684832716283019655932542975"
        );
        assert_eq!(Q96.to_string(), "79228162514264337593543950336");
        assert_eq!(MIN_TICK, -MAX_TICK);
    }
}
