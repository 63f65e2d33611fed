//! What a CL position is owed beyond its stored tokens owed, computed exactly as the pool
//! credits it at the position's next update: the fee growth inside its range (v3's
//! `getFeeGrowthInside`, from the range ends' outside growth and the global growth, wrapping),
//! then `floor((inside - last) * liquidity / 2^128)` per token; and what removing its
//! liquidity now would pay (the pool's amounts, rounded down).
use anyhow::{Context, Result};
use cosmwasm_std::{Uint128, Uint256, Uint512};
use trellis_math::cl::{amount0_delta, amount1_delta, sqrt_price_at_tick};
use trellis_testing::{ClPoolHandle, Suite};
use trellis_types::cl_pool::{PoolStateResponse, PositionResponse};

/// Fee growth per unit of liquidity inside `[lower, upper)`: the global growth minus what
/// grew below the lower end and above the upper end. A tick's outside growth is the growth on
/// the side of it away from the current tick, so "below lower" is its outside growth when the
/// price is at or above it and the complement otherwise (and the mirror for the upper end).
pub fn fee_growth_inside(
    (lower, lower_outside): (i32, [Uint256; 2]),
    (upper, upper_outside): (i32, [Uint256; 2]),
    current_tick: i32,
    global: [Uint256; 2],
) -> [Uint256; 2] {
    [0, 1].map(|k| {
        let below = if current_tick >= lower {
            lower_outside[k]
        } else {
            global[k].wrapping_sub(lower_outside[k])
        };
        let above = if current_tick < upper {
            upper_outside[k]
        } else {
            global[k].wrapping_sub(upper_outside[k])
        };
        global[k].wrapping_sub(below).wrapping_sub(above)
    })
}

/// `floor((inside - last) * liquidity / 2^128)` per token, the difference wrapping as the
/// pool's counters do. `None` when a result exceeds u128 (the pool would refuse it too).
pub fn fees_since(inside: [Uint256; 2], last: [Uint256; 2], liquidity: u128) -> Option<[u128; 2]> {
    let earned = |k: usize| {
        let growth = Uint512::from(inside[k].wrapping_sub(last[k]));
        let product = growth * Uint512::from(liquidity);
        Uint128::try_from(product >> 128).ok().map(|v| v.u128())
    };
    Some([earned(0)?, earned(1)?])
}

/// What a decrease of `liquidity` over `[lower, upper)` would pay now, rounded down as the
/// pool pays: token0 only below the range, token1 only at or above it, both inside.
pub fn liquidity_value(
    state: &PoolStateResponse,
    lower: i32,
    upper: i32,
    liquidity: u128,
) -> Result<[u128; 2]> {
    let (a, b) = (sqrt_price_at_tick(lower)?, sqrt_price_at_tick(upper)?);
    let price = state.sqrt_price;
    let (amount0, amount1) = if state.tick < lower {
        (amount0_delta(a, b, liquidity, false)?, Uint256::zero())
    } else if state.tick >= upper {
        (Uint256::zero(), amount1_delta(a, b, liquidity, false)?)
    } else {
        (
            amount0_delta(price, b, liquidity, false)?,
            amount1_delta(a, price, liquidity, false)?,
        )
    };
    let fit = |v: Uint256| {
        Uint128::try_from(v)
            .map(|v| v.u128())
            .context("a liquidity value above u128")
    };
    Ok([fit(amount0)?, fit(amount1)?])
}

/// The fees `position` earned since its last update, from the pool's state and its range
/// ends' records (0 without liquidity: the pool credits nothing then).
pub fn uncollected(
    suite: &Suite,
    pool: &ClPoolHandle,
    state: &PoolStateResponse,
    position: &PositionResponse,
) -> Result<[u128; 2]> {
    let liquidity = position.liquidity.u128();
    if liquidity == 0 {
        return Ok([0, 0]);
    }
    let lower = suite.cl_tick(pool, position.lower_tick)?;
    let upper = suite.cl_tick(pool, position.upper_tick)?;
    let inside = fee_growth_inside(
        (position.lower_tick, lower.fee_growth_outside),
        (position.upper_tick, upper.fee_growth_outside),
        state.tick,
        state.fee_growth_global,
    );
    fees_since(inside, position.fee_growth_inside_last, liquidity)
        .with_context(|| format!("fees of position {} above u128", position.token_id))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(a: u128, b: u128) -> [Uint256; 2] {
        [Uint256::from(a), Uint256::from(b)]
    }

    #[test]
    fn growth_inside_by_where_the_price_is() {
        // Range [-60, 60), global growth (100, 40); the lower end saw 10 / 4 below it, the
        // upper end 30 / 6 above it (outside values as seen from a price inside the range).
        let lower = (-60, g(10, 4));
        let upper = (60, g(30, 6));
        // Inside: 100 - 10 - 30 = 60 and 40 - 4 - 6 = 30.
        assert_eq!(fee_growth_inside(lower, upper, 0, g(100, 40)), g(60, 30));
        // Price below the range (tick -61): the lower end's outside is what grew above it, so
        // below = global - outside = 90; inside = 100 - 90 - 30 = -20 mod 2^256: only
        // differences of this value count, and they do not wrap wrongly.
        let wrapped = fee_growth_inside(lower, upper, -61, g(100, 40))[0];
        assert_eq!(wrapped.wrapping_add(Uint256::from(20u8)), Uint256::zero());
        // Price at the upper end (tick 60 is out of range): above = global - outside.
        assert_eq!(
            fee_growth_inside((-60, g(0, 0)), (60, g(0, 0)), 60, g(100, 40)),
            g(0, 0)
        );
    }

    #[test]
    fn fees_round_down_per_token() {
        // Growth 3 * 2^128 / 7 per unit (floored), 7 units of liquidity: 2.999... -> 2.
        let q = Uint256::one() << 128;
        let growth = (q * Uint256::from(3u8)) / Uint256::from(7u8);
        let fees = fees_since([growth, Uint256::zero()], [Uint256::zero(); 2], 7);
        assert_eq!(fees, Some([2, 0]));
        // A wrapped difference: last above inside by 2^256 - 2^128 is +2^128: 1 per unit.
        let last = Uint256::zero().wrapping_sub(q);
        assert_eq!(
            fees_since([Uint256::zero(); 2], [last, Uint256::zero()], 5),
            Some([5, 0])
        );
        // More than u128 of fees is refused.
        assert_eq!(
            fees_since(
                [Uint256::MAX, Uint256::zero()],
                [Uint256::zero(); 2],
                u128::MAX
            ),
            None
        );
    }
}
