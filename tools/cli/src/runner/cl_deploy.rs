//! Deploys the CL part: the pool factory when the scenario has no amm pools (which deploy it),
//! each CL pool through the factory's `CreateClPool` at its initial price (the factory's owner,
//! `owner`, owns it and sets its protocol fee), and the genesis balances of the CL accounts:
//! each trader its balances, each position owner exactly the amounts its positions deposit at
//! most.
use anyhow::{Context, Result};
use cosmwasm_std::Addr;
use trellis_testing::{AssetInfo, ClPoolOptions, FactoryOptions, Suite};
use trellis_types::cl_pool::ExecuteMsg;

use super::amm;
use super::cl_books::{ClPoolBooks, ClPositionBooks, ClWorld};
use super::prng::SplitMix64;
use crate::scenario::cl_plan::ClTraderKind;
use crate::scenario::plan::{Plan, OWNER};

/// Who holds `token` at genesis on the CL side.
pub fn genesis_holders(suite: &Suite, plan: &Plan, token: usize) -> Vec<(Addr, u128)> {
    let mut holders = Vec::new();
    for t in &plan.cl.traders {
        for (index, amount) in &t.balances {
            if *index == token && *amount > 0 {
                holders.push((suite.addr(&t.name), *amount));
            }
        }
    }
    for owner in plan.cl.owners() {
        for (index, amount) in plan.cl.owner_funding(owner) {
            if index == token && amount > 0 {
                holders.push((suite.addr(owner), amount));
            }
        }
    }
    holders
}

/// Creates the CL pools (`assets` holds every token's asset). Nothing without CL pools.
pub fn deploy(suite: &mut Suite, plan: &Plan, assets: &[AssetInfo]) -> Result<ClWorld> {
    let cl = &plan.cl;
    if cl.is_empty() {
        return Ok(ClWorld::default());
    }
    if plan.amm_pools.is_empty() {
        let protocol = assets[amm::protocol_token(plan)].clone();
        suite
            .deploy_factory(FactoryOptions::new(protocol))
            .context("deploying the pool factory")?;
    }
    let mut pools = Vec::new();
    let mut pool_books = Vec::new();
    for p in &cl.pools {
        let pool_assets = p.assets.map(|t| assets[t].clone());
        let options = ClPoolOptions::new(pool_assets, p.fee_tier.fee_pips, p.fee_tier.tick_spacing)
            .at_sqrt_price(p.sqrt_price);
        let handle = suite
            .create_cl_pool_via_factory(OWNER, options, None)
            .with_context(|| format!("creating CL pool \"{}\" through the factory", p.name))?;
        if let Some(fee) = &p.protocol_fee {
            let msg = ExecuteMsg::UpdateFeeConfig {
                fee_collector: Some(suite.addr(&fee.collector).to_string()),
                protocol_fee_share_bps: Some(fee.share_bps),
            };
            let owner = suite.owner.clone();
            suite
                .cl_exec(&owner, &handle, &msg, &[])
                .with_context(|| format!("setting the protocol fee of CL pool \"{}\"", p.name))?;
        }
        let tick = suite.cl_pool_state(&handle)?.tick;
        pool_books.push(ClPoolBooks {
            tick,
            ..ClPoolBooks::default()
        });
        pools.push(handle);
    }
    let rngs = cl
        .traders
        .iter()
        .map(|t| match &t.kind {
            ClTraderKind::Random(r) => Some(SplitMix64::new(r.seed)),
            ClTraderKind::Scripted(_) => None,
        })
        .collect();
    Ok(ClWorld {
        pools,
        pool_books,
        positions: vec![ClPositionBooks::default(); cl.positions.len()],
        rngs,
        ..ClWorld::default()
    })
}
