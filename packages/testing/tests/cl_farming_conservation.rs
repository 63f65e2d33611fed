//! Conservation of every reward stream of the farming center, over random entries, exits,
//! price moves across ranges, time, rate changes, top-ups, deactivations and claims, on a
//! scripted pool (liquidities from 1 to 2^125). After every step, per farm and token:
//! - eternal: funded = credited + reserve + refunded + distributed-not-yet-credited, and the
//!   positions' pending rewards (rounded down) sum to at most the last term and fall short of
//!   it by at most one unit per position plus one per accrual (growth is rounded down);
//! - limit: funded = credited + reserve + refunded, and the pending shares fit in the reserve;
//! - credited = owners' balances + claimed, and the center's bank balance is exactly what it
//!   owes (reserves, undistributed remainders, balances).
//!
//! At the end every position leaves, the limit farm is refunded, and nothing is left over:
//! funded = claimable + refunded exactly for both farms.
use cosmwasm_std::{coins, Uint128};
use proptest::prelude::*;
use trellis_testing::cl_farming::world::{world, World, BONUS, REWARD};
use trellis_testing::AssetInfo;
use trellis_types::cl_farming::{ExecuteMsg, RewardSpec};

const LIMIT_TOKEN: &str = "ulim";
const USERS: [&str; 4] = ["u0", "u1", "u2", "u3"];
const TICKS: [i32; 5] = [-120, -60, 0, 60, 120];

#[derive(Clone, Debug)]
enum Op {
    Enter { user: usize, limit: bool },
    Exit { user: usize, limit: bool },
    Move { tick: i32 },
    Advance { secs: u64 },
    SetRates { reward: u128, bonus: u128 },
    AddRewards { amount: u128 },
    Deactivate { limit: bool },
    Claim { user: usize },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (0..4usize, any::<bool>()).prop_map(|(user, limit)| Op::Enter { user, limit }),
        3 => (0..4usize, any::<bool>()).prop_map(|(user, limit)| Op::Exit { user, limit }),
        4 => (-200..200i32).prop_map(|tick| Op::Move { tick }),
        4 => (1..300u64).prop_map(|secs| Op::Advance { secs }),
        1 => (0..1_000_000u128, 0..1_000_000u128).prop_map(|(reward, bonus)| Op::SetRates { reward, bonus }),
        1 => (1..1_000_000_000u128).prop_map(|amount| Op::AddRewards { amount }),
        1 => any::<bool>().prop_map(|limit| Op::Deactivate { limit }),
        1 => (0..4usize).prop_map(|user| Op::Claim { user }),
    ]
}

fn liquidity() -> impl Strategy<Value = u128> {
    prop_oneof![
        Just(1u128),
        Just(1u128 << 125),
        1u128..1_000_000,
        1u128..(1u128 << 125)
    ]
}

fn range() -> impl Strategy<Value = (i32, i32)> {
    (0..4usize, 1..5usize)
        .prop_map(|(a, w)| (TICKS[a], TICKS[(a + w).min(4)]))
        .prop_filter("lower < upper", |(l, u)| l < u)
}

struct Run {
    w: World,
    eternal: u64,
    limit: u64,
    claimed: [u128; 3],
    accruals: u128,
}

impl Run {
    fn new(start_tick: i32, positions: &[(u128, (i32, i32))]) -> Self {
        let mut w = world(start_tick);
        w.suite
            .mint_native("maker", LIMIT_TOKEN, 1_000_000_000)
            .unwrap();
        w.suite
            .mint_native("maker", REWARD, 10_000_000_000)
            .unwrap();
        w.suite.mint_native("maker", BONUS, 10_000_000_000).unwrap();
        let msg = ExecuteMsg::CreateEternalFarm {
            pool: w.pool.to_string(),
            reward: RewardSpec {
                token: AssetInfo::native(REWARD),
                amount: 1_000_000u128.into(),
            },
            bonus: Some(RewardSpec {
                token: AssetInfo::native(BONUS),
                amount: 500_000u128.into(),
            }),
            reward_rate: 1_000u128.into(),
            bonus_rate: 7u128.into(),
            min_width: 0,
            tiers: None,
        };
        let mut funds = coins(500_000, BONUS);
        funds.extend(coins(1_000_000, REWARD));
        let eternal = w.create(msg, funds);
        let now = w.suite.time();
        let msg = ExecuteMsg::CreateLimitFarm {
            pool: w.pool.to_string(),
            reward: RewardSpec {
                token: AssetInfo::native(LIMIT_TOKEN),
                amount: 999_983u128.into(),
            },
            bonus: None,
            start: now + 200,
            end: now + 2_000,
            min_width: 0,
            tiers: None,
        };
        let limit = w.create(msg, coins(999_983, LIMIT_TOKEN));
        for (i, (l, (lower, upper))) in positions.iter().enumerate() {
            w.deposit(USERS[i], &format!("p{i}"), (*lower, *upper), *l, vec![]);
        }
        Run {
            w,
            eternal,
            limit,
            claimed: [0; 3],
            accruals: 0,
        }
    }

    fn apply(&mut self, op: &Op) {
        self.accruals += 1;
        let pool = self.w.pool.to_string();
        let farm = |limit: bool, run: &Run| if limit { run.limit } else { run.eternal };
        // Refusals are allowed (their storage is checked unchanged elsewhere); only the
        // books after each step matter here.
        let _ = match op {
            Op::Enter { user, limit } => self.w.exec(
                USERS[*user],
                &ExecuteMsg::EnterFarm {
                    pool,
                    token_id: format!("p{user}"),
                    farm_id: farm(*limit, self),
                    tokens_locked: Uint128::zero(),
                },
            ),
            Op::Exit { user, limit } => self.w.exec(
                USERS[*user],
                &ExecuteMsg::ExitFarm {
                    pool,
                    token_id: format!("p{user}"),
                    farm_id: farm(*limit, self),
                },
            ),
            Op::Move { tick } => {
                self.w.move_to(*tick);
                Ok(Default::default())
            }
            Op::Advance { secs } => {
                self.w.suite.advance_seconds(*secs);
                Ok(Default::default())
            }
            Op::SetRates { reward, bonus } => self.w.exec(
                "maker",
                &ExecuteMsg::SetRates {
                    farm_id: self.eternal,
                    reward_rate: (*reward).into(),
                    bonus_rate: (*bonus).into(),
                },
            ),
            Op::AddRewards { amount } => {
                let msg = ExecuteMsg::AddRewards {
                    farm_id: self.eternal,
                    reward_amount: (*amount).into(),
                    bonus_amount: Uint128::zero(),
                };
                self.w.exec_with("maker", &msg, &coins(*amount, REWARD))
            }
            Op::Deactivate { limit } => self.w.exec(
                "maker",
                &ExecuteMsg::Deactivate {
                    farm_id: farm(*limit, self),
                },
            ),
            Op::Claim { user } => {
                for (slot, denom) in [REWARD, BONUS, LIMIT_TOKEN].iter().enumerate() {
                    let (limit, eternal) = self.w.credited(USERS[*user], denom);
                    let msg = ExecuteMsg::ClaimReward {
                        reward_token: AssetInfo::native(*denom),
                        recipient: None,
                        amount_requested_limit: Uint128::zero(),
                        amount_requested_eternal: Uint128::zero(),
                    };
                    if self.w.exec(USERS[*user], &msg).is_ok() {
                        self.claimed[slot] += limit + eternal;
                    }
                }
                Ok(Default::default())
            }
        };
    }

    fn in_farm(&self, farm_id: u64) -> Vec<usize> {
        (0..USERS.len())
            .filter(|i| {
                let deposit: trellis_types::cl_farming::DepositResponse = self
                    .w
                    .suite
                    .farming_query(
                        &self.w.center,
                        &trellis_types::cl_farming::QueryMsg::Deposit {
                            pool: self.w.pool.to_string(),
                            token_id: format!("p{i}"),
                        },
                    )
                    .unwrap();
                deposit.farms.iter().any(|f| f.farm_id == farm_id)
            })
            .collect()
    }

    fn check(&self) {
        // (farm, slot in the farm, token slot)
        let streams = [(self.eternal, 0usize), (self.eternal, 1), (self.limit, 0)];
        for (farm_id, slot) in streams {
            let f = self.w.farm(farm_id);
            let funded = f.funded[slot].u128();
            let kept = f.credited[slot].u128() + f.reserve[slot].u128() + f.refunded[slot].u128();
            let undistributed = funded.checked_sub(kept).expect("more booked than funded");
            let pending: u128 = self
                .in_farm(farm_id)
                .iter()
                .map(|i| self.w.pending(&format!("p{i}"), farm_id)[slot])
                .sum();
            if farm_id == self.eternal {
                assert!(
                    pending <= undistributed,
                    "pending {pending} > {undistributed}"
                );
                let slack = self.in_farm(farm_id).len() as u128 + self.accruals;
                assert!(
                    undistributed - pending <= slack,
                    "rounding {} > {slack}",
                    undistributed - pending
                );
            } else {
                assert_eq!(undistributed, 0, "a limit farm books every unit");
                assert!(pending <= f.reserve[slot].u128());
            }
        }
        // credited = balances + claimed, and the bank holds exactly what is owed.
        for (token, denom) in [REWARD, BONUS, LIMIT_TOKEN].iter().enumerate() {
            let balances: u128 = USERS
                .iter()
                .map(|u| {
                    let (l, e) = self.w.credited(u, denom);
                    l + e
                })
                .sum();
            let (farm_id, slot) = [(self.eternal, 0), (self.eternal, 1), (self.limit, 0)][token];
            let f = self.w.farm(farm_id);
            assert_eq!(f.credited[slot].u128(), balances + self.claimed[token]);
            let owed = f.funded[slot].u128() - f.refunded[slot].u128() - self.claimed[token];
            let held = self
                .w
                .suite
                .balance_of(&self.w.center.addr, &AssetInfo::native(*denom))
                .unwrap();
            assert_eq!(held, owed, "{denom}: the center holds {held}, owes {owed}");
        }
    }

    fn finish(&mut self) {
        self.w.suite.advance_seconds(2_000);
        for i in 0..USERS.len() {
            for limit in [false, true] {
                self.apply(&Op::Exit { user: i, limit });
            }
        }
        let _ = self.w.exec(
            "maker",
            &ExecuteMsg::RefundLimitFarm {
                farm_id: self.limit,
                recipient: None,
            },
        );
        self.check();
        let limit = self.w.farm(self.limit);
        assert_eq!(limit.reserve[0].u128(), 0, "the limit farm keeps nothing");
        let eternal = self.w.farm(self.eternal);
        for slot in 0..2 {
            assert_eq!(
                eternal.funded[slot],
                eternal.credited[slot] + eternal.reserve[slot] + eternal.refunded[slot],
                "with no position left, the eternal farm's remainder is back in its reserve"
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2_000, ..ProptestConfig::default() })]

    #[test]
    fn every_reward_stream_is_conserved(
        start_tick in -150..150i32,
        positions in proptest::collection::vec((liquidity(), range()), 4),
        ops in proptest::collection::vec(op(), 1..25),
    ) {
        let mut run = Run::new(start_tick, &positions);
        for op in &ops {
            run.apply(op);
            run.check();
        }
        run.finish();
    }
}
