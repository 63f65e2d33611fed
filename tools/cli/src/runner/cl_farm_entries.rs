//! A farmed position's entries and exits on the chain. The first entry deposits the NFT in
//! the center (`SendNft`, entering at once a farm without tiers); other entries and those
//! with tiers use `EnterFarm`, attaching the tokens locked. An exit credits what the position
//! earned, checked against the pending reward queried just before, and returns the tokens
//! locked; after the position's last exit the NFT is withdrawn.
use anyhow::{bail, Context, Result};
use cosmwasm_std::{to_json_binary, Uint128};
use trellis_types::cl_farming::{DepositMsg, DepositResponse, ExecuteMsg, QueryMsg};

use super::cl_farm_chain::native_coins;
use super::cl_farm_value::position_value;
use super::deploy::World;
use crate::model::cl_farm::{ClEntryStatus, ClFarmEventRecord};
use crate::scenario::cl_farm_plan::{ClFarmPlan, ClTiersPlan};
use crate::scenario::plan::Plan;

const BPS: u128 = 10_000;

/// An event of farmed position `farmed` with nothing moved.
pub fn event(
    plan: &Plan,
    t: u64,
    farmed: usize,
    farm: Option<usize>,
    action: &str,
) -> ClFarmEventRecord {
    let position = &plan.cl.positions[plan.cl_farms.farmed[farmed].position];
    ClFarmEventRecord {
        t,
        actor: position.owner.clone(),
        action: action.to_string(),
        farm: farm.map(|f| plan.cl_farms.farms[f].name.clone()),
        position: Some(position.name.clone()),
        amounts: [Uint128::zero(); 2],
        detail: None,
        settlement: false,
    }
}

/// The liquidity a farm counts for `liquidity` with `locked` tier tokens: `floor(liquidity *
/// multiplier / 10000)`, the multiplier of the highest tier reached (1x for nothing locked).
pub fn effective_liquidity(tiers: Option<&ClTiersPlan>, liquidity: u128, locked: u128) -> u128 {
    let bps = tiers
        .and_then(|t| t.levels.iter().rev().find(|(amount, _)| *amount <= locked))
        .filter(|_| locked > 0)
        .map_or(BPS as u32, |(_, bps)| *bps);
    (cosmwasm_std::Uint256::from(liquidity) * cosmwasm_std::Uint256::from(bps)
        / cosmwasm_std::Uint256::from(BPS))
    .try_into()
    .map_or(u128::MAX, |v: Uint128| v.u128())
}

/// (pool address, token id) of farmed position `farmed`.
fn position_keys(world: &World, plan: &Plan, farmed: usize) -> Result<(String, String)> {
    let p = plan.cl_farms.farmed[farmed].position;
    let position = &plan.cl.positions[p];
    let Some(token_id) = world.cl.positions[p].token_id.clone() else {
        bail!("CL position \"{}\" is not open", position.name);
    };
    Ok((world.cl.pools[position.pool].address.to_string(), token_id))
}

/// Entry `e` of farmed position `f` enters its farm, depositing the NFT first if needed.
pub fn enter(world: &mut World, plan: &Plan, t: u64, f: usize, e: usize) -> Result<()> {
    let farmed = &plan.cl_farms.farmed[f];
    let entry = farmed.entries[e];
    let farm = &plan.cl_farms.farms[entry.farm];
    let farm_id = world.cl_farms.farm_ids[entry.farm];
    let p = farmed.position;
    let position = &plan.cl.positions[p];
    let (pool, token_id) = position_keys(world, plan, f)?;
    let center = world.cl_farms.center().clone();
    let mut entered = false;
    if !world.cl_farms.deposited[f] {
        // Deposits enter farms without tiers only (tokens cannot ride along).
        entered = farm.tiers.is_none();
        let enter = if entered { vec![farm_id] } else { Vec::new() };
        let msg = to_json_binary(&DepositMsg { enter })?;
        let handle = world.cl.pools[position.pool].clone();
        world
            .suite
            .cl_send_position(&position.owner, &handle, &token_id, &center.addr, msg)
            .context("depositing the position (SendNft)")?;
        world.cl_farms.deposited[f] = true;
        let mut record = event(plan, t, f, None, "deposit");
        record.detail = Some(format!("token id {token_id}"));
        world.cl_farms.events.push(record);
    }
    if !entered {
        enter_farm(world, plan, f, e, farm, (&pool, &token_id))?;
    }
    let deposit: DepositResponse = world.suite.farming_query(
        &center,
        &QueryMsg::Deposit {
            pool: pool.clone(),
            token_id: token_id.clone(),
        },
    )?;
    let liquidity = deposit
        .farms
        .iter()
        .find(|d| d.farm_id == farm_id)
        .map(|d| d.liquidity.u128())
        .context("the deposit does not list the farm it entered")?;
    let expected = effective_liquidity(
        farm.tiers.as_ref(),
        deposit.liquidity.u128(),
        entry.tokens_locked,
    );
    if liquidity != expected {
        world.cl_farms.violations.push(format!(
            "CL position \"{}\" entered farm \"{}\" with liquidity {liquidity}; its liquidity {} and {} tier tokens locked give {expected}",
            position.name, farm.name, deposit.liquidity, entry.tokens_locked
        ));
    }
    let state = world.suite.cl_pool_state(&world.cl.pools[position.pool])?;
    let value = position_value(
        &state,
        position.lower_tick,
        position.upper_tick,
        deposit.liquidity.u128(),
    )?;
    let books = &mut world.cl_farms.entries[f][e];
    books.status = ClEntryStatus::Farmed;
    books.entered_at = Some(t);
    books.liquidity = liquidity;
    books.value_at_entry = value;
    books.measure(t, Some(value));
    let mut record = event(plan, t, f, Some(entry.farm), "enter");
    record.detail = Some(format!(
        "liquidity {liquidity} (effective), {} tier tokens locked, worth {value} in token1",
        entry.tokens_locked
    ));
    world.cl_farms.events.push(record);
    Ok(())
}

/// `EnterFarm` with the tier tokens attached, measured on the owner's balance.
fn enter_farm(
    world: &mut World,
    plan: &Plan,
    f: usize,
    e: usize,
    farm: &ClFarmPlan,
    (pool, token_id): (&str, &str),
) -> Result<()> {
    let farmed = &plan.cl_farms.farmed[f];
    let entry = farmed.entries[e];
    let owner = &plan.cl.positions[farmed.position].owner;
    let msg = ExecuteMsg::EnterFarm {
        pool: pool.to_string(),
        token_id: token_id.to_string(),
        farm_id: world.cl_farms.farm_ids[entry.farm],
        tokens_locked: Uint128::new(entry.tokens_locked),
    };
    let lock = farm.tiers.as_ref().map(|t| world.assets[t.token].clone());
    let funds = match &lock {
        Some(asset) => native_coins(&[(asset, entry.tokens_locked)])?,
        None => Vec::new(),
    };
    let before = match &lock {
        Some(asset) => world.suite.balance(owner, asset)?,
        None => 0,
    };
    let center = world.cl_farms.center().clone();
    world.suite.farming_exec(owner, &center, &msg, &funds)?;
    if let Some(asset) = &lock {
        let after = world.suite.balance(owner, asset)?;
        if before.checked_sub(after) != Some(entry.tokens_locked) {
            world.cl_farms.violations.push(format!(
                "{owner} locked {} tier tokens entering farm \"{}\": the balance went from {before} to {after}",
                entry.tokens_locked, farm.name
            ));
        }
    }
    Ok(())
}

/// Entry `e` of farmed position `f` leaves its farm; the NFT is withdrawn when no entry is
/// left in and `withdraw` says so (the position's last exit, or the final settlement).
pub fn exit(
    world: &mut World,
    plan: &Plan,
    t: u64,
    (f, e): (usize, usize),
    settlement: bool,
) -> Result<()> {
    let farmed = &plan.cl_farms.farmed[f];
    let entry = farmed.entries[e];
    let farm = &plan.cl_farms.farms[entry.farm];
    let farm_id = world.cl_farms.farm_ids[entry.farm];
    let position = &plan.cl.positions[farmed.position];
    let (pool, token_id) = position_keys(world, plan, f)?;
    let suite = &world.suite;
    let pending = world.cl_farms.pending(suite, &pool, &token_id, farm_id)?;
    let before = world.cl_farms.farm(suite, farm_id)?.credited;
    let lock = farm.tiers.as_ref().map(|t| world.assets[t.token].clone());
    let locked_before = match &lock {
        Some(asset) => suite.balance(&position.owner, asset)?,
        None => 0,
    };
    let msg = ExecuteMsg::ExitFarm {
        pool: pool.clone(),
        token_id: token_id.clone(),
        farm_id,
    };
    let center = world.cl_farms.center().clone();
    world
        .suite
        .farming_exec(&position.owner, &center, &msg, &[])?;
    let after = world.cl_farms.farm(&world.suite, farm_id)?.credited;
    let credited = [0, 1].map(|k| after[k].u128().saturating_sub(before[k].u128()));
    let farms = &mut world.cl_farms;
    if credited != pending {
        farms.violations.push(format!(
            "at {t} s: CL position \"{}\" left farm \"{}\" credited {credited:?}, its pending reward was {pending:?}",
            position.name, farm.name
        ));
    }
    if let Some(asset) = &lock {
        let returned = world
            .suite
            .balance(&position.owner, asset)?
            .checked_sub(locked_before);
        if returned != Some(entry.tokens_locked) {
            farms.violations.push(format!(
                "at {t} s: CL position \"{}\" left farm \"{}\": {:?} tier tokens came back, {} were locked",
                position.name, farm.name, returned, entry.tokens_locked
            ));
        }
    }
    let books = &mut farms.entries[f][e];
    books.status = ClEntryStatus::Exited;
    books.exited_at = Some(t);
    books.credited = credited;
    books.measure(t, None);
    let mut record = event(plan, t, f, Some(entry.farm), "exit");
    record.amounts = credited.map(Uint128::new);
    record.settlement = settlement;
    farms.events.push(record);
    let none_left = farms.entries[f]
        .iter()
        .all(|b| b.status != ClEntryStatus::Farmed);
    if none_left && (settlement || farmed.withdraw_at() == Some(t)) {
        withdraw(world, plan, t, f, settlement)?;
    }
    Ok(())
}

/// The NFT back to its owner, checked on the pool.
pub fn withdraw(world: &mut World, plan: &Plan, t: u64, f: usize, settlement: bool) -> Result<()> {
    let position = &plan.cl.positions[plan.cl_farms.farmed[f].position];
    let (pool, token_id) = position_keys(world, plan, f)?;
    let msg = ExecuteMsg::WithdrawToken {
        pool,
        token_id: token_id.clone(),
        recipient: None,
    };
    let center = world.cl_farms.center().clone();
    world
        .suite
        .farming_exec(&position.owner, &center, &msg, &[])
        .context("withdrawing the NFT")?;
    let holder = world
        .suite
        .cl_position_owner(&world.cl.pools[position.pool], &token_id)?;
    if holder != world.suite.addr(&position.owner).as_str() {
        world.cl_farms.violations.push(format!(
            "at {t} s: CL position \"{}\" was withdrawn but its NFT is held by {holder}",
            position.name
        ));
    }
    world.cl_farms.deposited[f] = false;
    let mut record = event(plan, t, f, None, "withdraw");
    record.settlement = settlement;
    world.cl_farms.events.push(record);
    Ok(())
}
