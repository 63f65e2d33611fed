//! Property tests of the concentrated-liquidity math: ticks and prices agree both ways, amounts
//! are the exact ratios rounded in the named direction (checked in big integers), prices moved
//! by an amount never let the pool pay more than it took, and a swap step never takes more than
//! it was given, pays more than was asked, or passes its target.
use cosmwasm_std::Uint256;
use num_bigint::BigUint;
use proptest::prelude::*;
use trellis_math::cl::{
    amount0_delta, amount0_delta_signed, amount1_delta, amount1_delta_signed, compute_swap_step,
    next_sqrt_price_from_input, next_sqrt_price_from_output, sqrt_price_at_tick,
    tick_at_sqrt_price, SwapAmount, FEE_PIPS_DENOMINATOR, MAX_SQRT_PRICE, MAX_TICK, MIN_SQRT_PRICE,
    MIN_TICK, Q96,
};
use trellis_math::MathError;

fn big(value: Uint256) -> BigUint {
    BigUint::from_bytes_be(&value.to_be_bytes())
}

/// Sqrt prices of every magnitude in `[MIN_SQRT_PRICE, MAX_SQRT_PRICE]`.
fn sqrt_price() -> impl Strategy<Value = Uint256> {
    (any::<[u8; 20]>(), 0u32..128).prop_filter_map("sqrt price in range", |(bytes, shift)| {
        let mut wide = [0u8; 32];
        wide[12..].copy_from_slice(&bytes);
        let value = Uint256::from_be_bytes(wide) >> shift;
        (MIN_SQRT_PRICE..=MAX_SQRT_PRICE)
            .contains(&value)
            .then_some(value)
    })
}

/// u128 values of every magnitude.
fn any_magnitude_u128() -> impl Strategy<Value = u128> {
    (any::<u128>(), 0u32..128).prop_map(|(bits, shift)| bits >> shift)
}

/// Amounts of every magnitude up to 2^255 (v3's signed amounts stop there).
fn amount() -> impl Strategy<Value = Uint256> {
    (any::<[u8; 32]>(), 1u32..256).prop_map(|(bytes, shift)| Uint256::from_be_bytes(bytes) >> shift)
}

fn tick() -> impl Strategy<Value = i32> {
    MIN_TICK..=MAX_TICK
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1_000))]

    /// Tick -> price -> tick is the identity, and every price up to the next tick's maps back.
    #[test]
    fn tick_to_price_to_tick_round_trips(tick in MIN_TICK..MAX_TICK) {
        let price = sqrt_price_at_tick(tick).unwrap();
        let next = sqrt_price_at_tick(tick + 1).unwrap();
        prop_assert_eq!(tick_at_sqrt_price(price), Ok(tick));
        prop_assert_eq!(tick_at_sqrt_price(next - Uint256::one()), Ok(tick));
    }

    #[test]
    fn sqrt_price_at_tick_is_strictly_increasing(tick in MIN_TICK..MAX_TICK) {
        prop_assert!(sqrt_price_at_tick(tick).unwrap() < sqrt_price_at_tick(tick + 1).unwrap());
    }

    #[test]
    fn sqrt_price_at_tick_stays_in_range(tick in tick()) {
        let price = sqrt_price_at_tick(tick).unwrap();
        prop_assert!(MIN_SQRT_PRICE <= price && price <= MAX_SQRT_PRICE);
    }

    /// The tick of a price is the greatest tick whose price is at or below it.
    #[test]
    fn tick_at_sqrt_price_brackets_the_price(price in sqrt_price()) {
        prop_assume!(price < MAX_SQRT_PRICE);
        let tick = tick_at_sqrt_price(price).unwrap();
        prop_assert!(sqrt_price_at_tick(tick).unwrap() <= price);
        prop_assert!(tick < MAX_TICK);
        prop_assert!(price < sqrt_price_at_tick(tick + 1).unwrap());
    }

    /// amount0 = L * 2^96 * (b - a) / (a * b) and amount1 = L * (b - a) / 2^96, exactly ceil and
    /// floor of the rational: up >= exact >= down, never off by more than the rounding.
    #[test]
    fn amounts_are_the_exact_ratio_rounded_for_the_pool(
        a in sqrt_price(), b in sqrt_price(), liquidity in any_magnitude_u128(),
    ) {
        let (lower, upper) = (big(a.min(b)), big(a.max(b)));
        let width = &upper - &lower;
        let q96 = big(Q96);
        let numerator0 = BigUint::from(liquidity) * &q96 * &width;
        let denominator0 = &lower * &upper;
        let numerator1 = BigUint::from(liquidity) * &width;
        let ceil = |numerator: &BigUint, denominator: &BigUint| {
            (numerator + denominator - 1u8) / denominator
        };
        let up0 = amount0_delta(a, b, liquidity, true).unwrap();
        let down0 = amount0_delta(a, b, liquidity, false).unwrap();
        prop_assert_eq!(big(up0), ceil(&numerator0, &denominator0));
        prop_assert_eq!(big(down0), &numerator0 / &denominator0);
        let up1 = amount1_delta(a, b, liquidity, true).unwrap();
        let down1 = amount1_delta(a, b, liquidity, false).unwrap();
        prop_assert_eq!(big(up1), ceil(&numerator1, &q96));
        prop_assert_eq!(big(down1), &numerator1 / &q96);
        // Paid in rounds up, paid out rounds down, and the signs say which is which.
        let delta = (liquidity >> 1) as i128;
        let paid_in0 = amount0_delta_signed(a, b, delta).unwrap();
        let paid_out0 = amount0_delta_signed(a, b, -delta).unwrap();
        prop_assert_eq!(paid_in0.unsigned_abs(), amount0_delta(a, b, delta.unsigned_abs(), true).unwrap());
        prop_assert_eq!(paid_out0.unsigned_abs(), amount0_delta(a, b, delta.unsigned_abs(), false).unwrap());
        prop_assert!(!paid_in0.is_negative() && (paid_out0.is_negative() || paid_out0.is_zero()));
        let paid_in1 = amount1_delta_signed(a, b, delta).unwrap();
        let paid_out1 = amount1_delta_signed(a, b, -delta).unwrap();
        prop_assert_eq!(paid_in1.unsigned_abs(), amount1_delta(a, b, delta.unsigned_abs(), true).unwrap());
        prop_assert_eq!(paid_out1.unsigned_abs(), amount1_delta(a, b, delta.unsigned_abs(), false).unwrap());
    }

    /// An input moves the price no further than exactly, so moving it there costs at most the
    /// input (rounded up, as the pool charges it).
    #[test]
    fn an_input_pays_for_the_price_it_moves_to(
        price in sqrt_price(), liquidity in any_magnitude_u128(), amount_in in amount(),
        zero_for_one in any::<bool>(),
    ) {
        prop_assume!(liquidity > 0);
        let q96 = big(Q96);
        let (p, l, x) = (big(price), BigUint::from(liquidity), big(amount_in));
        match next_sqrt_price_from_input(price, liquidity, amount_in, zero_for_one) {
            Ok(next) if zero_for_one => {
                prop_assert!(next <= price);
                // next >= exact = L 2^96 p / (L 2^96 + x p).
                prop_assert!(big(next) * (&l * &q96 + &x * &p) >= &l * &q96 * &p);
                prop_assert!(amount0_delta(next, price, liquidity, true).unwrap() <= amount_in);
            }
            Ok(next) => {
                prop_assert!(next >= price);
                // next <= exact = p + x 2^96 / L.
                prop_assert!((big(next) - &p) * &l <= &x * &q96);
                prop_assert!(amount1_delta(price, next, liquidity, true).unwrap() <= amount_in);
            }
            Err(MathError::Overflow(_)) if !zero_for_one => {
                // Only a price beyond 160 bits: p + floor(x 2^96 / L) >= 2^160.
                prop_assert!(&p + &x * &q96 / &l >= BigUint::from(1u8) << 160usize);
            }
            Err(MathError::Overflow(_)) => {
                // Only v3's coarse denominator floor(L 2^96 / p) + x beyond 256 bits.
                prop_assert!(&l * &q96 / &p + &x >= BigUint::from(1u8) << 256usize);
            }
            Err(other) => prop_assert!(false, "unexpected {:?}", other),
        }
    }

    /// An output moves the price at least as far as exactly, so the move always releases the
    /// output (rounded down, as the pool pays it); an output the liquidity cannot pay is refused.
    #[test]
    fn an_output_is_covered_by_the_price_it_moves_to(
        price in sqrt_price(), liquidity in any_magnitude_u128(), amount_out in amount(),
        zero_for_one in any::<bool>(),
    ) {
        prop_assume!(liquidity > 0);
        let q96 = big(Q96);
        let (p, l, x) = (big(price), BigUint::from(liquidity), big(amount_out));
        match next_sqrt_price_from_output(price, liquidity, amount_out, zero_for_one) {
            Ok(next) if zero_for_one => {
                prop_assert!(next <= price);
                // p - next >= x 2^96 / L.
                prop_assert!((&p - big(next)) * &l >= &x * &q96);
                prop_assert!(amount1_delta(next, price, liquidity, false).unwrap() >= amount_out);
            }
            Ok(next) => {
                prop_assert!(next >= price);
                // next >= exact = L 2^96 p / (L 2^96 - x p).
                prop_assert!(big(next) * (&l * &q96 - &x * &p) >= &l * &q96 * &p);
                prop_assert!(amount0_delta(price, next, liquidity, false).unwrap() >= amount_out);
            }
            Err(MathError::OutputExceedsLiquidity) if zero_for_one => {
                // ceil(x 2^96 / L) >= p, i.e. x 2^96 > (p - 1) L: the token1 reserve
                // L p / 2^96 cannot pay x.
                prop_assert!(&x * &q96 > (&p - 1u8) * &l);
            }
            Err(MathError::OutputExceedsLiquidity) => {
                // x p >= L 2^96: the token0 reserve L 2^96 / p cannot pay x.
                prop_assert!(&x * &p >= &l * &q96);
            }
            Err(MathError::Overflow(_)) if !zero_for_one => {
                // The price would pass 160 bits.
                let exact_floor = &l * &q96 * &p / (&l * &q96 - &x * &p);
                prop_assert!(exact_floor + 1u8 >= BigUint::from(1u8) << 160usize);
            }
            Err(other) => prop_assert!(false, "unexpected {:?}", other),
        }
    }

    /// A swap step stays between the current price and the target, takes exactly what the move
    /// costs (rounded up) plus a fee at least the fee rate, never more than an exact-in amount,
    /// and pays no more than the move releases nor than an exact-out request.
    #[test]
    fn a_swap_step_respects_its_amount_and_its_target(
        current in sqrt_price(), target in sqrt_price(), liquidity in any_magnitude_u128(),
        amount in amount(), exact_in in any::<bool>(), fee_pips in 0u32..FEE_PIPS_DENOMINATOR,
    ) {
        let remaining = if exact_in { SwapAmount::ExactIn(amount) } else { SwapAmount::ExactOut(amount) };
        let step = compute_swap_step(current, target, liquidity, remaining, fee_pips).unwrap();
        let zero_for_one = current >= target;
        let next = step.sqrt_price_next;
        if zero_for_one {
            prop_assert!(target <= next && next <= current);
            prop_assert_eq!(step.amount_in, amount0_delta(next, current, liquidity, true).unwrap());
            prop_assert!(step.amount_out <= amount1_delta(next, current, liquidity, false).unwrap());
        } else {
            prop_assert!(current <= next && next <= target);
            prop_assert_eq!(step.amount_in, amount1_delta(current, next, liquidity, true).unwrap());
            prop_assert!(step.amount_out <= amount0_delta(current, next, liquidity, false).unwrap());
        }
        if exact_in {
            prop_assert!(big(step.amount_in) + big(step.fee_amount) <= big(amount));
        } else {
            prop_assert!(step.amount_out <= amount);
        }
        // fee / amount_in >= fee_pips / (1e6 - fee_pips).
        prop_assert!(
            big(step.fee_amount) * BigUint::from(FEE_PIPS_DENOMINATOR - fee_pips)
                >= big(step.amount_in) * BigUint::from(fee_pips)
        );
    }
}
