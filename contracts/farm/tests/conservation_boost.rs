//! Conservation with boosts and gauge weights: random deposits, withdrawals, claims,
//! emergency exits, ve power changes with and without the escrow's notice, kicks, gauge
//! weights set for coming weeks and time jumps of up to three weeks, in allocation-split and
//! gauge-split farms whose pools are unboosted, Curve-boosted or FOO-boosted.
//!
//! After every step (gauge-split pools first checkpointed to now, so `emitted` is current):
//! `emitted - claimed - recovered - undistributed - Σ pending` lies in `[0, positions + pools]`,
//! every pool's working supply is the sum of its positions' working balances, and no working
//! balance exceeds its stake. At the end everyone claims everything in one block and the books
//! balance to the unit.
//!
//! 2,500 cases by default; `TRELLIS_PROPTEST_CASES` sets the count.
mod common;
use common::*;
use cosmwasm_std::{Decimal, Uint128};
use proptest::prelude::*;
use trellis_farm::ContractError;
use trellis_math::ve::{round_down_to_week, WEEK};
use trellis_types::farm::*;

const USERS: [&str; 3] = ["alice", "bob", "carol"];
const POOLS: usize = 4;
const MODES: [u8; 3] = [100, 40, 0];

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
    SetPower {
        user: usize,
        power: u128,
        notify: bool,
    },
    Kick {
        user: usize,
        pool: usize,
    },
    GaugeWeight {
        pool: usize,
        weeks_ahead: u64,
        permille: u64,
    },
    Advance {
        dt: u64,
    },
}

fn amount() -> impl Strategy<Value = u128> {
    prop_oneof![1u128..1_000, 1_000u128..1_000_000_000, Just(10u128.pow(24))]
}

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        4 => (0..3usize, 0..POOLS, amount()).prop_map(|(user, pool, amount)| Action::Deposit { user, pool, amount }),
        2 => (0..3usize, 0..POOLS, 1u128..=1000).prop_map(|(user, pool, permille)| Action::Withdraw { user, pool, permille }),
        2 => (0..3usize, proptest::sample::subsequence((0..POOLS).collect::<Vec<_>>(), 1..=POOLS)).prop_map(|(user, pools)| Action::Claim { user, pools }),
        1 => (0..3usize, 0..POOLS).prop_map(|(user, pool)| Action::Emergency { user, pool }),
        3 => (0..3usize, prop_oneof![Just(0u128), 1u128..1_000_000, Just(10u128.pow(27))], any::<bool>()).prop_map(|(user, power, notify)| Action::SetPower { user, power, notify }),
        1 => (0..3usize, 0..POOLS).prop_map(|(user, pool)| Action::Kick { user, pool }),
        2 => (0..POOLS, 1u64..4, 0u64..=250).prop_map(|(pool, weeks_ahead, permille)| Action::GaugeWeight { pool, weeks_ahead, permille }),
        5 => prop_oneof![0u64..500, 0u64..(3 * WEEK)].prop_map(|dt| Action::Advance { dt }),
    ]
}

fn cases() -> u32 {
    std::env::var("TRELLIS_PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2_500)
}

struct Model {
    stakes: [[u128; POOLS]; 3],
    powers: [u128; 3],
    /// Power held by others, so the total is never just the users'.
    others: u128,
}

fn denom(pool: usize) -> String {
    format!("lp{pool}")
}

/// Walks every gauge-split pool up to now (several calls when far behind).
fn checkpoint_all(farm: &mut Farm, gauge_split: bool) {
    if !gauge_split {
        return;
    }
    for pool in 0..POOLS as u64 {
        loop {
            let res = farm.checkpoint_pool(pool).unwrap();
            let reached = res
                .attributes
                .iter()
                .any(|a| a.key == "reached_now" && a.value == "true");
            if reached {
                break;
            }
        }
    }
}

fn check_books(farm: &mut Farm, model: &Model, gauge_split: bool) -> i128 {
    checkpoint_all(farm, gauge_split);
    let t = farm.totals();
    let mut pending = 0u128;
    for pool in 0..POOLS as u64 {
        let mut working_sum = 0u128;
        for (u, name) in USERS.iter().enumerate() {
            let pos = farm.position(&addr(name), pool);
            assert_eq!(pos.staked.u128(), model.stakes[u][pool as usize]);
            assert!(pos.working <= pos.staked, "working above stake");
            working_sum += pos.working.u128();
            pending += pos.pending.u128();
        }
        assert_eq!(
            farm.pool(pool).working_supply.u128(),
            working_sum,
            "pool {pool}: working supply is not the sum of working balances"
        );
    }
    let gap = t.emitted.u128() as i128
        - t.claimed.u128() as i128
        - t.recovered.u128() as i128
        - t.undistributed.u128() as i128
        - pending as i128;
    let bound = (USERS.len() * POOLS + POOLS) as i128;
    assert!(
        (0..=bound).contains(&gap),
        "unsettled gap {gap} outside [0, {bound}]"
    );
    assert_eq!(
        t.claimed,
        farm.total_paid(),
        "claimed differs from payments"
    );
    if let Some(available) = t.reserve_available {
        assert_eq!(t.funded, t.emitted + available);
    }
    gap
}

fn set_total(farm: &mut Farm, model: &Model) {
    farm.fakes.borrow_mut().total_power = model.powers.iter().sum::<u128>() + model.others;
}

#[allow(clippy::too_many_arguments)]
fn run(
    gauge_split: bool,
    reserve: bool,
    rate: u128,
    modes: [usize; POOLS],
    weights: [u64; POOLS],
    others: u128,
    actions: Vec<Action>,
) {
    let source = if reserve {
        reserve_source()
    } else {
        mint_source()
    };
    let schedule = Schedule::constant(0, Uint128::new(rate));
    let mut farm = if gauge_split {
        Farm::gauge_split(schedule, source)
    } else {
        Farm::boosted(schedule, source)
    };
    let mut model = Model {
        stakes: [[0; POOLS]; 3],
        powers: [0; 3],
        others,
    };
    set_total(&mut farm, &model);
    for pool in 0..POOLS {
        let weight = if gauge_split {
            let gauge = farm.register_gauge(pool as u64);
            farm.fakes
                .borrow_mut()
                .set_weight(&gauge, 0, Decimal::permille(weights[pool] % 251));
            0
        } else {
            weights[pool].max(1)
        };
        farm.add_boosted_pool(
            &denom(pool),
            lp(ALY, &denom(pool)),
            weight,
            MODES[modes[pool]],
        )
        .unwrap();
    }
    if reserve {
        farm.fund(rate * 5 * WEEK as u128).unwrap();
    }
    let users: Vec<_> = USERS.iter().map(|n| addr(n)).collect();
    for action in actions {
        match action {
            Action::Deposit { user, pool, amount } => {
                farm.deposit(&users[user], pool as u64, &denom(pool), amount)
                    .unwrap();
                model.stakes[user][pool] += amount;
            }
            Action::Withdraw {
                user,
                pool,
                permille,
            } => {
                let amount = model.stakes[user][pool] * permille / 1000;
                if amount > 0 {
                    farm.withdraw(&users[user], pool as u64, amount).unwrap();
                    model.stakes[user][pool] -= amount;
                }
            }
            Action::Claim { user, pools } => {
                let ids = pools.into_iter().map(|p| p as u64).collect();
                farm.claim(&users[user], ids).unwrap();
            }
            Action::Emergency { user, pool } if model.stakes[user][pool] > 0 => {
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
            Action::SetPower {
                user,
                power,
                notify,
            } => {
                model.powers[user] = power;
                farm.fakes.borrow_mut().set_power(USERS[user], power);
                set_total(&mut farm, &model);
                if notify {
                    farm.lock_changed(&users[user]).unwrap();
                }
            }
            Action::Kick { user, pool }
                if MODES[modes[pool]] < 100 && model.stakes[user][pool] > 0 =>
            {
                // A third party's kick may be refused (it would not lower the boost, or the
                // power did not fall); the refusal returns before anything is written.
                match farm.kick(&users[user], pool as u64) {
                    Ok(_) | Err(ContractError::KickNotAllowed { .. }) => {}
                    Err(e) => panic!("kick failed: {e}"),
                }
            }
            Action::GaugeWeight {
                pool,
                weeks_ahead,
                permille,
            } if gauge_split => {
                // Only weeks that have not started: a started week's weight is final.
                let week = round_down_to_week(farm.now()) + weeks_ahead * WEEK;
                let gauge = gauge_id(farm.env.contract.address.as_str(), pool as u64);
                farm.fakes
                    .borrow_mut()
                    .set_weight(&gauge, week, Decimal::permille(permille));
            }
            Action::Advance { dt } => {
                let now = farm.now();
                farm.at(now + dt);
            }
            _ => {}
        }
        check_books(&mut farm, &model, gauge_split);
    }

    for user in &users {
        farm.claim(user, (0..POOLS as u64).collect()).unwrap();
    }
    let gap = check_books(&mut farm, &model, gauge_split);
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
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn rewards_are_conserved_with_boosts_and_gauges(
        gauge_split in any::<bool>(),
        reserve in any::<bool>(),
        rate in prop_oneof![1u128..1_000, 1_000u128..1_000_000_000],
        modes in proptest::array::uniform4(0usize..3),
        weights in proptest::array::uniform4(0u64..=250),
        others in prop_oneof![Just(0u128), 1u128..1_000_000],
        actions in proptest::collection::vec(action(), 1..30),
    ) {
        run(gauge_split, reserve, rate, modes, weights, others, actions);
    }
}
