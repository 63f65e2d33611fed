//! Runs one CL farming event of the timeline. A failure names the scenario line, the farm or
//! the position, its owner and what it did, in display units.
use anyhow::Result;

use super::cl_farm_claims;
use super::cl_farm_entries;
use super::cl_farm_fees;
use super::cl_farm_maker;
use super::cl_farm_timeline::ClFarmEvent;
use super::deploy::World;
use super::failure;
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
    // The farm's reward and bonus amounts, `1,000 INC + 5 BON` (a zero bonus left out).
    let pair = |i: usize, amounts: [u128; 2], unit: &str| {
        let shown: Vec<String> = farms.farms[i]
            .tokens()
            .iter()
            .zip(amounts)
            .enumerate()
            .filter(|(slot, (_, amount))| *slot == 0 || *amount > 0)
            .map(|(_, (token, amount))| {
                format!("{}{unit}", failure::amount_of(plan, token.token, amount))
            })
            .collect();
        shown.join(" + ")
    };
    let refused = |line: usize, what: String, fix: &str, err: anyhow::Error| {
        failure::refused(plan, line, &format!("{what} at {when}"), &err, fix)
    };
    let maker_fix = "check the farm's rates and top-ups, and that the farm is still active then";
    let position_fix = "check the position's entries and their times against the farm's terms";
    // An entry's failure, at the entry's own line: `CL position "p" of alice enters CL farm "f"`.
    let entry_refused = |farmed: usize, entry: usize, verb: &str, err: anyhow::Error| {
        let e = &farms.farmed[farmed].entries[entry];
        let what = format!("{} {verb} {}", position(farmed), farm(e.farm));
        refused(e.line, what, position_fix, err)
    };
    match event {
        ClFarmEvent::SetRates {
            farm: i,
            rates,
            line,
        } => cl_farm_maker::set_rates(world, plan, t, *i, *rates).map_err(|err| {
            let what = format!(
                "{} sets the rates of {} to {}",
                farms.maker,
                farm(*i),
                pair(*i, *rates, " per second")
            );
            refused(*line, what, maker_fix, err)
        }),
        ClFarmEvent::AddRewards {
            farm: i,
            amounts,
            line,
        } => cl_farm_maker::add_rewards(world, plan, t, *i, *amounts).map_err(|err| {
            let what = format!(
                "{} tops up {} with {}",
                farms.maker,
                farm(*i),
                pair(*i, *amounts, "")
            );
            refused(*line, what, maker_fix, err)
        }),
        ClFarmEvent::Enter { farmed, entry } => {
            cl_farm_entries::enter(world, plan, t, *farmed, *entry)
                .map_err(|err| entry_refused(*farmed, *entry, "enters", err))
        }
        ClFarmEvent::Exit { farmed, entry } => {
            cl_farm_entries::exit(world, plan, t, (*farmed, *entry), false)
                .map_err(|err| entry_refused(*farmed, *entry, "leaves", err))
        }
        ClFarmEvent::CollectFees { farmed } => cl_farm_fees::collect(world, plan, t, *farmed)
            .map_err(|err| {
                let what = format!("{} collects its fees through the center", position(*farmed));
                let line = farms.farmed[*farmed].line;
                refused(line, what, position_fix, err)
            }),
        ClFarmEvent::Claim { farmed } => cl_farm_claims::claim(world, plan, t, *farmed, false)
            .map_err(|err| {
                let what = format!("{} claims its rewards", position(*farmed));
                let line = farms.farmed[*farmed].line;
                refused(line, what, position_fix, err)
            }),
    }
}
