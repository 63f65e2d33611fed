//! The incentive maker's actions after creation: an eternal farm's rate changes and top-ups
//! during the run, and at the end what no position earned taken back (`RefundLimitFarm` for
//! a limit farm, `DecreaseRewards` of the whole reserve for an eternal one). Funds in and out
//! are measured on the maker's balances.
use anyhow::Result;
use cosmwasm_std::Uint128;
use trellis_testing::AssetInfo;
use trellis_types::cl_farming::ExecuteMsg;

use super::cl_farm_chain::{balances, gained, native_coins};
use super::deploy::World;
use crate::model::cl_farm::ClFarmEventRecord;
use crate::scenario::plan::Plan;

fn record(plan: &Plan, t: u64, farm: usize, action: &str, amounts: [u128; 2]) -> ClFarmEventRecord {
    ClFarmEventRecord {
        t,
        actor: plan.cl_farms.maker.clone(),
        action: action.to_string(),
        farm: Some(plan.cl_farms.farms[farm].name.clone()),
        position: None,
        amounts: amounts.map(Uint128::new),
        detail: None,
        settlement: false,
    }
}

/// The assets farm `farm` pays, reward then bonus.
fn assets_of(world: &World, plan: &Plan, farm: usize) -> Vec<AssetInfo> {
    plan.cl_farms.farms[farm]
        .tokens()
        .iter()
        .map(|t| world.assets[t.token].clone())
        .collect()
}

pub fn set_rates(
    world: &mut World,
    plan: &Plan,
    t: u64,
    farm: usize,
    rates: [u128; 2],
) -> Result<()> {
    let msg = ExecuteMsg::SetRates {
        farm_id: world.cl_farms.farm_ids[farm],
        reward_rate: Uint128::new(rates[0]),
        bonus_rate: Uint128::new(rates[1]),
    };
    let center = world.cl_farms.center().clone();
    world
        .suite
        .farming_exec(&plan.cl_farms.maker, &center, &msg, &[])?;
    let mut event = record(plan, t, farm, "set_rates", rates);
    event.detail = Some("per second".to_string());
    world.cl_farms.events.push(event);
    Ok(())
}

pub fn add_rewards(
    world: &mut World,
    plan: &Plan,
    t: u64,
    farm: usize,
    amounts: [u128; 2],
) -> Result<()> {
    let assets = assets_of(world, plan, farm);
    let parts: Vec<(&AssetInfo, u128)> = assets.iter().zip(amounts).collect();
    let funds = native_coins(&parts)?;
    let msg = ExecuteMsg::AddRewards {
        farm_id: world.cl_farms.farm_ids[farm],
        reward_amount: Uint128::new(amounts[0]),
        bonus_amount: Uint128::new(amounts[1]),
    };
    let maker = &plan.cl_farms.maker;
    let refs: Vec<&AssetInfo> = assets.iter().collect();
    let before = balances(&world.suite, maker, &refs)?;
    let center = world.cl_farms.center().clone();
    world.suite.farming_exec(maker, &center, &msg, &funds)?;
    let paid = gained(
        &balances(&world.suite, maker, &refs)?,
        &before,
        "topping up",
    )?;
    let farms = &mut world.cl_farms;
    for (slot, amount) in paid.iter().enumerate() {
        farms.farms[farm].funded[slot] += amount;
    }
    if paid.iter().zip(amounts).any(|(p, a)| *p != a) {
        farms.violations.push(format!(
            "at {t} s: CL farm \"{}\" topped up with {amounts:?}, the maker's balances fell by {paid:?}",
            plan.cl_farms.farms[farm].name
        ));
    }
    farms
        .events
        .push(record(plan, t, farm, "add_rewards", amounts));
    Ok(())
}

/// At the end, with every position out: the maker takes back the farm's whole reserve (a
/// limit farm's refund, an eternal farm's remainder). Nothing when the reserve is empty.
pub fn take_back(world: &mut World, plan: &Plan, t: u64, farm: usize) -> Result<()> {
    let farm_id = world.cl_farms.farm_ids[farm];
    let reserve = world
        .cl_farms
        .farm(&world.suite, farm_id)?
        .reserve
        .map(|r| r.u128());
    if reserve == [0, 0] {
        return Ok(());
    }
    let (msg, action) = if plan.cl_farms.farms[farm].is_limit() {
        (
            ExecuteMsg::RefundLimitFarm {
                farm_id,
                recipient: None,
            },
            "refund_limit_farm",
        )
    } else {
        (
            ExecuteMsg::DecreaseRewards {
                farm_id,
                reward_amount: Uint128::new(reserve[0]),
                bonus_amount: Uint128::new(reserve[1]),
                recipient: None,
            },
            "decrease_rewards",
        )
    };
    let assets = assets_of(world, plan, farm);
    let refs: Vec<&AssetInfo> = assets.iter().collect();
    let maker = &plan.cl_farms.maker;
    let before = balances(&world.suite, maker, &refs)?;
    let center = world.cl_farms.center().clone();
    world.suite.farming_exec(maker, &center, &msg, &[])?;
    let got = gained(
        &before,
        &balances(&world.suite, maker, &refs)?,
        "taking back",
    )?;
    let farms = &mut world.cl_farms;
    let mut refunded = [0u128; 2];
    for (slot, amount) in got.iter().enumerate() {
        farms.farms[farm].refunded[slot] += amount;
        refunded[slot] = *amount;
    }
    if refunded != reserve {
        farms.violations.push(format!(
            "at {t} s: CL farm \"{}\" held {reserve:?} in reserve, the maker got back {refunded:?}",
            plan.cl_farms.farms[farm].name
        ));
    }
    let mut event = record(plan, t, farm, action, refunded);
    event.settlement = true;
    farms.events.push(event);
    Ok(())
}
