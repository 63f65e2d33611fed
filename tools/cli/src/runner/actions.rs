//! Executes one timeline event on the chain and records what it did: farm events (funding,
//! weights, deposits, withdrawals, claims, locks and votes) and amm events (joins, exits,
//! swaps).
use anyhow::{bail, Context, Result};
use cosmwasm_std::Uint128;

use super::amm;
use super::deploy::World;
use super::failure;
use super::options_actions;
use super::timeline::{Event, EventKind};
use super::traders;
use super::ve_actions;
use crate::format;
use crate::model::{AmmEventRecord, EventRecord};
use crate::scenario::plan::{ActionPlan, Plan, TREASURY};

/// What the run did so far.
#[derive(Clone, Debug, Default)]
pub struct Log {
    pub farm: Vec<EventRecord>,
    pub amm: Vec<AmmEventRecord>,
}

pub fn execute(world: &mut World, plan: &Plan, event: &Event, log: &mut Log) -> Result<()> {
    let t = event.at_secs;
    let when = format::moment(t, plan.block_secs, plan.is_height());
    let record = |actor: &str, action: &str, pool: Option<usize>, amount: u128, forfeited: u128| {
        EventRecord {
            t,
            actor: actor.to_string(),
            action: action.to_string(),
            pool: pool.map(|p| plan.pools[p].name.clone()),
            amount: Uint128::new(amount),
            forfeited: Uint128::new(forfeited),
            settlement: false,
        }
    };
    match &event.kind {
        EventKind::Fund { amount, line } => {
            world.suite.fund(TREASURY, *amount).map_err(|err| {
                let what = format!(
                    "the treasury funds the farm's reserve with {}",
                    failure::amount_of(plan, plan.reward.token, *amount)
                );
                failure::refused(
                    plan,
                    *line,
                    &what,
                    &err,
                    "check farm.reward.funding: each amount in the reward token's display units",
                )
            })?;
            log.farm.push(record(TREASURY, "fund", None, *amount, 0));
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
            log.farm.push(record(
                "owner",
                "set_weight",
                Some(*pool),
                *weight as u128,
                0,
            ));
        }
        EventKind::Swap { trader, swap } => {
            let name = plan.traders[*trader].name.as_str();
            let done = traders::scripted(world, plan, t, name, swap)
                .map_err(|err| failure::scripted_swap(world, plan, name, swap, err))?;
            log.amm.push(done);
        }
        EventKind::RandomSwap { trader } => {
            let done = traders::random(world, plan, t, *trader)
                .with_context(|| format!("at {when}: {}", plan.traders[*trader].name))?;
            log.amm.push(done);
        }
        EventKind::Cl(cl_event) => super::cl_actions::execute(world, plan, t, cl_event)?,
        EventKind::ClFarm(event) => super::cl_farm_actions::execute(world, plan, t, event)?,
        EventKind::User { user, action, line } => {
            let name = plan.users[*user].name.as_str();
            if let Err(err) = user_action(world, plan, t, name, action, log) {
                let what = third_person(&describe(plan, action));
                return Err(failure::user_action(
                    world, plan, *line, name, &what, action, err,
                ));
            }
        }
    }
    Ok(())
}

/// Runs one user action and logs what it did.
fn user_action(
    world: &mut World,
    plan: &Plan,
    t: u64,
    name: &str,
    action: &ActionPlan,
    log: &mut Log,
) -> Result<()> {
    let record =
        |action_name: &str, pool: Option<usize>, amount: u128, forfeited: u128| EventRecord {
            t,
            actor: name.to_string(),
            action: action_name.to_string(),
            pool: pool.map(|p| plan.pools[p].name.clone()),
            amount: Uint128::new(amount),
            forfeited: Uint128::new(forfeited),
            settlement: false,
        };
    match action {
        ActionPlan::Exercise { .. } => {
            options_actions::exercise(world, plan, t, name, action, log)?;
        }
        ActionPlan::Join { .. } | ActionPlan::Exit { .. } => {
            let done = amm_action(world, plan, t, name, action)?;
            log.amm.push(done);
        }
        _ if action.is_ve() => {
            let done = ve_actions::execute(world, plan, name, action)?;
            log.farm
                .push(record(done.action, done.pool, done.amount, 0));
        }
        _ => {
            let (action_name, pool, amount, forfeited) = farm_action(world, plan, name, action)?;
            log.farm.push(record(action_name, pool, amount, forfeited));
        }
    }
    Ok(())
}

/// `deposit 100 ALY-LP` -> `deposits 100 ALY-LP`: every description starts with its verb.
fn third_person(description: &str) -> String {
    match description.split_once(' ') {
        Some((verb, rest)) => format!("{verb}s {rest}"),
        None => format!("{description}s"),
    }
}

/// Runs a user's farm action; returns (action name, pool, amount moved, forfeited).
fn farm_action(
    world: &mut World,
    plan: &Plan,
    name: &str,
    action: &ActionPlan,
) -> Result<(&'static str, Option<usize>, u128, u128)> {
    let suite = &mut world.suite;
    match action {
        ActionPlan::Deposit { pool, amount } => {
            let amount = match amount {
                Some(a) => *a,
                None => {
                    let staking = plan.pools[*pool].staking;
                    let all = suite.balance(name, &world.assets[staking])?;
                    if all == 0 {
                        bail!("holds no {}", plan.tokens[staking].symbol);
                    }
                    all
                }
            };
            suite.stake(name, world.pool_ids[*pool], amount)?;
            Ok(("deposit", Some(*pool), amount, 0))
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
        _ => unreachable!("amm, escrow and gauge actions run elsewhere"),
    }
}

/// Runs a user's join or exit of an amm pool.
fn amm_action(
    world: &mut World,
    plan: &Plan,
    t: u64,
    name: &str,
    action: &ActionPlan,
) -> Result<AmmEventRecord> {
    let suite = &mut world.suite;
    let (index, action_name, amounts_in, amounts_out, lp) = match action {
        ActionPlan::Join {
            amm_pool,
            max_amounts,
        } => {
            let pool = &world.amm[*amm_pool];
            let mut max = [0u128; 2];
            for k in 0..2 {
                max[k] = match max_amounts[k] {
                    Some(a) => a,
                    None => suite.balance(name, &pool.assets[k])?,
                };
                if max[k] == 0 {
                    let token = &plan.tokens[plan.amm_pools[*amm_pool].assets[k]];
                    bail!("holds no {}", token.symbol);
                }
            }
            let (taken, lp) = amm::join(suite, name, pool, max)?;
            (*amm_pool, "join", taken, [0, 0], lp)
        }
        ActionPlan::Exit { amm_pool, amount } => {
            let pool = &world.amm[*amm_pool];
            let lp = match amount {
                Some(a) => *a,
                None => suite.balance(name, &pool.lp_token)?,
            };
            if lp == 0 {
                let token = &plan.tokens[plan.amm_pools[*amm_pool].lp_token];
                bail!("holds no {}", token.symbol);
            }
            let paid = amm::exit(suite, name, pool, lp)?;
            (*amm_pool, "exit", [0, 0], paid, lp)
        }
        _ => unreachable!("farm actions run in farm_action"),
    };
    Ok(AmmEventRecord {
        t,
        actor: name.to_string(),
        action: action_name.to_string(),
        pool: plan.amm_pools[index].name.clone(),
        amounts_in: amounts_in.map(Uint128::new),
        amounts_out: amounts_out.map(Uint128::new),
        lp: Uint128::new(lp),
        fee: [Uint128::zero(); 2],
        detail: None,
    })
}

/// `deposit 100 ALY-LP into pool "ALY-FUSD"`, for error messages.
fn describe(plan: &Plan, action: &ActionPlan) -> String {
    let staking = |pool: usize| &plan.tokens[plan.pools[pool].staking];
    let amount_or_all = |amount: Option<u128>, decimals: u8| {
        amount
            .map(|a| format::amount(a, decimals))
            .unwrap_or_else(|| "all".to_string())
    };
    match action {
        ActionPlan::Deposit { pool, amount } => format!(
            "deposit {} {} into pool \"{}\"",
            amount_or_all(*amount, staking(*pool).decimals),
            staking(*pool).symbol,
            plan.pools[*pool].name
        ),
        ActionPlan::Withdraw { pool, amount } => format!(
            "withdraw {} from pool \"{}\"",
            amount_or_all(*amount, staking(*pool).decimals),
            plan.pools[*pool].name
        ),
        ActionPlan::Claim { pools: None } => "claim all pools".to_string(),
        ActionPlan::Claim { pools: Some(pools) } => {
            let names: Vec<&str> = pools.iter().map(|p| plan.pools[*p].name.as_str()).collect();
            format!("claim {}", names.join(", "))
        }
        ActionPlan::EmergencyWithdraw { pool } => {
            format!(
                "withdraw in an emergency from pool \"{}\"",
                plan.pools[*pool].name
            )
        }
        ActionPlan::Join {
            amm_pool,
            max_amounts,
        } => {
            let p = &plan.amm_pools[*amm_pool];
            let part = |k: usize| {
                let token = &plan.tokens[p.assets[k]];
                format!(
                    "{} {}",
                    amount_or_all(max_amounts[k], token.decimals),
                    token.symbol
                )
            };
            format!(
                "join amm pool \"{}\" with up to {} and {}",
                p.name,
                part(0),
                part(1)
            )
        }
        ActionPlan::Exit { amm_pool, amount } => {
            let p = &plan.amm_pools[*amm_pool];
            let lp = &plan.tokens[p.lp_token];
            format!(
                "exit amm pool \"{}\" with {} {}",
                p.name,
                amount_or_all(*amount, lp.decimals),
                lp.symbol
            )
        }
        ActionPlan::Exercise { .. } => options_actions::describe(plan, action),
        _ => ve_actions::describe(plan, action),
    }
}
