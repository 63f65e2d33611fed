//! A farmed position's trading fees, collected through the center (`CollectFees`: the center
//! holds the NFT and asks the pool to pay the owner). Booked like the owner's own collect in
//! the CL books: measured on the owner's balances, checked against the tokens owed and the
//! fees earned since the position's last update, the decreased liquidity owed counted first,
//! the rest as fees; logged in the CL log too.
use anyhow::{bail, Result};
use cosmwasm_std::Uint128;
use trellis_types::cl_farming::ExecuteMsg;

use super::cl_farm_chain::{balances, gained};
use super::cl_farm_entries::event;
use super::cl_fees;
use super::cl_positions;
use super::deploy::World;
use crate::scenario::plan::Plan;

/// Collects what farmed position `f` is owed; nothing when it is owed nothing (the pool
/// refuses an empty collect).
pub fn collect(world: &mut World, plan: &Plan, t: u64, f: usize) -> Result<()> {
    let i = plan.cl_farms.farmed[f].position;
    let p = &plan.cl.positions[i];
    let Some(token_id) = world.cl.positions[i].token_id.clone() else {
        bail!("CL position \"{}\" is not open", p.name);
    };
    if !world.cl_farms.deposited[f] {
        bail!(
            "the farming center does not hold CL position \"{}\"",
            p.name
        );
    }
    let pool = world.cl.pools[p.pool].clone();
    let position = world.suite.cl_position(&pool, &token_id)?;
    let state = world.suite.cl_pool_state(&pool)?;
    let pending = cl_fees::uncollected(&world.suite, &pool, &state, &position)?;
    let owed = [0, 1].map(|k| position.tokens_owed[k].u128() + pending[k]);
    if owed == [0, 0] {
        return Ok(());
    }
    let assets = [&pool.assets[0], &pool.assets[1]];
    let before = balances(&world.suite, &p.owner, &assets)?;
    let msg = ExecuteMsg::CollectFees {
        pool: pool.address.to_string(),
        token_id,
        recipient: None,
        amount_max: None,
    };
    let center = world.cl_farms.center().clone();
    world.suite.farming_exec(&p.owner, &center, &msg, &[])?;
    let after = balances(&world.suite, &p.owner, &assets)?;
    let got = gained(&before, &after, "collecting through the center")?;
    let received = [got[0], got[1]];
    let cl = &mut world.cl;
    if received != owed {
        cl.violations.push(format!(
            "CL position \"{}\" at {t} s: the center's collect paid {received:?}, its tokens owed and fees since its last update were {owed:?}",
            p.name
        ));
    }
    if position.liquidity.u128() > 0 {
        // The collect's update credits the fees earned since the last one.
        cl.pool_books[p.pool].rounding.fee_credits += 1;
    }
    let books = &mut cl.positions[i];
    let principal = [0, 1].map(|k| books.principal_owed[k].min(received[k]));
    let fees = [0, 1].map(|k| received[k] - principal[k]);
    books.principal_owed = [0, 1].map(|k| books.principal_owed[k] - principal[k]);
    books.withdrawn = [0, 1].map(|k| books.withdrawn[k] + principal[k]);
    books.fees_collected = [0, 1].map(|k| books.fees_collected[k] + fees[k]);
    let pool_books = &mut cl.pool_books[p.pool];
    pool_books.withdrawn = [0, 1].map(|k| pool_books.withdrawn[k] + principal[k]);
    pool_books.fees_collected = [0, 1].map(|k| pool_books.fees_collected[k] + fees[k]);
    let mut record = cl_positions::event(cl, plan, t, i, "collect");
    record.amounts_out = received.map(Uint128::new);
    record.fees = fees.map(Uint128::new);
    record.detail = Some("through the farming center".to_string());
    cl.events.push(record);
    let mut record = event(plan, t, f, None, "collect_fees");
    record.amounts = fees.map(Uint128::new);
    record.detail = Some("pool order (token0, token1)".to_string());
    world.cl_farms.events.push(record);
    Ok(())
}
