//! Bounded walks: a claim walks at most `MAX_WEEKS_PER_CLAIM` weeks and resumes from its
//! stored cursor; a checkpoint books at most `MAX_WEEKS_PER_CHECKPOINT` weeks per call.
mod common;
use common::*;
use trellis_fee_distributor::limits::{MAX_WEEKS_PER_CHECKPOINT, MAX_WEEKS_PER_CLAIM};
use trellis_types::voting_escrow::WEEK;

#[test]
fn claim_resumes_after_its_week_limit() {
    let mut s = Suite::new();
    let alice = s.addr("alice");
    s.set_power_range(&alice, 0, 10, 5);
    s.send_native_fees(1000);
    s.at(T0 + 10 * WEEK);
    s.checkpoint().unwrap();
    // 1000 over 10 weeks: 100 per week; Alice holds all the power.
    assert_eq!(s.claimable(&alice), (1000, 0, T0 + 10 * WEEK));
    s.claim(&alice, None, Some(3)).unwrap();
    // Weeks 0..3: 300; the cursor stops at week 3.
    assert_eq!(s.native_balance(&alice), 300);
    assert_eq!(s.cursor(&alice), T0 + 3 * WEEK);
    assert_eq!(s.claimable(&alice), (700, 0, T0 + 10 * WEEK));
    s.claim(&alice, None, None).unwrap();
    assert_eq!(s.native_balance(&alice), 1000);
    assert_eq!(s.cursor(&alice), T0 + 10 * WEEK);
}

#[test]
fn long_gaps_are_booked_and_claimed_in_bounded_steps() {
    assert_eq!((MAX_WEEKS_PER_CHECKPOINT, MAX_WEEKS_PER_CLAIM), (52, 50));
    let mut s = Suite::new();
    let alice = s.addr("alice");
    s.set_power_range(&alice, 0, 60, 7);
    s.send_native_fees(6000);
    s.at(T0 + 60 * WEEK);
    s.checkpoint().unwrap();
    // Span 60 weeks, walk capped at 52: floor(6000 * 52 / 60) = 5200 booked, 100 per week;
    // 800 stays unbooked and fees are booked up to T0 + 52 WEEK.
    assert_eq!(s.totals(0), (5200, 0, 800));
    // Second call, same block: 800 over the 8 remaining weeks, 100 each.
    s.checkpoint().unwrap();
    assert_eq!(s.totals(0), (6000, 0, 0));
    assert_eq!(
        s.weeks(s.native(), Some(51), None),
        (52..60).map(|w| (w, 100)).collect::<Vec<_>>()
    );
    // A claim walks 50 weeks (5000), the next one the last 10 (1000).
    assert_eq!(s.claimable(&alice), (5000, 0, T0 + 50 * WEEK));
    s.claim(&alice, None, None).unwrap();
    assert_eq!(s.native_balance(&alice), 5000);
    s.claim(&alice, None, None).unwrap();
    assert_eq!(s.native_balance(&alice), 6000);
    assert_eq!(s.cursor(&alice), T0 + 60 * WEEK);
}

#[test]
fn a_claim_over_weeks_without_share_moves_the_cursor() {
    let mut s = Suite::new();
    let (alice, carol) = (s.addr("alice"), s.addr("carol"));
    s.set_power_range(&alice, 0, 2, 1_000);
    s.set_power_range(&carol, 0, 2, 1);
    s.send_native_fees(200);
    s.at(T0 + 2 * WEEK);
    s.checkpoint().unwrap();
    // 100 per week; Carol's share floor(100 * 1 / 1,001) = 0 in each: the walk covers weeks 0
    // and 1, pays nothing, and succeeds.
    assert_eq!(s.claimable(&carol), (0, 0, T0 + 2 * WEEK));
    s.claim(&carol, None, None).unwrap();
    assert_eq!(s.native_balance(&carol), 0);
    assert_eq!(s.cursor(&carol), T0 + 2 * WEEK);
    assert_eq!(s.totals(0), (200, 0, 0));
}

#[test]
fn a_user_without_ve_history_has_no_weeks_to_walk() {
    let mut s = Suite::new();
    let (alice, bob) = (s.addr("alice"), s.addr("bob"));
    s.set_power_range(&alice, 0, 2, 1);
    s.send_native_fees(200);
    s.at(T0 + 2 * WEEK);
    s.checkpoint().unwrap();
    // Bob never locked: he starts at the last complete week's end, T0 + 2 weeks, and a claim
    // is refused instead of walking two empty weeks.
    assert_eq!(s.cursor(&bob), T0 + 2 * WEEK);
    assert_eq!(s.claimable(&bob), (0, 0, T0 + 2 * WEEK));
    s.refuse(
        trellis_fee_distributor::ContractError::NothingToClaim {
            user: bob.to_string(),
            cursor: T0 + 2 * WEEK,
            last_token_time: T0 + 2 * WEEK,
        },
        |s| s.claim(&bob, None, None),
    );
}
