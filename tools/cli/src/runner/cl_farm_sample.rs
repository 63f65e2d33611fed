//! One sample of the CL farming part: each farm as the center reports it (accrued to now) with
//! its virtual pool, each entry's pending reward, earnings so far ([`earned_so_far`]), value,
//! value-seconds and APR; and the books check on it:
//!
//! - per farm and token, `funded = credited + reserve + refunded + undistributed` with nothing
//!   negative, and the pending rewards covered: eternal, `Σ pending <= undistributed` (what was
//!   distributed and not credited); limit, `Σ pending <= reserve` (a limit farm keeps what was
//!   earned in its reserve until the exits credit it, so its undistributed part is 0);
//! - what the maker paid in is what the farm says it was funded with;
//! - a live farm's virtual pool holds, in range, exactly the effective liquidity of the
//!   farmed positions whose range holds the pool's tick, and no farm was deactivated;
//! - the center's bank balance of every reward and tier token is `Σ (funded - refunded) -
//!   claimed + tokens locked`.
use anyhow::Result;
use cosmwasm_std::{Uint128, Uint256};

use super::cl_farm_value::position_value;
use super::deploy::World;
use super::valuation::apr_bps;
use crate::format;
use crate::model::cl_farm::{ClEntrySample, ClEntryStatus, ClFarmSample, ClFarmStateSample};
use crate::scenario::cl_farm_plan::{ClFarmPlan, ClFarmTerms};
use crate::scenario::plan::Plan;

/// Samples the CL farming part at `t`; `None` without CL farms. The violations found join
/// the CL farming world's.
pub fn take(world: &mut World, plan: &Plan, t: u64) -> Result<Option<ClFarmSample>> {
    let farms = &plan.cl_farms;
    if farms.is_empty() {
        return Ok(None);
    }
    let mut states = Vec::new();
    for pool in &world.cl.pools {
        states.push(world.suite.cl_pool_state(pool)?);
    }
    let mut entries = Vec::new();
    // Per farm: Σ pending, positions in, in-range effective liquidity at the pool's tick.
    let mut pending = vec![[0u128; 2]; farms.farms.len()];
    let mut positions = vec![0u64; farms.farms.len()];
    let mut in_range = vec![0u128; farms.farms.len()];
    for (f, farmed) in farms.farmed.iter().enumerate() {
        let p = &plan.cl.positions[farmed.position];
        let tick = states[p.pool].tick;
        for (e, entry) in farmed.entries.iter().enumerate() {
            let farm = &farms.farms[entry.farm];
            let books = &world.cl_farms.entries[f][e];
            let mut sample = ClEntrySample {
                status: books.status,
                in_range: false,
                liquidity: Uint128::new(books.liquidity),
                pending: [Uint128::zero(); 2],
                earned: books.credited.map(Uint128::new),
                reward_value: Uint256::zero(),
                position_value: Uint128::zero(),
                value_secs: books.value_secs,
                apr_bps: None,
            };
            if books.status == ClEntryStatus::Farmed {
                let pool = world.cl.pools[p.pool].address.to_string();
                let token_id = world.cl.positions[farmed.position]
                    .token_id
                    .clone()
                    .unwrap_or_default();
                let farm_id = world.cl_farms.farm_ids[entry.farm];
                let owed = world
                    .cl_farms
                    .pending(&world.suite, &pool, &token_id, farm_id)?;
                let liquidity = world.cl.positions[farmed.position].liquidity;
                let value = position_value(&states[p.pool], p.lower_tick, p.upper_tick, liquidity)?;
                let books = &mut world.cl_farms.entries[f][e];
                books.measure(t, Some(value));
                sample.in_range = p.lower_tick <= tick && tick < p.upper_tick;
                sample.pending = owed.map(Uint128::new);
                sample.earned = earned_so_far(farm, owed, t).map(Uint128::new);
                sample.position_value = Uint128::new(value);
                sample.value_secs = books.value_secs;
                pending[entry.farm] = [0, 1].map(|k| pending[entry.farm][k] + owed[k]);
                positions[entry.farm] += 1;
                if sample.in_range {
                    in_range[entry.farm] += books.liquidity;
                }
            }
            sample.reward_value = farm
                .tokens()
                .iter()
                .zip(sample.earned)
                .map(|(token, amount)| token.price.value(amount.u128()))
                .fold(Uint256::zero(), |a, b| a.saturating_add(b));
            sample.apr_bps = apr_bps(sample.reward_value, sample.value_secs);
            entries.push(sample);
        }
    }
    let when = format::moment(t, plan.block_secs, plan.is_height());
    let mut found = Vec::new();
    let mut samples = Vec::new();
    for (i, farm) in farms.farms.iter().enumerate() {
        let farm_id = world.cl_farms.farm_ids[i];
        let state = world.cl_farms.farm(&world.suite, farm_id)?;
        let vp = world.cl_farms.virtual_pool(&world.suite, farm_id)?;
        let u = |v: [Uint128; 2]| v.map(|a| a.u128());
        let (funded, reserve, refunded, credited) = (
            u(state.funded),
            u(state.reserve),
            u(state.refunded),
            u(state.credited),
        );
        let mut undistributed = [0u128; 2];
        for k in 0..farm.tokens().len() {
            let name = format!("at {when}: CL farm \"{}\" slot {k}", farm.name);
            let rest = funded[k]
                .checked_sub(credited[k])
                .and_then(|r| r.checked_sub(refunded[k]))
                .and_then(|r| r.checked_sub(reserve[k]));
            let Some(rest) = rest else {
                found.push(format!(
                    "{name}: funded {} < credited {} + refunded {} + reserve {}",
                    funded[k], credited[k], refunded[k], reserve[k]
                ));
                continue;
            };
            let cover = if farm.is_limit() {
                if rest != 0 {
                    found.push(format!(
                        "{name}: a limit farm's reserve is funded - credited - refunded, {rest} is missing"
                    ));
                }
                reserve[k]
            } else {
                undistributed[k] = rest;
                rest
            };
            if pending[i][k] > cover {
                found.push(format!(
                    "{name}: the positions' pending rewards {} exceed what the farm holds for them ({cover})",
                    pending[i][k]
                ));
            }
            if funded[k] != world.cl_farms.farms[i].funded[k] {
                found.push(format!(
                    "{name}: funded {} by the farm, {} by the maker's balances",
                    funded[k], world.cl_farms.farms[i].funded[k]
                ));
            }
        }
        if let Some(at) = state.deactivated_at {
            found.push(format!(
                "at {when}: CL farm \"{}\" was deactivated at {at} (a crossing report contradicted its virtual pool, or its pool link broke)",
                farm.name
            ));
        }
        if state.positions != positions[i] {
            found.push(format!(
                "at {when}: CL farm \"{}\" counts {} positions, the run entered {}",
                farm.name, state.positions, positions[i]
            ));
        }
        // After a limit farm's end the hook no longer moves its virtual pool.
        if state.live && vp.liquidity.u128() != in_range[i] {
            found.push(format!(
                "at {when}: CL farm \"{}\"'s virtual pool has {} liquidity in range at tick {}; the farmed ranges holding the pool's tick {} have {}",
                farm.name, vp.liquidity, vp.tick, states[farm.pool].tick, in_range[i]
            ));
        }
        samples.push(ClFarmStateSample {
            funded: state.funded,
            reserve: state.reserve,
            refunded: state.refunded,
            credited: state.credited,
            undistributed: undistributed.map(Uint128::new),
            pending: pending[i].map(Uint128::new),
            positions: state.positions,
            total_liquidity: state.total_liquidity,
            tick: vp.tick,
            in_range_liquidity: vp.liquidity,
            active_secs: vp.active_secs,
            live: state.live,
        });
    }
    found.extend(center_holdings(world, plan, &when)?);
    world.cl_farms.violations.extend(found);
    Ok(Some(ClFarmSample {
        t,
        farms: samples,
        entries,
    }))
}

/// What a farmed entry has earned so far: an eternal farm's pending reward; for a limit farm,
/// whose pending reward is the position's share of the whole total were the campaign to end
/// now, that share times the part of the campaign that has passed, `floor(pending * passed /
/// (end - start))` (0 before the start, all of it from the end).
pub fn earned_so_far(farm: &ClFarmPlan, pending: [u128; 2], t: u64) -> [u128; 2] {
    let ClFarmTerms::Limit {
        start_secs,
        end_secs,
    } = farm.terms
    else {
        return pending;
    };
    let duration = u128::from(end_secs - start_secs);
    let passed = u128::from(t.clamp(start_secs, end_secs) - start_secs);
    pending.map(|p| {
        let share = cosmwasm_std::Uint256::from(p) * cosmwasm_std::Uint256::from(passed)
            / cosmwasm_std::Uint256::from(duration);
        Uint128::try_from(share).map_or(p, |v| v.u128())
    })
}

/// The center's bank balance of each reward and tier token against `Σ (funded - refunded) -
/// claimed + locked` (per farm from the maker's balances, claims from the owners', locks of
/// the entries farmed now).
pub fn center_holdings(world: &World, plan: &Plan, when: &str) -> Result<Vec<String>> {
    let farms = &plan.cl_farms;
    let mut tokens: Vec<usize> = Vec::new();
    for farm in &farms.farms {
        let tiers = farm.tiers.iter().map(|t| t.token);
        for token in farm.tokens().iter().map(|t| t.token).chain(tiers) {
            if !tokens.contains(&token) {
                tokens.push(token);
            }
        }
    }
    let books = &world.cl_farms;
    let mut found = Vec::new();
    for token in tokens {
        let mut expected: i128 = 0;
        for (i, farm) in farms.farms.iter().enumerate() {
            for (slot, t) in farm.tokens().iter().enumerate() {
                if t.token == token {
                    expected +=
                        books.farms[i].funded[slot] as i128 - books.farms[i].refunded[slot] as i128;
                }
            }
        }
        expected -= books.claimed(token).iter().sum::<u128>() as i128;
        for (f, farmed) in farms.farmed.iter().enumerate() {
            for (e, entry) in farmed.entries.iter().enumerate() {
                let locks = farms.farms[entry.farm]
                    .tiers
                    .as_ref()
                    .is_some_and(|t| t.token == token);
                if locks && books.entries[f][e].status == ClEntryStatus::Farmed {
                    expected += entry.tokens_locked as i128;
                }
            }
        }
        let held = world
            .suite
            .balance_of(&books.center().addr, &world.assets[token])?;
        if held as i128 != expected {
            found.push(format!(
                "at {when}: the farming center holds {held} {}, its books say {expected} (funded - refunded - claimed + locked)",
                plan.tokens[token].symbol
            ));
        }
    }
    Ok(found)
}
