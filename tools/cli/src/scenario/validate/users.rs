//! Users, their balances and their timed actions.
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use toml::Spanned;

use super::{Checker, Ctx, Result};
use crate::scenario::error::ScenarioError;
use crate::scenario::plan::*;
use crate::scenario::spec::*;
use crate::scenario::units::{Amount, AmountOrAll};

/// A byte range of the scenario text.
type Span = Range<usize>;

impl Checker<'_> {
    pub(super) fn users(&self, specs: &[UserSpec], ctx: &Ctx) -> Result<Vec<UserPlan>> {
        let mut names = BTreeSet::new();
        let mut users = Vec::new();
        for (u, spec) in specs.iter().enumerate() {
            let name = spec.name.get_ref().clone();
            let field = |x: &str| format!("users[{u}].{x}");
            if name.is_empty()
                || RESERVED_NAMES.contains(&name.as_str())
                || !names.insert(name.clone())
            {
                return self.err(
                    spec.name.span(),
                    field("name"),
                    format!(
                        "user names must be unique, non-empty and not {:?} (\"{name}\")",
                        RESERVED_NAMES
                    ),
                );
            }
            let balances = self.balances(
                &spec.balances,
                &format!("users[{u}].balances"),
                ctx,
                "users get LP tokens by joining (give them the pool's assets and a `join` action)",
            )?;
            let actions = spec
                .actions
                .iter()
                .enumerate()
                .map(|(a, action)| self.action(action, &format!("users[{u}].actions[{a}]"), ctx))
                .collect::<Result<Vec<_>>>()?;
            users.push(UserPlan {
                name,
                balances,
                actions,
            });
        }
        Ok(users)
    }

    /// Initial balances of an account; LP tokens are refused (`why` says how to get them).
    pub(super) fn balances(
        &self,
        table: &BTreeMap<Spanned<String>, Spanned<Amount>>,
        path: &str,
        ctx: &Ctx,
        why: &str,
    ) -> Result<Vec<(usize, u128)>> {
        let mut balances = Vec::new();
        for (symbol, amount) in table {
            let token = self.base_token(symbol, path, ctx, why)?;
            if ctx.options.as_ref().map(|o| o.token) == Some(token) {
                return self.err(
                    symbol.span(),
                    path,
                    format!(
                        "\"{}\" is the options token: the farm pays it",
                        symbol.get_ref()
                    ),
                );
            }
            let field = format!("{path}.{}", symbol.get_ref());
            balances.push((
                token,
                self.amount(amount, &field, ctx.tokens[token].decimals)?,
            ));
        }
        Ok(balances)
    }

    fn action(&self, a: &ActionSpec, path: &str, ctx: &Ctx) -> Result<Action> {
        let f = |x: &str| format!("{path}.{x}");
        let kind = *a.action.get_ref();
        let what = kind.as_str();
        let need = |name: &str| -> ScenarioError {
            self.src
                .error(a.action.span(), f(name), format!("`{what}` needs `{name}`"))
        };
        let pool = || -> Result<usize> {
            let p = a.pool.as_ref().ok_or_else(|| need("pool"))?;
            self.pool(p, &f("pool"), ctx)
        };
        let amm_pool = || -> Result<usize> {
            let p = a.pool.as_ref().ok_or_else(|| need("pool"))?;
            self.amm_pool(p, &f("pool"), ctx)
        };
        let forbid = |name: &str, span: Option<Range<usize>>| -> Result<()> {
            match span {
                Some(span) => self.err(span, f(name), format!("`{what}` takes no `{name}`")),
                None => Ok(()),
            }
        };
        // A positive amount of a token with `decimals`, or "all" (`None`).
        let amount_or_all =
            |x: &Spanned<AmountOrAll>, field: String, decimals: u8| match x.get_ref() {
                AmountOrAll::All => Ok(None),
                AmountOrAll::Amount(amount) => {
                    let base = amount
                        .to_base(decimals)
                        .or_else(|m| self.err(x.span(), field.clone(), m))?;
                    if base == 0 {
                        return self.err(x.span(), field, "must be positive");
                    }
                    Ok(Some(base))
                }
            };
        let amount_span = a.amount.as_ref().map(|x| x.span());
        let amounts_span = a.amounts.as_ref().map(|x| x.span());
        let pools_span = a.pools.as_ref().map(|x| x.span());
        let pool_span = a.pool.as_ref().map(|x| x.span());
        // The escrow, gauge and exercise fields belong to their actions only.
        let action_fields: [(&str, Option<Span>, &[ActionKind]); 5] = [
            (
                "lock_for",
                a.lock_for.as_ref().map(|x| x.span()),
                &[
                    ActionKind::Lock,
                    ActionKind::ExtendLock,
                    ActionKind::Exercise,
                ],
            ),
            (
                "max_slippage_bps",
                a.max_slippage_bps.as_ref().map(|x| x.span()),
                &[ActionKind::Exercise],
            ),
            (
                "then",
                a.then.as_ref().map(|x| x.span()),
                &[ActionKind::Exercise],
            ),
            (
                "gauge",
                a.gauge.as_ref().map(|x| x.span()),
                &[ActionKind::Vote],
            ),
            (
                "weight_bps",
                a.weight_bps.as_ref().map(|x| x.span()),
                &[ActionKind::Vote],
            ),
        ];
        for (name, span, kinds) in action_fields {
            if !kinds.contains(&kind) {
                forbid(name, span)?;
            }
        }
        let at_secs = self.at(&a.at, &f("at"), ctx)?;
        let plan = match kind {
            ActionKind::Exercise => {
                forbid("pools", pools_span)?;
                forbid("amounts", amounts_span)?;
                forbid("pool", pool_span)?;
                self.exercise_action(a, path, at_secs, ctx)?
            }
            ActionKind::Deposit | ActionKind::Withdraw => {
                forbid("pools", pools_span)?;
                forbid("amounts", amounts_span)?;
                let pool = pool()?;
                let staking = &ctx.tokens[ctx.pool_staking[pool]];
                let x = a.amount.as_ref().ok_or_else(|| need("amount"))?;
                let amount = amount_or_all(x, f("amount"), staking.decimals)?;
                match kind {
                    ActionKind::Deposit => ActionPlan::Deposit { pool, amount },
                    _ => ActionPlan::Withdraw { pool, amount },
                }
            }
            ActionKind::Claim => {
                forbid("pool", pool_span.clone()).map_err(|mut e| {
                    e.message.push_str(" (use `pools = [...]`)");
                    e
                })?;
                forbid("amount", amount_span)?;
                forbid("amounts", amounts_span)?;
                let pools = match &a.pools {
                    None => None,
                    Some(list) => {
                        if list.get_ref().is_empty() {
                            return self.err(
                                list.span(),
                                f("pools"),
                                "list at least one pool, or leave `pools` out to claim all",
                            );
                        }
                        Some(
                            list.get_ref()
                                .iter()
                                .enumerate()
                                .map(|(k, p)| self.pool(p, &format!("{path}.pools[{k}]"), ctx))
                                .collect::<Result<Vec<_>>>()?,
                        )
                    }
                };
                ActionPlan::Claim { pools }
            }
            ActionKind::EmergencyWithdraw => {
                forbid("pools", pools_span)?;
                forbid("amount", amount_span)?;
                forbid("amounts", amounts_span)?;
                ActionPlan::EmergencyWithdraw { pool: pool()? }
            }
            ActionKind::Join => {
                forbid("pools", pools_span)?;
                forbid("amount", amount_span).map_err(|mut e| {
                    e.message
                        .push_str(" (use `amounts = { A = ..., B = ... }`, both assets)");
                    e
                })?;
                let amm_pool = amm_pool()?;
                let assets = ctx.amm_pools[amm_pool].assets;
                let table = a.amounts.as_ref().ok_or_else(|| need("amounts"))?;
                let mut max_amounts: [Option<Option<u128>>; 2] = [None, None];
                for (symbol, x) in table.get_ref() {
                    let k = self.asset_position(symbol, &f("amounts"), assets, ctx)?;
                    let field = format!("{path}.amounts.{}", symbol.get_ref());
                    max_amounts[k] = Some(amount_or_all(x, field, ctx.tokens[assets[k]].decimals)?);
                }
                let [Some(first), Some(second)] = max_amounts else {
                    return self.err(
                        table.span(),
                        f("amounts"),
                        format!(
                            "a join gives both assets: {{ \"{}\" = ..., \"{}\" = ... }} (amounts or \"all\")",
                            ctx.tokens[assets[0]].symbol, ctx.tokens[assets[1]].symbol
                        ),
                    );
                };
                ActionPlan::Join {
                    amm_pool,
                    max_amounts: [first, second],
                }
            }
            ActionKind::Exit => {
                forbid("pools", pools_span)?;
                forbid("amounts", amounts_span)?;
                let amm_pool = amm_pool()?;
                let lp = &ctx.tokens[ctx.amm_pools[amm_pool].lp_token];
                let x = a.amount.as_ref().ok_or_else(|| need("amount"))?;
                ActionPlan::Exit {
                    amm_pool,
                    amount: amount_or_all(x, f("amount"), lp.decimals)?,
                }
            }
            ActionKind::Lock
            | ActionKind::IncreaseLock
            | ActionKind::ExtendLock
            | ActionKind::WithdrawLock
            | ActionKind::Vote => {
                forbid("pools", pools_span)?;
                forbid("amounts", amounts_span)?;
                forbid("pool", pool_span)?;
                self.ve_action(a, kind, path, ctx)?
            }
        };
        Ok(Action {
            at_secs,
            line: self.src.line_col(a.at.span().start).0,
            kind: plan,
        })
    }
}
