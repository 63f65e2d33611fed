//! What a third party can do to someone else's reward: settle their position as often as it
//! likes (notices, deposits for them, kicks), and move stake around a kick inside one block.
//! None of it may change what the victim is credited. Every expected number follows from
//! `working = min(floor(t*b/100) + floor((100-t) * floor(B*v/V) / 100), b)` and the pool's
//! rate split over working balances; B is the pool stake at the block's first touch.
mod common;
use common::fakes::ESCROW;
use common::*;
use cosmwasm_std::Uint128;
use trellis_farm::ContractError;
use trellis_types::farm::*;

fn constant(rate: u128) -> Schedule {
    Schedule::constant(0, Uint128::new(rate))
}

fn paid_to(farm: &Farm, user: &cosmwasm_std::Addr) -> u128 {
    farm.paid
        .iter()
        .filter(|(to, _)| to == user)
        .map(|(_, a)| a.u128())
        .sum()
}

fn kick_msg(user: &cosmwasm_std::Addr) -> ExecuteMsg {
    ExecuteMsg::Kick {
        user: user.to_string(),
        pool_id: 0,
    }
}

/// The review's case: 1/s, tokenless share 40, a whale staking 3,600 and a small staker 400,
/// no ve. Working balances 1,440 and 160 of 1,600: the small staker earns 0.1 per second. A
/// notice every second used to floor each 0.1 to 0 and book it undistributed (claim: 0).
#[test]
fn settling_a_position_every_second_does_not_shave_its_reward() {
    let mut farm = Farm::boosted(constant(1), mint_source());
    farm.fakes.borrow_mut().total_power = 1_000;
    farm.add_boosted_pool("lp0", lp(ALY, "ufusd"), 1, 40)
        .unwrap();
    let (whale, small) = (addr("whale"), addr("small"));
    farm.deposit(&whale, 0, "lp0", 3_600).unwrap();
    farm.deposit(&small, 0, "lp0", 400).unwrap();
    assert_eq!(farm.position(&small, 0).working.u128(), 160);
    let escrow = addr(ESCROW);
    for t in 1..=1_000 {
        farm.at(t);
        // A forced settlement: the escrow's notice (anyone who tops up a lock triggers one).
        farm.exec(
            &escrow,
            &[],
            ExecuteMsg::LockChanged {
                user: small.to_string(),
            },
        )
        .unwrap();
        // A third party's kick: refused, small's power (0) has not fallen and the boost
        // would not go down (160 stays 160).
        let err = farm.exec(&whale, &[], kick_msg(&small)).unwrap_err();
        assert!(matches!(err, ContractError::KickNotAllowed { .. }));
    }
    // 1,000 s * 1/s * 160 / 1,600 = 100 exactly: 1,000 carries of 0.1 each added up.
    farm.claim(&small, vec![0]).unwrap();
    assert_eq!(paid_to(&farm, &small), 100);
    // The whale, settled once: 1,000 * 1,440 / 1,600 = 900.
    farm.claim(&whale, vec![0]).unwrap();
    assert_eq!(paid_to(&farm, &whale), 900);
    let t = farm.totals();
    assert_eq!(t.emitted.u128(), 1_000);
    assert_eq!(t.undistributed.u128(), 0);
}

/// Drip deposits for a recipient settle it before each unit is added. Unboosted, 10/s, a
/// whale with 3 and a victim who starts with 1 and is sent 1 more at t = 1, 2, 3. Exact share:
/// 10 * (1/4 + 2/5 + 3/6 + 4/7) = 2.5 + 4 + 5 + 5.714.. = 17.214.., so 17 (floored once). When
/// every settlement floored, the .5 of the first second and the .714 were lost: 16.
#[test]
fn drip_deposits_for_a_recipient_credit_the_floor_of_the_exact_share() {
    let mut farm = Farm::new(constant(10), mint_source(), policy(false));
    farm.add_pool("lp0", lp(ALY, "ufusd"), 1).unwrap();
    let (whale, victim, dripper) = (addr("whale"), addr("victim"), addr("dripper"));
    farm.deposit(&whale, 0, "lp0", 3).unwrap();
    farm.deposit(&victim, 0, "lp0", 1).unwrap();
    for t in 1..=3 {
        farm.at(t);
        farm.exec(
            &dripper,
            &[cosmwasm_std::coin(1, "lp0")],
            ExecuteMsg::Deposit {
                pool_id: 0,
                recipient: Some(victim.to_string()),
            },
        )
        .unwrap();
    }
    farm.at(4);
    farm.claim(&victim, vec![0]).unwrap();
    assert_eq!(paid_to(&farm, &victim), 17);
    // The whale: 10 * (3/4 + 3/5 + 3/6 + 3/7) = 7.5 + 6 + 5 + 4.285.. = 22.785.. -> 22.
    farm.claim(&whale, vec![0]).unwrap();
    assert_eq!(paid_to(&farm, &whale), 22);
    // 40 emitted = 39 paid + the last unit in the two positions' kept fractions (.214 + .785
    // less the pool's division remainders of a few 1e-36).
    let t = farm.totals();
    assert_eq!(t.emitted.u128(), 40);
    assert_eq!(t.claimed.u128(), 39);
    assert_eq!(t.undistributed.u128() + t.carried.u128(), 1);
}

/// The review's down attack: the victim stakes 1,000 with 10% of the ve power, the attacker
/// 9,000 with none. B = 10,000: victim min(400 + floor(60 * 1,000 / 100), 1,000) = 1,000 of a
/// working supply of 4,600 (21.7%). In one block the attacker withdraws 9,000, kicks, and
/// re-deposits: against the live stake 1,000 the victim fell to 400 + floor(60 * 100 / 100)
/// = 460 (11.3%). Against the block-start stake, and with Curve's kick rule, it cannot.
#[test]
fn moving_stake_around_a_kick_inside_a_block_cannot_cut_a_boost() {
    let mut farm = Farm::boosted(constant(1_000), mint_source());
    {
        let mut f = farm.fakes.borrow_mut();
        f.total_power = 1_000;
        f.set_power("victim", 100);
    }
    farm.add_boosted_pool("lp0", lp(ALY, "ufusd"), 1, 40)
        .unwrap();
    let (victim, attacker) = (addr("victim"), addr("attacker"));
    farm.deposit(&attacker, 0, "lp0", 9_000).unwrap();
    farm.deposit(&victim, 0, "lp0", 1_000).unwrap();
    // At t = 0 the block-start stake was 0: B = 0 + 1,000 (its own deposit) ->
    // 400 + floor(60 * floor(1,000 * 100 / 1,000) / 100) = 460. It refreshes next block,
    // B = 10,000: 400 + floor(60 * 1,000 / 100) = 1,000.
    assert_eq!(farm.position(&victim, 0).working.u128(), 460);
    farm.at(1);
    farm.refresh_own(&victim, 0).unwrap();
    assert_eq!(farm.position(&victim, 0).working.u128(), 1_000);
    assert_eq!(farm.pool(0).working_supply.u128(), 4_600);

    // One block: withdraw, kick, re-deposit. The kick is refused: power 100 has not fallen.
    farm.at(2);
    farm.withdraw(&attacker, 0, 9_000).unwrap();
    farm.refuse(
        &attacker,
        &[],
        kick_msg(&victim),
        ContractError::KickNotAllowed {
            pool_id: 0,
            power: Uint128::new(100),
            power_at_refresh: Uint128::new(100),
            working: Uint128::new(1_000),
            would_be: Uint128::new(1_000),
        },
    );
    farm.deposit(&attacker, 0, "lp0", 9_000).unwrap();
    assert_eq!(farm.position(&victim, 0).working.u128(), 1_000);

    // Even once the victim's power has decayed (99), a kick inside the attack block uses the
    // block-start stake 10,000: 400 + floor(60 * floor(10,000 * 99 / 1,000) / 100) =
    // 400 + floor(594) = 994, the honest decay, not 400 + floor(60 * 99 / 100) = 459.
    farm.at(3);
    farm.fakes.borrow_mut().set_power("victim", 99);
    farm.withdraw(&attacker, 0, 9_000).unwrap();
    farm.exec(&attacker, &[], kick_msg(&victim)).unwrap();
    assert_eq!(farm.position(&victim, 0).working.u128(), 994);
}

/// The up attack: the attacker holds half the ve power and stakes 100 alone: B = 100 ->
/// 40 + floor(60 * floor(100 * 500 / 1,000) / 100) = 40 + 30 = 70. A second account inflates
/// the pool by 10,000 for one block while the attacker refreshes: against the live stake
/// min(40 + floor(60 * 5,050 / 100), 100) = 100, kept after the inflation is withdrawn. The
/// block-start stake keeps it at 70.
#[test]
fn inflating_the_pool_for_a_block_cannot_raise_a_boost() {
    let mut farm = Farm::boosted(constant(1_000), mint_source());
    {
        let mut f = farm.fakes.borrow_mut();
        f.total_power = 1_000;
        f.set_power("attacker", 500);
    }
    farm.add_boosted_pool("lp0", lp(ALY, "ufusd"), 1, 40)
        .unwrap();
    let (attacker, second) = (addr("attacker"), addr("second"));
    farm.deposit(&attacker, 0, "lp0", 100).unwrap();
    assert_eq!(farm.position(&attacker, 0).working.u128(), 70);
    farm.at(1);
    farm.deposit(&second, 0, "lp0", 10_000).unwrap();
    farm.refresh_own(&attacker, 0).unwrap();
    farm.withdraw(&second, 0, 10_000).unwrap();
    assert_eq!(farm.position(&attacker, 0).working.u128(), 70);
    assert_eq!(farm.pool(0).working_supply.u128(), 70);
}

/// A lock that expired leaves a stale boost until someone acts: the kick is the mechanism.
/// The victim's 1,000 with 10% of the power works 1,000; expired (power 0) anyone may kick it
/// down to its tokenless share floor(40 * 1,000 / 100) = 400, and no further.
#[test]
fn an_expired_lock_is_kicked_down_to_the_tokenless_share() {
    let mut farm = Farm::boosted(constant(1_000), mint_source());
    {
        let mut f = farm.fakes.borrow_mut();
        f.total_power = 1_000;
        f.set_power("victim", 100);
    }
    farm.add_boosted_pool("lp0", lp(ALY, "ufusd"), 1, 40)
        .unwrap();
    let (victim, other, keeper) = (addr("victim"), addr("other"), addr("keeper"));
    farm.deposit(&other, 0, "lp0", 9_000).unwrap();
    farm.deposit(&victim, 0, "lp0", 1_000).unwrap();
    farm.at(1);
    farm.refresh_own(&victim, 0).unwrap();
    assert_eq!(farm.position(&victim, 0).working.u128(), 1_000);

    farm.at(100);
    farm.fakes.borrow_mut().set_power("victim", 0);
    let res = farm.exec(&keeper, &[], kick_msg(&victim)).unwrap();
    assert!(res
        .attributes
        .iter()
        .any(|a| a.key == "working" && a.value == "400"));
    assert_eq!(farm.position(&victim, 0).working.u128(), 400);
    // Kicking again changes nothing and is refused.
    farm.refuse(
        &keeper,
        &[],
        kick_msg(&victim),
        ContractError::KickNotAllowed {
            pool_id: 0,
            power: Uint128::zero(),
            power_at_refresh: Uint128::zero(),
            working: Uint128::new(400),
            would_be: Uint128::new(400),
        },
    );
}
