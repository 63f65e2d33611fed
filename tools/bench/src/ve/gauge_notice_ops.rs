//! The escrow's lock-change notice into a gauge-split farm. A notice may refresh up to
//! `MAX_REFRESH_POOLS` boosted positions; in a gauge-split farm each pool that has not settled
//! since the last week boundary would need the controller's weight for every week it crossed,
//! so the farm's notice never asks: it refreshes the pools whose current week is cached and
//! leaves the others whole (`behind`). The rows show the notice costs the same after 1 and
//! after 50 idle weeks, and what refreshing all ten costs.
//!
//! Timeline (t0 the start): escrow, controller (one gauge type), a gauge-split farm (time
//! clock, constant rate, native reserve) with `MAX_REFRESH_POOLS` Curve-boosted pools whose
//! gauges are registered first; `multi` locks for 4 years and stakes in every pool, `other`
//! too. A block later `other` claims every pool (each caches its week's weight), then:
//! - `multi` adds to its lock: the notice refreshes all ten positions;
//! - a week later (no pool touched) it adds again: all ten are behind, none refreshed;
//! - 50 weeks later again: the same.
use std::rc::Rc;

use anyhow::{ensure, Result};
use cosmwasm_std::{Addr, BlockInfo, Coin, Uint128};
use cosmwasm_vm::testing::MockApi;
use trellis_math::boost::CURVE_TOKENLESS_SHARE_PCT;
use trellis_types::farm::{
    gauge_id, AllocationPolicy, Clock, Curve, EmissionSplit, ExecuteMsg, InstantiateMsg, PoolKind,
    PositionResponse, QueryMsg, RewardSource, Schedule,
};
use trellis_types::gauge_controller::{
    ExecuteMsg as ControllerMsg, InstantiateMsg as ControllerInit,
};
use trellis_types::voting_escrow::WEEK;
use trellis_types::AssetInfo;

use crate::ve::boost_ops::{lock_change, MAX_REFRESH_POOLS};
use crate::ve::escrow::Escrow;
use crate::ve::params::{
    BLOCKS_PER_WEEK, BLOCK_SECONDS, LOCK_AMOUNT, LONG_IDLE_WEEKS, MAX_LOCK_SECONDS,
    SHORT_IDLE_WEEKS,
};
use crate::ve::report::VeRow;
use crate::ve::world::World;
use crate::vm::Code;

const PROTOCOL_DENOM: &str = "utrls";
const STAKE: u128 = 1_000_000_000;
const RATE: u128 = 1_000_000_000;
const FUND: u128 = 1_000_000_000_000_000_000;

fn pool_denom(pool: u64) -> String {
    format!("ulp-g{pool}")
}

/// Escrow, controller and gauge-split farm, wired; returns the farm's address.
fn deploy(
    world: &World,
    api: &MockApi,
    escrow: &Escrow,
    controller_code: &Rc<Code>,
    farm_code: &Rc<Code>,
) -> Result<Addr> {
    let controller = Addr::unchecked(api.addr_make("notice-controller"));
    let owner = api.addr_make("notice-owner");
    world.instantiate(
        controller_code,
        "gauge_controller",
        &controller,
        &owner,
        &ControllerInit {
            owner: owner.clone(),
            voting_escrow: escrow.address.to_string(),
            vote_delay: None,
        },
    )?;
    world.execute(
        &controller,
        &owner,
        &[],
        &ControllerMsg::AddType {
            name: "lp".to_string(),
            weight: Uint128::one(),
        },
    )?;
    let farm = Addr::unchecked(api.addr_make("gauge-split-farm"));
    world.instantiate(
        farm_code,
        "farm",
        &farm,
        &owner,
        &InstantiateMsg {
            owner: owner.clone(),
            clock: Clock::Time,
            schedule: Schedule {
                start: world.now(),
                end: None,
                curve: Curve::Constant {
                    rate: Uint128::new(RATE),
                },
            },
            reward: RewardSource::Reserve {
                asset: AssetInfo::native(PROTOCOL_DENOM),
            },
            policy: AllocationPolicy {
                protocol_token: AssetInfo::native(PROTOCOL_DENOM),
                max_solo_share_bps: 1_000,
                native_pairs_outweigh: true,
            },
            lp_factory: None,
            voting_escrow: Some(escrow.address.to_string()),
            split: Some(EmissionSplit::Gauges {
                controller: controller.to_string(),
            }),
        },
    )?;
    world.execute(
        &farm,
        &owner,
        &[Coin::new(FUND, PROTOCOL_DENOM)],
        &ExecuteMsg::Fund {},
    )?;
    for pool_id in 0..MAX_REFRESH_POOLS {
        world.execute(
            &controller,
            &owner,
            &[],
            &ControllerMsg::AddGauge {
                gauge: gauge_id(farm.as_str(), pool_id),
                gauge_type: 0,
                cap: None,
            },
        )?;
        world.execute(
            &farm,
            &owner,
            &[],
            &ExecuteMsg::AddPool {
                staking: AssetInfo::native(pool_denom(pool_id)),
                kind: PoolKind::Lp {
                    pair: [
                        AssetInfo::native(PROTOCOL_DENOM),
                        AssetInfo::native(format!("uquote-g{pool_id}")),
                    ],
                },
                weight: 0,
                tokenless_share_pct: Some(CURVE_TOKENLESS_SHARE_PCT),
            },
        )?;
    }
    escrow.add_listener(world, &farm)?;
    Ok(farm)
}

/// `multi`'s working balance in every pool.
fn workings(world: &World, farm: &Addr, multi: &str) -> Result<Vec<Uint128>> {
    (0..MAX_REFRESH_POOLS)
        .map(|pool_id| {
            let p: PositionResponse = world.query(
                farm,
                &QueryMsg::Position {
                    pool_id,
                    user: multi.to_string(),
                },
            )?;
            Ok(p.working)
        })
        .collect()
}

/// `multi`'s lock change and the farm's notice; checks that every position was refreshed
/// (its boost follows the larger lock) or that none was.
fn notice_row(
    world: &World,
    escrow: &Escrow,
    farm: &Addr,
    multi: &str,
    op: String,
    refreshed: bool,
    what: &str,
) -> Result<VeRow> {
    let before = workings(world, farm, multi)?;
    let (tx, note) = lock_change(world, escrow, multi)?;
    let after = workings(world, farm, multi)?;
    let changed = before.iter().zip(&after).filter(|(b, a)| b != a).count();
    let expected = if refreshed { before.len() } else { 0 };
    ensure!(
        changed == expected,
        "{op}: the notice changed {changed} of {} working balances, expected {expected}",
        before.len()
    );
    let queries: usize = tx
        .calls
        .iter()
        .filter(|c| c.contract == "farm")
        .map(|c| c.queries.len())
        .sum();
    Ok(VeRow::new(
        op,
        format!("{what}; the notice made {queries} queries; {note}"),
        tx.calls,
    ))
}

pub fn measure_gauge_notice_ops(
    escrow_code: &Rc<Code>,
    controller_code: &Rc<Code>,
    farm_code: &Rc<Code>,
    block: &BlockInfo,
) -> Result<Vec<VeRow>> {
    let api = MockApi::default();
    let world = World::new(block.clone());
    let escrow = Escrow::deploy(&world, escrow_code, &api)?;
    let farm = deploy(&world, &api, &escrow, controller_code, farm_code)?;
    let t0 = world.now();
    let [multi, other, whale] =
        ["notice-multi", "notice-other", "notice-whale"].map(|s| api.addr_make(s));
    // The whale holds most of the power, so multi's boost is partial and moves with its lock.
    escrow.create_lock(&world, &whale, 100 * LOCK_AMOUNT, t0 + MAX_LOCK_SECONDS)?;
    escrow.create_lock(&world, &multi, LOCK_AMOUNT, t0 + MAX_LOCK_SECONDS)?;
    for pool_id in 0..MAX_REFRESH_POOLS {
        for user in [&multi, &other] {
            world.execute(
                &farm,
                user,
                &[Coin::new(STAKE, pool_denom(pool_id))],
                &ExecuteMsg::Deposit {
                    pool_id,
                    recipient: None,
                },
            )?;
        }
    }
    world.advance(1, BLOCK_SECONDS);
    world.execute(
        &farm,
        &other,
        &[],
        &ExecuteMsg::Claim {
            pool_ids: (0..MAX_REFRESH_POOLS).collect(),
            recipient: None,
        },
    )?;

    let n = MAX_REFRESH_POOLS;
    let mut rows = vec![];
    world.advance(1, BLOCK_SECONDS);
    rows.push(notice_row(
        &world,
        &escrow,
        &farm,
        &multi,
        format!("gauge_split_notice_{n}_pools_current"),
        true,
        "IncreaseAmount + the notice into a gauge-split farm whose pools settled this week: \
         all refreshed, weights from each pool's cache",
    )?);
    for weeks in [SHORT_IDLE_WEEKS, LONG_IDLE_WEEKS] {
        world.advance(weeks * BLOCKS_PER_WEEK, weeks * WEEK);
        rows.push(notice_row(
            &world,
            &escrow,
            &farm,
            &multi,
            format!("gauge_split_notice_{n}_pools_idle_{weeks}_weeks"),
            false,
            &format!(
                "the same after {weeks} idle week(s): no controller query, every position \
                 left whole for its owner"
            ),
        )?);
    }
    Ok(rows)
}
