//! The fee distributor's rows: `CheckpointToken` over 50 weeks and over 1 week, and `Claim`
//! walking 50 weeks (its per-call maximum) and 1 week. A checkpoint reads the total powers of
//! the weeks not yet cached in one escrow query (`TotalPowers { times }`), a claim the user's
//! powers of the weeks with fees in one (`UserPowers { user, times }`); those queries run in
//! the escrow's wasm and are part of the rows. The checkpoint reads the distributor's own bank
//! balance, which the bench's bank keeps (fees in, claims out).
//!
//! Timeline (B_k is the k-th week boundary after the start, t0):
//! - t0: distributor with one native fee token, distributing from B_1; carol and dave lock
//!   the same amount until the same end (4 years), so each holds half the power every week;
//! - B_51 + 1 day: fees arrive; `CheckpointToken` books them over [B_1, now): 50 whole weeks
//!   and one day, 51 weeks whose total power is read;
//! - a block later: dave claims the 50 complete weeks (B_1..=B_50), all with fees;
//! - carol does the same (unmeasured);
//! - a week later: fees arrive; `CheckpointToken` books them over the last week, crossing
//!   B_52 (one new total read); carol claims week B_51, the one week completed since.
use std::rc::Rc;

use anyhow::{ensure, Result};
use cosmwasm_std::{Addr, BlockInfo, Coin};
use cosmwasm_vm::testing::MockApi;
use trellis_types::fee_distributor::{
    ClaimableResponse, ExecuteMsg, InstantiateMsg, QueryMsg, UserCursorResponse,
};
use trellis_types::voting_escrow::WEEK;
use trellis_types::AssetInfo;

use crate::ve::escrow::Escrow;
use crate::ve::params::{
    boundary, BLOCKS_PER_WEEK, BLOCK_SECONDS, FEE_AMOUNT, FEE_DENOM, LOCK_AMOUNT, LONG_IDLE_WEEKS,
    MAX_LOCK_SECONDS, SHORT_IDLE_WEEKS,
};
use crate::ve::report::VeRow;
use crate::ve::world::{Tx, World};
use crate::vm::Code;

const DAY: u64 = 86_400;

struct Distributor {
    address: Addr,
}

impl Distributor {
    fn deploy(
        world: &World,
        code: &Rc<Code>,
        api: &MockApi,
        escrow: &Escrow,
        start: u64,
    ) -> Result<Self> {
        let address = Addr::unchecked(api.addr_make("fee-distributor"));
        let owner = api.addr_make("fee-owner");
        let msg = InstantiateMsg {
            owner: owner.clone(),
            voting_escrow: escrow.address.to_string(),
            tokens: vec![AssetInfo::native(FEE_DENOM)],
            start_time: start,
        };
        world.instantiate(code, "fee_distributor", &address, &owner, &msg)?;
        Ok(Distributor { address })
    }

    /// Fees arrive (a plain transfer), then anyone checkpoints; every unit must be booked.
    fn fees_and_checkpoint(&self, world: &World, caller: &str) -> Result<Tx> {
        world.transfer_in(&self.address, &[Coin::new(FEE_AMOUNT, FEE_DENOM)])?;
        let tx = world.execute(&self.address, caller, &[], &ExecuteMsg::CheckpointToken {})?;
        let key = format!("booked_native:{FEE_DENOM}");
        ensure!(
            tx.attribute(&key)? == FEE_AMOUNT.to_string(),
            "the checkpoint booked {} of {FEE_AMOUNT}",
            tx.attribute(&key)?
        );
        Ok(tx)
    }

    /// `user` claims; it must walk `weeks` weeks and be paid what `Claimable` announced.
    fn claim(&self, world: &World, user: &str, weeks: u64) -> Result<Tx> {
        let announced: ClaimableResponse = world.query(
            &self.address,
            &QueryMsg::Claimable {
                user: user.to_string(),
            },
        )?;
        let cursor: UserCursorResponse = world.query(
            &self.address,
            &QueryMsg::UserCursor {
                user: user.to_string(),
            },
        )?;
        let held = world.balance(&Addr::unchecked(user), FEE_DENOM);
        let tx = world.execute(
            &self.address,
            user,
            &[],
            &ExecuteMsg::Claim {
                user: None,
                limit_weeks: None,
            },
        )?;
        let paid = world.balance(&Addr::unchecked(user), FEE_DENOM) - held;
        let amount = announced.amounts[0].amount.u128();
        ensure!(
            paid == amount && amount > 0,
            "{user} was paid {paid}, Claimable said {amount}"
        );
        ensure!(
            announced.next_cursor == cursor.week + weeks * WEEK,
            "{user}'s claim walks {} weeks, expected {weeks}",
            (announced.next_cursor - cursor.week) / WEEK
        );
        Ok(tx)
    }
}

pub fn measure_fee_ops(
    escrow_code: &Rc<Code>,
    distributor_code: &Rc<Code>,
    block: &BlockInfo,
) -> Result<Vec<VeRow>> {
    let api = MockApi::default();
    let world = World::new(block.clone());
    let escrow = Escrow::deploy(&world, escrow_code, &api)?;
    let t0 = world.now();
    let distributor =
        Distributor::deploy(&world, distributor_code, &api, &escrow, boundary(t0, 1))?;
    let carol = api.addr_make("carol");
    let dave = api.addr_make("dave");
    let keeper = api.addr_make("keeper");
    for user in [&carol, &dave] {
        escrow.create_lock(&world, user, LOCK_AMOUNT, t0 + MAX_LOCK_SECONDS)?;
    }

    let mut rows = Vec::new();
    // To B_51 + 1 day.
    let to = boundary(t0, LONG_IDLE_WEEKS + 1) + DAY;
    world.advance((to - t0) / BLOCK_SECONDS, to - t0);
    let tx = distributor.fees_and_checkpoint(&world, &keeper)?;
    rows.push(VeRow::new(
        "checkpoint_token_50_weeks",
        format!(
            "CheckpointToken {LONG_IDLE_WEEKS} weeks and a day after the last: books {} \
             weeks, one escrow TotalPowers query for all of them",
            LONG_IDLE_WEEKS + 1
        ),
        tx.calls,
    ));

    world.advance(1, BLOCK_SECONDS);
    let tx = distributor.claim(&world, &dave, LONG_IDLE_WEEKS)?;
    rows.push(VeRow::new(
        "claim_50_weeks",
        format!(
            "Claim walking {LONG_IDLE_WEEKS} weeks with fees (the per-call maximum): one \
             escrow UserPowers query for all weeks, totals cached; bank send"
        ),
        tx.calls,
    ));
    distributor.claim(&world, &carol, LONG_IDLE_WEEKS)?;

    world.advance(BLOCKS_PER_WEEK, WEEK);
    let tx = distributor.fees_and_checkpoint(&world, &keeper)?;
    rows.push(VeRow::new(
        "checkpoint_token_1_week",
        "CheckpointToken a week after the last: 2 weeks booked, 1 week's total queried",
        tx.calls,
    ));

    world.advance(1, BLOCK_SECONDS);
    let tx = distributor.claim(&world, &carol, SHORT_IDLE_WEEKS)?;
    rows.push(VeRow::new(
        "claim_1_week",
        "Claim walking 1 week with fees: one escrow UserPowers query; bank send",
        tx.calls,
    ));
    Ok(rows)
}
