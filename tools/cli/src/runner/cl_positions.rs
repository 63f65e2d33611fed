//! A CL position's life on the chain: mint (the deposit measured on the owner's balances),
//! partial decreases (credited to tokens owed), and the close: everything decreased, collected
//! (split into decreased liquidity and fees by the books) and the NFT burned.
use anyhow::{bail, Context, Result};
use cosmwasm_std::Uint128;
use trellis_types::cl_pool::AddAmounts;

use super::cl_books::ClWorld;
use super::cl_fees;
use super::deploy::World;
use crate::model::cl::{ClEventRecord, ClPositionStatus};
use crate::scenario::plan::Plan;

const BPS: u128 = 10_000;

/// An event of position `i` with nothing moved yet.
pub fn event(cl: &ClWorld, plan: &Plan, t: u64, i: usize, action: &str) -> ClEventRecord {
    let p = &plan.cl.positions[i];
    let tick = cl.pool_books[p.pool].tick;
    ClEventRecord {
        t,
        actor: p.owner.clone(),
        action: action.to_string(),
        pool: plan.cl.pools[p.pool].name.clone(),
        position: Some(p.name.clone()),
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

/// The owner's balances of the position's pool assets.
fn owner_balances(world: &World, plan: &Plan, i: usize) -> Result<[u128; 2]> {
    let p = &plan.cl.positions[i];
    let pool = &world.cl.pools[p.pool];
    Ok([
        world.suite.balance(&p.owner, &pool.assets[0])?,
        world.suite.balance(&p.owner, &pool.assets[1])?,
    ])
}

/// `after - before` per side, refusing a balance that moved the wrong way.
fn gained(before: [u128; 2], after: [u128; 2], what: &str) -> Result<[u128; 2]> {
    let side = |k: usize| {
        after[k].checked_sub(before[k]).with_context(|| {
            format!(
                "{what}: the balance fell from {} to {}",
                before[k], after[k]
            )
        })
    };
    Ok([side(0)?, side(1)?])
}

/// Mints position `i` with its amounts as the desired ones (no minimums).
pub fn open(world: &mut World, plan: &Plan, t: u64, i: usize) -> Result<()> {
    let p = &plan.cl.positions[i];
    let before = owner_balances(world, plan, i)?;
    let amounts = AddAmounts {
        desired: p.amounts.map(Uint128::new),
        min: [Uint128::zero(); 2],
    };
    let pool = world.cl.pools[p.pool].clone();
    let minted = world.suite.cl_mint_with(
        &p.owner,
        &pool,
        p.lower_tick,
        p.upper_tick,
        amounts,
        None,
        None,
    )?;
    let after = owner_balances(world, plan, i)?;
    let paid = gained(after, before, "minting")?;
    let cl = &mut world.cl;
    if paid != minted.amounts.map(|a| a.u128()) {
        cl.violations.push(format!(
            "CL position \"{}\": the mint reported {:?} paid in, the owner's balances fell by {paid:?}",
            p.name, minted.amounts
        ));
    }
    let books = &mut cl.positions[i];
    books.token_id = Some(minted.token_id.clone());
    books.status = ClPositionStatus::Open;
    books.liquidity = minted.liquidity.u128();
    books.deposited = [0, 1].map(|k| books.deposited[k] + paid[k]);
    let pool_books = &mut cl.pool_books[p.pool];
    pool_books.deposits = [0, 1].map(|k| pool_books.deposits[k] + paid[k]);
    pool_books.rounding.mints += 1;
    let mut record = event(cl, plan, t, i, "mint");
    record.amounts_in = paid.map(Uint128::new);
    record.liquidity = minted.liquidity;
    record.detail = Some(format!("token id {}", minted.token_id));
    cl.events.push(record);
    Ok(())
}

/// Removes `share_bps` of position `i`'s liquidity (rounded down); the amounts are credited
/// to its tokens owed.
pub fn decrease(world: &mut World, plan: &Plan, t: u64, i: usize, share_bps: u16) -> Result<()> {
    let p = &plan.cl.positions[i];
    let books = &world.cl.positions[i];
    let Some(token_id) = books.token_id.clone() else {
        bail!("position \"{}\" is not open", p.name);
    };
    let removed = books.liquidity * share_bps as u128 / BPS;
    if removed == 0 {
        let mut record = event(&world.cl, plan, t, i, "decrease_skipped");
        record.detail = Some(format!(
            "{share_bps} bps of liquidity {} rounds to 0",
            books.liquidity
        ));
        world.cl.events.push(record);
        return Ok(());
    }
    let pool = world.cl.pools[p.pool].clone();
    let done = world
        .suite
        .cl_decrease_liquidity(&p.owner, &pool, &token_id, removed)?;
    let credited = done.amounts.map(|a| a.u128());
    let cl = &mut world.cl;
    let books = &mut cl.positions[i];
    books.liquidity -= removed;
    books.principal_owed = [0, 1].map(|k| books.principal_owed[k] + credited[k]);
    let rounding = &mut cl.pool_books[p.pool].rounding;
    rounding.decreases += 1;
    // The decrease first credits the fees earned since the last update.
    rounding.fee_credits += 1;
    let mut record = event(cl, plan, t, i, "decrease");
    record.amounts_out = done.amounts;
    record.liquidity = Uint128::new(removed);
    cl.events.push(record);
    Ok(())
}

/// Collects everything position `i` is owed (nothing happens when it is owed nothing: the
/// pool refuses an empty collect). The decreased liquidity owed comes first, the rest is fees.
pub fn collect(world: &mut World, plan: &Plan, t: u64, i: usize) -> Result<()> {
    let p = &plan.cl.positions[i];
    let Some(token_id) = world.cl.positions[i].token_id.clone() else {
        bail!("position \"{}\" is not open", p.name);
    };
    let pool = world.cl.pools[p.pool].clone();
    let position = world.suite.cl_position(&pool, &token_id)?;
    let state = world.suite.cl_pool_state(&pool)?;
    let pending = cl_fees::uncollected(&world.suite, &pool, &state, &position)?;
    let owed = [0, 1].map(|k| position.tokens_owed[k].u128() + pending[k]);
    if owed == [0, 0] {
        return Ok(());
    }
    let before = owner_balances(world, plan, i)?;
    world.suite.cl_collect(&p.owner, &pool, &token_id)?;
    let received = gained(before, owner_balances(world, plan, i)?, "collecting")?;
    let cl = &mut world.cl;
    if received != owed {
        cl.violations.push(format!(
            "CL position \"{}\" at {t} s: collect paid {received:?}, its tokens owed and fees since its last update were {owed:?}",
            p.name
        ));
    }
    if position.liquidity.u128() > 0 {
        // The collect's update credits the fees earned since the last one.
        cl.pool_books[p.pool].rounding.fee_credits += 1;
    }
    let books = &mut cl.positions[i];
    let principal = [0, 1].map(|k| books.principal_owed[k].min(received[k]));
    if principal != books.principal_owed {
        cl.violations.push(format!(
            "CL position \"{}\" at {t} s: collect paid {received:?}, less than the decreased liquidity owed {:?}",
            p.name, books.principal_owed
        ));
    }
    let fees = [0, 1].map(|k| received[k] - principal[k]);
    books.principal_owed = [0; 2];
    books.withdrawn = [0, 1].map(|k| books.withdrawn[k] + principal[k]);
    books.fees_collected = [0, 1].map(|k| books.fees_collected[k] + fees[k]);
    let pool_books = &mut cl.pool_books[p.pool];
    pool_books.withdrawn = [0, 1].map(|k| pool_books.withdrawn[k] + principal[k]);
    pool_books.fees_collected = [0, 1].map(|k| pool_books.fees_collected[k] + fees[k]);
    let mut record = event(cl, plan, t, i, "collect");
    record.amounts_out = received.map(Uint128::new);
    record.fees = fees.map(Uint128::new);
    cl.events.push(record);
    Ok(())
}

/// Closes position `i`: removes all its liquidity, collects everything and burns its NFT.
pub fn close(world: &mut World, plan: &Plan, t: u64, i: usize) -> Result<()> {
    if world.cl.positions[i].liquidity > 0 {
        decrease(world, plan, t, i, BPS as u16)?;
    }
    collect(world, plan, t, i)?;
    let p = &plan.cl.positions[i];
    let token_id = world.cl.positions[i]
        .token_id
        .clone()
        .context("an open position has a token id")?;
    let pool = world.cl.pools[p.pool].clone();
    world.suite.cl_burn(&p.owner, &pool, &token_id)?;
    world.cl.positions[i].status = ClPositionStatus::Closed;
    let record = event(&world.cl, plan, t, i, "burn");
    world.cl.events.push(record);
    Ok(())
}
