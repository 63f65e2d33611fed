//! Exact-number tests of the emission split. Every expected value is derived by hand.
mod common;
use common::*;
use cosmwasm_std::Uint128;
use trellis_types::farm::*;

fn constant(rate: u128) -> Schedule {
    Schedule::constant(0, Uint128::new(rate))
}

/// P0/P1 weights 60/40 at 10/s. A deposits 100 in P0 at t=0, B 300 at t=10.
#[test]
fn worked_example_60_40() {
    let mut farm = Farm::new(constant(10), mint_source(), policy(false));
    farm.add_pool("lp0", lp(ALY, "ufusd"), 60).unwrap();
    farm.add_pool("lp1", lp(ALY, "uwfuse"), 40).unwrap();
    let (a, b) = (addr("a"), addr("b"));
    farm.deposit(&a, 0, "lp0", 100).unwrap();
    farm.at(10).deposit(&b, 0, "lp0", 300).unwrap();
    farm.at(30);
    // P0 earns 6/s. [0,10): A alone, 60. [10,30): 120 split 100:300 -> A 30, B 90.
    assert_eq!(farm.pending(&a, 0), 90);
    assert_eq!(farm.pending(&b, 0), 90);
    let t = farm.totals();
    // 30 s * 10/s = 300 emitted; P1 had no stake: 30 * 4 = 120 undistributed.
    assert_eq!(t.emitted.u128(), 300);
    assert_eq!(t.undistributed.u128(), 120);
    // Claims pay exactly the pending amounts.
    farm.claim(&a, vec![0]).unwrap();
    farm.claim(&b, vec![0]).unwrap();
    assert_eq!(farm.total_paid().u128(), 180);
    assert_eq!(farm.totals().claimed.u128(), 180);
}

/// The classic MasterChef failure: two 50/50 pools at 10/s, A in P0, C in P1,
/// P0's weight changes at t=100. At t=200 the payouts must equal exactly what was emitted.
#[test]
fn weight_change_is_not_retroactive() {
    let mut farm = Farm::new(constant(10), mint_source(), policy(false));
    farm.add_pool("lp0", lp(ALY, "ufusd"), 50).unwrap();
    farm.add_pool("lp1", lp(ALY, "uwfuse"), 50).unwrap();
    let (a, c) = (addr("a"), addr("c"));
    farm.deposit(&a, 0, "lp0", 1_000).unwrap();
    farm.deposit(&c, 1, "lp1", 7).unwrap();
    farm.at(100).set_weight(0, 150).unwrap();
    farm.at(200);
    // [0,100): 5/s each -> A 500, C 500.
    // [100,200): weights 150/50 -> A 7.5/s = 750, C 2.5/s = 250.
    assert_eq!(farm.pending(&a, 0), 1_250);
    // C's 750 are spread over a stake of 7: per share floor(750e36 / 7), leaving
    // 750e36 mod 7 = 1 (10^36 ≡ 1 and 750 ≡ 1 mod 7) scaled unit, booked undistributed. C is
    // credited 7 * floor(750e36 / 7) = 750e36 - 1 scaled: 749 whole units, and the fraction
    // 1e36 - 1 stays on C's position (its carry) for its next settlement.
    assert_eq!(farm.pending(&c, 1), 749);
    farm.claim(&a, vec![0]).unwrap();
    farm.claim(&c, vec![1]).unwrap();
    let t = farm.totals();
    // Nothing created or lost: 2000 emitted = 1999 paid + 0 undistributed + 1 carried
    // (floor((1 + 1e36 - 1) / 1e36) - floor(1 / 1e36) = 1).
    assert_eq!(t.emitted.u128(), 2_000);
    assert_eq!(farm.total_paid().u128(), 1_999);
    assert_eq!(t.undistributed.u128(), 0);
    assert_eq!(t.carried.u128(), 1);
}

/// 10/s decaying 1% per epoch, over [W-10, W+10]: 10*10 + 9.9*10 = 199 exactly (the rate
/// is kept in 1e18 fixed point, so the 1% cut is 1%, not the 10% an integer rate 9 made).
#[test]
fn decay_boundary_split() {
    const W: u64 = 1_000;
    let schedule = Schedule::step_decay(0, Uint128::new(10), W, Decay::Bps { factor_bps: 9_900 });
    let mut farm = Farm::new(schedule, mint_source(), policy(false));
    farm.add_pool("lp0", lp(ALY, "ufusd"), 1).unwrap();
    let a = addr("a");
    farm.at(W - 10).deposit(&a, 0, "lp0", 5).unwrap();
    farm.at(W + 10);
    assert_eq!(farm.pending(&a, 0), 199);
    // Before the deposit the pool was empty: (W-10) * 10 = 9_900 undistributed.
    assert_eq!(farm.totals().undistributed.u128(), 9_900);
    let projected: ProjectedEmissionResponse = farm.q(QueryMsg::ProjectedEmission {
        from: W - 10,
        to: W + 10,
    });
    assert_eq!(projected.amount.u128(), 199);
    // The whole-unit rate shown is floor(9.9) = 9; the books use the exact 9.9.
    let rate: EmissionRateResponse = farm.q(QueryMsg::EmissionRate {});
    assert_eq!(rate.scheduled_rate.u128(), 9);
    // F(W + 15) = floor(10 * 1_000 + 9.9 * 15) = floor(10_148.5) = 10_148, so 10_148 - 9_900
    // = 248 since the deposit; the half unit is released with the next second, not lost.
    farm.at(W + 15);
    assert_eq!(farm.pending(&a, 0), 248);
}

/// Three stakers in thirds of 10/s: each gets floor(10/3 * t) and keeps its fraction, so
/// nothing is created or lost, and an exit books the leaver's fraction as undistributed.
#[test]
fn rounding_goes_down_and_is_booked() {
    let mut farm = Farm::new(constant(10), mint_source(), policy(false));
    farm.add_pool("lp0", lp(ALY, "ufusd"), 1).unwrap();
    let users = [addr("u1"), addr("u2"), addr("u3")];
    for u in &users {
        farm.deposit(u, 0, "lp0", 1).unwrap();
    }
    farm.at(1);
    // 10 units over 3 equal stakes: 3.33.. each -> pending 3 each.
    for u in &users {
        assert_eq!(farm.pending(u, 0), 3);
    }
    for u in &users {
        farm.claim(u, vec![0]).unwrap();
    }
    // Paid 9. Per share p1 = floor(10e36 / 3) = 3.33..e36, remainder 10e36 - 3 * p1 = 1
    // scaled unit, undistributed. Each position is credited p1: 3 whole units, and carries
    // c = p1 - 3e36 = (1e36 - 1) / 3. Together 1e36 - 1: 10 = 9 paid + 0 undistributed +
    // floor((1 + 1e36 - 1) / 1e36) = 1 carried.
    assert_eq!(farm.total_paid().u128(), 9);
    assert_eq!(farm.totals().undistributed.u128(), 0);
    assert_eq!(farm.totals().carried.u128(), 1);
    // Two more seconds, 20 units: p2 = floor(20e36 / 3) = 6.66..e36, remainder 2. Each is
    // credited p2 + c = 6.66..6e36 + 0.33..3e36 = 7e36 - 1: 6 whole, carry 1e36 - 1.
    farm.at(3);
    for u in &users {
        assert_eq!(farm.pending(u, 0), 6);
    }
    // All claim (which settles each): carries 3 * (1e36 - 1) and undistributed 1 + 2 = 3
    // scaled: 3 carried, 0 undistributed, and 30 = 27 claimed + 3 carried.
    for u in &users {
        farm.claim(u, vec![0]).unwrap();
    }
    assert_eq!(farm.total_paid().u128(), 27);
    let t = farm.totals();
    assert_eq!(t.emitted.u128(), 30);
    assert_eq!(t.undistributed.u128(), 0);
    assert_eq!(t.carried.u128(), 3);
    // u1 leaves with nothing staked: its carry 1e36 - 1 is booked undistributed
    // (3 + 1e36 - 1 = 1e36 + 2 scaled: 1 unit), the others keep theirs
    // (floor((1e36 + 2 + 2e36 - 2) / 1e36) - 1 = 2 carried).
    farm.withdraw(&users[0], 0, 1).unwrap();
    let t = farm.totals();
    assert_eq!(t.undistributed.u128(), 1);
    assert_eq!(t.carried.u128(), 2);
    assert_eq!(t.emitted.u128(), 30);
}

/// The staked token is the reward token (a solo pool of a reserve-paid token): the stake is
/// tracked internally, never read from balances, so the reserve is not mistaken for stake.
#[test]
fn solo_pool_of_reward_token_uses_internal_stake() {
    let mut farm = Farm::new(constant(10), reserve_source(), policy(false));
    farm.add_pool("lp0", lp(ALY, "ufusd"), 90).unwrap();
    farm.add_pool("urew", PoolKind::Solo, 10).unwrap();
    farm.fund(1_000).unwrap();
    let a = addr("a");
    farm.deposit(&a, 1, "urew", 50).unwrap();
    farm.at(10);
    // Solo pool weight 10 of 100 -> 1/s: 10 after 10 s, however much urew the farm holds.
    assert_eq!(farm.pending(&a, 1), 10);
    let pool: PoolResponse = farm.q(QueryMsg::Pool { pool_id: 1 });
    assert_eq!(pool.total_staked.u128(), 50);
}

/// A reserve of 250 at 10/s runs out at t=25: emission stops, the rest is skipped and
/// reported, never promised.
#[test]
fn reserve_exhaustion_stops_emission() {
    let mut farm = Farm::new(constant(10), reserve_source(), policy(false));
    farm.add_pool("lp0", lp(ALY, "ufusd"), 1).unwrap();
    farm.fund(250).unwrap();
    let a = addr("a");
    farm.deposit(&a, 0, "lp0", 100).unwrap();
    farm.at(40);
    assert_eq!(farm.pending(&a, 0), 250);
    let t = farm.totals();
    assert_eq!(t.emitted.u128(), 250);
    // 40 s * 10 = 400 scheduled, 250 emitted: 150 skipped.
    assert_eq!(t.skipped.u128(), 150);
    assert_eq!(t.reserve_available, Some(Uint128::zero()));
    let rate: EmissionRateResponse = farm.q(QueryMsg::EmissionRate {});
    assert_eq!(rate.reserve_available, Some(Uint128::zero()));
    // Top up at t=40: emission resumes from now, the skipped interval is not caught up.
    farm.fund(100).unwrap();
    farm.at(45);
    assert_eq!(farm.pending(&a, 0), 300);
    assert_eq!(farm.totals().skipped.u128(), 150);
}

/// Undistributed reward can be recovered (minted to a recipient) or, for a reserve,
/// rolled back into the reserve.
#[test]
fn recover_and_rollover_undistributed() {
    let mut farm = Farm::new(constant(10), reserve_source(), policy(false));
    farm.add_pool("lp0", lp(ALY, "ufusd"), 1).unwrap();
    farm.fund(1_000).unwrap();
    farm.at(20); // 200 emitted into an empty pool
    assert_eq!(farm.totals().undistributed.u128(), 200);
    let owner = farm.owner.clone();
    let treasury = addr("treasury");
    farm.exec(
        &owner,
        &[],
        ExecuteMsg::RecoverUndistributed {
            amount: Some(Uint128::new(50)),
            recipient: treasury.to_string(),
        },
    )
    .unwrap();
    farm.exec(
        &owner,
        &[],
        ExecuteMsg::RolloverUndistributed { amount: None },
    )
    .unwrap();
    let t = farm.totals();
    // 200 = 50 recovered + 150 rolled back; emitted nets to 50; reserve 1000 - 200 + 150.
    assert_eq!(t.recovered.u128(), 50);
    assert_eq!(t.rolled_over.u128(), 150);
    assert_eq!(t.emitted.u128(), 50);
    assert_eq!(t.undistributed.u128(), 0);
    assert_eq!(t.reserve_available, Some(Uint128::new(950)));
    assert_eq!(farm.paid, vec![(treasury, Uint128::new(50))]);
}

/// Emergency withdraw returns principal, forfeits pending into undistributed, pays no reward.
#[test]
fn emergency_withdraw_forfeits_to_undistributed() {
    let mut farm = Farm::new(constant(10), mint_source(), policy(false));
    farm.add_pool("lp0", lp(ALY, "ufusd"), 1).unwrap();
    let (a, b) = (addr("a"), addr("b"));
    farm.deposit(&a, 0, "lp0", 100).unwrap();
    farm.deposit(&b, 0, "lp0", 100).unwrap();
    farm.at(10);
    let res = farm
        .exec(
            &a,
            &[],
            ExecuteMsg::EmergencyWithdraw {
                pool_id: 0,
                recipient: None,
            },
        )
        .unwrap();
    // One message: the 100 lp0 principal back to A, no mint.
    assert_eq!(res.messages.len(), 1);
    assert!(farm.paid.is_empty());
    // A had 50 pending (half of 100); it is now undistributed. B keeps earning alone.
    assert_eq!(farm.totals().undistributed.u128(), 50);
    farm.at(20);
    assert_eq!(farm.pending(&b, 0), 50 + 100);
    assert_eq!(farm.pending(&a, 0), 0);
}

/// Block-height clock: per-block emission as in seed 000.
#[test]
fn height_clock_emits_per_block() {
    let mut farm = Farm::try_new(constant(3), mint_source(), policy(false), Clock::Height).unwrap();
    farm.add_pool("lp0", lp(ALY, "ufusd"), 1).unwrap();
    let a = addr("a");
    farm.deposit(&a, 0, "lp0", 1).unwrap();
    // `at` moves height and time together; 7 blocks at 3 per block = 21.
    farm.at(7);
    assert_eq!(farm.pending(&a, 0), 21);
}

/// Deposits for another recipient credit the recipient; withdraw sends principal back.
#[test]
fn deposit_for_recipient_and_withdraw() {
    let mut farm = Farm::new(constant(10), mint_source(), policy(false));
    farm.add_pool("lp0", lp(ALY, "ufusd"), 1).unwrap();
    let (a, b) = (addr("a"), addr("b"));
    farm.exec(
        &a,
        &[cosmwasm_std::coin(40, "lp0")],
        ExecuteMsg::Deposit {
            pool_id: 0,
            recipient: Some(b.to_string()),
        },
    )
    .unwrap();
    farm.at(5);
    assert_eq!(farm.pending(&b, 0), 50);
    assert_eq!(farm.pending(&a, 0), 0);
    farm.withdraw(&b, 0, 40).unwrap();
    farm.at(9);
    // Nothing staked after t=5: the 40 from [5,9) are undistributed; B keeps 50 pending.
    assert_eq!(farm.pending(&b, 0), 50);
    assert_eq!(farm.totals().undistributed.u128(), 40);
}
