//! The end of a run: every user claims all their pools in the final block, the exact
//! conservation check, and the summary.
use std::collections::BTreeMap;

use anyhow::{Context, Result};
use cosmwasm_std::Uint128;

use super::deploy::World;
use crate::format;
use crate::model::{
    ConservationSummary, EventRecord, ExactSummary, PoolSummary, ReserveSummary, Sample,
    StreamSummary, Summary, UserSummary,
};
use crate::scenario::plan::Plan;

/// Claimed amount and working balance per (user, pool name).
type Claimed = BTreeMap<(String, String), (u128, u128)>;

fn claimed_by_position(world: &World, plan: &Plan) -> Result<Claimed> {
    let mut out = Claimed::new();
    for user in &plan.users {
        for p in world.suite.positions(&user.name)? {
            out.insert(
                (user.name.clone(), pool_name(world, plan, p.pool_id)),
                (p.claimed.u128(), p.working.u128()),
            );
        }
    }
    Ok(out)
}

fn pool_name(world: &World, plan: &Plan, pool_id: u64) -> String {
    world
        .pool_ids
        .iter()
        .position(|id| *id == pool_id)
        .map(|i| plan.pools[i].name.clone())
        .unwrap_or_else(|| format!("#{pool_id}"))
}

/// Settles every position at the final block, checks the books and builds the summary.
/// `samples` and `events` are those of the run so far; settlement events are appended.
pub fn finish(
    world: &mut World,
    plan: &Plan,
    samples: &[Sample],
    events: &mut Vec<EventRecord>,
    mut violations: Vec<String>,
    clock_at_start: u64,
) -> Result<Summary> {
    let names: Vec<&str> = plan.users.iter().map(|u| u.name.as_str()).collect();
    let before = claimed_by_position(world, plan)?;
    // Working supplies before the settlement claims (a claim may refresh a boost).
    let working_supplies: Vec<Uint128> = world
        .suite
        .farm_pools()?
        .iter()
        .map(|p| p.working_supply)
        .collect();
    let mut settled_total = 0u128;
    for name in &names {
        let paid = world
            .suite
            .claim_all(name)
            .with_context(|| format!("final settlement: {name} claiming all pools"))?;
        settled_total += paid;
        events.push(EventRecord {
            t: plan.duration_secs,
            actor: name.to_string(),
            action: "claim".to_string(),
            pool: None,
            amount: Uint128::new(paid),
            forfeited: Uint128::zero(),
            settlement: true,
        });
    }
    let after = claimed_by_position(world, plan)?;
    let snapshot = world.suite.conservation_snapshot(&names)?;
    let t = &snapshot.totals;

    let exact = ExactSummary {
        ok: snapshot.exact_ok(),
        emitted: t.emitted,
        claimed: t.claimed,
        recovered: t.recovered,
        rolled_over: t.rolled_over,
        undistributed: t.undistributed,
        carried: t.carried,
        pending: Uint128::new(snapshot.pending),
        settled: Uint128::new(settled_total),
    };
    let end = format::moment(plan.duration_secs, plan.block_secs, plan.is_height());
    if !exact.ok {
        violations.push(format!(
            "after the final settlement at {end}: emitted {} != claimed {} + recovered {} + rolled_over {} + \
             undistributed {} + carried {} + pending {} (difference {})",
            t.emitted, t.claimed, t.recovered, t.rolled_over, t.undistributed, t.carried, snapshot.pending, snapshot.slack
        ));
    }
    let reserve = t.reserve_available.map(|available| {
        let ok = snapshot.reserve_ok() == Some(true);
        if !ok {
            violations.push(format!(
                "after the final settlement at {end}: funded {} + rolled_over {} != emitted {} + reserve_available {available}",
                t.funded, t.rolled_over, t.emitted
            ));
        }
        ReserveSummary {
            ok,
            funded: t.funded,
            rolled_over: t.rolled_over,
            emitted: t.emitted,
            reserve_available: available,
        }
    });

    let (max_slack, bound_at_max) = samples
        .iter()
        .map(|s| (s.slack, s.bound))
        .max_by_key(|(slack, _)| *slack)
        .unwrap_or((0, 0));
    let bounded_ok = samples
        .iter()
        .all(|s| s.slack >= 0 && s.slack as u128 <= s.bound);

    let forfeited = |user: Option<&str>, pool: &str| -> u128 {
        events
            .iter()
            .filter(|e| e.pool.as_deref() == Some(pool) && user.is_none_or(|u| e.actor == u))
            .map(|e| e.forfeited.u128())
            .sum()
    };

    let mut users = Vec::new();
    for name in &names {
        for p in world.suite.positions(name)? {
            let pool = pool_name(world, plan, p.pool_id);
            let key = (name.to_string(), pool.clone());
            let (claimed, working) = before.get(&key).copied().unwrap_or((0, 0));
            let (earned, _) = after.get(&key).copied().unwrap_or((0, 0));
            users.push(UserSummary {
                user: name.to_string(),
                pool: pool.clone(),
                staked: p.staked,
                working: Uint128::new(working),
                earned: Uint128::new(earned),
                claimed: Uint128::new(claimed),
                settled: Uint128::new(earned - claimed),
                forfeited: Uint128::new(forfeited(Some(name), &pool)),
            });
        }
    }

    let mut pools = Vec::new();
    for (i, p) in world.suite.farm_pools()?.into_iter().enumerate() {
        let name = plan
            .pools
            .get(i)
            .map(|x| x.name.clone())
            .unwrap_or_default();
        let of_pool = users.iter().filter(|u| u.pool == name);
        let (earned, claimed) = of_pool.fold((0u128, 0u128), |(e, c), u| {
            (e + u.earned.u128(), c + u.claimed.u128())
        });
        pools.push(PoolSummary {
            pool: name.clone(),
            weight: p.weight,
            staked: p.total_staked,
            working_supply: working_supplies.get(i).copied().unwrap_or_default(),
            distributed: p.distributed,
            earned: Uint128::new(earned),
            claimed: Uint128::new(claimed),
            forfeited: Uint128::new(forfeited(None, &name)),
        });
    }

    let clock_at_end = world.suite.farm_now();
    let scheduled = world
        .suite
        .projected_emission(clock_at_start, clock_at_end)
        .context("querying the projected emission")?;
    let stream = StreamSummary {
        emitted: t.emitted,
        distributed: Uint128::new(snapshot.distributed().max(0) as u128),
        claimed: t.claimed,
        undistributed: t.undistributed,
        recovered: t.recovered,
        rolled_over: t.rolled_over,
        skipped: t.skipped,
        funded: t.funded,
        reserve_available: t.reserve_available,
        scheduled: Uint128::new(scheduled),
    };
    Ok(Summary {
        pools,
        users,
        stream,
        // Filled in by the runner (`amm_summary`).
        amm_pools: Vec::new(),
        traders: Vec::new(),
        conservation: ConservationSummary {
            bounded_checks: samples.len(),
            bounded_ok,
            max_slack,
            bound_at_max,
            exact,
            reserve,
            amm: None,
            violations,
        },
        ve: super::ve_sample::summary(world, plan)?,
        gauge_weeks: super::ve_sample::gauge_weeks(world, plan)?,
        // Filled in by the runner when the scenario compares boost modes.
        boost_comparison: None,
        // Filled in by the runner (`options_summary`).
        options: None,
    })
}
