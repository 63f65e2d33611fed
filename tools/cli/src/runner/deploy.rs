//! Deploys a scenario on a fresh embedded chain: tokens with their initial balances, the farm
//! (made the reward token's minter when it mints), and the pools in file order.
use anyhow::{Context, Result};
use cosmwasm_std::Addr;
use trellis_testing::tokens::Cw20Options;
use trellis_testing::{AllocationPolicy, AssetInfo, FarmOptions, PoolKind, RewardOptions, Suite};

use crate::scenario::plan::{Plan, SourcePlan, TREASURY};

/// The deployed scenario.
pub struct World {
    pub suite: Suite,
    /// The asset of each token of the plan, by index.
    pub assets: Vec<AssetInfo>,
    /// The farm's pool id of each pool of the plan, by index.
    pub pool_ids: Vec<u64>,
}

pub fn deploy(plan: &Plan) -> Result<World> {
    let mut suite = Suite::builder().block_secs(plan.block_secs).build();
    let assets = create_tokens(&mut suite, plan)?;

    let reward = match &plan.reward.source {
        SourcePlan::Mint => RewardOptions::Mint {
            symbol: plan.reward_token().symbol.clone(),
        },
        SourcePlan::Reserve { .. } => RewardOptions::Reserve {
            asset: assets[plan.reward.token].clone(),
        },
    };
    let policy = plan.policy.map(|p| AllocationPolicy {
        protocol_token: assets[p.protocol_token].clone(),
        max_solo_share_bps: p.max_solo_share_bps,
        native_pairs_outweigh: p.native_pairs_outweigh,
    });
    let options = FarmOptions {
        clock: plan.clock,
        start: plan.schedule.start,
        end: plan.schedule.end,
        curve: plan.schedule.curve.clone(),
        reward,
        policy,
        lp_factory: None,
    };
    suite.deploy_farm(options).context("deploying the farm")?;

    let mut pool_ids = Vec::new();
    for pool in &plan.pools {
        let kind = match pool.pair {
            Some([a, b]) => PoolKind::Lp {
                pair: [assets[a].clone(), assets[b].clone()],
            },
            None => PoolKind::Solo,
        };
        let id = suite
            .add_pool(&assets[pool.staking], kind, pool.weight)
            .with_context(|| format!("adding pool \"{}\" (weight {})", pool.name, pool.weight))?;
        pool_ids.push(id);
    }
    Ok(World {
        suite,
        assets,
        pool_ids,
    })
}

/// Every token with the users' initial balances; the treasury gets exactly the reserve
/// funding. A minted reward token starts with the owner as a temporary minter.
fn create_tokens(suite: &mut Suite, plan: &Plan) -> Result<Vec<AssetInfo>> {
    let mut assets = Vec::new();
    for (index, token) in plan.tokens.iter().enumerate() {
        let mut holders: Vec<(Addr, u128)> = Vec::new();
        for user in &plan.users {
            for (t, amount) in &user.balances {
                if *t == index && *amount > 0 {
                    holders.push((suite.addr(&user.name), *amount));
                }
            }
        }
        if let SourcePlan::Reserve { funding } = &plan.reward.source {
            let total: u128 = funding.iter().map(|f| f.amount).sum();
            if index == plan.reward.token && total > 0 {
                holders.push((suite.addr(TREASURY), total));
            }
        }
        let asset = match &token.denom {
            Some(denom) => {
                for (addr, amount) in &holders {
                    suite
                        .mint_native_to(addr, denom, *amount)
                        .with_context(|| format!("minting {} {denom}", amount))?;
                }
                suite.register_native(&token.symbol, denom)
            }
            None => {
                let minted_reward =
                    index == plan.reward.token && plan.reward.source == SourcePlan::Mint;
                let options = Cw20Options {
                    name: Some(format!("{} (simulated)", token.symbol)),
                    decimals: token.decimals,
                    minter: minted_reward.then(|| suite.owner.clone()),
                };
                suite
                    .create_cw20_with(&token.symbol, &holders, options)
                    .with_context(|| format!("creating token {}", token.symbol))?
            }
        };
        assets.push(asset);
    }
    Ok(assets)
}
