//! Property tests for `trellis-math`: exactness, monotonicity, rounding direction and
//! conservation, over random inputs.
use cosmwasm_std::{Uint128, Uint256, Uint512};
use num_bigint::BigUint;
use proptest::prelude::*;
use trellis_math::accumulator::{from_scaled_floor, spread, to_scaled, ACC_SCALE};
use trellis_math::floor_sum;
use trellis_math::mul_div::{mul_div_ceil, mul_div_floor, mul_div_u256_ceil, mul_div_u256_floor};
use trellis_math::schedule::{Curve, Decay, Schedule, RATE_SCALE};
use trellis_math::MathError;

/// Largest random rate: 1e24 base units per unit, so 1e24 * 1e12 units stays far below u128.
const MAX_RANDOM_RATE: u128 = 1_000_000_000_000_000_000_000_000;
/// Random schedules start within this many units of 0 ...
const MAX_RANDOM_START: u64 = 1_000;
/// ... and random query times lie within this span (covers many epochs and whole declines).
const TIME_SPAN: u64 = 70_000;
/// Far query times: 1e12 units at a rate of at most 1e24 is at most 1e36 < u128::MAX.
const FAR_TIME: u64 = 1_000_000_000_000;

fn decay_strategy() -> impl Strategy<Value = Decay> {
    prop_oneof![
        (1u32..=9_999).prop_map(|factor_bps| Decay::Bps { factor_bps }),
        (1u128..1_000_000_000_000_000_000).prop_map(|factor| Decay::Fixed18 {
            factor: Uint128::new(factor)
        }),
        Just(Decay::Halving),
        Just(Decay::CurveYearly),
    ]
}

/// Valid schedules of every kind, small enough in time for brute-force sums.
fn schedule_strategy() -> impl Strategy<Value = Schedule> {
    let end_offset = proptest::option::of(1u64..=60_000);
    let constant = (
        0..=MAX_RANDOM_START,
        1..=MAX_RANDOM_RATE,
        end_offset.clone(),
    )
        .prop_map(|(start, rate, end_offset)| {
            with_end_offset(Schedule::constant(start, Uint128::new(rate)), end_offset)
        });
    let step_decay = (
        0..=MAX_RANDOM_START,
        1..=MAX_RANDOM_RATE,
        1u64..=300,
        decay_strategy(),
        end_offset.clone(),
    )
        .prop_map(|(start, rate, epoch_length, decay, end_offset)| {
            let schedule = with_end_offset(
                Schedule::step_decay(start, Uint128::new(rate), epoch_length, decay),
                end_offset,
            );
            // Slow decays from large rates need too many epochs without an end: cut them at
            // 200 epochs, which also keeps brute-force rate walks short.
            if schedule.validate().is_ok() {
                schedule
            } else {
                schedule.with_end(start + 200 * epoch_length)
            }
        });
    let linear = (
        0..=MAX_RANDOM_START,
        1..=MAX_RANDOM_RATE,
        0u128..=1_000,
        1u64..=20_000,
        end_offset,
    )
        .prop_map(|(start, initial, final_permille, duration, end_offset)| {
            // final = initial * permille / 1000 keeps final <= initial.
            let final_rate = initial / 1_000 * final_permille;
            with_end_offset(
                Schedule::linear(
                    start,
                    Uint128::new(initial),
                    Uint128::new(final_rate),
                    duration,
                ),
                end_offset,
            )
        });
    prop_oneof![constant, step_decay, linear].prop_filter("schedule must validate", |schedule| {
        schedule.validate().is_ok()
    })
}

fn with_end_offset(schedule: Schedule, end_offset: Option<u64>) -> Schedule {
    match end_offset {
        Some(offset) => {
            let end = schedule.start + offset;
            schedule.with_end(end)
        }
        None => schedule,
    }
}

/// Query times: mostly near the start (where the schedules change), sometimes far out.
fn time() -> impl Strategy<Value = u64> {
    prop_oneof![
        4 => 0..=(MAX_RANDOM_START + TIME_SPAN),
        1 => 0..=FAR_TIME,
    ]
}

/// u128 values of every magnitude: uniform random u128s are almost all near 2^128.
fn any_magnitude_u128() -> impl Strategy<Value = u128> {
    (any::<u128>(), 0u32..128).prop_map(|(bits, shift)| bits >> shift)
}

/// Uint256 values of every magnitude.
fn any_magnitude_u256() -> impl Strategy<Value = Uint256> {
    (any::<[u8; 32]>(), 0u32..256).prop_map(|(bytes, shift)| Uint256::new(bytes) >> shift)
}

fn big(value: impl ToString) -> BigUint {
    value.to_string().parse().unwrap()
}

/// An independent model of a schedule's exact rates in 1e18 fixed point, in big integers: the
/// StepDecay epoch recurrence `r[k+1] = floor(r[k] * num / den)` from `initial * 1e18`, and the
/// constant and linear formulas in whole units.
struct RateModel {
    schedule: Schedule,
    /// StepDecay rates of epochs `0..len`; every later epoch has rate 0.
    epoch_rates: Vec<BigUint>,
}

impl RateModel {
    /// Epoch rates far enough to answer for units before `horizon`.
    fn new(schedule: &Schedule, horizon: u64) -> Self {
        let mut epoch_rates = Vec::new();
        if let Curve::StepDecay {
            initial_rate,
            epoch_length,
            decay,
        } = &schedule.curve
        {
            let (num, den) = decay.ratio();
            let (num, den) = (big(num), big(den));
            let epochs_needed = horizon.saturating_sub(schedule.start) / epoch_length + 1;
            let mut rate = big(initial_rate) * big(RATE_SCALE);
            while rate != BigUint::ZERO && (epoch_rates.len() as u64) < epochs_needed {
                let next = &rate * &num / &den;
                epoch_rates.push(rate);
                rate = next;
            }
        }
        RateModel {
            schedule: schedule.clone(),
            epoch_rates,
        }
    }

    fn rate_scaled(&self, t: u64) -> BigUint {
        let schedule = &self.schedule;
        if t < schedule.start || schedule.end.is_some_and(|end| t >= end) {
            return BigUint::ZERO;
        }
        let unit = t - schedule.start;
        match &schedule.curve {
            Curve::Constant { rate } => big(rate) * big(RATE_SCALE),
            Curve::StepDecay { epoch_length, .. } => self
                .epoch_rates
                .get((unit / epoch_length) as usize)
                .cloned()
                .unwrap_or_default(),
            Curve::Linear {
                initial_rate,
                final_rate,
                duration,
            } => {
                let whole = if unit < *duration {
                    let decline = big(initial_rate.u128() - final_rate.u128());
                    big(final_rate) + decline * big(duration - unit) / big(duration)
                } else {
                    big(final_rate)
                };
                whole * big(RATE_SCALE)
            }
        }
    }
}

fn sorted3(a: u64, b: u64, c: u64) -> (u64, u64, u64) {
    let mut times = [a, b, c];
    times.sort_unstable();
    (times[0], times[1], times[2])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn integral_is_additive(schedule in schedule_strategy(), a in time(), b in time(), c in time()) {
        let (a, b, c) = sorted3(a, b, c);
        let whole = schedule.integral(a, c).unwrap();
        let parts = schedule.integral(a, b).unwrap() + schedule.integral(b, c).unwrap();
        prop_assert_eq!(whole, parts);
    }

    #[test]
    fn cumulative_is_monotone(schedule in schedule_strategy(), a in time(), b in time()) {
        let (earlier, later) = (a.min(b), a.max(b));
        prop_assert!(schedule.cumulative(earlier).unwrap() <= schedule.cumulative(later).unwrap());
    }

    #[test]
    fn resumed_cursor_walk_equals_cumulative(
        schedule in schedule_strategy(), a in time(), b in time(), c in time(),
    ) {
        let (a, b, c) = sorted3(a, b, c);
        let (at_a, cursor_a) = schedule.cumulative_from(&schedule.initial_cursor(), a).unwrap();
        let (at_b, cursor_b) = schedule.cumulative_from(&cursor_a, b).unwrap();
        let (at_c, cursor_c) = schedule.cumulative_from(&cursor_b, c).unwrap();
        prop_assert_eq!(at_a, schedule.cumulative(a).unwrap());
        prop_assert_eq!(at_b, schedule.cumulative(b).unwrap());
        prop_assert_eq!(at_c, schedule.cumulative(c).unwrap());
        // The cursor only moves forward, and never onto an epoch starting at or after `end`.
        prop_assert!(cursor_a.epoch <= cursor_b.epoch && cursor_b.epoch <= cursor_c.epoch);
        if let (Curve::StepDecay { epoch_length, .. }, Some(end)) = (&schedule.curve, schedule.end) {
            prop_assert!(schedule.start + cursor_c.epoch * epoch_length < end);
        }
    }

    /// The exact S(t) moves by the model's rates unit by unit, and F is S floored once.
    #[test]
    fn integral_matches_brute_force_sum_of_rates(
        schedule in schedule_strategy(),
        from in 0..=(MAX_RANDOM_START + TIME_SPAN),
        length in 0u64..=2_000,
    ) {
        let to = from + length;
        let model = RateModel::new(&schedule, to);
        let mut brute = BigUint::ZERO;
        for unit in from..to {
            brute += model.rate_scaled(unit);
        }
        let exact_from = big(schedule.cumulative_scaled(from).unwrap());
        let exact_to = big(schedule.cumulative_scaled(to).unwrap());
        prop_assert_eq!(&exact_to - &exact_from, brute);
        let scale = big(RATE_SCALE);
        let floored = |exact: &BigUint| exact / &scale;
        prop_assert_eq!(big(schedule.cumulative(from).unwrap()), floored(&exact_from));
        prop_assert_eq!(big(schedule.cumulative(to).unwrap()), floored(&exact_to));
        prop_assert_eq!(
            big(schedule.integral(from, to).unwrap()),
            floored(&exact_to) - floored(&exact_from)
        );
        prop_assert_eq!(big(schedule.rate_at_scaled(from).unwrap()), model.rate_scaled(from));
        prop_assert_eq!(big(schedule.rate_at(from).unwrap()), model.rate_scaled(from) / &scale);
    }

    #[test]
    fn rate_never_increases_after_start(schedule in schedule_strategy(), a in time(), b in time()) {
        let (earlier, later) = (a.min(b), a.max(b));
        prop_assume!(earlier >= schedule.start);
        prop_assert!(schedule.rate_at(later).unwrap() <= schedule.rate_at(earlier).unwrap());
        prop_assert!(
            schedule.rate_at_scaled(later).unwrap() <= schedule.rate_at_scaled(earlier).unwrap()
        );
    }

    /// A 1% step decay: with E[k] the exact emission of epoch k (1e-18 units) and I[k] the
    /// whole units released over it, F(end of k) - F(start of k):
    /// - E[k+1] = L * floor(0.99 * r[k]) lies in (0.99 E[k] - L, 0.99 E[k]]: the decay's rounding
    ///   costs less than L * 1e-18 of a base unit per epoch, under one unit for L < 1e18;
    /// - I[k+1] is E[k+1] / 1e18 floored or one more (F is floored at each end of the epoch), so
    ///   it is within one base unit of 0.99 times the previous epoch's exact emission (plus
    ///   L * 1e-18), and |I[k+1] - 0.99 I[k]| < 2 for the two floored integrals.
    #[test]
    fn one_percent_decay_releases_ninety_nine_percent_of_the_previous_epoch(
        initial_rate in 1..=MAX_RANDOM_RATE,
        start in 0..=MAX_RANDOM_START,
        epoch_length in 1u64..=10_000,
        epochs in 1u64..=60,
    ) {
        let schedule = Schedule::step_decay(
            start,
            Uint128::new(initial_rate),
            epoch_length,
            Decay::Bps { factor_bps: 9_900 },
        );
        let boundary = |k: u64| start + k * epoch_length;
        let exact_before = |t: u64| big(schedule.cumulative_scaled(t).unwrap());
        let exact = |k: u64| exact_before(boundary(k + 1)) - exact_before(boundary(k));
        let whole = |k: u64| big(schedule.integral(boundary(k), boundary(k + 1)).unwrap());
        let scale = big(RATE_SCALE);
        let length = big(epoch_length);
        for k in 0..epochs {
            let (previous, next) = (exact(k), exact(k + 1));
            prop_assert!(big(100u8) * &next <= big(99u8) * &previous);
            prop_assert!(big(99u8) * &previous < big(100u8) * (&next + &length));
            let released = whole(k + 1);
            let next_floor = &next / &scale;
            prop_assert!(released == next_floor || released == &next_floor + 1u8);
            // |100 I[k+1] - 99 I[k]| < 200.
            let (hundred_next, ninety_nine_previous) = (big(100u8) * &released, big(99u8) * whole(k));
            let gap = if hundred_next > ninety_nine_previous {
                hundred_next - ninety_nine_previous
            } else {
                ninety_nine_previous - hundred_next
            };
            prop_assert!(gap < big(200u8));
        }
    }

    #[test]
    fn floor_sum_matches_brute_force(
        n in 0u128..200, m in 1u128..1_000_000, a in 0u128..1_000_000_000_000, b in 0u128..1_000_000_000_000,
    ) {
        let brute: u128 = (0..n).map(|i| (a * i + b) / m).sum();
        let fast = floor_sum(Uint256::from(n), Uint256::from(m), Uint256::from(a), Uint256::from(b));
        prop_assert_eq!(fast, Ok(Uint256::from(brute)));
    }

    #[test]
    fn mul_div_rounds_in_the_named_direction(
        a in any_magnitude_u128(), b in any_magnitude_u128(), denom in any_magnitude_u128(),
    ) {
        prop_assume!(denom != 0);
        let (a, b, denom) = (Uint128::new(a), Uint128::new(b), Uint128::new(denom));
        let product = a.full_mul(b);
        let denom_wide = Uint256::from(denom);
        let exact = (product % denom_wide).is_zero();
        match (mul_div_floor(a, b, denom), mul_div_ceil(a, b, denom)) {
            (Ok(floor), Ok(ceil)) => {
                // floor * d <= a * b <= ceil * d
                prop_assert!(floor.full_mul(denom) <= product);
                prop_assert!(product <= ceil.full_mul(denom));
                // ... and floor is the largest such multiple: (floor + 1) * d > a * b.
                prop_assert!((Uint256::from(floor) + Uint256::one()) * denom_wide > product);
                prop_assert_eq!(ceil - floor, if exact { Uint128::zero() } else { Uint128::one() });
            }
            (Ok(floor), Err(MathError::Overflow(_))) => {
                // Only a floor of MAX with a remainder can push ceil out of range.
                prop_assert_eq!(floor, Uint128::MAX);
                prop_assert!(!exact);
            }
            (Err(MathError::Overflow(_)), Err(MathError::Overflow(_))) => {
                // The quotient really exceeds u128: a * b >= (MAX + 1) * d.
                let limit = (Uint256::from(Uint128::MAX) + Uint256::one()) * denom_wide;
                prop_assert!(product >= limit);
            }
            other => prop_assert!(false, "unexpected {:?}", other),
        }
    }

    #[test]
    fn mul_div_u256_rounds_in_the_named_direction(
        a in any_magnitude_u256(), b in any_magnitude_u256(), denom in any_magnitude_u256(),
    ) {
        prop_assume!(!denom.is_zero());
        let product = a.full_mul(b);
        let denom_wide = Uint512::from(denom);
        let exact = (product % denom_wide).is_zero();
        match (mul_div_u256_floor(a, b, denom), mul_div_u256_ceil(a, b, denom)) {
            (Ok(floor), Ok(ceil)) => {
                prop_assert!(floor.full_mul(denom) <= product);
                prop_assert!(product <= ceil.full_mul(denom));
                prop_assert!((Uint512::from(floor) + Uint512::one()) * denom_wide > product);
                prop_assert_eq!(ceil - floor, if exact { Uint256::zero() } else { Uint256::one() });
            }
            (Ok(floor), Err(MathError::Overflow(_))) => {
                prop_assert_eq!(floor, Uint256::MAX);
                prop_assert!(!exact);
            }
            (Err(MathError::Overflow(_)), Err(MathError::Overflow(_))) => {
                let limit = (Uint512::from(Uint256::MAX) + Uint512::one()) * denom_wide;
                prop_assert!(product >= limit);
            }
            other => prop_assert!(false, "unexpected {:?}", other),
        }
    }

    #[test]
    fn spread_reconstructs_exactly(scaled in any_magnitude_u256(), units in any_magnitude_u256()) {
        prop_assume!(!units.is_zero());
        let (per_unit, remainder) = spread(scaled, units).unwrap();
        prop_assert!(remainder < units);
        // per_unit * units <= scaled, so the product cannot overflow.
        prop_assert_eq!(per_unit * units + remainder, scaled);
    }

    #[test]
    fn from_scaled_floor_reconstructs_exactly(amount in any_magnitude_u128(), dust in any_magnitude_u256()) {
        let dust = dust % ACC_SCALE;
        let scaled = to_scaled(Uint128::new(amount)) + dust;
        let (whole, remainder) = from_scaled_floor(scaled).unwrap();
        prop_assert_eq!(whole, Uint128::new(amount));
        prop_assert_eq!(remainder, dust);
        prop_assert_eq!(to_scaled(whole) + remainder, scaled);
    }
}
