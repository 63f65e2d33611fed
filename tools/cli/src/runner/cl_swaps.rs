//! CL traders' swaps: exact-in sales, and moves of the price to a target paid from the
//! trader's balance (the whole balance of the asset sold is offered with the target as price
//! limit; the pool takes what reaching it costs and refunds the rest). A scripted swap that
//! fails or falls short stops the run; a random turn that fails is logged as `swap_failed`,
//! one with nothing to sell as `swap_skipped`, and the run goes on. Every swap's amounts are
//! measured on the trader's balances and compared with the pool's report.
use anyhow::{bail, Result};
use cosmwasm_std::{Uint128, Uint256};
use trellis_math::cl::{sqrt_price_at_tick, MAX_TICK, MIN_TICK};
use trellis_testing::ClSwapOptions;
use trellis_types::cl_pool::SwapResponse;

use super::deploy::World;
use crate::model::cl::ClEventRecord;
use crate::scenario::cl_plan::{ClSwapKind, ClSwapPlan, ClTraderKind};
use crate::scenario::plan::Plan;

/// A swap event of trader `trader` in pool `pool`, nothing moved yet.
fn event(
    world: &World,
    plan: &Plan,
    t: u64,
    trader: usize,
    pool: usize,
    action: &str,
) -> ClEventRecord {
    let tick = world.cl.pool_books[pool].tick;
    ClEventRecord {
        t,
        actor: plan.cl.traders[trader].name.clone(),
        action: action.to_string(),
        pool: plan.cl.pools[pool].name.clone(),
        position: None,
        amounts_in: [Uint128::zero(); 2],
        amounts_out: [Uint128::zero(); 2],
        liquidity: Uint128::zero(),
        fees: [Uint128::zero(); 2],
        tick_before: tick,
        tick_after: tick,
        ticks_crossed: 0,
        detail: None,
        settlement: false,
    }
}

fn trader_balances(world: &World, name: &str, pool: usize) -> Result<[u128; 2]> {
    let assets = &world.cl.pools[pool].assets;
    Ok([
        world.suite.balance(name, &assets[0])?,
        world.suite.balance(name, &assets[1])?,
    ])
}

/// Sells `amount` of asset `offer` of `pool` with `options`, books it and logs it.
/// `options`' price limit is the target of a move; a swap stopping short of it, or an exact-in
/// swap stopped by the pool's tick bound, says so in the log.
fn sell(
    world: &mut World,
    plan: &Plan,
    t: u64,
    (trader, pool, offer): (usize, usize, usize),
    amount: u128,
    options: ClSwapOptions,
) -> Result<SwapResponse> {
    let name = plan.cl.traders[trader].name.as_str();
    let before = trader_balances(world, name, pool)?;
    let handle = world.cl.pools[pool].clone();
    let limit = options.sqrt_price_limit;
    let done =
        world
            .suite
            .cl_swap_exact_in_with(name, &handle, &handle.assets[offer], amount, options)?;
    let after = trader_balances(world, name, pool)?;
    let ask = 1 - offer;
    let paid = before[offer].saturating_sub(after[offer]);
    let received = after[ask].saturating_sub(before[ask]);
    let mut record = event(world, plan, t, trader, pool, "swap");
    let cl = &mut world.cl;
    if (paid, received) != (done.amount_in.u128(), done.amount_out.u128()) {
        cl.violations.push(format!(
            "{name} at {t} s in CL pool \"{}\": the pool reported {} in and {} out, the balances moved by {paid} and {received}",
            plan.cl.pools[pool].name, done.amount_in, done.amount_out
        ));
    }
    let books = &mut cl.pool_books[pool];
    books.traded_in[offer] += paid;
    books.traded_out[ask] += received;
    books.swaps += 1;
    books.ticks_crossed += done.ticks_crossed as u64;
    books.volume[offer] += done.amount_in.u128();
    books.fees[offer] += done.fee.u128();
    books.protocol_fees[offer] += done.protocol_fee.u128();
    // One step per initialized tick crossed, plus the one that ends the swap.
    let steps = done.ticks_crossed as u64 + 1;
    books.rounding.swap_steps += steps;
    books.rounding.swap_steps_selling[offer] += steps;
    books.tick = done.tick_after;
    record.amounts_in[offer] = Uint128::new(paid);
    record.amounts_out[ask] = Uint128::new(received);
    record.fees[offer] = done.fee;
    record.tick_after = done.tick_after;
    record.ticks_crossed = done.ticks_crossed;
    record.detail = match limit {
        Some(target) if done.sqrt_price_after != target => {
            Some("stopped short of the target (balance or tick bound)".to_string())
        }
        Some(_) => None,
        None if done.partial_fill => {
            Some("stopped at the tick bound, the rest refunded".to_string())
        }
        None => None,
    };
    cl.events.push(record);
    Ok(done)
}

/// What moving `pool`'s price to `target` sells: asset 0 to go down, 1 to go up (`None` when
/// the price is already there), with the trader's whole balance of it.
fn towards(
    world: &World,
    plan: &Plan,
    trader: usize,
    pool: usize,
    target: Uint256,
) -> Result<Option<(usize, u128)>> {
    let current = world.suite.cl_pool_state(&world.cl.pools[pool])?.sqrt_price;
    let offer = match target.cmp(&current) {
        std::cmp::Ordering::Less => 0,
        std::cmp::Ordering::Greater => 1,
        std::cmp::Ordering::Equal => return Ok(None),
    };
    let name = &plan.cl.traders[trader].name;
    let balance = world
        .suite
        .balance(name, &world.cl.pools[pool].assets[offer])?;
    Ok(Some((offer, balance)))
}

/// A scripted swap of trader `trader`.
pub fn scripted(
    world: &mut World,
    plan: &Plan,
    t: u64,
    trader: usize,
    swap: &ClSwapPlan,
) -> Result<()> {
    match swap.kind {
        ClSwapKind::ExactIn {
            offer,
            amount,
            min_out,
        } => {
            let options = ClSwapOptions {
                min_out,
                ..ClSwapOptions::default()
            };
            sell(world, plan, t, (trader, swap.pool, offer), amount, options)?;
        }
        ClSwapKind::ToSqrtPrice { sqrt_price } => {
            let Some((offer, balance)) = towards(world, plan, trader, swap.pool, sqrt_price)?
            else {
                bail!("the price is already there");
            };
            let handle = &world.cl.pools[swap.pool];
            let asset = &handle.assets[offer];
            if balance == 0 {
                bail!("the trader holds no {asset} to move the price");
            }
            // Refused before anything moves when the balance cannot reach the target.
            let simulated =
                world
                    .suite
                    .cl_simulate_swap_exact_in(handle, asset, balance, Some(sqrt_price))?;
            if simulated.sqrt_price_after != sqrt_price {
                bail!(
                    "selling all {balance} {asset} stops at tick {}, short of the target",
                    simulated.tick_after
                );
            }
            let options = ClSwapOptions::default().sqrt_price_limit(sqrt_price);
            sell(world, plan, t, (trader, swap.pool, offer), balance, options)?;
        }
    }
    Ok(())
}

/// One turn of a random CL trader: three draws (pool, direction, distance in ticks), always
/// all three so that a skipped turn does not shift the next ones. The target is the current
/// tick moved by the distance, kept strictly inside the tick range.
pub fn random(world: &mut World, plan: &Plan, t: u64, trader: usize) -> Result<()> {
    let ClTraderKind::Random(r) = &plan.cl.traders[trader].kind else {
        unreachable!("random turns belong to random CL traders")
    };
    let rng = world.cl.rngs[trader]
        .as_mut()
        .expect("random CL traders have a generator");
    let pool = r.pools[rng.below(r.pools.len() as u64) as usize];
    let up = rng.below(2) == 1;
    let distance = 1 + rng.below(r.max_ticks as u64) as i64;
    let tick = world.cl.pool_books[pool].tick as i64;
    let target = if up { tick + distance } else { tick - distance };
    let target = target.clamp(MIN_TICK as i64 + 1, MAX_TICK as i64 - 1) as i32;
    let sqrt_price = sqrt_price_at_tick(target)?;
    let not_done = |world: &mut World, action: &str, why: String| {
        let mut record = event(world, plan, t, trader, pool, action);
        record.detail = Some(why);
        world.cl.events.push(record);
    };
    let Some((offer, balance)) = towards(world, plan, trader, pool, sqrt_price)? else {
        not_done(world, "swap_skipped", format!("already at tick {target}"));
        return Ok(());
    };
    if balance == 0 {
        let asset = world.cl.pools[pool].assets[offer].to_string();
        not_done(
            world,
            "swap_skipped",
            format!("holds no {asset} to move to tick {target}"),
        );
        return Ok(());
    }
    let options = ClSwapOptions::default().sqrt_price_limit(sqrt_price);
    if let Err(e) = sell(world, plan, t, (trader, pool, offer), balance, options) {
        not_done(
            world,
            "swap_failed",
            format!("moving to tick {target}: {}", e.root_cause()),
        );
    }
    Ok(())
}
