//! The gauge controller's rows: a first vote, a changed vote after the vote delay, and a
//! gauge `Checkpoint` after 1 and after 50 idle weeks, each crossing one scheduled slope
//! change per week boundary. Every vote queries the escrow for the voter's slope (`UserSlope`),
//! which runs in the escrow's wasm and is part of the row.
//!
//! Timeline (B_k is the k-th week boundary after the start, t0):
//! - t0: one gauge type (weight 1) and the measured gauge, both from B_1; `voter-k` locks
//!   until B_(k+3) for k = 1..=51 and gives the gauge all its slope;
//! - a block later: alice (two-year lock) votes 50% for the gauge (first vote);
//! - the vote delay (10 days) later, in the week starting at B_2, after an unmeasured
//!   checkpoint brings the lines to B_3: alice changes her vote to 80%;
//! - a week later: `Checkpoint` walks the gauge and type lines from B_3 across B_4 (voter-1's
//!   slope leaves);
//! - 50 weeks later: it walks them across B_5..=B_54 (voter-2..=voter-51 leave, one per week).
use std::rc::Rc;

use anyhow::{ensure, Result};
use cosmwasm_std::{Addr, BlockInfo, Uint128};
use cosmwasm_vm::testing::MockApi;
use trellis_types::farm::gauge_id;
use trellis_types::gauge_controller::{
    ConfigResponse, ExecuteMsg, InstantiateMsg, QueryMsg, UserVoteResponse, WeightResponse,
};
use trellis_types::voting_escrow::WEEK;

use crate::ve::escrow::Escrow;
use crate::ve::params::{
    boundaries_crossed, boundary, week_start, BLOCKS_PER_WEEK, BLOCK_SECONDS, LOCK_AMOUNT,
    LONG_IDLE_WEEKS, SHORT_IDLE_WEEKS, YEAR_SECONDS,
};
use crate::ve::report::VeRow;
use crate::ve::world::{Tx, World};
use crate::vm::Code;

/// Voters whose locks end one per boundary the two checkpoints cross (B_4..=B_54).
const VOTERS: u64 = SHORT_IDLE_WEEKS + LONG_IDLE_WEEKS;
const FIRST_VOTE_BPS: u16 = 5_000;
const CHANGED_VOTE_BPS: u16 = 8_000;

struct Controller {
    address: Addr,
    owner: String,
    gauge: String,
}

impl Controller {
    fn deploy(world: &World, code: &Rc<Code>, api: &MockApi, escrow: &Escrow) -> Result<Self> {
        let address = Addr::unchecked(api.addr_make("gauge-controller"));
        let owner = api.addr_make("gauge-owner");
        let msg = InstantiateMsg {
            owner: owner.clone(),
            voting_escrow: escrow.address.to_string(),
            vote_delay: None,
        };
        world.instantiate(code, "gauge_controller", &address, &owner, &msg)?;
        // A farm pool's gauge id, as a gauge-split farm names it.
        let gauge = gauge_id(&api.addr_make("farm"), 1);
        let c = Controller {
            address,
            owner,
            gauge,
        };
        c.exec(
            world,
            &c.owner,
            &ExecuteMsg::AddType {
                name: "lp".to_string(),
                weight: Uint128::one(),
            },
        )?;
        c.exec(
            world,
            &c.owner,
            &ExecuteMsg::AddGauge {
                gauge: c.gauge.clone(),
                gauge_type: 0,
                cap: None,
            },
        )?;
        Ok(c)
    }

    fn exec(&self, world: &World, sender: &str, msg: &ExecuteMsg) -> Result<Tx> {
        world.execute(&self.address, sender, &[], msg)
    }

    fn vote(&self, world: &World, voter: &str, weight_bps: u16) -> Result<Tx> {
        let tx = self.exec(
            world,
            voter,
            &ExecuteMsg::VoteForGaugeWeights {
                gauge: self.gauge.clone(),
                weight_bps,
            },
        )?;
        let vote: UserVoteResponse = world.query(
            &self.address,
            &QueryMsg::UserVote {
                user: voter.to_string(),
                gauge: self.gauge.clone(),
            },
        )?;
        ensure!(
            vote.weight_bps == weight_bps && !vote.slope.is_zero(),
            "{voter}'s vote holds {} bps (slope {}), expected {weight_bps}",
            vote.weight_bps,
            vote.slope
        );
        Ok(tx)
    }

    /// `Checkpoint { gauge }` after `weeks` idle weeks; it must reach the next week.
    fn idle_checkpoint(&self, world: &World, caller: &str, weeks: u64) -> Result<Tx> {
        let before = world.now();
        world.advance(weeks * BLOCKS_PER_WEEK, weeks * WEEK);
        let crossed = boundaries_crossed(before, world.now());
        ensure!(
            crossed == weeks,
            "{weeks} idle weeks crossed {crossed} boundaries"
        );
        let tx = self.exec(
            world,
            caller,
            &ExecuteMsg::Checkpoint {
                gauge: Some(self.gauge.clone()),
            },
        )?;
        ensure!(
            tx.attribute("reached")? == "true",
            "the gauge checkpoint after {weeks} weeks did not reach the next week"
        );
        Ok(tx)
    }
}

pub fn measure_gauge_ops(
    escrow_code: &Rc<Code>,
    controller_code: &Rc<Code>,
    block: &BlockInfo,
) -> Result<Vec<VeRow>> {
    let api = MockApi::default();
    let world = World::new(block.clone());
    let escrow = Escrow::deploy(&world, escrow_code, &api)?;
    let controller = Controller::deploy(&world, controller_code, &api, &escrow)?;
    let t0 = world.now();
    let alice = api.addr_make("alice");
    let keeper = api.addr_make("keeper");

    for k in 1..=VOTERS {
        let voter = api.addr_make(&format!("voter-{k}"));
        escrow.create_lock(&world, &voter, LOCK_AMOUNT, boundary(t0, k + 3))?;
        controller.vote(&world, &voter, 10_000)?;
    }
    escrow.create_lock(&world, &alice, LOCK_AMOUNT, t0 + 2 * YEAR_SECONDS)?;

    let mut rows = Vec::new();
    world.advance(1, BLOCK_SECONDS);
    let tx = controller.vote(&world, &alice, FIRST_VOTE_BPS)?;
    rows.push(VeRow::new(
        "vote_first",
        format!(
            "first vote, {}% of the slope, lines current; escrow UserSlope queried",
            FIRST_VOTE_BPS / 100
        ),
        tx.calls,
    ));

    let config: ConfigResponse = world.query(&controller.address, &QueryMsg::Config {})?;
    world.advance(config.vote_delay / BLOCK_SECONDS, config.vote_delay);
    controller.exec(
        &world,
        &keeper,
        &ExecuteMsg::Checkpoint {
            gauge: Some(controller.gauge.clone()),
        },
    )?;
    let tx = controller.vote(&world, &alice, CHANGED_VOTE_BPS)?;
    rows.push(VeRow::new(
        "vote_changed",
        format!(
            "change {}% -> {}% after the {}-day delay (old vote taken out, lines current)",
            FIRST_VOTE_BPS / 100,
            CHANGED_VOTE_BPS / 100,
            config.vote_delay / 86_400
        ),
        tx.calls,
    ));
    // The lines now stand at the next week, B_3 (the 10-day delay ends in B_2's week).
    ensure!(
        week_start(world.now()) == boundary(t0, 2),
        "the changed vote is not in the week starting at B_2"
    );

    let tx = controller.idle_checkpoint(&world, &keeper, SHORT_IDLE_WEEKS)?;
    rows.push(VeRow::new(
        "checkpoint_gauge_idle_1_week",
        "gauge Checkpoint after 1 idle week: gauge and type lines, 1 boundary, \
         1 slope change each",
        tx.calls,
    ));

    let tx = controller.idle_checkpoint(&world, &keeper, LONG_IDLE_WEEKS)?;
    // Every voter's lock has ended; the gauge weighs alice's vote alone:
    // slope x (end - next week).
    let vote: UserVoteResponse = world.query(
        &controller.address,
        &QueryMsg::UserVote {
            user: alice.clone(),
            gauge: controller.gauge.clone(),
        },
    )?;
    let next_week = boundary(world.now(), 1);
    let weight: WeightResponse = world.query(
        &controller.address,
        &QueryMsg::GaugeWeight {
            gauge: controller.gauge.clone(),
            time: Some(next_week),
        },
    )?;
    let expected = vote.slope.u128() * u128::from(vote.end - next_week);
    ensure!(
        weight.weight.u128() == expected,
        "gauge weight {} after 50 weeks, expected alice's {expected}",
        weight.weight
    );
    rows.push(VeRow::new(
        "checkpoint_gauge_idle_50_weeks",
        format!(
            "gauge Checkpoint after {LONG_IDLE_WEEKS} idle weeks: gauge and type lines, \
             {LONG_IDLE_WEEKS} boundaries, {LONG_IDLE_WEEKS} slope changes each (one voter's \
             lock ending per week)"
        ),
        tx.calls,
    ));
    Ok(rows)
}
