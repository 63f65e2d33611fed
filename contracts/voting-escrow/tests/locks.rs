//! Lock lifecycle and power at present, past and future times, with hand-derived numbers.
//!
//! Clock: T0 = 1,700,000,000 lies in week 2810 (starting W = 2810 * 604,800 = 1,699,488,000).
//! Most locks use amounts that are whole multiples of MAXTIME = 126,144,000 so that slopes
//! are round: `k * MAXTIME` locked gives slope `k`.
mod common;
use common::*;
use cosmwasm_std::{coin, BankMsg, CosmosMsg, Uint128};
use trellis_types::voting_escrow::*;

const WEEK: u64 = 604_800;
const W: u64 = 1_699_488_000;

fn m(k: u128) -> u128 {
    k * MAXTIME as u128
}

#[test]
fn design_example_holds_exactly() {
    let mut ve = Ve::new();
    let alice = addr("alice");
    let res = ve.create(&alice, 1000 * E18, T0 + MAXTIME).unwrap();
    // end = round_down(1,826,144,000) = 3019 * 604,800 = 1,825,891,200;
    // slope = 1000e18 / 126,144,000 floored = 7,927,447,995,941;
    // bias = slope * (end - T0) = 7,927,447,995,941 * 125,891,200 = 997,995,941,146,607,619,200.
    assert_eq!(attr(&res, "end"), "1825891200");
    assert_eq!(attr(&res, "slope"), "7927447995941");
    assert_eq!(attr(&res, "bias"), "997995941146607619200");
    assert_eq!(attr(&res, "total_power"), "997995941146607619200");
    assert_eq!(
        ve.lock(&alice),
        LockResponse {
            amount: Uint128::new(1000 * E18),
            end: 1_825_891_200
        }
    );
    assert_eq!(ve.power(&alice, None), 997_995_941_146_607_619_200);
    assert_eq!(ve.total(None), 997_995_941_146_607_619_200);
    let slope: UserSlopeResponse = ve.q(QueryMsg::UserSlope {
        user: alice.to_string(),
    });
    assert_eq!(slope.slope.u128(), 7_927_447_995_941);
    assert_eq!(slope.end, 1_825_891_200);

    // One year later (31,536,000 s): bias - slope * 31,536,000
    // = 997,995,941,146,607,619,200 - 249,999,999,999,995,376,000 = 747,995,941,146,612,243,200,
    // asked ahead of time and then once the year has passed.
    let year = T0 + 31_536_000;
    assert_eq!(ve.power(&alice, Some(year)), 747_995_941_146_612_243_200);
    assert_eq!(ve.total(Some(year)), 747_995_941_146_612_243_200);
    ve.at(year);
    assert_eq!(ve.power(&alice, None), 747_995_941_146_612_243_200);
    assert_eq!(ve.total(None), 747_995_941_146_612_243_200);
    // At and after the end: zero. Before the lock: zero.
    assert_eq!(ve.power(&alice, Some(1_825_891_200)), 0);
    assert_eq!(ve.total(Some(1_825_891_200 + 5 * WEEK)), 0);
    assert_eq!(ve.power(&alice, Some(T0 - 1)), 0);
    assert_eq!(ve.total(Some(T0 - 1)), 0);
}

#[test]
fn total_after_one_of_two_locks_expires() {
    let mut ve = Ve::new();
    let (alice, bob) = (addr("alice"), addr("bob"));
    // Alice: slope 1000 until W + 10 weeks = 1,705,536,000 (T0 + 10 weeks rounds down there).
    ve.create(&alice, m(1000), T0 + 10 * WEEK).unwrap();
    // Bob: slope 3000 until W + 20 weeks = 1,711,584,000.
    ve.create(&bob, m(3000), T0 + 20 * WEEK).unwrap();
    assert_eq!(ve.lock(&bob).end, 1_711_584_000);
    // Now: 1000 * 5,536,000 + 3000 * 11,584,000 = 5,536,000,000 + 34,752,000,000.
    assert_eq!(ve.power(&alice, None), 5_536_000_000);
    assert_eq!(ve.power(&bob, None), 34_752_000_000);
    assert_eq!(ve.total(None), 40_288_000_000);
    // Three days after Alice's end (1,705,795,200): only Bob, 3000 * 5,788,800.
    let t = 1_705_536_000 + 259_200;
    assert_eq!(ve.power(&alice, Some(t)), 0);
    assert_eq!(ve.total(Some(t)), 17_366_400_000);
    // The same once the time has come and the history is checkpointed.
    ve.at(t);
    let res = ve.checkpoint().unwrap();
    assert_eq!(attr(&res, "weeks_walked"), "10");
    assert_eq!(attr(&res, "total_power"), "17366400000");
    assert_eq!(ve.total(None), 17_366_400_000);
    // And the past is unchanged.
    assert_eq!(ve.total(Some(T0)), 40_288_000_000);
    assert_eq!(ve.total(Some(1_711_584_000)), 0);
}

#[test]
fn increase_amount_and_extend_keep_one_point_per_block() {
    let mut ve = Ve::new();
    let (alice, bob) = (addr("alice"), addr("bob"));
    ve.create(&alice, m(1000), T0 + 10 * WEEK).unwrap();
    // Created in the instantiation block: the first point is updated, not a second pushed.
    assert_eq!(ve.epoch(), 0);
    let t1 = T0 + WEEK;
    ve.at(t1);
    // Slope 1500 now, 1,705,536,000 - 1,700,604,800 = 4,931,200 s left: 7,396,800,000.
    let res = ve.increase(&alice, m(500)).unwrap();
    assert_eq!(attr(&res, "slope"), "1500");
    assert_eq!(attr(&res, "bias"), "7396800000");
    assert_eq!(ve.epoch(), 1);
    // Extended to W + 30 weeks = 1,717,632,000: 1500 * 17,027,200 = 25,540,800,000.
    let res = ve.extend(&alice, W + 30 * WEEK + 5).unwrap();
    assert_eq!(attr(&res, "end"), "1717632000");
    assert_eq!(attr(&res, "bias"), "25540800000");
    // Bob in the same block too: 2 * (1,705,536,000 - 1,700,604,800) = 9,862,400.
    ve.create(&bob, m(2), T0 + 10 * WEEK).unwrap();
    assert_eq!(
        ve.epoch(),
        1,
        "three actions in one block, one global point"
    );
    assert_eq!(ve.total(None), 25_540_800_000 + 9_862_400);
    // Past answers are those of the time: at T0 Alice alone, 1000 * 5,536,000; one second
    // before t1, 5,536,000,000 - 1000 * 604,799 = 4,931,201,000.
    assert_eq!(ve.power(&alice, Some(T0)), 5_536_000_000);
    assert_eq!(ve.total(Some(T0)), 5_536_000_000);
    assert_eq!(ve.power(&alice, Some(t1 - 1)), 4_931_201_000);
    assert_eq!(ve.total(Some(t1 - 1)), 4_931_201_000);
    // Alice's old end no longer takes anything away: at W + 20 weeks she has
    // 1500 * 10 weeks = 1500 * 6,048,000 = 9,072,000,000, and Bob has ended.
    assert_eq!(ve.total(Some(W + 20 * WEEK)), 9_072_000_000);
    let points: PointsResponse = ve.q(QueryMsg::UserPoints {
        user: alice.to_string(),
        start_after: None,
        limit: None,
    });
    // One point at T0 (create) and one at t1 (increase then extend, same block).
    assert_eq!(
        points.points,
        vec![
            Point {
                bias: Uint128::new(5_536_000_000),
                slope: Uint128::new(1000),
                ts: T0
            },
            Point {
                bias: Uint128::new(25_540_800_000),
                slope: Uint128::new(1500),
                ts: t1
            },
        ]
    );
    let page: PointsResponse = ve.q(QueryMsg::UserPoints {
        user: alice.to_string(),
        start_after: Some(1),
        limit: Some(5),
    });
    assert_eq!(page.points, points.points[1..].to_vec());
}

#[test]
fn deposit_for_adds_to_someone_elses_lock() {
    let mut ve = Ve::new();
    let (alice, bob) = (addr("alice"), addr("bob"));
    ve.create(&alice, m(1000), T0 + 10 * WEEK).unwrap();
    let res = ve
        .exec(
            &bob,
            &[coin(m(250), LP)],
            ExecuteMsg::DepositFor {
                user: alice.to_string(),
            },
        )
        .unwrap();
    assert_eq!(attr(&res, "action"), "deposit_for");
    // Slope 1250 over 5,536,000 s: 6,920,000,000; Bob has no lock of his own.
    assert_eq!(ve.lock(&alice).amount.u128(), m(1250));
    assert_eq!(ve.power(&alice, None), 6_920_000_000);
    assert_eq!(ve.power(&bob, None), 0);
    assert_eq!(ve.total(None), 6_920_000_000);
}

#[test]
fn withdraw_after_expiry_returns_everything() {
    let mut ve = Ve::new();
    let alice = addr("alice");
    // The extra 123 units are below one unit of slope (floored away): slope 7, power
    // 7 * (W + 3 weeks - T0) = 7 * 1,302,400 = 9,116,800, but withdraw returns them too.
    ve.create(&alice, m(7) + 123, T0 + 3 * WEEK).unwrap();
    assert_eq!(ve.power(&alice, None), 9_116_800);
    let end = W + 3 * WEEK;
    ve.at(end);
    let res = ve.withdraw(&alice).unwrap();
    assert_eq!(
        res.messages[0].msg,
        CosmosMsg::Bank(BankMsg::Send {
            to_address: alice.to_string(),
            amount: vec![coin(m(7) + 123, LP)],
        })
    );
    assert_eq!(
        ve.lock(&alice),
        LockResponse {
            amount: Uint128::zero(),
            end: 0
        }
    );
    assert_eq!(ve.power(&alice, None), 0);
    // 7 * (1,701,302,400 - 1,700,000,000) = 7 * 1,302,400 = 9,116,800 at T0, still.
    assert_eq!(ve.power(&alice, Some(T0)), 9_116_800);
    assert_eq!(ve.total(Some(T0)), 9_116_800);
    // A new lock after withdrawing is allowed.
    ve.create(&alice, m(1), end + 2 * WEEK).unwrap();
    assert_eq!(ve.power(&alice, None), 1_209_600);
}

#[test]
fn a_sixty_week_gap_needs_bounded_checkpoints_and_stays_exact() {
    let mut ve = Ve::new();
    let (alice, bob) = (addr("alice"), addr("bob"));
    // Alice: slope 1000 until W + 200 weeks = 1,820,448,000 (within T0 + MAXTIME).
    ve.create(&alice, m(1000), W + 200 * WEEK).unwrap();
    // 1000 * (1,820,448,000 - 1,700,000,000) = 120,448,000,000.
    assert_eq!(ve.total(None), 120_448_000_000);
    // 60 week boundaries later (plus 1000 s); nobody acted meanwhile.
    let t = W + 60 * WEEK + 1000;
    ve.at(t);
    // 1000 * (140 weeks - 1000 s) = 1000 * 84,671,000 = 84,671,000,000.
    assert_eq!(ve.total(None), 84_671_000_000);
    assert_eq!(ve.power(&alice, None), 84_671_000_000);
    // A lock change walks 52 weeks (to W + 52 weeks), is still 8 behind, and is refused.
    ve.refuse(
        &bob,
        &[coin(m(2000), LP)],
        ExecuteMsg::CreateLock {
            unlock_time: W + 100 * WEEK,
        },
        trellis_voting_escrow::ContractError::CheckpointRequired { weeks_behind: 8 },
    );
    let res = ve.checkpoint().unwrap();
    assert_eq!(attr(&res, "weeks_walked"), "52");
    assert_eq!(attr(&res, "weeks_behind"), "8");
    assert_eq!(attr(&res, "reached"), (W + 52 * WEEK).to_string());
    // At W + 52 weeks: 1000 * 148 weeks = 1000 * 89,510,400 = 89,510,400,000.
    assert_eq!(attr(&res, "total_power"), "89510400000");
    assert_eq!(ve.total(None), 84_671_000_000);
    // Now the remaining 8 weeks fit in the lock change's own walk.
    // Bob: slope 2000 until W + 100 weeks: 2000 * (40 weeks - 1000 s) = 2000 * 24,191,000.
    let res = ve.create(&bob, m(2000), W + 100 * WEEK).unwrap();
    assert_eq!(attr(&res, "bias"), "48382000000");
    assert_eq!(attr(&res, "total_power"), "133053000000");
    assert_eq!(ve.total(None), 133_053_000_000);
    // Past inside the gap: 1000 * 170 weeks = 1000 * 102,816,000.
    assert_eq!(ve.total(Some(W + 30 * WEEK)), 102_816_000_000);
    // Future after Bob's end: Alice's 100 weeks left = 1000 * 60,480,000.
    assert_eq!(ve.total(Some(W + 100 * WEEK)), 60_480_000_000);
    // A second checkpoint in the same block changes nothing.
    let epoch = ve.epoch();
    let res = ve.checkpoint().unwrap();
    assert_eq!(attr(&res, "weeks_behind"), "0");
    assert_eq!(ve.epoch(), epoch);
}

#[test]
fn batched_power_queries_answer_each_time_in_order() {
    let mut ve = Ve::new();
    let alice = addr("alice");
    ve.create(&alice, 1000 * E18, T0 + MAXTIME).unwrap();
    // The reference lock: now, one year later, at its end (1,825,891,200) and after it.
    let times = vec![T0, T0 + 31_536_000, 1_825_891_200, 1_825_891_201];
    let want = [
        997_995_941_146_607_619_200u128,
        747_995_941_146_612_243_200,
        0,
        0,
    ];
    let user: PowersResponse = ve.q(QueryMsg::UserPowers {
        user: alice.to_string(),
        times: times.clone(),
    });
    let total: PowersResponse = ve.q(QueryMsg::TotalPowers {
        times: times.clone(),
    });
    let want: Vec<Uint128> = want.into_iter().map(Uint128::new).collect();
    assert_eq!(user.powers, want);
    assert_eq!(total.powers, want);

    let too_many = vec![T0; MAX_TIMES_PER_QUERY + 1];
    let err = trellis_voting_escrow::contract::query(
        ve.deps.as_ref(),
        ve.env.clone(),
        QueryMsg::TotalPowers { times: too_many },
    )
    .unwrap_err();
    assert_eq!(
        err,
        trellis_voting_escrow::ContractError::TooManyTimes {
            count: MAX_TIMES_PER_QUERY + 1,
            max: MAX_TIMES_PER_QUERY
        }
    );
}
