//! Deploys a scenario on a fresh embedded chain: tokens with their initial balances, the pool
//! factory and the amm pools with their initial liquidity (when the scenario has any), the
//! farm (made the reward token's minter when it mints; checking LP pools against the factory
//! when there is one), the voting escrow and gauge controller (when the scenario has them; the
//! farm is registered as the escrow's listener), the farm pools in file order (each
//! gauge-split pool's gauge first), and the CL part ([`super::cl_deploy`]: CL pools through the
//! factory, CL accounts funded at genesis) and the CL farming part ([`super::cl_farm_deploy`]:
//! the farming center, its links to the CL pools, the farms).
use anyhow::{Context, Result};
use cosmwasm_std::Addr;
use trellis_testing::tokens::Cw20Options;
use trellis_testing::ve::{ControllerHandle, EscrowHandle};
use trellis_testing::{
    AllocationPolicy, AssetInfo, FarmOptions, PoolHandle, PoolKind, RewardOptions, Suite,
};

use super::amm::{self, AmmBooks};
use super::cl_books::ClWorld;
use super::cl_deploy;
use super::cl_farm_books::ClFarmWorld;
use super::cl_farm_deploy;
use super::options_deploy::{self, OptionsWorld};
use super::prng::SplitMix64;
use super::ve_deploy;
use crate::model::AmmEventRecord;
use crate::scenario::plan::{Plan, SourcePlan, TraderKind, LIQUIDITY, TREASURY};

/// The deployed scenario, and the state of the run the chain does not keep.
pub struct World {
    pub suite: Suite,
    /// The asset of each token of the plan (LP tokens included), by index.
    pub assets: Vec<AssetInfo>,
    /// The farm's pool id of each pool of the plan, by index.
    pub pool_ids: Vec<u64>,
    /// Each amm pool of the plan, by index.
    pub amm: Vec<PoolHandle>,
    /// Swaps, volume and fees of each amm pool so far.
    pub amm_books: Vec<AmmBooks>,
    /// The generator of each random trader (`None` for scripted ones), by trader index.
    pub rngs: Vec<Option<SplitMix64>>,
    pub escrow: Option<EscrowHandle>,
    pub controller: Option<ControllerHandle>,
    /// Gauge-split farms: each pool's gauge id, by pool index (empty otherwise).
    pub gauges: Vec<String>,
    /// The options token, when the scenario has one.
    pub options: Option<OptionsWorld>,
    /// The CL pools, positions and traders, and their books.
    pub cl: ClWorld,
    /// The CL farming center, its farms and their books.
    pub cl_farms: ClFarmWorld,
}

/// Deploys everything; also returns the initial-liquidity events.
pub fn deploy(plan: &Plan) -> Result<(World, Vec<AmmEventRecord>)> {
    let mut suite = Suite::builder().block_secs(plan.block_secs).build();
    // Every transaction is recorded, for a tap on the run (see `chain_tap`).
    suite.record_events();
    let mut assets = create_tokens(&mut suite, plan)?;
    let (amm_pools, provided, lp_factory) = if plan.amm_pools.is_empty() {
        (Vec::new(), Vec::new(), None)
    } else {
        let (pools, events) = amm::deploy(&mut suite, plan, &mut assets)?;
        (pools, events, Some(suite.factory().addr.clone()))
    };
    let otoken = options_deploy::deploy(&mut suite, plan, &mut assets, &amm_pools)?;
    let assets: Vec<AssetInfo> = assets
        .into_iter()
        .map(|a| a.expect("every token is deployed"))
        .collect();
    let cl = cl_deploy::deploy(&mut suite, plan, &assets)?;
    let cl_farms = cl_farm_deploy::deploy(&mut suite, plan, &assets, &cl)?;

    let reward = match &plan.reward.source {
        SourcePlan::Mint => RewardOptions::Mint {
            symbol: plan.reward_token().symbol.clone(),
        },
        SourcePlan::Reserve { .. } => RewardOptions::Reserve {
            asset: assets[plan.reward.token].clone(),
        },
    };
    let policy = match (plan.policy, &plan.options) {
        (Some(p), _) => Some(AllocationPolicy {
            protocol_token: assets[p.protocol_token].clone(),
            max_solo_share_bps: p.max_solo_share_bps,
            native_pairs_outweigh: p.native_pairs_outweigh,
        }),
        // A farm paying options: the protocol token is the underlying, as for the factory.
        (None, Some(o)) => Some(FarmOptions::default_policy(&assets[o.underlying])),
        (None, None) => None,
    };
    let mut options = FarmOptions::new(plan.clock, plan.schedule.curve.clone(), reward);
    options.start = plan.schedule.start;
    options.end = plan.schedule.end;
    options.policy = policy;
    options.lp_factory = lp_factory;
    let escrow = ve_deploy::escrow(&mut suite, plan, &assets)?;
    let controller = ve_deploy::controller(&mut suite, plan, escrow.as_ref())?;
    suite
        .deploy_ve_farm(
            options,
            escrow.as_ref(),
            controller.as_ref().map(|(gc, _)| gc),
        )
        .context("deploying the farm")?;

    let mut pool_ids = Vec::new();
    let mut gauges = Vec::new();
    for pool in &plan.pools {
        let kind = match pool.pair {
            Some([a, b]) => PoolKind::Lp {
                pair: [assets[a].clone(), assets[b].clone()],
            },
            None => PoolKind::Solo,
        };
        let staking = &assets[pool.staking];
        let pct = pool.boost_mode().tokenless_share_pct();
        let added = match (&controller, pool.gauge_type) {
            (Some((gc, types)), Some(t)) => suite
                .add_gauge_pool(gc, types[t], staking, kind, pct)
                .map(|(id, gauge)| {
                    gauges.push(gauge);
                    id
                }),
            _ => suite.add_pool_with_boost(staking, kind, pool.weight, pct),
        };
        let id = added.with_context(|| {
            let mut terms = match pool.gauge_type {
                Some(t) => format!("gauge type {}", types_of(plan)[t]),
                None => format!("weight {}", pool.weight),
            };
            if let Some(boost) = pool.boost {
                terms.push_str(&format!(", boost {}", boost.as_str()));
            }
            format!("adding pool \"{}\" ({terms})", pool.name)
        })?;
        pool_ids.push(id);
    }
    let rngs = plan
        .traders
        .iter()
        .map(|t| match &t.kind {
            TraderKind::Random(r) => Some(SplitMix64::new(r.seed)),
            TraderKind::Scripted(_) => None,
        })
        .collect();
    let world = World {
        suite,
        assets,
        pool_ids,
        amm_books: vec![AmmBooks::default(); amm_pools.len()],
        amm: amm_pools,
        rngs,
        escrow,
        controller: controller.map(|(gc, _)| gc),
        gauges,
        options: otoken,
        cl,
        cl_farms,
    };
    Ok((world, provided))
}

/// The gauge type names of the plan (empty without gauges).
fn types_of(plan: &Plan) -> Vec<&str> {
    plan.gauges
        .iter()
        .flat_map(|g| g.types.iter().map(|t| t.name.as_str()))
        .collect()
}

/// Who holds what at genesis: users and traders their balances, the treasury the reserve
/// funding, the `liquidity` account every amm pool's initial liquidity.
fn genesis_holders(suite: &Suite, plan: &Plan, index: usize) -> Vec<(Addr, u128)> {
    let mut holders: Vec<(Addr, u128)> = Vec::new();
    let accounts = plan
        .users
        .iter()
        .map(|u| (&u.name, &u.balances))
        .chain(plan.traders.iter().map(|t| (&t.name, &t.balances)));
    for (name, balances) in accounts {
        for (t, amount) in balances {
            if *t == index && *amount > 0 {
                holders.push((suite.addr(name), *amount));
            }
        }
    }
    if let SourcePlan::Reserve { funding } = &plan.reward.source {
        let total: u128 = funding.iter().map(|f| f.amount).sum();
        if index == plan.reward.token && total > 0 {
            holders.push((suite.addr(TREASURY), total));
        }
    }
    // The options treasury funds the oTOKEN's reserve at deployment.
    if let Some(o) = &plan.options {
        match o.reserve {
            Some(reserve) if index == o.underlying && reserve > 0 => {
                holders.push((suite.addr(&o.treasury), reserve));
            }
            _ => {}
        }
    }
    let liquidity: u128 = plan
        .amm_pools
        .iter()
        .flat_map(|p| p.assets.iter().zip(p.initial_liquidity))
        .filter(|(t, _)| **t == index)
        .map(|(_, amount)| amount)
        .sum();
    if liquidity > 0 {
        holders.push((suite.addr(LIQUIDITY), liquidity));
    }
    holders.extend(cl_deploy::genesis_holders(suite, plan, index));
    holders.extend(cl_farm_deploy::genesis_holders(suite, plan, index));
    holders
}

/// Every declared token with its genesis holders ([`genesis_holders`]). A minted reward
/// token, and an underlying the oTOKEN mints, start with the owner as a temporary minter. LP
/// tokens and the oTOKEN are left `None`: their pools and the options deployment create them.
fn create_tokens(suite: &mut Suite, plan: &Plan) -> Result<Vec<Option<AssetInfo>>> {
    let mut assets = Vec::new();
    for (index, token) in plan.tokens.iter().enumerate() {
        let otoken = plan.options.as_ref();
        if token.is_lp() || otoken.map(|o| o.token) == Some(index) {
            assets.push(None);
            continue;
        }
        let holders = genesis_holders(suite, plan, index);
        let asset = match &token.denom {
            Some(denom) => {
                for (addr, amount) in &holders {
                    suite
                        .mint_native_to(addr, denom, *amount)
                        .with_context(|| format!("minting {} {denom}", amount))?;
                }
                // Pools over it declare these decimals.
                suite.register_native_with_decimals(&token.symbol, denom, token.decimals)
            }
            None => {
                let minted_reward =
                    index == plan.reward.token && plan.reward.source == SourcePlan::Mint;
                let minted_underlying =
                    otoken.is_some_and(|o| o.underlying == index && o.reserve.is_none());
                let options = Cw20Options {
                    name: Some(format!("{} (simulated)", token.symbol)),
                    decimals: token.decimals,
                    minter: (minted_reward || minted_underlying).then(|| suite.owner.clone()),
                };
                suite
                    .create_cw20_with(&token.symbol, &holders, options)
                    .with_context(|| format!("creating token {}", token.symbol))?
            }
        };
        assets.push(Some(asset));
    }
    Ok(assets)
}
