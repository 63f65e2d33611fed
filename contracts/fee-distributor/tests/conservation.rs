//! Random fees, checkpoints, claims and ve schedules (cw-multi-test), then exact accounting:
//! * every unit received is paid, still claimable, rounding dust of a booked week, or unbooked
//!   (new, or carried from a zero-power week): `paid + claimable + dust + unbooked == received`;
//! * each user's `paid + claimable` equals its entitlement recomputed here from the schedule:
//!   `Σ_w floor(fees_w * power_u(w) / total(w))`, and dust is below one unit per user per week;
//! * no fees are ever booked into a week without power, and paid <= received.
//!
//! 256 cases by default (each builds a multi-test chain); `TRELLIS_PROPTEST_CASES` overrides.
mod common;
use common::*;
use proptest::prelude::*;
use trellis_types::voting_escrow::WEEK;

const USERS: usize = 3;
const WEEKS: u64 = 8;

fn cases() -> u32 {
    std::env::var("TRELLIS_PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(256)
}

#[derive(Clone, Debug)]
enum Op {
    SendNative(u128),
    SendCw20(u128),
    Checkpoint,
    Claim { user: usize, limit: u32 },
    Advance(u64),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (0u128..1_000_000).prop_map(Op::SendNative),
        (0u128..1_000_000).prop_map(Op::SendCw20),
        Just(Op::Checkpoint),
        (0..USERS, 1u32..4).prop_map(|(user, limit)| Op::Claim { user, limit }),
        (0u64..2 * WEEK).prop_map(Op::Advance),
    ]
}

/// Per user per week: zero a third of the time, so some weeks have no power at all.
fn schedule() -> impl Strategy<Value = Vec<Vec<u128>>> {
    prop::collection::vec(
        prop::collection::vec(
            prop_oneof![Just(0u128), 1u128..1_000_000_000],
            WEEKS as usize,
        ),
        USERS,
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]
    #[test]
    fn every_unit_is_accounted_for(powers in schedule(), ops in prop::collection::vec(op(), 1..25)) {
        let mut s = Suite::new();
        let users: Vec<_> = (0..USERS).map(|i| s.addr(&format!("user{i}"))).collect();
        for (u, row) in powers.iter().enumerate() {
            for (w, p) in row.iter().enumerate() {
                s.set_power(&users[u], w as u64, *p);
            }
        }
        let end = T0 + WEEKS * WEEK;
        let mut received = [0u128; 2];
        for op in ops {
            match op {
                Op::SendNative(a) if a > 0 => { s.send_native_fees(a); received[0] += a; }
                Op::SendCw20(a) if a > 0 => { s.send_cw20_fees(a); received[1] += a; }
                Op::SendNative(_) | Op::SendCw20(_) => {}
                Op::Checkpoint => { s.checkpoint().unwrap(); }
                Op::Claim { user, limit } => {
                    // Refused only when no complete week is left to walk.
                    let _ = s.claim(&users[user], None, Some(limit));
                }
                Op::Advance(dt) => { let t = (s.now() + dt).min(end); s.at(t); }
            }
        }
        s.at(end);
        s.checkpoint().unwrap();

        for (i, token) in [s.native(), s.token()].into_iter().enumerate() {
            let weeks = s.weeks(token, None, Some(100));
            let (booked, claimed, unbooked) = s.totals(i);
            prop_assert_eq!(weeks.iter().map(|(_, a)| a).sum::<u128>(), booked);
            let paid: Vec<u128> = users
                .iter()
                .map(|u| if i == 0 { s.native_balance(u) } else { s.cw20_balance(u) })
                .collect();
            prop_assert_eq!(paid.iter().sum::<u128>(), claimed);
            let mut entitled_total = 0u128;
            for (u, user) in users.iter().enumerate() {
                // Entitlement from the schedule: floor(fees_w * p_u / total_w) per week.
                let mut entitled = 0u128;
                for (w, fees) in &weeks {
                    let total: u128 = (0..USERS).map(|v| powers[v][*w as usize]).sum();
                    prop_assert!(total > 0, "fees booked into week {} without power", w);
                    entitled += fees * powers[u][*w as usize] / total;
                }
                let (n, c, _) = s.claimable(user);
                let claimable = if i == 0 { n } else { c };
                prop_assert_eq!(paid[u] + claimable, entitled);
                entitled_total += entitled;
            }
            let dust = booked - entitled_total;
            prop_assert!(dust <= weeks.len() as u128 * USERS as u128);
            let claimable_total = entitled_total - claimed;
            prop_assert_eq!(claimed + claimable_total + dust + unbooked, received[i]);
            prop_assert!(claimed <= received[i]);
            // And the contract holds exactly what is not paid.
            let held = if i == 0 { s.native_balance(&s.fd.clone()) } else { s.cw20_balance(&s.fd.clone()) };
            prop_assert_eq!(held, received[i] - claimed);
        }
    }
}
