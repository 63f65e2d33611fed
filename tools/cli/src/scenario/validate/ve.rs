//! The voting escrow, the gauge controller, the farm's split and the boost comparison.
use std::collections::BTreeSet;

use toml::Spanned;

use super::{Checker, Ctx, Result};
use crate::scenario::plan::*;
use crate::scenario::spec::*;

/// The escrow's bounds on `max_time` (`contracts/voting-escrow/src/limits.rs`).
const WEEK_SECS: u64 = 604_800;
const MAX_MAX_TIME_SECS: u64 = 8 * 365 * 86_400;

impl Checker<'_> {
    pub(super) fn escrow(
        &self,
        spec: &Option<EscrowSpec>,
        ctx: &mut Ctx,
    ) -> Result<Option<EscrowPlan>> {
        let Some(e) = spec else {
            return Ok(None);
        };
        let lock_token = self.token(&e.lock_token, "escrow.lock_token", ctx)?;
        let max_time_secs = match &e.max_time {
            None => None,
            Some(d) => {
                let secs = self.secs(d, "escrow.max_time", ctx.height, ctx.block_secs)?;
                if !(WEEK_SECS..=MAX_MAX_TIME_SECS).contains(&secs) {
                    return self.err(
                        d.span(),
                        "escrow.max_time",
                        format!("{secs} s: the escrow takes 1 week to 8 x 365 days"),
                    );
                }
                Some(secs)
            }
        };
        ctx.escrow = Some(lock_token);
        Ok(Some(EscrowPlan {
            lock_token,
            max_time_secs,
        }))
    }

    pub(super) fn gauges(
        &self,
        spec: &ScenarioSpec,
        ctx: &mut Ctx,
    ) -> Result<(SplitPlan, Option<GaugesPlan>)> {
        let split = match spec.farm.split.as_ref().map(|s| *s.get_ref()) {
            None | Some(SplitKind::Allocation) => SplitPlan::Allocation,
            Some(SplitKind::Gauges) => SplitPlan::Gauges,
        };
        let Some(g) = &spec.gauges else {
            if let (SplitPlan::Gauges, Some(s)) = (split, &spec.farm.split) {
                return self.err(
                    s.span(),
                    "farm.split",
                    "split = \"gauges\" needs a `[gauges]` table (the controller's gauge types)",
                );
            }
            return Ok((split, None));
        };
        let types_span = g.types.span();
        if split != SplitPlan::Gauges {
            return self.err(
                types_span,
                "gauges.types",
                "the farm's pools are the gauges: set `split = \"gauges\"` in `[farm]`",
            );
        }
        if ctx.escrow.is_none() {
            return self.err(
                types_span,
                "gauges.types",
                "a gauge controller weighs votes by ve slope: it needs an `[escrow]`",
            );
        }
        if ctx.height {
            let s = spec.farm.split.as_ref().expect("split is gauges here");
            return self.err(
                s.span(),
                "farm.split",
                "gauge weights are weekly: a gauge-split farm needs clock = \"time\"",
            );
        }
        if let Some(p) = &spec.farm.policy {
            let span = p
                .protocol_token
                .as_ref()
                .map(|t| t.span())
                .or(p.max_solo_share_bps.as_ref().map(|b| b.span()))
                .unwrap_or(types_span.clone());
            return self.err(
                span,
                "farm.policy",
                "the policy rules allocation weights, which a gauge-split farm does not use (gauge types take its part)",
            );
        }
        let mut types = Vec::new();
        let mut names = BTreeSet::new();
        for (i, t) in g.types.get_ref().iter().enumerate() {
            let name = t.name.get_ref().clone();
            if name.is_empty() || !names.insert(name.clone()) {
                return self.err(
                    t.name.span(),
                    format!("gauges.types[{i}].name"),
                    format!("gauge type names must be unique and non-empty (\"{name}\")"),
                );
            }
            if *t.weight.get_ref() == 0 {
                return self.err(
                    t.weight.span(),
                    format!("gauges.types[{i}].weight"),
                    "must be positive",
                );
            }
            types.push(GaugeTypePlan {
                name,
                weight: u128::from(*t.weight.get_ref()),
            });
        }
        if types.is_empty() {
            return self.err(
                types_span,
                "gauges.types",
                "declare at least one gauge type",
            );
        }
        let vote_delay_secs = match &g.vote_delay {
            None => None,
            Some(d) => Some(self.secs(d, "gauges.vote_delay", ctx.height, ctx.block_secs)?),
        };
        ctx.gauge_types = types.iter().map(|t| t.name.clone()).collect();
        Ok((
            split,
            Some(GaugesPlan {
                types,
                vote_delay_secs,
            }),
        ))
    }

    /// A pool's declared boost: `curve` and `foo` need the escrow.
    pub(super) fn pool_boost(
        &self,
        i: usize,
        boost: &Option<Spanned<BoostKind>>,
        ctx: &Ctx,
    ) -> Result<Option<BoostMode>> {
        let Some(b) = boost else {
            return Ok(None);
        };
        let mode = boost_mode(*b.get_ref());
        if mode != BoostMode::None && ctx.escrow.is_none() {
            return self.err(
                b.span(),
                format!("pools[{i}].boost"),
                format!(
                    "boost = \"{}\" reads ve powers: declare an `[escrow]`",
                    mode.as_str()
                ),
            );
        }
        Ok(Some(mode))
    }

    /// A pool's gauge type: the named one (default the first) in a gauge-split farm, none
    /// otherwise.
    pub(super) fn pool_gauge_type(
        &self,
        i: usize,
        p: &PoolSpec,
        ctx: &Ctx,
    ) -> Result<Option<usize>> {
        let field = format!("pools[{i}].gauge_type");
        match (&p.gauge_type, ctx.gauge_types.is_empty()) {
            (Some(t), true) => self.err(
                t.span(),
                field,
                "only the pools of a gauge-split farm (`split = \"gauges\"`) have a gauge type",
            ),
            (None, true) => Ok(None),
            (None, false) => Ok(Some(0)),
            (Some(t), false) => match ctx.gauge_types.iter().position(|n| n == t.get_ref()) {
                Some(k) => Ok(Some(k)),
                None => self.err(
                    t.span(),
                    field,
                    format!(
                        "unknown gauge type \"{}\" (types: {})",
                        t.get_ref(),
                        ctx.gauge_types.join(", ")
                    ),
                ),
            },
        }
    }

    pub(super) fn compare_boost(
        &self,
        spec: &Option<Spanned<Vec<Spanned<BoostKind>>>>,
        pools: &[PoolPlan],
        ctx: &Ctx,
    ) -> Result<Vec<BoostMode>> {
        let Some(list) = spec else {
            return Ok(Vec::new());
        };
        if list.get_ref().is_empty() {
            return self.err(
                list.span(),
                "compare_boost",
                "list the modes to compare, e.g. [\"none\", \"curve\", \"foo\"], or leave it out",
            );
        }
        if pools.iter().all(|p| p.boost.is_none()) {
            return self.err(
                list.span(),
                "compare_boost",
                "no pool declares `boost`: the comparison overrides the boost of the pools that do",
            );
        }
        let mut modes = Vec::new();
        for (k, m) in list.get_ref().iter().enumerate() {
            let mode = boost_mode(*m.get_ref());
            if modes.contains(&mode) {
                return self.err(
                    m.span(),
                    format!("compare_boost[{k}]"),
                    format!("\"{}\" is listed twice", mode.as_str()),
                );
            }
            if mode != BoostMode::None && ctx.escrow.is_none() {
                return self.err(
                    m.span(),
                    format!("compare_boost[{k}]"),
                    format!(
                        "\"{}\" reads ve powers: declare an `[escrow]`",
                        mode.as_str()
                    ),
                );
            }
            modes.push(mode);
        }
        Ok(modes)
    }
}

fn boost_mode(kind: BoostKind) -> BoostMode {
    match kind {
        BoostKind::None => BoostMode::None,
        BoostKind::Curve => BoostMode::Curve,
        BoostKind::Foo => BoostMode::Foo,
    }
}
