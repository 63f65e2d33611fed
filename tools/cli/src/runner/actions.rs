//! Executes one timeline event on the chain and records what it did.
use anyhow::{bail, Context, Result};
use cosmwasm_std::Uint128;

use super::deploy::World;
use super::timeline::{Event, EventKind};
use crate::format;
use crate::model::EventRecord;
use crate::scenario::plan::{ActionPlan, Plan, TREASURY};

pub fn execute(world: &mut World, plan: &Plan, event: &Event) -> Result<EventRecord> {
    let when = format::moment(event.at_secs, plan.block_secs, plan.is_height());
    let record = |actor: &str, action: &str, pool: Option<usize>, amount: u128, forfeited: u128| {
        EventRecord {
            t: event.at_secs,
            actor: actor.to_string(),
            action: action.to_string(),
            pool: pool.map(|p| plan.pools[p].name.clone()),
            amount: Uint128::new(amount),
            forfeited: Uint128::new(forfeited),
            settlement: false,
        }
    };
    match &event.kind {
        EventKind::Fund { amount } => {
            world
                .suite
                .fund(TREASURY, *amount)
                .with_context(|| format!("at {when}: funding the reserve with {amount}"))?;
            Ok(record(TREASURY, "fund", None, *amount, 0))
        }
        EventKind::SetWeight { pool, weight } => {
            world
                .suite
                .set_weight(world.pool_ids[*pool], *weight)
                .with_context(|| {
                    format!(
                        "at {when}: setting the weight of pool \"{}\" to {weight}",
                        plan.pools[*pool].name
                    )
                })?;
            Ok(record(
                "owner",
                "set_weight",
                Some(*pool),
                *weight as u128,
                0,
            ))
        }
        EventKind::User { user, action } => {
            let name = plan.users[*user].name.as_str();
            user_action(world, plan, name, action)
                .with_context(|| format!("at {when}: {name} {}", describe(plan, action)))
                .map(|(action_name, pool, amount, forfeited)| {
                    record(name, action_name, pool, amount, forfeited)
                })
        }
    }
}

/// Runs a user's action; returns (action name, pool, amount moved, forfeited).
fn user_action(
    world: &mut World,
    plan: &Plan,
    name: &str,
    action: &ActionPlan,
) -> Result<(&'static str, Option<usize>, u128, u128)> {
    let suite = &mut world.suite;
    match action {
        ActionPlan::Deposit { pool, amount } => {
            suite.stake(name, world.pool_ids[*pool], *amount)?;
            Ok(("deposit", Some(*pool), *amount, 0))
        }
        ActionPlan::Withdraw { pool, amount } => {
            let id = world.pool_ids[*pool];
            let amount = match amount {
                Some(a) => *a,
                None => suite.position(name, id)?.staked.u128(),
            };
            if amount == 0 {
                bail!("nothing is staked in pool \"{}\"", plan.pools[*pool].name);
            }
            suite.unstake(name, id, amount)?;
            Ok(("withdraw", Some(*pool), amount, 0))
        }
        ActionPlan::Claim { pools } => {
            let ids: Vec<u64> = match pools {
                Some(pools) => pools.iter().map(|p| world.pool_ids[*p]).collect(),
                None => suite.positions(name)?.iter().map(|p| p.pool_id).collect(),
            };
            let reward = suite.farm().reward_asset.clone();
            let before = suite.balance(name, &reward)?;
            for chunk in ids.chunks(trellis_testing::farm::CLAIM_CHUNK) {
                suite.claim(name, chunk)?;
            }
            let paid = suite.balance(name, &reward)? - before;
            let pool = match pools.as_deref() {
                Some([one]) => Some(*one),
                _ => None,
            };
            Ok(("claim", pool, paid, 0))
        }
        ActionPlan::EmergencyWithdraw { pool } => {
            let id = world.pool_ids[*pool];
            let position = suite.position(name, id)?;
            suite.emergency_withdraw(name, id)?;
            Ok((
                "emergency_withdraw",
                Some(*pool),
                position.staked.u128(),
                position.pending.u128(),
            ))
        }
    }
}

/// `deposit 100 ALY-LP into ALY-FUSD`, for error messages.
fn describe(plan: &Plan, action: &ActionPlan) -> String {
    let staking = |pool: usize| &plan.tokens[plan.pools[pool].staking];
    match action {
        ActionPlan::Deposit { pool, amount } => format!(
            "deposit {} {} into pool \"{}\"",
            format::amount(*amount, staking(*pool).decimals),
            staking(*pool).symbol,
            plan.pools[*pool].name
        ),
        ActionPlan::Withdraw { pool, amount } => format!(
            "withdraw {} from pool \"{}\"",
            amount
                .map(|a| format::amount(a, staking(*pool).decimals))
                .unwrap_or_else(|| "all".to_string()),
            plan.pools[*pool].name
        ),
        ActionPlan::Claim { pools: None } => "claim all pools".to_string(),
        ActionPlan::Claim { pools: Some(pools) } => {
            let names: Vec<&str> = pools.iter().map(|p| plan.pools[*p].name.as_str()).collect();
            format!("claim {}", names.join(", "))
        }
        ActionPlan::EmergencyWithdraw { pool } => {
            format!(
                "emergency withdraw from pool \"{}\"",
                plan.pools[*pool].name
            )
        }
    }
}
