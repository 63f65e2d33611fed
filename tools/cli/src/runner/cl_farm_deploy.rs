//! Deploys the CL farming part: the farming center next to the pool factory the CL part uses,
//! every CL pool linked to it (`SetFarmingCenter`, by the pools' owner), and the farms,
//! created and funded in full by the incentive maker at the deployment block (each funding
//! measured on the maker's balances). At genesis the maker receives exactly what it funds
//! over the run (creations and top-ups) and each position owner the tier tokens its entries
//! lock.
use anyhow::{Context, Result};
use cosmwasm_std::{Addr, Uint128};
use trellis_testing::{AssetInfo, Suite};
use trellis_types::cl_farming::{ExecuteMsg, RewardSpec, Tier, Tiers};

use super::cl_books::ClWorld;
use super::cl_farm_books::ClFarmWorld;
use super::cl_farm_chain::{attribute, balances, gained, native_coins};
use crate::model::cl_farm::ClFarmEventRecord;
use crate::scenario::cl_farm_plan::{ClFarmPlan, ClFarmTerms};
use crate::scenario::plan::Plan;

/// Who holds `token` at genesis on the CL farming side.
pub fn genesis_holders(suite: &Suite, plan: &Plan, token: usize) -> Vec<(Addr, u128)> {
    let farms = &plan.cl_farms;
    if farms.is_empty() {
        return Vec::new();
    }
    let mut holders = Vec::new();
    for (index, amount) in farms.maker_funding() {
        if index == token {
            holders.push((suite.addr(&farms.maker), amount));
        }
    }
    for owner in plan.cl.owners() {
        for (index, amount) in farms.owner_locks(&plan.cl, owner) {
            if index == token {
                holders.push((suite.addr(owner), amount));
            }
        }
    }
    holders
}

/// Deploys the center, links the CL pools and creates the farms. Nothing without CL farms.
pub fn deploy(
    suite: &mut Suite,
    plan: &Plan,
    assets: &[AssetInfo],
    cl: &ClWorld,
) -> Result<ClFarmWorld> {
    let farms = &plan.cl_farms;
    if farms.is_empty() {
        return Ok(ClFarmWorld::default());
    }
    let mut world = ClFarmWorld::for_plan(farms);
    let factory = suite.factory().addr.clone();
    let center = suite
        .deploy_cl_farming(&factory, &farms.maker)
        .context("deploying the CL farming center")?;
    for (handle, p) in cl.pools.iter().zip(&plan.cl.pools) {
        suite
            .link_cl_pool_to_center(&handle.address, &center)
            .with_context(|| format!("linking CL pool \"{}\" to the farming center", p.name))?;
    }
    world.time_at_start = suite.time();
    world.center = Some(center);
    for (i, farm) in farms.farms.iter().enumerate() {
        let farm_id = create(suite, plan, assets, cl, &mut world, i)
            .with_context(|| format!("creating CL farm \"{}\"", farm.name))?;
        world.farm_ids.push(farm_id);
    }
    Ok(world)
}

/// The creation message of farm `farm` (times made absolute).
fn create_msg(
    farm: &ClFarmPlan,
    assets: &[AssetInfo],
    pool: &Addr,
    time_at_start: u64,
) -> ExecuteMsg {
    let spec = |token: usize, amount: u128| RewardSpec {
        token: assets[token].clone(),
        amount: Uint128::new(amount),
    };
    let reward = spec(farm.reward.token, farm.reward.amount);
    let bonus = farm.bonus.as_ref().map(|b| spec(b.token, b.amount));
    let tiers = farm.tiers.as_ref().map(|t| Tiers {
        token: assets[t.token].clone(),
        tiers: t
            .levels
            .iter()
            .map(|(amount, multiplier_bps)| Tier {
                amount: Uint128::new(*amount),
                multiplier_bps: *multiplier_bps,
            })
            .collect(),
    });
    match &farm.terms {
        ClFarmTerms::Eternal { rates, .. } => ExecuteMsg::CreateEternalFarm {
            pool: pool.to_string(),
            reward,
            bonus,
            reward_rate: Uint128::new(rates[0]),
            bonus_rate: Uint128::new(rates[1]),
            min_width: farm.min_width,
            tiers,
        },
        ClFarmTerms::Limit {
            start_secs,
            end_secs,
        } => ExecuteMsg::CreateLimitFarm {
            pool: pool.to_string(),
            reward,
            bonus,
            start: time_at_start + start_secs,
            end: time_at_start + end_secs,
            min_width: farm.min_width,
            tiers,
        },
    }
}

/// Creates farm `i`, funded with its amounts by the maker; returns the center's farm id.
fn create(
    suite: &mut Suite,
    plan: &Plan,
    assets: &[AssetInfo],
    cl: &ClWorld,
    world: &mut ClFarmWorld,
    i: usize,
) -> Result<u64> {
    let farm = &plan.cl_farms.farms[i];
    let maker = &plan.cl_farms.maker;
    let pool = &cl.pools[farm.pool].address;
    let msg = create_msg(farm, assets, pool, world.time_at_start);
    let tokens: Vec<&AssetInfo> = farm.tokens().iter().map(|t| &assets[t.token]).collect();
    let amounts: Vec<u128> = farm.tokens().iter().map(|t| t.amount).collect();
    let parts: Vec<(&AssetInfo, u128)> = tokens.iter().copied().zip(amounts.clone()).collect();
    let funds = native_coins(&parts)?;
    let before = balances(suite, maker, &tokens)?;
    let center = world.center().clone();
    let res = suite.farming_exec(maker, &center, &msg, &funds)?;
    let paid = gained(&balances(suite, maker, &tokens)?, &before, "funding")?;
    if paid != amounts {
        world.violations.push(format!(
            "CL farm \"{}\": created with {amounts:?}, the maker's balances fell by {paid:?}",
            farm.name
        ));
    }
    for (slot, amount) in paid.iter().enumerate() {
        world.farms[i].funded[slot] += amount;
    }
    let farm_id: u64 = attribute(&res, "farm_id")
        .context("the creation names no farm id")?
        .parse()
        .context("a farm id that is not a number")?;
    let detail = match &farm.terms {
        ClFarmTerms::Eternal { rates, .. } => {
            format!(
                "farm id {farm_id}, rates {} and {} per second",
                rates[0], rates[1]
            )
        }
        ClFarmTerms::Limit {
            start_secs,
            end_secs,
        } => format!("farm id {farm_id}, campaign {start_secs} s to {end_secs} s"),
    };
    world.events.push(ClFarmEventRecord {
        t: 0,
        actor: maker.clone(),
        action: "create_farm".to_string(),
        farm: Some(farm.name.clone()),
        position: None,
        amounts: [0, 1].map(|k| Uint128::new(paid.get(k).copied().unwrap_or(0))),
        detail: Some(detail),
        settlement: false,
    });
    Ok(farm_id)
}
