//! The harness driving the farm, with numbers derived by hand in the comments.
use cosmwasm_std::Uint128;
use trellis_testing::{AssetInfo, Curve, Decay, FarmOptions, Suite};

/// The pair of every LP pool in these tests (the assets need not exist: the farm only
/// classifies pools with them). Solo pools must weigh less than half the total, so the
/// tests stake in LP pools.
fn pair() -> [AssetInfo; 2] {
    [AssetInfo::native("ua"), AssetInfo::native("ub")]
}

fn constant(rate: u128) -> Curve {
    Curve::Constant {
        rate: Uint128::new(rate),
    }
}

/// pools P0/P1 weights 60/40, 10 tokens/s. A deposits 100 in P0 at t=0, B
/// deposits 300 at t=10. At t=30:
/// - P0 earns 6/s. [0,10): A alone, 60. [10,30): 120 split 100:300, A 30, B 90.
///   A = 60 + 30 = 90, B = 90.
/// - P1 earns 4/s with nobody staked: 4 * 30 = 120 undistributed.
/// - emitted = 10 * 30 = 300 = 90 + 90 + 120.
#[test]
fn design_worked_example_60_40() {
    let mut suite = Suite::new();
    let lp0 = suite
        .create_cw20("LPZERO", &[("alice", 100), ("bob", 300)])
        .unwrap();
    let lp1 = suite.register_native("LPONE", "ulpone");
    let farm = suite
        .deploy_farm(FarmOptions::mint_time("ALY", constant(10)))
        .unwrap();
    assert_eq!(suite.add_pool_lp(&lp0, pair(), 60).unwrap(), 0);
    assert_eq!(suite.add_pool_lp(&lp1, pair(), 40).unwrap(), 1);

    suite.stake("alice", 0, 100).unwrap();
    suite.advance_seconds(10);
    suite.stake("bob", 0, 300).unwrap();
    suite.advance_seconds(20);

    assert_eq!(suite.pending("alice", 0).unwrap(), 90);
    assert_eq!(suite.pending("bob", 0).unwrap(), 90);
    let totals = suite.totals().unwrap();
    assert_eq!(totals.emitted.u128(), 300);
    assert_eq!(totals.undistributed.u128(), 120);
    assert_eq!(totals.claimed.u128(), 0);
    assert_eq!(totals.reserve_available, None);

    let check = suite.assert_conservation(&["alice", "bob"]);
    // Both claim at t=30: 90 + 90 minted, nothing left pending.
    assert_eq!(check.settled, 180);
    assert_eq!(check.after.totals.claimed.u128(), 180);
    assert_eq!(check.after.pending, 0);
    assert_eq!(suite.balance("alice", &farm.reward_asset).unwrap(), 90);
    assert_eq!(suite.balance("bob", &farm.reward_asset).unwrap(), 90);
    // Minted on claim only: the supply is exactly what was claimed.
    assert_eq!(suite.cw20_supply(&farm.reward_asset).unwrap(), 180);
}

/// MasterChef's `set` pitfall designed out: two 50/50 pools at 10/s, A in P0 and B in P1
/// from t=0; at t=100 P0's weight goes 50 -> 150. Until t=100 each pool earns 5/s (500 each);
/// afterwards P0 earns 10 * 150/200 = 7.5/s and P1 2.5/s. At t=300:
/// A = 500 + 7.5 * 200 = 2000, B = 500 + 2.5 * 200 = 1000, total 3000 = 10 * 300.
#[test]
fn weight_change_is_not_retroactive() {
    let mut suite = Suite::new();
    let lpa = suite.create_cw20("LPA", &[("alice", 10)]).unwrap();
    let lpb = suite.create_cw20("LPB", &[("bob", 10)]).unwrap();
    suite
        .deploy_farm(FarmOptions::mint_time("ALY", constant(10)))
        .unwrap();
    suite.add_pool_lp(&lpa, pair(), 50).unwrap();
    suite.add_pool_lp(&lpb, pair(), 50).unwrap();
    suite.stake("alice", 0, 10).unwrap();
    suite.stake("bob", 1, 10).unwrap();
    suite.advance_seconds(100);
    suite.set_weight(0, 150).unwrap();
    suite.advance_seconds(200);
    assert_eq!(suite.pending("alice", 0).unwrap(), 2_000);
    assert_eq!(suite.pending("bob", 1).unwrap(), 1_000);
    let check = suite.assert_conservation(&["alice", "bob"]);
    assert_eq!(check.after.totals.emitted.u128(), 3_000);
    assert_eq!(check.after.totals.undistributed.u128(), 0);
}

/// Height clock (seed 000: minted per block), halving every 10 blocks from 1000/block.
/// A stakes 7 units at the start and waits 25 blocks; the schedule releases
/// [0,10) 1000 * 10 = 10_000; [10,20) 500 * 10 = 5_000; [20,25) 250 * 5 = 1_250 -> 16_250.
/// 7 does not divide 16_250e36, so the per-share accumulator is rounded down and A is
/// credited floor(16_250 - tiny) = 16_249: credits round down. After A claims, the settled
/// fractions add up to exactly 1 unit of undistributed: 16_250 = 16_249 + 1.
#[test]
fn height_clock_halving() {
    let mut suite = Suite::new();
    let lp = suite.create_cw20("LPA", &[("alice", 7)]).unwrap();
    let curve = Curve::StepDecay {
        initial_rate: Uint128::new(1_000),
        epoch_length: 10,
        decay: Decay::Halving,
    };
    let farm = suite
        .deploy_farm(FarmOptions::mint_height("ALY", curve))
        .unwrap();
    assert_eq!(farm.schedule.start, suite.height());
    suite.add_pool_lp(&lp, pair(), 1).unwrap();
    suite.stake("alice", 0, 7).unwrap();
    suite.advance_blocks(25);
    assert_eq!(suite.totals().unwrap().emitted.u128(), 16_250);
    assert_eq!(suite.pending("alice", 0).unwrap(), 16_249);
    // [25, 30) at 250/block is still to come: 5 * 250 = 1_250.
    let now = suite.farm_now();
    assert_eq!(suite.projected_emission(now, now + 5).unwrap(), 1_250);
    suite.claim("alice", &[0]).unwrap();
    assert_eq!(suite.balance("alice", &farm.reward_asset).unwrap(), 16_249);
    let position = suite.position("alice", 0).unwrap();
    assert_eq!(
        (
            position.staked.u128(),
            position.pending.u128(),
            position.claimed.u128()
        ),
        (7, 0, 16_249)
    );
    // 16_250 over a stake of 7: alice is credited 7 * floor(16_250e36 / 7) = 16_250e36 - r
    // (r = 16_250e36 mod 7, the pool's division remainder), 16_249 whole units; the fraction
    // 1e36 - r stays on her position: 0 undistributed + 1 carried.
    let check = suite.assert_conservation(&["alice"]);
    assert_eq!(check.after.totals.undistributed.u128(), 0);
    assert_eq!(check.after.totals.carried.u128(), 1);
}

/// an interval spanning an epoch boundary is split there. 10.000000/s (6
/// decimals: 10_000_000 units/s) decaying 1% per 100 s epoch; A stakes at t=90 and looks at
/// t=110: 10 s * 10_000_000 + 10 s * 9_900_000 = 199_000_000. The 900_000_000 of [0, 90)
/// had no staker.
#[test]
fn step_decay_splits_at_epoch_boundary() {
    let mut suite = Suite::new();
    let lp = suite.create_cw20("LPA", &[("alice", 1)]).unwrap();
    let curve = Curve::StepDecay {
        initial_rate: Uint128::new(10_000_000),
        epoch_length: 100,
        decay: Decay::Bps { factor_bps: 9_900 },
    };
    suite
        .deploy_farm(FarmOptions::mint_time("ALY", curve))
        .unwrap();
    suite.add_pool_lp(&lp, pair(), 1).unwrap();
    suite.advance_seconds(90);
    suite.stake("alice", 0, 1).unwrap();
    suite.advance_seconds(20);
    assert_eq!(suite.pending("alice", 0).unwrap(), 199_000_000);
    let check = suite.assert_conservation(&["alice"]);
    assert_eq!(check.after.totals.emitted.u128(), 1_099_000_000);
    assert_eq!(check.after.totals.undistributed.u128(), 900_000_000);
}

/// A native reserve of 1000 at 10/s runs dry at t=100; one staker (native staking denom)
/// from t=0. At t=150: emitted 1000, skipped 10 * 50 = 500, reserve 0.
/// A top-up of 200 at t=150 restarts emission: dry again at t=170; at t=180 emitted 1200,
/// skipped 500 + 10 * 10 = 600, funded 1200 = emitted 1200 + available 0.
#[test]
fn reserve_runs_dry_and_restarts() {
    let mut suite = Suite::new();
    let fuse = suite.register_native("FUSE", "ufuse");
    let lp = suite.register_native("LP", "ulp");
    suite.mint_native("treasury", "ufuse", 1_200).unwrap();
    suite.mint_native("alice", "ulp", 50).unwrap();
    suite
        .deploy_farm(FarmOptions::reserve_time(fuse.clone(), constant(10)))
        .unwrap();
    suite.add_pool_lp(&lp, pair(), 1).unwrap();
    suite.fund("treasury", 1_000).unwrap();
    suite.stake("alice", 0, 50).unwrap();
    assert_eq!(suite.balance("alice", &lp).unwrap(), 0);

    suite.advance_seconds(150);
    let totals = suite.totals().unwrap();
    assert_eq!(totals.emitted.u128(), 1_000);
    assert_eq!(totals.skipped.u128(), 500);
    assert_eq!(totals.funded.u128(), 1_000);
    assert_eq!(totals.reserve_available, Some(Uint128::zero()));
    assert_eq!(suite.pending("alice", 0).unwrap(), 1_000);
    suite.check_conservation_bounded(&["alice"]).unwrap();

    suite.fund("treasury", 200).unwrap();
    suite.advance_seconds(30);
    let totals = suite.totals().unwrap();
    assert_eq!(totals.emitted.u128(), 1_200);
    assert_eq!(totals.skipped.u128(), 600);
    assert_eq!(totals.funded.u128(), 1_200);

    suite.unstake("alice", 0, 50).unwrap();
    assert_eq!(suite.balance("alice", &lp).unwrap(), 50);
    // Withdraw settles but does not pay.
    assert_eq!(suite.balance("alice", &fuse).unwrap(), 0);
    let check = suite.assert_conservation(&["alice"]);
    assert_eq!(check.settled, 1_200);
    assert_eq!(suite.balance("alice", &fuse).unwrap(), 1_200);
    assert_eq!(check.after.reserve_ok(), Some(true));
}

/// Emergency exit: A and B stake 100 each at t=0 at 10/s. At t=20 A's pending is
/// 20 * 10 / 2 = 100; A exits: principal back, the 100 forfeited into undistributed.
/// At t=40 B has 100 + 20 * 10 = 300. Books: emitted 400 = B's 300 + undistributed 100.
#[test]
fn emergency_withdraw_forfeits_into_undistributed() {
    let mut suite = Suite::new();
    let lp = suite
        .create_cw20("LPA", &[("alice", 100), ("bob", 100)])
        .unwrap();
    let farm = suite
        .deploy_farm(FarmOptions::mint_time("ALY", constant(10)))
        .unwrap();
    suite.add_pool_lp(&lp, pair(), 1).unwrap();
    suite.stake("alice", 0, 100).unwrap();
    suite.stake("bob", 0, 100).unwrap();
    suite.advance_seconds(20);
    assert_eq!(suite.pending("alice", 0).unwrap(), 100);
    suite.emergency_withdraw("alice", 0).unwrap();
    assert_eq!(suite.balance("alice", &lp).unwrap(), 100);
    assert_eq!(suite.pending("alice", 0).unwrap(), 0);
    assert_eq!(suite.totals().unwrap().undistributed.u128(), 100);
    suite.advance_seconds(20);
    assert_eq!(suite.pending("bob", 0).unwrap(), 300);
    let check = suite.assert_conservation(&["alice", "bob"]);
    assert_eq!(check.after.totals.emitted.u128(), 400);
    assert_eq!(check.after.totals.undistributed.u128(), 100);
    assert_eq!(suite.balance("alice", &farm.reward_asset).unwrap(), 0);
    assert_eq!(suite.balance("bob", &farm.reward_asset).unwrap(), 300);
}

/// Rounding stays within the bound: three stakers of 1 unit at 10/s for 1 s. Each is
/// credited floor(10/3) = 3, so 9 of the 10 emitted are pending and 1 unit is an unsettled
/// fraction: slack 1 <= bound (3 positions + 1 pool = 4).
#[test]
fn rounding_fractions_are_bounded() {
    let mut suite = Suite::new();
    let lp = suite
        .create_cw20("LPA", &[("a", 1), ("b", 1), ("c", 1)])
        .unwrap();
    suite
        .deploy_farm(FarmOptions::mint_time("ALY", constant(10)))
        .unwrap();
    suite.add_pool_lp(&lp, pair(), 1).unwrap();
    for user in ["a", "b", "c"] {
        suite.stake(user, 0, 1).unwrap();
    }
    suite.advance_seconds(1);
    let snapshot = suite.check_conservation_bounded(&["a", "b", "c"]).unwrap();
    assert_eq!(snapshot.totals.emitted.u128(), 10);
    assert_eq!(snapshot.pending, 9);
    assert_eq!(snapshot.slack, 1);
    assert_eq!(snapshot.bound(), 4);
    let check = suite.assert_conservation(&["a", "b", "c"]);
    assert_eq!(check.settled, 9);
}

/// A queried `pending` already holds the position's kept fraction, so between settlements
/// `carried` must not be subtracted again. Rate 1/s, `a` and `b` stake 1 each: after 1 s each
/// accrued 1e36 / 2 = 5e35 scaled, half a unit; a deposit of 1 more each settles them (0 whole,
/// 5e35 kept each; carried = floor(1e36 / 1e36) = 1 unit). After 1 s more over a supply of 4,
/// each accrues 2 x 1e36 / 4 = 5e35 again, and the query shows floor(5e35 + 5e35) = 1 each.
/// Emitted 2, pending 2, carried 1: `slack` = 2 - 2 - 1 = -1, the bounded form
/// `slack + carried` = 0. Claiming settles both, and the exact form holds: claimed 2,
/// carried 0, slack 0.
#[test]
fn kept_fractions_in_a_queried_pending_are_not_counted_twice() {
    let mut suite = Suite::new();
    let lp = suite.create_cw20("LPA", &[("a", 2), ("b", 2)]).unwrap();
    suite
        .deploy_farm(FarmOptions::mint_time("ALY", constant(1)))
        .unwrap();
    suite.add_pool_lp(&lp, pair(), 1).unwrap();
    for user in ["a", "b"] {
        suite.stake(user, 0, 1).unwrap();
    }
    suite.advance_seconds(1);
    for user in ["a", "b"] {
        suite.stake(user, 0, 1).unwrap();
    }
    let settled = suite.check_conservation_bounded(&["a", "b"]).unwrap();
    assert_eq!(
        (
            settled.totals.emitted.u128(),
            settled.pending,
            settled.totals.carried.u128()
        ),
        (1, 0, 1)
    );
    assert_eq!((settled.slack, settled.bounded_slack()), (0, 1));
    suite.advance_seconds(1);
    let between = suite.check_conservation_bounded(&["a", "b"]).unwrap();
    assert_eq!(
        (
            between.totals.emitted.u128(),
            between.pending,
            between.totals.carried.u128()
        ),
        (2, 2, 1)
    );
    assert_eq!((between.slack, between.bounded_slack()), (-1, 0));
    let check = suite.assert_conservation(&["a", "b"]);
    assert_eq!(check.settled, 2);
    assert_eq!(
        (
            check.after.totals.claimed.u128(),
            check.after.totals.carried.u128(),
            check.after.slack
        ),
        (2, 0, 0)
    );
}

/// The harness picks the deposit path from the pool's staking asset and errors clearly on
/// a farm without a reserve.
#[test]
fn funding_a_minted_farm_is_refused_by_the_harness() {
    let mut suite = Suite::new();
    suite
        .deploy_farm(FarmOptions::mint_time("ALY", constant(1)))
        .unwrap();
    let err = suite.fund("treasury", 1).unwrap_err();
    assert!(err.to_string().contains("mints its reward"), "{err}");
    assert!(matches!(suite.farm().reward_asset, AssetInfo::Cw20 { .. }));
}
