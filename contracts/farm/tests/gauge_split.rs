//! Gauge-split farms: each pool takes `(F(b) - F(a)) * relative_weight(week)` for every week
//! segment it crosses, from the fake controller's weights (`common::fakes`), so every number
//! below is the schedule times a chosen weight.
mod common;
use common::*;
use cosmwasm_std::{Decimal, Uint128};
use trellis_farm::limits::MAX_GAUGE_WEEKS_PER_SETTLE;
use trellis_farm::ContractError;
use trellis_math::ve::WEEK;
use trellis_types::farm::*;

fn constant(rate: u128) -> Schedule {
    Schedule::constant(0, Uint128::new(rate))
}

fn pct(p: u64) -> Decimal {
    Decimal::percent(p)
}

/// A gauge-split farm at `rate`/s with `pools` pools (gauges registered, weight 0).
fn farm_with_pools(rate: u128, reward: RewardSource, pools: usize) -> (Farm, Vec<String>) {
    let mut farm = Farm::gauge_split(constant(rate), reward);
    let mut gauges = vec![];
    for i in 0..pools {
        gauges.push(farm.register_gauge(i as u64));
        let denom = format!("lp{i}");
        farm.add_pool(&denom, lp(ALY, &denom), 0).unwrap();
    }
    (farm, gauges)
}

#[test]
fn pools_take_their_gauges_relative_weights_week_by_week() {
    let (mut farm, g) = farm_with_pools(1_000, mint_source(), 2);
    {
        let mut f = farm.fakes.borrow_mut();
        f.set_weight(&g[0], 0, pct(60));
        f.set_weight(&g[1], 0, pct(30));
        f.set_weight(&g[0], WEEK, pct(25));
        f.set_weight(&g[1], WEEK, pct(75));
    }
    let (alice, bob) = (addr("alice"), addr("bob"));
    farm.deposit(&alice, 0, "lp0", 100).unwrap();
    farm.deposit(&bob, 1, "lp1", 100).unwrap();

    farm.at(WEEK + 1_000);
    // Pool 0: 604800 s * 1000 * 0.60 + 1000 s * 1000 * 0.25 = 362,880,000 + 250,000.
    assert_eq!(farm.pending(&alice, 0), 363_130_000);
    // Pool 1: 604800 s * 1000 * 0.30 + 1000 s * 1000 * 0.75 = 181,440,000 + 750,000.
    assert_eq!(farm.pending(&bob, 1), 182_190_000);
    let pool = farm.pool(0);
    assert_eq!(pool.current_rate.u128(), 250, "1000/s * 0.25 this week");
    assert_eq!(pool.gauge, Some(g[0].clone()));

    farm.claim(&alice, vec![0]).unwrap();
    farm.claim(&bob, vec![1]).unwrap();
    // Only the pools' shares are emitted: the 10% of week 0 no gauge of this farm held is not.
    let t = farm.totals();
    assert_eq!(t.emitted.u128(), 363_130_000 + 182_190_000);
    assert_eq!(t.claimed, t.emitted);
    assert_eq!(t.undistributed.u128(), 0);
}

#[test]
fn the_fraction_below_one_unit_is_carried_not_lost() {
    let (mut farm, g) = farm_with_pools(1, mint_source(), 1);
    farm.fakes.borrow_mut().set_weight(&g[0], 0, pct(50));
    let alice = addr("alice");
    farm.deposit(&alice, 0, "lp0", 100).unwrap();
    // t = 1: 1 * 0.5 = 0.5 -> nothing yet, 0.5 carried.
    farm.at(1);
    farm.claim(&alice, vec![0]).unwrap();
    assert_eq!(farm.totals().emitted.u128(), 0);
    // t = 2: 0.5 + 0.5 = 1 = floor(2 s * 1 * 0.5).
    farm.at(2);
    farm.claim(&alice, vec![0]).unwrap();
    assert_eq!(farm.totals().emitted.u128(), 1);
    assert_eq!(farm.total_paid().u128(), 1);
}

#[test]
fn a_pool_idle_beyond_the_bound_is_checkpointed_first_and_weights_are_queried_once_a_week() {
    let (mut farm, g) = farm_with_pools(1_000, mint_source(), 1);
    for week in 0..60 {
        farm.fakes
            .borrow_mut()
            .set_weight(&g[0], week * WEEK, pct(50));
    }
    let alice = addr("alice");
    farm.deposit(&alice, 0, "lp0", 100).unwrap();
    let end = (MAX_GAUGE_WEEKS_PER_SETTLE + 1) * WEEK + 10;
    farm.at(end);
    // 54 week segments to walk (weeks 0..=53): more than one message may.
    farm.refuse(
        &alice,
        &[cosmwasm_std::coin(1, "lp0")],
        ExecuteMsg::Deposit {
            pool_id: 0,
            recipient: None,
        },
        ContractError::CheckpointRequired {
            pool_id: 0,
            max_weeks: MAX_GAUGE_WEEKS_PER_SETTLE,
        },
    );
    // (The refused attempt asked for 52 weeks' weights; count from here.)
    farm.fakes.borrow_mut().weight_queries = 0;
    let res = farm.checkpoint_pool(0).unwrap();
    let reached = res
        .attributes
        .iter()
        .find(|a| a.key == "reached_now")
        .unwrap();
    assert_eq!(reached.value, "false");
    farm.deposit(&alice, 0, "lp0", 1).unwrap();
    // 0.5 * 1000/s over the whole time: 500 * (53 * 604800 + 10) = 500 * 32,054,410.
    assert_eq!(farm.pending(&alice, 0), 16_027_205_000);
    // One query per week 0..=53 (52 by the checkpoint, 2 by the deposit), and none for the
    // pending query's settlement inside week 53.
    assert_eq!(farm.fakes.borrow().weight_queries, 54);
}

#[test]
fn weights_clock_and_unknown_gauges_are_refused() {
    let (mut farm, _) = farm_with_pools(1_000, mint_source(), 1);
    let owner = farm.owner.clone();
    // The next pool's gauge is not registered with the controller.
    let unregistered = gauge_id(farm.env.contract.address.as_str(), 1);
    farm.refuse(
        &owner,
        &[],
        ExecuteMsg::AddPool {
            staking: trellis_types::AssetInfo::native("lp1"),
            kind: lp(ALY, "lp1"),
            weight: 0,
            tokenless_share_pct: None,
        },
        ContractError::GaugeNotRegistered {
            gauge: unregistered,
        },
    );
    farm.register_gauge(1);
    farm.refuse(
        &owner,
        &[],
        ExecuteMsg::AddPool {
            staking: trellis_types::AssetInfo::native("lp1"),
            kind: lp(ALY, "lp1"),
            weight: 5,
            tokenless_share_pct: None,
        },
        ContractError::GaugeSplitWeight { weight: 5 },
    );
    farm.refuse(
        &owner,
        &[],
        ExecuteMsg::SetWeight {
            pool_id: 0,
            weight: 7,
        },
        ContractError::GaugeSplitWeight { weight: 7 },
    );
    let height = Farm::try_new_with(
        constant(1_000),
        mint_source(),
        policy(false),
        Clock::Height,
        true,
        true,
    );
    assert_eq!(height.err(), Some(ContractError::GaugeSplitNeedsTime));

    let mut plain = Farm::new(constant(1_000), mint_source(), policy(false));
    plain.add_pool("lp0", lp(ALY, "ufusd"), 1).unwrap();
    let anyone = addr("anyone");
    plain.refuse(
        &anyone,
        &[],
        ExecuteMsg::CheckpointPool { pool_id: 0 },
        ContractError::NotGaugeSplit,
    );
    farm.refuse(
        &anyone,
        &[],
        ExecuteMsg::CheckpointPool { pool_id: 9 },
        ContractError::UnknownPool { pool_id: 9 },
    );
}

#[test]
fn a_deactivated_gauge_pool_stops_taking_its_share() {
    let (mut farm, g) = farm_with_pools(1_000, mint_source(), 1);
    farm.fakes.borrow_mut().set_weight(&g[0], 0, pct(100));
    let alice = addr("alice");
    farm.deposit(&alice, 0, "lp0", 100).unwrap();
    farm.at(100);
    let owner = farm.owner.clone();
    farm.exec(&owner, &[], ExecuteMsg::DeactivatePool { pool_id: 0 })
        .unwrap();
    // 100 s * 1000 * 1.0 before, nothing after.
    farm.at(200);
    assert_eq!(farm.pending(&alice, 0), 100_000);
    assert_eq!(farm.pool(0).current_rate.u128(), 0);
}

#[test]
fn a_reserve_pays_shares_only_while_it_lasts() {
    let (mut farm, g) = farm_with_pools(1_000, reserve_source(), 1);
    farm.fakes.borrow_mut().set_weight(&g[0], 0, pct(100));
    farm.fund(50_000).unwrap();
    let alice = addr("alice");
    farm.deposit(&alice, 0, "lp0", 100).unwrap();
    farm.at(100);
    farm.claim(&alice, vec![0]).unwrap();
    // Share 100 s * 1000 = 100,000; the reserve holds 50,000: the rest is skipped.
    let t = farm.totals();
    assert_eq!(t.emitted.u128(), 50_000);
    assert_eq!(t.skipped.u128(), 50_000);
    assert_eq!(t.claimed.u128(), 50_000);
    assert_eq!(t.reserve_available, Some(Uint128::zero()));
}

#[test]
fn a_share_nobody_works_for_is_undistributed() {
    let mut farm = Farm::gauge_split(constant(1_000), mint_source());
    let g = farm.register_gauge(0);
    farm.fakes.borrow_mut().total_power = 1_000;
    farm.fakes.borrow_mut().set_weight(&g, 0, pct(40));
    farm.add_boosted_pool("lp0", lp(ALY, "ufusd"), 0, 0)
        .unwrap();
    // FOO pool, bob without ve: working 0.
    let bob = addr("bob");
    farm.deposit(&bob, 0, "lp0", 100).unwrap();
    farm.at(100);
    farm.checkpoint_pool(0).unwrap();
    // 100 s * 1000 * 0.4 taken by the pool, nobody to credit.
    let t = farm.totals();
    assert_eq!(t.emitted.u128(), 40_000);
    assert_eq!(t.undistributed.u128(), 40_000);
    assert_eq!(farm.pending(&bob, 0), 0);
}
