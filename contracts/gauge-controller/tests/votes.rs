//! Vote rules: delay, expired locks, admin weight changes, bounded resumable walks.
mod common;

use common::*;
use trellis_gauge_controller::ContractError;
use trellis_types::gauge_controller::{ExecuteMsg, QueryMsg, UserVoteResponse, UserVotesResponse};

fn one_gauge() -> Suite {
    let mut s = Suite::new();
    s.add_type("stable", 1);
    s.add_gauge("G1", 0);
    s.add_gauge("G2", 0);
    s
}

#[test]
fn a_vote_changes_at_most_once_per_delay() {
    let mut s = one_gauge();
    s.set_lock("A", 1000, N + 50 * WEEK);
    s.vote("A", "G1", 5_000).unwrap();
    let t0 = W0 + 100;
    // Default delay 10 days = 864,000 s.
    s.set_time(t0 + 863_999);
    s.refuse(
        &addr("A"),
        ExecuteMsg::VoteForGaugeWeights {
            gauge: "G1".to_string(),
            weight_bps: 10_000,
        },
        ContractError::VoteTooSoon {
            gauge: "G1".to_string(),
            last: t0,
            next_allowed: t0 + 864_000,
        },
    );
    // Other gauges are free meanwhile.
    s.vote("A", "G2", 5_000).unwrap();
    s.set_time(t0 + 864_000);
    s.vote("A", "G1", 2_000).unwrap();
    // Now in week W0 + 2 (t0 + 864,000 = W0 + 864,100), effective from N + 1 week:
    // 1000 x 2000 / 10000 = 200 slope, bias 200 x 49 weeks = 9,800 x 604,800 = 5,927,040,000.
    assert_eq!(s.gauge_weight("G1", N + WEEK), 5_927_040_000);
    // Week N still holds the old vote: 500 x 50 weeks = 25,000 x 604,800 = 15,120,000,000.
    assert_eq!(s.gauge_weight("G1", N), 15_120_000_000);
    assert_eq!(s.power_used("A"), 7_000);
    let v: UserVoteResponse = s.q(QueryMsg::UserVote {
        user: addr("A").to_string(),
        gauge: "G1".to_string(),
    });
    assert_eq!(
        v,
        UserVoteResponse {
            gauge: "G1".to_string(),
            slope: 200u128.into(),
            weight_bps: 2_000,
            end: N + 50 * WEEK,
            last_vote_time: t0 + 864_000,
            counting: true,
        }
    );
    let all: UserVotesResponse = s.q(QueryMsg::UserVotes {
        user: addr("A").to_string(),
        start_after: None,
        limit: None,
    });
    assert_eq!(all.votes.len(), 2);
    assert_eq!(all.votes[1].gauge, "G2");
}

#[test]
fn an_expired_lock_can_still_remove_its_vote() {
    let mut s = one_gauge();
    s.set_lock("A", 1000, N + 2 * WEEK);
    s.vote("A", "G1", 10_000).unwrap();
    // 1000 x 2 weeks = 1,209,600,000 at N.
    assert_eq!(s.gauge_weight("G1", N), 1_209_600_000);
    s.set_time(N + 3 * WEEK);
    // A new vote needs a lock past the next week (N + 4 weeks).
    s.refuse(
        &addr("A"),
        ExecuteMsg::VoteForGaugeWeights {
            gauge: "G1".to_string(),
            weight_bps: 5_000,
        },
        ContractError::LockTooShort {
            slope: 1000u128.into(),
            end: N + 2 * WEEK,
            next_week: N + 4 * WEEK,
        },
    );
    s.vote("A", "G1", 0).unwrap();
    assert_eq!(s.power_used("A"), 0);
    assert_eq!(s.gauge_weight("G1", N + 4 * WEEK), 0);
    // History is untouched: N + 1 week still 1000 x 1 week = 604,800,000.
    assert_eq!(s.gauge_weight("G1", N + WEEK), 604_800_000);
}

#[test]
fn an_admin_weight_change_leaves_no_slope_change_to_underflow() {
    let mut s = one_gauge();
    s.set_lock("A", 1000, N + 10 * WEEK);
    s.set_lock("B", 500, N + 20 * WEEK);
    s.vote("A", "G1", 10_000).unwrap();
    s.vote("B", "G1", 6_000).unwrap();
    s.vote("B", "G2", 4_000).unwrap();
    s.set_time(N + 1);
    // G1 becomes a constant 1,000,000 from N + 1 week, far below its vote bias
    // (8,890,560,000): in Curve the votes' slope changes would then underflow.
    s.admin(ExecuteMsg::ChangeGaugeWeight {
        gauge: "G1".to_string(),
        weight: 1_000_000u128.into(),
    });
    assert_eq!(s.gauge_weight("G1", N), 9_676_800_000);
    assert_eq!(s.gauge_weight("G1", N + WEEK), 1_000_000);
    // Type sum at N + 1 week: 1,000,000 + G2's 200 x 19 weeks (2,298,240,000).
    assert_eq!(s.type_sum(0, N + WEEK), 2_299_240_000);
    // Past both locks' ends (where A's 1000 and B's 300 used to be scheduled).
    s.set_time(N + 25 * WEEK + 1);
    s.exec(&addr("anyone"), ExecuteMsg::Checkpoint { gauge: None })
        .unwrap();
    s.exec(
        &addr("anyone"),
        ExecuteMsg::Checkpoint {
            gauge: Some("G1".to_string()),
        },
    )
    .unwrap();
    assert_eq!(s.gauge_weight("G1", N + 25 * WEEK), 1_000_000);
    assert_eq!(s.type_sum(0, N + 26 * WEEK), 1_000_000);
    // Stale votes are removed without touching the line.
    s.vote("A", "G1", 0).unwrap();
    s.vote("B", "G1", 0).unwrap();
    assert_eq!(s.power_used("B"), 4_000);
    // A new vote adds on top of the constant: C slope 100 to N + 30 weeks, counted from
    // N + 26 weeks: 100 x 4 weeks = 241,920,000, plus 1,000,000.
    s.set_lock("C", 100, N + 30 * WEEK);
    s.vote("C", "G1", 10_000).unwrap();
    assert_eq!(s.gauge_weight("G1", N + 26 * WEEK), 242_920_000);
    assert_eq!(s.relative("G1", N + 26 * WEEK), E18);
    // After C's lock the constant alone is left.
    assert_eq!(s.gauge_weight("G1", N + 31 * WEEK), 1_000_000);
}

#[test]
fn a_long_idle_gauge_needs_resumable_checkpoints() {
    let mut s = one_gauge();
    s.set_lock("A", 1000, N + 100 * WEEK);
    s.vote("A", "G1", 10_000).unwrap();
    // 60 weeks later the lines are 60 boundaries behind (limit 52 per message).
    s.set_time(N + 59 * WEEK + 1);
    s.set_lock("B", 10, N + 90 * WEEK);
    s.refuse(
        &addr("B"),
        ExecuteMsg::VoteForGaugeWeights {
            gauge: "G1".to_string(),
            weight_bps: 10_000,
        },
        ContractError::CheckpointRequired {
            next_week: N + 60 * WEEK,
        },
    );
    let r = s
        .exec(
            &addr("anyone"),
            ExecuteMsg::Checkpoint {
                gauge: Some("G1".to_string()),
            },
        )
        .unwrap();
    assert!(r
        .attributes
        .iter()
        .any(|a| a.key == "reached" && a.value == "false"));
    s.exec(
        &addr("anyone"),
        ExecuteMsg::Checkpoint {
            gauge: Some("G1".to_string()),
        },
    )
    .unwrap();
    s.vote("B", "G1", 10_000).unwrap();
    // Stored history: at N + 30 weeks A has 70 weeks left: 70,000 x 604,800.
    assert_eq!(s.gauge_weight("G1", N + 30 * WEEK), 42_336_000_000);
    // At N + 60 weeks: A 1000 x 40 weeks + B 10 x 30 weeks = 40,300 x 604,800.
    assert_eq!(s.gauge_weight("G1", N + 60 * WEEK), 24_373_440_000);
}
