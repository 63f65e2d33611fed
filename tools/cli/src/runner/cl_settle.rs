//! The end of the CL part: at the final block every open position is closed (all liquidity
//! removed, everything collected, the NFT burned) and each pool's protocol fees are collected;
//! then the exact check per pool and side: `deposits + traded in - traded out = withdrawn +
//! fees claimed + protocol fees claimed + remaining`, with `remaining` (what rounding left
//! in the pool) below the run's rounding count.
use anyhow::{Context, Result};
use cosmwasm_std::Uint128;
use trellis_types::cl_pool::ExecuteMsg;

use super::cl_positions;
use super::cl_summary;
use super::deploy::World;
use crate::format;
use crate::model::cl::{
    ClCheckSummary, ClEventRecord, ClFinalCheck, ClPositionStatus, ClReport, ClSample,
};
use crate::scenario::plan::{Plan, OWNER};

/// Settles the CL part and builds its report; `None` without CL pools. Every CL violation of
/// the run (samples, swaps, collects, the final check) is added to `violations`.
pub fn finish(
    world: &mut World,
    plan: &Plan,
    samples: Vec<ClSample>,
    violations: &mut Vec<String>,
) -> Result<Option<ClReport>> {
    if plan.cl.is_empty() {
        return Ok(None);
    }
    let t = plan.duration_secs;
    let end = format::moment(t, plan.block_secs, plan.is_height());
    world.cl.advance_clock(&plan.cl, t);
    let first_settlement_event = world.cl.events.len();
    for i in 0..plan.cl.positions.len() {
        if world.cl.positions[i].status == ClPositionStatus::Open {
            cl_positions::close(world, plan, t, i).with_context(|| {
                format!(
                    "final settlement: closing CL position \"{}\"",
                    plan.cl.positions[i].name
                )
            })?;
        }
    }
    for i in 0..plan.cl.pools.len() {
        collect_protocol_fees(world, plan, t, i)?;
    }
    for e in &mut world.cl.events[first_settlement_event..] {
        e.settlement = true;
    }

    let mut finals = Vec::new();
    let mut found = Vec::new();
    for (i, (pool, p)) in world.cl.pools.iter().zip(&plan.cl.pools).enumerate() {
        let books = &world.cl.pool_books[i];
        let remaining = [
            world.suite.balance_of(&pool.address, &pool.assets[0])?,
            world.suite.balance_of(&pool.address, &pool.assets[1])?,
        ];
        let exact = books.expected_held() == Some(remaining);
        let dust_bound = books.dust_bound();
        let dust_ok = (0..2).all(|k| remaining[k] < dust_bound[k].max(1));
        let symbol = |k: usize| plan.tokens[p.assets[k]].symbol.as_str();
        for k in 0..2 {
            if !exact {
                found.push(format!(
                    "after the final settlement at {end}: CL pool \"{}\": deposits {} + traded in {} - traded out {} != \
                     withdrawn {} + fees claimed {} + protocol fees claimed {} + remaining {} {}",
                    p.name, books.deposits[k], books.traded_in[k], books.traded_out[k], books.withdrawn[k],
                    books.fees_collected[k], books.protocol_collected[k], remaining[k], symbol(k)
                ));
            }
            if remaining[k] >= dust_bound[k].max(1) {
                found.push(format!(
                    "after the final settlement at {end}: CL pool \"{}\" still holds {} {} with every position \
                     closed, more than rounding leaves (below {})",
                    p.name, remaining[k], symbol(k), dust_bound[k].max(1)
                ));
            }
        }
        let u = |v: [u128; 2]| v.map(Uint128::new);
        finals.push(ClFinalCheck {
            pool: p.name.clone(),
            deposits: u(books.deposits),
            traded_in: u(books.traded_in),
            traded_out: u(books.traded_out),
            withdrawn: u(books.withdrawn),
            fees_claimed: u(books.fees_collected),
            protocol_fees_claimed: u(books.protocol_collected),
            remaining: u(remaining),
            exact,
            dust_bound,
            dust_ok,
        });
    }
    world.cl.violations.extend(found);
    violations.extend(world.cl.violations.iter().cloned());
    let checks = samples.len() * plan.cl.pools.len();
    let check = ClCheckSummary {
        ok: world.cl.violations.is_empty(),
        checks,
        pools: finals,
    };
    cl_summary::report(world, plan, samples, check).map(Some)
}

/// Sends pool `i`'s protocol fees owed to its collector (measured on the collector's
/// balances); nothing when none are owed.
fn collect_protocol_fees(world: &mut World, plan: &Plan, t: u64, i: usize) -> Result<()> {
    let p = &plan.cl.pools[i];
    let Some(fee) = &p.protocol_fee else {
        return Ok(());
    };
    let pool = world.cl.pools[i].clone();
    let owed = world.suite.cl_pool_state(&pool)?.protocol_fees_owed;
    if owed.iter().all(Uint128::is_zero) {
        return Ok(());
    }
    let balances = |world: &World| -> Result<[u128; 2]> {
        Ok([
            world.suite.balance(&fee.collector, &pool.assets[0])?,
            world.suite.balance(&fee.collector, &pool.assets[1])?,
        ])
    };
    let before = balances(world)?;
    let sender = world.suite.addr(OWNER);
    world
        .suite
        .cl_exec(&sender, &pool, &ExecuteMsg::CollectProtocolFees {}, &[])
        .with_context(|| {
            format!(
                "final settlement: collecting CL pool \"{}\"'s protocol fees",
                p.name
            )
        })?;
    let after = balances(world)?;
    let received = [0, 1].map(|k| after[k].saturating_sub(before[k]));
    let books = &mut world.cl.pool_books[i];
    books.protocol_collected = [0, 1].map(|k| books.protocol_collected[k] + received[k]);
    let tick = books.tick;
    world.cl.events.push(ClEventRecord {
        t,
        actor: OWNER.to_string(),
        action: "collect_protocol_fees".to_string(),
        pool: p.name.clone(),
        position: None,
        amounts_in: [Uint128::zero(); 2],
        amounts_out: received.map(Uint128::new),
        liquidity: Uint128::zero(),
        fees: owed,
        tick_before: tick,
        tick_after: tick,
        ticks_crossed: 0,
        detail: Some(format!("paid to {}", fee.collector)),
        settlement: true,
    });
    Ok(())
}
