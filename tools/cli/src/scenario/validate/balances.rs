//! Balances sufficient for the scripted actions, checked before the run: each user's tokens,
//! stakes and lock are followed through their actions in time order (same-moment actions in
//! file order, as the run does), and an action that asks for more than the user holds then is
//! refused at its amount.
//!
//! Only what is determinable without the chain is followed. What a join takes and mints, what
//! an exit pays, a claim's reward, an exercise's payment and delivery, and a withdrawn lock
//! depend on chain state (reserves, prices, emission): after such an action the tokens it
//! touches are "unknown" and later actions on them are left to the chain, whose failure
//! names the action and its line.
use std::collections::HashMap;
use std::ops::Range;

use super::{Checker, Ctx, Result};
use crate::format;
use crate::scenario::plan::*;
use crate::scenario::spec::*;

/// One user's holdings as far as they are known (`None`: depends on the chain, or a sum
/// beyond u128 that the chain would refuse on its own).
struct Holdings {
    tokens: HashMap<usize, Option<u128>>,
    staked: HashMap<usize, Option<u128>>,
}

impl Holdings {
    fn token(&self, token: usize) -> Option<u128> {
        // A token absent from `[users]` starts at zero (LP tokens always do).
        self.tokens.get(&token).copied().unwrap_or(Some(0))
    }
    fn staked(&self, pool: usize) -> Option<u128> {
        self.staked.get(&pool).copied().unwrap_or(Some(0))
    }
    fn forget(&mut self, token: usize) {
        self.tokens.insert(token, None);
    }
}

/// What an action asks for that the user lacks: (field, what it holds, the fix).
struct Shortfall {
    field: &'static str,
    held: String,
    fix: String,
}

impl Checker<'_> {
    pub(super) fn balances_suffice(
        &self,
        specs: &[UserSpec],
        users: &[UserPlan],
        escrow: Option<&EscrowPlan>,
        reward_token: usize,
        ctx: &Ctx,
    ) -> Result<()> {
        for (u, (spec, user)) in specs.iter().zip(users).enumerate() {
            let mut holdings = Holdings {
                tokens: user.balances.iter().map(|(t, a)| (*t, Some(*a))).collect(),
                staked: HashMap::new(),
            };
            let mut order: Vec<usize> = (0..user.actions.len()).collect();
            order.sort_by_key(|&a| user.actions[a].at_secs);
            for a in order {
                let action = &user.actions[a];
                let Some(short) = step(
                    &mut holdings,
                    &action.kind,
                    &user.name,
                    escrow,
                    reward_token,
                    ctx,
                ) else {
                    continue;
                };
                let action_spec = &spec.actions[a];
                let span: Range<usize> = match short.field {
                    "amount" => action_spec.amount.as_ref().map(|x| x.span()),
                    "amounts" => action_spec.amounts.as_ref().map(|x| x.span()),
                    _ => None,
                }
                .unwrap_or_else(|| action_spec.action.span());
                let when = format::moment(action.at_secs, ctx.block_secs, ctx.height);
                return self.err(
                    span,
                    format!("users[{u}].actions[{a}].{}", short.field),
                    format!(
                        "{} {} at {when}, but {}. Fix: {}",
                        user.name,
                        describe(&action.kind, ctx),
                        short.held,
                        short.fix
                    ),
                );
            }
        }
        Ok(())
    }
}

/// `1,000 ALY-LP`.
fn shown(amount: u128, token: usize, ctx: &Ctx) -> String {
    let t = &ctx.tokens[token];
    format!("{} {}", format::amount(amount, t.decimals), t.symbol)
}

/// How the user gets more of `token`.
fn more_of(name: &str, token: usize, ctx: &Ctx) -> String {
    match ctx.tokens[token].amm_pool {
        Some(p) => format!(
            "lower the amount or let {name} join amm pool \"{}\" before",
            ctx.amm_pools[p].name
        ),
        None => format!("lower the amount or give {name} more in [users]"),
    }
}

/// The action in the third person, for the message.
fn describe(action: &ActionPlan, ctx: &Ctx) -> String {
    let amount = |a: &Option<u128>, token: usize| match a {
        Some(a) => shown(*a, token, ctx),
        None => format!("all their {}", ctx.tokens[token].symbol),
    };
    match action {
        ActionPlan::Deposit { pool, amount: a } => format!(
            "deposits {} into pool \"{}\"",
            amount(a, ctx.pool_staking[*pool]),
            pool_name(*pool, ctx)
        ),
        ActionPlan::Withdraw { pool, amount: a } => format!(
            "withdraws {} from pool \"{}\"",
            amount(a, ctx.pool_staking[*pool]),
            pool_name(*pool, ctx)
        ),
        ActionPlan::Exit {
            amm_pool,
            amount: a,
        } => format!(
            "exits amm pool \"{}\" with {}",
            ctx.amm_pools[*amm_pool].name,
            amount(a, ctx.amm_pools[*amm_pool].lp_token)
        ),
        ActionPlan::Join { amm_pool, .. } => {
            format!("joins amm pool \"{}\"", ctx.amm_pools[*amm_pool].name)
        }
        ActionPlan::Lock { amount: a, .. } => match ctx.escrow {
            Some(t) => format!("locks {}", amount(a, t)),
            None => "locks".to_string(),
        },
        ActionPlan::IncreaseLock { amount: a } => match ctx.escrow {
            Some(t) => format!("adds {} to the lock", amount(a, t)),
            None => "adds to the lock".to_string(),
        },
        _ => "acts".to_string(),
    }
}

fn pool_name(pool: usize, ctx: &Ctx) -> &str {
    ctx.pool_index
        .iter()
        .find(|(_, i)| **i == pool)
        .map(|(n, _)| n.as_str())
        .unwrap_or("")
}

/// Applies one action to the holdings; returns what it lacks, if it lacks something known.
fn step(
    h: &mut Holdings,
    action: &ActionPlan,
    name: &str,
    escrow: Option<&EscrowPlan>,
    reward_token: usize,
    ctx: &Ctx,
) -> Option<Shortfall> {
    // Spends `want` (None: everything) of `token`: what it took, or the shortfall.
    let spend = |h: &mut Holdings,
                 token: usize,
                 want: Option<u128>|
     -> std::result::Result<Option<u128>, Shortfall> {
        let held = h.token(token);
        let lacks = |held: u128| Shortfall {
            field: "amount",
            held: if held == 0 {
                format!("holds no {}", ctx.tokens[token].symbol)
            } else {
                format!("holds {}", shown(held, token, ctx))
            },
            fix: more_of(name, token, ctx),
        };
        match (held, want) {
            (Some(held), Some(want)) if want > held => Err(lacks(held)),
            (Some(0), None) => Err(lacks(0)),
            (Some(held), Some(want)) => {
                h.tokens.insert(token, Some(held - want));
                Ok(Some(want))
            }
            (Some(held), None) => {
                h.tokens.insert(token, Some(0));
                Ok(Some(held))
            }
            (None, Some(want)) => Ok(Some(want)),
            (None, None) => {
                h.tokens.insert(token, Some(0));
                Ok(None)
            }
        }
    };
    match action {
        ActionPlan::Deposit { pool, amount } => {
            let staking = ctx.pool_staking[*pool];
            match spend(h, staking, *amount) {
                Err(short) => return Some(short),
                Ok(took) => {
                    let staked = h
                        .staked(*pool)
                        .zip(took)
                        .and_then(|(s, t)| s.checked_add(t));
                    h.staked.insert(*pool, staked);
                }
            }
        }
        ActionPlan::Withdraw { pool, amount } => {
            let staking = ctx.pool_staking[*pool];
            let staked = h.staked(*pool);
            let moved = match (staked, amount) {
                (Some(s), Some(a)) if *a > s => {
                    return Some(Shortfall {
                        field: "amount",
                        held: format!("has {} staked there", shown(s, staking, ctx)),
                        fix: "lower the amount or write \"all\"".to_string(),
                    })
                }
                (Some(0), None) => {
                    return Some(Shortfall {
                        field: "action",
                        held: "has nothing staked there".to_string(),
                        fix: "deposit before, or remove the withdrawal".to_string(),
                    })
                }
                (Some(s), Some(a)) => {
                    h.staked.insert(*pool, Some(s - a));
                    Some(*a)
                }
                (Some(s), None) => {
                    h.staked.insert(*pool, Some(0));
                    Some(s)
                }
                (None, Some(a)) => Some(*a),
                (None, None) => {
                    h.staked.insert(*pool, Some(0));
                    None
                }
            };
            let balance = h
                .token(staking)
                .zip(moved)
                .and_then(|(b, m)| b.checked_add(m));
            h.tokens.insert(staking, balance);
        }
        ActionPlan::EmergencyWithdraw { pool } => {
            let staking = ctx.pool_staking[*pool];
            let balance = h
                .token(staking)
                .zip(h.staked(*pool))
                .and_then(|(b, s)| b.checked_add(s));
            h.tokens.insert(staking, balance);
            h.staked.insert(*pool, Some(0));
        }
        ActionPlan::Claim { .. } => h.forget(reward_token),
        ActionPlan::Join { amm_pool, .. } => {
            // What a join takes depends on the reserves; only a known empty balance is sure
            // to fail (a proportional join takes some of both assets).
            let pool = &ctx.amm_pools[*amm_pool];
            for asset in pool.assets {
                if h.token(asset) == Some(0) {
                    return Some(Shortfall {
                        field: "amounts",
                        held: format!("holds no {}", ctx.tokens[asset].symbol),
                        fix: format!("give {name} some in [users]"),
                    });
                }
                h.forget(asset);
            }
            h.forget(pool.lp_token);
        }
        ActionPlan::Exit { amm_pool, amount } => {
            let pool = &ctx.amm_pools[*amm_pool];
            if let Err(mut short) = spend(h, pool.lp_token, *amount) {
                short.fix = if amount.is_some() {
                    "lower the amount or write \"all\"".to_string()
                } else {
                    format!("let {name} join amm pool \"{}\" before", pool.name)
                };
                return Some(short);
            }
            for asset in pool.assets {
                h.forget(asset);
            }
        }
        ActionPlan::Lock { amount, .. } | ActionPlan::IncreaseLock { amount } => {
            if let Some(escrow) = escrow {
                if let Err(short) = spend(h, escrow.lock_token, *amount) {
                    return Some(short);
                }
            }
        }
        ActionPlan::WithdrawLock => {
            if let Some(escrow) = escrow {
                h.forget(escrow.lock_token);
            }
        }
        ActionPlan::Exercise { .. } => {
            // The payment follows the oracle, the delivery may be sold or locked: every
            // token this user holds may change.
            let tokens: Vec<usize> = (0..ctx.tokens.len()).collect();
            for t in tokens {
                h.forget(t);
            }
        }
        ActionPlan::ExtendLock { .. } | ActionPlan::Vote { .. } => {}
    }
    None
}
