//! One sample of the farm's state: totals, rates, pools, positions, and the bounded
//! conservation check.
use anyhow::Result;
use cosmwasm_std::Uint128;

use super::deploy::World;
use crate::model::{PoolSample, PositionSample, Sample};
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
    let pools = suite
        .farm_pools()?
        .into_iter()
        .map(|p| PoolSample {
            weight: p.weight,
            staked: p.total_staked,
            distributed: p.distributed,
            current_rate: p.current_rate,
        })
        .collect();
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
        slack: snapshot.slack,
        bound: snapshot.bound(),
    };
    Ok((sample, positions))
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
