//! A user's claim cursor starts at the week of its first ve point, not at `start_time`: a user
//! who locks long after the start is paid by its first claim instead of walking empty weeks.
mod common;
use common::*;
use trellis_types::voting_escrow::WEEK;

#[test]
fn a_late_locker_is_paid_by_its_first_claim() {
    let mut s = Suite::new();
    let (alice, dave) = (s.addr("alice"), s.addr("dave"));
    // Alice holds power from the start; Dave locks 60 weeks later.
    s.set_power_range(&alice, 0, 70, 1);
    s.set_power_range(&dave, 60, 70, 1);
    s.send_native_fees(7_000);
    s.at(T0 + 70 * WEEK);
    // 7,000 over 70 weeks, 100 a week: 52 weeks in the first call, the other 18 in the second.
    s.checkpoint().unwrap();
    s.checkpoint().unwrap();
    assert_eq!(s.totals(0), (7_000, 0, 0));
    // Dave starts at week 60: weeks 60..70 each give him floor(100 * 1 / 2) = 50, 500 in all,
    // in one claim. (From start_time he would have walked 50 empty weeks, then 10 more, and
    // this first claim would have paid nothing.)
    assert_eq!(s.cursor(&dave), T0 + 60 * WEEK);
    assert_eq!(s.claimable(&dave), (500, 0, T0 + 70 * WEEK));
    s.claim(&dave, None, None).unwrap();
    assert_eq!(s.native_balance(&dave), 500);
    assert_eq!(s.cursor(&dave), T0 + 70 * WEEK);
    // Alice starts at week 0: 60 weeks alone (100 each) and 10 shared (50 each) = 6,500, over
    // two claims of 50 and 20 weeks.
    assert_eq!(s.cursor(&alice), T0);
    s.claim(&alice, None, None).unwrap();
    assert_eq!(s.native_balance(&alice), 5_000);
    s.claim(&alice, None, None).unwrap();
    assert_eq!(s.native_balance(&alice), 6_500);
    assert_eq!(s.totals(0), (7_000, 7_000, 0));
}

#[test]
fn a_lock_before_the_start_starts_at_the_start() {
    let mut s = Suite::bare();
    let alice = s.addr("alice");
    // The distributor starts 2 weeks after T0; Alice's first point is in week 0.
    s.set_power_range(&alice, 0, 4, 1);
    let msg = s.instantiate_msg(T0 + 2 * WEEK);
    s.fd = s.try_instantiate(&msg).unwrap();
    assert_eq!(s.cursor(&alice), T0 + 2 * WEEK);
}
