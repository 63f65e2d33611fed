//! One swap step: trade within a single price range, from the current sqrt price towards a
//! target it must not pass (the next initialised tick or the trader's limit).
use cosmwasm_std::Uint256;

use super::sqrt_price_math::{
    amount0_delta, amount1_delta, next_sqrt_price_from_input, next_sqrt_price_from_output,
};
use super::FEE_PIPS_DENOMINATOR;
use crate::mul_div::{mul_div_u256_ceil, mul_div_u256_floor};
use crate::MathError;

/// What is left of the trade: an input still to pay in, fee included, or an output still to
/// receive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SwapAmount {
    ExactIn(Uint256),
    ExactOut(Uint256),
}

/// The result of one step: where the price stops, what the pool takes in (before the fee) and
/// pays out, and the fee taken on top of `amount_in`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SwapStep {
    pub sqrt_price_next: Uint256,
    pub amount_in: Uint256,
    pub amount_out: Uint256,
    pub fee_amount: Uint256,
}

/// Swaps within `[target, current]` (token0 in, price down, when `target <= current`) or
/// `[current, target]` (token1 in, price up), rounded as v3 rounds:
/// - exact in: the fee comes off first, `floor(amount * (1e6 - fee) / 1e6)`; if that reaches the
///   target the step stops there, else the price moves as far as it pays for;
/// - exact out: if the range can pay the whole output the price moves just far enough, else it
///   stops at the target;
/// - the input is rounded up and the output down, the output never exceeds an exact-out request;
/// - the fee is `ceil(amount_in * fee / (1e6 - fee))`, except that an exact-in step stopping
///   short of the target keeps all of the rest of the input as fee.
///
/// So `amount_in + fee_amount` never exceeds an exact-in amount, and the price never passes the
/// target. InvalidFeePips for a fee of 100% or more.
pub fn compute_swap_step(
    sqrt_price_current: Uint256,
    sqrt_price_target: Uint256,
    liquidity: u128,
    amount_remaining: SwapAmount,
    fee_pips: u32,
) -> Result<SwapStep, MathError> {
    if fee_pips >= FEE_PIPS_DENOMINATOR {
        return Err(MathError::InvalidFeePips { fee_pips });
    }
    let fee = Uint256::from(fee_pips);
    let denominator = Uint256::from(FEE_PIPS_DENOMINATOR);
    let fee_complement = denominator - fee;
    let zero_for_one = sqrt_price_current >= sqrt_price_target;
    // The amount of the input token between the current price and `to`, rounded up (paid in),
    // and of the output token, rounded down (paid out).
    let input_to = |to: Uint256| {
        if zero_for_one {
            amount0_delta(to, sqrt_price_current, liquidity, true)
        } else {
            amount1_delta(sqrt_price_current, to, liquidity, true)
        }
    };
    let output_to = |to: Uint256| {
        if zero_for_one {
            amount1_delta(to, sqrt_price_current, liquidity, false)
        } else {
            amount0_delta(sqrt_price_current, to, liquidity, false)
        }
    };

    let (sqrt_price_next, amount_in_to_target, amount_out_to_target) = match amount_remaining {
        SwapAmount::ExactIn(amount) => {
            let amount_less_fee = mul_div_u256_floor(amount, fee_complement, denominator)?;
            let to_target = input_to(sqrt_price_target)?;
            let next = if amount_less_fee >= to_target {
                sqrt_price_target
            } else {
                next_sqrt_price_from_input(
                    sqrt_price_current,
                    liquidity,
                    amount_less_fee,
                    zero_for_one,
                )?
            };
            (next, Some(to_target), None)
        }
        SwapAmount::ExactOut(amount) => {
            let to_target = output_to(sqrt_price_target)?;
            let next = if amount >= to_target {
                sqrt_price_target
            } else {
                next_sqrt_price_from_output(sqrt_price_current, liquidity, amount, zero_for_one)?
            };
            (next, None, Some(to_target))
        }
    };
    let reached_target = sqrt_price_next == sqrt_price_target;
    // At the target the amount already computed for it is reused; elsewhere it is recomputed
    // for the price actually reached.
    let amount_in = match amount_in_to_target {
        Some(to_target) if reached_target => to_target,
        _ => input_to(sqrt_price_next)?,
    };
    let mut amount_out = match amount_out_to_target {
        Some(to_target) if reached_target => to_target,
        _ => output_to(sqrt_price_next)?,
    };
    // Rounding the price up can let the output exceed the request by a unit: cap it.
    if let SwapAmount::ExactOut(requested) = amount_remaining {
        amount_out = amount_out.min(requested);
    }
    let fee_amount = match amount_remaining {
        // Stopping short of the target means the input ran out: the rest of it is the fee.
        SwapAmount::ExactIn(amount) if !reached_target => amount
            .checked_sub(amount_in)
            .map_err(|_| MathError::Overflow("swap step fee"))?,
        _ => mul_div_u256_ceil(amount_in, fee, fee_complement)?,
    };
    Ok(SwapStep {
        sqrt_price_next,
        amount_in,
        amount_out,
        fee_amount,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cl::Q96;
    use std::str::FromStr;

    fn n(value: u128) -> Uint256 {
        Uint256::from(value)
    }

    fn n_str(value: &str) -> Uint256 {
        Uint256::from_str(value).unwrap()
    }

    const E18: u128 = 1_000_000_000_000_000_000;

    /// floor(sqrt(1.01) * 2^96) = floor(sqrt(floor(1.01 * 2^192))) = 79623317895830914510639640423.
    fn sqrt_price_1_01() -> Uint256 {
        n(79_623_317_895_830_914_510_639_640_423)
    }

    /// Exact in, token1 in (target above), capped at the target. Price 1 (2^96) to
    /// sqrt(1.01) (target t, t - 2^96 = 395155381566576917095690087), L = 2e18, 1e18 in,
    /// fee 600 pips (0.06%):
    /// - less the fee: floor(1e18 * 999_400 / 1e6) = 0.9994e18;
    /// - token1 to the target: L (t - 2^96) = 9975124224178054 * 2^96 +
    ///   3474391226628832586202873856, rounded up 9975124224178055 <= 0.9994e18, so the step
    ///   stops at the target and takes that;
    /// - token0 out: L 2^96 (t - 2^96) / t = 786388601140725661068810722040581632705787735
    ///   (floored), / 2^96 = 9925619580021728 (floored; about 2e18 * (1 - 1/1.004988) ≈ 9.93e15);
    /// - fee: ceil(9975124224178055 * 600 / 999_400) = ceil(5988667735147.92) = 5988667735148.
    #[test]
    fn exact_in_capped_at_the_target() {
        let target = sqrt_price_1_01();
        assert_eq!(
            n(9_975_124_224_178_054) * Q96 + n(3_474_391_226_628_832_586_202_873_856),
            n(2 * E18) * (target - Q96)
        );
        assert_eq!(
            n(9_975_124_224_178_055 * 600),
            n(5_988_667_735_147) * n(999_400) + n(921_200)
        );
        let step =
            compute_swap_step(Q96, target, 2 * E18, SwapAmount::ExactIn(n(E18)), 600).unwrap();
        assert_eq!(
            step,
            SwapStep {
                sqrt_price_next: target,
                amount_in: n(9_975_124_224_178_055),
                amount_out: n(9_925_619_580_021_728),
                fee_amount: n(5_988_667_735_148),
            }
        );
        assert!(step.amount_in + step.fee_amount < n(E18));
    }

    /// Exact out, the same range and 1e18 of token0 asked for: the whole range pays only
    /// 9925619580021728 (above), so the step stops at the target with the same amounts.
    #[test]
    fn exact_out_capped_at_the_target() {
        let target = sqrt_price_1_01();
        let step =
            compute_swap_step(Q96, target, 2 * E18, SwapAmount::ExactOut(n(E18)), 600).unwrap();
        assert_eq!(
            step,
            SwapStep {
                sqrt_price_next: target,
                amount_in: n(9_975_124_224_178_055),
                amount_out: n(9_925_619_580_021_728),
                fee_amount: n(5_988_667_735_148),
            }
        );
    }

    /// Exact in, fully spent before the target sqrt(10) * 2^96 (floored:
    /// 250541448375047931186413801569; the range would take 4324555320336758664 of token1).
    /// L = 2e18, 1e18 in, fee 600:
    /// - less the fee 0.9994e18 moves the price to 2^96 + floor(0.9994e18 * 2^96 / 2e18) =
    ///   2^96 + 39590312808377889495493911982 = 118818475322642227089037862318 (price ~1.4997);
    /// - token1 in for that move: 2e18 * 39590312808377889495493911982 / 2^96 =
    ///   999399999999999999.99..., rounded up 999400000000000000;
    /// - fee: the rest, 1e18 - 999400000000000000 = 600000000000000;
    /// - token0 out: floor(floor(L 2^96 (n - 2^96) / n) / 2^96) = 666399946655997866, i.e.
    ///   L * (1/1 - 1/1.49970) = 2e18 * 0.33320 ≈ 0.6664e18 with 1.49970 the new sqrt price.
    #[test]
    fn exact_in_fully_spent() {
        let target = n(250_541_448_375_047_931_186_413_801_569);
        let next = n(118_818_475_322_642_227_089_037_862_318);
        assert_eq!(next - Q96, n(39_590_312_808_377_889_495_493_911_982));
        assert_eq!(
            n(39_590_312_808_377_889_495_493_911_982) * n(2 * E18) + n(1_798_400_000_000_000_000),
            n(999_400_000_000_000_000) * Q96
        );
        let step =
            compute_swap_step(Q96, target, 2 * E18, SwapAmount::ExactIn(n(E18)), 600).unwrap();
        assert_eq!(
            step,
            SwapStep {
                sqrt_price_next: next,
                amount_in: n(999_400_000_000_000_000),
                amount_out: n(666_399_946_655_997_866),
                fee_amount: n(600_000_000_000_000),
            }
        );
        assert_eq!(step.amount_in + step.fee_amount, n(E18));
    }

    /// Exact out, fully received before the target 10 * 2^96 (sqrt(100), exact). L = 2e18 asks
    /// for 1e18 of token0 (the range holds 2e18 * (1 - 1/10) = 1.8e18):
    /// - price: ceil(L 2^96 * 2^96 / (L 2^96 - 1e18 * 2^96)) = 2^96 * 2e18 / 1e18 = 2^97 exactly;
    /// - token1 in: 2e18 * (2^97 - 2^96) / 2^96 = 2e18 exactly;
    /// - token0 out: 2e18 * 2^96 * 2^96 / 2^97 / 2^96 = 1e18 exactly;
    /// - fee: ceil(2e18 * 600 / 999_400) = ceil(1200720432259355.61) = 1200720432259356.
    #[test]
    fn exact_out_fully_received() {
        let target = Q96 * n(10);
        let step =
            compute_swap_step(Q96, target, 2 * E18, SwapAmount::ExactOut(n(E18)), 600).unwrap();
        assert_eq!(
            step,
            SwapStep {
                sqrt_price_next: Q96 * n(2),
                amount_in: n(2 * E18),
                amount_out: n(E18),
                fee_amount: n(1_200_720_432_259_356),
            }
        );
        assert_eq!(
            n(2 * E18 * 600),
            n(1_200_720_432_259_355) * n(999_400) + n(613_000)
        );
    }

    /// v3's case where rounding the price up would pay 2 of token1 for an exact-out request of 1:
    /// the output is capped at 1. Price 417332158212080721273783715441582 moves down by
    /// ceil(1 * 2^96 / 159344665391607089467575320103) = 1 to ...581; token1 out for that move is
    /// floor(L * 1 / 2^96) = 2 (L / 2^96 = 2.01), capped to 1; token0 in is
    /// L 2^96 / (p (p - 1)) ≈ 7.2e-8, rounded up to 1, and the fee ceil(1 * 1 / 999_999) = 1.
    #[test]
    fn exact_out_is_capped_at_the_amount_asked() {
        let liquidity = 159_344_665_391_607_089_467_575_320_103u128;
        let current = n_str("417332158212080721273783715441582");
        let target = n(1_452_870_262_520_218_020_823_638_996);
        let step =
            compute_swap_step(current, target, liquidity, SwapAmount::ExactOut(n(1)), 1).unwrap();
        assert_eq!(
            step,
            SwapStep {
                sqrt_price_next: current - n(1),
                amount_in: n(1),
                amount_out: n(1),
                fee_amount: n(1),
            }
        );
        // Without the cap: floor(L / 2^96) = 2.
        assert_eq!(Uint256::from(liquidity) / Q96, n(2));
    }

    /// Exact in, token0 in, price 2 to target 1 (as Q64.96 integers), L = 1, fee 1 pip:
    /// the range takes ceil(ceil(2^96 * (2 - 1) / 2) / 1) = 2^95 = 39614081257132168796771975168
    /// of token0, far below the amount less fee, so the step stops at 1; the fee is
    /// ceil(2^95 / 999_999) = 39614120871253040049813 (2^95 = 39614120871253040049812 * 999_999
    /// + 24980); token1 out is floor(1 * (2 - 1) / 2^96) = 0.
    #[test]
    fn target_price_of_one_uses_part_of_the_input() {
        let amount = n(3_915_081_100_057_732_413_702_495_386_755_767);
        let step = compute_swap_step(n(2), n(1), 1, SwapAmount::ExactIn(amount), 1).unwrap();
        let two_pow_95 = n(39_614_081_257_132_168_796_771_975_168);
        assert_eq!(two_pow_95, Uint256::one() << 95);
        assert_eq!(
            n(39_614_120_871_253_040_049_812) * n(999_999) + n(24_980),
            two_pow_95
        );
        assert_eq!(
            step,
            SwapStep {
                sqrt_price_next: n(1),
                amount_in: two_pow_95,
                amount_out: Uint256::zero(),
                fee_amount: n(39_614_120_871_253_040_049_813),
            }
        );
        assert!(step.amount_in + step.fee_amount <= amount);
    }

    /// Exact in of 10 at fee 1872 pips: floor(10 * 998_128 / 1e6) = 9 of token1 moves the price
    /// by floor(9 * 2^96 / 1985041575832132834610021537970) = 0 (9 * 2^96 is about 7.1e29, below
    /// L), so nothing is swapped and all 10 is fee.
    #[test]
    fn an_input_too_small_to_move_the_price_is_all_fee() {
        let liquidity = 1_985_041_575_832_132_834_610_021_537_970u128;
        assert!(n(9) * Q96 < Uint256::from(liquidity));
        let step = compute_swap_step(
            n(2413),
            n(79_887_613_182_836_312),
            liquidity,
            SwapAmount::ExactIn(n(10)),
            1872,
        )
        .unwrap();
        assert_eq!(
            step,
            SwapStep {
                sqrt_price_next: n(2413),
                amount_in: Uint256::zero(),
                amount_out: Uint256::zero(),
                fee_amount: n(10),
            }
        );
    }

    /// Price 2^104 with L = 1024 (4 of token0 and 262144 of token1 in virtual reserves), fee 3000.
    /// - Target up 10% (floor(2^104 * 11 / 10)), 4 of token0 asked: the range pays
    ///   floor(1024 * 0.1 / 1.1 / 2^8) = floor(0.36) = 0, so the step goes to the target, takes
    ///   ceil(1024 * floor(2^104 / 10) / 2^96) = ceil(26214.4) = 26215 of token1 and a fee of
    ///   ceil(26215 * 3000 / 997_000) = ceil(78.88) = 79.
    /// - Target down 10% (floor(2^104 * 9 / 10)), 263000 of token1 asked: the range pays
    ///   floor(1024 * ceil(2^104 / 10) / 2^96) = floor(26214.4) = 26214, so the step goes to the
    ///   target, takes ceil(1024 * (1/0.9 - 1) / 2^8) = ceil(0.44) = 1 of token0 and a
    ///   fee of ceil(1 * 3000 / 997_000) = 1.
    #[test]
    fn insufficient_liquidity_in_the_range_stops_at_the_target() {
        let price = Uint256::one() << 104;
        let up = price * n(11) / n(10);
        let step = compute_swap_step(price, up, 1024, SwapAmount::ExactOut(n(4)), 3000).unwrap();
        assert_eq!(
            step,
            SwapStep {
                sqrt_price_next: up,
                amount_in: n(26_215),
                amount_out: Uint256::zero(),
                fee_amount: n(79),
            }
        );
        let down = price * n(9) / n(10);
        let step =
            compute_swap_step(price, down, 1024, SwapAmount::ExactOut(n(263_000)), 3000).unwrap();
        assert_eq!(
            step,
            SwapStep {
                sqrt_price_next: down,
                amount_in: n(1),
                amount_out: n(26_214),
                fee_amount: n(1),
            }
        );
    }

    /// No liquidity: the price goes straight to the target and nothing is traded.
    #[test]
    fn an_empty_range_is_crossed_for_free() {
        let step = compute_swap_step(Q96, sqrt_price_1_01(), 0, SwapAmount::ExactIn(n(E18)), 3000)
            .unwrap();
        assert_eq!(
            step,
            SwapStep {
                sqrt_price_next: sqrt_price_1_01(),
                amount_in: Uint256::zero(),
                amount_out: Uint256::zero(),
                fee_amount: Uint256::zero(),
            }
        );
    }

    #[test]
    fn a_fee_of_one_hundred_percent_is_refused() {
        for fee_pips in [1_000_000, u32::MAX] {
            assert_eq!(
                compute_swap_step(
                    Q96,
                    sqrt_price_1_01(),
                    1,
                    SwapAmount::ExactIn(n(1)),
                    fee_pips
                ),
                Err(MathError::InvalidFeePips { fee_pips })
            );
        }
    }
}
