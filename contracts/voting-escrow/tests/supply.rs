//! Property: after random locks, increases, extensions, deposits and withdrawals over random
//! weeks, at every week boundary (past or future) and at every action time the total power
//! equals the sum of the users' powers, exactly; and answers about the past never change.
//!
//! Why exactly: each user's line is `slope * (end - t)` with an integer slope, the global
//! line is the sum of the live slopes and biases updated by the same integers, and every end
//! is a week boundary the walk stops at to drop the slope; so no rounding ever separates the
//! sum of the lines from the global line.
//!
//! 32 cases by default; `TRELLIS_PROPTEST_CASES` overrides.
mod common;
use common::*;
use cosmwasm_std::{coin, Addr};
use proptest::prelude::*;
use trellis_types::voting_escrow::{ExecuteMsg, PowersResponse, QueryMsg, MAX_TIMES_PER_QUERY};

const WEEK: u64 = 604_800;
const USERS: usize = 3;

#[derive(Clone, Debug)]
enum Op {
    Advance(u64),
    Create(usize, u128, u64),
    Increase(usize, u128),
    DepositFor(usize, usize, u128),
    Extend(usize, u64),
    Withdraw(usize),
}

fn op() -> impl Strategy<Value = Op> {
    let user = 0..USERS;
    // Amounts up to 1e24 (a million 1e18 tokens), most not multiples of MAXTIME.
    let amount = 1u128..1_000_000_000_000_000_000_000_000;
    prop_oneof![
        3 => (0..5 * WEEK).prop_map(Op::Advance),
        3 => (user.clone(), amount.clone(), 0..220u64).prop_map(|(u, a, w)| Op::Create(u, a, w)),
        2 => (user.clone(), amount.clone()).prop_map(|(u, a)| Op::Increase(u, a)),
        1 => (user.clone(), user.clone(), amount).prop_map(|(f, u, a)| Op::DepositFor(f, u, a)),
        2 => (user.clone(), 0..220u64).prop_map(|(u, w)| Op::Extend(u, w)),
        2 => user.prop_map(Op::Withdraw),
    ]
}

fn cases() -> u32 {
    std::env::var("TRELLIS_PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(32)
}

fn sum_of_users(ve: &Ve, users: &[Addr], t: u64) -> u128 {
    users.iter().map(|u| ve.power(u, Some(t))).sum()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn total_is_the_sum_of_users_at_any_time(ops in prop::collection::vec(op(), 1..40)) {
        let mut ve = Ve::new();
        let users: Vec<Addr> = (0..USERS).map(|i| addr(&format!("user{i}"))).collect();
        // (time, total, each user's power) as seen right after each action.
        let mut seen: Vec<(u64, u128, Vec<u128>)> = vec![];
        for op in ops {
            let now = ve.now();
            // Refusals are allowed: the inputs are random (bad_input.rs covers them).
            let res = match op {
                Op::Advance(dt) => {
                    ve.at(now + dt);
                    Ok(cosmwasm_std::Response::new())
                }
                Op::Create(u, a, w) => ve.create(&users[u].clone(), a, now + w * WEEK),
                Op::Increase(u, a) => ve.increase(&users[u].clone(), a),
                Op::DepositFor(f, u, a) => {
                    let msg = ExecuteMsg::DepositFor { user: users[u].to_string() };
                    ve.exec(&users[f].clone(), &[coin(a, LP)], msg)
                }
                Op::Extend(u, w) => ve.extend(&users[u].clone(), now + w * WEEK),
                Op::Withdraw(u) => ve.withdraw(&users[u].clone()),
            };
            if let Ok(res) = res {
                if let Some(a) = res.attributes.iter().find(|a| a.key == "total_power") {
                    prop_assert_eq!(a.value.clone(), ve.total(None).to_string());
                }
            }
            let t = ve.now();
            let powers: Vec<u128> = users.iter().map(|u| ve.power(u, None)).collect();
            let total = ve.total(None);
            prop_assert_eq!(total, powers.iter().sum::<u128>(), "at {}", t);
            // A time's answer is the state at the end of its block: later actions in the
            // same block replace what was seen.
            if seen.last().is_some_and(|(last, _, _)| *last == t) {
                seen.pop();
            }
            seen.push((t, total, powers));
        }
        // The past did not move.
        for (t, total, powers) in &seen {
            prop_assert_eq!(ve.total(Some(*t)), *total, "total at {}", t);
            for (u, p) in users.iter().zip(powers) {
                prop_assert_eq!(ve.power(u, Some(*t)), *p, "user at {}", t);
            }
        }
        // Every week boundary from the start until all locks have ended.
        let mut w = T0 / WEEK * WEEK;
        let last = ve.now() + MAXTIME + WEEK;
        let mut weeks = vec![];
        while w <= last {
            prop_assert_eq!(ve.total(Some(w)), sum_of_users(&ve, &users, w), "week {}", w);
            weeks.push(w);
            w += WEEK;
        }
        prop_assert_eq!(ve.total(Some(last)), 0);
        // Batched queries answer exactly what single ones do: ascending weeks (which resume
        // one walk), the same weeks descending, and the action times (mid-week, mixed order).
        let mut descending = weeks.clone();
        descending.reverse();
        let action_times: Vec<u64> = seen.iter().map(|(t, _, _)| *t).collect();
        for times in [&weeks, &descending, &action_times] {
            for chunk in times.chunks(MAX_TIMES_PER_QUERY) {
                let total: PowersResponse = ve.q(QueryMsg::TotalPowers { times: chunk.to_vec() });
                let want: Vec<u128> = chunk.iter().map(|t| ve.total(Some(*t))).collect();
                prop_assert_eq!(total.powers.iter().map(|p| p.u128()).collect::<Vec<_>>(), want);
                for u in &users {
                    let user: PowersResponse = ve.q(QueryMsg::UserPowers {
                        user: u.to_string(),
                        times: chunk.to_vec(),
                    });
                    let want: Vec<u128> = chunk.iter().map(|t| ve.power(u, Some(*t))).collect();
                    prop_assert_eq!(user.powers.iter().map(|p| p.u128()).collect::<Vec<_>>(), want);
                }
            }
        }
    }
}
