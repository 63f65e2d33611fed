//! Boosted pools: rewards accrue on working balances, recomputed at every
//! action, at the escrow's lock-change notice and at anyone's kick. ve powers come from the
//! fake escrow (`common::fakes`), so every expected number below follows from the formula
//! `working = min(floor(t*b/100) + floor((100-t) * floor(B*v/V) / 100), b)`.
mod common;
use common::fakes::ESCROW;
use common::*;
use cosmwasm_std::{coin, BankMsg, CosmosMsg, Uint128};
use trellis_farm::limits::MAX_REFRESH_POOLS;
use trellis_farm::ContractError;
use trellis_types::farm::*;

fn constant(rate: u128) -> Schedule {
    Schedule::constant(0, Uint128::new(rate))
}

fn attr(res: &cosmwasm_std::Response, key: &str) -> String {
    res.attributes
        .iter()
        .find(|a| a.key == key)
        .map(|a| a.value.clone())
        .unwrap_or_else(|| panic!("no attribute {key}"))
}

#[test]
fn curve_boost_accrues_on_working_balances_and_kick_refreshes() {
    let mut farm = Farm::boosted(constant(1_000), mint_source());
    {
        let mut f = farm.fakes.borrow_mut();
        f.total_power = 10_000;
        f.set_power("alice", 500);
    }
    farm.add_boosted_pool("lp0", lp(ALY, "ufusd"), 1, 40)
        .unwrap();
    let (alice, bob) = (addr("alice"), addr("bob"));

    // alice first, B = 100: 40 + floor(60 * floor(100*500/10000) / 100) = 40 + floor(300/100) = 43.
    farm.deposit(&alice, 0, "lp0", 100).unwrap();
    assert_eq!(farm.position(&alice, 0).working.u128(), 43);
    // bob, no ve, B = 1000: 40% of 900 = 360. alice's balance stays as set (stale) until
    // she acts or is kicked.
    farm.deposit(&bob, 0, "lp0", 900).unwrap();
    assert_eq!(farm.position(&bob, 0).working.u128(), 360);
    assert_eq!(farm.position(&alice, 0).working.u128(), 43);
    assert_eq!(farm.pool(0).working_supply.u128(), 403);

    // 100 s at 1000/s over working supply 403: alice floor(100000*43/403) = floor(10669.97),
    // bob floor(100000*360/403) = floor(89330.02).
    farm.at(100);
    assert_eq!(farm.pending(&alice, 0), 10_669);
    assert_eq!(farm.pending(&bob, 0), 89_330);

    // A third party cannot raise alice's boost: her power (500) has not fallen since her last
    // refresh, and a kick may only lower. Nothing changes.
    let kicker = addr("kicker");
    farm.refuse(
        &kicker,
        &[],
        ExecuteMsg::Kick {
            user: alice.to_string(),
            pool_id: 0,
        },
        ContractError::KickNotAllowed {
            pool_id: 0,
            power: Uint128::new(500),
            power_at_refresh: Uint128::new(500),
            working: Uint128::new(43),
            would_be: Uint128::new(70),
        },
    );
    // alice refreshes her own, against the stake at the block's start B = 1000:
    // 40 + floor(60 * floor(1000*500/10000) / 100) = 40 + 30 = 70. Supply 70 + 360 = 430.
    let res = farm.refresh_own(&alice, 0).unwrap();
    assert_eq!(attr(&res, "old_working"), "43");
    assert_eq!(attr(&res, "working"), "70");
    assert_eq!(farm.pool(0).working_supply.u128(), 430);

    // Next 100 s: alice 100000*70/430 = 16279.07 on top of the .975 she kept from the first
    // period: floor(10669.975 + 16279.070) = floor(26949.045) = 26949; bob settles both periods
    // at once: floor(36e6/403 + 36e6/430) = floor(173050.955).
    farm.at(200);
    assert_eq!(farm.pending(&alice, 0), 26_949);
    assert_eq!(farm.pending(&bob, 0), 173_050);
    farm.claim(&alice, vec![0]).unwrap();
    farm.claim(&bob, vec![0]).unwrap();
    // 200 s * 1000 = 200000 emitted; paid 26949 + 173050 = 199999. The exact shares add up to
    // 200000 (working supply = the sum of the working balances), so the kept fractions .045
    // and .955, less the pools' division remainders (a few 1e-36 units, undistributed), make
    // up the last unit: 0 undistributed, 1 carried.
    let t = farm.totals();
    assert_eq!(t.emitted.u128(), 200_000);
    assert_eq!(t.claimed.u128(), 199_999);
    assert_eq!(t.undistributed.u128(), 0);
    assert_eq!(t.carried.u128(), 1);
    assert_eq!(farm.total_paid().u128(), 199_999);
}

#[test]
fn foo_boost_pays_nothing_without_ve_and_an_idle_share_is_undistributed() {
    let mut farm = Farm::boosted(constant(1_000), mint_source());
    {
        let mut f = farm.fakes.borrow_mut();
        f.total_power = 1_000;
        f.set_power("alice", 250);
    }
    farm.add_boosted_pool("lp0", lp(ALY, "ufusd"), 1, 0)
        .unwrap();
    let (alice, bob) = (addr("alice"), addr("bob"));

    // bob has no ve: min(300, floor(300*0/1000)) = 0, so nobody works in the pool and its
    // share from t = 0 to 50 (50 * 1000) is undistributed.
    farm.deposit(&bob, 0, "lp0", 300).unwrap();
    assert_eq!(farm.position(&bob, 0).working.u128(), 0);
    farm.at(50);
    // alice, B = 400: min(100, floor(400*250/1000)) = 100.
    farm.deposit(&alice, 0, "lp0", 100).unwrap();
    assert_eq!(farm.position(&alice, 0).working.u128(), 100);

    // From 50 to 150 alice is the only worker: 100 * 1000.
    farm.at(150);
    assert_eq!(farm.pending(&alice, 0), 100_000);
    assert_eq!(farm.pending(&bob, 0), 0);
    let res = farm.claim(&bob, vec![0]).unwrap();
    assert!(res.messages.is_empty(), "nothing to pay bob");
    farm.claim(&alice, vec![0]).unwrap();
    let t = farm.totals();
    assert_eq!(t.emitted.u128(), 150_000);
    assert_eq!(t.claimed.u128(), 100_000);
    assert_eq!(t.undistributed.u128(), 50_000);
}

#[test]
fn a_lock_change_refreshes_at_most_max_refresh_pools_and_kick_does_the_rest() {
    let mut farm = Farm::boosted(constant(1_000), mint_source());
    farm.fakes.borrow_mut().total_power = 1_000;
    let alice = addr("alice");
    let pools = MAX_REFRESH_POOLS + 2;
    let denoms: Vec<String> = (0..pools).map(|i| format!("lp{i}")).collect();
    for denom in &denoms {
        farm.add_boosted_pool(denom, lp(ALY, denom), 1, 40).unwrap();
    }
    for (i, denom) in denoms.iter().enumerate() {
        farm.deposit(&alice, i as u64, denom, 100).unwrap();
        assert_eq!(farm.position(&alice, i as u64).working.u128(), 40);
    }

    // alice now holds all the power: 40 + floor(60 * floor(100*1000/1000) / 100) = 100, with
    // B the stake at the start of the notice's block (t = 1: the deposits of t = 0 count).
    farm.at(1);
    farm.fakes.borrow_mut().set_power("alice", 1_000);
    let res = farm.lock_changed(&alice).unwrap();
    let expected: Vec<String> = (0..MAX_REFRESH_POOLS).map(|i| i.to_string()).collect();
    assert_eq!(attr(&res, "refreshed"), expected.join(","));
    for i in 0..pools as u64 {
        let working = farm.position(&alice, i).working.u128();
        let want = if (i as usize) < MAX_REFRESH_POOLS {
            100
        } else {
            40
        };
        assert_eq!(working, want, "pool {i}");
    }
    // One escrow query for all refreshed pools.
    assert_eq!(farm.fakes.borrow().escrow_queries as usize, pools + 1);

    // The pools past the bound follow at alice's own next action on them (a third party's
    // kick could only lower a boost).
    let last = (pools - 1) as u64;
    farm.refresh_own(&alice, last).unwrap();
    assert_eq!(farm.position(&alice, last).working.u128(), 100);

    // A position emptied leaves the index: the notice no longer visits pool 0.
    farm.withdraw(&alice, 0, 100).unwrap();
    let res = farm.lock_changed(&alice).unwrap();
    let expected: Vec<String> = (1..=MAX_REFRESH_POOLS).map(|i| i.to_string()).collect();
    assert_eq!(attr(&res, "refreshed"), expected.join(","));
}

#[test]
fn only_the_escrow_sends_lock_change_notices() {
    let mut farm = Farm::boosted(constant(1_000), mint_source());
    let alice = addr("alice");
    farm.refuse(
        &alice,
        &[],
        ExecuteMsg::LockChanged {
            user: alice.to_string(),
        },
        ContractError::NotVotingEscrow,
    );
    // A farm without an escrow accepts nobody's notice.
    let mut plain = Farm::new(constant(1_000), mint_source(), policy(false));
    plain.refuse(
        &addr(ESCROW),
        &[],
        ExecuteMsg::LockChanged {
            user: alice.to_string(),
        },
        ContractError::NotVotingEscrow,
    );
}

#[test]
fn kick_refuses_unboosted_pools_empty_positions_and_unknown_pools() {
    let mut farm = Farm::boosted(constant(1_000), mint_source());
    farm.add_pool("lp0", lp(ALY, "ufusd"), 1).unwrap();
    farm.add_boosted_pool("lp1", lp(ALY, "lp1"), 1, 40).unwrap();
    let (alice, kicker) = (addr("alice"), addr("kicker"));
    farm.deposit(&alice, 0, "lp0", 100).unwrap();
    let kick = |pool_id| ExecuteMsg::Kick {
        user: alice.to_string(),
        pool_id,
    };
    farm.refuse(
        &kicker,
        &[],
        kick(0),
        ContractError::PoolNotBoosted { pool_id: 0 },
    );
    farm.refuse(&kicker, &[], kick(1), ContractError::NoStake { pool_id: 1 });
    farm.refuse(
        &kicker,
        &[],
        kick(7),
        ContractError::UnknownPool { pool_id: 7 },
    );
    farm.refuse(
        &kicker,
        &[coin(1, "ufusd")],
        kick(1),
        ContractError::Payment(cw_utils::PaymentError::NonPayable {}),
    );
}

#[test]
fn add_pool_checks_the_tokenless_share() {
    let mut farm = Farm::boosted(constant(1_000), mint_source());
    let owner = farm.owner.clone();
    let add = |pct| ExecuteMsg::AddPool {
        staking: trellis_types::AssetInfo::native("lp0"),
        kind: lp(ALY, "ufusd"),
        weight: 1,
        tokenless_share_pct: Some(pct),
    };
    farm.refuse(
        &owner,
        &[],
        add(101),
        ContractError::InvalidTokenlessShare { pct: 101 },
    );
    let mut plain = Farm::new(constant(1_000), mint_source(), policy(false));
    plain.refuse(
        &owner,
        &[],
        add(40),
        ContractError::BoostWithoutEscrow { pct: 40 },
    );
    // 100 is no boost and needs no escrow.
    plain.exec(&owner, &[], add(100)).unwrap();
    assert_eq!(plain.pool(0).tokenless_share_pct, 100);
}

#[test]
fn emergency_withdraw_returns_principal_when_the_escrow_fails() {
    let mut farm = Farm::boosted(constant(1_000), mint_source());
    farm.fakes.borrow_mut().total_power = 1_000;
    farm.add_boosted_pool("lp0", lp(ALY, "ufusd"), 1, 40)
        .unwrap();
    let alice = addr("alice");
    farm.deposit(&alice, 0, "lp0", 100).unwrap();
    farm.at(10);
    farm.fakes.borrow_mut().escrow_broken = true;
    assert!(
        farm.withdraw(&alice, 0, 50).is_err(),
        "a partial exit asks the escrow"
    );
    let res = farm
        .exec(
            &alice,
            &[],
            ExecuteMsg::EmergencyWithdraw {
                pool_id: 0,
                recipient: None,
            },
        )
        .unwrap();
    assert_eq!(
        res.messages[0].msg,
        CosmosMsg::Bank(BankMsg::Send {
            to_address: alice.to_string(),
            amount: vec![coin(100, "lp0")],
        })
    );
    // Forfeited: 10 s * 1000 (alice was the only worker) becomes undistributed.
    let t = farm.totals();
    assert_eq!(t.undistributed.u128(), 10_000);
    assert_eq!(farm.pool(0).working_supply.u128(), 0);
}
