//! Values and APRs of farmed positions, in integer math, everything counted in base units of
//! the pool's token1:
//!
//! - a position is worth what removing its liquidity now would pay (the pool's amounts,
//!   rounded down), token0 converted at the pool price: `amount1 + floor(amount0 * s^2 /
//!   2^192)`, `s` the Q64.96 sqrt price;
//! - a reward token is worth its amount at the scenario's price
//!   ([`crate::scenario::cl_farm_plan::TokenPrice`], rounded down);
//! - an APR is [`super::valuation::apr_bps`] (the farm pools' too), the value-seconds summing
//!   the position's value times the seconds it held while farmed (each value measured at the
//!   entry and at every sample holds until the next measure).
use anyhow::Result;
use cosmwasm_std::{Uint256, Uint512};
use trellis_types::cl_pool::PoolStateResponse;

use super::cl_fees;
use super::valuation::{ratio_bps, BPS, SECONDS_PER_YEAR};

/// `amount1 + floor(amount0 * sqrt_price^2 / 2^192)`, saturating at u128.
pub fn in_token1(sqrt_price: Uint256, amounts: [u128; 2]) -> u128 {
    let s = Uint512::from(sqrt_price);
    // s < 2^160 and amount0 < 2^128: the product stays below 2^448.
    let converted = (s * s * Uint512::from(amounts[0])) >> 192;
    let total = converted + Uint512::from(amounts[1]);
    cosmwasm_std::Uint128::try_from(total).map_or(u128::MAX, |v| v.u128())
}

/// What `liquidity` over `[lower, upper)` is worth in token1 now.
pub fn position_value(
    state: &PoolStateResponse,
    lower: i32,
    upper: i32,
    liquidity: u128,
) -> Result<u128> {
    let amounts = cl_fees::liquidity_value(state, lower, upper, liquidity)?;
    Ok(in_token1(state.sqrt_price, amounts))
}

/// The APR per second in range: `floor(reward_value * year * 10000 * farmed_secs /
/// (value_secs * in_range_secs))`, the reward set against the average value over the seconds
/// the range held the price.
pub fn apr_in_range_bps(
    reward_value: Uint256,
    value_secs: Uint256,
    (farmed_secs, in_range_secs): (u64, u64),
) -> Option<u64> {
    let scale = SECONDS_PER_YEAR as u128 * BPS as u128 * farmed_secs as u128;
    ratio_bps(
        reward_value,
        scale,
        value_secs.full_mul(Uint256::from(in_range_secs)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token0_converts_at_the_pool_price() {
        // Price 1 (s = 2^96): 5 + 7. Price 4 (s = 2^97): 4 * 5 + 7. Price 1/4 (s = 2^95):
        // floor(5 / 4) + 7.
        let q96 = Uint256::one() << 96;
        assert_eq!(in_token1(q96, [5, 7]), 12);
        assert_eq!(in_token1(q96 << 1, [5, 7]), 27);
        assert_eq!(in_token1(q96 >> 1, [5, 7]), 8);
    }

    #[test]
    fn aprs_in_range_in_bps() {
        // 50 earned on 1000 held for half a year: 10% a year, 1000 bps; in range a quarter of
        // that time: 4000 bps per second in range.
        let half_year = Uint256::from(1_000u128 * SECONDS_PER_YEAR as u128 / 2);
        let secs = SECONDS_PER_YEAR / 2;
        assert_eq!(
            apr_in_range_bps(Uint256::from(50u8), half_year, (secs, secs / 4)),
            Some(4_000)
        );
        assert_eq!(
            apr_in_range_bps(Uint256::from(50u8), half_year, (secs, 0)),
            None
        );
    }
}
