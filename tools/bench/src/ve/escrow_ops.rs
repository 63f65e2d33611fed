//! The voting escrow's rows: the lock operations, a withdrawal after expiry, and the
//! permissionless `Checkpoint` after 1 and after 50 idle weeks, each crossing one scheduled
//! slope change per week boundary.
//!
//! Timeline (B_k is the k-th week boundary after the start, t0):
//! - t0: `expiring` locks until B_1, `holder-k` until B_(k+1) for k = 1..=50;
//! - one block apart: alice's `CreateLock` (one year), `IncreaseAmount`, `IncreaseUnlockTime`
//!   (two years), and bob's `DepositFor` alice: the global line is current (same week), so
//!   each is the operation alone;
//! - a week later: `Checkpoint` walks across B_1 (expiring's slope leaves);
//! - a block later: expiring withdraws;
//! - 50 weeks later: `Checkpoint` walks across B_2..=B_51, one holder's slope leaving at each.
use std::rc::Rc;

use anyhow::{ensure, Result};
use cosmwasm_std::{Addr, BlockInfo, Coin};
use cosmwasm_vm::testing::MockApi;
use trellis_types::voting_escrow::{ExecuteMsg, PowerResponse, QueryMsg, WEEK};

use crate::ve::escrow::Escrow;
use crate::ve::params::{
    boundaries_crossed, boundary, BLOCKS_PER_WEEK, BLOCK_SECONDS, LOCK_AMOUNT, LOCK_DENOM,
    LONG_IDLE_WEEKS, SHORT_IDLE_WEEKS, YEAR_SECONDS,
};
use crate::ve::report::VeRow;
use crate::ve::world::{Tx, World};
use crate::vm::Code;

fn row(op: &str, description: impl Into<String>, tx: Tx) -> VeRow {
    VeRow::new(op, description, tx.calls)
}

/// `Checkpoint {}` after `weeks` idle weeks; checks it walked exactly that many boundaries
/// and caught up with now.
fn idle_checkpoint(world: &World, escrow: &Escrow, caller: &str, weeks: u64) -> Result<Tx> {
    let before = world.now();
    world.advance(weeks * BLOCKS_PER_WEEK, weeks * WEEK);
    let crossed = boundaries_crossed(before, world.now());
    ensure!(
        crossed == weeks,
        "{weeks} idle weeks crossed {crossed} boundaries"
    );
    let tx = world.execute(&escrow.address, caller, &[], &ExecuteMsg::Checkpoint {})?;
    ensure!(
        tx.attribute("weeks_walked")? == weeks.to_string() && tx.attribute("weeks_behind")? == "0",
        "checkpoint after {weeks} weeks walked {} and is {} behind",
        tx.attribute("weeks_walked")?,
        tx.attribute("weeks_behind")?
    );
    Ok(tx)
}

pub fn measure_escrow_ops(code: &Rc<Code>, block: &BlockInfo) -> Result<Vec<VeRow>> {
    let api = MockApi::default();
    let world = World::new(block.clone());
    let escrow = Escrow::deploy(&world, code, &api)?;
    let t0 = world.now();
    let alice = api.addr_make("alice");
    let bob = api.addr_make("bob");
    let expiring = api.addr_make("expiring");
    let keeper = api.addr_make("keeper");

    // One lock ending at each boundary the two checkpoints cross: B_1 for the short walk,
    // B_2..=B_51 for the long one.
    escrow.create_lock(
        &world,
        &expiring,
        LOCK_AMOUNT,
        boundary(t0, SHORT_IDLE_WEEKS),
    )?;
    for k in 1..=LONG_IDLE_WEEKS {
        let holder = api.addr_make(&format!("holder-{k}"));
        escrow.create_lock(&world, &holder, LOCK_AMOUNT, boundary(t0, k + 1))?;
    }

    let mut rows = Vec::new();
    world.advance(1, BLOCK_SECONDS);
    let tx = escrow.create_lock(&world, &alice, LOCK_AMOUNT, world.now() + YEAR_SECONDS)?;
    rows.push(row(
        "create_lock",
        format!("new one-year lock, {} locks on record", LONG_IDLE_WEEKS + 1),
        tx,
    ));

    world.advance(1, BLOCK_SECONDS);
    let tx = world.execute(
        &escrow.address,
        &alice,
        &[Coin::new(LOCK_AMOUNT, LOCK_DENOM)],
        &ExecuteMsg::IncreaseAmount {},
    )?;
    ensure!(
        escrow.lock(&world, &alice)?.amount.u128() == 2 * LOCK_AMOUNT,
        "increase_amount did not add to the lock"
    );
    rows.push(row("increase_amount", "add to an unexpired lock", tx));

    world.advance(1, BLOCK_SECONDS);
    let end_before = escrow.lock(&world, &alice)?.end;
    let tx = world.execute(
        &escrow.address,
        &alice,
        &[],
        &ExecuteMsg::IncreaseUnlockTime {
            unlock_time: world.now() + 2 * YEAR_SECONDS,
        },
    )?;
    ensure!(
        escrow.lock(&world, &alice)?.end > end_before,
        "increase_unlock_time did not move the end"
    );
    rows.push(row(
        "increase_unlock_time",
        "move a one-year lock's end to two years",
        tx,
    ));

    world.advance(1, BLOCK_SECONDS);
    let tx = world.execute(
        &escrow.address,
        &bob,
        &[Coin::new(LOCK_AMOUNT, LOCK_DENOM)],
        &ExecuteMsg::DepositFor {
            user: alice.clone(),
        },
    )?;
    ensure!(
        escrow.lock(&world, &alice)?.amount.u128() == 3 * LOCK_AMOUNT,
        "deposit_for did not add to alice's lock"
    );
    rows.push(row(
        "deposit_for",
        "a third party adds to a user's lock",
        tx,
    ));

    let tx = idle_checkpoint(&world, &escrow, &keeper, SHORT_IDLE_WEEKS)?;
    rows.push(row(
        "checkpoint_idle_1_week",
        "Checkpoint after 1 idle week: 1 boundary, 1 slope change (1 lock ending)",
        tx,
    ));

    world.advance(1, BLOCK_SECONDS);
    let tx = world.execute(&escrow.address, &expiring, &[], &ExecuteMsg::Withdraw {})?;
    ensure!(
        world.balance(&Addr::unchecked(&expiring), LOCK_DENOM) == LOCK_AMOUNT,
        "withdraw did not pay the lock back"
    );
    rows.push(row("withdraw", "take an expired lock back (bank send)", tx));

    let tx = idle_checkpoint(&world, &escrow, &keeper, LONG_IDLE_WEEKS)?;
    // Every holder's lock has ended: the total is alice's power alone.
    let total: PowerResponse =
        world.query(&escrow.address, &QueryMsg::TotalPower { time: None })?;
    let own: PowerResponse = world.query(
        &escrow.address,
        &QueryMsg::UserPower {
            user: alice.clone(),
            time: None,
        },
    )?;
    ensure!(
        total.power == own.power && !own.power.is_zero(),
        "after 50 weeks the total power {} is not alice's {}",
        total.power,
        own.power
    );
    rows.push(row(
        "checkpoint_idle_50_weeks",
        format!(
            "Checkpoint after {LONG_IDLE_WEEKS} idle weeks: {LONG_IDLE_WEEKS} boundaries, \
             {LONG_IDLE_WEEKS} slope changes ({LONG_IDLE_WEEKS} locks ending one per week)"
        ),
        tx,
    ));
    Ok(rows)
}
