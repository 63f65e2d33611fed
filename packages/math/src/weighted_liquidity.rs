//! Joins and exits of a two-asset Balancer weighted pool: the LP supply, the
//! proportional join and exit, and the single-asset join and exit with the swap fee charged only
//! on the part beyond proportional.
//!
//! Everything rounds in favour of the pool: LP tokens and amounts paid out round down, amounts
//! paid in round up, and `pow` is bracketed with `pow_down` / `pow_up` so its error margin also
//! favours the pool. Hence the invariant per LP share, `prod(b_i ^ w_i) / supply`, never decreases
//! (property-tested below with exact integer comparisons).
//!
//! Weights are normalized 1e18 fixed point; fees are basis points below 10_000.
use cosmwasm_std::{Uint128, Uint256};

use crate::fixed_point::{complement, div_down, div_up, mul_down, mul_up, pow_down, pow_up, ONE};
use crate::mul_div::{mul_div_ceil, mul_div_floor};
use crate::scaling::scale_up;
use crate::weighted::{
    check_balances, check_fee, check_weight, check_weights, fee_on, to_u128, MAX_IN_RATIO,
    MAX_OUT_RATIO,
};
use crate::MathError;

/// LP tokens minted to the pool itself at the first join and never redeemable, so the supply
/// can never return to zero (first-depositor share-inflation defence).
pub const MINIMUM_LIQUIDITY: Uint128 = Uint128::new(1_000);

/// `prod(b_i ^ w_i)` in token units, rounded down (`pow_down`, `mul_down`). Balances may be zero
/// (the result is then 0).
///
/// Each balance is read as a 1e18 fixed-point number: `(b / 1e18) ^ w * 1e18` per factor, and
/// since the weights sum to 1 the product of the two factors (`mul_down`) is `b0^w0 * b1^w1` in
/// the balances' own units.
pub fn invariant(balances: [Uint128; 2], weights: [Uint128; 2]) -> Result<Uint128, MathError> {
    let (w0, w1) = check_weights(weights[0], weights[1])?;
    let f0 = pow_down(balances[0].into(), w0)?;
    let f1 = pow_down(balances[1].into(), w1)?;
    to_u128(mul_down(f0, f1)?, "invariant")
}

/// First join: the LP supply is the invariant of the deposited amounts, rounded down. Both
/// amounts must be positive and the supply must exceed [`MINIMUM_LIQUIDITY`]. Returns the whole
/// initial supply; the caller locks `MINIMUM_LIQUIDITY` of it.
pub fn initial_lp_supply(
    amounts: [Uint128; 2],
    weights: [Uint128; 2],
) -> Result<Uint128, MathError> {
    if amounts[0].is_zero() || amounts[1].is_zero() {
        return Err(MathError::ZeroAmount);
    }
    let liquidity = invariant(amounts, weights)?;
    if liquidity <= MINIMUM_LIQUIDITY {
        return Err(MathError::InsufficientLiquidity {
            liquidity,
            minimum: MINIMUM_LIQUIDITY,
        });
    }
    Ok(liquidity)
}

/// First join of a pool whose assets have `decimals`: [`initial_lp_supply`] of the amounts
/// scaled up to 18 decimals (exactly, `scaling::scale_up`), so the supply is an 18-decimal
/// amount whatever the assets' decimals.
///
/// Only the invariant needs the scaling: every other join, exit and swap formula is a ratio of
/// balances and amounts of the same asset, unchanged by a common factor, and its results stay
/// in the asset's own base units.
pub fn initial_lp_supply_scaled(
    amounts: [Uint128; 2],
    weights: [Uint128; 2],
    decimals: [u8; 2],
) -> Result<Uint128, MathError> {
    let scaled = [
        scale_up(amounts[0], decimals[0])?,
        scale_up(amounts[1], decimals[1])?,
    ];
    initial_lp_supply(scaled, weights)
}

/// A proportional join: the LP tokens minted and what the pool takes of each asset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ProportionalJoin {
    pub lp_out: Uint128,
    pub amounts_in: [Uint128; 2],
}

/// `lp_out = min_i floor(max_i * supply / b_i)` (credit rounds down);
/// `amounts_in_i = ceil(lp_out * b_i / supply)` (payment rounds up, never above `max_i`, since
/// `lp_out * b_i / supply <= max_i`). Balances and supply must be positive; `lp_out == 0` is
/// `ZeroAmount`.
pub fn join_proportional(
    balances: [Uint128; 2],
    supply: Uint128,
    max_amounts: [Uint128; 2],
) -> Result<ProportionalJoin, MathError> {
    check_balances(balances[0], balances[1])?;
    if supply.is_zero() {
        return Err(MathError::DivideByZero);
    }
    // LP tokens are credited: floor; the smaller side limits the join.
    let lp_0 = mul_div_floor(max_amounts[0], supply, balances[0])?;
    let lp_1 = mul_div_floor(max_amounts[1], supply, balances[1])?;
    let lp_out = lp_0.min(lp_1);
    if lp_out.is_zero() {
        return Err(MathError::ZeroAmount);
    }
    // What the joiner pays: ceil.
    let amounts_in = [
        mul_div_ceil(lp_out, balances[0], supply)?,
        mul_div_ceil(lp_out, balances[1], supply)?,
    ];
    Ok(ProportionalJoin { lp_out, amounts_in })
}

/// A single-asset join: the LP tokens minted and the swap fee taken from the amount in (the fee
/// stays in the pool, less the protocol's share).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SingleJoin {
    pub lp_out: Uint128,
    pub fee: Uint128,
}

/// Balancer's `bptOutGivenExactTokensIn` for one token of weight `w`.
///
/// A proportional join would take `w * amount_in` of this token (and sell none of it), so that
/// part pays no fee; the rest, `taxable = ceil(amount_in * (1 - w))`, is in effect swapped for the
/// other asset and pays `fee = ceil(taxable * fee_bps / 10_000)`. Then
/// `balance_ratio = floor((b + amount_in - fee) / b)` and
/// `lp_out = floor(supply * (pow_down(balance_ratio, w) - 1))`.
///
/// `amount_in` must be positive and at most 30% of `balance` (`TradeTooLarge`); `1% <= w <= 99%`;
/// `lp_out == 0` is `ZeroAmount`.
pub fn join_single(
    balance: Uint128,
    weight: Uint128,
    supply: Uint128,
    amount_in: Uint128,
    fee_bps: u16,
) -> Result<SingleJoin, MathError> {
    let w = check_weight(weight)?;
    check_fee(fee_bps)?;
    check_balances(balance, supply)?;
    if amount_in.is_zero() {
        return Err(MathError::ZeroAmount);
    }
    let b = Uint256::from(balance);
    let a_in = Uint256::from(amount_in);
    if a_in > mul_down(b, MAX_IN_RATIO)? {
        return Err(MathError::TradeTooLarge { side: "max in" });
    }
    // The fee base rounds up (the joiner pays), and so does the fee itself.
    let taxable = to_u128(mul_up(a_in, complement(w))?, "join_single")?;
    let fee = fee_on(taxable, fee_bps)?;
    // fee <= taxable <= amount_in, so the subtraction cannot underflow.
    let ratio = div_down(b + a_in - Uint256::from(fee), b)?;
    let growth = pow_down(ratio, w)?.saturating_sub(ONE);
    let lp_out = to_u128(mul_down(supply.into(), growth)?, "join_single")?;
    if lp_out.is_zero() {
        return Err(MathError::ZeroAmount);
    }
    Ok(SingleJoin { lp_out, fee })
}

/// `amounts_out_i = floor(b_i * lp_in / supply)`. `lp_in` must be positive (`ZeroAmount`) and
/// below the supply (`ExitExceedsSupply`).
pub fn exit_proportional(
    balances: [Uint128; 2],
    supply: Uint128,
    lp_in: Uint128,
) -> Result<[Uint128; 2], MathError> {
    check_lp_in(supply, lp_in)?;
    // Paid out: floor.
    Ok([
        mul_div_floor(balances[0], lp_in, supply)?,
        mul_div_floor(balances[1], lp_in, supply)?,
    ])
}

/// A single-asset exit: what the exiting holder receives and the swap fee kept by the pool.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SingleExit {
    pub amount_out: Uint128,
    pub fee: Uint128,
}

/// Balancer's `tokenOutGivenExactBptIn` for one token of weight `w`.
///
/// `invariant_ratio = ceil((supply - lp_in) / supply)`;
/// `balance_ratio = pow_up(invariant_ratio, floor(1 / w))`: the base is below 1, so rounding the
/// base and the power up and the exponent *down* all raise the ratio, i.e. lower the payout;
/// `gross = floor(b * (1 - balance_ratio))`, at most 30% of `b` (`TradeTooLarge`);
/// the part beyond proportional (`taxable = ceil(gross * (1 - w))`) pays
/// `fee = ceil(taxable * fee_bps / 10_000)`; `amount_out = gross - fee`.
///
/// `lp_in` must be positive and below the supply; `1% <= w <= 99%`; `amount_out == 0` is
/// `ZeroAmount`.
pub fn exit_single(
    balance: Uint128,
    weight: Uint128,
    supply: Uint128,
    lp_in: Uint128,
    fee_bps: u16,
) -> Result<SingleExit, MathError> {
    let w = check_weight(weight)?;
    check_fee(fee_bps)?;
    check_lp_in(supply, lp_in)?;
    let (b, s) = check_balances(balance, supply)?;
    let invariant_ratio = div_up(s - Uint256::from(lp_in), s)?;
    let exponent = div_down(ONE, w)?;
    let balance_ratio = pow_up(invariant_ratio, exponent)?;
    let gross = mul_down(b, complement(balance_ratio))?;
    if gross > mul_down(b, MAX_OUT_RATIO)? {
        return Err(MathError::TradeTooLarge { side: "max out" });
    }
    let gross = to_u128(gross, "exit_single")?;
    // The fee base and the fee round up: the exiting holder pays them.
    let taxable = to_u128(mul_up(gross.into(), complement(w))?, "exit_single")?;
    let fee = fee_on(taxable, fee_bps)?;
    // fee <= taxable <= gross.
    let amount_out = gross - fee;
    if amount_out.is_zero() {
        return Err(MathError::ZeroAmount);
    }
    Ok(SingleExit { amount_out, fee })
}

/// An exit burns a positive amount of LP tokens, less than the whole supply.
fn check_lp_in(supply: Uint128, lp_in: Uint128) -> Result<(), MathError> {
    if lp_in.is_zero() {
        return Err(MathError::ZeroAmount);
    }
    if lp_in >= supply {
        return Err(MathError::ExitExceedsSupply { lp_in, supply });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const E18: u128 = 1_000_000_000_000_000_000;

    fn w(percent: u128) -> Uint128 {
        Uint128::new(percent * E18 / 100)
    }

    fn n(v: u128) -> Uint128 {
        Uint128::new(v)
    }

    // How the pow-based vectors below are derived: `pow_raw` is within 1e-30 relative of the true
    // power before its final floor (fixed_point docs), so unless the true value lies within
    // ~1e-12 wei of an integer, raw = floor(x^y * 1e18). Then margin = ceil(raw * 1e4 / 1e18) + 1,
    // pow_down = raw - margin and pow_up = raw + margin. Powers of two are exact: ln(2^k) is
    // k * LN2_36 with no series term, and exp(j * LN2_36) is exactly 2^j.

    #[test]
    fn invariant_of_small_balances_is_one_below_the_root() {
        // 50/50 of (100, 400) wei: sqrt(100 * 400) = 200. As fixed point, sqrt(100e-18) = 1e-8 is
        // 1e10 wei; raw is 1e10 (or 1 wei off, the value being an integer); margin =
        // ceil(1e10 * 1e4 / 1e18) + 1 = 2, so pow_down = 1e10 - 2 (+-1). Likewise 2e10 - 2 (+-1)
        // for 400. mul_down: (1e10 - a)(2e10 - b) / 1e18 = 200 - (2a + b) * 1e-8 + ab * 1e-18,
        // floored to 199 for every a, b in 1..=3. One unit below: the pow margin, then the floor.
        assert_eq!(invariant([n(100), n(400)], [w(50), w(50)]), Ok(n(199)));
    }

    #[test]
    fn invariant_of_powers_of_two_is_exact_minus_the_margin() {
        // 50/50 of (4e18, 16e18): sqrt(64) = 8 tokens. 4^0.5 = 2 exactly, so raw = 2e18 and
        // pow_down = 2e18 - (20_000 + 1); 16^0.5 = 4: 4e18 - 40_001.
        // (2e18 - 20_001)(4e18 - 40_001) / 1e18 = 8e18 - 80_002 - 80_004 + 800_060_001e-18,
        // floored: 8e18 - 160_006.
        assert_eq!(
            invariant([n(4 * E18), n(16 * E18)], [w(50), w(50)]),
            Ok(n(8 * E18 - 160_006))
        );
        // 80/20 of (32e18, 1024e18): 32^0.8 * 1024^0.2 = 16 * 4 = 64 tokens.
        // pow_down(32, 0.8) = 16e18 - (160_000 + 1); pow_down(1024, 0.2) = 4e18 - 40_001.
        // (16e18 - 160_001)(4e18 - 40_001) / 1e18 = 64e18 - 640_016 - 640_004
        // + 6_400_200_001e-18, floored: 64e18 - 1_280_020.
        assert_eq!(
            invariant([n(32 * E18), n(1024 * E18)], [w(80), w(20)]),
            Ok(n(64 * E18 - 1_280_020))
        );
        // A zero balance gives 0.
        assert_eq!(
            invariant([Uint128::zero(), n(E18)], [w(50), w(50)]),
            Ok(Uint128::zero())
        );
        assert_eq!(
            invariant([n(E18), n(E18)], [w(50), w(49)]),
            Err(MathError::InvalidWeights)
        );
    }

    #[test]
    fn initial_supply_must_exceed_the_locked_minimum() {
        // 50/50 of (a, a) is a less the pow margin: sqrt(a * 1e-18) * 1e18 = sqrt(a) * 1e9.
        // a = 1001: raw = floor(31_638_584_039.11) = 31_638_584_039, margin 2, squared / 1e18 =
        // 1000.99999985... -> 1000, not above 1000.
        assert_eq!(
            initial_lp_supply([n(1_001), n(1_001)], [w(50), w(50)]),
            Err(MathError::InsufficientLiquidity {
                liquidity: n(1_000),
                minimum: MINIMUM_LIQUIDITY,
            })
        );
        // a = 1002: raw = floor(31_654_383_582.69) = 31_654_383_582, pow_down 31_654_383_580,
        // squared / 1e18 = 1001.99999987... -> 1001.
        assert_eq!(
            initial_lp_supply([n(1_002), n(1_002)], [w(50), w(50)]),
            Ok(n(1_001))
        );
        assert_eq!(
            initial_lp_supply([n(4 * E18), n(16 * E18)], [w(50), w(50)]),
            Ok(n(8 * E18 - 160_006))
        );
        assert_eq!(
            initial_lp_supply([Uint128::zero(), n(E18)], [w(50), w(50)]),
            Err(MathError::ZeroAmount)
        );
        assert_eq!(
            initial_lp_supply([n(E18), n(E18)], [n(E18 / 200), n(E18 - E18 / 200)]),
            Err(MathError::InvalidWeights)
        );
    }

    #[test]
    fn initial_supply_scaled_is_the_invariant_at_18_decimals() {
        // 50/50 of 4 WFUSE (18 decimals: 4e18) and 16 FUSD (6 decimals: 16e6 * 10^12 = 16e18
        // scaled): the scaled balances are the (4e18, 16e18) of the vector above, so the supply
        // is 8e18 - 160_006, i.e. 8 LP at 18 decimals less the pow margin.
        assert_eq!(
            initial_lp_supply_scaled([n(4 * E18), n(16_000_000)], [w(50), w(50)], [18, 6]),
            Ok(n(8 * E18 - 160_006))
        );
        // 80/20 of 32 tokens at 6 decimals (32e6 -> 32e18) and 1024 at 0 decimals
        // (1024 * 10^18): the (32e18, 1024e18) vector above, 64e18 - 1_280_020.
        assert_eq!(
            initial_lp_supply_scaled([n(32_000_000), n(1_024)], [w(80), w(20)], [6, 0]),
            Ok(n(64 * E18 - 1_280_020))
        );
        // 18 decimals is factor 1: the raw supply of the test above, 1001.
        assert_eq!(
            initial_lp_supply_scaled([n(1_002), n(1_002)], [w(50), w(50)], [18, 18]),
            Ok(n(1_001))
        );
        // Bad inputs: decimals above 18, a zero amount, a scaled amount beyond u128.
        assert_eq!(
            initial_lp_supply_scaled([n(E18), n(E18)], [w(50), w(50)], [6, 19]),
            Err(MathError::DecimalsTooLarge { decimals: 19 })
        );
        assert_eq!(
            initial_lp_supply_scaled([Uint128::zero(), n(E18)], [w(50), w(50)], [6, 6]),
            Err(MathError::ZeroAmount)
        );
        assert_eq!(
            initial_lp_supply_scaled([Uint128::MAX, n(E18)], [w(50), w(50)], [17, 18]),
            Err(MathError::Overflow("scale_up"))
        );
    }

    #[test]
    fn join_proportional_credits_down_and_charges_up() {
        // (100, 50), supply 30, max (10, 10): floor(10 * 30 / 100) = 3, floor(10 * 30 / 50) = 6,
        // so 3 LP; pays ceil(3 * 100 / 30) = 10 and ceil(3 * 50 / 30) = 5.
        assert_eq!(
            join_proportional([n(100), n(50)], n(30), [n(10), n(10)]),
            Ok(ProportionalJoin {
                lp_out: n(3),
                amounts_in: [n(10), n(5)],
            })
        );
        // (1000, 333), supply 100, max (77, 77): floor(7.7) = 7, floor(23.12) = 23 -> 7 LP;
        // pays ceil(7 * 1000 / 100) = 70 and ceil(7 * 333 / 100) = ceil(23.31) = 24 <= 77.
        assert_eq!(
            join_proportional([n(1_000), n(333)], n(100), [n(77), n(77)]),
            Ok(ProportionalJoin {
                lp_out: n(7),
                amounts_in: [n(70), n(24)],
            })
        );
    }

    #[test]
    fn join_proportional_bad_inputs() {
        // floor(50 * 10 / 1000) = 0 LP.
        assert_eq!(
            join_proportional([n(1_000), n(1_000)], n(10), [n(50), n(5_000)]),
            Err(MathError::ZeroAmount)
        );
        assert_eq!(
            join_proportional([n(1_000), n(1_000)], n(10), [Uint128::zero(), n(5_000)]),
            Err(MathError::ZeroAmount)
        );
        assert_eq!(
            join_proportional([n(1_000), n(1_000)], Uint128::zero(), [n(5), n(5)]),
            Err(MathError::DivideByZero)
        );
        assert_eq!(
            join_proportional([Uint128::zero(), n(1_000)], n(10), [n(5), n(5)]),
            Err(MathError::DivideByZero)
        );
    }

    #[test]
    fn join_single_charges_the_fee_on_the_non_proportional_part_only() {
        // 50/50, b = 100e18, supply 100e18, 10e18 in, fee 1%. A proportional join would take half
        // of the 10 of this token, so only 5e18 is taxable: fee = ceil(5e18 * 100 / 1e4) = 5e16
        // (not the 1e17 a fee on the whole amount would be).
        // ratio = floor((100e18 + 10e18 - 5e16) / 100e18) = 1.0995e18 exactly.
        // sqrt(1.0995) = 1.048570455429676885572...: raw 1_048_570_455_429_676_885, margin
        // ceil(10_485.7...) + 1 = 10_487, pow_down 1_048_570_455_429_666_398.
        // lp = floor(100e18 * 0.048570455429666398) = 4_857_045_542_966_639_800
        // (exact: 100e18 * (sqrt(1.0995) - 1) = 4_857_045_542_967_688_557.2).
        assert_eq!(
            join_single(n(100 * E18), w(50), n(100 * E18), n(10 * E18), 100),
            Ok(SingleJoin {
                lp_out: n(4_857_045_542_966_639_800),
                fee: n(50_000_000_000_000_000),
            })
        );
        // 80/20 joining the 80% token: b = 1000e18, supply 500e18, 100e18 in, 30 bps.
        // taxable = ceil(100e18 * 0.2) = 20e18; fee = ceil(20e18 * 30 / 1e4) = 6e16.
        // ratio = (1100e18 - 6e16) / 1000e18 = 1.09994 exactly.
        // 1.09994^0.8 = 1.079183251354215639774...: raw 1_079_183_251_354_215_639, margin
        // ceil(10_791.8...) + 1 = 10_793, pow_down 1_079_183_251_354_204_846.
        // lp = floor(500e18 * 0.079183251354204846) = 39_591_625_677_102_423_000.
        assert_eq!(
            join_single(n(1_000 * E18), w(80), n(500 * E18), n(100 * E18), 30),
            Ok(SingleJoin {
                lp_out: n(39_591_625_677_102_423_000),
                fee: n(60_000_000_000_000_000),
            })
        );
    }

    #[test]
    fn join_single_bad_inputs() {
        let (b, s) = (n(100 * E18), n(100 * E18));
        // 30% of b is allowed, one wei more is not.
        assert!(join_single(b, w(50), s, n(30 * E18), 30).is_ok());
        assert_eq!(
            join_single(b, w(50), s, n(30 * E18 + 1), 30),
            Err(MathError::TradeTooLarge { side: "max in" })
        );
        assert_eq!(
            join_single(b, w(50), s, Uint128::zero(), 30),
            Err(MathError::ZeroAmount)
        );
        // 1 wei into 1e18: ratio = 1e18 + 1, whose root is below 1 + margin, so 0 LP.
        assert_eq!(
            join_single(n(E18), w(50), n(E18), n(1), 0),
            Err(MathError::ZeroAmount)
        );
        // Weights below 1% or above 99%.
        assert_eq!(
            join_single(b, n(E18 / 200), s, n(E18), 30),
            Err(MathError::InvalidWeights)
        );
        assert_eq!(
            join_single(b, n(E18 - E18 / 200), s, n(E18), 30),
            Err(MathError::InvalidWeights)
        );
        assert!(join_single(b, w(1), s, n(E18), 30).is_ok());
        assert!(join_single(b, w(99), s, n(E18), 30).is_ok());
        assert_eq!(
            join_single(b, w(50), s, n(E18), 10_000),
            Err(MathError::InvalidFee { fee_bps: 10_000 })
        );
        assert_eq!(
            join_single(Uint128::zero(), w(50), s, n(E18), 30),
            Err(MathError::DivideByZero)
        );
        assert_eq!(
            join_single(b, w(50), Uint128::zero(), n(E18), 30),
            Err(MathError::DivideByZero)
        );
    }

    #[test]
    fn exit_proportional_pays_down() {
        // (100, 7), supply 30, 10 LP: floor(1000 / 30) = 33, floor(70 / 30) = 2.
        assert_eq!(
            exit_proportional([n(100), n(7)], n(30), n(10)),
            Ok([n(33), n(2)])
        );
        // 29 of 30: floor(2900 / 30) = 96, floor(203 / 30) = 6.
        assert_eq!(
            exit_proportional([n(100), n(7)], n(30), n(29)),
            Ok([n(96), n(6)])
        );
        assert_eq!(
            exit_proportional([n(100), n(7)], n(30), n(30)),
            Err(MathError::ExitExceedsSupply {
                lp_in: n(30),
                supply: n(30),
            })
        );
        assert_eq!(
            exit_proportional([n(100), n(7)], n(30), Uint128::zero()),
            Err(MathError::ZeroAmount)
        );
    }

    #[test]
    fn exit_single_vectors() {
        // 50/50: b = 100e18, supply 100e18, 10e18 LP, fee 1%.
        // invariant_ratio = ceil(90 / 100) = 0.9 exactly; exponent floor(1 / 0.5) = 2 exactly, a
        // special case: ceil(0.9 * 0.9) = 0.81. gross = floor(100e18 * 0.19) = 19e18.
        // taxable = ceil(19e18 * 0.5) = 9.5e18; fee = ceil(9.5e18 * 100 / 1e4) = 9.5e16;
        // out = 19e18 - 9.5e16 = 18.905e18.
        assert_eq!(
            exit_single(n(100 * E18), w(50), n(100 * E18), n(10 * E18), 100),
            Ok(SingleExit {
                amount_out: n(18_905_000_000_000_000_000),
                fee: n(95_000_000_000_000_000),
            })
        );
        // 20% token: b = 1000e18, supply 300e18, 7e18 LP, 30 bps.
        // invariant_ratio = ceil(293 / 300 * 1e18) = 976_666_666_666_666_667; exponent
        // floor(1 / 0.2) = 5 (not a special case, so ln/exp).
        // 0.976666666666666667^5 = 0.888652215923045269006...: raw 888_652_215_923_045_269,
        // margin ceil(8_886.5...) + 1 = 8_888, pow_up 888_652_215_923_054_157.
        // gross = floor(1000e18 * 0.111347784076945843) = 111_347_784_076_945_843_000
        // (exact: 1000e18 * (1 - (293/300)^5) = 111_347_784_076_954_732_510.3).
        // taxable = ceil(gross * 0.8) = 89_078_227_261_556_674_400;
        // fee = ceil(taxable * 30 / 1e4) = ceil(267_234_681_784_670_023.2) =
        // 267_234_681_784_670_024; out = gross - fee = 111_080_549_395_161_172_976.
        assert_eq!(
            exit_single(n(1_000 * E18), w(20), n(300 * E18), n(7 * E18), 30),
            Ok(SingleExit {
                amount_out: n(111_080_549_395_161_172_976),
                fee: n(267_234_681_784_670_024),
            })
        );
    }

    #[test]
    fn exit_single_bad_inputs() {
        let (b, s) = (n(100 * E18), n(100 * E18));
        // 16 of 100 LP: 1 - 0.84^2 = 29.44% of b, allowed; 17: 1 - 0.83^2 = 31.11%, too much.
        assert!(exit_single(b, w(50), s, n(16 * E18), 30).is_ok());
        assert_eq!(
            exit_single(b, w(50), s, n(17 * E18), 30),
            Err(MathError::TradeTooLarge { side: "max out" })
        );
        assert_eq!(
            exit_single(b, w(50), s, Uint128::zero(), 30),
            Err(MathError::ZeroAmount)
        );
        assert_eq!(
            exit_single(b, w(50), s, s, 30),
            Err(MathError::ExitExceedsSupply {
                lp_in: s,
                supply: s
            })
        );
        // 1 LP of 1e18 against 1e18: ratio ceil(1 - 1e-18) = 1e18 - 1, squared and rounded up
        // 1e18 - 1 (the exact square is 1e18 - 2 + 1e-18), gross = floor(1e18 * 1e-18) = 1;
        // taxable ceil(0.5) = 1, fee ceil(0.003) = 1: nothing left to pay out.
        assert_eq!(
            exit_single(n(E18), w(50), n(E18), n(1), 30),
            Err(MathError::ZeroAmount)
        );
        assert_eq!(
            exit_single(b, n(E18 / 200), s, n(E18), 30),
            Err(MathError::InvalidWeights)
        );
        assert_eq!(
            exit_single(b, w(50), s, n(E18), 10_000),
            Err(MathError::InvalidFee { fee_bps: 10_000 })
        );
        assert_eq!(
            exit_single(Uint128::zero(), w(50), s, n(E18), 30),
            Err(MathError::DivideByZero)
        );
    }
}

/// Property tests over a simulated two-asset pool: every action keeps the invariant per LP share
/// from decreasing, and no join/exit or swap round trip returns more than it took.
#[cfg(test)]
mod properties {
    use super::*;
    use crate::weighted::{protocol_fee, swap_exact_in, swap_exact_out};
    use cosmwasm_std::Uint512;
    use num_bigint::BigUint;
    use proptest::prelude::*;

    const E18: u128 = 1_000_000_000_000_000_000;
    /// Random amounts are parts per million of a balance or of the supply.
    const PPM: u128 = 1_000_000;

    /// 256 cases by default; `TRELLIS_PROPTEST_CASES` overrides (as in the farm's tests).
    fn cases() -> u32 {
        std::env::var("TRELLIS_PROPTEST_CASES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(256)
    }

    /// A two-asset pool with weights `parts[i] / (parts[0] + parts[1])`, the sum dividing 100 so
    /// the weights are exact at 1e18, and its fee settings.
    #[derive(Clone, Copy, Debug)]
    struct Pool {
        balances: [u128; 2],
        supply: u128,
        parts: [u32; 2],
        fee_bps: u16,
        protocol_share_bps: u16,
    }

    /// What the user paid and received in one action, and the LP tokens minted to them.
    #[derive(Clone, Copy, Debug, Default)]
    struct Flow {
        paid: [u128; 2],
        received: [u128; 2],
        lp_minted: u128,
    }

    #[derive(Clone, Copy, Debug)]
    enum Op {
        JoinProportional([u128; 2]),
        JoinSingle(usize, u128),
        /// Asset in, amount in.
        SwapExactIn(usize, u128),
        /// Asset out, amount out.
        SwapExactOut(usize, u128),
        ExitProportional(u128),
        /// Asset out, LP in.
        ExitSingle(usize, u128),
    }

    impl Pool {
        fn weights(&self) -> [Uint128; 2] {
            let d = u128::from(self.parts[0] + self.parts[1]);
            self.parts.map(|p| Uint128::new(u128::from(p) * E18 / d))
        }

        /// `(b0^p0 * b1^p1, S^d)`: the invariant and the supply raised to `d`.
        fn powers(&self) -> (BigUint, BigUint) {
            let [p0, p1] = self.parts;
            // Up to 200 * 128 bits with a random weight p/100: beyond Uint512, so num-bigint.
            let inv =
                BigUint::from(self.balances[0]).pow(p0) * BigUint::from(self.balances[1]).pow(p1);
            (inv, BigUint::from(self.supply).pow(p0 + p1))
        }

        /// `I(self) / S(self) >= I(before) / S(before)`, exactly: `I' * S >= I * S'` to the d.
        fn per_share_not_below(&self, before: &Pool) -> bool {
            let (inv_after, s_after) = self.powers();
            let (inv_before, s_before) = before.powers();
            inv_after * s_before >= inv_before * s_after
        }

        /// Value of `amounts` at this pool's spot price, in units of asset 1 times `b0 * p1`:
        /// the price of asset 0 is `(b1 / w1) / (b0 / w0) = b1 * p0 / (b0 * p1)`.
        fn value(&self, amounts: [u128; 2]) -> Uint512 {
            let [p0, p1] = self.parts.map(|p| Uint512::from(u128::from(p)));
            let [b0, b1] = self.balances.map(Uint512::from);
            Uint512::from(amounts[0]) * b1 * p0 + Uint512::from(amounts[1]) * b0 * p1
        }

        fn pf(&self, fee: Uint128) -> u128 {
            protocol_fee(fee, self.protocol_share_bps).u128()
        }

        /// The pool after `op` (protocol fees leave the pool) and the user's flow.
        fn apply(&self, op: Op) -> Result<(Pool, Flow), MathError> {
            let (mut next, mut flow) = (*self, Flow::default());
            let (b, w, s, fee) = (self.balances, self.weights(), self.supply, self.fee_bps);
            let model = MathError::Overflow("model");
            match op {
                Op::JoinProportional(max) => {
                    let j =
                        join_proportional(b.map(Uint128::new), s.into(), max.map(Uint128::new))?;
                    for (i, a) in j.amounts_in.iter().enumerate() {
                        next.balances[i] = b[i].checked_add(a.u128()).ok_or(model.clone())?;
                        flow.paid[i] = a.u128();
                    }
                    next.supply = s.checked_add(j.lp_out.u128()).ok_or(model)?;
                    flow.lp_minted = j.lp_out.u128();
                }
                Op::JoinSingle(i, a) => {
                    let j = join_single(b[i].into(), w[i], s.into(), a.into(), fee)?;
                    next.balances[i] = b[i].checked_add(a).ok_or(model.clone())? - self.pf(j.fee);
                    next.supply = s.checked_add(j.lp_out.u128()).ok_or(model)?;
                    flow.paid[i] = a;
                    flow.lp_minted = j.lp_out.u128();
                }
                Op::SwapExactIn(i, a) => {
                    let o = 1 - i;
                    let r = swap_exact_in(b[i].into(), w[i], b[o].into(), w[o], a.into(), fee)?;
                    next.balances[i] = b[i].checked_add(a).ok_or(model)? - self.pf(r.fee);
                    next.balances[o] = b[o] - r.amount_out.u128();
                    flow.paid[i] = a;
                    flow.received[o] = r.amount_out.u128();
                }
                Op::SwapExactOut(o, a_out) => {
                    let i = 1 - o;
                    let r =
                        swap_exact_out(b[i].into(), w[i], b[o].into(), w[o], a_out.into(), fee)?;
                    let a_in = r.amount_in.u128();
                    next.balances[i] = b[i].checked_add(a_in).ok_or(model)? - self.pf(r.fee);
                    next.balances[o] = b[o] - a_out;
                    flow.paid[i] = a_in;
                    flow.received[o] = a_out;
                }
                Op::ExitProportional(lp) => {
                    let out = exit_proportional(b.map(Uint128::new), s.into(), lp.into())?;
                    for (i, a) in out.iter().enumerate() {
                        next.balances[i] = b[i] - a.u128();
                        flow.received[i] = a.u128();
                    }
                    next.supply = s - lp;
                }
                Op::ExitSingle(i, lp) => {
                    let e = exit_single(b[i].into(), w[i], s.into(), lp.into(), fee)?;
                    next.balances[i] = b[i] - e.amount_out.u128() - self.pf(e.fee);
                    next.supply = s - lp;
                    flow.received[i] = e.amount_out.u128();
                }
            }
            Ok((next, flow))
        }
    }

    /// The refusals a valid pool may give a random action: dust (`ZeroAmount`), the 30% caps,
    /// and an exact-out cost beyond u128 at extreme weights (or beyond the model's u128).
    fn expected_refusal(op: Op, e: &MathError) -> bool {
        matches!(e, MathError::ZeroAmount | MathError::TradeTooLarge { .. })
            || (matches!(
                op,
                Op::SwapExactOut(..) | Op::JoinProportional(..) | Op::JoinSingle(..)
            ) && matches!(e, MathError::Overflow(_)))
    }

    /// Weight shapes: 50/50, 80/20 and a random p/100 reduced to lowest terms.
    fn parts() -> impl Strategy<Value = [u32; 2]> {
        fn gcd(a: u32, b: u32) -> u32 {
            if b == 0 {
                a
            } else {
                gcd(b, a % b)
            }
        }
        prop_oneof![
            Just([1, 1]),
            Just([4, 1]),
            (1u32..=99).prop_map(|p| {
                let g = gcd(p, 100);
                [p / g, (100 - p) / g]
            }),
        ]
    }

    /// Balances from 1e4 to about 1e25, spread over the magnitudes.
    fn amount() -> impl Strategy<Value = u128> {
        (1_000u128..10_000, 1u32..=21).prop_map(|(m, e)| m * 10u128.pow(e))
    }

    fn pool() -> impl Strategy<Value = Pool> {
        (parts(), amount(), amount(), 0u16..=1_000, 0u16..=10_000).prop_map(
            |(parts, b0, b1, fee_bps, protocol_share_bps)| {
                let mut pool = Pool {
                    balances: [b0, b1],
                    supply: 0,
                    parts,
                    fee_bps,
                    protocol_share_bps,
                };
                // The invariant is at least about min(b0, b1) >= 1e4, above the minimum.
                pool.supply = initial_lp_supply([b0.into(), b1.into()], pool.weights())
                    .expect("a first join of at least 1e4 of each asset")
                    .u128();
                pool
            },
        )
    }

    /// A random action, sized in parts per million of the pool it meets (exits: of the LP
    /// tokens other than the locked minimum).
    #[derive(Clone, Copy, Debug)]
    enum Action {
        JoinProportional(u128, u128),
        JoinSingle(usize, u128),
        SwapExactIn(usize, u128),
        SwapExactOut(usize, u128),
        ExitProportional(u128),
        ExitSingle(usize, u128),
    }

    fn action() -> impl Strategy<Value = Action> {
        // Slightly beyond the 30% caps so refusals are exercised too.
        let asset = 0usize..2;
        prop_oneof![
            (1..=500_000u128, 1..=500_000u128).prop_map(|(a, b)| Action::JoinProportional(a, b)),
            (asset.clone(), 1..=310_000u128).prop_map(|(i, p)| Action::JoinSingle(i, p)),
            (asset.clone(), 1..=310_000u128).prop_map(|(i, p)| Action::SwapExactIn(i, p)),
            (asset.clone(), 1..=310_000u128).prop_map(|(i, p)| Action::SwapExactOut(i, p)),
            (1..=PPM).prop_map(Action::ExitProportional),
            (asset, 1..=200_000u128).prop_map(|(i, p)| Action::ExitSingle(i, p)),
        ]
    }

    /// `floor(x * ppm / 1e6)` without overflowing u128.
    fn ppm_of(x: u128, ppm: u128) -> u128 {
        x / PPM * ppm + x % PPM * ppm / PPM
    }

    fn op_for(pool: &Pool, action: Action) -> Op {
        let b = pool.balances;
        // The pool's own MINIMUM_LIQUIDITY is never redeemed.
        let redeemable = pool.supply - MINIMUM_LIQUIDITY.u128();
        match action {
            Action::JoinProportional(p0, p1) => {
                Op::JoinProportional([ppm_of(b[0], p0), ppm_of(b[1], p1)])
            }
            Action::JoinSingle(i, p) => Op::JoinSingle(i, ppm_of(b[i], p)),
            Action::SwapExactIn(i, p) => Op::SwapExactIn(i, ppm_of(b[i], p)),
            Action::SwapExactOut(o, p) => Op::SwapExactOut(o, ppm_of(b[o], p)),
            Action::ExitProportional(p) => Op::ExitProportional(ppm_of(redeemable, p)),
            Action::ExitSingle(i, p) => Op::ExitSingle(i, ppm_of(redeemable, p)),
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(cases()))]

        #[test]
        fn invariant_per_share_never_decreases(
            start in pool(),
            actions in prop::collection::vec(action(), 1..24),
        ) {
            let mut pool = start;
            for action in actions {
                let op = op_for(&pool, action);
                match pool.apply(op) {
                    Ok((next, _)) => {
                        prop_assert!(next.per_share_not_below(&pool), "{:?} on {:?} -> {:?}", op, pool, next);
                        prop_assert!(next.balances[0] > 0 && next.balances[1] > 0);
                        prop_assert!(next.supply >= MINIMUM_LIQUIDITY.u128());
                        pool = next;
                    }
                    Err(e) => prop_assert!(expected_refusal(op, &e), "{:?} on {:?}: {:?}", op, pool, e),
                }
            }
        }

        #[test]
        fn join_then_exit_returns_at_most_what_was_put_in(
            start in pool(),
            join_single_asset in prop::option::of(0usize..2),
            ppm in (1..=100_000u128, 1..=100_000u128),
            exit_single_asset in prop::option::of(0usize..2),
        ) {
            let join = match join_single_asset {
                Some(i) => Action::JoinSingle(i, ppm.0),
                None => Action::JoinProportional(ppm.0, ppm.1),
            };
            let join = op_for(&start, join);
            let (joined, paid) = match start.apply(join) {
                Ok(done) => done,
                Err(e) => {
                    prop_assert!(expected_refusal(join, &e), "{:?}: {:?}", join, e);
                    return Ok(());
                }
            };
            let lp = paid.lp_minted;
            let exit = match exit_single_asset {
                Some(i) => Op::ExitSingle(i, lp),
                None => Op::ExitProportional(lp),
            };
            let got = match joined.apply(exit) {
                Ok((_, got)) => got,
                Err(e) => {
                    prop_assert!(expected_refusal(exit, &e), "{:?}: {:?}", exit, e);
                    return Ok(());
                }
            };
            // Valued at the spot price before the join.
            prop_assert!(start.value(got.received) <= start.value(paid.paid),
                "paid {:?}, got {:?}", paid, got);
        }

        #[test]
        fn swap_round_trips_never_gain(
            start in pool(),
            a in 0usize..2,
            ppm in 1..=200_000u128,
            exact_out_there in any::<bool>(),
            exact_out_back in any::<bool>(),
        ) {
            // A -> B, then B -> A so that one asset nets to zero: sell what was received, or
            // buy back what was paid.
            let b = 1 - a;
            let there = if exact_out_there {
                Op::SwapExactOut(b, ppm_of(start.balances[b], ppm))
            } else {
                Op::SwapExactIn(a, ppm_of(start.balances[a], ppm))
            };
            let (mid, first) = match start.apply(there) {
                Ok(done) => done,
                Err(e) => {
                    prop_assert!(expected_refusal(there, &e), "{:?}: {:?}", there, e);
                    return Ok(());
                }
            };
            let back = if exact_out_back {
                Op::SwapExactOut(a, first.paid[a])
            } else {
                Op::SwapExactIn(b, first.received[b])
            };
            let second = match mid.apply(back) {
                Ok((_, second)) => second,
                Err(e) => {
                    prop_assert!(expected_refusal(back, &e), "{:?}: {:?}", back, e);
                    return Ok(());
                }
            };
            for k in 0..2 {
                prop_assert!(first.received[k] + second.received[k] <= first.paid[k] + second.paid[k],
                    "asset {}: {:?} then {:?}", k, first, second);
            }
        }
    }
}
