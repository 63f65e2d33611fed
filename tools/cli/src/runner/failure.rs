//! Turns a chain error on a scripted action or swap into a message about the scenario:
//! `file:line: alice deposits 1,000 ALY-LP into pool "main", but holds 500 ALY-LP. Fix: ...`.
//! Amounts are in display units with their symbol; the raw chain error is kept only when no
//! better explanation is found (as the cause after `but the chain refused it:`).
use anyhow::{anyhow, Error};

use super::deploy::World;
use crate::format;
use crate::scenario::plan::{ActionPlan, Plan, SwapPlan, TokenPlan};

/// `1,000 ALY-LP`.
fn shown(amount: u128, token: &TokenPlan) -> String {
    format!(
        "{} {}",
        format::amount(amount, token.decimals),
        token.symbol
    )
}

/// How a user gets more of `token`: from `[users]` for a declared token, by joining for an
/// amm pool's LP token.
fn how_to_get(plan: &Plan, name: &str, token: &TokenPlan) -> String {
    match token.amm_pool {
        Some(p) => format!(
            "let {name} join amm pool \"{}\" for more before",
            plan.amm_pools[p].name
        ),
        None => format!("give {name} more in [users]"),
    }
}

/// The explanation of a failed user action (`, but ... Fix: ...`), from what the chain holds
/// now (the failed transaction changed nothing).
fn shortfall(world: &World, plan: &Plan, name: &str, action: &ActionPlan) -> Option<String> {
    let suite = &world.suite;
    match action {
        ActionPlan::Deposit {
            pool,
            amount: Some(amount),
        } => {
            let staking = plan.pools[*pool].staking;
            let token = &plan.tokens[staking];
            let held = suite.balance(name, &world.assets[staking]).ok()?;
            (held < *amount).then(|| {
                format!(
                    ", but holds {}. Fix: lower the amount or {}",
                    shown(held, token),
                    how_to_get(plan, name, token)
                )
            })
        }
        ActionPlan::Withdraw {
            pool,
            amount: Some(amount),
        } => {
            let token = &plan.tokens[plan.pools[*pool].staking];
            let staked = suite
                .position(name, world.pool_ids[*pool])
                .ok()?
                .staked
                .u128();
            (staked < *amount).then(|| {
                format!(
                    ", but has {} staked there. Fix: lower the amount or write \"all\"",
                    shown(staked, token)
                )
            })
        }
        ActionPlan::Exit {
            amm_pool,
            amount: Some(amount),
        } => {
            let lp = plan.amm_pools[*amm_pool].lp_token;
            let token = &plan.tokens[lp];
            let held = suite.balance(name, &world.assets[lp]).ok()?;
            (held < *amount).then(|| {
                format!(
                    ", but holds {}. Fix: lower the amount or write \"all\"",
                    shown(held, token)
                )
            })
        }
        ActionPlan::Lock {
            amount: Some(amount),
            ..
        }
        | ActionPlan::IncreaseLock {
            amount: Some(amount),
        } => {
            let locked = plan.escrow?.lock_token;
            let token = &plan.tokens[locked];
            let held = suite.balance(name, &world.assets[locked]).ok()?;
            (held < *amount).then(|| {
                format!(
                    ", but holds {}. Fix: lower the amount or {}",
                    shown(held, token),
                    how_to_get(plan, name, token)
                )
            })
        }
        ActionPlan::Exercise {
            amount: Some(amount),
            ..
        } => exercise_shortfall(world, plan, name, *amount),
        _ => None,
    }
}

/// What an exercise of `amount` options lacks: the options themselves, or the payment the
/// quote asks for now (the slippage room only adds to it).
fn exercise_shortfall(world: &World, plan: &Plan, name: &str, amount: u128) -> Option<String> {
    let o = plan.options.as_ref()?;
    let handle = &world.options.as_ref()?.handle;
    let suite = &world.suite;
    let options = &plan.tokens[o.token];
    let held = suite.options_balance(handle, name).ok()?;
    if held < amount {
        return Some(format!(
            ", but holds {}. Fix: lower the amount or write \"all\"",
            shown(held, options)
        ));
    }
    let payment = &plan.tokens[o.payment];
    let quote = suite.simulate_exercise(handle, amount).ok()?.payment.u128();
    let funds = suite.balance(name, &world.assets[o.payment]).ok()?;
    (funds < quote).then(|| {
        format!(
            ", which costs {} now, but {name} holds {}. Fix: exercise fewer or give {name} more \
             {} in [users]",
            shown(quote, payment),
            shown(funds, payment),
            payment.symbol
        )
    })
}

/// The fix to suggest when only the chain's reason is known.
fn generic_fix(action: &ActionPlan) -> &'static str {
    match action {
        ActionPlan::Deposit { .. } | ActionPlan::Join { .. } => {
            "check the user's balances and the amounts"
        }
        ActionPlan::Withdraw { .. } | ActionPlan::EmergencyWithdraw { .. } => {
            "check that the user has something staked in the pool at that moment"
        }
        ActionPlan::Claim { .. } => "check that the user has a position in the pools claimed",
        ActionPlan::Exit { .. } => "check the user's LP balance at that moment",
        ActionPlan::Lock { .. }
        | ActionPlan::IncreaseLock { .. }
        | ActionPlan::ExtendLock { .. }
        | ActionPlan::WithdrawLock => "check the lock's state and times at that moment",
        ActionPlan::Vote { .. } => {
            "check the user's ve power, the vote delay and that the weights sum to at most 100%"
        }
        ActionPlan::Exercise { .. } => {
            "check the user's option and payment balances and max_slippage_bps"
        }
    }
}

/// A failed user action at `line`: `what` is the third-person description
/// (`deposits 1,000 ALY-LP into pool "main"`).
pub fn user_action(
    world: &World,
    plan: &Plan,
    line: usize,
    name: &str,
    what: &str,
    action: &ActionPlan,
    err: Error,
) -> Error {
    match shortfall(world, plan, name, action) {
        Some(why) => anyhow!("{}:{line}: {name} {what}{why}", plan.file),
        None => refused(
            plan,
            line,
            &format!("{name} {what}"),
            &err,
            generic_fix(action),
        ),
    }
}

/// A failed step that only the chain's reason explains:
/// `file:line: what, but the chain refused it: reason. Fix: fix`.
pub fn refused(plan: &Plan, line: usize, what: &str, err: &Error, fix: &str) -> Error {
    anyhow!(
        "{}:{line}: {what}, but the chain refused it: {}. Fix: {fix}",
        plan.file,
        root_cause(err)
    )
}

/// `1,000 ALY-LP` for a token of the plan.
pub fn amount_of(plan: &Plan, token: usize, amount: u128) -> String {
    shown(amount, &plan.tokens[token])
}

/// A failed scripted swap. When it asked for `min_out`, the pool's quote at that moment says
/// how far below it the swap fell.
pub fn scripted_swap(world: &World, plan: &Plan, name: &str, swap: &SwapPlan, err: Error) -> Error {
    let pool_plan = &plan.amm_pools[swap.amm_pool];
    let offer = &plan.tokens[pool_plan.assets[swap.offer]];
    let ask = &plan.tokens[pool_plan.assets[1 - swap.offer]];
    let head = format!(
        "{}:{}: {name} swaps {} for {} in amm pool \"{}\"",
        plan.file,
        swap.line,
        shown(swap.amount, offer),
        ask.symbol,
        pool_plan.name
    );
    if let Some(min_out) = swap.min_out {
        let pool = &world.amm[swap.amm_pool];
        let quote = world
            .suite
            .simulate_swap_exact_in(pool, &pool.assets[swap.offer], swap.amount);
        if let Ok(quote) = quote {
            let out = quote.amount_out.u128();
            if out < min_out {
                return anyhow!(
                    "{head} with min_out {}, but the pool pays {}. Fix: lower min_out, \
                     swap less or move the swap to when the price suits it",
                    shown(min_out, ask),
                    shown(out, ask)
                );
            }
        }
    }
    anyhow!(
        "{head}, but the chain refused it: {}. Fix: check the trader's balance of {} and the \
         size of the swap against the pool",
        root_cause(&err),
        offer.symbol
    )
}

/// A failed scripted CL swap selling `amount` of `offer` (a pool asset's token index): names
/// the shortfall when the trader holds less than it sells.
pub fn cl_swap(
    world: &World,
    plan: &Plan,
    (line, trader, what): (usize, &str, &str),
    sold: Option<(usize, u128)>,
    err: Error,
) -> Error {
    if let Some((token, amount)) = sold {
        if let Ok(held) = world.suite.balance(trader, &world.assets[token]) {
            if held < amount {
                return anyhow!(
                    "{}:{line}: {trader} {what}, but holds {}. Fix: lower the amount or give {trader} \
                     more in its `balances`",
                    plan.file,
                    amount_of(plan, token, held)
                );
            }
        }
    }
    refused(
        plan,
        line,
        &format!("{trader} {what}"),
        &err,
        "check the trader's balances and the pool's liquidity along the price path",
    )
}

/// The innermost reason of a chain error (cw-multi-test wraps the contract's error in the
/// message that carried it, which is long and shows addresses).
fn root_cause(err: &Error) -> String {
    err.root_cause().to_string()
}
