//! One sample of the farm's state (totals, rates, pools with their working supply and gauge
//! weight, positions with their working balance), of the escrow's powers and of each amm
//! pool, and the checks run on it: the bounded conservation check and the amm books.
use anyhow::{Context, Result};
use cosmwasm_std::Uint128;

use super::amm::display_price;
use super::deploy::World;
use crate::model::{AmmSample, PoolSample, PositionSample, Sample};
use crate::scenario::plan::Plan;

/// Samples the chain at `t` (seconds since deployment). `previous` gives the emitted rate.
pub fn take(
    world: &World,
    plan: &Plan,
    t: u64,
    previous: Option<&Sample>,
) -> Result<(Sample, Vec<PositionSample>)> {
    let suite = &world.suite;
    let names: Vec<&str> = plan.users.iter().map(|u| u.name.as_str()).collect();
    let snapshot = suite.conservation_snapshot(&names)?;
    let rate = suite.emission_rate()?;
    let mut pools = Vec::new();
    for (i, p) in suite.farm_pools()?.into_iter().enumerate() {
        pools.push(PoolSample {
            weight: p.weight,
            staked: p.total_staked,
            distributed: p.distributed,
            current_rate: p.current_rate,
            working_supply: p.working_supply,
            relative_weight: super::ve_sample::relative_weight(world, i, None)?,
        });
    }
    let mut positions = Vec::new();
    for name in &names {
        for p in suite.positions(name)? {
            let pool = world
                .pool_ids
                .iter()
                .position(|id| *id == p.pool_id)
                .map(|i| plan.pools[i].name.clone())
                .unwrap_or_else(|| format!("#{}", p.pool_id));
            positions.push(PositionSample {
                t,
                user: name.to_string(),
                pool,
                staked: p.staked,
                working: p.working,
                pending: p.pending,
                claimed: p.claimed,
            });
        }
    }
    let clock = suite.farm_now();
    let t_totals = &snapshot.totals;
    let emitted_rate = match previous {
        Some(prev) if clock > prev.clock => {
            (t_totals.emitted - prev.emitted).u128() / (clock - prev.clock) as u128
        }
        _ => 0,
    };
    let sample = Sample {
        t,
        height: suite.height(),
        clock,
        emitted: t_totals.emitted,
        claimed: t_totals.claimed,
        undistributed: t_totals.undistributed,
        recovered: t_totals.recovered,
        rolled_over: t_totals.rolled_over,
        skipped: t_totals.skipped,
        funded: t_totals.funded,
        reserve_available: t_totals.reserve_available,
        pending: Uint128::new(snapshot.pending),
        scheduled_rate: rate.scheduled_rate,
        emitted_rate: Uint128::new(emitted_rate),
        pools,
        amm_pools: amm_samples(world, plan)?,
        ve: super::ve_sample::powers(world, plan)?,
        options: super::options_sample::take(world, previous)?,
        slack: snapshot.bounded_slack(),
        bound: snapshot.bound(),
    };
    Ok((sample, positions))
}

/// Each amm pool's state, with what its address holds and its LP token's supply.
fn amm_samples(world: &World, plan: &Plan) -> Result<Vec<AmmSample>> {
    let suite = &world.suite;
    let mut out = Vec::with_capacity(world.amm.len());
    for ((pool, p), books) in world.amm.iter().zip(&plan.amm_pools).zip(&world.amm_books) {
        let info = suite
            .pool_info(pool)
            .with_context(|| format!("querying amm pool \"{}\"", p.name))?;
        let reserves = info.assets.clone().map(|a| a.balance);
        let decimals = p.assets.map(|t| plan.tokens[t].decimals);
        out.push(AmmSample {
            reserves,
            protocol_fees_owed: info.assets.clone().map(|a| a.protocol_fees_owed),
            held: [
                Uint128::new(suite.balance_of(&pool.address, &pool.assets[0])?),
                Uint128::new(suite.balance_of(&pool.address, &pool.assets[1])?),
            ],
            lp_supply: info.lp_supply,
            lp_token_supply: Uint128::new(suite.cw20_supply(&pool.lp_token)?),
            spot_price: suite.spot_price(pool, &pool.assets[0])?,
            price: display_price(reserves.map(|r| r.u128()), p.weights, decimals)
                .unwrap_or_default(),
            swaps: books.swaps,
            volume: books.volume.map(Uint128::new),
            fees: books.fees.map(Uint128::new),
        });
    }
    Ok(out)
}

/// The amm books check on a sample: one message per pool whose books disagree with the chain.
pub fn amm_violations(sample: &Sample, plan: &Plan) -> Vec<String> {
    let when = crate::format::moment(sample.t, plan.block_secs, plan.is_height());
    let mut out = Vec::new();
    for (a, p) in sample.amm_pools.iter().zip(&plan.amm_pools) {
        if a.books_balance() {
            continue;
        }
        let symbol = |k: usize| plan.tokens[p.assets[k]].symbol.as_str();
        out.push(format!(
            "at {when}: amm pool \"{}\" holds {} {} and {} {} for reserves {} + {} owed and {} + {} owed; \
             LP token supply {} for lp_supply {}",
            p.name,
            a.held[0],
            symbol(0),
            a.held[1],
            symbol(1),
            a.reserves[0],
            a.protocol_fees_owed[0],
            a.reserves[1],
            a.protocol_fees_owed[1],
            a.lp_token_supply,
            a.lp_supply
        ));
    }
    out
}

/// The bounded check on a sample (and the reserve identity), as a violation message.
pub fn violation(sample: &Sample, plan: &Plan) -> Option<String> {
    let when = crate::format::moment(sample.t, plan.block_secs, plan.is_height());
    if sample.slack < 0 || sample.slack as u128 > sample.bound {
        return Some(format!(
            "at {when}: emitted {} - claimed {} - recovered {} - rolled_over {} - undistributed {} - pending {} = {} \
             is outside 0..={} (positions + pools)",
            sample.emitted, sample.claimed, sample.recovered, sample.rolled_over, sample.undistributed,
            sample.pending, sample.slack, sample.bound
        ));
    }
    if let Some(available) = sample.reserve_available {
        if sample.funded + sample.rolled_over != sample.emitted + available {
            return Some(format!(
                "at {when}: funded {} + rolled_over {} != emitted {} + reserve_available {}",
                sample.funded, sample.rolled_over, sample.emitted, available
            ));
        }
    }
    None
}
