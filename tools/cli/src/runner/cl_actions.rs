//! Runs one CL event of the timeline, after counting the time in range up to its moment.
//! A failure names the scenario line, the position or trader and what it did.
use anyhow::{Context, Result};

use super::cl_positions;
use super::cl_swaps;
use super::cl_timeline::ClEvent;
use super::deploy::World;
use super::failure;
use crate::format;
use crate::scenario::cl_plan::ClSwapKind;
use crate::scenario::cl_price;
use crate::scenario::plan::Plan;

/// What the chain's refusal of a position action usually means.
const POSITION_FIX: &str =
    "check the position's range and amounts against the pool's price at that moment";

pub fn execute(world: &mut World, plan: &Plan, t: u64, event: &ClEvent) -> Result<()> {
    world.cl.advance_clock(&plan.cl, t);
    let when = format::moment(t, plan.block_secs, plan.is_height());
    let position = |i: usize| {
        let p = &plan.cl.positions[i];
        format!("CL position \"{}\" of {}", p.name, p.owner)
    };
    let refused = |line: usize, what: String, err: anyhow::Error| {
        failure::refused(plan, line, &what, &err, POSITION_FIX)
    };
    match event {
        ClEvent::Open { position: i } => cl_positions::open(world, plan, t, *i).map_err(|err| {
            let line = plan.cl.positions[*i].line;
            refused(line, format!("{} opens at {when}", position(*i)), err)
        }),
        ClEvent::Decrease {
            position: i,
            share_bps,
        } => cl_positions::decrease(world, plan, t, *i, *share_bps).map_err(|err| {
            let line = plan.cl.positions[*i]
                .decreases
                .iter()
                .find(|d| d.at_secs == t)
                .map_or(plan.cl.positions[*i].line, |d| d.line);
            let what = format!("{} decreases by {share_bps} bps at {when}", position(*i));
            refused(line, what, err)
        }),
        ClEvent::Close { position: i } => cl_positions::close(world, plan, t, *i).map_err(|err| {
            let line = plan.cl.positions[*i].line;
            refused(line, format!("{} closes at {when}", position(*i)), err)
        }),
        ClEvent::Swap { trader, swap } => cl_swaps::scripted(world, plan, t, *trader, swap)
            .map_err(|err| {
                let pool = &plan.cl.pools[swap.pool];
                let (what, sold) = match swap.kind {
                    ClSwapKind::ExactIn { amount, offer, .. } => {
                        let token = pool.assets[offer];
                        let what = format!("sells {}", failure::amount_of(plan, token, amount));
                        (what, Some((token, amount)))
                    }
                    ClSwapKind::ToSqrtPrice { sqrt_price } => {
                        let decimals = pool.assets.map(|a| plan.tokens[a].decimals);
                        let what = format!(
                            "moves the price to {} (tick {})",
                            format::sig(
                                cl_price::display_price(sqrt_price, decimals),
                                format::DIGITS
                            ),
                            cl_price::floor_tick(sqrt_price)
                        );
                        (what, None)
                    }
                };
                let what = format!("{what} in CL pool \"{}\" at {when}", pool.name);
                let trader = plan.cl.traders[*trader].name.as_str();
                failure::cl_swap(world, plan, (swap.line, trader, &what), sold, err)
            }),
        ClEvent::RandomSwap { trader } => cl_swaps::random(world, plan, t, *trader)
            .with_context(|| format!("at {when}: {}", plan.cl.traders[*trader].name)),
    }
}
