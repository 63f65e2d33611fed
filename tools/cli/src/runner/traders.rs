//! Traders' swaps. A scripted swap that fails stops the run (the scenario asked for it); a
//! random one that fails is logged as `swap_failed` and the run goes on (the scenario only
//! asked for random flow). A random turn with nothing to sell is logged as `swap_skipped`.
use anyhow::Result;
use cosmwasm_std::{Uint128, Uint256};

use super::amm;
use super::deploy::World;
use crate::format;
use crate::model::AmmEventRecord;
use crate::scenario::plan::{Plan, SwapPlan, TraderKind};

const BPS: u128 = 10_000;

/// A scripted exact-in swap.
pub fn scripted(
    world: &mut World,
    plan: &Plan,
    t: u64,
    name: &str,
    swap: &SwapPlan,
) -> Result<AmmEventRecord> {
    let pool = &world.amm[swap.amm_pool];
    let done = amm::swap(
        &mut world.suite,
        name,
        pool,
        swap.offer,
        swap.amount,
        swap.min_out,
    )?;
    world.amm_books[swap.amm_pool].record_swap(swap.offer, &done);
    Ok(amm::swap_event(
        t,
        name,
        &plan.amm_pools[swap.amm_pool],
        swap.offer,
        &done,
    ))
}

/// One turn of a random trader: three draws (pool, side, size in bps of the pool's balance of
/// the asset sold), always all three so that a skipped turn does not shift the next ones.
pub fn random(world: &mut World, plan: &Plan, t: u64, trader: usize) -> Result<AmmEventRecord> {
    let trader_plan = &plan.traders[trader];
    let TraderKind::Random(r) = &trader_plan.kind else {
        unreachable!("random turns belong to random traders")
    };
    let rng = world.rngs[trader]
        .as_mut()
        .expect("random traders have a generator");
    let index = r.pools[rng.below(r.pools.len() as u64) as usize];
    let offer = rng.below(2) as usize;
    let size_bps = 1 + rng.below(r.max_size_bps as u64) as u128;

    let name = trader_plan.name.as_str();
    let pool = &world.amm[index];
    let pool_plan = &plan.amm_pools[index];
    let token = &plan.tokens[pool_plan.assets[offer]];
    let reserve = world.suite.pool_reserves(pool)?[offer];
    let wanted = random_size(reserve, size_bps, pool_plan.weights, offer);
    let held = world.suite.balance(name, &pool.assets[offer])?;
    let amount = wanted.min(held);
    let not_done = |action: &str, detail: String| AmmEventRecord {
        t,
        actor: name.to_string(),
        action: action.to_string(),
        pool: pool_plan.name.clone(),
        amounts_in: [Uint128::zero(); 2],
        amounts_out: [Uint128::zero(); 2],
        lp: Uint128::zero(),
        fee: [Uint128::zero(); 2],
        detail: Some(detail),
    };
    if amount == 0 {
        let why = if held == 0 {
            format!("holds no {}", token.symbol)
        } else {
            format!("{size_bps} bps of the pool's {} rounds to 0", token.symbol)
        };
        return Ok(not_done("swap_skipped", why));
    }
    match amm::swap(&mut world.suite, name, pool, offer, amount, None) {
        Ok(done) => {
            world.amm_books[index].record_swap(offer, &done);
            Ok(amm::swap_event(t, name, pool_plan, offer, &done))
        }
        Err(e) => Ok(not_done(
            "swap_failed",
            format!(
                "selling {} {}: {}",
                format::amount(amount, token.decimals),
                token.symbol,
                e.root_cause()
            ),
        )),
    }
}

/// What a random turn sells: `size_bps` of the pool's balance of the asset sold, times
/// `w_ask / w_offer` when the asset sold has the larger weight. A pool's balances are worth
/// `w_offer : w_ask` of its value, so the same share of each side would sell 4 times more value
/// of the 80% asset than of the 20% one in an 80/20 pool and push its price down; scaled, both
/// sides sell the same value on average. Rounded down (the trader is only asked for less); at
/// most `size_bps` of the balance, so below the pool's 30% cap.
pub fn random_size(reserve: u128, size_bps: u128, weights: [u64; 2], offer: usize) -> u128 {
    let (w_offer, w_ask) = (weights[offer], weights[1 - offer]);
    let (num, den) = if w_offer > w_ask {
        (w_ask, w_offer)
    } else {
        (1, 1)
    };
    let wanted = Uint256::from(reserve) * Uint256::from(size_bps) * Uint256::from(num)
        / (Uint256::from(BPS) * Uint256::from(den));
    // wanted <= reserve, which is a u128.
    Uint128::try_from(wanted)
        .map(|w| w.u128())
        .unwrap_or(reserve)
}

#[cfg(test)]
mod tests {
    use super::random_size;

    #[test]
    fn random_sizes_balance_the_weights() {
        // 50/50: 100 bps of 1,000,000 = 10,000 either way.
        assert_eq!(random_size(1_000_000, 100, [50, 50], 0), 10_000);
        assert_eq!(random_size(1_000_000, 100, [50, 50], 1), 10_000);
        // 80/20, selling the 80% asset: 100 bps * 20/80 of 1,600,000 = 4,000 (worth 1,000 FUSD
        // at 0.25); selling the 20% asset: 100 bps of 100,000 = 1,000 FUSD. Same value.
        assert_eq!(random_size(1_600_000, 100, [80, 20], 0), 4_000);
        assert_eq!(random_size(100_000, 100, [80, 20], 1), 1_000);
        // floor(999 * 1 / 10_000) = 0: the caller skips such a turn.
        assert_eq!(random_size(999, 1, [50, 50], 0), 0);
        // No overflow although reserve * size exceeds u128: 10^38 * 2999 / 10^4 = 2999 * 10^34.
        let big = 10u128.pow(38);
        assert_eq!(random_size(big, 2_999, [50, 50], 0), 2_999 * 10u128.pow(34));
    }
}
