//! The end of the CL farming part, at the final block and before the CL positions close:
//! every entry still farmed exits and every NFT comes back, the maker takes back what no
//! position earned (the limit farms' refunds, the eternal farms' remainders), every owner
//! claims everything. Then the exact check per farm and token: nothing left in reserve and
//! `funded = claimed + refunded`, where claimed is what the farm's exits credited; and per
//! token and kind of farm, the owners claimed exactly what the exits credited, nothing is
//! left credited, and the center holds nothing.
use anyhow::{Context, Result};
use cosmwasm_std::Uint128;

use super::cl_farm_claims;
use super::cl_farm_entries;
use super::cl_farm_maker;
use super::cl_farm_sample::center_holdings;
use super::cl_farm_summary;
use super::deploy::World;
use crate::format;
use crate::model::cl_farm::{
    ClEntryStatus, ClFarmCheck, ClFarmFinalCheck, ClFarmReport, ClFarmSample,
};
use crate::scenario::plan::Plan;

/// Settles the CL farms and builds their report; `None` without CL farms. Every CL farming
/// violation of the run (actions, samples, the final check) is added to `violations`.
pub fn finish(
    world: &mut World,
    plan: &Plan,
    samples: Vec<ClFarmSample>,
    violations: &mut Vec<String>,
) -> Result<Option<ClFarmReport>> {
    let farms = &plan.cl_farms;
    if farms.is_empty() {
        return Ok(None);
    }
    let t = plan.duration_secs;
    for (f, farmed) in farms.farmed.iter().enumerate() {
        for e in 0..farmed.entries.len() {
            if world.cl_farms.entries[f][e].status == ClEntryStatus::Farmed {
                cl_farm_entries::exit(world, plan, t, (f, e), true).with_context(|| {
                    let p = &plan.cl.positions[farmed.position];
                    format!(
                        "final settlement: CL position \"{}\" leaving its farms",
                        p.name
                    )
                })?;
            }
        }
        if world.cl_farms.deposited[f] {
            cl_farm_entries::withdraw(world, plan, t, f, true)?;
        }
    }
    for i in 0..farms.farms.len() {
        cl_farm_maker::take_back(world, plan, t, i).with_context(|| {
            format!(
                "final settlement: taking back what CL farm \"{}\" did not pay",
                farms.farms[i].name
            )
        })?;
    }
    for f in 0..farms.farmed.len() {
        cl_farm_claims::claim(world, plan, t, f, true).context("final settlement: claiming")?;
    }
    let check = final_check(world, plan, samples.len())?;
    violations.extend(world.cl_farms.violations.iter().cloned());
    cl_farm_summary::report(world, plan, samples, check).map(Some)
}

/// The books after the settlement (see the module's documentation).
fn final_check(world: &mut World, plan: &Plan, sampled: usize) -> Result<ClFarmCheck> {
    let farms = &plan.cl_farms;
    let end = format::moment(plan.duration_secs, plan.block_secs, plan.is_height());
    let mut found = Vec::new();
    let mut rows = Vec::new();
    // Per token, what limit and eternal exits credited.
    let mut credited_by_kind: Vec<(usize, [u128; 2])> = Vec::new();
    for (i, farm) in farms.farms.iter().enumerate() {
        let state = world
            .cl_farms
            .farm(&world.suite, world.cl_farms.farm_ids[i])?;
        let books = world.cl_farms.farms[i];
        for (slot, token) in farm.tokens().iter().enumerate() {
            let [funded, reserve, refunded, credited] =
                [state.funded, state.reserve, state.refunded, state.credited]
                    .map(|v| v[slot].u128());
            let exact = reserve == 0
                && funded == credited + refunded
                && funded == books.funded[slot]
                && refunded == books.refunded[slot];
            let symbol = &plan.tokens[token.token].symbol;
            if !exact {
                found.push(format!(
                    "after the final settlement at {end}: CL farm \"{}\" {symbol}: funded {funded} (maker paid {}) != credited {credited} + refunded {refunded} (maker got {}), reserve {reserve} left",
                    farm.name, books.funded[slot], books.refunded[slot]
                ));
            }
            let kind = usize::from(!farm.is_limit());
            match credited_by_kind.iter_mut().find(|(t, _)| *t == token.token) {
                Some((_, sums)) => sums[kind] += credited,
                None => {
                    let mut sums = [0; 2];
                    sums[kind] = credited;
                    credited_by_kind.push((token.token, sums));
                }
            }
            rows.push(ClFarmFinalCheck {
                farm: farm.name.clone(),
                token: symbol.clone(),
                funded: Uint128::new(funded),
                claimed: Uint128::new(credited),
                refunded: Uint128::new(refunded),
                reserve: Uint128::new(reserve),
                exact,
            });
        }
    }
    for (token, credited) in credited_by_kind {
        let claimed = world.cl_farms.claimed(token);
        let symbol = &plan.tokens[token].symbol;
        if claimed != credited {
            found.push(format!(
                "after the final settlement at {end}: {symbol} credited by exits {credited:?} (limit, eternal), claimed by owners {claimed:?}"
            ));
        }
        for owner in plan.cl.owners() {
            let left =
                world
                    .cl_farms
                    .credited_balance(&world.suite, owner, &world.assets[token])?;
            if left != [0, 0] {
                found.push(format!(
                    "after the final settlement at {end}: {owner} still has {left:?} {symbol} credited"
                ));
            }
        }
    }
    let when = format!("after the final settlement at {end}");
    found.extend(center_holdings(world, plan, &when)?);
    world.cl_farms.violations.extend(found);
    Ok(ClFarmCheck {
        ok: world.cl_farms.violations.is_empty(),
        checks: sampled * farms.farms.len(),
        farms: rows,
    })
}
