//! Runs a [`Plan`] on the embedded chain: deploy, walk the timeline sampling every step,
//! settle at the end, and return the [`SimReport`].
pub mod actions;
pub mod amm;
pub mod amm_summary;
pub mod chain_tap;
pub mod cl_actions;
pub mod cl_books;
pub mod cl_deploy;
pub mod cl_farm_actions;
pub mod cl_farm_books;
pub mod cl_farm_chain;
pub mod cl_farm_claims;
pub mod cl_farm_deploy;
pub mod cl_farm_entries;
pub mod cl_farm_fees;
pub mod cl_farm_maker;
pub mod cl_farm_sample;
pub mod cl_farm_settle;
pub mod cl_farm_summary;
pub mod cl_farm_timeline;
pub mod cl_farm_value;
pub mod cl_fees;
pub mod cl_positions;
pub mod cl_sample;
pub mod cl_settle;
pub mod cl_summary;
pub mod cl_swaps;
pub mod cl_tick_path;
pub mod cl_timeline;
pub mod compare;
pub mod deploy;
pub mod failure;
pub mod farm_value;
pub mod options_actions;
pub mod options_deploy;
pub mod options_sample;
pub mod pool_prices;
pub mod prng;
pub mod sample;
pub mod settle;
pub mod timeline;
pub mod traders;
pub mod valuation;
pub mod ve_actions;
pub mod ve_deploy;
pub mod ve_sample;

use anyhow::{Context, Result};
use indicatif::ProgressBar;

use crate::format;
use crate::model::{PoolInfo, ScenarioInfo, SimReport};
use crate::scenario::plan::{Plan, SourcePlan};
pub use chain_tap::{ChainTap, NoTap, Taps};

/// Runs the scenario, then, when it has `compare_boost`, once more per boost mode it does not
/// already run with (see [`compare`]). `progress` advances once per sample (use
/// `ProgressBar::hidden()` for none). Errors are chain errors on an action or a scripted
/// swap, or a failed query; conservation and amm books failures do not stop the run, they
/// are in `summary.conservation.violations`.
pub fn run(plan: &Plan, progress: &ProgressBar) -> Result<SimReport> {
    run_tapped(plan, progress, &mut NoTap)
}

/// [`run`], with every transaction of the scenario's own run (not of its boost comparisons)
/// handed to `tap` as the chain executes it: what `trellis sim --index` indexes.
pub fn run_tapped(
    plan: &Plan,
    progress: &ProgressBar,
    tap: &mut dyn ChainTap,
) -> Result<SimReport> {
    let mut report = run_observed(plan, progress, tap)?;
    if !plan.compare_boost.is_empty() {
        compare::add_comparison(plan, &mut report, progress)?;
    }
    Ok(report)
}

/// One run of the scenario as planned.
pub fn run_once(plan: &Plan, progress: &ProgressBar) -> Result<SimReport> {
    run_observed(plan, progress, &mut NoTap)
}

fn run_observed(plan: &Plan, progress: &ProgressBar, tap: &mut dyn ChainTap) -> Result<SimReport> {
    let (mut world, provided) = deploy::deploy(plan)?;
    tap.deployed(&world, plan)?;
    tap.transactions(world.suite.take_recorded())?;
    let clock_at_start = world.suite.farm_now();
    let start_elapsed = world.suite.elapsed_secs();
    let events = timeline::events(plan);
    let stops = timeline::stops(plan, &events);
    let sample_times = plan.sample_times();
    progress.set_length(sample_times.len() as u64);

    let mut samples = Vec::with_capacity(sample_times.len());
    let mut cl_samples = Vec::new();
    let mut cl_farm_samples = Vec::new();
    let mut positions = Vec::new();
    let mut log = actions::Log {
        farm: Vec::with_capacity(events.len()),
        amm: provided,
    };
    let mut violations = Vec::new();
    let mut next_event = events.iter().peekable();
    let mut next_sample = sample_times.iter().peekable();
    for t in stops {
        world.suite.advance_to_elapsed(start_elapsed + t);
        while let Some(event) = next_event.next_if(|e| e.at_secs == t) {
            actions::execute(&mut world, plan, event, &mut log)?;
        }
        if next_sample.next_if(|s| **s == t).is_some() {
            // A gauge-split farm books each pool's take when the pool settles: bring every
            // pool up to now so the books and the pendings describe the same moment.
            world
                .suite
                .checkpoint_gauge_pools()
                .context("checkpointing the gauge-split pools before a sample")?;
            let (sample, position_samples) = sample::take(&world, plan, t, samples.last())?;
            if let Some(v) = sample::violation(&sample, plan) {
                violations.push(v);
            }
            violations.extend(sample::amm_violations(&sample, plan));
            samples.push(sample);
            positions.extend(position_samples);
            cl_samples.extend(cl_sample::take(&mut world, plan, t)?);
            cl_farm_samples.extend(cl_farm_sample::take(&mut world, plan, t)?);
            progress.set_message(format::moment(t, plan.block_secs, plan.is_height()));
            progress.inc(1);
        }
        tap.transactions(world.suite.take_recorded())?;
    }
    let mut summary = settle::finish(
        &mut world,
        plan,
        &samples,
        &mut log.farm,
        violations,
        clock_at_start,
    )?;
    summary.amm_pools = amm_summary::pools(plan, &samples);
    summary.traders = amm_summary::traders(plan, &log.amm);
    summary.conservation.amm = amm_summary::check(plan, &samples);
    if let Some((options, violations)) = options_sample::summary(&world, plan)? {
        summary.conservation.violations.extend(violations);
        summary.options = Some(options);
    }
    // The farmed positions leave the center before the CL settlement closes them.
    let cl_farms = cl_farm_settle::finish(
        &mut world,
        plan,
        cl_farm_samples,
        &mut summary.conservation.violations,
    )?;
    let cl = cl_settle::finish(
        &mut world,
        plan,
        cl_samples,
        &mut summary.conservation.violations,
    )?;
    tap.transactions(world.suite.take_recorded())?;
    tap.finished(&world)?;
    let mut report = SimReport {
        scenario: scenario_info(plan, &world, clock_at_start),
        tokens: plan.tokens.clone(),
        pools: pool_infos(plan, &world)?,
        users: plan.users.iter().map(|u| u.name.clone()).collect(),
        samples,
        positions,
        events: log.farm,
        amm_pools: amm_summary::infos(plan, &world),
        traders: plan.traders.iter().map(|t| t.name.clone()).collect(),
        amm_events: log.amm,
        summary,
        cl,
        cl_farms,
        valuation: None,
    };
    report.valuation = Some(farm_value::valuation(&report));
    Ok(report)
}

fn scenario_info(plan: &Plan, world: &deploy::World, clock_at_start: u64) -> ScenarioInfo {
    let reward = plan.reward_token();
    ScenarioInfo {
        name: plan.name.clone(),
        description: plan.description.clone(),
        file: plan.file.clone(),
        clock: if plan.is_height() { "height" } else { "time" }.to_string(),
        clock_unit: plan.clock_unit().to_string(),
        block_secs: plan.block_secs,
        duration_secs: plan.duration_secs,
        step_secs: plan.step_secs,
        reward_symbol: reward.symbol.clone(),
        reward_decimals: reward.decimals,
        reward_source: match plan.reward.source {
            SourcePlan::Mint => "mint",
            SourcePlan::Reserve { .. } => "reserve",
        }
        .to_string(),
        farm_address: world.suite.farm().addr.to_string(),
        clock_at_start,
    }
}

fn pool_infos(plan: &Plan, world: &deploy::World) -> Result<Vec<PoolInfo>> {
    let farm_pools = world.suite.farm_pools()?;
    Ok(plan
        .pools
        .iter()
        .zip(&world.pool_ids)
        .enumerate()
        .map(|(i, (p, id))| {
            let staking = &plan.tokens[p.staking];
            PoolInfo {
                id: *id,
                name: p.name.clone(),
                kind: if p.pair.is_some() { "lp" } else { "solo" }.to_string(),
                staking_symbol: staking.symbol.clone(),
                staking_decimals: staking.decimals,
                pair: p
                    .pair
                    .map(|[a, b]| [plan.tokens[a].symbol.clone(), plan.tokens[b].symbol.clone()]),
                native: farm_pools.iter().any(|fp| fp.pool_id == *id && fp.native),
                initial_weight: p.weight,
                boost: p.boost_mode().as_str().to_string(),
                tokenless_share_pct: p.boost_mode().tokenless_share_pct(),
                gauge: world.gauges.get(i).cloned(),
                gauge_type: match (&plan.gauges, p.gauge_type) {
                    (Some(g), Some(t)) => Some(g.types[t].name.clone()),
                    _ => None,
                },
            }
        })
        .collect())
}
