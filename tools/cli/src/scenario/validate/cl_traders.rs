//! CL traders (scripted swaps, or a random walk of the price) and the accounts of the CL part:
//! traders, position owners and fee collectors are accounts of their own.
use std::collections::BTreeSet;

use toml::Spanned;
use trellis_math::cl::{sqrt_price_at_tick, MAX_TICK, MIN_SQRT_PRICE, MIN_TICK};

use super::traders::{TraderForm, TraderHead, MAX_RANDOM_SWAPS};
use super::{Checker, Ctx, Result};
use crate::scenario::cl_plan::*;
use crate::scenario::cl_spec::*;
use crate::scenario::plan::*;
use crate::scenario::spec::ScenarioSpec;

impl Checker<'_> {
    pub(super) fn cl_traders(
        &self,
        specs: &[ClTraderSpec],
        ctx: &Ctx,
        pools: &[ClPoolPlan],
    ) -> Result<Vec<ClTraderPlan>> {
        let mut traders = Vec::new();
        for (i, spec) in specs.iter().enumerate() {
            let path = format!("cl_traders[{i}]");
            let f = |x: &str| format!("{path}.{x}");
            let TraderHead {
                name,
                balances,
                form,
            } = self.trader_head(
                &path,
                "a CL trader",
                &spec.name,
                &spec.balances,
                &spec.scripted,
                &spec.random,
                ctx,
            )?;
            let kind = match form {
                TraderForm::Scripted(swaps) => ClTraderKind::Scripted(
                    swaps
                        .iter()
                        .enumerate()
                        .map(|(k, s)| self.cl_swap(s, &format!("{path}.scripted[{k}]"), ctx, pools))
                        .collect::<Result<Vec<_>>>()?,
                ),
                TraderForm::Random(random) => {
                    ClTraderKind::Random(self.cl_random(random, &f("random"), ctx, pools)?)
                }
            };
            traders.push(ClTraderPlan {
                name,
                balances,
                kind,
            });
        }
        Ok(traders)
    }

    /// One scripted swap: `offer` + `amount` (exact in), `to_tick` or `to_price`.
    fn cl_swap(
        &self,
        s: &ClSwapSpec,
        path: &str,
        ctx: &Ctx,
        pools: &[ClPoolPlan],
    ) -> Result<ClSwapPlan> {
        let f = |x: &str| format!("{path}.{x}");
        let at_secs = self.at(&s.at, &f("at"), ctx)?;
        let pool = self.cl_pool_index(&s.pool, &f("pool"), pools)?;
        let plan = &pools[pool];
        let forms = [
            s.offer.is_some() || s.amount.is_some(),
            s.to_tick.is_some(),
            s.to_price.is_some(),
        ];
        if forms.iter().filter(|f| **f).count() != 1 {
            return self.err(
                s.pool.span(),
                f("offer"),
                "a CL swap sells `offer` + `amount`, or moves the price `to_tick` or `to_price` (exactly one)",
            );
        }
        if let (Some(m), false) = (&s.min_out, forms[0]) {
            return self.err(
                m.span(),
                f("min_out"),
                "`min_out` applies to `offer` + `amount` swaps",
            );
        }
        let kind = if let Some(tick) = &s.to_tick {
            // A price limit lies strictly inside the range of prices.
            let t = *tick.get_ref();
            if !(MIN_TICK as i64 + 1..MAX_TICK as i64).contains(&t) {
                return self.err(
                    tick.span(),
                    f("to_tick"),
                    format!("a target tick lies strictly between {MIN_TICK} and {MAX_TICK}"),
                );
            }
            ClSwapKind::ToSqrtPrice {
                sqrt_price: sqrt_price_at_tick(t as i32).expect("tick in range"),
            }
        } else if let Some(price) = &s.to_price {
            let decimals = plan.assets.map(|t| ctx.tokens[t].decimals);
            let sqrt_price = self.cl_price(price, &f("to_price"), decimals)?;
            if sqrt_price == MIN_SQRT_PRICE {
                return self.err(
                    price.span(),
                    f("to_price"),
                    "the lowest price a pool can hold is no swap target (the limit lies strictly inside the range)",
                );
            }
            ClSwapKind::ToSqrtPrice { sqrt_price }
        } else {
            let (Some(offer), Some(amount)) = (&s.offer, &s.amount) else {
                let span = s.offer.as_ref().map_or(s.pool.span(), |o| o.span());
                return self.err(
                    span,
                    f("amount"),
                    "an exact-in swap needs `offer` and `amount`",
                );
            };
            let offer = self.asset_position(offer, &f("offer"), plan.assets, ctx)?;
            let base = self.amount(
                amount,
                &f("amount"),
                ctx.tokens[plan.assets[offer]].decimals,
            )?;
            if base == 0 {
                return self.err(amount.span(), f("amount"), "must be positive");
            }
            let min_out = match &s.min_out {
                Some(m) => Some(self.amount(
                    m,
                    &f("min_out"),
                    ctx.tokens[plan.assets[1 - offer]].decimals,
                )?),
                None => None,
            };
            ClSwapKind::ExactIn {
                offer,
                amount: base,
                min_out,
            }
        };
        Ok(ClSwapPlan {
            at_secs,
            line: self.src.line_col(s.at.span().start).0,
            pool,
            kind,
        })
    }

    fn cl_random(
        &self,
        r: &ClRandomSpec,
        path: &str,
        ctx: &Ctx,
        pools: &[ClPoolPlan],
    ) -> Result<ClRandomPlan> {
        let f = |x: &str| format!("{path}.{x}");
        let every_secs = self.secs(&r.every, &f("every"), ctx.height, ctx.block_secs)?;
        if every_secs == 0 || every_secs > ctx.duration_secs {
            return self.err(
                r.every.span(),
                f("every"),
                "must be positive and at most the duration",
            );
        }
        if ctx.duration_secs / every_secs > MAX_RANDOM_SWAPS {
            return self.err(
                r.every.span(),
                f("every"),
                format!("more than {MAX_RANDOM_SWAPS} swaps: use a longer interval"),
            );
        }
        if r.pools.get_ref().is_empty() {
            return self.err(r.pools.span(), f("pools"), "list at least one CL pool");
        }
        let chosen = r
            .pools
            .get_ref()
            .iter()
            .enumerate()
            .map(|(k, p)| self.cl_pool_index(p, &format!("{path}.pools[{k}]"), pools))
            .collect::<Result<Vec<_>>>()?;
        let max_ticks = *r.max_ticks.get_ref();
        if !(1..=MAX_TICK as u64).contains(&max_ticks) {
            return self.err(
                r.max_ticks.span(),
                f("max_ticks"),
                format!("between 1 and {MAX_TICK}"),
            );
        }
        Ok(ClRandomPlan {
            seed: *r.seed.get_ref(),
            every_secs,
            pools: chosen,
            max_ticks: max_ticks as u32,
        })
    }

    /// CL traders, position owners and CL fee collectors are accounts of their own: not a
    /// user, an amm trader, an amm fee collector or a name the simulator uses; a CL trader
    /// owns no position, a fee collector is neither. Owners may hold several positions.
    pub(super) fn cl_accounts_are_distinct(
        &self,
        spec: &ScenarioSpec,
        users: &[UserPlan],
    ) -> Result<()> {
        let mut taken: BTreeSet<&str> = users.iter().map(|u| u.name.as_str()).collect();
        taken.extend(RESERVED_NAMES);
        taken.extend(spec.traders.iter().map(|t| t.name.get_ref().as_str()));
        taken.extend(
            spec.amm_pools
                .iter()
                .filter_map(|p| p.fee_collector.as_ref().map(|c| c.get_ref().as_str())),
        );
        let refuse = |name: &Spanned<String>, field: String, what: &str| {
            self.err(
                name.span(),
                field,
                format!(
                    "\"{}\" is already an account: {what} (users, traders, fee collectors and {:?} are others)",
                    name.get_ref(),
                    RESERVED_NAMES
                ),
            )
        };
        for (i, t) in spec.cl_traders.iter().enumerate() {
            if !taken.insert(t.name.get_ref()) {
                return refuse(
                    &t.name,
                    format!("cl_traders[{i}].name"),
                    "a CL trader is an account of its own",
                );
            }
        }
        let mut owners: BTreeSet<&str> = BTreeSet::new();
        for (i, p) in spec.cl_positions.iter().enumerate() {
            if taken.contains(p.owner.get_ref().as_str()) {
                return refuse(
                    &p.owner,
                    format!("cl_positions[{i}].owner"),
                    "a position owner is an account of its own (it receives exactly what its positions deposit)",
                );
            }
            owners.insert(p.owner.get_ref());
        }
        taken.extend(owners);
        for (i, p) in spec.cl_pools.iter().enumerate() {
            if let Some(c) = &p.fee_collector {
                if taken.contains(c.get_ref().as_str()) {
                    return refuse(
                        c,
                        format!("cl_pools[{i}].fee_collector"),
                        "the fee collector is an account of its own, so its fees are visible",
                    );
                }
            }
        }
        Ok(())
    }
}
