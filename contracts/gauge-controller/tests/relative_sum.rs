//! Property: the relative weights of all gauges sum to at most 1e18, and to within (number
//! of gauges) units of 1e18 whenever the total is non-zero (each floor loses under one unit).
//! 32 cases by default; `TRELLIS_PROPTEST_CASES` overrides.
mod common;

use common::*;
use proptest::prelude::*;
use trellis_types::gauge_controller::ExecuteMsg;

fn cases() -> u32 {
    std::env::var("TRELLIS_PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(32)
}

#[derive(Debug, Clone)]
struct Case {
    type_weights: Vec<u128>,
    gauge_types: Vec<usize>,
    /// Per user: slope, lock weeks after N, bps per gauge (each at most 10,000 / 4).
    users: Vec<(u128, u64, Vec<u16>)>,
    /// Kill or override one gauge during week N.
    admin: Option<(usize, bool, u128)>,
}

fn case() -> impl Strategy<Value = Case> {
    (
        prop::collection::vec(1u128..1_000, 1..=2),
        prop::collection::vec(0usize..2, 1..=4),
        prop::collection::vec(
            (
                1u128..1_000_000_000_000_000,
                1u64..60,
                prop::collection::vec(0u16..=2_500, 4),
            ),
            1..=4,
        ),
        prop::option::of((0usize..4, any::<bool>(), 0u128..1_000_000_000_000)),
    )
        .prop_map(|(type_weights, gauge_types, users, admin)| Case {
            gauge_types: gauge_types
                .into_iter()
                .map(|t| t % type_weights.len())
                .collect(),
            type_weights,
            users,
            admin,
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn relative_weights_sum_to_one_floored(c in case()) {
        let mut s = Suite::new();
        for (i, w) in c.type_weights.iter().enumerate() {
            s.add_type(&format!("t{i}"), *w);
        }
        let gauges: Vec<String> = (0..c.gauge_types.len()).map(|i| format!("G{i}")).collect();
        for (g, t) in gauges.iter().zip(&c.gauge_types) {
            s.add_gauge(g, *t as u32);
        }
        for (u, (slope, weeks, bps)) in c.users.iter().enumerate() {
            let user = format!("U{u}");
            s.set_lock(&user, *slope, N + weeks * WEEK);
            for (g, b) in gauges.iter().zip(bps) {
                if *b > 0 {
                    s.vote(&user, g, *b).unwrap();
                }
            }
        }
        if let Some((g, kill, weight)) = c.admin {
            let gauge = gauges[g % gauges.len()].clone();
            s.set_time(N + 1);
            s.admin(if kill {
                ExecuteMsg::KillGauge { gauge }
            } else {
                ExecuteMsg::ChangeGaugeWeight { gauge, weight: weight.into() }
            });
        }
        let n = gauges.len() as u128;
        for k in [0u64, 1, 2, 5, 13, 30, 59, 61] {
            let t = N + k * WEEK;
            let sum: u128 = gauges.iter().map(|g| s.relative(g, t)).sum();
            prop_assert!(sum <= E18, "sum {} above 1e18 at week {}", sum, k);
            if !s.total(t).is_zero() {
                prop_assert!(sum + n >= E18, "sum {} too low at week {}", sum, k);
            } else {
                prop_assert_eq!(sum, 0);
            }
        }
    }
}
