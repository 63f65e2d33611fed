//! Per-tick bookkeeping, as v3's `Tick` library: gross and net liquidity and fee growth
//! outside (flipped on every crossing). The search for the next initialized tick is
//! [`crate::tick_index`].
use cosmwasm_std::Uint256;
use trellis_math::cl::{add_delta, MAX_TICK, MIN_TICK};

use crate::error::ContractError;
use crate::state::TickInfo;

/// A tick inside `[MIN_TICK, MAX_TICK]` and on the spacing.
pub fn check_tick(tick: i32, tick_spacing: i32) -> Result<(), ContractError> {
    if !(MIN_TICK..=MAX_TICK).contains(&tick) {
        return Err(ContractError::TickOutOfRange { tick });
    }
    if tick % tick_spacing != 0 {
        return Err(ContractError::TickNotOnSpacing { tick, tick_spacing });
    }
    Ok(())
}

/// A position's range: both ends valid and `lower < upper`.
pub fn check_range(lower: i32, upper: i32, tick_spacing: i32) -> Result<(), ContractError> {
    check_tick(lower, tick_spacing)?;
    check_tick(upper, tick_spacing)?;
    if lower >= upper {
        return Err(ContractError::InvalidRange { lower, upper });
    }
    Ok(())
}

/// v3's `tickSpacingToMaxLiquidityPerTick`: `u128::MAX` spread over every usable tick, so the
/// in-range liquidity can never overflow even if every tick held the maximum. The usable ticks
/// are the multiples of the spacing within the range (division truncates toward zero, as in
/// Solidity).
pub fn max_liquidity_per_tick(tick_spacing: i32) -> u128 {
    let min_tick = (MIN_TICK / tick_spacing) * tick_spacing;
    let max_tick = (MAX_TICK / tick_spacing) * tick_spacing;
    let num_ticks = ((max_tick - min_tick) / tick_spacing) as u128 + 1;
    u128::MAX / num_ticks
}

/// Applies a position's liquidity change to one of its range ends and returns the new record
/// (which may be no longer needed). A tick seen for the first time starts with v3's
/// convention: all fee growth so far happened below it when it is at or below the current tick.
#[allow(clippy::too_many_arguments)]
pub fn update(
    existing: Option<TickInfo>,
    tick: i32,
    current_tick: i32,
    liquidity_delta: i128,
    fee_growth_global: [Uint256; 2],
    upper: bool,
    max_liquidity: u128,
) -> Result<TickInfo, ContractError> {
    let mut info = match existing {
        Some(info) => info,
        None => new_tick(tick, current_tick, fee_growth_global),
    };
    let gross_after = add_delta(info.liquidity_gross, liquidity_delta)?;
    if gross_after > max_liquidity {
        return Err(ContractError::TickLiquidityOverflow {
            tick,
            liquidity: gross_after.into(),
            max: max_liquidity.into(),
        });
    }
    info.liquidity_gross = gross_after;
    // The lower end adds liquidity when crossed upwards, the upper end removes it.
    let net = if upper {
        info.liquidity_net.checked_sub(liquidity_delta)
    } else {
        info.liquidity_net.checked_add(liquidity_delta)
    };
    info.liquidity_net = net.ok_or(ContractError::Overflow("tick liquidity net"))?;
    Ok(info)
}

/// A record for a tick that has none: outside growth is the global growth if the tick is at or
/// below the price, zero otherwise.
pub fn new_tick(tick: i32, current_tick: i32, fee_growth_global: [Uint256; 2]) -> TickInfo {
    TickInfo {
        fee_growth_outside: if tick <= current_tick {
            fee_growth_global
        } else {
            [Uint256::zero(); 2]
        },
        ..TickInfo::default()
    }
}

/// Crossing a tick: what was outside is now inside and the other way round.
pub fn cross(info: &mut TickInfo, fee_growth_global: [Uint256; 2]) {
    for (outside, global) in info.fee_growth_outside.iter_mut().zip(fee_growth_global) {
        *outside = global.wrapping_sub(*outside);
    }
}

/// v3's `getFeeGrowthInside`: fee growth per unit of liquidity inside `[lower, upper)`, from
/// the two ends' outside values and the global growth. Wrapping: only differences count.
pub fn fee_growth_inside(
    lower: (i32, &TickInfo),
    upper: (i32, &TickInfo),
    current_tick: i32,
    fee_growth_global: [Uint256; 2],
) -> [Uint256; 2] {
    let mut inside = [Uint256::zero(); 2];
    for (i, slot) in inside.iter_mut().enumerate() {
        let global = fee_growth_global[i];
        let below = if current_tick >= lower.0 {
            lower.1.fee_growth_outside[i]
        } else {
            global.wrapping_sub(lower.1.fee_growth_outside[i])
        };
        let above = if current_tick < upper.0 {
            upper.1.fee_growth_outside[i]
        } else {
            global.wrapping_sub(upper.1.fee_growth_outside[i])
        };
        *slot = global.wrapping_sub(below).wrapping_sub(above);
    }
    inside
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `u128::MAX / n` with n the multiples of the spacing in range (v3's published values):
    /// - spacing 10: ±887270, 177454 + 1 = 177455 ticks -> 1917569901783203986719870431555990;
    /// - spacing 60: ±887220, 29574 + 1 = 29575 -> 11505743598341114571880798222544994;
    /// - spacing 200: ±887200, 8872 + 1 = 8873 -> 38350317471085141830651933667504588;
    /// - spacing 887272: {-887272, 0, 887272}, 3 ticks -> 113427455640312821154458202477256070485.
    #[test]
    fn max_liquidity_per_tick_matches_v3() {
        assert_eq!(
            max_liquidity_per_tick(10),
            1_917_569_901_783_203_986_719_870_431_555_990
        );
        assert_eq!(
            max_liquidity_per_tick(60),
            11_505_743_598_341_114_571_880_798_222_544_994
        );
        assert_eq!(
            max_liquidity_per_tick(200),
            38_350_317_471_085_141_830_651_933_667_504_588
        );
        assert_eq!(
            max_liquidity_per_tick(887_272),
            113_427_455_640_312_821_154_458_202_477_256_070_485
        );
        // Spacing 1: 887272 * 2 + 1 = 1774545 ticks.
        assert_eq!(max_liquidity_per_tick(1), u128::MAX / 1_774_545);
    }

    /// Fee growth inside of [-2, 2] with outside values 2 (lower) and 3 (upper) and global 15:
    /// - price inside (tick 0): 15 - 2 - 3 = 10;
    /// - price below (tick -4): below = 15 - 2 = 13, so 15 - 13 - 3 = -1, wrapping to 2^256 - 1;
    /// - after a crossing the outside of a tick is global - outside (wrapping).
    #[test]
    fn fee_growth_inside_and_crossing() {
        let tick = |o: u128| TickInfo {
            fee_growth_outside: [Uint256::from(o); 2],
            ..TickInfo::default()
        };
        let (lower, upper) = (tick(2), tick(3));
        let global = [Uint256::from(15u8); 2];
        assert_eq!(
            fee_growth_inside((-2, &lower), (2, &upper), 0, global),
            [Uint256::from(10u8); 2]
        );
        assert_eq!(
            fee_growth_inside((-2, &lower), (2, &upper), -4, global),
            [Uint256::MAX; 2]
        );
        let mut crossed = tick(20);
        cross(&mut crossed, global);
        assert_eq!(
            crossed.fee_growth_outside,
            [Uint256::MAX - Uint256::from(4u8); 2]
        );
    }

    #[test]
    fn ticks_outside_the_range_or_off_the_spacing_are_refused() {
        assert_eq!(
            check_tick(887_280, 60),
            Err(ContractError::TickOutOfRange { tick: 887_280 })
        );
        assert_eq!(
            check_tick(-30, 60),
            Err(ContractError::TickNotOnSpacing {
                tick: -30,
                tick_spacing: 60
            })
        );
        assert_eq!(
            check_range(60, 60, 60),
            Err(ContractError::InvalidRange {
                lower: 60,
                upper: 60
            })
        );
        assert_eq!(check_range(-60, 60, 60), Ok(()));
    }
}
