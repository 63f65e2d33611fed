//! The amm side of a run: the factory, the weighted pools and their initial liquidity at
//! deployment; joins, exits and swaps during the run; the running volume and fee totals the
//! samples report.
use anyhow::{bail, Context, Result};
use cosmwasm_std::{Decimal, Decimal256, Uint128, Uint256};
use trellis_testing::{AssetInfo, FactoryOptions, PoolHandle, Suite, TradeOptions};
use trellis_types::weighted_pool::{ExecuteMsg, SwapResponse};

use crate::model::AmmEventRecord;
use crate::scenario::plan::{AmmPoolPlan, Plan, LIQUIDITY, OWNER};

/// What the samples report beyond the pool's own state: swaps done, volume and fees by asset
/// sold.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AmmBooks {
    pub swaps: u64,
    pub volume: [u128; 2],
    pub fees: [u128; 2],
}

impl AmmBooks {
    pub fn record_swap(&mut self, offer: usize, swap: &SwapResponse) {
        self.swaps += 1;
        self.volume[offer] += swap.amount_in.u128();
        self.fees[offer] += swap.fee.u128();
    }
}

/// The factory's protocol token: the policy's, else the options' underlying when the farm
/// pays options, else the reward token (the farm checks that they agree).
pub fn protocol_token(plan: &Plan) -> usize {
    let reward = match &plan.options {
        Some(o) => o.underlying,
        None => plan.reward.token,
    };
    plan.policy.map(|p| p.protocol_token).unwrap_or(reward)
}

/// Deploys the factory and every amm pool with its fee settings and initial liquidity (from
/// the `liquidity` account). `assets` holds the declared tokens; the LP tokens' entries are
/// filled here. Returns the pools and the `provide` events.
pub fn deploy(
    suite: &mut Suite,
    plan: &Plan,
    assets: &mut [Option<AssetInfo>],
) -> Result<(Vec<PoolHandle>, Vec<AmmEventRecord>)> {
    let protocol = assets[protocol_token(plan)]
        .clone()
        .context("the protocol token is deployed first")?;
    suite
        .deploy_factory(FactoryOptions::new(protocol))
        .context("deploying the pool factory")?;
    let mut pools = Vec::new();
    let mut events = Vec::new();
    for p in &plan.amm_pools {
        let (pool, event) = create_pool(suite, plan, p, assets)
            .with_context(|| format!("amm pool \"{}\"", p.name))?;
        assets[p.lp_token] = Some(pool.lp_token.clone());
        pools.push(pool);
        events.push(event);
    }
    Ok((pools, events))
}

fn create_pool(
    suite: &mut Suite,
    plan: &Plan,
    p: &AmmPoolPlan,
    assets: &[Option<AssetInfo>],
) -> Result<(PoolHandle, AmmEventRecord)> {
    let pool_assets = p.assets.map(|t| {
        assets[t]
            .clone()
            .expect("declared tokens are deployed first")
    });
    let weights = p.weights.map(Decimal::percent);
    let pool = suite
        .create_weighted_pool(OWNER, pool_assets, weights, p.swap_fee_bps)
        .context("creating the pool through the factory")?;
    if let Some(fee) = &p.protocol_fee {
        // The factory makes its owner the pool's owner: set this pool's own fee terms.
        let owner = suite.owner.clone();
        let msg = ExecuteMsg::UpdateFeeConfig {
            fee_collector: Some(suite.addr(&fee.collector).to_string()),
            protocol_fee_share_bps: Some(fee.share_bps),
        };
        suite
            .pool_exec(&owner, &pool, &msg, &[])
            .context("setting the protocol fee")?;
    }
    let (amounts_in, lp) =
        join(suite, LIQUIDITY, &pool, p.initial_liquidity).with_context(|| {
            format!(
                "providing the initial liquidity of {}",
                describe_amounts(plan, p, p.initial_liquidity)
            )
        })?;
    let event = AmmEventRecord {
        t: 0,
        actor: LIQUIDITY.to_string(),
        action: "provide".to_string(),
        pool: p.name.clone(),
        amounts_in: amounts_in.map(Uint128::new),
        amounts_out: [Uint128::zero(); 2],
        lp: Uint128::new(lp),
        fee: [Uint128::zero(); 2],
        detail: None,
    };
    Ok((pool, event))
}

/// `1,600,000 ALY and 100,000 FUSD`, for messages.
pub fn describe_amounts(plan: &Plan, p: &AmmPoolPlan, amounts: [u128; 2]) -> String {
    let part = |k: usize| {
        let token = &plan.tokens[p.assets[k]];
        format!(
            "{} {}",
            crate::format::amount(amounts[k], token.decimals),
            token.symbol
        )
    };
    format!("{} and {}", part(0), part(1))
}

/// A proportional join of at most `max_amounts`; returns what the pool took (pool order) and
/// the LP minted, measured on the account's balances.
pub fn join(
    suite: &mut Suite,
    who: &str,
    pool: &PoolHandle,
    max_amounts: [u128; 2],
) -> Result<([u128; 2], u128)> {
    let before = holdings(suite, who, pool)?;
    suite.provide_liquidity(who, pool, max_amounts)?;
    let after = holdings(suite, who, pool)?;
    Ok((
        [before[0] - after[0], before[1] - after[1]],
        after[2] - before[2],
    ))
}

/// A proportional exit burning `lp` LP tokens; returns what the pool paid (pool order).
pub fn exit(suite: &mut Suite, who: &str, pool: &PoolHandle, lp: u128) -> Result<[u128; 2]> {
    let before = holdings(suite, who, pool)?;
    suite.exit_pool(who, pool, lp)?;
    let after = holdings(suite, who, pool)?;
    Ok([after[0] - before[0], after[1] - before[1]])
}

/// An exact-in swap selling `amount` of the pool's asset `offer` (0 or 1).
pub fn swap(
    suite: &mut Suite,
    who: &str,
    pool: &PoolHandle,
    offer: usize,
    amount: u128,
    min_out: Option<u128>,
) -> Result<SwapResponse> {
    let options = TradeOptions {
        min_out,
        ..TradeOptions::default()
    };
    let res = suite.swap_exact_in_with(who, pool, &pool.assets[offer], amount, options)?;
    if res.offer != pool.assets[offer] {
        bail!("the pool reported a swap of {} instead", res.offer);
    }
    Ok(res)
}

/// The account's balances of the pool's two assets and of its LP token.
fn holdings(suite: &Suite, who: &str, pool: &PoolHandle) -> Result<[u128; 3]> {
    Ok([
        suite.balance(who, &pool.assets[0])?,
        suite.balance(who, &pool.assets[1])?,
        suite.balance(who, &pool.lp_token)?,
    ])
}

/// The swap event of a successful swap.
pub fn swap_event(
    t: u64,
    who: &str,
    pool: &AmmPoolPlan,
    offer: usize,
    swap: &SwapResponse,
) -> AmmEventRecord {
    let mut amounts_in = [Uint128::zero(); 2];
    let mut amounts_out = [Uint128::zero(); 2];
    let mut fee = [Uint128::zero(); 2];
    amounts_in[offer] = swap.amount_in;
    amounts_out[1 - offer] = swap.amount_out;
    fee[offer] = swap.fee;
    AmmEventRecord {
        t,
        actor: who.to_string(),
        action: "swap".to_string(),
        pool: pool.name.clone(),
        amounts_in,
        amounts_out,
        lp: Uint128::zero(),
        fee,
        detail: None,
    }
}

/// Price of `assets[0]` in `assets[1]`, display units: `(b1 / 10^d1 / w1) / (b0 / 10^d0 / w0)
/// = b1 * w0 * 10^d0 / (b0 * w1 * 10^d1)`, rounded down. `None` for an empty pool.
pub fn display_price(
    reserves: [u128; 2],
    weights: [u64; 2],
    decimals: [u8; 2],
) -> Option<Decimal256> {
    let ten = |d: u8| Uint256::from(10u8).checked_pow(d as u32).ok();
    let numerator = Uint256::from(reserves[1])
        .checked_mul(Uint256::from(weights[0]))
        .ok()?
        .checked_mul(ten(decimals[0])?)
        .ok()?;
    let denominator = Uint256::from(reserves[0])
        .checked_mul(Uint256::from(weights[1]))
        .ok()?
        .checked_mul(ten(decimals[1])?)
        .ok()?;
    // `checked_from_ratio` rounds down.
    Decimal256::checked_from_ratio(numerator, denominator).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_prices() {
        // 80/20 ALY/FUSD, both 6 decimals, 1.6M ALY and 100k FUSD:
        // (100_000 / 0.2) / (1_600_000 / 0.8) = 500_000 / 2_000_000 = 0.25 FUSD per ALY.
        let p = display_price([1_600_000_000_000, 100_000_000_000], [80, 20], [6, 6]);
        assert_eq!(p, Some(Decimal256::percent(25)));
        // 50/50 WFUSE (18 decimals) / FUSD (6): 4M WFUSE and 200k FUSD: 0.05 FUSD per WFUSE.
        let wfuse = 4_000_000 * 10u128.pow(18);
        let p = display_price([wfuse, 200_000_000_000], [50, 50], [18, 6]);
        assert_eq!(p, Some(Decimal256::permille(50)));
        // 1 / 3 rounds down at the 18th decimal.
        let p = display_price([3, 1], [50, 50], [0, 0]).unwrap();
        assert_eq!(p.atomics(), Uint256::from(333_333_333_333_333_333u128));
        assert_eq!(display_price([0, 1], [50, 50], [0, 0]), None);
    }
}
