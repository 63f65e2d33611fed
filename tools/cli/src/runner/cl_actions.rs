//! Runs one CL event of the timeline, after counting the time in range up to its moment.
//! A failure names the position or trader and what it did.
use anyhow::{Context, Result};

use super::cl_positions;
use super::cl_swaps;
use super::cl_timeline::ClEvent;
use super::deploy::World;
use crate::format;
use crate::scenario::cl_plan::ClSwapKind;
use crate::scenario::cl_price;
use crate::scenario::plan::Plan;

pub fn execute(world: &mut World, plan: &Plan, t: u64, event: &ClEvent) -> Result<()> {
    world.cl.advance_clock(&plan.cl, t);
    let when = format::moment(t, plan.block_secs, plan.is_height());
    let position = |i: usize| {
        let p = &plan.cl.positions[i];
        format!("CL position \"{}\" of {}", p.name, p.owner)
    };
    match event {
        ClEvent::Open { position: i } => cl_positions::open(world, plan, t, *i)
            .with_context(|| format!("at {when}: {} opening", position(*i))),
        ClEvent::Decrease {
            position: i,
            share_bps,
        } => cl_positions::decrease(world, plan, t, *i, *share_bps)
            .with_context(|| format!("at {when}: {} decreasing by {share_bps} bps", position(*i))),
        ClEvent::Close { position: i } => cl_positions::close(world, plan, t, *i)
            .with_context(|| format!("at {when}: {} closing", position(*i))),
        ClEvent::Swap { trader, swap } => cl_swaps::scripted(world, plan, t, *trader, swap)
            .with_context(|| {
                let what = match swap.kind {
                    ClSwapKind::ExactIn { amount, offer, .. } => {
                        let token = plan.cl.pools[swap.pool].assets[offer];
                        let token = &plan.tokens[token];
                        format!(
                            "selling {} {}",
                            format::amount(amount, token.decimals),
                            token.symbol
                        )
                    }
                    ClSwapKind::ToSqrtPrice { sqrt_price } => {
                        let pool = &plan.cl.pools[swap.pool];
                        let decimals = pool.assets.map(|a| plan.tokens[a].decimals);
                        format!(
                            "moving the price to {} (tick {})",
                            format::sig(
                                cl_price::display_price(sqrt_price, decimals),
                                format::DIGITS
                            ),
                            cl_price::floor_tick(sqrt_price)
                        )
                    }
                };
                format!(
                    "at {when}: {} {what} in CL pool \"{}\"",
                    plan.cl.traders[*trader].name, plan.cl.pools[swap.pool].name
                )
            }),
        ClEvent::RandomSwap { trader } => cl_swaps::random(world, plan, t, *trader)
            .with_context(|| format!("at {when}: {}", plan.cl.traders[*trader].name)),
    }
}
