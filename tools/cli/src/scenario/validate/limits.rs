//! The farm's limits and its allocation policy, checked before the run on every state the
//! scenario walks through: each pool as the farm adds it (in file order, as the deployment
//! does), then each weight change in time order. The rules are the farm's own
//! (`trellis_math::policy::check`), so a scenario the farm would refuse never starts.
use trellis_farm::limits::{MAX_POOLS, MAX_WEIGHT};
use trellis_math::policy as rules;

use super::{Checker, Ctx, Result};
use crate::scenario::plan::*;
use crate::scenario::spec::*;

/// The running weights of the policy's classes.
#[derive(Default)]
struct PolicyState {
    /// Counted weight of each pool (0 until added).
    weights: Vec<u64>,
}

impl Checker<'_> {
    /// Pool count and weight ranges of the farm's limits.
    pub(super) fn farm_limits(
        &self,
        specs: &ScenarioSpec,
        pools: &[PoolPlan],
        weight_changes: &[WeightChange],
    ) -> Result<()> {
        if pools.len() as u64 > MAX_POOLS {
            let span = specs.pools[MAX_POOLS as usize].name.span();
            return self.err(
                span,
                format!("pools[{MAX_POOLS}]"),
                format!("{} pools: the farm holds at most {MAX_POOLS}", pools.len()),
            );
        }
        let too_heavy = |w: u64| w > MAX_WEIGHT;
        for (i, (spec, pool)) in specs.pools.iter().zip(pools).enumerate() {
            if let (true, Some(w)) = (too_heavy(pool.weight), &spec.weight) {
                return self.err(
                    w.span(),
                    format!("pools[{i}].weight"),
                    format!("{} is not a weight from 0 to {MAX_WEIGHT}", pool.weight),
                );
            }
        }
        for (i, (spec, change)) in specs.weight_changes.iter().zip(weight_changes).enumerate() {
            if too_heavy(change.weight) {
                return self.err(
                    spec.weight.span(),
                    format!("weight_changes[{i}].weight"),
                    format!("{} is not a weight from 0 to {MAX_WEIGHT}", change.weight),
                );
            }
        }
        Ok(())
    }

    /// The allocation policy on every state of the weights. `policy` is the one the farm
    /// runs with (declared, or the deployment's default).
    pub(super) fn policy_holds(
        &self,
        specs: &ScenarioSpec,
        policy: &PolicyPlan,
        pools: &[PoolPlan],
        weight_changes: &[WeightChange],
        ctx: &Ctx,
    ) -> Result<()> {
        let mut state = PolicyState {
            weights: vec![0; pools.len()],
        };
        for (i, pool) in pools.iter().enumerate() {
            state.weights[i] = pool.weight;
            if let Some(why) = state.violation(policy, pools, ctx) {
                let span = specs.pools[i]
                    .weight
                    .as_ref()
                    .map(|w| w.span())
                    .unwrap_or_else(|| specs.pools[i].name.span());
                return self.err(
                    span,
                    format!("pools[{i}].weight"),
                    format!(
                        "adding pool \"{}\" with weight {} breaks the allocation policy: {why}",
                        pool.name, pool.weight
                    ),
                );
            }
        }
        // Same-moment changes run in file order (a stable sort keeps it).
        let mut order: Vec<usize> = (0..weight_changes.len()).collect();
        order.sort_by_key(|&i| weight_changes[i].at_secs);
        for i in order {
            let change = &weight_changes[i];
            state.weights[change.pool] = change.weight;
            if let Some(why) = state.violation(policy, pools, ctx) {
                return self.err(
                    specs.weight_changes[i].weight.span(),
                    format!("weight_changes[{i}].weight"),
                    format!(
                        "setting pool \"{}\" to weight {} breaks the allocation policy: {why}",
                        pools[change.pool].name, change.weight
                    ),
                );
            }
        }
        Ok(())
    }
}

impl PolicyState {
    /// Why the weights break `policy` (with a fix), if they do: the farm's own rules
    /// (`trellis_math::policy::check`) on these weights, told with the pools' names.
    fn violation(&self, policy: &PolicyPlan, pools: &[PoolPlan], ctx: &Ctx) -> Option<String> {
        let is_native = |p: &PoolPlan| {
            p.pair
                .is_some_and(|pair| pair.contains(&policy.protocol_token))
        };
        let counted = || pools.iter().zip(&self.weights).enumerate();
        let sum = |solo: bool| -> u64 {
            counted()
                .filter(|(_, (p, _))| p.pair.is_none() == solo)
                .map(|(_, (_, w))| *w)
                .sum()
        };
        // (weight, pool index) of the LP pools of positive weight, native or not.
        let lp = |native: bool| {
            counted()
                .filter(move |(_, (p, w))| p.pair.is_some() && is_native(p) == native && **w > 0)
                .map(|(i, (_, w))| (*w, i))
        };
        let weights = rules::PolicyWeights {
            solo_weight: sum(true),
            lp_weight: sum(false),
            lightest_native: lp(true).min(),
            heaviest_other: lp(false).max(),
        };
        let rules = rules::PolicyRules {
            max_solo_share_bps: policy.max_solo_share_bps,
            native_pairs_outweigh: policy.native_pairs_outweigh,
        };
        match rules::check(rules, &weights).err()? {
            rules::PolicyViolation::SoloShareExceeded {
                solo_weight,
                total_weight,
                share_bps,
                max_bps,
            } => Some(format!(
                "solo pools would hold {solo_weight} of the total weight {total_weight} \
                 ({share_bps} bps), above the cap of {max_bps} bps. Fix: lower the solo weights \
                 or raise the LP weights (or farm.policy.max_solo_share_bps)"
            )),
            rules::PolicyViolation::NativePairNotHeavier {
                native: (nw, n),
                other: (ow, o),
            } => Some(format!(
                "native pair pool \"{}\" (weight {nw}) must be heavier than every other LP pool, \
                 but \"{}\" has weight {ow}. Fix: raise the pools paired with {} above the others",
                pools[n].name, pools[o].name, ctx.tokens[policy.protocol_token].symbol
            )),
        }
    }
}
