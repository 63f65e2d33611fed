//! The CL report: pools and positions as deployed, and the summaries per pool (prices, swaps,
//! volume, fees), per position (range, time in range, deposits, withdrawals, fees) and per
//! trader.
use anyhow::Result;
use cosmwasm_std::Uint128;

use super::deploy::World;
use crate::model::cl::{
    ClCheckSummary, ClPoolInfo, ClPoolSummary, ClPositionInfo, ClPositionSummary, ClReport,
    ClSample, ClSummary, ClTraderSummary,
};
use crate::scenario::cl_plan::ClTraderKind;
use crate::scenario::cl_price;
use crate::scenario::plan::Plan;

const BPS: u64 = 10_000;

pub fn report(
    world: &World,
    plan: &Plan,
    samples: Vec<ClSample>,
    check: ClCheckSummary,
) -> Result<ClReport> {
    let cl = &world.cl;
    let decimals = |pool: usize| plan.cl.pools[pool].assets.map(|a| plan.tokens[a].decimals);
    let pools = plan
        .cl
        .pools
        .iter()
        .zip(&cl.pools)
        .enumerate()
        .map(|(i, (p, handle))| ClPoolInfo {
            name: p.name.clone(),
            address: handle.address.to_string(),
            assets: p.assets.map(|a| plan.tokens[a].symbol.clone()),
            decimals: decimals(i),
            fee_pips: p.fee_tier.fee_pips,
            tick_spacing: p.fee_tier.tick_spacing,
            protocol_fee_share_bps: p.protocol_fee.as_ref().map_or(0, |f| f.share_bps),
            fee_collector: p.protocol_fee.as_ref().map(|f| f.collector.clone()),
        })
        .collect();
    let positions = plan
        .cl
        .positions
        .iter()
        .zip(&cl.positions)
        .map(|(p, books)| ClPositionInfo {
            name: p.name.clone(),
            owner: p.owner.clone(),
            pool: plan.cl.pools[p.pool].name.clone(),
            lower_tick: p.lower_tick,
            upper_tick: p.upper_tick,
            lower_price: cl_price::tick_price(p.lower_tick, decimals(p.pool)),
            upper_price: cl_price::tick_price(p.upper_tick, decimals(p.pool)),
            open_at: p.open_at_secs,
            close_at: p.close_at_secs,
            token_id: books.token_id.clone(),
        })
        .collect();
    let mut pool_summaries = Vec::new();
    for (i, p) in plan.cl.pools.iter().enumerate() {
        let books = &cl.pool_books[i];
        let end = world.suite.cl_pool_state(&cl.pools[i])?;
        let u = |v: [u128; 2]| v.map(Uint128::new);
        pool_summaries.push(ClPoolSummary {
            pool: p.name.clone(),
            start_price: cl_price::display_price(p.sqrt_price, decimals(i)),
            end_price: cl_price::display_price(end.sqrt_price, decimals(i)),
            start_tick: p.tick,
            end_tick: end.tick,
            swaps: books.swaps,
            ticks_crossed: books.ticks_crossed,
            volume: u(books.volume),
            fees: u(books.fees),
            protocol_fees: u(books.protocol_fees),
        });
    }
    let position_summaries = plan
        .cl
        .positions
        .iter()
        .zip(&cl.positions)
        .map(|(p, books)| ClPositionSummary {
            position: p.name.clone(),
            owner: p.owner.clone(),
            pool: plan.cl.pools[p.pool].name.clone(),
            lower_tick: p.lower_tick,
            upper_tick: p.upper_tick,
            open_secs: books.open_secs,
            in_range_secs: books.in_range_secs,
            in_range_bps: (books.in_range_secs * BPS)
                .checked_div(books.open_secs)
                .unwrap_or(0),
            deposited: books.deposited.map(Uint128::new),
            withdrawn: books.withdrawn.map(Uint128::new),
            fees: books.fees_collected.map(Uint128::new),
        })
        .collect();
    let traders = plan
        .cl
        .traders
        .iter()
        .map(|t| {
            let count = |action: &str| {
                cl.events
                    .iter()
                    .filter(|e| e.actor == t.name && e.action == action)
                    .count() as u64
            };
            ClTraderSummary {
                trader: t.name.clone(),
                kind: match t.kind {
                    ClTraderKind::Scripted(_) => "scripted",
                    ClTraderKind::Random(_) => "random",
                }
                .to_string(),
                swaps: count("swap"),
                failed: count("swap_failed"),
                skipped: count("swap_skipped"),
            }
        })
        .collect();
    Ok(ClReport {
        pools,
        positions,
        traders: plan.cl.traders.iter().map(|t| t.name.clone()).collect(),
        samples,
        events: cl.events.clone(),
        summary: ClSummary {
            pools: pool_summaries,
            positions: position_summaries,
            traders,
            check,
        },
    })
}
