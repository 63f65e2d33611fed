//! Conservation of the reward stream under random sequences of deposits, withdrawals,
//! claims, emergency exits, weight changes, pool additions, funding and time jumps.
//!
//! After every step: `emitted - claimed - recovered - undistributed - Σ pending` lies in
//! `[0, positions + pools]` (fractions below one unit not yet settled). At the end every
//! user claims every pool in one block, which settles all fractions, and then the books
//! must balance to the unit: `emitted = claimed + recovered + undistributed + carried`, and for a
//! reserve `funded = emitted + reserve_available`. Paid-out messages must equal `claimed`.
//!
//! 10,000 cases by default; set `TRELLIS_PROPTEST_CASES` for more.
mod common;
use common::*;
use cosmwasm_std::Uint128;
use proptest::prelude::*;
use trellis_types::farm::*;

const USERS: [&str; 3] = ["alice", "bob", "carol"];
const POOL_DENOMS: [&str; 4] = ["lp0", "lp1", "lp2", "lp3"];

#[derive(Debug, Clone)]
enum Action {
    Deposit {
        user: usize,
        pool: usize,
        amount: u128,
    },
    Withdraw {
        user: usize,
        pool: usize,
        permille: u128,
    },
    Claim {
        user: usize,
        pools: Vec<usize>,
    },
    Emergency {
        user: usize,
        pool: usize,
    },
    SetWeight {
        pool: usize,
        weight: u64,
    },
    AddPool {
        weight: u64,
    },
    Fund {
        amount: u128,
    },
    Advance {
        dt: u64,
    },
}

fn amount() -> impl Strategy<Value = u128> {
    prop_oneof![
        1u128..1_000,
        1_000u128..1_000_000_000,
        Just(10u128.pow(24)),
        Just(7u128)
    ]
}

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        4 => (0..3usize, 0..4usize, amount()).prop_map(|(user, pool, amount)| Action::Deposit { user, pool, amount }),
        2 => (0..3usize, 0..4usize, 1u128..=1000).prop_map(|(user, pool, permille)| Action::Withdraw { user, pool, permille }),
        2 => (0..3usize, proptest::sample::subsequence(vec![0usize, 1, 2, 3], 1..=4)).prop_map(|(user, pools)| Action::Claim { user, pools }),
        1 => (0..3usize, 0..4usize).prop_map(|(user, pool)| Action::Emergency { user, pool }),
        2 => (0..4usize, 0u64..200).prop_map(|(pool, weight)| Action::SetWeight { pool, weight }),
        1 => (1u64..200).prop_map(|weight| Action::AddPool { weight }),
        1 => (1u128..100_000).prop_map(|amount| Action::Fund { amount }),
        5 => (0u64..500).prop_map(|dt| Action::Advance { dt }),
    ]
}

fn schedule() -> impl Strategy<Value = Schedule> {
    prop_oneof![
        (1u128..1_000_000).prop_map(|r| Schedule::constant(0, Uint128::new(r))),
        (1u128..1_000_000, 1u64..300, 1u32..=9_900).prop_map(|(r, len, bps)| Schedule::step_decay(
            0,
            Uint128::new(r),
            len,
            Decay::Bps { factor_bps: bps }
        )),
        (1u128..1_000_000, 1u64..300).prop_map(|(r, len)| Schedule::step_decay(
            0,
            Uint128::new(r),
            len,
            Decay::Halving
        )),
        (1u128..1_000_000, 0u128..100, 1u64..2_000).prop_map(|(r, f, d)| Schedule::linear(
            0,
            Uint128::new(r + f),
            Uint128::new(f),
            d
        )),
        (1u128..1_000_000, 1u64..5_000)
            .prop_map(|(r, end)| Schedule::constant(0, Uint128::new(r)).with_end(end)),
    ]
}

fn cases() -> u32 {
    std::env::var("TRELLIS_PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000)
}

/// What the model knows: who staked how much where, to check no one withdraws more.
struct Model {
    pools: usize,
    stakes: [[u128; 4]; 3],
}

fn unsettled_gap(farm: &Farm, model: &Model) -> (i128, i128) {
    let t = farm.totals();
    let mut pending = 0u128;
    let mut positions = 0i128;
    for (u, name) in USERS.iter().enumerate() {
        for p in 0..model.pools {
            let pos: PositionResponse = farm.q(QueryMsg::Position {
                pool_id: p as u64,
                user: addr(name).to_string(),
            });
            assert_eq!(
                pos.staked.u128(),
                model.stakes[u][p],
                "position stake drifted from deposits"
            );
            pending += pos.pending.u128();
            positions += 1;
        }
    }
    let gap = t.emitted.u128() as i128
        - t.claimed.u128() as i128
        - t.recovered.u128() as i128
        - t.undistributed.u128() as i128
        - pending as i128;
    (gap, positions + model.pools as i128)
}

fn run(schedule: Schedule, reserve: bool, actions: Vec<Action>) {
    let source = if reserve {
        reserve_source()
    } else {
        mint_source()
    };
    let mut farm = Farm::new(schedule, source, policy(false));
    let mut model = Model {
        pools: 0,
        stakes: [[0; 4]; 3],
    };
    farm.add_pool(POOL_DENOMS[0], lp(ALY, "ufusd"), 60).unwrap();
    model.pools = 1;
    if reserve {
        farm.fund(1_000_000).unwrap();
    }
    for action in actions {
        let users: Vec<_> = USERS.iter().map(|n| addr(n)).collect();
        match action {
            Action::Deposit { user, pool, amount } if pool < model.pools => {
                farm.deposit(&users[user], pool as u64, POOL_DENOMS[pool], amount)
                    .unwrap();
                model.stakes[user][pool] += amount;
            }
            Action::Withdraw {
                user,
                pool,
                permille,
            } if pool < model.pools => {
                let amount = model.stakes[user][pool] * permille / 1000;
                if amount > 0 {
                    farm.withdraw(&users[user], pool as u64, amount).unwrap();
                    model.stakes[user][pool] -= amount;
                }
            }
            Action::Claim { user, pools } => {
                let ids: Vec<u64> = pools
                    .into_iter()
                    .filter(|p| *p < model.pools)
                    .map(|p| p as u64)
                    .collect();
                if !ids.is_empty() {
                    farm.claim(&users[user], ids).unwrap();
                }
            }
            Action::Emergency { user, pool }
                if pool < model.pools && model.stakes[user][pool] > 0 =>
            {
                farm.exec(
                    &users[user],
                    &[],
                    ExecuteMsg::EmergencyWithdraw {
                        pool_id: pool as u64,
                        recipient: None,
                    },
                )
                .unwrap();
                model.stakes[user][pool] = 0;
            }
            Action::SetWeight { pool, weight } if pool < model.pools => {
                farm.set_weight(pool as u64, weight).unwrap();
            }
            Action::AddPool { weight } if model.pools < POOL_DENOMS.len() => {
                farm.add_pool(
                    POOL_DENOMS[model.pools],
                    lp(ALY, POOL_DENOMS[model.pools]),
                    weight,
                )
                .unwrap();
                model.pools += 1;
            }
            Action::Fund { amount } if reserve => {
                farm.fund(amount).unwrap();
            }
            Action::Advance { dt } => {
                let now = farm.now();
                farm.at(now + dt);
            }
            _ => {}
        }
        let (gap, bound) = unsettled_gap(&farm, &model);
        assert!(
            (0..=bound).contains(&gap),
            "unsettled gap {gap} outside [0, {bound}]"
        );
        assert_eq!(
            farm.totals().claimed,
            farm.total_paid(),
            "claimed differs from payments"
        );
    }

    // Settle everything in one block: every user claims every pool.
    for name in USERS {
        let ids: Vec<u64> = (0..model.pools as u64).collect();
        farm.claim(&addr(name), ids).unwrap();
    }
    let (gap, _) = unsettled_gap(&farm, &model);
    let t = farm.totals();
    // Settled, the only gap left is the whole units of the fractions positions keep.
    assert_eq!(
        gap,
        t.carried.u128() as i128,
        "books do not balance after everyone settled"
    );
    assert_eq!(
        t.emitted,
        t.claimed + t.recovered + t.undistributed + t.carried
    );
    if reserve {
        assert_eq!(t.funded, t.emitted + t.reserve_available.unwrap());
    }
    assert_eq!(t.claimed, farm.total_paid());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn rewards_are_conserved(
        schedule in schedule(),
        reserve in any::<bool>(),
        actions in proptest::collection::vec(action(), 1..40),
    ) {
        run(schedule, reserve, actions);
    }
}
