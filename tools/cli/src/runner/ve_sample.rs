//! The escrow and the gauges in samples and in the summary: powers, locks, relative weights.
use anyhow::{Context, Result};
use cosmwasm_std::{Decimal, Uint128};
use trellis_testing::ve::WEEK;

use super::deploy::World;
use crate::model::{GaugeWeek, VeSample, VeSummary, VeUserSummary};
use crate::scenario::plan::Plan;

/// Every user's ve power and the total now (`None` without an escrow).
pub fn powers(world: &World, plan: &Plan) -> Result<Option<VeSample>> {
    let Some(ve) = &world.escrow else {
        return Ok(None);
    };
    let suite = &world.suite;
    let powers = plan
        .users
        .iter()
        .map(|u| suite.ve_power(ve, &u.name).map(Uint128::new))
        .collect::<Result<Vec<_>>>()
        .context("querying ve powers")?;
    Ok(Some(VeSample {
        total_power: Uint128::new(suite.ve_total_power(ve)?),
        powers,
    }))
}

/// Pool `index`'s gauge's relative weight in the week holding `time` (`None`: now); `None`
/// when the farm is not gauge-split.
pub fn relative_weight(world: &World, index: usize, time: Option<u64>) -> Result<Option<Decimal>> {
    let (Some(gc), Some(gauge)) = (&world.controller, world.gauges.get(index)) else {
        return Ok(None);
    };
    let weight = world
        .suite
        .relative_weight(gc, gauge, time)
        .with_context(|| format!("querying the relative weight of gauge {gauge}"))?;
    Ok(Some(weight))
}

/// Each user's lock and power at the end.
pub fn summary(world: &World, plan: &Plan) -> Result<Option<VeSummary>> {
    let (Some(ve), Some(e)) = (&world.escrow, &plan.escrow) else {
        return Ok(None);
    };
    let suite = &world.suite;
    let token = &plan.tokens[e.lock_token];
    let mut users = Vec::new();
    for u in &plan.users {
        let lock = suite.ve_lock(ve, &u.name)?;
        users.push(VeUserSummary {
            user: u.name.clone(),
            locked: lock.amount,
            // Deployment happens at the genesis block.
            lock_end: lock.end.saturating_sub(suite.genesis_time()),
            power: Uint128::new(suite.ve_power(ve, &u.name)?),
        });
    }
    Ok(Some(VeSummary {
        lock_symbol: token.symbol.clone(),
        lock_decimals: token.decimals,
        total_power: Uint128::new(suite.ve_total_power(ve)?),
        users,
    }))
}

/// Every week from the one the run starts in to the one it ends in, with each gauge's
/// relative weight (empty when the farm is not gauge-split).
pub fn gauge_weeks(world: &World, plan: &Plan) -> Result<Vec<GaugeWeek>> {
    if world.controller.is_none() {
        return Ok(Vec::new());
    }
    let start = world.suite.genesis_time();
    let end = start + plan.duration_secs;
    let mut weeks = Vec::new();
    let mut week = start / WEEK * WEEK;
    while week <= end {
        let mut relative_weights = Vec::with_capacity(plan.pools.len());
        for i in 0..plan.pools.len() {
            relative_weights.push(relative_weight(world, i, Some(week))?.unwrap_or_default());
        }
        weeks.push(GaugeWeek {
            week_start: week,
            t: week.saturating_sub(start),
            relative_weights,
        });
        week += WEEK;
    }
    Ok(weeks)
}
