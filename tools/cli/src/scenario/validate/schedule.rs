//! The emission schedule: one flat table, checked against its curve.
use std::ops::Range;

use cosmwasm_std::Uint128;
use toml::Spanned;
use trellis_types::farm::{Curve, Decay};

use super::{Checker, Ctx, Result};
use crate::scenario::plan::*;
use crate::scenario::spec::*;
use crate::scenario::units::Amount;

impl Checker<'_> {
    pub(super) fn schedule(
        &self,
        s: &ScheduleSpec,
        ctx: &Ctx,
        decimals: u8,
    ) -> Result<SchedulePlan> {
        let f = |x: &str| format!("farm.schedule.{x}");
        let curve_name = match s.curve.get_ref() {
            CurveKind::Constant => "constant",
            CurveKind::StepDecay => "step_decay",
            CurveKind::Linear => "linear",
        };
        // Fields that do not belong to the curve are errors, not silently ignored.
        let allowed: &[&str] = match s.curve.get_ref() {
            CurveKind::Constant => &["rate"],
            CurveKind::StepDecay => &["initial_rate", "epoch", "decay", "factor_bps", "factor"],
            CurveKind::Linear => &["initial_rate", "final_rate", "duration"],
        };
        let present: [(&str, Option<Range<usize>>); 8] = [
            ("rate", s.rate.as_ref().map(|x| x.span())),
            ("initial_rate", s.initial_rate.as_ref().map(|x| x.span())),
            ("final_rate", s.final_rate.as_ref().map(|x| x.span())),
            ("duration", s.duration.as_ref().map(|x| x.span())),
            ("epoch", s.epoch.as_ref().map(|x| x.span())),
            ("decay", s.decay.as_ref().map(|x| x.span())),
            ("factor_bps", s.factor_bps.as_ref().map(|x| x.span())),
            ("factor", s.factor.as_ref().map(|x| x.span())),
        ];
        for (name, span) in present {
            if let Some(span) = span {
                if !allowed.contains(&name) {
                    return self.err(
                        span,
                        f(name),
                        format!(
                            "not a field of curve = \"{curve_name}\" (it takes {})",
                            allowed.join(", ")
                        ),
                    );
                }
            }
        }
        let need = |name: &str| {
            self.src.error(
                s.curve.span(),
                f(name),
                format!("curve = \"{curve_name}\" needs `{name}`"),
            )
        };
        let rate = |a: &Option<Spanned<Amount>>, name: &str| -> Result<Uint128> {
            let a = a.as_ref().ok_or_else(|| need(name))?;
            Ok(Uint128::new(self.amount(a, &f(name), decimals)?))
        };
        let curve = match s.curve.get_ref() {
            CurveKind::Constant => Curve::Constant {
                rate: rate(&s.rate, "rate")?,
            },
            CurveKind::StepDecay => {
                let epoch = s.epoch.as_ref().ok_or_else(|| need("epoch"))?;
                let epoch_length = self.units(epoch, &f("epoch"), ctx)?;
                if epoch_length == 0 {
                    return self.err(epoch.span(), f("epoch"), "must be positive");
                }
                let decay_kind = s.decay.as_ref().ok_or_else(|| need("decay"))?;
                let decay = match decay_kind.get_ref() {
                    DecayKind::Bps => {
                        let bps = s.factor_bps.as_ref().ok_or_else(|| {
                            self.src.error(
                                decay_kind.span(),
                                f("factor_bps"),
                                "decay = \"bps\" needs `factor_bps` (e.g. 9900 for -1% per epoch)",
                            )
                        })?;
                        if !(1..10_000).contains(bps.get_ref()) {
                            return self.err(
                                bps.span(),
                                f("factor_bps"),
                                "must be between 1 and 9999",
                            );
                        }
                        Decay::Bps {
                            factor_bps: *bps.get_ref(),
                        }
                    }
                    DecayKind::Fixed18 => {
                        let factor = s.factor.as_ref().ok_or_else(|| {
                            self.src.error(
                                decay_kind.span(),
                                f("factor"),
                                "decay = \"fixed18\" needs `factor` (1e18 = 1.0)",
                            )
                        })?;
                        let value: u128 =
                            factor.get_ref().replace('_', "").parse().or_else(|_| {
                                self.err(
                                    factor.span(),
                                    f("factor"),
                                    "an integer string scaled by 1e18",
                                )
                            })?;
                        if value == 0 || value >= 1_000_000_000_000_000_000 {
                            return self.err(
                                factor.span(),
                                f("factor"),
                                "must be between 1 and 1e18 - 1",
                            );
                        }
                        Decay::Fixed18 {
                            factor: Uint128::new(value),
                        }
                    }
                    DecayKind::Halving => Decay::Halving,
                    DecayKind::CurveYearly => Decay::CurveYearly,
                };
                let stray = match decay {
                    Decay::Bps { .. } => s.factor.as_ref().map(|x| ("factor", x.span())),
                    Decay::Fixed18 { .. } => {
                        s.factor_bps.as_ref().map(|x| ("factor_bps", x.span()))
                    }
                    _ => s
                        .factor_bps
                        .as_ref()
                        .map(|x| ("factor_bps", x.span()))
                        .or(s.factor.as_ref().map(|x| ("factor", x.span()))),
                };
                if let Some((name, span)) = stray {
                    return self.err(span, f(name), "does not apply to this decay");
                }
                Curve::StepDecay {
                    initial_rate: rate(&s.initial_rate, "initial_rate")?,
                    epoch_length,
                    decay,
                }
            }
            CurveKind::Linear => {
                let initial_rate = rate(&s.initial_rate, "initial_rate")?;
                let final_rate = rate(&s.final_rate, "final_rate")?;
                let d = s.duration.as_ref().ok_or_else(|| need("duration"))?;
                let duration = self.units(d, &f("duration"), ctx)?;
                if duration == 0 {
                    return self.err(d.span(), f("duration"), "must be positive");
                }
                if final_rate > initial_rate {
                    let span = s.final_rate.as_ref().map(|x| x.span()).unwrap_or(0..0);
                    return self.err(
                        span,
                        f("final_rate"),
                        "a linear schedule declines: final_rate <= initial_rate",
                    );
                }
                Curve::Linear {
                    initial_rate,
                    final_rate,
                    duration,
                }
            }
        };
        let start = match &s.start {
            Some(d) => self.units(d, &f("start"), ctx)?,
            None => 0,
        };
        let end = match &s.end {
            Some(d) => {
                let end = self.units(d, &f("end"), ctx)?;
                if end <= start {
                    return self.err(d.span(), f("end"), "must be after start");
                }
                Some(end)
            }
            None => None,
        };
        // The farm's own check of the schedule (positive rates, bounded decay epochs, a total
        // that fits in u128), so a schedule it would refuse is refused here, at the rate.
        let schedule = trellis_math::schedule::Schedule {
            start,
            end,
            curve: curve.clone(),
        };
        if let Err(e) = schedule.validate() {
            let rate_span = match s.curve.get_ref() {
                CurveKind::Constant => s.rate.as_ref().map(|r| (r.span(), "rate")),
                _ => s.initial_rate.as_ref().map(|r| (r.span(), "initial_rate")),
            };
            let (span, name) = rate_span.unwrap_or((s.curve.span(), "curve"));
            let reason = e.to_string();
            let reason = reason.strip_prefix("invalid schedule: ").unwrap_or(&reason);
            return self.err(span, f(name), format!("out of range: {reason}"));
        }
        Ok(SchedulePlan { start, end, curve })
    }
}
