//! The gauge controller through the harness: two users' votes over two gauges in two types
//! give each gauge its relative weight, derived by hand.
use cosmwasm_std::{Decimal, Uint256};
use trellis_testing::ve::{EscrowOptions, WEEK};
use trellis_testing::{Suite, GENESIS_TIME};

const MAX_TIME: u64 = 126_144_000;
/// Locks `MAX_TIME * 1e6` base units: slope exactly 1,000,000.
const LOCK: u128 = 126_144_000_000_000;

#[test]
fn two_votes_split_two_gauges() {
    let mut suite = Suite::new();
    let lp = suite
        .create_cw20("LPV", &[("alice", LOCK), ("bob", LOCK)])
        .unwrap();
    let ve = suite.deploy_voting_escrow(EscrowOptions::new(lp)).unwrap();
    let gc = suite.deploy_gauge_controller(&ve, None).unwrap();
    // Type weights 1 and 2 (from the next week on).
    let stable = suite.add_gauge_type(&gc, "stable", 1).unwrap();
    let volatile = suite.add_gauge_type(&gc, "volatile", 2).unwrap();
    assert_eq!((stable, volatile), (0, 1));
    suite.add_gauge(&gc, "A", stable, None).unwrap();
    suite.add_gauge(&gc, "B", volatile, None).unwrap();

    // Both lock until now + MAXTIME: end 1,825,891,200, slope 1,000,000 each.
    for user in ["alice", "bob"] {
        suite
            .create_lock(&ve, user, LOCK, GENESIS_TIME + MAX_TIME)
            .unwrap();
    }
    // alice gives all her slope to A; bob half to A, half to B (500,000 each).
    suite.vote(&gc, "alice", "A", 10_000).unwrap();
    suite.vote(&gc, "bob", "A", 5_000).unwrap();
    suite.vote(&gc, "bob", "B", 5_000).unwrap();
    assert_eq!(suite.vote_power_used(&gc, "bob").unwrap(), 10_000);
    assert_eq!(
        suite.user_vote(&gc, "bob", "B").unwrap().slope.u128(),
        500_000
    );

    // Votes count from the next week, W1 = 2811 * 604,800 = 1,700,092,800; the lock ends
    // 1,825,891,200 - W1 = 125,798,400 s after it.
    let w1 = 1_700_092_800;
    assert_eq!(w1, (GENESIS_TIME / WEEK + 1) * WEEK);
    // This week nothing counts yet.
    assert_eq!(
        suite.relative_weight(&gc, "A", None).unwrap(),
        Decimal::zero()
    );
    // A = 1,500,000 * 125,798,400 = 188,697,600,000,000; B = 500,000 * 125,798,400
    // = 62,899,200,000,000.
    assert_eq!(
        suite.gauge_weight(&gc, "A", Some(w1)).unwrap(),
        188_697_600_000_000
    );
    assert_eq!(
        suite.gauge_weight(&gc, "B", Some(w1)).unwrap(),
        62_899_200_000_000
    );
    // Total = 1 * A + 2 * B = 314,496,000,000,000; relative A = 1.5 / 2.5 = 0.6, B = 1 / 2.5
    // = 0.4.
    assert_eq!(
        suite.gauge_total_weight(&gc, Some(w1)).unwrap(),
        Uint256::from(314_496_000_000_000u128)
    );
    assert_eq!(
        suite.relative_weight(&gc, "A", Some(w1)).unwrap(),
        Decimal::percent(60)
    );
    assert_eq!(
        suite.relative_weight(&gc, "B", Some(w1)).unwrap(),
        Decimal::percent(40)
    );

    // A week later both lines have decayed by the same factor: the shares stay; a checkpoint
    // walks the lines there.
    suite.advance_seconds(w1 + WEEK - GENESIS_TIME);
    suite.gauge_checkpoint(&gc, None).unwrap();
    assert_eq!(
        suite.gauge_weight(&gc, "A", None).unwrap(),
        1_500_000 * (125_798_400 - 604_800)
    );
    assert_eq!(
        suite.relative_weight(&gc, "A", None).unwrap(),
        Decimal::percent(60)
    );
    let gauges: Vec<String> = suite
        .gauges(&gc)
        .unwrap()
        .into_iter()
        .map(|g| g.gauge)
        .collect();
    assert_eq!(gauges, ["A", "B"]);
}
