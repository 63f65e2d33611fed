//! Owners' claims: `ClaimReward` of every token a position's farms pay, both kinds at once
//! (nothing asked when the owner has nothing credited of it: the center refuses an empty
//! claim). What the owner receives is measured on its balance and must equal what the center
//! had credited it.
use anyhow::{Context, Result};
use cosmwasm_std::Uint128;
use trellis_types::cl_farming::ExecuteMsg;

use super::cl_farm_entries::event;
use super::deploy::World;
use crate::model::cl_farm::ClFarmEventRecord;
use crate::scenario::plan::Plan;

/// The tokens farmed position `f`'s farms pay, each once, in farm order.
pub fn tokens_of(plan: &Plan, f: usize) -> Vec<usize> {
    let mut tokens = Vec::new();
    for entry in &plan.cl_farms.farmed[f].entries {
        for token in plan.cl_farms.farms[entry.farm].tokens() {
            if !tokens.contains(&token.token) {
                tokens.push(token.token);
            }
        }
    }
    tokens
}

/// The owner of farmed position `f` claims every token its farms pay.
pub fn claim(world: &mut World, plan: &Plan, t: u64, f: usize, settlement: bool) -> Result<()> {
    let owner = plan.cl.positions[plan.cl_farms.farmed[f].position]
        .owner
        .clone();
    let mut claimed_any = false;
    for token in tokens_of(plan, f) {
        let mut record = event(plan, t, f, None, "claim");
        record.settlement = settlement;
        claimed_any |= claim_token(world, plan, t, &owner, token, record)?;
    }
    if !claimed_any && !settlement {
        let mut record = event(plan, t, f, None, "claim_skipped");
        record.detail = Some("nothing credited yet (exits credit rewards)".to_string());
        world.cl_farms.events.push(record);
    }
    Ok(())
}

/// `owner` claims all it was credited of `token`, logged from `record`; whether there was
/// anything to claim.
pub fn claim_token(
    world: &mut World,
    plan: &Plan,
    t: u64,
    owner: &str,
    token: usize,
    mut record: ClFarmEventRecord,
) -> Result<bool> {
    let asset = world.assets[token].clone();
    let symbol = &plan.tokens[token].symbol;
    let credited = world
        .cl_farms
        .credited_balance(&world.suite, owner, &asset)?;
    if credited == [0, 0] {
        return Ok(false);
    }
    let before = world.suite.balance(owner, &asset)?;
    let msg = ExecuteMsg::ClaimReward {
        reward_token: asset.clone(),
        recipient: None,
        amount_requested_limit: Uint128::zero(),
        amount_requested_eternal: Uint128::zero(),
    };
    let center = world.cl_farms.center().clone();
    world
        .suite
        .farming_exec(owner, &center, &msg, &[])
        .with_context(|| format!("claiming {symbol}"))?;
    let received = world.suite.balance(owner, &asset)?.saturating_sub(before);
    let farms = &mut world.cl_farms;
    if received != credited[0] + credited[1] {
        farms.violations.push(format!(
            "at {t} s: {owner} claimed {symbol} and received {received}, the center had credited {credited:?} (limit, eternal)"
        ));
    }
    farms.add_claim(owner, token, credited);
    record.amounts = credited.map(Uint128::new);
    record.detail = Some(format!("{symbol}: limit part, eternal part"));
    farms.events.push(record);
    Ok(true)
}
