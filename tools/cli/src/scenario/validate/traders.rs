//! Traders: accounts that swap in the amm pools, scripted or at random; and the check that
//! every account name (users, traders, fee collectors) names one account only.
use std::collections::{BTreeMap, BTreeSet};

use toml::Spanned;

use super::{Checker, Ctx, Result};
use crate::scenario::plan::*;
use crate::scenario::spec::*;
use crate::scenario::units::Amount;

/// Largest random swap, in bps of the pool's balance of the asset sold: below the pool's cap of
/// 30% (`trellis_math::weighted::MAX_IN_RATIO`), so a random swap is never refused for size.
pub const MAX_RANDOM_SIZE_BPS: u64 = 2_999;
/// Most random swaps one trader may make in a run (each is a transaction on the chain).
pub const MAX_RANDOM_SWAPS: u64 = 100_000;

/// A trader's swaps as written: a scripted list or a random walk.
pub(super) enum TraderForm<'s, S, R> {
    Scripted(&'s [S]),
    Random(&'s R),
}

/// A checked trader's name, balances (token index, base units) and swaps as written.
pub(super) struct TraderHead<'s, S, R> {
    pub name: String,
    pub balances: Vec<(usize, u128)>,
    pub form: TraderForm<'s, S, R>,
}

impl Checker<'_> {
    pub(super) fn traders(&self, specs: &[TraderSpec], ctx: &Ctx) -> Result<Vec<TraderPlan>> {
        let mut traders = Vec::new();
        for (i, spec) in specs.iter().enumerate() {
            let path = format!("traders[{i}]");
            let f = |x: &str| format!("{path}.{x}");
            let TraderHead {
                name,
                balances,
                form,
            } = self.trader_head(
                &path,
                "a trader",
                &spec.name,
                &spec.balances,
                &spec.scripted,
                &spec.random,
                ctx,
            )?;
            let kind = match form {
                TraderForm::Scripted(swaps) => TraderKind::Scripted(
                    swaps
                        .iter()
                        .enumerate()
                        .map(|(k, s)| self.swap(s, &format!("{path}.scripted[{k}]"), ctx))
                        .collect::<Result<Vec<_>>>()?,
                ),
                TraderForm::Random(random) => {
                    TraderKind::Random(self.random(random, &f("random"), ctx)?)
                }
            };
            traders.push(TraderPlan {
                name,
                balances,
                kind,
            });
        }
        Ok(traders)
    }

    /// What amm and CL traders share: a name, balances of pool assets, and either scripted
    /// swaps (at least one) or a random walk, never both.
    // The fields of two different spec types, hence the arguments.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn trader_head<'s, S, R>(
        &self,
        path: &str,
        who: &str,
        name: &Spanned<String>,
        balances: &BTreeMap<Spanned<String>, Spanned<Amount>>,
        scripted: &'s Option<Spanned<Vec<S>>>,
        random: &'s Option<Spanned<R>>,
        ctx: &Ctx,
    ) -> Result<TraderHead<'s, S, R>> {
        let f = |x: &str| format!("{path}.{x}");
        if name.get_ref().is_empty() {
            return self.err(name.span(), f("name"), "a trader needs a name");
        }
        let balances = self.balances(
            balances,
            &f("balances"),
            ctx,
            "traders hold the pools' assets, not LP tokens",
        )?;
        let form = match (scripted, random) {
            (Some(_), Some(random)) => {
                return self.err(
                    random.span(),
                    f("random"),
                    format!("{who} is either `scripted` or `random`, not both"),
                )
            }
            (None, None) => {
                return self.err(
                    name.span(),
                    f("scripted"),
                    format!("{who} needs `scripted = [...]` swaps or `random = {{ ... }}`"),
                )
            }
            (Some(scripted), None) => {
                if scripted.get_ref().is_empty() {
                    return self.err(scripted.span(), f("scripted"), "list at least one swap");
                }
                TraderForm::Scripted(scripted.get_ref().as_slice())
            }
            (None, Some(random)) => TraderForm::Random(random.get_ref()),
        };
        Ok(TraderHead {
            name: name.get_ref().clone(),
            balances,
            form,
        })
    }

    fn swap(&self, s: &SwapSpec, path: &str, ctx: &Ctx) -> Result<SwapPlan> {
        let f = |x: &str| format!("{path}.{x}");
        let amm_pool = self.amm_pool(&s.pool, &f("pool"), ctx)?;
        let assets = ctx.amm_pools[amm_pool].assets;
        let offer = self.asset_position(&s.offer, &f("offer"), assets, ctx)?;
        let amount = self.amount(&s.amount, &f("amount"), ctx.tokens[assets[offer]].decimals)?;
        if amount == 0 {
            return self.err(s.amount.span(), f("amount"), "must be positive");
        }
        let min_out = match &s.min_out {
            None => None,
            Some(m) => {
                Some(self.amount(m, &f("min_out"), ctx.tokens[assets[1 - offer]].decimals)?)
            }
        };
        Ok(SwapPlan {
            at_secs: self.at(&s.at, &f("at"), ctx)?,
            line: self.src.line_col(s.at.span().start).0,
            amm_pool,
            offer,
            amount,
            min_out,
        })
    }

    fn random(&self, r: &RandomSpec, path: &str, ctx: &Ctx) -> Result<RandomPlan> {
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
            return self.err(r.pools.span(), f("pools"), "list at least one amm pool");
        }
        let pools = r
            .pools
            .get_ref()
            .iter()
            .enumerate()
            .map(|(k, p)| self.amm_pool(p, &format!("{path}.pools[{k}]"), ctx))
            .collect::<Result<Vec<_>>>()?;
        let max = *r.max_size_bps.get_ref();
        if !(1..=MAX_RANDOM_SIZE_BPS).contains(&max) {
            return self.err(
                r.max_size_bps.span(),
                f("max_size_bps"),
                format!(
                    "between 1 and {MAX_RANDOM_SIZE_BPS}: a swap takes less than 30% of the pool's balance (the pool's cap)"
                ),
            );
        }
        Ok(RandomPlan {
            seed: *r.seed.get_ref(),
            every_secs,
            pools,
            max_size_bps: max as u16,
        })
    }

    /// Users, traders and fee collectors are accounts: a name may not be two of them, nor one
    /// the simulator uses itself.
    pub(super) fn accounts_are_distinct(
        &self,
        spec: &ScenarioSpec,
        users: &[UserPlan],
    ) -> Result<()> {
        let mut taken: BTreeSet<&str> = users.iter().map(|u| u.name.as_str()).collect();
        taken.extend(RESERVED_NAMES);
        for (i, t) in spec.traders.iter().enumerate() {
            if !taken.insert(t.name.get_ref()) {
                return self.err(
                    t.name.span(),
                    format!("traders[{i}].name"),
                    format!(
                        "\"{}\" is already an account: traders are named apart from users, other traders and {:?}",
                        t.name.get_ref(),
                        RESERVED_NAMES
                    ),
                );
            }
        }
        for (i, p) in spec.amm_pools.iter().enumerate() {
            if let Some(c) = &p.fee_collector {
                if taken.contains(c.get_ref().as_str()) {
                    return self.err(
                        c.span(),
                        format!("amm_pools[{i}].fee_collector"),
                        format!(
                            "\"{}\" is already an account: the fee collector is an account of its own, so its fees are visible",
                            c.get_ref()
                        ),
                    );
                }
            }
        }
        Ok(())
    }
}
