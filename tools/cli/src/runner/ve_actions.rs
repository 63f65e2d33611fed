//! Users' escrow and gauge actions: locks (create, increase, extend, withdraw) and votes.
use anyhow::{bail, Context, Result};

use super::deploy::World;
use crate::format;
use crate::scenario::plan::{ActionPlan, Plan};

/// What a lock or vote did, for the event log: the action's name, the pool voted for, and
/// the amount (lock token moved, the new lock end in seconds since deployment for
/// `extend_lock`, the bps for `vote`).
pub struct Done {
    pub action: &'static str,
    pub pool: Option<usize>,
    pub amount: u128,
}

pub fn execute(world: &mut World, plan: &Plan, name: &str, action: &ActionPlan) -> Result<Done> {
    let ve = world
        .escrow
        .clone()
        .context("the scenario has no escrow (the checker should have refused this action)")?;
    let suite = &mut world.suite;
    // The lock token's amount: as given, or the whole balance.
    let amount_or_all = |suite: &trellis_testing::Suite, amount: &Option<u128>| -> Result<u128> {
        match amount {
            Some(a) => Ok(*a),
            None => {
                let all = suite.balance(name, &ve.lock_token)?;
                if all == 0 {
                    let symbol = plan
                        .escrow
                        .map(|e| plan.tokens[e.lock_token].symbol.clone());
                    bail!("holds no {}", symbol.unwrap_or_default());
                }
                Ok(all)
            }
        }
    };
    let done = |action, pool, amount| Done {
        action,
        pool,
        amount,
    };
    match action {
        ActionPlan::Lock {
            amount,
            lock_for_secs,
        } => {
            let amount = amount_or_all(suite, amount)?;
            let unlock = suite.time() + lock_for_secs;
            suite.create_lock(&ve, name, amount, unlock)?;
            Ok(done("lock", None, amount))
        }
        ActionPlan::IncreaseLock { amount } => {
            let amount = amount_or_all(suite, amount)?;
            suite.increase_lock_amount(&ve, name, amount)?;
            Ok(done("increase_lock", None, amount))
        }
        ActionPlan::ExtendLock { lock_for_secs } => {
            let unlock = suite.time() + lock_for_secs;
            suite.extend_lock(&ve, name, unlock)?;
            let end = suite.ve_lock(&ve, name)?.end;
            // Deployment happens at the genesis block: seconds after it.
            let since_start = end.saturating_sub(suite.genesis_time());
            Ok(done("extend_lock", None, u128::from(since_start)))
        }
        ActionPlan::WithdrawLock => {
            let locked = suite.ve_lock(&ve, name)?.amount.u128();
            suite.withdraw_lock(&ve, name)?;
            Ok(done("withdraw_lock", None, locked))
        }
        ActionPlan::Vote { pool, weight_bps } => {
            let gc = world
                .controller
                .clone()
                .context("the scenario has no gauge controller")?;
            let gauge = &world.gauges[*pool];
            suite.vote(&gc, name, gauge, *weight_bps)?;
            Ok(done("vote", Some(*pool), u128::from(*weight_bps)))
        }
        _ => unreachable!("farm and amm actions run elsewhere"),
    }
}

/// `lock 1,000 LP for 52w`, for error messages.
pub fn describe(plan: &Plan, action: &ActionPlan) -> String {
    let lock = plan.escrow.map(|e| &plan.tokens[e.lock_token]);
    let amount = |a: &Option<u128>| match (a, lock) {
        (Some(a), Some(t)) => format!("{} {}", format::amount(*a, t.decimals), t.symbol),
        _ => "all".to_string(),
    };
    match action {
        ActionPlan::Lock {
            amount: a,
            lock_for_secs,
        } => format!(
            "lock {} for {}",
            amount(a),
            format::duration(*lock_for_secs)
        ),
        ActionPlan::IncreaseLock { amount: a } => format!("add {} to the lock", amount(a)),
        ActionPlan::ExtendLock { lock_for_secs } => {
            format!(
                "extend the lock to {} from now",
                format::duration(*lock_for_secs)
            )
        }
        ActionPlan::WithdrawLock => "withdraw the lock".to_string(),
        ActionPlan::Vote { pool, weight_bps } => format!(
            "vote {weight_bps} bps for the gauge of pool \"{}\"",
            plan.pools[*pool].name
        ),
        _ => String::new(),
    }
}
