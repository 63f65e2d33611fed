//! Fees split by ve power at each week's start, spread over weeks in proportion to time, and
//! zero-power weeks carried forward. Every expected number is derived in a comment.
mod common;
use common::*;
use trellis_types::voting_escrow::WEEK;

#[test]
fn one_week_of_fees_split_between_two_lockers() {
    let mut s = Suite::new();
    let (alice, bob) = (s.addr("alice"), s.addr("bob"));
    s.set_power(&alice, 0, 300);
    s.set_power(&bob, 0, 100);
    s.send_native_fees(700);
    s.send_cw20_fees(1001);
    s.at(T0 + WEEK);
    s.checkpoint().unwrap();
    // [T0, T0 + WEEK) is exactly week 0: all of both receipts lands there.
    assert_eq!(s.weeks(s.native(), None, None), vec![(0, 700)]);
    assert_eq!(s.weeks(s.token(), None, None), vec![(0, 1001)]);
    // Total power 400. Alice: floor(700 * 300 / 400) = 525, floor(1001 * 300 / 400) =
    // floor(750.75) = 750. Bob: floor(700 * 100 / 400) = 175, floor(250.25) = 250.
    assert_eq!(s.claimable(&alice), (525, 750, T0 + WEEK));
    assert_eq!(s.claimable(&bob), (175, 250, T0 + WEEK));
    // Anyone may claim for Alice; she is paid.
    let keeper = s.addr("keeper");
    s.claim(&keeper, Some(&alice), None).unwrap();
    assert_eq!(s.native_balance(&alice), 525);
    assert_eq!(s.cw20_balance(&alice), 750);
    assert_eq!(s.native_balance(&keeper), 0);
    s.claim(&bob, None, None).unwrap();
    assert_eq!((s.native_balance(&bob), s.cw20_balance(&bob)), (175, 250));
    assert_eq!(s.cursor(&alice), T0 + WEEK);
    // Booked 700 / 1001, claimed 525 + 175 = 700 and 750 + 250 = 1000: the cw20 unit of
    // rounding dust stays owed in the contract, and nothing is unbooked.
    assert_eq!(s.totals(0), (700, 700, 0));
    assert_eq!(s.totals(1), (1001, 1000, 0));
    assert_eq!(s.cw20_balance(&s.fd.clone()), 1);
    // Claiming again is refused: no complete week left.
    s.refuse(
        trellis_fee_distributor::ContractError::NothingToClaim {
            user: alice.to_string(),
            cursor: T0 + WEEK,
            last_token_time: T0 + WEEK,
        },
        |s| s.claim(&alice, None, None),
    );
}

#[test]
fn receipts_are_spread_over_weeks_in_proportion_to_time() {
    let mut s = Suite::new();
    let alice = s.addr("alice");
    let bob = s.addr("bob");
    s.set_power_range(&alice, 0, 3, 300);
    s.set_power_range(&bob, 0, 3, 100);
    // An empty checkpoint at T0 + WEEK/2 books nothing and moves the booking time there.
    s.at(T0 + WEEK / 2);
    s.checkpoint().unwrap();
    s.send_native_fees(900);
    // Spread over [T0 + WEEK/2, T0 + 5 WEEK/4): span 3 WEEK/4 = 453,600 s.
    s.at(T0 + WEEK + WEEK / 4);
    s.checkpoint().unwrap();
    // Week 0 gets floor(900 * 302,400 / 453,600) = 600; week 1 gets 900 - 600 = 300.
    assert_eq!(s.weeks(s.native(), None, None), vec![(0, 600), (1, 300)]);
    // Only week 0 is complete (week 1 ends at T0 + 2 WEEK > T0 + 5 WEEK/4).
    // Alice: floor(600 * 300 / 400) = 450.
    assert_eq!(s.claimable(&alice), (450, 0, T0 + WEEK));
    s.claim(&alice, None, None).unwrap();
    assert_eq!(s.native_balance(&alice), 450);
    // Week 1 completes once fees are booked up to T0 + 2 WEEK (nothing new received: the
    // checkpoint only moves the time). Alice: floor(300 * 3 / 4) = 225 more.
    s.at(T0 + 2 * WEEK);
    s.checkpoint().unwrap();
    assert_eq!(s.weeks(s.native(), None, None), vec![(0, 600), (1, 300)]);
    s.claim(&alice, None, None).unwrap();
    assert_eq!(s.native_balance(&alice), 450 + 225);
    // Bob claims both weeks at once: floor(600 / 4) + floor(300 / 4) = 150 + 75 = 225.
    s.claim(&bob, None, None).unwrap();
    assert_eq!(s.native_balance(&bob), 225);
    assert_eq!(s.totals(0), (900, 900, 0));
}

#[test]
fn zero_power_week_is_carried_into_later_weeks() {
    let mut s = Suite::new();
    let alice = s.addr("alice");
    // No power at all in week 0; Alice alone from week 1.
    s.set_power_range(&alice, 1, 4, 100);
    s.send_native_fees(1000);
    s.at(T0 + 2 * WEEK);
    s.checkpoint().unwrap();
    // Span 2 WEEK: week 0 would get floor(1000 * 1/2) = 500 but has no power, so it books
    // nothing; week 1 gets 1000 - 500 = 500. The other 500 stays, unbooked.
    assert_eq!(s.weeks(s.native(), None, None), vec![(1, 500)]);
    assert_eq!(s.totals(0), (500, 0, 500));
    // The next checkpoint spreads the 500 over [T0 + 2 WEEK, T0 + 3 WEEK): week 2.
    s.at(T0 + 3 * WEEK);
    s.checkpoint().unwrap();
    assert_eq!(s.weeks(s.native(), None, None), vec![(1, 500), (2, 500)]);
    assert_eq!(s.totals(0), (1000, 0, 0));
    // Alice holds all the power in weeks 1 and 2: she gets all 1000; nothing is lost.
    assert_eq!(s.claimable(&alice), (1000, 0, T0 + 3 * WEEK));
    s.claim(&alice, None, None).unwrap();
    assert_eq!(s.native_balance(&alice), 1000);
    assert_eq!(s.native_balance(&s.fd.clone()), 0);
}

#[test]
fn native_fees_may_be_attached_to_the_checkpoint() {
    let mut s = Suite::new();
    let alice = s.addr("alice");
    s.set_power(&alice, 0, 1);
    let payer = s.addr("payer");
    s.mint_native(&payer, cosmwasm_std::coin(70, FEE_DENOM));
    s.at(T0 + WEEK);
    s.exec(
        &payer,
        &trellis_types::fee_distributor::ExecuteMsg::CheckpointToken {},
        &[cosmwasm_std::coin(70, FEE_DENOM)],
    )
    .unwrap();
    // The attached 70 is in the balance when the checkpoint runs: all of it to week 0.
    assert_eq!(s.weeks(s.native(), None, None), vec![(0, 70)]);
    assert_eq!(s.claimable(&alice), (70, 0, T0 + WEEK));
}

#[test]
fn nothing_is_booked_before_the_start_and_start_rounds_down() {
    let mut s = Suite::bare();
    // A start 5 s into week 1 rounds down to week 1's start.
    let msg = s.instantiate_msg(T0 + WEEK + 5);
    s.fd = s.try_instantiate(&msg).unwrap();
    let cfg: trellis_types::fee_distributor::ConfigResponse =
        s.query(&trellis_types::fee_distributor::QueryMsg::Config {});
    assert_eq!(cfg.start_time, T0 + WEEK);
    assert_eq!(cfg.last_token_time, T0 + WEEK);
    let alice = s.addr("alice");
    s.set_power_range(&alice, 0, 3, 10);
    // Received at T0, checkpointed at T0 (before the start): nothing booked, time unchanged.
    s.send_native_fees(100);
    s.checkpoint().unwrap();
    assert_eq!(s.totals(0), (0, 0, 100));
    // From the start on, the receipt is spread over [T0 + WEEK, T0 + 2 WEEK): week 1.
    s.at(T0 + 2 * WEEK);
    s.checkpoint().unwrap();
    assert_eq!(s.weeks(s.native(), None, None), vec![(1, 100)]);
    // Alice's cursor starts at the start week: she gets week 1 only, all 100.
    assert_eq!(s.cursor(&alice), T0 + WEEK);
    assert_eq!(s.claimable(&alice), (100, 0, T0 + 2 * WEEK));
}

#[test]
fn tokens_per_week_is_paginated() {
    let mut s = Suite::new();
    let alice = s.addr("alice");
    s.set_power_range(&alice, 0, 12, 1);
    s.send_native_fees(1200);
    s.at(T0 + 12 * WEEK);
    s.checkpoint().unwrap();
    // 1200 over 12 weeks: floor(1200 * k / 12) steps of exactly 100.
    let page = s.weeks(s.native(), None, None);
    // Default page: 10 weeks, 0..=9.
    assert_eq!(page, (0..10).map(|w| (w, 100)).collect::<Vec<_>>());
    assert_eq!(
        s.weeks(s.native(), Some(9), None),
        vec![(10, 100), (11, 100)]
    );
    assert_eq!(
        s.weeks(s.native(), Some(2), Some(2)),
        vec![(3, 100), (4, 100)]
    );
    // Above the maximum (100) the page is capped, here by the 12 weeks that exist.
    assert_eq!(s.weeks(s.native(), None, Some(1000)).len(), 12);
}

#[test]
fn total_power_is_read_once_per_week_and_cached() {
    let mut s = Suite::new();
    let (alice, bob) = (s.addr("alice"), s.addr("bob"));
    s.set_power(&alice, 0, 300);
    s.set_power(&bob, 0, 100);
    s.send_native_fees(700);
    s.at(T0 + WEEK);
    s.checkpoint().unwrap();
    // The escrow now reports a different past for Bob (total 600), but week 0's total was
    // cached at 400 when the fees were booked: Alice still gets floor(700 * 300 / 400) = 525.
    s.set_power(&bob, 0, 300);
    assert_eq!(s.claimable(&alice), (525, 0, T0 + WEEK));
}
