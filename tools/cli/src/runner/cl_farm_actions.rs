//! Runs one CL farming event of the timeline. A failure names the farm or the position, its
//! owner and what it did.
use anyhow::{Context, Result};

use super::cl_farm_claims;
use super::cl_farm_entries;
use super::cl_farm_fees;
use super::cl_farm_maker;
use super::cl_farm_timeline::ClFarmEvent;
use super::deploy::World;
use crate::format;
use crate::scenario::plan::Plan;

pub fn execute(world: &mut World, plan: &Plan, t: u64, event: &ClFarmEvent) -> Result<()> {
    let when = format::moment(t, plan.block_secs, plan.is_height());
    let farms = &plan.cl_farms;
    let farm = |i: usize| format!("CL farm \"{}\"", farms.farms[i].name);
    let position = |f: usize| {
        let p = &plan.cl.positions[farms.farmed[f].position];
        format!("CL position \"{}\" of {}", p.name, p.owner)
    };
    let entry_farm = |f: usize, e: usize| farm(farms.farmed[f].entries[e].farm);
    match event {
        ClFarmEvent::SetRates { farm: i, rates } => {
            cl_farm_maker::set_rates(world, plan, t, *i, *rates).with_context(|| {
                format!(
                    "at {when}: {} setting the rates of {} to {rates:?} per second",
                    farms.maker,
                    farm(*i)
                )
            })
        }
        ClFarmEvent::AddRewards { farm: i, amounts } => {
            cl_farm_maker::add_rewards(world, plan, t, *i, *amounts).with_context(|| {
                format!(
                    "at {when}: {} topping up {} with {amounts:?}",
                    farms.maker,
                    farm(*i)
                )
            })
        }
        ClFarmEvent::Enter { farmed, entry } => {
            cl_farm_entries::enter(world, plan, t, *farmed, *entry).with_context(|| {
                format!(
                    "at {when}: {} entering {}",
                    position(*farmed),
                    entry_farm(*farmed, *entry)
                )
            })
        }
        ClFarmEvent::Exit { farmed, entry } => {
            cl_farm_entries::exit(world, plan, t, (*farmed, *entry), false).with_context(|| {
                format!(
                    "at {when}: {} leaving {}",
                    position(*farmed),
                    entry_farm(*farmed, *entry)
                )
            })
        }
        ClFarmEvent::CollectFees { farmed } => cl_farm_fees::collect(world, plan, t, *farmed)
            .with_context(|| {
                format!(
                    "at {when}: {} collecting fees through the center",
                    position(*farmed)
                )
            }),
        ClFarmEvent::Claim { farmed } => cl_farm_claims::claim(world, plan, t, *farmed, false)
            .with_context(|| format!("at {when}: {} claiming its rewards", position(*farmed))),
    }
}
