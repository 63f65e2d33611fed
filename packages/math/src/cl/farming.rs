//! Range-farming math (seed 003's virtual pools): growth per unit of liquidity that flips
//! outside a tick when the price crosses it, as v3's fee growth does, and what a position
//! earns from it. Pure functions, no storage.
//!
//! Two accumulators use it:
//! - **eternal farms**: reward per unit of in-range liquidity, `growth += reward * 2^128 / L`;
//! - **limit farms**: seconds per unit of in-range liquidity, `growth += dt * 2^128 / L`
//!   (v3-staker's `secondsPerLiquidity`), turned into a share of a fixed total at the end.
//!
//! Growth is Q128.128 in a `Uint256` and wraps modulo 2^256; only differences are used.
//! Every quotient rounds down: what a farm credits never exceeds what it spent.
use cosmwasm_std::{Uint128, Uint256, Uint512};

use crate::MathError;

/// `2^128`, the Q128.128 one.
pub const Q128: Uint256 = super::u256_from_halves(1, 0);

/// Growth between `lower` and `upper` (`lower < upper`) with the price at `current_tick`, from
/// the global growth and each end's outside growth, wrapping (v3's `getFeeGrowthInside`).
pub fn growth_inside(
    current_tick: i32,
    (lower, outside_lower): (i32, Uint256),
    (upper, outside_upper): (i32, Uint256),
    global: Uint256,
) -> Uint256 {
    let below = if current_tick >= lower {
        outside_lower
    } else {
        global.wrapping_sub(outside_lower)
    };
    let above = if current_tick < upper {
        outside_upper
    } else {
        global.wrapping_sub(outside_upper)
    };
    global.wrapping_sub(below).wrapping_sub(above)
}

/// The outside growth a tick starts with when it is first used: everything so far counts as
/// below it when the price is at or above it (v3's convention), none otherwise.
pub fn initial_outside(tick: i32, current_tick: i32, global: Uint256) -> Uint256 {
    if tick <= current_tick {
        global
    } else {
        Uint256::zero()
    }
}

/// The outside growth after the price crosses the tick (either way).
pub fn flip_outside(outside: Uint256, global: Uint256) -> Uint256 {
    global.wrapping_sub(outside)
}

/// Growth added by spreading `amount` over `liquidity`: `floor(amount * 2^128 / liquidity)`.
/// `amount` fits 128 bits, so the product fits 256.
pub fn growth_of(amount: u128, liquidity: u128) -> Result<Uint256, MathError> {
    if liquidity == 0 {
        return Err(MathError::DivideByZero);
    }
    Ok((Uint256::from(amount) << 128) / Uint256::from(liquidity))
}

/// What `liquidity` earned from a growth difference: `floor(delta * liquidity / 2^128)`.
/// Errors only when the result exceeds `u128` (a growth difference no farm of `u128` rewards
/// can produce for liquidity it counted).
pub fn earned(delta: Uint256, liquidity: u128) -> Result<u128, MathError> {
    let product: Uint512 = delta.full_mul(Uint256::from(liquidity));
    let shifted = product >> 128;
    let value = Uint256::try_from(shifted).map_err(|_| MathError::Overflow("earned"))?;
    to_u128(value, "earned")
}

/// A limit farm's share of `total` for a position: `floor(total * seconds_delta * liquidity /
/// (active_secs * 2^128))`, with `seconds_delta` the seconds-per-liquidity growth inside the
/// position's range over the campaign. `seconds_delta * liquidity / 2^128` is at most the
/// active seconds (the position is part of the in-range liquidity it was divided by), so the
/// product fits 512 bits and the share is at most `total`.
pub fn limit_share(
    total: u128,
    seconds_delta: Uint256,
    liquidity: u128,
    active_secs: u64,
) -> Result<u128, MathError> {
    if active_secs == 0 {
        return Err(MathError::DivideByZero);
    }
    let weighted: Uint512 = seconds_delta.full_mul(Uint256::from(liquidity));
    let numerator = weighted
        .checked_mul(Uint512::from(total))
        .map_err(|_| MathError::Overflow("limit_share"))?;
    let denominator = Uint512::from(active_secs) << 128;
    let share = numerator / denominator;
    let share = Uint256::try_from(share).map_err(|_| MathError::Overflow("limit_share"))?;
    Ok(to_u128(share, "limit_share")?.min(total))
}

/// `floor(total * part / whole)`: a limit farm's split by liquidity when no farmed liquidity
/// was ever in range.
pub fn pro_rata(total: u128, part: u128, whole: u128) -> Result<u128, MathError> {
    if whole == 0 {
        return Err(MathError::DivideByZero);
    }
    let product = Uint256::from(total).full_mul(Uint256::from(part));
    let share = product / Uint512::from(whole);
    let share = Uint256::try_from(share).map_err(|_| MathError::Overflow("pro_rata"))?;
    to_u128(share, "pro_rata")
}

fn to_u128(value: Uint256, operation: &'static str) -> Result<u128, MathError> {
    Uint128::try_from(value)
        .map(|v| v.u128())
        .map_err(|_| MathError::Overflow(operation))
}

/// `min(rate * secs, reserve)`: what a rate may spend over `secs` from what is left.
pub fn capped_emission(rate: u128, secs: u64, reserve: u128) -> u128 {
    rate.saturating_mul(u128::from(secs)).min(reserve)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u(v: u128) -> Uint256 {
        Uint256::from(v)
    }

    #[test]
    fn q128_is_two_to_the_128() {
        assert_eq!(Q128, Uint256::one() << 128);
    }

    /// Global 15, outside lower 2, outside upper 3 over [-2, 2):
    /// - price inside (0): below = 2, above = 3, inside 10;
    /// - price below (-4): below = 15 - 2 = 13, above 3, inside 15 - 13 - 3 = -1 (wraps);
    /// - price above (4): below 2, above 15 - 3 = 12, inside 1.
    #[test]
    fn growth_inside_follows_v3() {
        let at = |tick| growth_inside(tick, (-2, u(2)), (2, u(3)), u(15));
        assert_eq!(at(0), u(10));
        assert_eq!(at(-4), Uint256::MAX);
        assert_eq!(at(4), u(1));
        // The upper tick itself is outside the range; the lower is inside.
        assert_eq!(at(2), u(1));
        assert_eq!(at(-2), u(10));
    }

    #[test]
    fn new_ticks_and_crossings() {
        assert_eq!(initial_outside(-60, 0, u(7)), u(7));
        assert_eq!(initial_outside(0, 0, u(7)), u(7));
        assert_eq!(initial_outside(60, 0, u(7)), u(0));
        assert_eq!(flip_outside(u(3), u(10)), u(7));
        assert_eq!(flip_outside(u(10), u(3)), Uint256::MAX - u(6));
    }

    /// 1000 units over L = 4000: growth floor(1000 * 2^128 / 4000) = 2^128 / 4 exactly;
    /// L = 1000 earns floor(2^126 * 1000 / 2^128) = 250, L = 3000 earns 750.
    #[test]
    fn growth_and_earnings_round_down() {
        let g = growth_of(1_000, 4_000).unwrap();
        assert_eq!(g, Q128 / u(4));
        assert_eq!(earned(g, 1_000).unwrap(), 250);
        assert_eq!(earned(g, 3_000).unwrap(), 750);
        // 1 over L = 3: floor(2^128 / 3); L = 3 earns floor(3 * floor(2^128/3) / 2^128) = 0.
        let third = growth_of(1, 3).unwrap();
        assert_eq!(earned(third, 3).unwrap(), 0);
        assert_eq!(growth_of(1, 0), Err(MathError::DivideByZero));
    }

    /// Extremes: 18-decimal totals (1e30 = 1e12 tokens) over L = 1 and L = 2^127.
    /// - L = 1: growth 1e30 * 2^128 (fits 256 bits: 1e30 < 2^100), earned back exactly;
    /// - L = 2^127: growth floor(1e30 * 2^128 / 2^127) = 2e30, earned floor(2e30 * 2^127 /
    ///   2^128) = 1e30 exactly; and L = 2^127 - 1 earns floor(2e30 * (2^127 - 1) / 2^128) =
    ///   1e30 - 1 (2e30 / 2^128 < 1 is the lost fraction, rounded down to a whole unit).
    #[test]
    fn precision_holds_at_the_extremes() {
        let total = 10u128.pow(30);
        assert_eq!(earned(growth_of(total, 1).unwrap(), 1).unwrap(), total);
        let big = 1u128 << 127;
        let g = growth_of(total, big).unwrap();
        assert_eq!(g, u(2 * total));
        assert_eq!(earned(g, big).unwrap(), total);
        assert_eq!(earned(g, big - 1).unwrap(), total - 1);
        // 6 decimals: 1 unit per second for a year over L = 2^127 still counts every unit.
        let year = 31_536_000u128;
        assert_eq!(earned(growth_of(year, big).unwrap(), big).unwrap(), year);
    }

    /// The seed's limit example: campaign [1000, 2000], total 1000. A = [0, 100) with L 1000
    /// in range until 1600, B = [-100, 200) with L 1000 always:
    /// - 600 s at L 2000: spl += 600 * 2^128 / 2000 = 0.3 * 2^128 (floored);
    /// - 400 s at L 1000: spl += 0.4 * 2^128 (floored);
    /// - A: floor(1000 * floor(0.3 * 2^128) * 1000 / (1000 * 2^128)) = 299 (the floor of the
    ///   growth takes a fraction, 0.3 * 2^128 is not whole); B: 0.7 -> 699.
    #[test]
    fn limit_share_of_the_seed_example() {
        let first = growth_of(600, 2_000).unwrap();
        let second = growth_of(400, 1_000).unwrap();
        assert_eq!(limit_share(1_000, first, 1_000, 1_000).unwrap(), 299);
        assert_eq!(
            limit_share(1_000, first + second, 1_000, 1_000).unwrap(),
            699
        );
        assert_eq!(
            limit_share(1_000, first, 1_000, 0),
            Err(MathError::DivideByZero)
        );
        assert_eq!(pro_rata(1_000, 1, 3).unwrap(), 333);
        assert_eq!(capped_emission(5, 10, 30), 30);
        assert_eq!(capped_emission(u128::MAX, u64::MAX, 7), 7);
    }
}
