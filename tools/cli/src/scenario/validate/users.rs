//! Users, their balances and their timed actions.
use std::collections::BTreeSet;
use std::ops::Range;

use super::{Checker, Ctx, Result};
use crate::scenario::plan::*;
use crate::scenario::spec::*;
use crate::scenario::units::AmountOrAll;

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
            let mut balances = Vec::new();
            for (symbol, amount) in &spec.balances {
                let token = self.token(symbol, &format!("users[{u}].balances"), ctx)?;
                let field = format!("users[{u}].balances.{}", symbol.get_ref());
                balances.push((
                    token,
                    self.amount(amount, &field, ctx.tokens[token].decimals)?,
                ));
            }
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

    fn action(&self, a: &ActionSpec, path: &str, ctx: &Ctx) -> Result<Action> {
        let f = |x: &str| format!("{path}.{x}");
        let kind = *a.action.get_ref();
        let what = kind.as_str();
        let pool = || -> Result<usize> {
            match &a.pool {
                Some(p) => self.pool(p, &f("pool"), ctx),
                None => self.err(a.action.span(), f("pool"), format!("`{what}` needs `pool`")),
            }
        };
        let forbid = |name: &str, span: Option<Range<usize>>| -> Result<()> {
            match span {
                Some(span) => self.err(span, f(name), format!("`{what}` takes no `{name}`")),
                None => Ok(()),
            }
        };
        let amount_span = a.amount.as_ref().map(|x| x.span());
        let pools_span = a.pools.as_ref().map(|x| x.span());
        let pool_span = a.pool.as_ref().map(|x| x.span());
        let plan = match kind {
            ActionKind::Deposit | ActionKind::Withdraw => {
                forbid("pools", pools_span)?;
                let pool = pool()?;
                let staking = &ctx.tokens[ctx.pool_staking[pool]];
                let amount = match &a.amount {
                    None => {
                        return self.err(
                            a.action.span(),
                            f("amount"),
                            format!("`{what}` needs `amount`"),
                        )
                    }
                    Some(x) => match x.get_ref() {
                        AmountOrAll::All if kind == ActionKind::Deposit => {
                            return self.err(
                                x.span(),
                                f("amount"),
                                "deposit an amount, not \"all\"",
                            );
                        }
                        AmountOrAll::All => None,
                        AmountOrAll::Amount(amount) => {
                            let base = amount
                                .to_base(staking.decimals)
                                .or_else(|m| self.err(x.span(), f("amount"), m))?;
                            if base == 0 {
                                return self.err(x.span(), f("amount"), "must be positive");
                            }
                            Some(base)
                        }
                    },
                };
                match (kind, amount) {
                    (ActionKind::Deposit, Some(amount)) => ActionPlan::Deposit { pool, amount },
                    (_, amount) => ActionPlan::Withdraw { pool, amount },
                }
            }
            ActionKind::Claim => {
                forbid("pool", pool_span.clone()).map_err(|mut e| {
                    e.message.push_str(" (use `pools = [...]`)");
                    e
                })?;
                forbid("amount", amount_span)?;
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
                ActionPlan::EmergencyWithdraw { pool: pool()? }
            }
        };
        Ok(Action {
            at_secs: self.at(&a.at, &f("at"), ctx)?,
            kind: plan,
        })
    }
}
