//! Farmed CL positions (`[[cl_farming]]`): the farms a position enters (at most one of each
//! kind, on its pool, wide enough, a limit farm before its start), when it leaves them (a limit
//! farm not before its end), the tier tokens it locks, its owner's claims and fee collections;
//! and how that fits the position's own life: it is open when it enters, and while the center
//! holds it (first entry to last exit) it is neither decreased nor closed. Also the incentive
//! maker's account.
use std::collections::BTreeSet;

use toml::Spanned;

use super::{Checker, Ctx, Result};
use crate::scenario::cl_farm_plan::*;
use crate::scenario::cl_farm_spec::*;
use crate::scenario::cl_plan::{ClPlan, ClPositionPlan};
use crate::scenario::cl_spec::ClPositionSpec;
use crate::scenario::plan::{UserPlan, RESERVED_NAMES};
use crate::scenario::spec::ScenarioSpec;
use crate::scenario::units::Dur;

impl Checker<'_> {
    pub(super) fn cl_farmed(
        &self,
        specs: &[ClFarmingSpec],
        position_specs: &[ClPositionSpec],
        ctx: &Ctx,
        cl: &ClPlan,
        farms: &[ClFarmPlan],
    ) -> Result<Vec<ClFarmedPlan>> {
        let mut out: Vec<ClFarmedPlan> = Vec::new();
        for (i, spec) in specs.iter().enumerate() {
            let path = format!("cl_farming[{i}]");
            let position =
                self.cl_position_index(&spec.position, &format!("{path}.position"), cl)?;
            if out.iter().any(|f| f.position == position) {
                return self.err(
                    spec.position.span(),
                    format!("{path}.position"),
                    format!(
                        "CL position \"{}\" already has a [[cl_farming]] plan: list all its entries in one",
                        spec.position.get_ref()
                    ),
                );
            }
            let p = &cl.positions[position];
            if spec.entries.get_ref().is_empty() {
                return self.err(
                    spec.entries.span(),
                    format!("{path}.entries"),
                    "list at least one farm to enter",
                );
            }
            let mut entries: Vec<ClEntryPlan> = Vec::new();
            for (k, e) in spec.entries.get_ref().iter().enumerate() {
                let entry =
                    self.cl_entry(&format!("{path}.entries[{k}]"), e, ctx, p, farms, &entries)?;
                entries.push(entry);
            }
            let mut farmed = ClFarmedPlan {
                position,
                line: self.src.line_col(spec.position.span().start).0,
                entries,
                claim_at_secs: Vec::new(),
                collect_fees_at_secs: Vec::new(),
            };
            farmed.claim_at_secs =
                self.cl_moments(&spec.claim_at, &format!("{path}.claim_at"), ctx)?;
            let collects = self.cl_moments(
                &spec.collect_fees_at,
                &format!("{path}.collect_fees_at"),
                ctx,
            )?;
            let (from, until) = (farmed.deposit_at(), farmed.withdraw_at());
            for (k, at) in collects.iter().enumerate() {
                if *at < from || until.is_some_and(|w| *at >= w) {
                    let held = match until {
                        Some(w) => format!("from {from} s to {w} s"),
                        None => format!("from {from} s to the end"),
                    };
                    return self.err(
                        spec.collect_fees_at[k].span(),
                        format!("{path}.collect_fees_at[{k}]"),
                        format!("fees are collected through the center while it holds the position ({held}, the last exit excluded)"),
                    );
                }
            }
            farmed.collect_fees_at_secs = collects;
            self.cl_farming_fits_the_position(&farmed, &position_specs[position], cl)?;
            out.push(farmed);
        }
        Ok(out)
    }

    /// The index of the CL position named `s`.
    fn cl_position_index(&self, s: &Spanned<String>, field: &str, cl: &ClPlan) -> Result<usize> {
        if let Some(i) = cl.positions.iter().position(|p| &p.name == s.get_ref()) {
            return Ok(i);
        }
        let known = if cl.positions.is_empty() {
            "the scenario declares no [[cl_positions]]".to_string()
        } else {
            let names: Vec<&str> = cl.positions.iter().map(|p| p.name.as_str()).collect();
            format!("CL positions: {}", names.join(", "))
        };
        self.err(
            s.span(),
            field,
            format!("unknown CL position \"{}\" ({known})", s.get_ref()),
        )
    }

    fn cl_farm_index(
        &self,
        s: &Spanned<String>,
        field: &str,
        farms: &[ClFarmPlan],
    ) -> Result<usize> {
        if let Some(i) = farms.iter().position(|f| &f.name == s.get_ref()) {
            return Ok(i);
        }
        let known = if farms.is_empty() {
            "the scenario declares no [[cl_farms]]".to_string()
        } else {
            let names: Vec<&str> = farms.iter().map(|f| f.name.as_str()).collect();
            format!("CL farms: {}", names.join(", "))
        };
        self.err(
            s.span(),
            field,
            format!("unknown CL farm \"{}\" ({known})", s.get_ref()),
        )
    }

    fn cl_entry(
        &self,
        path: &str,
        e: &ClEntrySpec,
        ctx: &Ctx,
        p: &ClPositionPlan,
        farms: &[ClFarmPlan],
        done: &[ClEntryPlan],
    ) -> Result<ClEntryPlan> {
        let field = |x: &str| format!("{path}.{x}");
        let index = self.cl_farm_index(&e.farm, &field("farm"), farms)?;
        let farm = &farms[index];
        if farm.pool != p.pool {
            return self.err(
                e.farm.span(),
                field("farm"),
                format!(
                    "CL farm \"{}\" is on another pool than position \"{}\"",
                    farm.name, p.name
                ),
            );
        }
        if let Some(other) = done
            .iter()
            .find(|d| farms[d.farm].is_limit() == farm.is_limit())
        {
            return self.err(
                e.farm.span(),
                field("farm"),
                format!(
                    "the position already enters {} farm \"{}\": at most one farm of each kind",
                    farm.kind_name(),
                    farms[other.farm].name
                ),
            );
        }
        let width = (p.upper_tick - p.lower_tick) as u32;
        if width < farm.min_width {
            return self.err(
                e.farm.span(),
                field("farm"),
                format!(
                    "the range [{}, {}) is {width} ticks wide, narrower than the farm's min_width {}",
                    p.lower_tick, p.upper_tick, farm.min_width
                ),
            );
        }
        let enter_at_secs = self.at(&e.enter_at, &field("enter_at"), ctx)?;
        if enter_at_secs < p.open_at_secs {
            return self.err(
                e.enter_at.span(),
                field("enter_at"),
                format!(
                    "the position opens at {} s: it enters after that",
                    p.open_at_secs
                ),
            );
        }
        if let ClFarmTerms::Limit { start_secs, .. } = farm.terms {
            if enter_at_secs >= start_secs {
                return self.err(
                    e.enter_at.span(),
                    field("enter_at"),
                    format!(
                        "limit farm \"{}\" starts at {start_secs} s: entries close at its start",
                        farm.name
                    ),
                );
            }
        }
        let exit_at_secs = match &e.exit_at {
            None => None,
            Some(at) => {
                let secs = self.at(at, &field("exit_at"), ctx)?;
                if secs <= enter_at_secs {
                    return self.err(
                        at.span(),
                        field("exit_at"),
                        format!("must be after the entry ({enter_at_secs} s)"),
                    );
                }
                if let ClFarmTerms::Limit { end_secs, .. } = farm.terms {
                    if secs < end_secs {
                        return self.err(
                            at.span(),
                            field("exit_at"),
                            format!("limit farm \"{}\" ends at {end_secs} s: its positions are locked until then", farm.name),
                        );
                    }
                }
                Some(secs)
            }
        };
        let tokens_locked = self.cl_tokens_locked(path, e, ctx, farm)?;
        Ok(ClEntryPlan {
            farm: index,
            line: self.src.line_col(e.farm.span().start).0,
            enter_at_secs,
            exit_at_secs,
            tokens_locked,
        })
    }

    /// Tier tokens locked: only in a farm with tiers, 0 or at least its first tier.
    fn cl_tokens_locked(
        &self,
        path: &str,
        e: &ClEntrySpec,
        ctx: &Ctx,
        farm: &ClFarmPlan,
    ) -> Result<u128> {
        let Some(locked) = &e.tokens_locked else {
            return Ok(0);
        };
        let field = format!("{path}.tokens_locked");
        let Some(tiers) = &farm.tiers else {
            return self.err(
                locked.span(),
                field,
                format!("CL farm \"{}\" has no tiers: lock nothing", farm.name),
            );
        };
        let token = &ctx.tokens[tiers.token];
        let amount = self.amount(locked, &field, token.decimals)?;
        let first = tiers.levels[0].0;
        if amount > 0 && amount < first {
            return self.err(
                locked.span(),
                field,
                format!(
                    "{} {} reaches no tier (the first locks {})",
                    crate::format::amount(amount, token.decimals),
                    token.symbol,
                    crate::format::amount(first, token.decimals)
                ),
            );
        }
        Ok(amount)
    }

    /// Moments of the run in strictly increasing order.
    fn cl_moments(&self, list: &[Spanned<Dur>], path: &str, ctx: &Ctx) -> Result<Vec<u64>> {
        let mut out: Vec<u64> = Vec::new();
        for (k, at) in list.iter().enumerate() {
            let field = format!("{path}[{k}]");
            let secs = self.at(at, &field, ctx)?;
            if out.last().is_some_and(|p| secs <= *p) {
                return self.err(
                    at.span(),
                    field,
                    "in time order: after the previous one of the list",
                );
            }
            out.push(secs);
        }
        Ok(out)
    }

    /// While the center holds the NFT (first entry to last exit, or to the end) the owner
    /// cannot decrease or close the position; it must still have liquidity when deposited.
    fn cl_farming_fits_the_position(
        &self,
        farmed: &ClFarmedPlan,
        spec: &ClPositionSpec,
        cl: &ClPlan,
    ) -> Result<()> {
        let i = farmed.position;
        let p = &cl.positions[i];
        let (from, until) = (farmed.deposit_at(), farmed.withdraw_at());
        let held = match until {
            Some(w) => format!("from {from} s to {w} s"),
            None => format!("from {from} s to the end"),
        };
        for (k, d) in p.decreases.iter().enumerate() {
            let field = format!("cl_positions[{i}].decreases[{k}].at");
            // A decrease at the deposit's moment runs first (position events come before farm
            // events), one at the last exit's moment while the center still holds it.
            if d.at_secs > from && until.is_none_or(|w| d.at_secs <= w) {
                return self.err(
                    spec.decreases[k].at.span(),
                    field,
                    format!("the farming center holds position \"{}\" {held}: it cannot be decreased then", p.name),
                );
            }
            if d.at_secs <= from && d.share_bps == 10_000 {
                return self.err(
                    spec.decreases[k].at.span(),
                    field,
                    format!("this removes all of position \"{}\"'s liquidity before it is deposited at {from} s (an empty position cannot farm)", p.name),
                );
            }
        }
        if let (Some(close), Some(at)) = (p.close_at_secs, &spec.close_at) {
            if until.is_none_or(|w| close <= w) {
                return self.err(
                    at.span(),
                    format!("cl_positions[{i}].close_at"),
                    format!("the farming center holds position \"{}\" {held}: it closes after its last exit", p.name),
                );
            }
        }
        Ok(())
    }

    /// The incentive maker: `cl_incentive_maker` (default `maker`), an account of its own.
    pub(super) fn cl_incentive_maker(
        &self,
        spec: &ScenarioSpec,
        users: &[UserPlan],
    ) -> Result<String> {
        let Some(given) = &spec.cl_incentive_maker else {
            let maker = DEFAULT_INCENTIVE_MAKER.to_string();
            if !spec.cl_farms.is_empty() && self.account_names(spec, users).contains(maker.as_str())
            {
                return self.err(
                    spec.cl_farms[0].name.span(),
                    "cl_incentive_maker",
                    format!("\"{maker}\" (the default incentive maker) is already an account: name another with `cl_incentive_maker`"),
                );
            }
            return Ok(maker);
        };
        if spec.cl_farms.is_empty() {
            return self.err(
                given.span(),
                "cl_incentive_maker",
                "an incentive maker creates [[cl_farms]]: the scenario declares none",
            );
        }
        let name = given.get_ref();
        if name.is_empty() || self.account_names(spec, users).contains(name.as_str()) {
            return self.err(
                given.span(),
                "cl_incentive_maker",
                format!(
                    "\"{name}\" is already an account: the incentive maker is an account of its own (users, traders, fee collectors, position owners and {:?} are others)",
                    RESERVED_NAMES
                ),
            );
        }
        Ok(name.clone())
    }

    /// Every account name the scenario uses besides the incentive maker.
    fn account_names<'s>(
        &self,
        spec: &'s ScenarioSpec,
        users: &'s [UserPlan],
    ) -> BTreeSet<&'s str> {
        let mut taken: BTreeSet<&str> = users.iter().map(|u| u.name.as_str()).collect();
        taken.extend(RESERVED_NAMES);
        taken.extend(spec.traders.iter().map(|t| t.name.get_ref().as_str()));
        let collectors = spec
            .amm_pools
            .iter()
            .filter_map(|p| p.fee_collector.as_ref());
        let cl_collectors = spec
            .cl_pools
            .iter()
            .filter_map(|p| p.fee_collector.as_ref());
        taken.extend(
            collectors
                .chain(cl_collectors)
                .map(|c| c.get_ref().as_str()),
        );
        taken.extend(spec.cl_traders.iter().map(|t| t.name.get_ref().as_str()));
        taken.extend(spec.cl_positions.iter().map(|p| p.owner.get_ref().as_str()));
        if let Some(treasury) = spec.options.as_ref().and_then(|o| o.treasury.as_ref()) {
            taken.insert(treasury.get_ref().as_str());
        }
        taken
    }
}
