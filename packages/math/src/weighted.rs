//! Two-asset Balancer weighted-pool math.
//!
//! Weights are normalized 1e18 fixed-point values, each at least 1% and summing to exactly 1e18.
//! Every result is rounded against the trader: amounts out down, amounts in up, using
//! `fixed_point::pow_up` so the error margin of `pow` also favours the pool.
//!
//! The swap-with-fee wrappers charge the fee on the amount in, in basis points: the fee rounds up
//! (the trader pays it), the amount out rounds down. [`protocol_fee`] splits a fee between the
//! protocol (rounded down) and liquidity providers (the rest).
//!
//! Errors: zero balances are `DivideByZero`; invalid weights are `InvalidWeights`; swaps above
//! 30% of a balance are `TradeTooLarge`; fees of 100% or more are `InvalidFee`; a zero trade is
//! `ZeroAmount`.
use cosmwasm_std::{Uint128, Uint256};

use crate::fixed_point::{complement, div_down, div_up, mul_down, mul_up, pow_up, ONE};
use crate::mul_div::{mul_div_ceil, mul_div_floor, mul_div_u256, Rounding};
use crate::MathError;

/// Largest `amount_in` as a share of `balance_in`: 30%.
pub const MAX_IN_RATIO: Uint256 = Uint256::from_u128(300_000_000_000_000_000);
/// Largest `amount_out` as a share of `balance_out`: 30%.
pub const MAX_OUT_RATIO: Uint256 = Uint256::from_u128(300_000_000_000_000_000);
/// Smallest normalized weight: 1%.
pub const MIN_WEIGHT: Uint256 = Uint256::from_u128(10_000_000_000_000_000);
/// Basis points in 100%: fees and fee shares are `bps / BPS_DENOM`.
pub const BPS_DENOM: u16 = 10_000;

/// The amounts of a swap with its fee: `amount_in` includes `fee`, which stays in the pool
/// (less the protocol's share).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SwapAmounts {
    pub amount_in: Uint128,
    pub amount_out: Uint128,
    pub fee: Uint128,
}

/// A fee is a fraction of an amount and must stay below 100%.
pub(crate) fn check_fee(fee_bps: u16) -> Result<(), MathError> {
    if fee_bps >= BPS_DENOM {
        return Err(MathError::InvalidFee { fee_bps });
    }
    Ok(())
}

/// `ceil(amount * fee_bps / 10_000)`: a fee is paid, so it rounds up.
pub(crate) fn fee_on(amount: Uint128, fee_bps: u16) -> Result<Uint128, MathError> {
    mul_div_ceil(amount, fee_bps.into(), BPS_DENOM.into())
}

/// One normalized weight of a two-asset pool: between 1% and 99%, so the other is at least 1%.
pub(crate) fn check_weight(w: Uint128) -> Result<Uint256, MathError> {
    let w = Uint256::from(w);
    if w < MIN_WEIGHT || w > ONE - MIN_WEIGHT {
        return Err(MathError::InvalidWeights);
    }
    Ok(w)
}

pub(crate) fn check_weights(w_a: Uint128, w_b: Uint128) -> Result<(Uint256, Uint256), MathError> {
    let (a, b) = (Uint256::from(w_a), Uint256::from(w_b));
    if a < MIN_WEIGHT || b < MIN_WEIGHT || a + b != ONE {
        return Err(MathError::InvalidWeights);
    }
    Ok((a, b))
}

pub(crate) fn check_balances(b_a: Uint128, b_b: Uint128) -> Result<(Uint256, Uint256), MathError> {
    if b_a.is_zero() || b_b.is_zero() {
        return Err(MathError::DivideByZero);
    }
    Ok((b_a.into(), b_b.into()))
}

pub(crate) fn to_u128(v: Uint256, op: &'static str) -> Result<Uint128, MathError> {
    Uint128::try_from(v).map_err(|_| MathError::Overflow(op))
}

/// `bO * (1 - (bI / (bI + aI)) ^ (wI / wO))`, rounded down. `amount_in` may be at most 30% of
/// `balance_in`.
pub fn out_given_in(
    balance_in: Uint128,
    weight_in: Uint128,
    balance_out: Uint128,
    weight_out: Uint128,
    amount_in: Uint128,
) -> Result<Uint128, MathError> {
    let (w_in, w_out) = check_weights(weight_in, weight_out)?;
    let (b_in, b_out) = check_balances(balance_in, balance_out)?;
    let a_in = Uint256::from(amount_in);
    if a_in > mul_down(b_in, MAX_IN_RATIO)? {
        return Err(MathError::TradeTooLarge { side: "max in" });
    }
    // base < 1: rounding it and the power up, and the exponent down, all shrink the output.
    let base = div_up(b_in, b_in + a_in)?;
    let exponent = div_down(w_in, w_out)?;
    let power = pow_up(base, exponent)?;
    to_u128(mul_down(b_out, complement(power))?, "out_given_in")
}

/// `bI * ((bO / (bO - aO)) ^ (wO / wI) - 1)`, rounded up. `amount_out` may be at most 30% of
/// `balance_out`.
pub fn in_given_out(
    balance_in: Uint128,
    weight_in: Uint128,
    balance_out: Uint128,
    weight_out: Uint128,
    amount_out: Uint128,
) -> Result<Uint128, MathError> {
    let (w_in, w_out) = check_weights(weight_in, weight_out)?;
    let (b_in, b_out) = check_balances(balance_in, balance_out)?;
    let a_out = Uint256::from(amount_out);
    if a_out > mul_down(b_out, MAX_OUT_RATIO)? {
        return Err(MathError::TradeTooLarge { side: "max out" });
    }
    // base > 1: rounding it, the exponent and the power up all grow the input.
    let base = div_up(b_out, b_out - a_out)?;
    let exponent = div_up(w_out, w_in)?;
    let power = pow_up(base, exponent)?;
    let ratio = power.saturating_sub(ONE);
    to_u128(mul_up(b_in, ratio)?, "in_given_out")
}

/// Sell exactly `amount_in` (fee included). `fee = ceil(amount_in * fee_bps / 10_000)` (the
/// trader pays: rounds up); `amount_out = out_given_in(amount_in - fee)` (rounds down). The amount
/// after the fee may be at most 30% of `balance_in`. `amount_out` may be 0 for dust trades.
pub fn swap_exact_in(
    balance_in: Uint128,
    weight_in: Uint128,
    balance_out: Uint128,
    weight_out: Uint128,
    amount_in: Uint128,
    fee_bps: u16,
) -> Result<SwapAmounts, MathError> {
    check_fee(fee_bps)?;
    if amount_in.is_zero() {
        return Err(MathError::ZeroAmount);
    }
    // fee <= amount_in because fee_bps < 10_000, so the subtraction cannot underflow.
    let fee = fee_on(amount_in, fee_bps)?;
    let amount_out = out_given_in(
        balance_in,
        weight_in,
        balance_out,
        weight_out,
        amount_in - fee,
    )?;
    Ok(SwapAmounts {
        amount_in,
        amount_out,
        fee,
    })
}

/// Buy exactly `amount_out`. `before_fee = in_given_out(amount_out)` (rounds up);
/// `amount_in = ceil(before_fee * 10_000 / (10_000 - fee_bps))`, so the fee, `amount_in -
/// before_fee`, is at least `fee_bps` of `amount_in`. `amount_out` must be positive and at most
/// 30% of `balance_out`.
pub fn swap_exact_out(
    balance_in: Uint128,
    weight_in: Uint128,
    balance_out: Uint128,
    weight_out: Uint128,
    amount_out: Uint128,
    fee_bps: u16,
) -> Result<SwapAmounts, MathError> {
    check_fee(fee_bps)?;
    if amount_out.is_zero() {
        return Err(MathError::ZeroAmount);
    }
    let before_fee = in_given_out(balance_in, weight_in, balance_out, weight_out, amount_out)?;
    // Grossing up for the fee is paid by the trader: round up.
    let amount_in = mul_div_ceil(before_fee, BPS_DENOM.into(), (BPS_DENOM - fee_bps).into())?;
    Ok(SwapAmounts {
        amount_in,
        amount_out,
        fee: amount_in - before_fee,
    })
}

/// The protocol's share of a fee, `floor(fee * share_bps / 10_000)`; the rest stays with
/// liquidity providers. A share above 10_000 bps counts as 100% (callers validate their
/// configured share against their own, lower maximum).
pub fn protocol_fee(fee: Uint128, share_bps: u16) -> Uint128 {
    let share = share_bps.min(BPS_DENOM);
    // share <= 100%, so the quotient is at most `fee` and fits; `fee` is the safe fallback.
    mul_div_floor(fee, share.into(), BPS_DENOM.into()).unwrap_or(fee)
}

/// Spot price `(bA / wA) / (bB / wB)` in 1e18 fixed point, rounded down: units of A per unit of
/// B.
pub fn spot_price(
    balance_a: Uint128,
    weight_a: Uint128,
    balance_b: Uint128,
    weight_b: Uint128,
) -> Result<Uint256, MathError> {
    let (w_a, w_b) = check_weights(weight_a, weight_b)?;
    let (b_a, b_b) = check_balances(balance_a, balance_b)?;
    // bA * wB and bB * wA are below 2^128 * 2^60, so they fit 256 bits.
    mul_div_u256(b_a * w_b, ONE, b_b * w_a, Rounding::Floor)
}

#[cfg(test)]
mod tests {
    use super::*;
    use cosmwasm_std::Uint512;
    use proptest::prelude::*;

    const E18: u128 = 1_000_000_000_000_000_000;

    fn w(percent: u128) -> Uint128 {
        Uint128::new(percent * E18 / 100)
    }

    fn n(v: u128) -> Uint128 {
        Uint128::new(v)
    }

    fn pow512(x: Uint512, k: u32) -> Uint512 {
        (0..k).fold(Uint512::one(), |acc, _| acc * x)
    }

    #[test]
    fn fifty_fifty_out_given_in_matches_constant_product() {
        // 100/100, 10 in: exact constant product gives 100 * 10 / 110 = 9.0909...e18, floored
        // 9_090_909_090_909_090_909. Here exponent = 1 (exact), base = ceil(100/110 * 1e18) =
        // 909_090_909_090_909_091, 1 - base = 0.090_909_090_909_090_909, times 100 =
        // 9_090_909_090_909_090_900.
        let exact = 9_090_909_090_909_090_909u128;
        let out = out_given_in(n(100 * E18), w(50), n(100 * E18), w(50), n(10 * E18)).unwrap();
        assert_eq!(out, n(9_090_909_090_909_090_900));
        assert!(out.u128() <= exact);
        // Within the documented bound: 1e-14 relative plus 1 wei.
        assert!(exact - out.u128() <= exact / 100_000_000_000_000 + 1);
    }

    #[test]
    fn fifty_fifty_in_given_out() {
        // 100/100, 10 out: exact 100 * 10 / 90 = 11.111...e18, ceil 11_111_111_111_111_111_112.
        // base = ceil(100/90 * 1e18) = 1_111_111_111_111_111_112, minus 1, times 100 =
        // 11_111_111_111_111_111_200 >= exact.
        let got = in_given_out(n(100 * E18), w(50), n(100 * E18), w(50), n(10 * E18)).unwrap();
        assert_eq!(got, n(11_111_111_111_111_111_200));
        assert!(got.u128() >= 11_111_111_111_111_111_112);
        // Inverse: buying back what 10e18 bought costs at least 10e18 here (exactly 10e18).
        // Not a general law: out_given_in floors `out`, and buying the smaller floored amount
        // can cost less than the original input (e.g. bI = 18_899_528_032_729, bO = 1e12,
        // weights 1/99, aI = 18_899_528: out 10_100, back 18_897_648). The general guarantee,
        // a never-shrinking invariant, is the `swaps_never_shrink_the_invariant` property.
        let out = out_given_in(n(100 * E18), w(50), n(100 * E18), w(50), n(10 * E18)).unwrap();
        let back = in_given_out(n(100 * E18), w(50), n(100 * E18), w(50), out).unwrap();
        assert!(back >= n(10 * E18), "back {back}");
    }

    #[test]
    fn floored_out_can_be_bought_back_for_less() {
        // The counterexample quoted above: wI = 1%, wO = 99%, aI = 1 ppm of bI.
        let (b_in, b_out) = (n(18_899_528_032_729), n(1_000_000_000_000));
        let out = out_given_in(b_in, w(1), b_out, w(99), n(18_899_528)).unwrap();
        assert_eq!(out, n(10_100));
        let back = in_given_out(b_in, w(1), b_out, w(99), out).unwrap();
        assert_eq!(back, n(18_897_648));
    }

    #[test]
    fn eighty_twenty_out_given_in_keeps_the_invariant() {
        // wI = 0.8, wO = 0.2: exponent 4 (exact path). Exact out = 100 * (1 - (10/11)^4) =
        // 100 * 4641 / 14641 = 31.698654463492930...e18.
        let exact = 100 * E18 * 4641 / 14641;
        let out = out_given_in(n(100 * E18), w(80), n(100 * E18), w(20), n(10 * E18)).unwrap();
        assert!(out.u128() <= exact);
        assert!(
            exact - out.u128() <= exact / 100_000_000_000_000 + 1,
            "{out} vs {exact}"
        );
        // wI = 0.2, wO = 0.8: exponent 0.25 (ln/exp path). Invariant check in integers:
        // (bO - out)^4 * (bI + aI) >= bO^4 * bI, i.e. (1 - out/bO)^4 >= 100/110.
        let out = out_given_in(n(100 * E18), w(20), n(100 * E18), w(80), n(10 * E18)).unwrap();
        let lhs = pow512(Uint512::from(100 * E18 - out.u128()), 4) * Uint512::from(110 * E18);
        let rhs = pow512(Uint512::from(100 * E18), 4) * Uint512::from(100 * E18);
        assert!(lhs >= rhs);
        // And close: 100 * (1 - (10/11)^0.25) = 2.354...e18 (f64 only as a sanity check).
        let approx = 100.0 * (1.0 - (10.0f64 / 11.0).powf(0.25));
        assert!((out.u128() as f64 / 1e18 - approx).abs() < 1e-9, "{out}");
    }

    #[test]
    fn eighty_twenty_spot_price() {
        // bA = 400, wA = 0.8, bB = 100, wB = 0.2: (400 / 0.8) / (100 / 0.2) = 500 / 500 = 1.
        assert_eq!(
            spot_price(n(400 * E18), w(80), n(100 * E18), w(20)),
            Ok(Uint256::from(E18))
        );
        // bA = 1000, wA = 0.8, bB = 50, wB = 0.2: 1250 / 250 = 5.
        assert_eq!(
            spot_price(n(1000 * E18), w(80), n(50 * E18), w(20)),
            Ok(Uint256::from(5 * E18))
        );
        // Reversed: bA = 50, wA = 0.2, bB = 1000, wB = 0.8: 250 / 1250 = 0.2.
        assert_eq!(
            spot_price(n(50 * E18), w(20), n(1000 * E18), w(80)),
            Ok(Uint256::from(E18 / 5))
        );
    }

    #[test]
    fn limits_are_typed_errors() {
        let b = n(100 * E18);
        // 30% of 100 is allowed, 30 + 1 wei is not.
        assert!(out_given_in(b, w(50), b, w(50), n(30 * E18)).is_ok());
        assert_eq!(
            out_given_in(b, w(50), b, w(50), n(30 * E18 + 1)),
            Err(MathError::TradeTooLarge { side: "max in" })
        );
        assert!(in_given_out(b, w(50), b, w(50), n(30 * E18)).is_ok());
        assert_eq!(
            in_given_out(b, w(50), b, w(50), n(30 * E18 + 1)),
            Err(MathError::TradeTooLarge { side: "max out" })
        );
        // 0.5% weight, and weights summing to 0.9.
        let half_percent = n(E18 / 200);
        assert_eq!(
            out_given_in(b, half_percent, b, n(E18 - E18 / 200), n(E18)),
            Err(MathError::InvalidWeights)
        );
        assert_eq!(
            spot_price(b, w(50), b, w(40)),
            Err(MathError::InvalidWeights)
        );
        assert_eq!(
            out_given_in(Uint128::zero(), w(50), b, w(50), Uint128::zero()),
            Err(MathError::DivideByZero)
        );
        // 1% / 99% is the extreme allowed.
        assert!(out_given_in(b, w(1), b, w(99), n(E18)).is_ok());
        assert!(out_given_in(b, w(99), b, w(1), n(E18)).is_ok());
        assert!(in_given_out(b, w(1), b, w(99), n(E18)).is_ok());
        assert!(in_given_out(b, w(99), b, w(1), n(E18)).is_ok());
    }

    #[test]
    fn swap_exact_in_without_fee_is_out_given_in() {
        // fee = ceil(10e18 * 0 / 1e4) = 0, so the output is the 9_090_909_090_909_090_900 of
        // `fifty_fifty_out_given_in_matches_constant_product`, below the exact 9.0909...e18.
        let got = swap_exact_in(n(100 * E18), w(50), n(100 * E18), w(50), n(10 * E18), 0);
        assert_eq!(
            got,
            Ok(SwapAmounts {
                amount_in: n(10 * E18),
                amount_out: n(9_090_909_090_909_090_900),
                fee: Uint128::zero(),
            })
        );
    }

    #[test]
    fn swap_exact_in_charges_the_fee_on_the_amount_in() {
        // 30 bps of 10e18: ceil(10e18 * 30 / 1e4) = 3e16 exactly; 9.97e18 is swapped.
        // base = ceil(100 / 109.97 * 1e18) = ceil(909_338_910_611_985_086.84...) =
        // 909_338_910_611_985_087; exponent 1 is exact; 1 - base = 90_661_089_388_014_913;
        // times 100 = 9_066_108_938_801_491_300. Exact: 100 * 9.97 / 109.97 =
        // 9.066108938801491315...e18, so the pool keeps 15 wei of rounding.
        let got = swap_exact_in(n(100 * E18), w(50), n(100 * E18), w(50), n(10 * E18), 30);
        assert_eq!(
            got,
            Ok(SwapAmounts {
                amount_in: n(10 * E18),
                amount_out: n(9_066_108_938_801_491_300),
                fee: n(30_000_000_000_000_000),
            })
        );
        assert!(got.unwrap().amount_out.u128() <= 9_066_108_938_801_491_315);
    }

    #[test]
    fn swap_fees_round_up() {
        let b = n(1_000_000);
        // 333 * 30 / 1e4 = 0.999 -> 1; 334 * 30 / 1e4 = 1.002 -> 2.
        assert_eq!(
            swap_exact_in(b, w(50), b, w(50), n(333), 30).map(|s| s.fee),
            Ok(n(1))
        );
        assert_eq!(
            swap_exact_in(b, w(50), b, w(50), n(334), 30).map(|s| s.fee),
            Ok(n(2))
        );
        // 1 wei in: the fee takes it all (ceil(0.003) = 1), 0 is swapped, 0 comes out.
        assert_eq!(
            swap_exact_in(b, w(50), b, w(50), n(1), 30),
            Ok(SwapAmounts {
                amount_in: n(1),
                amount_out: Uint128::zero(),
                fee: n(1),
            })
        );
        // Exact out, 1 wei from 1e6/1e6: base = ceil(1e6 / 999_999 * 1e18) =
        // ceil(1_000_001_000_001_000_001.000001) = 1_000_001_000_001_000_002; exponent 1;
        // before_fee = ceil(1e6 * 1_000_001_000_002 / 1e18) = ceil(1.000001000002) = 2.
        // amount_in = ceil(2 * 1e4 / 9_970) = ceil(2.006) = 3, so the fee is 1 wei.
        assert_eq!(
            swap_exact_out(b, w(50), b, w(50), n(1), 30),
            Ok(SwapAmounts {
                amount_in: n(3),
                amount_out: n(1),
                fee: n(1),
            })
        );
        // Without a fee the same trade costs the bare 2.
        assert_eq!(
            swap_exact_out(b, w(50), b, w(50), n(1), 0).map(|s| s.amount_in),
            Ok(n(2))
        );
    }

    #[test]
    fn swap_exact_out_grosses_up_for_the_fee() {
        // before_fee = 11_111_111_111_111_111_200 (see `fifty_fifty_in_given_out`);
        // amount_in = ceil(before_fee * 1e4 / 9_970) = ceil(11_144_544_745_347_152_657.97) =
        // 11_144_544_745_347_152_658; fee = amount_in - before_fee = 33_433_634_236_041_458.
        // The fee is at least 30 bps of amount_in: 30 * 11_144_544_745_347_152_658 / 1e4 =
        // 33_433_634_236_041_457.97.
        let got = swap_exact_out(n(100 * E18), w(50), n(100 * E18), w(50), n(10 * E18), 30);
        assert_eq!(
            got,
            Ok(SwapAmounts {
                amount_in: n(11_144_544_745_347_152_658),
                amount_out: n(10 * E18),
                fee: n(33_433_634_236_041_458),
            })
        );
    }

    #[test]
    fn protocol_fee_rounds_down() {
        // 1000 * 2500 / 1e4 = 250 exactly; 3 * 5000 / 1e4 = 1.5 -> 1 (LPs keep 2).
        assert_eq!(protocol_fee(n(1_000), 2_500), n(250));
        assert_eq!(protocol_fee(n(3), 5_000), n(1));
        assert_eq!(protocol_fee(n(3), 0), Uint128::zero());
        assert_eq!(protocol_fee(n(3), BPS_DENOM), n(3));
        // Above 100% counts as 100%; u128::MAX * 9_999 needs the wide product.
        assert_eq!(protocol_fee(n(3), u16::MAX), n(3));
        assert_eq!(
            protocol_fee(Uint128::MAX, 5_000),
            Uint128::new(u128::MAX / 2)
        );
    }

    #[test]
    fn swap_bad_inputs_are_typed_errors() {
        let b = n(100 * E18);
        assert_eq!(
            swap_exact_in(b, w(50), b, w(50), n(E18), 10_000),
            Err(MathError::InvalidFee { fee_bps: 10_000 })
        );
        assert_eq!(
            swap_exact_out(b, w(50), b, w(50), n(E18), u16::MAX),
            Err(MathError::InvalidFee { fee_bps: u16::MAX })
        );
        assert_eq!(
            swap_exact_in(b, w(50), b, w(50), Uint128::zero(), 30),
            Err(MathError::ZeroAmount)
        );
        assert_eq!(
            swap_exact_out(b, w(50), b, w(50), Uint128::zero(), 30),
            Err(MathError::ZeroAmount)
        );
        // The cap applies to the amount after the fee: 30e18 + 1% fee leaves 29.7e18 (allowed);
        // 31e18 with the same fee leaves 30.69e18 (too large).
        assert!(swap_exact_in(b, w(50), b, w(50), n(30 * E18), 100).is_ok());
        assert_eq!(
            swap_exact_in(b, w(50), b, w(50), n(31 * E18), 100),
            Err(MathError::TradeTooLarge { side: "max in" })
        );
        assert_eq!(
            swap_exact_out(b, w(50), b, w(50), n(30 * E18 + 1), 100),
            Err(MathError::TradeTooLarge { side: "max out" })
        );
        assert_eq!(
            swap_exact_in(b, w(50), b, w(40), n(E18), 30),
            Err(MathError::InvalidWeights)
        );
    }

    fn weight() -> impl Strategy<Value = u128> {
        1u128..=99
    }

    proptest! {
        #[test]
        fn out_given_in_is_monotone_and_bounded(
            b_in in 1_000_000u128..1_000_000_000_000_000_000_000_000_000u128,
            b_out in 1_000_000u128..1_000_000_000_000_000_000_000_000_000u128,
            pct in weight(),
            a1 in 0u128..=300_000u128,
            a2 in 0u128..=300_000u128,
        ) {
            let (lo, hi) = (a1.min(a2), a1.max(a2));
            // amounts as parts per million of b_in, up to 30%.
            let amt = |ppm: u128| n(b_in / 1_000_000 * ppm);
            let o_lo = out_given_in(n(b_in), w(pct), n(b_out), w(100 - pct), amt(lo)).unwrap();
            let o_hi = out_given_in(n(b_in), w(pct), n(b_out), w(100 - pct), amt(hi)).unwrap();
            prop_assert!(o_lo <= o_hi);
            prop_assert!(o_hi < n(b_out));
        }

        #[test]
        fn swaps_never_shrink_the_invariant(
            b_in in 1_000_000_000u128..1_000_000_000_000_000_000_000_000_000u128,
            b_out in 1_000_000_000u128..1_000_000_000_000_000_000_000_000_000u128,
            shape in 0usize..3,
            ppm in 1u128..=300_000u128,
        ) {
            // Weights with integer ratio p:q so bI^wI * bO^wO can be compared exactly as
            // bI^p * bO^q in 512-bit integers: 20/80 (1:4), 50/50 (1:1), 80/20 (4:1).
            let (pct, p, q) = [(20u128, 1u32, 4u32), (50, 1, 1), (80, 4, 1)][shape];
            let inv = |x: u128, y: u128| pow512(Uint512::from(x), p) * pow512(Uint512::from(y), q);
            let before = inv(b_in, b_out);
            let a_in = b_in / 1_000_000 * ppm;
            let out = out_given_in(n(b_in), w(pct), n(b_out), w(100 - pct), n(a_in)).unwrap();
            prop_assert!(inv(b_in + a_in, b_out - out.u128()) >= before);
            let a_out = b_out / 1_000_000 * ppm;
            let cost = in_given_out(n(b_in), w(pct), n(b_out), w(100 - pct), n(a_out)).unwrap();
            prop_assert!(inv(b_in + cost.u128(), b_out - a_out) >= before);
        }
    }
}
