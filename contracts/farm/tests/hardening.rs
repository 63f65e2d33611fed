//! Review findings on the farm, each with the number it must give: bounded lock-change
//! notices in gauge-split farms, reserve top-ups that never pay a dry past, claims that pay
//! what a capped reward token still allows, claims that write nothing for an absent position,
//! and an owner sweep that never touches what the books account for.
mod common;
use common::*;
use cosmwasm_std::{coin, coins, BankMsg, CosmosMsg, Decimal, Uint128};
use trellis_farm::ContractError;
use trellis_math::ve::WEEK;
use trellis_types::farm::*;
use trellis_types::AssetInfo;

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

fn paid_to(farm: &Farm, user: &cosmwasm_std::Addr) -> u128 {
    farm.paid
        .iter()
        .filter(|(to, _)| to == user)
        .map(|(_, a)| a.u128())
        .sum()
}

/// A notice walks no gauge week it has not cached: a pool settled this week is refreshed with
/// no controller query, a pool that would need one is left whole for its owner or a kick, and
/// after fifty weeks idle the notice still asks the controller nothing.
#[test]
fn lock_change_notices_in_gauge_split_farms_never_query_the_controller() {
    let mut farm = Farm::gauge_split(constant(1_000), mint_source());
    farm.fakes.borrow_mut().total_power = 1_000;
    let gauges: Vec<String> = (0..2).map(|i| farm.register_gauge(i)).collect();
    for (i, g) in gauges.iter().enumerate() {
        let denom = format!("lp{i}");
        farm.add_boosted_pool(&denom, lp(ALY, &denom), 0, 40)
            .unwrap();
        let mut f = farm.fakes.borrow_mut();
        f.set_weight(g, 0, Decimal::percent(50));
        f.set_weight(g, WEEK, Decimal::percent(50));
    }
    let (alice, bob) = (addr("alice"), addr("bob"));
    farm.deposit(&alice, 0, "lp0", 100).unwrap();
    farm.deposit(&alice, 1, "lp1", 100).unwrap();
    // bob's deposit settles pool 0 over [0, 10): its week-0 weight is now cached.
    farm.at(10).deposit(&bob, 0, "lp0", 100).unwrap();

    // alice takes all the power. Pool 0 (block-start stake 200):
    // min(40 + floor(60 * floor(200 * 1000 / 1000) / 100), 100) = 100. Pool 1 would need the
    // week-0 weight: left at 40.
    farm.at(20);
    farm.fakes.borrow_mut().set_power("alice", 1_000);
    let queries = farm.fakes.borrow().weight_queries;
    let res = farm.lock_changed(&alice).unwrap();
    assert_eq!(attr(&res, "refreshed"), "0");
    assert_eq!(attr(&res, "behind"), "1");
    assert_eq!(farm.fakes.borrow().weight_queries, queries);
    let before_pending = farm.position(&alice, 1).pending;
    assert_eq!(farm.position(&alice, 0).working.u128(), 100);
    assert_eq!(farm.position(&alice, 1).working.u128(), 40);

    // Fifty weeks idle: both pools would need 50 week weights; the notice asks for none.
    farm.at(50 * WEEK + 20);
    let queries = farm.fakes.borrow().weight_queries;
    let res = farm.lock_changed(&alice).unwrap();
    assert_eq!(attr(&res, "refreshed"), "");
    assert_eq!(attr(&res, "behind"), "0,1");
    assert_eq!(farm.fakes.borrow().weight_queries, queries);
    // Positions left behind are untouched; the owner's own refresh walks and applies it.
    assert_eq!(farm.position(&alice, 1).working.u128(), 40);
    assert!(farm.position(&alice, 1).pending >= before_pending);
    farm.refresh_own(&alice, 1).unwrap();
    assert_eq!(farm.position(&alice, 1).working.u128(), 100);
}

/// Gauge-split reserve farm, 1/s, two pools at 50% each, 1,000 funded. At t = 2,000 alice's
/// pool takes its 2,000 * 0.5 = 1,000 and empties the reserve; bob's pool has not settled.
/// A top-up of 2,000 arrives. Bob checkpointing first must not take it for the dry past:
/// his [0, 2,000) share (1,000) is skipped. From then on each pool takes 500 per 1,000 s.
#[test]
fn a_top_up_after_the_reserve_ran_dry_pays_only_from_its_arrival() {
    let mut farm = Farm::gauge_split(constant(1), reserve_source());
    for i in 0..2 {
        let g = farm.register_gauge(i);
        farm.fakes
            .borrow_mut()
            .set_weight(&g, 0, Decimal::percent(50));
        let denom = format!("lp{i}");
        farm.add_pool(&denom, lp(ALY, &denom), 0).unwrap();
    }
    let (alice, bob) = (addr("alice"), addr("bob"));
    farm.deposit(&alice, 0, "lp0", 100).unwrap();
    farm.deposit(&bob, 1, "lp1", 100).unwrap();
    farm.fund(1_000).unwrap();

    farm.at(2_000);
    farm.claim(&alice, vec![0]).unwrap();
    assert_eq!(paid_to(&farm, &alice), 1_000);
    farm.fund(2_000).unwrap();
    farm.claim(&bob, vec![1]).unwrap();
    assert_eq!(
        paid_to(&farm, &bob),
        0,
        "the dry past is not paid from the top-up"
    );
    let t = farm.totals();
    assert_eq!(t.skipped.u128(), 1_000);
    assert_eq!(t.reserve_available, Some(Uint128::new(2_000)));

    farm.at(3_000);
    farm.claim(&alice, vec![0]).unwrap();
    farm.claim(&bob, vec![1]).unwrap();
    assert_eq!(paid_to(&farm, &alice), 1_500);
    assert_eq!(paid_to(&farm, &bob), 500);
    // funded 3,000 = emitted 2,000 + reserve 1,000; 1,000 skipped.
    let t = farm.totals();
    assert_eq!(t.emitted.u128(), 2_000);
    assert_eq!(t.funded.u128(), 3_000);
    assert_eq!(t.reserve_available, Some(Uint128::new(1_000)));
    assert_eq!(t.skipped.u128(), 1_000);
}

/// A minted reward whose supply cap is nearly reached (an oTOKEN with a lifetime cap): the
/// claim pays what fits and keeps the rest pending instead of failing.
#[test]
fn a_claim_above_the_reward_tokens_cap_pays_what_fits_and_keeps_the_rest() {
    let mut farm = Farm::new(constant(10), mint_source(), policy(false));
    farm.add_pool("lp0", lp(ALY, "ufusd"), 1).unwrap();
    let alice = addr("alice");
    farm.deposit(&alice, 0, "lp0", 100).unwrap();
    {
        let mut f = farm.fakes.borrow_mut();
        f.reward_cap = Some(1_000);
        f.reward_supply = 900;
    }
    // 30 s * 10/s = 300 pending; the cap allows 1,000 - 900 = 100.
    farm.at(30);
    let res = farm.claim(&alice, vec![0]).unwrap();
    assert_eq!(attr(&res, "amount"), "100");
    assert_eq!(attr(&res, "pool_0_kept"), "200");
    assert_eq!(paid_to(&farm, &alice), 100);
    assert_eq!(farm.position(&alice, 0).pending.u128(), 200);
    // At the cap nothing is paid and nothing is lost.
    farm.fakes.borrow_mut().reward_supply = 1_000;
    let res = farm.claim(&alice, vec![0]).unwrap();
    assert!(res.messages.is_empty());
    assert_eq!(farm.position(&alice, 0).pending.u128(), 200);
    // Uncapped again: the 200 kept plus 0 new (same block) are paid.
    farm.fakes.borrow_mut().reward_cap = None;
    farm.claim(&alice, vec![0]).unwrap();
    assert_eq!(paid_to(&farm, &alice), 300);
    let t = farm.totals();
    assert_eq!(t.claimed.u128(), 300);
    assert_eq!(t.emitted.u128(), 300);
}

#[test]
fn a_claim_where_the_user_has_no_position_writes_nothing() {
    let mut farm = Farm::new(constant(10), mint_source(), policy(false));
    farm.add_pool("lp0", lp(ALY, "ufusd"), 1).unwrap();
    farm.add_pool("lp1", lp(ALY, "uwfuse"), 1).unwrap();
    let (alice, bob) = (addr("alice"), addr("bob"));
    farm.deposit(&alice, 0, "lp0", 100).unwrap();
    let before = farm.snapshot();
    let res = farm.claim(&bob, vec![0, 1]).unwrap();
    assert!(res.messages.is_empty());
    assert_eq!(attr(&res, "pool_0"), "0");
    assert_eq!(farm.snapshot(), before, "storage changed");
}

/// The farm holds 100 lp0 staked + 7 sent by mistake, and the reserve's 1,000 urew + 5 sent by
/// mistake. After 10 s at 10/s, 100 urew are emitted and unclaimed: the books account for
/// 900 reserve + 100 owed.
#[test]
fn sweep_takes_only_what_no_book_accounts_for() {
    let mut farm = Farm::new(constant(10), reserve_source(), policy(false));
    farm.add_pool("lp0", lp(ALY, "ufusd"), 1).unwrap();
    let alice = addr("alice");
    farm.deposit(&alice, 0, "lp0", 100).unwrap();
    farm.fund(1_000).unwrap();
    farm.at(10);
    let contract = farm.env.contract.address.to_string();
    farm.deps.querier.bank.update_balance(
        contract,
        vec![coin(107, "lp0"), coin(1_005, "urew"), coin(3, "uatom")],
    );
    let owner = farm.owner.clone();
    let sweep = |denom: &str| ExecuteMsg::Sweep {
        asset: AssetInfo::native(denom),
        recipient: addr("treasury").to_string(),
    };
    farm.refuse(
        &alice,
        &[],
        sweep("lp0"),
        ContractError::Ownership(cw_ownable::OwnershipError::NotOwner),
    );
    for (denom, stray) in [("lp0", 7), ("urew", 5), ("uatom", 3)] {
        let res = farm.exec(&owner, &[], sweep(denom)).unwrap();
        assert_eq!(
            res.messages[0].msg,
            CosmosMsg::Bank(BankMsg::Send {
                to_address: addr("treasury").to_string(),
                amount: coins(stray, denom),
            })
        );
    }
    // Once swept (balances back to what the books hold), there is nothing to take.
    let contract = farm.env.contract.address.to_string();
    farm.deps
        .querier
        .bank
        .update_balance(contract, vec![coin(100, "lp0"), coin(1_000, "urew")]);
    farm.refuse(
        &owner,
        &[],
        sweep("urew"),
        ContractError::NothingToSweep {
            asset: "native:urew".into(),
            balance: Uint128::new(1_000),
            booked: Uint128::new(1_000),
        },
    );
    farm.refuse(
        &owner,
        &[coin(1, "uatom")],
        sweep("lp0"),
        ContractError::Payment(cw_utils::PaymentError::NonPayable {}),
    );
}
