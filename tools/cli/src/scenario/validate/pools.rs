//! Pools and weight changes.
use super::{Checker, Ctx, Result};
use crate::scenario::plan::*;
use crate::scenario::spec::*;

impl Checker<'_> {
    pub(super) fn pools(&self, specs: &[PoolSpec], ctx: &mut Ctx) -> Result<Vec<PoolPlan>> {
        let mut pools: Vec<PoolPlan> = Vec::new();
        for (i, p) in specs.iter().enumerate() {
            let field = |x: &str| format!("pools[{i}].{x}");
            let name = p.name.get_ref().clone();
            if name.is_empty() || ctx.pool_index.contains_key(&name) {
                return self.err(
                    p.name.span(),
                    field("name"),
                    format!("pool names must be unique and non-empty (\"{name}\")"),
                );
            }
            let staking = self.token(&p.staking, &field("staking"), ctx)?;
            if let Some(other) = pools.iter().find(|q| q.staking == staking) {
                return self.err(
                    p.staking.span(),
                    field("staking"),
                    format!(
                        "pool \"{}\" already stakes this token (one pool per staking token)",
                        other.name
                    ),
                );
            }
            let pair = match ctx.tokens[staking].amm_pool {
                Some(amm) => self.amm_lp_pair(i, p, amm, ctx)?,
                None => self.declared_pair(i, p, ctx)?,
            };
            let weight = self.pool_weight(i, p, ctx)?;
            let boost = self.pool_boost(i, &p.boost, ctx)?;
            let gauge_type = self.pool_gauge_type(i, p, ctx)?;
            ctx.pool_index.insert(name.clone(), i);
            ctx.pool_staking.push(staking);
            pools.push(PoolPlan {
                name,
                staking,
                pair,
                weight,
                boost,
                gauge_type,
            });
        }
        if pools.is_empty() {
            return self.err(
                0..0,
                "pools",
                "a scenario needs at least one pool ([[pools]])",
            );
        }
        Ok(pools)
    }

    /// The allocation weight: required by an allocation split, refused by a gauge split (the
    /// farm adds gauge-split pools with weight 0).
    fn pool_weight(&self, i: usize, p: &PoolSpec, ctx: &Ctx) -> Result<u64> {
        let field = format!("pools[{i}].weight");
        match (&p.weight, ctx.gauge_types.is_empty()) {
            (Some(w), true) => Ok(*w.get_ref()),
            (None, true) => self.err(
                p.name.span(),
                field,
                "a pool needs `weight` (its allocation weight)",
            ),
            (Some(w), false) => self.err(
                w.span(),
                field,
                "a gauge-split farm weighs pools by their gauges' votes: leave `weight` out",
            ),
            (None, false) => Ok(0),
        }
    }

    /// The pair of a pool whose staking token is a declared token.
    fn declared_pair(&self, i: usize, p: &PoolSpec, ctx: &Ctx) -> Result<Option<[usize; 2]>> {
        let field = |x: &str| format!("pools[{i}].{x}");
        match (p.kind.get_ref(), &p.pair) {
            (PoolKindSpec::Lp, _) if !ctx.amm_pools.is_empty() => {
                let lps: Vec<&str> = ctx
                    .tokens
                    .iter()
                    .filter(|t| t.is_lp())
                    .map(|t| t.symbol.as_str())
                    .collect();
                self.err(
                    p.staking.span(),
                    field("staking"),
                    format!(
                        "with [[amm_pools]] the farm checks every LP pool against the pool factory: \
                         stake an amm pool's LP token ({})",
                        lps.join(", ")
                    ),
                )
            }
            (PoolKindSpec::Lp, None) => self.err(
                p.kind.span(),
                field("pair"),
                "an lp pool needs `pair = [\"A\", \"B\"]`",
            ),
            (PoolKindSpec::Solo, Some(pair)) => {
                self.err(pair.span(), field("pair"), "a solo pool has no pair")
            }
            (PoolKindSpec::Solo, None) => Ok(None),
            (PoolKindSpec::Lp, Some(pair)) => {
                let tokens = pair.get_ref();
                if tokens.len() != 2 {
                    return self.err(pair.span(), field("pair"), "a pair has exactly two tokens");
                }
                let a = self.token(&tokens[0], &format!("pools[{i}].pair[0]"), ctx)?;
                let b = self.token(&tokens[1], &format!("pools[{i}].pair[1]"), ctx)?;
                if a == b {
                    return self.err(
                        pair.span(),
                        field("pair"),
                        "the two tokens of a pair differ",
                    );
                }
                Ok(Some([a, b]))
            }
        }
    }

    /// The pair of a pool staking amm pool `amm`'s LP token: the amm pool's assets. A `pair`
    /// given anyway must name them (in either order).
    fn amm_lp_pair(
        &self,
        i: usize,
        p: &PoolSpec,
        amm: usize,
        ctx: &Ctx,
    ) -> Result<Option<[usize; 2]>> {
        let field = |x: &str| format!("pools[{i}].{x}");
        let pool = &ctx.amm_pools[amm];
        if *p.kind.get_ref() == PoolKindSpec::Solo {
            return self.err(
                p.kind.span(),
                field("kind"),
                format!(
                    "\"{}\" is the LP token of amm pool \"{}\": stake it in an `lp` pool",
                    p.staking.get_ref(),
                    pool.name
                ),
            );
        }
        if let Some(pair) = &p.pair {
            let tokens = pair.get_ref();
            let resolved = tokens
                .iter()
                .enumerate()
                .map(|(k, t)| self.token(t, &format!("pools[{i}].pair[{k}]"), ctx))
                .collect::<Result<Vec<_>>>()?;
            let [a, b] = pool.assets;
            if resolved != [a, b] && resolved != [b, a] {
                return self.err(
                    pair.span(),
                    field("pair"),
                    format!(
                        "amm pool \"{}\" holds {} and {}: the pair names them (or leave `pair` out)",
                        pool.name, ctx.tokens[a].symbol, ctx.tokens[b].symbol
                    ),
                );
            }
        }
        Ok(Some(pool.assets))
    }

    pub(super) fn weight_changes(
        &self,
        specs: &[WeightChangeSpec],
        ctx: &Ctx,
    ) -> Result<Vec<WeightChange>> {
        if let (Some(w), false) = (specs.first(), ctx.gauge_types.is_empty()) {
            return self.err(
                w.weight.span(),
                "weight_changes[0].weight",
                "a gauge-split farm has no allocation weights: votes move its pools' shares",
            );
        }
        specs
            .iter()
            .enumerate()
            .map(|(i, w)| {
                Ok(WeightChange {
                    at_secs: self.at(&w.at, &format!("weight_changes[{i}].at"), ctx)?,
                    pool: self.pool(&w.pool, &format!("weight_changes[{i}].pool"), ctx)?,
                    weight: *w.weight.get_ref(),
                })
            })
            .collect()
    }
}
