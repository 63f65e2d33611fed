//! Users' escrow and gauge actions: locks (create, increase, extend, withdraw) and votes.
use super::{Checker, Ctx, Result};
use crate::scenario::error::ScenarioError;
use crate::scenario::plan::*;
use crate::scenario::spec::*;
use crate::scenario::units::AmountOrAll;

impl Checker<'_> {
    /// A lock, lock change or vote: the escrow (and for votes the gauges) must exist.
    pub(super) fn ve_action(
        &self,
        a: &ActionSpec,
        kind: ActionKind,
        path: &str,
        ctx: &Ctx,
    ) -> Result<ActionPlan> {
        let f = |x: &str| format!("{path}.{x}");
        let what = kind.as_str();
        let need = |name: &str| -> ScenarioError {
            self.src
                .error(a.action.span(), f(name), format!("`{what}` needs `{name}`"))
        };
        let Some(lock_token) = ctx.escrow else {
            return self.err(
                a.action.span(),
                f("action"),
                format!("`{what}` needs an `[escrow]`"),
            );
        };
        let forbid_amount = || match &a.amount {
            Some(x) => self.err(x.span(), f("amount"), format!("`{what}` takes no `amount`")),
            None => Ok(()),
        };
        let amount = || -> Result<Option<u128>> {
            let x = a.amount.as_ref().ok_or_else(|| need("amount"))?;
            let decimals = ctx.tokens[lock_token].decimals;
            match x.get_ref() {
                AmountOrAll::All => Ok(None),
                AmountOrAll::Amount(amount) => {
                    let base = amount
                        .to_base(decimals)
                        .or_else(|m| self.err(x.span(), f("amount"), m))?;
                    if base == 0 {
                        return self.err(x.span(), f("amount"), "must be positive");
                    }
                    Ok(Some(base))
                }
            }
        };
        let lock_for = || -> Result<u64> {
            let d = a.lock_for.as_ref().ok_or_else(|| need("lock_for"))?;
            let secs = self.secs(d, &f("lock_for"), ctx.height, ctx.block_secs)?;
            if secs == 0 {
                return self.err(d.span(), f("lock_for"), "must be positive");
            }
            Ok(secs)
        };
        Ok(match kind {
            ActionKind::Lock => ActionPlan::Lock {
                amount: amount()?,
                lock_for_secs: lock_for()?,
            },
            ActionKind::IncreaseLock => ActionPlan::IncreaseLock { amount: amount()? },
            ActionKind::ExtendLock => {
                forbid_amount()?;
                ActionPlan::ExtendLock {
                    lock_for_secs: lock_for()?,
                }
            }
            ActionKind::WithdrawLock => {
                forbid_amount()?;
                ActionPlan::WithdrawLock
            }
            ActionKind::Vote => {
                forbid_amount()?;
                let gauge = a.gauge.as_ref().ok_or_else(|| need("gauge"))?;
                if ctx.gauge_types.is_empty() {
                    return self.err(
                        gauge.span(),
                        f("gauge"),
                        "votes go to gauges: the farm needs `split = \"gauges\"` and a `[gauges]` table",
                    );
                }
                let pool = match ctx.pool_index.get(gauge.get_ref()) {
                    Some(p) => *p,
                    None => {
                        let mut known: Vec<(&String, &usize)> = ctx.pool_index.iter().collect();
                        known.sort_by_key(|(_, i)| **i);
                        let names: Vec<&str> = known.iter().map(|(n, _)| n.as_str()).collect();
                        return self.err(
                            gauge.span(),
                            f("gauge"),
                            format!(
                                "unknown gauge \"{}\" (every pool is a gauge: {})",
                                gauge.get_ref(),
                                names.join(", ")
                            ),
                        );
                    }
                };
                let bps = a.weight_bps.as_ref().ok_or_else(|| need("weight_bps"))?;
                let max = trellis_types::gauge_controller::MAX_VOTE_BPS;
                if *bps.get_ref() > u64::from(max) {
                    return self.err(
                        bps.span(),
                        f("weight_bps"),
                        format!("at most {max} (all of the user's ve slope)"),
                    );
                }
                ActionPlan::Vote {
                    pool,
                    weight_bps: *bps.get_ref() as u16,
                }
            }
            _ => unreachable!("only escrow and gauge actions come here"),
        })
    }
}
