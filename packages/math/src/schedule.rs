//! Emission schedules with exact integrals.
//!
//! A schedule gives a rate for every clock unit `[t, t+1)`. StepDecay rates are kept in 1e18
//! fixed point, so a 1% decay of 10 units per second is exactly 9.9 per second rather than 9;
//! constant and linear rates are whole base units (a linear rate is floored per unit). The
//! exact cumulative emission `S(t)` is the sum of those rates over `[start, t)` in 1e18-scaled
//! base units, and `F(t) = floor(S(t) / 1e18)` is floored once, when it is returned. `S` does not
//! depend on where anyone settled, so `integral(a, c) == integral(a, b) + integral(b, c)` holds
//! exactly by telescoping, `F` never decreases, and a farm that settles every second emits
//! exactly what one settling once a year would.
//!
//! Costs: constant O(1); linear O(log) through [`floor_sum`]; step decay O(epochs walked),
//! at most [`MAX_DECAY_EPOCHS`], and O(1) amortised when resumed from a [`Cursor`].
use cosmwasm_schema::cw_serde;
use cosmwasm_std::{Uint128, Uint256};

use crate::floor_sum::floor_sum;
use crate::mul_div::{mul_div_floor, mul_div_u256_floor};
use crate::MathError;

/// Curve's yearly reduction: 2^(1/4) as an 18-decimal fixed-point number.
pub const CURVE_REDUCTION_FACTOR: u128 = 1_189_207_115_002_721_024;

/// A 365-day year in seconds: Curve's emission epoch.
pub const YEAR_SECONDS: u64 = 31_536_000;

/// A StepDecay schedule must reach rate 0, or its `end`, within this many epochs (validated),
/// which bounds every epoch walk. Rates are 1e18 fixed point, so rate 0 means below 1e-18 base
/// units per clock unit: a 1% decay from `r` whole units needs about `ln(r * 1e18) / 0.01005`
/// epochs (4,353 from 10 units, 8,249 from 1e18), a 0.1% decay ten times as many.
pub const MAX_DECAY_EPOCHS: u64 = 10_000;

/// Clock units over which `validate` checks that a schedule emitting forever (no `end`, never
/// reaching rate 0) stays within u128: 1e11 units is about 3,170 years in seconds.
pub const VALIDATION_HORIZON: u64 = 100_000_000_000;

/// Denominator of `Decay::Bps`.
const BPS_DENOMINATOR: u128 = 10_000;

/// Denominator of `Decay::Fixed18` and of Curve's reduction factor.
const FIXED18_ONE: u128 = 1_000_000_000_000_000_000;

/// The fixed-point scale of StepDecay rates, of [`Cursor`] and of every `*_scaled` value: 1e18
/// means one reward base unit. A rate of at most u128::MAX whole units is below 2^188 scaled, and
/// it never increases, so the exact emission over any `t - start <= u64::MAX` units is below
/// 2^188 * 2^64 = 2^252: scaled sums always fit in 256 bits.
pub const RATE_SCALE: u128 = FIXED18_ONE;

/// An emission schedule on the farm's clock (blocks or seconds).
///
/// Every rate field is in whole reward base units per clock unit. Emission happens over
/// `[start, end)`; before `start` and from `end` on the rate is zero.
#[cw_serde]
#[derive(Eq)]
pub struct Schedule {
    pub start: u64,
    pub end: Option<u64>,
    pub curve: Curve,
}

#[cw_serde]
#[derive(Eq)]
pub enum Curve {
    /// The same rate every clock unit.
    Constant { rate: Uint128 },
    /// Piecewise-constant rate per epoch of `epoch_length` units, counted from `start`.
    /// Epoch 0 runs at `initial_rate`; each next epoch's rate is the previous one times the
    /// decay factor, kept in 1e18 fixed point and rounded down there (an emission is a credit):
    /// `rate[0] = initial_rate * 1e18`, `rate[k+1] = floor(rate[k] * num / den)`.
    StepDecay {
        initial_rate: Uint128,
        epoch_length: u64,
        decay: Decay,
    },
    /// Rate falls linearly from `initial_rate` to `final_rate` over `duration` units, then
    /// stays at `final_rate`: `rate(u) = final + floor((initial - final) * (duration - u) / duration)`
    /// for `u = t - start < duration`.
    Linear {
        initial_rate: Uint128,
        final_rate: Uint128,
        duration: u64,
    },
}

#[cw_serde]
#[derive(Eq)]
pub enum Decay {
    /// Multiply by `factor_bps / 10_000` each epoch (e.g. 9_900 = 1% decay). 0 < bps < 10_000.
    Bps { factor_bps: u32 },
    /// Multiply by `factor / 1e18` each epoch. 0 < factor < 1e18.
    Fixed18 { factor: Uint128 },
    /// Halve each epoch (`floor(rate / 2)` on the 1e18-scaled rate).
    Halving,
    /// Curve's yearly reduction: divide by 2^(1/4), i.e.
    /// `floor(rate * 1e18 / 1_189_207_115_002_721_024)` on the 1e18-scaled rate.
    CurveYearly,
}

/// StepDecay walk state: epoch index, its rate, and the exact emission before that epoch's start
/// (constant and linear schedules ignore it).
///
/// A farm stores the cursor next to its last settlement time so the next settlement resumes
/// the walk instead of replaying every epoch since `start`.
///
/// Both amounts are 1e18 fixed point ([`RATE_SCALE`]). Cursors written before this was so held
/// whole units in the same field names; JSON stores both as decimal strings, so an old cursor
/// still parses as this type but means 1e18 times less. Convert it with
/// [`cursor_from_integer`] (reading it as an [`IntegerCursor`]) before using it.
#[cw_serde]
#[derive(Default, Eq)]
pub struct Cursor {
    pub epoch: u64,
    /// The epoch's rate in 1e18 fixed point: base units per clock unit times 1e18.
    pub rate: Uint256,
    /// Exact emission over `[start, start + epoch * epoch_length)` in 1e18-scaled base units,
    /// not floored.
    pub cumulative: Uint256,
}

/// The cursor as stored before StepDecay rates were kept in 1e18 fixed point: `rate` and
/// `cumulative` in whole base units. Only a migration needs it.
#[cw_serde]
#[derive(Default, Eq)]
pub struct IntegerCursor {
    pub epoch: u64,
    pub rate: Uint128,
    pub cumulative: Uint128,
}

/// Converts an [`IntegerCursor`] to a [`Cursor`] by scaling its rate and cumulative by 1e18
/// (exact: `u128::MAX * 1e18 < 2^188`).
///
/// The converted cursor keeps the old walk's history: resuming from it, `F` at the old
/// settlement time is the `F` the farm already stored, so nothing already released changes.
/// From the cursor's epoch on, the rate decays in 1e18 fixed point. Its walk therefore starts
/// from the old floored rate, and can differ from a fresh walk from
/// [`Schedule::initial_cursor`] by what the old integer rounding had already dropped.
pub fn cursor_from_integer(old: &IntegerCursor) -> Cursor {
    let scale = Uint256::from(RATE_SCALE);
    Cursor {
        epoch: old.epoch,
        rate: Uint256::from(old.rate) * scale,
        cumulative: Uint256::from(old.cumulative) * scale,
    }
}

impl Decay {
    /// The per-epoch multiplier as `(numerator, denominator)`; below 1 for every valid decay.
    pub fn ratio(&self) -> (Uint128, Uint128) {
        match self {
            Decay::Bps { factor_bps } => {
                (Uint128::from(*factor_bps), Uint128::new(BPS_DENOMINATOR))
            }
            Decay::Fixed18 { factor } => (*factor, Uint128::new(FIXED18_ONE)),
            Decay::Halving => (Uint128::one(), Uint128::new(2)),
            Decay::CurveYearly => (
                Uint128::new(FIXED18_ONE),
                Uint128::new(CURVE_REDUCTION_FACTOR),
            ),
        }
    }

    /// The next epoch's rate from a 1e18-scaled one: `floor(rate * num / den)`, rounded down
    /// because an emission is a credit.
    pub fn apply(&self, rate_scaled: Uint256) -> Result<Uint256, MathError> {
        let (numerator, denominator) = self.ratio();
        mul_div_u256_floor(rate_scaled, numerator.into(), denominator.into())
    }
}

impl Schedule {
    /// The same `rate` every unit from `start` on.
    pub fn constant(start: u64, rate: Uint128) -> Self {
        Schedule {
            start,
            end: None,
            curve: Curve::Constant { rate },
        }
    }

    /// `initial_rate` for the first `epoch_length` units, then decayed by `decay` each epoch.
    pub fn step_decay(start: u64, initial_rate: Uint128, epoch_length: u64, decay: Decay) -> Self {
        Schedule {
            start,
            end: None,
            curve: Curve::StepDecay {
                initial_rate,
                epoch_length,
                decay,
            },
        }
    }

    /// Curve's emission: yearly epochs (seconds clock), each divided by 2^(1/4).
    pub fn curve_yearly(start: u64, initial_rate: Uint128) -> Self {
        Self::step_decay(start, initial_rate, YEAR_SECONDS, Decay::CurveYearly)
    }

    /// From `initial_rate` down to `final_rate` over `duration` units, then `final_rate`.
    pub fn linear(start: u64, initial_rate: Uint128, final_rate: Uint128, duration: u64) -> Self {
        Schedule {
            start,
            end: None,
            curve: Curve::Linear {
                initial_rate,
                final_rate,
                duration,
            },
        }
    }

    /// Stops emission from `end` on.
    pub fn with_end(self, end: u64) -> Self {
        Schedule {
            end: Some(end),
            ..self
        }
    }

    /// Checks the fields, that a StepDecay schedule has at most [`MAX_DECAY_EPOCHS`] epochs
    /// with a nonzero rate before its end, and that the total it can emit fits in u128: over
    /// its whole life if it ends or decays to zero, else over [`VALIDATION_HORIZON`] units.
    pub fn validate(&self) -> Result<(), MathError> {
        if let Some(end) = self.end {
            if end <= self.start {
                return Err(invalid(format!(
                    "end {end} must be after start {}",
                    self.start
                )));
            }
        }
        match &self.curve {
            Curve::Constant { rate } => {
                if rate.is_zero() {
                    return Err(invalid("rate must be positive, got 0".to_string()));
                }
            }
            Curve::StepDecay {
                initial_rate,
                epoch_length,
                decay,
            } => {
                if initial_rate.is_zero() {
                    return Err(invalid("initial_rate must be positive, got 0".to_string()));
                }
                if *epoch_length == 0 {
                    return Err(invalid("epoch_length must be positive, got 0".to_string()));
                }
                validate_decay(decay)?;
            }
            Curve::Linear {
                initial_rate,
                final_rate,
                duration,
            } => {
                if *duration == 0 {
                    return Err(invalid("duration must be positive, got 0".to_string()));
                }
                if initial_rate.is_zero() {
                    return Err(invalid("initial_rate must be positive, got 0".to_string()));
                }
                if final_rate > initial_rate {
                    return Err(invalid(format!(
                        "final_rate {final_rate} must not exceed initial_rate {initial_rate}"
                    )));
                }
            }
        }
        // Computing the total over the horizon also walks every StepDecay epoch, so it checks
        // the epoch bound (an InvalidSchedule from the walk) and overflow at once.
        let horizon_end = self.validation_horizon_end();
        match self.cumulative(horizon_end) {
            Ok(_) => Ok(()),
            Err(MathError::Overflow(_)) => {
                let (field, rate) = self.leading_rate();
                Err(invalid(format!(
                    "{field} {rate} is too large: the total emitted from start {} to {horizon_end} overflows u128",
                    self.start
                )))
            }
            Err(other) => Err(other),
        }
    }

    /// The rate for the unit `[t, t+1)` in whole base units, rounded down (a StepDecay rate of
    /// 9.9 per unit reads 9): 0 before `start` and from `end` on. For display; emission uses
    /// the exact [`Schedule::rate_at_scaled`].
    pub fn rate_at(&self, t: u64) -> Result<Uint128, MathError> {
        whole_units_floor(self.rate_at_scaled(t)?, "schedule rate")
    }

    /// The exact rate for the unit `[t, t+1)` in 1e18 fixed point ([`RATE_SCALE`]): 0 before
    /// `start` and from `end` on.
    pub fn rate_at_scaled(&self, t: u64) -> Result<Uint256, MathError> {
        if t < self.start || self.end.is_some_and(|end| t >= end) {
            return Ok(Uint256::zero());
        }
        let unit = t - self.start;
        match &self.curve {
            Curve::Constant { rate } => Ok(scaled(*rate)),
            Curve::StepDecay {
                epoch_length,
                decay,
                ..
            } => {
                let epoch_length = nonzero_epoch_length(*epoch_length)?;
                let epoch = unit / epoch_length;
                let walk = walk_epochs(self.initial_cursor(), epoch, epoch_length, decay)?;
                // The walk stops early only when every later epoch has rate 0.
                if walk.epoch == epoch {
                    Ok(walk.rate)
                } else {
                    Ok(Uint256::zero())
                }
            }
            Curve::Linear {
                initial_rate,
                final_rate,
                duration,
            } => Ok(scaled(linear_rate(
                *initial_rate,
                *final_rate,
                *duration,
                unit,
            )?)),
        }
    }

    /// `F(t)`: the emission over `[start, t)` in whole base units, `floor(S(t) / 1e18)` with
    /// `S` the exact [`Schedule::cumulative_scaled`]. Overflow if it does not fit in u128.
    pub fn cumulative(&self, t: u64) -> Result<Uint128, MathError> {
        let units = self.emitting_units_before(t);
        match &self.curve {
            Curve::Constant { rate } => rate
                .checked_mul(Uint128::from(units))
                .map_err(|_| MathError::Overflow("constant schedule cumulative")),
            Curve::StepDecay { .. } => Ok(self.cumulative_from(&self.initial_cursor(), t)?.0),
            Curve::Linear {
                initial_rate,
                final_rate,
                duration,
            } => linear_cumulative(*initial_rate, *final_rate, *duration, units),
        }
    }

    /// `S(t)`: the exact emission over `[start, t)` in 1e18-scaled base units, i.e. the sum of
    /// `rate_at_scaled(u)` for `u` in `[start, t)`, before [`Schedule::cumulative`] floors it.
    /// Overflow exactly when `cumulative(t)` overflows, so the two always agree.
    pub fn cumulative_scaled(&self, t: u64) -> Result<Uint256, MathError> {
        match &self.curve {
            Curve::StepDecay { .. } => {
                let (exact, _) = self.step_decay_scaled_from(&self.initial_cursor(), t)?;
                whole_units_floor(exact, "step decay cumulative")?;
                Ok(exact)
            }
            // Constant and linear rates are whole units, so S(t) = F(t) * 1e18 exactly.
            Curve::Constant { .. } | Curve::Linear { .. } => Ok(scaled(self.cumulative(t)?)),
        }
    }

    /// Emission over `[from, to)`: `F(to) - F(from)`. InvalidInterval if `from > to`.
    pub fn integral(&self, from: u64, to: u64) -> Result<Uint128, MathError> {
        if from > to {
            return Err(MathError::InvalidInterval { from, to });
        }
        // Resuming the second walk from the first one's cursor keeps StepDecay at one walk.
        let (emitted_before_from, cursor) = self.cumulative_from(&self.initial_cursor(), from)?;
        let (emitted_before_to, _) = self.cumulative_from(&cursor, to)?;
        emitted_before_to
            .checked_sub(emitted_before_from)
            .map_err(|_| MathError::Overflow("integral: cumulative decreased"))
    }

    /// Epoch 0, the initial rate in 1e18 fixed point, cumulative 0.
    pub fn initial_cursor(&self) -> Cursor {
        let rate = match &self.curve {
            Curve::Constant { rate } => *rate,
            Curve::StepDecay { initial_rate, .. } | Curve::Linear { initial_rate, .. } => {
                *initial_rate
            }
        };
        Cursor {
            epoch: 0,
            rate: scaled(rate),
            cumulative: Uint256::zero(),
        }
    }

    /// `F(t)` in whole base units (floored once, from the exact `S(t)`), computed by resuming
    /// the epoch walk at `cursor` (which came from this schedule, from `initial_cursor` or an
    /// earlier call with `t' <= t`); returns `F(t)` and the cursor moved to the epoch of the
    /// last unit counted by `F(t)` (never past the last epoch with a nonzero rate or past
    /// `end`). Cost O(epochs crossed), at most [`MAX_DECAY_EPOCHS`]. Equals `cumulative(t)`
    /// exactly. A cursor ahead of `t` is not trusted: the walk restarts from `initial_cursor`.
    /// Constant and linear schedules return the cursor unchanged.
    pub fn cumulative_from(&self, cursor: &Cursor, t: u64) -> Result<(Uint128, Cursor), MathError> {
        if !matches!(self.curve, Curve::StepDecay { .. }) {
            return Ok((self.cumulative(t)?, cursor.clone()));
        }
        let (exact, walk) = self.step_decay_scaled_from(cursor, t)?;
        Ok((whole_units_floor(exact, "step decay cumulative")?, walk))
    }

    /// The StepDecay walk behind [`Schedule::cumulative_from`]: the exact `S(t)` in 1e18-scaled
    /// units and the cursor on the epoch of the last counted unit. Sums cannot overflow 256 bits
    /// (see [`RATE_SCALE`]); the checks only make that explicit.
    fn step_decay_scaled_from(
        &self,
        cursor: &Cursor,
        t: u64,
    ) -> Result<(Uint256, Cursor), MathError> {
        let Curve::StepDecay {
            epoch_length,
            decay,
            ..
        } = &self.curve
        else {
            return Err(invalid(
                "the epoch walk needs a step_decay curve".to_string(),
            ));
        };
        let units = self.emitting_units_before(t);
        if units == 0 {
            return Ok((Uint256::zero(), self.initial_cursor()));
        }
        let epoch_length = nonzero_epoch_length(*epoch_length)?;
        // The epoch holding the last counted unit `units - 1`. At an exact epoch boundary that is
        // the epoch just finished, so the cursor never lands on an epoch starting at `end`.
        let target_epoch = (units - 1) / epoch_length;
        let resume_from = if cursor.epoch > target_epoch {
            self.initial_cursor()
        } else {
            cursor.clone()
        };
        let walk = walk_epochs(resume_from, target_epoch, epoch_length, decay)?;
        // walk.epoch <= target_epoch, so its start lies at or before unit `units - 1`.
        let walk_epoch_start = walk
            .epoch
            .checked_mul(epoch_length)
            .ok_or(MathError::Overflow("step decay epoch start"))?;
        let units_in_walk_epoch = units
            .checked_sub(walk_epoch_start)
            .ok_or(MathError::Overflow("step decay epoch offset"))?
            .min(epoch_length);
        let emitted_in_walk_epoch = walk
            .rate
            .checked_mul(Uint256::from(units_in_walk_epoch))
            .map_err(|_| MathError::Overflow("step decay cumulative"))?;
        let exact = walk
            .cumulative
            .checked_add(emitted_in_walk_epoch)
            .map_err(|_| MathError::Overflow("step decay cumulative"))?;
        Ok((exact, walk))
    }

    /// Units of emission in `[start, min(t, end))`: how many rate terms `F(t)` sums.
    fn emitting_units_before(&self, t: u64) -> u64 {
        let stop = match self.end {
            Some(end) => t.min(end),
            None => t,
        };
        stop.saturating_sub(self.start)
    }

    /// The time up to which `validate` sums emission: the whole life where there is one
    /// (an `end`, a StepDecay reaching rate 0, a linear decline to 0), else the horizon.
    fn validation_horizon_end(&self) -> u64 {
        if let Some(end) = self.end {
            return end;
        }
        match &self.curve {
            // Validation bounds the walk to rate 0, so summing to the clock's end is the whole life.
            Curve::StepDecay { .. } => u64::MAX,
            Curve::Linear {
                final_rate,
                duration,
                ..
            } if final_rate.is_zero() => self
                .start
                .saturating_add((*duration).max(VALIDATION_HORIZON)),
            _ => self.start.saturating_add(VALIDATION_HORIZON),
        }
    }

    /// The rate field that dominates the total, for error messages.
    fn leading_rate(&self) -> (&'static str, Uint128) {
        match &self.curve {
            Curve::Constant { rate } => ("rate", *rate),
            Curve::StepDecay { initial_rate, .. } | Curve::Linear { initial_rate, .. } => {
                ("initial_rate", *initial_rate)
            }
        }
    }
}

fn invalid(message: String) -> MathError {
    MathError::InvalidSchedule(message)
}

/// A whole-unit amount in 1e18 fixed point (exact: `u128::MAX * 1e18 < 2^188`).
fn scaled(whole_units: Uint128) -> Uint256 {
    Uint256::from(whole_units) * Uint256::from(RATE_SCALE)
}

/// `floor(amount_scaled / 1e18)`: the whole base units of a 1e18-scaled amount, rounded down
/// because emission is a credit. Overflow (naming `context`) above u128.
fn whole_units_floor(amount_scaled: Uint256, context: &'static str) -> Result<Uint128, MathError> {
    let whole = amount_scaled
        .checked_div(Uint256::from(RATE_SCALE))
        .map_err(|_| MathError::DivideByZero)?;
    Uint128::try_from(whole).map_err(|_| MathError::Overflow(context))
}

fn validate_decay(decay: &Decay) -> Result<(), MathError> {
    match decay {
        Decay::Bps { factor_bps } if !(1..BPS_DENOMINATOR).contains(&u128::from(*factor_bps)) => {
            Err(invalid(format!(
                "decay.factor_bps must be in 1..=9999, got {factor_bps}"
            )))
        }
        Decay::Fixed18 { factor } if factor.is_zero() || factor.u128() >= FIXED18_ONE => {
            Err(invalid(format!(
                "decay.factor must be in 1..1e18 (exclusive), got {factor}"
            )))
        }
        _ => Ok(()),
    }
}

fn nonzero_epoch_length(epoch_length: u64) -> Result<u64, MathError> {
    if epoch_length == 0 {
        return Err(invalid("epoch_length must be positive, got 0".to_string()));
    }
    Ok(epoch_length)
}

fn too_many_epochs() -> MathError {
    invalid(format!(
        "step decay has more than MAX_DECAY_EPOCHS ({MAX_DECAY_EPOCHS}) epochs with a nonzero rate before its end; set an earlier end or a faster decay"
    ))
}

/// Moves `walk` forward one epoch at a time until it reaches `target_epoch`, or stops on the
/// last epoch with a nonzero rate (every later epoch emits 0).
///
/// Bound: the walk refuses to step onto epoch index `MAX_DECAY_EPOCHS` (that would be more than
/// `MAX_DECAY_EPOCHS` nonzero epochs, which validation rejects), so the loop body runs at most
/// `MAX_DECAY_EPOCHS` times.
fn walk_epochs(
    mut walk: Cursor,
    target_epoch: u64,
    epoch_length: u64,
    decay: &Decay,
) -> Result<Cursor, MathError> {
    for _step in 0..MAX_DECAY_EPOCHS {
        if walk.epoch >= target_epoch {
            return Ok(walk);
        }
        let next_rate = decay.apply(walk.rate)?;
        if next_rate.is_zero() {
            return Ok(walk);
        }
        let epoch_emission = walk
            .rate
            .checked_mul(Uint256::from(epoch_length))
            .map_err(|_| MathError::Overflow("step decay epoch emission"))?;
        walk.cumulative = walk
            .cumulative
            .checked_add(epoch_emission)
            .map_err(|_| MathError::Overflow("step decay cumulative"))?;
        // F never decreases, so once the emission before an epoch exceeds u128 whole units every
        // F the walk is heading for does too: report it now rather than walking on.
        whole_units_floor(walk.cumulative, "step decay cumulative")?;
        // walk.epoch < target_epoch <= u64::MAX, so the increment cannot overflow.
        let next_epoch = walk.epoch + 1;
        if next_epoch >= MAX_DECAY_EPOCHS {
            return Err(too_many_epochs());
        }
        walk.rate = next_rate;
        walk.epoch = next_epoch;
    }
    Err(too_many_epochs())
}

/// `initial - final`, the part of the rate that declines.
fn linear_decline(initial_rate: Uint128, final_rate: Uint128) -> Result<Uint128, MathError> {
    initial_rate.checked_sub(final_rate).map_err(|_| {
        invalid(format!(
            "final_rate {final_rate} must not exceed initial_rate {initial_rate}"
        ))
    })
}

/// Rate of the linear curve at `unit = t - start`.
fn linear_rate(
    initial_rate: Uint128,
    final_rate: Uint128,
    duration: u64,
    unit: u64,
) -> Result<Uint128, MathError> {
    if unit >= duration {
        return Ok(final_rate);
    }
    let decline = linear_decline(initial_rate, final_rate)?;
    let remaining = mul_div_floor(
        decline,
        Uint128::from(duration - unit),
        Uint128::from(duration),
    )?;
    final_rate
        .checked_add(remaining)
        .map_err(|_| MathError::Overflow("linear rate"))
}

/// Sum of the linear rates of units `0..units`, in closed form.
///
/// Every rate is `final + extra(u)` with `extra(u) = floor(decline * (duration - u) / duration)`
/// for `u < duration` and 0 after. So `F = final * units + Σ_{u<k} extra(u)` with
/// `k = min(units, duration)`. Substituting `j = (duration - u) - (duration - k + 1)` runs `j`
/// over `0..k` and gives `Σ_{j<k} floor((decline*j + decline*(duration - k + 1)) / duration)`,
/// a [`floor_sum`].
fn linear_cumulative(
    initial_rate: Uint128,
    final_rate: Uint128,
    duration: u64,
    units: u64,
) -> Result<Uint128, MathError> {
    let overflow = |_| MathError::Overflow("linear schedule cumulative");
    let at_final_rate = final_rate
        .checked_mul(Uint128::from(units))
        .map_err(overflow)?;
    let declining_units = units.min(duration);
    if declining_units == 0 {
        return Ok(at_final_rate);
    }
    let decline = linear_decline(initial_rate, final_rate)?;
    // declining_units >= 1 and <= duration, so this is in 1..=duration.
    let first_multiplier = duration - declining_units + 1;
    let decline = Uint256::from(decline);
    let extra = floor_sum(
        Uint256::from(declining_units),
        Uint256::from(duration),
        decline,
        decline
            .checked_mul(Uint256::from(first_multiplier))
            .map_err(overflow)?,
    )?;
    let extra =
        Uint128::try_from(extra).map_err(|_| MathError::Overflow("linear schedule cumulative"))?;
    at_final_rate.checked_add(extra).map_err(overflow)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rate(value: u128) -> Uint128 {
        Uint128::new(value)
    }

    /// `whole` base units in 1e18 fixed point.
    fn e18(whole: u128) -> Uint256 {
        Uint256::from(whole) * Uint256::from(RATE_SCALE)
    }

    fn expect_invalid(schedule: &Schedule, field: &str) {
        match schedule.validate() {
            Err(MathError::InvalidSchedule(message)) => {
                assert!(
                    message.contains(field),
                    "message {message:?} should name {field}"
                )
            }
            other => panic!("expected InvalidSchedule naming {field}, got {other:?}"),
        }
    }

    // ---------------------------------------------------------------- constant

    #[test]
    fn constant_clips_to_start_and_end() {
        let schedule = Schedule::constant(100, rate(7)).with_end(200);
        schedule.validate().unwrap();
        assert_eq!(schedule.rate_at(99), Ok(rate(0)));
        assert_eq!(schedule.rate_at(100), Ok(rate(7)));
        assert_eq!(schedule.rate_at(199), Ok(rate(7)));
        assert_eq!(schedule.rate_at(200), Ok(rate(0)));
        // Nothing before start; 7 * (150 - 100) = 350; capped at 7 * (200 - 100) = 700.
        assert_eq!(schedule.cumulative(50), Ok(rate(0)));
        assert_eq!(schedule.cumulative(100), Ok(rate(0)));
        assert_eq!(schedule.cumulative(150), Ok(rate(350)));
        assert_eq!(schedule.cumulative(1_000), Ok(rate(700)));
        // [50, 150) overlaps emission on [100, 150): 350. [150, 150) is empty.
        assert_eq!(schedule.integral(50, 150), Ok(rate(350)));
        assert_eq!(schedule.integral(150, 150), Ok(rate(0)));
        assert_eq!(
            schedule.integral(150, 50),
            Err(MathError::InvalidInterval { from: 150, to: 50 })
        );
    }

    // ---------------------------------------------------------------- step decay

    /// 10 tokens/s decaying 1% per epoch, over [W-10, W+10]: 100 + 99 tokens.
    /// In base units of a 6-decimal token: r0 = 10_000_000, r1 = floor(10_000_000 * 9_900 / 10_000)
    /// = 9_900_000; 10 units at each: 100_000_000 + 99_000_000 = 199_000_000.
    #[test]
    fn epoch_boundary_splits_the_interval() {
        const WEEK: u64 = 604_800;
        let schedule =
            Schedule::step_decay(0, rate(10_000_000), WEEK, Decay::Bps { factor_bps: 9_900 });
        schedule.validate().unwrap();
        assert_eq!(schedule.rate_at(WEEK - 1), Ok(rate(10_000_000)));
        assert_eq!(schedule.rate_at(WEEK), Ok(rate(9_900_000)));
        assert_eq!(
            schedule.integral(WEEK - 10, WEEK + 10),
            Ok(rate(199_000_000))
        );
    }

    /// The same with a rate of 10 base units. In 1e18 fixed point r1 = floor(10e18 * 9_900 /
    /// 10_000) = 9.9e18 exactly (an integer rate would floor it to 9, a 10% cut, and give 190).
    /// F(WEEK - 10) = 10 * 604_790 = 6_047_900 and F(WEEK + 10) = 10 * 604_800 + 9.9 * 10 =
    /// 6_048_099, both exact: 10 * 10 + 9.9 * 10 = 199.
    #[test]
    fn epoch_boundary_with_tiny_rate_keeps_the_exact_decayed_rate() {
        const WEEK: u64 = 604_800;
        let schedule = Schedule::step_decay(0, rate(10), WEEK, Decay::Bps { factor_bps: 9_900 });
        schedule.validate().unwrap();
        assert_eq!(schedule.cumulative(WEEK - 10), Ok(rate(6_047_900)));
        assert_eq!(schedule.cumulative(WEEK + 10), Ok(rate(6_048_099)));
        assert_eq!(schedule.integral(WEEK - 10, WEEK + 10), Ok(rate(199)));
    }

    /// 10 units/s, 1% step decay (9_900 bps), epochs of 100 s. In 1e18 fixed point:
    /// r0 = 10e18, r1 = floor(10e18 * 9_900 / 10_000) = 9.9e18, r2 = floor(9.9e18 * 9_900 / 10_000)
    /// = 9.801e18, all exact. Epoch 0 releases 100 * 10 = 1000, epoch 1 exactly 100 * 9.9 = 990,
    /// epoch 2 100 * 9.801 = 980.1: S(300) = 2970.1e18 and F(300) = floor(2970.1) = 2970, so the
    /// whole-unit integral over epoch 2 is 2970 - 1990 = 980.
    /// Mid-epoch: F(150) = 1000 + 9.9 * 50 = 1495 exactly; F(155) = 1000 + 9.9 * 55 = 1544.5,
    /// floored once to 1544; F(160) = 1000 + 9.9 * 60 = 1594. Settling at 150, 155 and 160
    /// releases 1495, 49 and 50: the half unit left at 155 comes out at 160, never lost.
    #[test]
    fn one_percent_decay_of_ten_per_second_is_exactly_nine_point_nine() {
        let schedule = Schedule::step_decay(0, rate(10), 100, Decay::Bps { factor_bps: 9_900 });
        schedule.validate().unwrap();
        assert_eq!(schedule.rate_at_scaled(99), Ok(e18(10)));
        assert_eq!(
            schedule.rate_at_scaled(100),
            Ok(Uint256::from(9_900_000_000_000_000_000u128))
        );
        assert_eq!(
            schedule.rate_at_scaled(200),
            Ok(Uint256::from(9_801_000_000_000_000_000u128))
        );
        // The whole-unit rate is only a floored reading of 9.9 / 9.801.
        assert_eq!(schedule.rate_at(100), Ok(rate(9)));
        assert_eq!(schedule.rate_at(200), Ok(rate(9)));

        assert_eq!(schedule.cumulative(100), Ok(rate(1_000)));
        assert_eq!(schedule.cumulative(200), Ok(rate(1_990)));
        assert_eq!(schedule.integral(100, 200), Ok(rate(990)));
        assert_eq!(
            schedule.cumulative_scaled(300),
            Ok(Uint256::from(2_970_100_000_000_000_000_000u128))
        );
        assert_eq!(schedule.cumulative(300), Ok(rate(2_970)));
        assert_eq!(schedule.integral(200, 300), Ok(rate(980)));

        assert_eq!(schedule.cumulative(150), Ok(rate(1_495)));
        assert_eq!(
            schedule.cumulative_scaled(155),
            Ok(Uint256::from(1_544_500_000_000_000_000_000u128))
        );
        assert_eq!(schedule.cumulative(155), Ok(rate(1_544)));

        // A farm settling at 150, 155 and 160 with its stored cursor.
        let (at_150, cursor) = schedule
            .cumulative_from(&schedule.initial_cursor(), 150)
            .unwrap();
        assert_eq!(
            cursor,
            Cursor {
                epoch: 1,
                rate: Uint256::from(9_900_000_000_000_000_000u128),
                cumulative: e18(1_000),
            }
        );
        let (at_155, cursor) = schedule.cumulative_from(&cursor, 155).unwrap();
        let (at_160, _) = schedule.cumulative_from(&cursor, 160).unwrap();
        assert_eq!(
            (at_150, at_155, at_160),
            (rate(1_495), rate(1_544), rate(1_594))
        );
        assert_eq!((at_155 - at_150, at_160 - at_155), (rate(49), rate(50)));

        // Settling every second releases F(300) = 2970 in total, like one settlement.
        let mut cursor = schedule.initial_cursor();
        let mut last = Uint128::zero();
        let mut released = Uint128::zero();
        for t in 1..=300 {
            let (now, next) = schedule.cumulative_from(&cursor, t).unwrap();
            released += now - last;
            (last, cursor) = (now, next);
        }
        assert_eq!(released, rate(2_970));
    }

    /// Halving 1000/s every 100 units: F(250) = 100 * 1000 + 100 * 500 + 50 * 250 = 162_500.
    #[test]
    fn halving() {
        let schedule = Schedule::step_decay(0, rate(1_000), 100, Decay::Halving);
        schedule.validate().unwrap();
        assert_eq!(schedule.rate_at(250), Ok(rate(250)));
        assert_eq!(schedule.cumulative(250), Ok(rate(162_500)));
    }

    /// Halving 1000 in 1e18 fixed point: epoch k runs at r_k = floor(1e21 / 2^k) (1e-18 units).
    /// 1e21 = 2^21 * 5^21, so r_k = 1000 / 2^k exactly for k <= 21; epoch 9 runs at
    /// 1000 / 512 = 1.953125 (reads 1) and epoch 10 at 0.9765625 (reads 0, yet still emits).
    /// F(1000) = floor(100 * 1000 * (2 - 2^-9)) = floor(199_804.6875) = 199_804.
    /// r_k is nonzero while 2^k <= 1e21, i.e. k <= 69 (2^69 = 590_295_810_358_705_651_712 <= 1e21
    /// < 2^70); r_69 = 1. Legendre: Σ_{k>=0} floor(N / 2^k) = 2N - s2(N), with s2 the binary
    /// digit sum; s2(1e21) = s2(5^21) = s2(476_837_158_203_125) = 29. Whole life:
    /// S = 100 * (2e21 - 29) and F = floor(200_000 - 2_900e-18) = 199_999: the integer rates
    /// (1000, 500, ..., 3, 1, then 0) gave 199_400. The cursor stops on epoch 69 (rate 1e-18)
    /// with 100 * (2e21 - 29 - r_69) = 199_999_999_999_999_999_997_000 before it.
    #[test]
    fn halving_runs_out_and_the_cursor_stops_on_the_last_nonzero_epoch() {
        let schedule = Schedule::step_decay(0, rate(1_000), 100, Decay::Halving);
        schedule.validate().unwrap();
        assert_eq!(schedule.rate_at(999), Ok(rate(1)));
        assert_eq!(schedule.rate_at(1_000), Ok(rate(0)));
        assert_eq!(
            schedule.rate_at_scaled(1_000),
            Ok(Uint256::from(976_562_500_000_000_000u128))
        );
        assert_eq!(schedule.cumulative(1_000), Ok(rate(199_804)));
        assert_eq!(schedule.rate_at_scaled(6_999), Ok(Uint256::one()));
        assert_eq!(schedule.rate_at_scaled(7_000), Ok(Uint256::zero()));
        let (total, cursor) = schedule
            .cumulative_from(&schedule.initial_cursor(), u64::MAX)
            .unwrap();
        assert_eq!(total, rate(199_999));
        assert_eq!(
            cursor,
            Cursor {
                epoch: 69,
                rate: Uint256::one(),
                cumulative: Uint256::from(199_999_999_999_999_999_997_000u128)
            }
        );
        // Resuming from the terminal cursor is O(1) and still exact.
        assert_eq!(
            schedule.cumulative_from(&cursor, 1_000_000),
            Ok((rate(199_999), cursor.clone()))
        );
    }

    /// Curve: 274_815_283 tokens (18 decimals) in year 0, per second:
    /// r0 = floor(274_815_283e18 / 31_536_000) = 8_714_335_457_889_396_245, since
    /// 8_714_335_457_889_396_245 * 31_536_000 = 274_815_282_999_999_999_982_320_000 and the
    /// remainder 274_815_283e18 - that = 17_680_000 < 31_536_000.
    /// r1 = floor(r0 * 1e18 / 1_189_207_115_002_721_024) = 7_327_853_447_857_530_670, since
    /// 7_327_853_447_857_530_670 * 1_189_207_115_002_721_024 = 8_714_335_457_889_396_244_194_820_139_533_806_080
    /// and the remainder r0 * 1e18 - that = 805_179_860_466_193_920 < 1_189_207_115_002_721_024.
    /// That is the whole-unit part of the year-1 rate. In 1e18 fixed point the rate is
    /// floor(r0 * 1e36 / 1_189_207_115_002_721_024) = r1 * 1e18 + floor(805_179_860_466_193_920 * 1e18
    /// / 1_189_207_115_002_721_024) = r1 * 1e18 + 677_072_858_300_508_560, since
    /// 677_072_858_300_508_560 * 1_189_207_115_002_721_024 leaves 832_411_316_996_034_560 <
    /// 1_189_207_115_002_721_024 of 805_179_860_466_193_920e18.
    /// Year-1 emission: r1 * 31_536_000 = 231_091_186_331_635_087_209_120_000 whole units plus
    /// 677_072_858_300_508_560 * 31_536_000 = 21_352_169_659_364_837_948_160_000 (1e-18 units),
    /// i.e. 21_352_169.659... more units, which the integer rate dropped. F(2 years) =
    /// floor(274_815_282_999_999_999_982_320_000 + 231_091_186_331_635_087_209_120_000 +
    /// 21_352_169.659...) = 505_906_469_331_635_087_212_792_169 (about 274.8M + 274.8M / 1.1892
    /// = 505.9M tokens).
    #[test]
    fn curve_yearly_reduction() {
        let r0: u128 = 8_714_335_457_889_396_245;
        let r1: u128 = 7_327_853_447_857_530_670;
        let r1_fraction: u128 = 677_072_858_300_508_560;
        let e18_u128 = 10u128.pow(18);
        // The hand divisions above, checked as products: q * d + remainder == numerator.
        assert_eq!(r0 * 31_536_000 + 17_680_000, 274_815_283 * e18_u128);
        assert_eq!(
            Uint128::new(r1).full_mul(CURVE_REDUCTION_FACTOR)
                + Uint256::from(805_179_860_466_193_920u128),
            Uint128::new(r0).full_mul(e18_u128)
        );
        assert_eq!(
            Uint128::new(r1_fraction).full_mul(CURVE_REDUCTION_FACTOR)
                + Uint256::from(832_411_316_996_034_560u128),
            Uint128::new(805_179_860_466_193_920).full_mul(e18_u128)
        );
        assert_eq!(
            Uint128::new(r1_fraction).full_mul(31_536_000u128),
            Uint256::from(21_352_169u128) * Uint256::from(e18_u128)
                + Uint256::from(659_364_837_948_160_000u128)
        );

        let schedule = Schedule::curve_yearly(0, rate(r0));
        schedule.validate().unwrap();
        assert_eq!(schedule.rate_at(YEAR_SECONDS - 1), Ok(rate(r0)));
        assert_eq!(schedule.rate_at(YEAR_SECONDS), Ok(rate(r1)));
        assert_eq!(
            schedule.rate_at_scaled(YEAR_SECONDS),
            Ok(e18(r1) + Uint256::from(r1_fraction))
        );
        assert_eq!(
            schedule.cumulative(YEAR_SECONDS),
            Ok(rate(274_815_282_999_999_999_982_320_000))
        );
        assert_eq!(
            schedule.cumulative(2 * YEAR_SECONDS),
            Ok(rate(505_906_469_331_635_087_212_792_169))
        );
    }

    /// Halving 1000, epochs of 100, end 150: epoch 0 in full (100_000) and half of epoch 1
    /// (50 * 500 = 25_000): 125_000 forever after; the cursor stays on epoch 1.
    #[test]
    fn step_decay_end_mid_epoch() {
        let schedule = Schedule::step_decay(0, rate(1_000), 100, Decay::Halving).with_end(150);
        schedule.validate().unwrap();
        assert_eq!(schedule.rate_at(149), Ok(rate(500)));
        assert_eq!(schedule.rate_at(150), Ok(rate(0)));
        let (total, cursor) = schedule
            .cumulative_from(&schedule.initial_cursor(), 1_000_000)
            .unwrap();
        assert_eq!(total, rate(125_000));
        assert_eq!(
            cursor,
            Cursor {
                epoch: 1,
                rate: e18(500),
                cumulative: e18(100_000)
            }
        );
    }

    /// End exactly on an epoch boundary (200): 100_000 + 50_000 = 150_000, and the cursor stays
    /// on epoch 1, never stepping onto epoch 2 which starts at the end.
    #[test]
    fn step_decay_end_on_epoch_boundary() {
        let schedule = Schedule::step_decay(0, rate(1_000), 100, Decay::Halving).with_end(200);
        let (total, cursor) = schedule
            .cumulative_from(&schedule.initial_cursor(), 300)
            .unwrap();
        assert_eq!(total, rate(150_000));
        assert_eq!(cursor.epoch, 1);
    }

    /// Start at 1_000: F(1_150) = 100 * 1000 + 50 * 500 = 125_000; integral(0, 1_100) = 100_000.
    #[test]
    fn step_decay_counts_epochs_from_start() {
        let schedule = Schedule::step_decay(1_000, rate(1_000), 100, Decay::Halving);
        assert_eq!(schedule.rate_at(999), Ok(rate(0)));
        assert_eq!(schedule.rate_at(1_000), Ok(rate(1_000)));
        assert_eq!(schedule.cumulative(1_150), Ok(rate(125_000)));
        assert_eq!(schedule.integral(0, 1_100), Ok(rate(100_000)));
    }

    /// Fixed18 factor 0.5e18 behaves as halving: rates 1000, 500 -> F(200) = 150_000.
    #[test]
    fn fixed18_decay() {
        let half = Decay::Fixed18 {
            factor: rate(500_000_000_000_000_000),
        };
        let schedule = Schedule::step_decay(0, rate(1_000), 100, half);
        schedule.validate().unwrap();
        assert_eq!(schedule.cumulative(200), Ok(rate(150_000)));
    }

    #[test]
    fn cursor_resumes_and_a_cursor_from_the_future_is_ignored() {
        let schedule = Schedule::step_decay(0, rate(1_000), 100, Decay::Halving);
        let (at_250, cursor_250) = schedule
            .cumulative_from(&schedule.initial_cursor(), 250)
            .unwrap();
        // F(250) = 162_500 (see `halving`); cursor on epoch 2 with 100_000 + 50_000 before it.
        assert_eq!(at_250, rate(162_500));
        assert_eq!(
            cursor_250,
            Cursor {
                epoch: 2,
                rate: e18(250),
                cumulative: e18(150_000)
            }
        );
        // F(420) = 150_000 + 100 * 250 + 100 * 125 + 20 * 62.5 = 188_750 (epoch 4 runs at exactly
        // 62.5; the integer rate 62 gave 188_740).
        let (at_420, cursor_420) = schedule.cumulative_from(&cursor_250, 420).unwrap();
        assert_eq!(at_420, rate(188_750));
        assert_eq!(cursor_420.epoch, 4);
        // Asking for an earlier time with a later cursor restarts the walk: F(150) = 125_000.
        assert_eq!(
            schedule.cumulative_from(&cursor_420, 150).unwrap().0,
            rate(125_000)
        );
    }

    // ---------------------------------------------------------------- linear

    /// 100 -> 10 over 10 units: rate(u) = 10 + floor(90 (10 - u) / 10) = 10 + 9 (10 - u):
    /// 100, 91, 82, 73, 64, 55, 46, 37, 28, 19, then 10.
    /// F(10) = Σ_{j=1..10} (10 + 9j) = 100 + 9 * 55 = 595; F(12) = 595 + 2 * 10 = 615;
    /// F(3) = 100 + 91 + 82 = 273.
    #[test]
    fn linear_decline_then_flat() {
        let schedule = Schedule::linear(0, rate(100), rate(10), 10);
        schedule.validate().unwrap();
        let expected = [100u128, 91, 82, 73, 64, 55, 46, 37, 28, 19, 10, 10];
        for (t, expected_rate) in expected.iter().enumerate() {
            assert_eq!(
                schedule.rate_at(t as u64),
                Ok(rate(*expected_rate)),
                "t={t}"
            );
        }
        assert_eq!(schedule.cumulative(3), Ok(rate(273)));
        assert_eq!(schedule.cumulative(10), Ok(rate(595)));
        assert_eq!(schedule.cumulative(12), Ok(rate(615)));
    }

    /// 10 -> 0 over 3 units: floor(10 * 3/3) = 10, floor(10 * 2/3) = 6, floor(10 / 3) = 3, then 0.
    /// F(2) = 16, F(3) = F(100) = 19.
    #[test]
    fn linear_with_floored_rates() {
        let schedule = Schedule::linear(0, rate(10), rate(0), 3);
        schedule.validate().unwrap();
        assert_eq!(schedule.rate_at(1), Ok(rate(6)));
        assert_eq!(schedule.rate_at(2), Ok(rate(3)));
        assert_eq!(schedule.rate_at(3), Ok(rate(0)));
        assert_eq!(schedule.cumulative(2), Ok(rate(16)));
        assert_eq!(schedule.cumulative(3), Ok(rate(19)));
        assert_eq!(schedule.cumulative(100), Ok(rate(19)));
    }

    /// The 100 -> 10 schedule shifted to start 5 and cut at end 10 (5 units: 100 + 91 + 82 + 73
    /// + 64 = 410).
    #[test]
    fn linear_clips_to_start_and_end() {
        let schedule = Schedule::linear(5, rate(100), rate(10), 10).with_end(10);
        schedule.validate().unwrap();
        assert_eq!(schedule.rate_at(4), Ok(rate(0)));
        assert_eq!(schedule.rate_at(5), Ok(rate(100)));
        assert_eq!(schedule.rate_at(10), Ok(rate(0)));
        assert_eq!(schedule.cumulative(5), Ok(rate(0)));
        assert_eq!(schedule.cumulative(1_000), Ok(rate(410)));
        assert_eq!(schedule.integral(7, 9), Ok(rate(82 + 73)));
    }

    /// A long decline computed in closed form: 1e18 -> 0 over 1e12 units. Every rate is
    /// floor(1e18 (1e12 - u) / 1e12) = 1e6 (1e12 - u), exact, so
    /// F(1e12) = 1e6 Σ_{i=1..1e12} i = 1e6 * 1e12 (1e12 + 1) / 2 = 500_000_000_000_500_000_000_000_000_000.
    #[test]
    fn linear_long_decline_in_closed_form() {
        let schedule = Schedule::linear(0, rate(10u128.pow(18)), rate(0), 10u64.pow(12));
        schedule.validate().unwrap();
        assert_eq!(
            schedule.cumulative(10u64.pow(12)),
            Ok(rate(500_000_000_000_500_000_000_000_000_000))
        );
    }

    // ---------------------------------------------------------------- validation

    #[test]
    fn validation_names_the_field() {
        expect_invalid(&Schedule::constant(0, rate(0)), "rate");
        expect_invalid(&Schedule::constant(10, rate(1)).with_end(10), "end 10");
        expect_invalid(&Schedule::constant(10, rate(1)).with_end(5), "end 5");
        expect_invalid(
            &Schedule::step_decay(0, rate(0), 10, Decay::Halving),
            "initial_rate",
        );
        expect_invalid(
            &Schedule::step_decay(0, rate(1), 0, Decay::Halving),
            "epoch_length",
        );
        expect_invalid(
            &Schedule::step_decay(0, rate(1), 10, Decay::Bps { factor_bps: 0 }),
            "factor_bps",
        );
        expect_invalid(
            &Schedule::step_decay(0, rate(1), 10, Decay::Bps { factor_bps: 10_000 }),
            "factor_bps",
        );
        expect_invalid(
            &Schedule::step_decay(0, rate(1), 10, Decay::Fixed18 { factor: rate(0) }),
            "decay.factor",
        );
        expect_invalid(
            &Schedule::step_decay(
                0,
                rate(1),
                10,
                Decay::Fixed18 {
                    factor: rate(FIXED18_ONE),
                },
            ),
            "decay.factor",
        );
        expect_invalid(&Schedule::linear(0, rate(10), rate(5), 0), "duration");
        expect_invalid(&Schedule::linear(0, rate(0), rate(0), 10), "initial_rate");
        expect_invalid(
            &Schedule::linear(0, rate(10), rate(11), 10),
            "final_rate 11",
        );
        // The edges of the valid ranges pass.
        Schedule::step_decay(0, rate(1), 10, Decay::Bps { factor_bps: 1 })
            .validate()
            .unwrap();
        // The slowest decays keep a rate of 1 (1e18 in fixed point) nonzero for far more than
        // MAX_DECAY_EPOCHS epochs (0.9999^10_000 * 1e18 is about 3.7e17), so they need an end;
        // with the end on the last allowed epoch they pass.
        let last_epoch_end = 10 * MAX_DECAY_EPOCHS;
        Schedule::step_decay(0, rate(1), 10, Decay::Bps { factor_bps: 9_999 })
            .with_end(last_epoch_end)
            .validate()
            .unwrap();
        Schedule::step_decay(
            0,
            rate(1),
            10,
            Decay::Fixed18 {
                factor: rate(FIXED18_ONE - 1),
            },
        )
        .with_end(last_epoch_end)
        .validate()
        .unwrap();
        Schedule::linear(0, rate(10), rate(10), 10)
            .validate()
            .unwrap();
    }

    /// 1e18 decaying 0.01% per unit-long epoch stays nonzero far beyond 10_000 epochs (after
    /// 10_000 it is still about 1e18 / e). Without an end it is rejected; with the end at exactly
    /// 10_000 epochs it passes; one more epoch is rejected again.
    #[test]
    fn decay_epochs_are_bounded() {
        let slow =
            Schedule::step_decay(0, rate(10u128.pow(18)), 1, Decay::Bps { factor_bps: 9_999 });
        expect_invalid(&slow, "MAX_DECAY_EPOCHS");
        slow.clone().with_end(MAX_DECAY_EPOCHS).validate().unwrap();
        expect_invalid(
            &slow.clone().with_end(MAX_DECAY_EPOCHS + 1),
            "MAX_DECAY_EPOCHS",
        );
        // Queries on an unvalidated schedule stay bounded and report the problem.
        assert!(matches!(
            slow.cumulative(u64::MAX),
            Err(MathError::InvalidSchedule(_))
        ));
        assert!(matches!(
            slow.rate_at(20_000),
            Err(MathError::InvalidSchedule(_))
        ));
    }

    /// u128::MAX = 340_282_366_920_938_463_463_374_607_431_768_211_455; dropping its last 11
    /// digits, floor(MAX / 1e11) = 3_402_823_669_209_384_634_633_746_074 (remainder
    /// 31_768_211_455). That rate over the 1e11 horizon fits; one more does not, since
    /// (floor + 1) * 1e11 = 340_282_366_920_938_463_463_374_607_500_000_000_000 > MAX.
    #[test]
    fn overflow_over_the_horizon_is_rejected() {
        let largest = 3_402_823_669_209_384_634_633_746_074u128;
        Schedule::constant(0, rate(largest)).validate().unwrap();
        expect_invalid(&Schedule::constant(0, rate(largest + 1)), "rate");
        // With an end the whole life counts instead: MAX for one unit is fine.
        Schedule::constant(0, Uint128::MAX)
            .with_end(1)
            .validate()
            .unwrap();
        expect_invalid(&Schedule::constant(0, Uint128::MAX).with_end(2), "rate");
        // Halving MAX: the whole life is about 2 * MAX.
        expect_invalid(
            &Schedule::step_decay(0, Uint128::MAX, 1, Decay::Halving),
            "initial_rate",
        );
        expect_invalid(&Schedule::curve_yearly(0, Uint128::MAX), "initial_rate");
        expect_invalid(
            &Schedule::linear(0, Uint128::MAX, Uint128::MAX, 10),
            "initial_rate",
        );
        expect_invalid(
            &Schedule::linear(0, Uint128::MAX, rate(0), u64::MAX),
            "initial_rate",
        );
    }

    #[test]
    fn extreme_inputs_return_errors_not_panics() {
        let overflow =
            |result: Result<Uint128, MathError>| matches!(result, Err(MathError::Overflow(_)));
        let schedules = [
            Schedule::constant(0, Uint128::MAX),
            Schedule::step_decay(0, Uint128::MAX, 1, Decay::Halving),
            Schedule::step_decay(0, Uint128::MAX, u64::MAX, Decay::CurveYearly),
            Schedule::curve_yearly(0, Uint128::MAX),
            Schedule::linear(0, Uint128::MAX, rate(0), u64::MAX),
            Schedule::linear(0, Uint128::MAX, Uint128::MAX, 1),
        ];
        for schedule in &schedules {
            assert_eq!(schedule.rate_at(0), Ok(Uint128::MAX));
            assert!(overflow(schedule.cumulative(u64::MAX)), "{schedule:?}");
            assert!(overflow(schedule.integral(0, u64::MAX)), "{schedule:?}");
            // A single unit at MAX fits exactly.
            assert_eq!(schedule.integral(0, 1), Ok(Uint128::MAX));
        }
        // Starting at the last instant of the clock: one unit [u64::MAX, u64::MAX + 1) is never
        // reached by F, whose argument is at most u64::MAX.
        let late = Schedule::constant(u64::MAX, Uint128::MAX);
        assert_eq!(late.rate_at(u64::MAX), Ok(Uint128::MAX));
        assert_eq!(late.cumulative(u64::MAX), Ok(rate(0)));
        // Linear at u64::MAX - 1 units into a u64::MAX-long decline: floor(MAX * 1 / u64::MAX).
        // MAX = 2^128 - 1 = (2^64 - 1)(2^64 + 1), so that is 2^64 + 1.
        let long = Schedule::linear(0, Uint128::MAX, rate(0), u64::MAX);
        assert_eq!(long.rate_at(u64::MAX - 1), Ok(rate((1u128 << 64) + 1)));
    }

    /// u128::MAX = 340_282_366_920_938_463_463_374_607_431_768_211_455 decaying 1% per unit-long
    /// epoch. Epoch 1 runs at MAX * 0.99 = 336_879_543_251_729_078_828_740_861_357_450_529_340.45,
    /// exact in 1e18 fixed point (MAX * 99e16), read as ..._340. F(1) = MAX fits; F(2) = MAX + that
    /// does not, so every query reaching it is a typed Overflow, and validate names the field.
    #[test]
    fn initial_rate_near_u128_max_is_an_overflow_error() {
        let schedule = Schedule::step_decay(0, Uint128::MAX, 1, Decay::Bps { factor_bps: 9_900 });
        let overflow = MathError::Overflow("step decay cumulative");
        assert_eq!(
            schedule.rate_at_scaled(1),
            Ok(Uint256::from(Uint128::MAX) * Uint256::from(990_000_000_000_000_000u128))
        );
        assert_eq!(
            schedule.rate_at(1),
            Ok(rate(336_879_543_251_729_078_828_740_861_357_450_529_340))
        );
        assert_eq!(schedule.cumulative(1), Ok(Uint128::MAX));
        assert_eq!(schedule.cumulative(2), Err(overflow.clone()));
        assert_eq!(schedule.cumulative_scaled(2), Err(overflow.clone()));
        assert_eq!(schedule.integral(1, 2), Err(overflow.clone()));
        assert_eq!(
            schedule.cumulative_from(&schedule.initial_cursor(), 2),
            Err(overflow)
        );
        expect_invalid(&schedule, "initial_rate");
        // The decay itself cannot overflow: its factor is below 1, even on the largest scaled rate.
        assert_eq!(Decay::Halving.apply(Uint256::MAX), Ok(Uint256::MAX >> 1u32));
    }

    // ---------------------------------------------------------------- old cursors

    /// A cursor stored by the integer-rate schedule for 10/s at 1% per 100 s, resting in epoch 1
    /// at the floored rate 9 with 1000 emitted before it, converts to rate 9e18 and cumulative
    /// 1000e18. Resumed from it, F(150) = 1000 + 9 * 50 = 1450 and F(200) = 1000 + 9 * 100 = 1900:
    /// the values the old walk gave (and the farm stored), so nothing released changes. Epoch 2
    /// then decays in fixed point: floor(9e18 * 0.99) = 8.91e18, F(250) = 1900 + 8.91 * 50 =
    /// 2345.5 -> 2345 (the old walk's rate 8 gave 2300). A fresh walk from the start gives
    /// F(250) = 1990 + 9.801 * 50 = 2480.05 -> 2480: the converted walk keeps its past.
    #[test]
    fn integer_cursor_converts_by_scaling_and_keeps_its_history() {
        let old = IntegerCursor {
            epoch: 1,
            rate: rate(9),
            cumulative: rate(1_000),
        };
        let converted = cursor_from_integer(&old);
        assert_eq!(
            converted,
            Cursor {
                epoch: 1,
                rate: e18(9),
                cumulative: e18(1_000),
            }
        );
        let schedule = Schedule::step_decay(0, rate(10), 100, Decay::Bps { factor_bps: 9_900 });
        let (at_150, cursor) = schedule.cumulative_from(&converted, 150).unwrap();
        assert_eq!(at_150, rate(1_450));
        let (at_200, cursor) = schedule.cumulative_from(&cursor, 200).unwrap();
        assert_eq!(at_200, rate(1_900));
        let (at_250, cursor) = schedule.cumulative_from(&cursor, 250).unwrap();
        assert_eq!(at_250, rate(2_345));
        assert_eq!(cursor.rate, Uint256::from(8_910_000_000_000_000_000u128));
        assert_eq!(schedule.cumulative(250), Ok(rate(2_480)));
        // The largest old cursor converts without overflow.
        let largest = IntegerCursor {
            epoch: u64::MAX,
            rate: Uint128::MAX,
            cumulative: Uint128::MAX,
        };
        assert_eq!(cursor_from_integer(&largest).rate, e18(u128::MAX));
        // Old cursors are stored as JSON with the same field names.
        let stored = br#"{"epoch":1,"rate":"9","cumulative":"1000"}"#;
        let parsed: IntegerCursor = cosmwasm_std::from_json(stored).unwrap();
        assert_eq!(cursor_from_integer(&parsed), converted);
    }
}
