//! The CL farming report: the farms and entries as planned, and per entry the time farmed and
//! in range (exact, from the pool's tick path), the rewards credited, their value and the APR
//! against the position's range; per owner and token what was claimed.
use anyhow::Result;
use cosmwasm_std::{Uint128, Uint256};

use super::cl_farm_value::apr_in_range_bps;
use super::cl_tick_path::TickPath;
use super::deploy::World;
use super::valuation::apr_bps;
use crate::model::cl_farm::{
    ClClaimSummary, ClEntryInfo, ClEntrySummary, ClFarmCheck, ClFarmInfo, ClFarmReport,
    ClFarmSample, ClFarmSummary,
};
use crate::scenario::cl_farm_plan::{ClFarmPlan, ClFarmTerms};
use crate::scenario::plan::Plan;

const BPS: u64 = 10_000;

/// The pricing convention, as the report states it.
pub const PRICING: &str = "Values are in base units of the pool's token1. A position is worth what removing its \
liquidity would pay at the pool price (rounded down), token0 converted at that price: amount1 + \
floor(amount0 * sqrt_price^2 / 2^192). A reward token is worth its amount at the scenario's \
reward_price_in_token1 (bonus_price_in_token1), rounded down. value-seconds sum the position's \
value times the seconds it held while farmed, each value measured at the entry and at every sample \
and held until the next one. APR = floor(reward value * 365 days * 10000 / value-seconds) bps; APR \
in range = APR * farmed seconds / seconds in range. Integer math throughout; the charts draw floats.";

pub fn report(
    world: &World,
    plan: &Plan,
    samples: Vec<ClFarmSample>,
    check: ClFarmCheck,
) -> Result<ClFarmReport> {
    let farms = &plan.cl_farms;
    let books = &world.cl_farms;
    let infos = farms
        .farms
        .iter()
        .zip(&books.farm_ids)
        .map(|(farm, id)| farm_info(plan, farm, *id))
        .collect();
    let paths: Vec<TickPath> = plan
        .cl
        .pools
        .iter()
        .map(|p| TickPath::from_log(p.tick, &world.cl.events, &p.name))
        .collect();
    let mut entries = Vec::new();
    let mut summaries = Vec::new();
    for (f, farmed) in farms.farmed.iter().enumerate() {
        let p = &plan.cl.positions[farmed.position];
        for (e, entry) in farmed.entries.iter().enumerate() {
            let farm = &farms.farms[entry.farm];
            let b = &books.entries[f][e];
            entries.push(ClEntryInfo {
                position: p.name.clone(),
                owner: p.owner.clone(),
                farm: farm.name.clone(),
                lower_tick: p.lower_tick,
                upper_tick: p.upper_tick,
                enter_at: entry.enter_at_secs,
                exit_at: entry.exit_at_secs,
                tokens_locked: Uint128::new(entry.tokens_locked),
            });
            let span = (
                b.entered_at.unwrap_or(0),
                b.exited_at.or(b.entered_at).unwrap_or(0),
            );
            let farmed_secs = span.1 - span.0;
            let in_range_secs = paths[p.pool].in_range_secs(span, p.lower_tick, p.upper_tick);
            let reward_value = farm
                .tokens()
                .iter()
                .zip(b.credited)
                .map(|(token, amount)| token.price.value(amount))
                .fold(Uint256::zero(), |a, v| a.saturating_add(v));
            summaries.push(ClEntrySummary {
                position: p.name.clone(),
                farm: farm.name.clone(),
                lower_tick: p.lower_tick,
                upper_tick: p.upper_tick,
                width: (p.upper_tick - p.lower_tick) as u32,
                liquidity: Uint128::new(b.liquidity),
                farmed_secs,
                in_range_secs,
                in_range_bps: (in_range_secs * BPS).checked_div(farmed_secs).unwrap_or(0),
                earned: b.credited.map(Uint128::new),
                reward_value,
                value_at_entry: Uint128::new(b.value_at_entry),
                average_value: b
                    .value_secs
                    .checked_div(Uint256::from(farmed_secs))
                    .unwrap_or_default(),
                value_secs: b.value_secs,
                apr_bps: apr_bps(reward_value, b.value_secs),
                apr_in_range_bps: apr_in_range_bps(
                    reward_value,
                    b.value_secs,
                    (farmed_secs, in_range_secs),
                ),
            });
        }
    }
    let claims = books
        .claims
        .iter()
        .map(|c| ClClaimSummary {
            owner: c.owner.clone(),
            token: plan.tokens[c.token].symbol.clone(),
            limit: Uint128::new(c.claimed[0]),
            eternal: Uint128::new(c.claimed[1]),
        })
        .collect();
    Ok(ClFarmReport {
        center: books.center().addr.to_string(),
        maker: farms.maker.clone(),
        farms: infos,
        entries,
        samples,
        events: books.events.clone(),
        summary: ClFarmSummary {
            entries: summaries,
            claims,
            check,
        },
        pricing: PRICING.to_string(),
    })
}

fn farm_info(plan: &Plan, farm: &ClFarmPlan, farm_id: u64) -> ClFarmInfo {
    let pool = &plan.cl.pools[farm.pool];
    let token1 = &plan.tokens[pool.assets[1]];
    let tokens = farm.tokens();
    let slot = |k: usize| tokens.get(k).map(|t| &plan.tokens[t.token]);
    let price = |k: usize| {
        tokens.get(k).map(|t| {
            // The price back in display units, for the record: numerator / denominator scaled
            // by the decimals.
            let d = plan.tokens[t.token].decimals as u32;
            let display = cosmwasm_std::Decimal256::checked_from_ratio(
                t.price.numerator * Uint256::from(10u8).pow(d),
                t.price.denominator * Uint256::from(10u8).pow(token1.decimals as u32),
            )
            .unwrap_or_default();
            display.to_string()
        })
    };
    let (rates, start, end) = match &farm.terms {
        ClFarmTerms::Eternal { rates, .. } => (Some(rates.map(Uint128::new)), None, None),
        ClFarmTerms::Limit {
            start_secs,
            end_secs,
        } => (None, Some(*start_secs), Some(*end_secs)),
    };
    ClFarmInfo {
        name: farm.name.clone(),
        farm_id,
        kind: farm.kind_name().to_string(),
        pool: pool.name.clone(),
        value_symbol: token1.symbol.clone(),
        value_decimals: token1.decimals,
        symbols: [0, 1].map(|k| slot(k).map(|t| t.symbol.clone())),
        decimals: [0, 1].map(|k| slot(k).map_or(0, |t| t.decimals)),
        prices_in_token1: [0, 1].map(price),
        amounts: [0, 1].map(|k| Uint128::new(tokens.get(k).map_or(0, |t| t.amount))),
        rates,
        start,
        end,
        min_width: farm.min_width,
        tier_token: farm
            .tiers
            .as_ref()
            .map(|t| plan.tokens[t.token].symbol.clone()),
        tier_decimals: farm
            .tiers
            .as_ref()
            .map_or(0, |t| plan.tokens[t.token].decimals),
        tiers: farm
            .tiers
            .as_ref()
            .map(|t| {
                t.levels
                    .iter()
                    .map(|(a, b)| (Uint128::new(*a), *b))
                    .collect()
            })
            .unwrap_or_default(),
    }
}
