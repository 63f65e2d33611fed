//! The liquidity that given token amounts pay for over a range at the current price (v3
//! periphery's `LiquidityAmounts`). Every division floors: the liquidity is credited to the LP,
//! and the amounts it then owes are computed from it rounding up (`trellis_math::cl`), so they
//! never exceed the amounts offered.
use cosmwasm_std::{Uint128, Uint256};
use trellis_math::cl::Q96;
use trellis_math::mul_div::mul_div_u256_floor;

use crate::error::ContractError;

/// `floor(amount0 * floor(a * b / 2^96) / (b - a))` for `a < b`: the liquidity whose token0
/// between `a` and `b` is `amount0`.
fn for_amount0(a: Uint256, b: Uint256, amount0: Uint256) -> Result<Uint256, ContractError> {
    let intermediate = mul_div_u256_floor(a, b, Q96)?;
    Ok(mul_div_u256_floor(amount0, intermediate, b - a)?)
}

/// `floor(amount1 * 2^96 / (b - a))`: the liquidity whose token1 between `a` and `b` is
/// `amount1`.
fn for_amount1(a: Uint256, b: Uint256, amount1: Uint256) -> Result<Uint256, ContractError> {
    Ok(mul_div_u256_floor(amount1, Q96, b - a)?)
}

/// The most liquidity `amounts` pay for over `[lower, upper)` (sqrt prices, `lower < upper`)
/// at `price`: only token0 below the range, only token1 above it, and inside it the smaller
/// of what each token pays for.
pub fn liquidity_for_amounts(
    price: Uint256,
    lower: Uint256,
    upper: Uint256,
    amounts: [Uint256; 2],
) -> Result<u128, ContractError> {
    let liquidity = if price <= lower {
        for_amount0(lower, upper, amounts[0])?
    } else if price < upper {
        for_amount0(price, upper, amounts[0])?.min(for_amount1(lower, price, amounts[1])?)
    } else {
        for_amount1(lower, upper, amounts[1])?
    };
    Uint128::try_from(liquidity)
        .map(|v| v.u128())
        .map_err(|_| ContractError::Overflow("liquidity for amounts"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use trellis_math::cl::sqrt_price_at_tick;

    /// At price 1 (2^96) over [-60, 60] with 1e6 of each token. With
    /// a = sqrt_price_at_tick(-60) = 78990846045029531151608375686 and
    /// b = sqrt_price_at_tick(60) = 79466191966197645195421774833:
    /// - token0: floor(1e6 * floor(2^96 * b / 2^96) / (b - 2^96)) = floor(1e6 * b / (b - 2^96))
    ///   = floor(1e6 * 79466191966197645195421774833 / 238029451933307601877824497) = 333850249;
    /// - token1: floor(1e6 * 2^96 / (2^96 - a)) = floor(1e6 * 2^96 / 237316469234806441935574650)
    ///   = 333850249 too (the range is symmetric in log price, up to rounding).
    #[test]
    fn symmetric_range_at_price_one() {
        let a = sqrt_price_at_tick(-60).unwrap();
        let b = sqrt_price_at_tick(60).unwrap();
        assert_eq!(a, Uint256::from(78_990_846_045_029_531_151_608_375_686u128));
        assert_eq!(b, Uint256::from(79_466_191_966_197_645_195_421_774_833u128));
        let million = Uint256::from(1_000_000u128);
        assert_eq!(
            for_amount0(Q96, b, million).unwrap(),
            Uint256::from(333_850_249u128)
        );
        assert_eq!(
            for_amount1(a, Q96, million).unwrap(),
            Uint256::from(333_850_249u128)
        );
        assert_eq!(
            liquidity_for_amounts(Q96, a, b, [million, million]),
            Ok(333_850_249)
        );
        // Below the range only token0 counts, above it only token1.
        assert_eq!(
            liquidity_for_amounts(a, a, b, [million, Uint256::zero()]).unwrap(),
            Uint128::try_from(for_amount0(a, b, million).unwrap())
                .unwrap()
                .u128()
        );
        assert_eq!(
            liquidity_for_amounts(b, a, b, [Uint256::zero(), million]).unwrap(),
            Uint128::try_from(for_amount1(a, b, million).unwrap())
                .unwrap()
                .u128()
        );
    }
}
