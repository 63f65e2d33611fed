//! The amm part of the report: the pools as deployed, their state at the end, what each trader
//! did, and the amm books check over every sample.
use crate::model::{
    AmmCheckSummary, AmmEventRecord, AmmPoolInfo, AmmPoolSummary, Sample, TraderSummary,
};
use crate::scenario::plan::{Plan, TraderKind};

use super::deploy::World;

pub fn infos(plan: &Plan, world: &World) -> Vec<AmmPoolInfo> {
    plan.amm_pools
        .iter()
        .zip(&world.amm)
        .map(|(p, handle)| AmmPoolInfo {
            name: p.name.clone(),
            address: handle.address.to_string(),
            lp_token: handle.lp_token.to_string(),
            lp_symbol: plan.tokens[p.lp_token].symbol.clone(),
            assets: p.assets.map(|t| plan.tokens[t].symbol.clone()),
            decimals: p.assets.map(|t| plan.tokens[t].decimals),
            weights: p.weights,
            swap_fee_bps: p.swap_fee_bps,
            protocol_fee_share_bps: p.protocol_fee.as_ref().map_or(0, |f| f.share_bps),
            fee_collector: p
                .protocol_fee
                .as_ref()
                .map(|f| world.suite.addr(&f.collector).to_string()),
        })
        .collect()
}

/// Each pool at the last sample (the final settlement does not touch the pools), with its
/// price at the first sample.
pub fn pools(plan: &Plan, samples: &[Sample]) -> Vec<AmmPoolSummary> {
    let (Some(first), Some(last)) = (samples.first(), samples.last()) else {
        return Vec::new();
    };
    first
        .amm_pools
        .iter()
        .zip(&last.amm_pools)
        .zip(&plan.amm_pools)
        .map(|((start, end), p)| AmmPoolSummary {
            pool: p.name.clone(),
            reserves: end.reserves,
            lp_supply: end.lp_supply,
            start_price: start.price,
            price: end.price,
            swaps: end.swaps,
            volume: end.volume,
            fees: end.fees,
            protocol_fees_owed: end.protocol_fees_owed,
        })
        .collect()
}

pub fn traders(plan: &Plan, events: &[AmmEventRecord]) -> Vec<TraderSummary> {
    plan.traders
        .iter()
        .map(|t| {
            let count = |action: &str| {
                events
                    .iter()
                    .filter(|e| e.actor == t.name && e.action == action)
                    .count() as u64
            };
            TraderSummary {
                trader: t.name.clone(),
                kind: match t.kind {
                    TraderKind::Scripted(_) => "scripted",
                    TraderKind::Random(_) => "random",
                }
                .to_string(),
                swaps: count("swap"),
                failed: count("swap_failed"),
                skipped: count("swap_skipped"),
            }
        })
        .collect()
}

pub fn check(plan: &Plan, samples: &[Sample]) -> Option<AmmCheckSummary> {
    if plan.amm_pools.is_empty() {
        return None;
    }
    Some(AmmCheckSummary {
        ok: samples
            .iter()
            .all(|s| s.amm_pools.iter().all(|a| a.books_balance())),
        checks: samples.iter().map(|s| s.amm_pools.len()).sum(),
    })
}
