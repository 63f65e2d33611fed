//! Farms with the real escrow and gauge controller through the harness: a Curve-boosted pool
//! and a FOO pool with a locker and a non-locker, then a gauge-split farm whose two pools earn
//! in the ratio of their gauges' relative weights. Every number is derived by hand.
use cosmwasm_std::{Decimal, Uint128};
use trellis_testing::ve::{EscrowOptions, WEEK};
use trellis_testing::{AssetInfo, Curve, FarmOptions, PoolKind, Suite, GENESIS_TIME};

const MAX_TIME: u64 = 126_144_000;
/// `MAX_TIME * 1e6` base units: a lock with slope exactly 1,000,000.
const LOCK: u128 = 126_144_000_000_000;

fn pair(a: &str, b: &str) -> PoolKind {
    PoolKind::Lp {
        pair: [AssetInfo::native(a), AssetInfo::native(b)],
    }
}

#[test]
fn curve_and_foo_pools_with_a_locker_and_a_non_locker() {
    let mut suite = Suite::new();
    let lpv = suite.create_cw20("LPV", &[("alice", LOCK)]).unwrap();
    let curve_lp = suite
        .create_cw20("LPA", &[("alice", 100), ("bob", 100)])
        .unwrap();
    let foo_lp = suite
        .create_cw20("LPB", &[("alice", 100), ("bob", 100)])
        .unwrap();
    // max time 8 weeks = 4,838,400 s.
    let ve = suite
        .deploy_voting_escrow(EscrowOptions::new(lpv).max_time(8 * WEEK))
        .unwrap();
    // 10 ALY/s split evenly: 5/s per pool.
    let options = FarmOptions::mint_time(
        "ALY",
        Curve::Constant {
            rate: Uint128::new(10),
        },
    );
    let farm = suite.deploy_ve_farm(options, Some(&ve), None).unwrap();
    assert_eq!(
        suite.ve_listeners(&ve).unwrap(),
        vec![farm.addr.to_string()]
    );
    let curve = suite
        .add_pool_with_boost(&curve_lp, pair("uaaa", "ubbb"), 1, 40)
        .unwrap();
    let foo = suite
        .add_pool_with_boost(&foo_lp, pair("uccc", "uddd"), 1, 0)
        .unwrap();
    assert_eq!(suite.farm_pool(curve).unwrap().tokenless_share_pct, 40);

    // alice locks for 8 weeks: end = floor((now + 4,838,400) / WEEK) * WEEK = 1,704,326,400,
    // 4,326,400 s ahead; slope = 126,144,000,000,000 / 4,838,400 = 26,071,428 (floored).
    // She is the only holder: v = V.
    suite
        .create_lock(&ve, "alice", LOCK, GENESIS_TIME + 8 * WEEK)
        .unwrap();
    // bob stakes first (no ve power): Curve 40% of 100 = 40, FOO 0.
    suite.stake("bob", curve, 100).unwrap();
    suite.stake("bob", foo, 100).unwrap();
    // alice then: B = 200 staked, B * v / V = 200 >= 100, so both pools count her fully.
    suite.stake("alice", curve, 100).unwrap();
    suite.stake("alice", foo, 100).unwrap();
    assert_eq!(suite.working("bob", curve).unwrap(), 40);
    assert_eq!(suite.working("bob", foo).unwrap(), 0);
    assert_eq!(suite.working("alice", curve).unwrap(), 100);
    assert_eq!(suite.working("alice", foo).unwrap(), 100);
    assert_eq!(suite.working_supply(curve).unwrap(), 140);
    assert_eq!(suite.working_supply(foo).unwrap(), 100);

    // 100 s: each pool gets 500. Curve pool: acc = floor(500e36 / 140); alice floor(100 *
    // 500 / 140) = floor(357.14) = 357, bob floor(40 * 500 / 140) = floor(142.86) = 142. FOO
    // pool: alice all 500, bob nothing.
    suite.advance_seconds(100);
    assert_eq!(suite.pending("alice", curve).unwrap(), 357);
    assert_eq!(suite.pending("bob", curve).unwrap(), 142);
    assert_eq!(suite.pending("alice", foo).unwrap(), 500);
    assert_eq!(suite.pending("bob", foo).unwrap(), 0);

    // Past the lock's end her boost is stale until someone kicks her: then V = 0 and only
    // the tokenless part counts: 40 in the Curve pool, 0 in the FOO pool.
    suite.advance_to_elapsed(4_326_400);
    assert_eq!(suite.ve_power(&ve, "alice").unwrap(), 0);
    assert_eq!(suite.working("alice", curve).unwrap(), 100);
    suite.kick("alice", curve).unwrap();
    suite.kick("alice", foo).unwrap();
    assert_eq!(suite.working("alice", curve).unwrap(), 40);
    assert_eq!(suite.working("alice", foo).unwrap(), 0);
    assert_eq!(suite.working_supply(curve).unwrap(), 80);
    assert_eq!(suite.working_supply(foo).unwrap(), 0);

    // 100 s more: the Curve pool's 500 over 80 gives each 40-working stake exactly 250; the
    // FOO pool has no working supply, so its 500 is undistributed and nobody's pending grows.
    let before = [
        suite.pending("alice", curve).unwrap(),
        suite.pending("bob", curve).unwrap(),
        suite.pending("alice", foo).unwrap(),
        suite.pending("bob", foo).unwrap(),
    ];
    let undistributed = suite.totals().unwrap().undistributed.u128();
    suite.advance_seconds(100);
    assert_eq!(suite.pending("alice", curve).unwrap(), before[0] + 250);
    assert_eq!(suite.pending("bob", curve).unwrap(), before[1] + 250);
    assert_eq!(suite.pending("alice", foo).unwrap(), before[2]);
    assert_eq!(suite.pending("bob", foo).unwrap(), before[3]);
    assert_eq!(
        suite.totals().unwrap().undistributed.u128(),
        undistributed + 500
    );
    suite.assert_conservation(&["alice", "bob"]);
}

#[test]
fn a_gauge_split_farm_pays_pools_by_relative_weight() {
    let mut suite = Suite::new();
    let lpv = suite
        .create_cw20("LPV", &[("alice", LOCK), ("bob", LOCK)])
        .unwrap();
    let lpa = suite.create_cw20("LPA", &[("carol", 100)]).unwrap();
    let lpb = suite.create_cw20("LPB", &[("carol", 100)]).unwrap();
    let ve = suite.deploy_voting_escrow(EscrowOptions::new(lpv)).unwrap();
    let gc = suite.deploy_gauge_controller(&ve, None).unwrap();
    let stable = suite.add_gauge_type(&gc, "stable", 1).unwrap();
    let volatile = suite.add_gauge_type(&gc, "volatile", 2).unwrap();
    let options = FarmOptions::mint_time(
        "ALY",
        Curve::Constant {
            rate: Uint128::new(10),
        },
    );
    suite.deploy_ve_farm(options, Some(&ve), Some(&gc)).unwrap();
    // Each pool's gauge goes into the controller first, then the pool with weight 0.
    let (a, gauge_a) = suite
        .add_gauge_pool(&gc, stable, &lpa, pair("uaaa", "ubbb"), 100)
        .unwrap();
    let (b, gauge_b) = suite
        .add_gauge_pool(&gc, volatile, &lpb, pair("uccc", "uddd"), 100)
        .unwrap();
    assert_eq!(gauge_a, suite.farm_gauge_id(a));
    assert_eq!(suite.farm_pool(b).unwrap().gauge, Some(gauge_b.clone()));

    // Both lock until now + MAXTIME: slope 1,000,000 each. alice votes all for A, bob half
    // for A and half for B: A's line has slope 1,500,000, B's 500,000, to the same end, so
    // with type weights 1 and 2 the relative weights from the next week on are
    // 1.5 / (1.5 + 2 * 0.5) = 0.6 and 1 / 2.5 = 0.4.
    for user in ["alice", "bob"] {
        suite
            .create_lock(&ve, user, LOCK, GENESIS_TIME + MAX_TIME)
            .unwrap();
    }
    suite.vote(&gc, "alice", &gauge_a, 10_000).unwrap();
    suite.vote(&gc, "bob", &gauge_a, 5_000).unwrap();
    suite.vote(&gc, "bob", &gauge_b, 5_000).unwrap();
    suite.stake("carol", a, 100).unwrap();
    suite.stake("carol", b, 100).unwrap();

    // Until the next week (W1 = 1,700,092,800, 92,800 s away) no gauge has weight: the
    // pools take nothing.
    suite.advance_to_elapsed(92_800);
    assert_eq!(suite.pending("carol", a).unwrap(), 0);
    assert_eq!(
        suite.relative_weight(&gc, &gauge_a, None).unwrap(),
        Decimal::percent(60)
    );
    assert_eq!(
        suite.relative_weight(&gc, &gauge_b, None).unwrap(),
        Decimal::percent(40)
    );

    // 1,000 s into W1: 10/s * 1,000 s = 10,000 scheduled; A takes 60% = 6,000, B 40% = 4,000,
    // all carol's (alone in both): the ratio of the relative weights, 3 : 2.
    suite.advance_seconds(1_000);
    assert_eq!(suite.pending("carol", a).unwrap(), 6_000);
    assert_eq!(suite.pending("carol", b).unwrap(), 4_000);

    // The farm books a pool's take when the pool settles; checkpointed, the books count only
    // what the pools took: 10,000 emitted of the 938,000 the
    // schedule released over the 93,800 s (the first week's share no gauge held is never
    // minted).
    suite.checkpoint_gauge_pools().unwrap();
    let check = suite.assert_conservation(&["carol"]);
    assert_eq!(check.settled, 10_000);
    assert_eq!(check.after.totals.emitted.u128(), 10_000);
    let start = suite.farm().schedule.start;
    assert_eq!(
        suite.projected_emission(start, start + 93_800).unwrap(),
        938_000
    );
}

#[test]
fn a_lock_made_after_staking_boosts_through_the_escrows_notice() {
    let mut suite = Suite::new();
    let lpv = suite.create_cw20("LPV", &[("alice", LOCK)]).unwrap();
    let lp = suite
        .create_cw20("LPA", &[("alice", 100), ("bob", 300)])
        .unwrap();
    let ve = suite
        .deploy_voting_escrow(EscrowOptions::new(lpv).max_time(8 * WEEK))
        .unwrap();
    let options = FarmOptions::mint_time(
        "ALY",
        Curve::Constant {
            rate: Uint128::new(10),
        },
    );
    suite.deploy_ve_farm(options, Some(&ve), None).unwrap();
    let pool = suite
        .add_pool_with_boost(&lp, pair("uaaa", "ubbb"), 1, 40)
        .unwrap();
    // Nobody has ve: 40% of each stake counts.
    suite.stake("alice", pool, 100).unwrap();
    suite.stake("bob", pool, 300).unwrap();
    assert_eq!(suite.working("alice", pool).unwrap(), 40);
    assert_eq!(suite.working_supply(pool).unwrap(), 40 + 120);

    // A block later alice locks without touching the farm: the escrow notifies its listener,
    // which recomputes her balance with v = V (the only holder) and B = 400 (the stake at the
    // block's start; stake moved inside a block counts from the next one):
    // 40 + floor(60 * floor(400 * v / V) / 100) = 40 + 240 = 280, capped at her stake 100.
    suite.advance_blocks(1);
    suite
        .create_lock(&ve, "alice", LOCK, GENESIS_TIME + 8 * WEEK)
        .unwrap();
    assert_eq!(suite.working("alice", pool).unwrap(), 100);
    assert_eq!(suite.working_supply(pool).unwrap(), 100 + 120);
    // bob's balance is untouched by alice's notice.
    assert_eq!(suite.working("bob", pool).unwrap(), 120);
}
