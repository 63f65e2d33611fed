//! Gauge votes and a gauge-split farm: two locks, two gauge types with a gauge each (one per
//! farm pool), votes (a vote change and three refused votes), a controller checkpoint across a
//! week boundary, and the farm's two pools paid in the voted split, week by week.
//!
//! The weeks: `W0` is the week of the setup (the clock is first moved a minute into a fresh
//! week, so every setup step falls in it); votes cast in `W0` weigh from `W1` on; alice's
//! vote change in `W1` weighs from `W2` on; the farm's schedule ends `TAIL` seconds into
//! `W2`, so the final claims do not depend on when they happen.
use anyhow::{ensure, Result};
use cosmwasm_std::Uint128;
use serde_json::{json, to_value};
use trellis_testing::ContractKind;
use trellis_types::farm::{
    gauge_id, AllocationPolicy, Clock, Curve, EmissionSplit, ExecuteMsg as FarmMsg,
    InstantiateMsg as FarmInit, PoolKind, QueryMsg as FarmQuery, RewardSource, Schedule,
};
use trellis_types::gauge_controller::{
    ExecuteMsg as GaugeMsg, InstantiateMsg as GaugeInit, QueryMsg as GaugeQuery,
};
use trellis_types::voting_escrow::{ExecuteMsg as EscrowMsg, QueryMsg as EscrowQuery};

use super::support::{
    action_attr, atomics, escrow_then_fresh_week, events, failed, into_next_week, native, uint,
    week_start, E18, MAX_TIME, WEEK,
};
use crate::compare::Scenario;
use crate::{Ledger, Observations};

/// Alice's lock: slope = floor(ALICE_LOCK / MAX_TIME) = 1,000,000 (the 7 extra units floor
/// away). It ends 104 weeks after `W0`.
const ALICE_LOCK: u128 = 1_000_000 * MAX_TIME as u128 + 7;
const ALICE_WEEKS: u64 = 104;
/// Bob's lock: slope 3,000,001, ending 52 weeks after `W0`.
const BOB_LOCK: u128 = 3_000_001 * MAX_TIME as u128;
const BOB_WEEKS: u64 = 52;
/// Type weights: "stable" (type 0, gauge of pool 0) 3, "volatile" (type 1, pool 1) 1.
const STABLE_WEIGHT: u128 = 3;
const VOLATILE_WEIGHT: u128 = 1;
/// Seconds between two votes of one user for one gauge.
const VOTE_DELAY: u64 = 86_400;
/// The farm's schedule: RATE per second from `W0` to `W2 + TAIL`.
const RATE: u128 = 1_000_000;
const TAIL: u64 = 3_600;
const RESERVE: u128 = 1_000_000_000_000;
/// Stakes: alice alone in pool 0, bob alone in pool 1. Both divide the accumulator's 1e36,
/// so a pool's credit reaches its one staker without rounding.
const ALICE_STAKE: u128 = 100;
const BOB_STAKE: u128 = 400;

pub struct GaugeScenario;

/// The relative weights (atomics) of both gauges in week `week`, and the farm's pools' rates.
async fn observe_week<L: Ledger>(
    l: &mut L,
    obs: &mut Observations,
    label: &str,
    gauges: &[String; 2],
    week: Option<u64>,
) -> Result<[u128; 2]> {
    let mut rw = [0u128; 2];
    for (i, gauge) in gauges.iter().enumerate() {
        let weight = l
            .query(
                "controller",
                &to_value(GaugeQuery::GaugeWeight {
                    gauge: gauge.clone(),
                    time: week,
                })?,
            )
            .await?;
        obs.push(format!("{label}: weight of gauge {i}"), weight);
        let relative = l
            .query(
                "controller",
                &to_value(GaugeQuery::RelativeWeight {
                    gauge: gauge.clone(),
                    time: week,
                })?,
            )
            .await?;
        rw[i] = atomics(&relative, "/relative_weight")?;
        obs.push(format!("{label}: relative weight of gauge {i}"), relative);
    }
    for gauge_type in [0u32, 1] {
        let sum = l
            .query(
                "controller",
                &to_value(GaugeQuery::TypeSum {
                    gauge_type,
                    time: week,
                })?,
            )
            .await?;
        obs.push(format!("{label}: sum of type {gauge_type}"), sum);
    }
    let total = l
        .query(
            "controller",
            &to_value(GaugeQuery::TotalWeight { time: week })?,
        )
        .await?;
    obs.push(format!("{label}: total weight"), total);
    Ok(rw)
}

async fn observe_farm<L: Ledger>(l: &mut L, obs: &mut Observations, label: &str) -> Result<()> {
    for (pool_id, user) in [(0u64, "alice"), (1, "bob")] {
        let pool = l
            .query("farm", &to_value(FarmQuery::Pool { pool_id })?)
            .await?;
        obs.push(format!("{label}: pool {pool_id}"), pool);
        let user = l.addr(user);
        let position = l
            .query("farm", &to_value(FarmQuery::Position { pool_id, user })?)
            .await?;
        obs.push(format!("{label}: position in pool {pool_id}"), position);
    }
    Ok(())
}

impl Scenario for GaugeScenario {
    const DENOMS: &'static [&'static str] = &["ulit", "ust0", "ust1", "ureward"];

    async fn run<L: Ledger>(&self, l: &mut L) -> Result<Observations> {
        let mut obs = Observations::default();
        l.fund("owner", &[("ureward", RESERVE)]).await?;
        l.fund("alice", &[("ulit", ALICE_LOCK), ("ust0", ALICE_STAKE)])
            .await?;
        l.fund("bob", &[("ulit", BOB_LOCK), ("ust1", BOB_STAKE)])
            .await?;
        let owner = l.addr("owner");
        let w0 = escrow_then_fresh_week(l).await?;
        let (w1, w2) = (w0 + WEEK, w0 + 2 * WEEK);

        let controller = GaugeInit {
            owner: owner.clone(),
            voting_escrow: l.addr("escrow"),
            vote_delay: Some(VOTE_DELAY),
        };
        l.instantiate(
            "owner",
            ContractKind::GaugeController,
            "controller",
            &to_value(controller)?,
            &[],
        )
        .await?;
        for (name, weight) in [("stable", STABLE_WEIGHT), ("volatile", VOLATILE_WEIGHT)] {
            let add = GaugeMsg::AddType {
                name: name.to_string(),
                weight: Uint128::new(weight),
            };
            let step = l
                .execute("owner", "controller", &to_value(add)?, &[])
                .await?;
            // Type weights apply from the next week.
            ensure!(
                action_attr(&step, "add_type", "week") == Some(w1.to_string()),
                "type {name} added outside W0: {:?}",
                step.events
            );
            obs.push(format!("add type {name}"), events(&step));
        }

        let farm = FarmInit {
            owner: owner.clone(),
            clock: Clock::Time,
            schedule: Schedule {
                start: w0,
                end: Some(w2 + TAIL),
                curve: Curve::Constant { rate: RATE.into() },
            },
            reward: RewardSource::Reserve {
                asset: native("ureward"),
            },
            policy: AllocationPolicy {
                protocol_token: native("ulit"),
                max_solo_share_bps: 4_999,
                native_pairs_outweigh: false,
            },
            lp_factory: None,
            voting_escrow: None,
            split: Some(EmissionSplit::Gauges {
                controller: l.addr("controller"),
            }),
        };
        l.instantiate("owner", ContractKind::Farm, "farm", &to_value(farm)?, &[])
            .await?;
        l.execute(
            "owner",
            "farm",
            &to_value(FarmMsg::Fund {})?,
            &[("ureward", RESERVE)],
        )
        .await?;
        let farm_addr = l.addr("farm");
        let gauges = [gauge_id(&farm_addr, 0), gauge_id(&farm_addr, 1)];
        let add_pool = |denom: &str, other: &str| {
            to_value(FarmMsg::AddPool {
                staking: native(denom),
                kind: PoolKind::Lp {
                    pair: [native("ulit"), native(other)],
                },
                weight: 0,
                tokenless_share_pct: None,
            })
        };
        // Refused: the pool's gauge is not in the controller yet.
        let refused = l
            .try_execute("owner", "farm", &add_pool("ust0", "uusdc")?, &[])
            .await?;
        obs.push("pool 0 before its gauge", failed(refused));
        for (gauge_type, gauge) in gauges.iter().enumerate() {
            let add = GaugeMsg::AddGauge {
                gauge: gauge.clone(),
                gauge_type: gauge_type as u32,
                cap: None,
            };
            let step = l
                .execute("owner", "controller", &to_value(add)?, &[])
                .await?;
            obs.push(format!("add gauge {gauge_type}"), events(&step));
        }
        l.execute("owner", "farm", &add_pool("ust0", "uusdc")?, &[])
            .await?;
        l.execute("owner", "farm", &add_pool("ust1", "uweth")?, &[])
            .await?;

        // A second passes before anything settles the new pools: a pool's first settlement
        // asks the controller for the week's weight (~70,000 SDK gas) only when time has
        // passed since the pool was added, so a deposit simulated in the second of `AddPool`
        // and included a second later needs more gas than estimated (out of gas, seen on
        // wasmd). The locks, confirmed after the pause, move the state the deposits are
        // simulated on past that second.
        l.pause(1).await?;
        // The locks end on week boundaries: W0 + 104 weeks and W0 + 52 weeks.
        let (end_a, end_b) = (w0 + ALICE_WEEKS * WEEK, w0 + BOB_WEEKS * WEEK);
        let lock = |end: u64| to_value(EscrowMsg::CreateLock { unlock_time: end });
        let lock_a = l
            .execute("alice", "escrow", &lock(end_a)?, &[("ulit", ALICE_LOCK)])
            .await?;
        let lock_b = l
            .execute("bob", "escrow", &lock(end_b)?, &[("ulit", BOB_LOCK)])
            .await?;
        // bias = slope * (end - t) at the lock's block time.
        for (step, slope, end) in [(&lock_a, 1_000_000u128, end_a), (&lock_b, 3_000_001, end_b)] {
            let bias = slope * u128::from(end - step.at.secs());
            ensure!(action_attr(step, "create_lock", "slope") == Some(slope.to_string()));
            ensure!(action_attr(step, "create_lock", "bias") == Some(bias.to_string()));
        }
        obs.push("alice locks", events(&lock_a));
        obs.push("bob locks", events(&lock_b));
        let deposit = |pool_id| {
            to_value(FarmMsg::Deposit {
                pool_id,
                recipient: None,
            })
        };
        l.execute("alice", "farm", &deposit(0)?, &[("ust0", ALICE_STAKE)])
            .await?;
        l.execute("bob", "farm", &deposit(1)?, &[("ust1", BOB_STAKE)])
            .await?;

        // Votes in W0, weighing from W1. A vote's slope is floor(user slope * bps / 10,000),
        // its bias at W1 slope * (lock end - W1).
        let vote = |gauge: &String, weight_bps: u16| {
            to_value(GaugeMsg::VoteForGaugeWeights {
                gauge: gauge.clone(),
                weight_bps,
            })
        };
        let v_a0 = l
            .execute("alice", "controller", &vote(&gauges[0], 7_000)?, &[])
            .await?;
        // 1,000,000 * 7,000 / 10,000 = 700,000; bias 700,000 * 103 weeks.
        ensure!(action_attr(&v_a0, "vote_for_gauge_weights", "slope") == Some("700000".into()));
        let bias = 700_000 * 103 * u128::from(WEEK);
        ensure!(action_attr(&v_a0, "vote_for_gauge_weights", "bias") == Some(bias.to_string()));
        obs.push("alice votes 70% for gauge 0", events(&v_a0));
        // Refused: 7,000 + 4,000 bps is more than all of alice's slope.
        let refused = l
            .try_execute("alice", "controller", &vote(&gauges[1], 4_000)?, &[])
            .await?;
        obs.push("alice votes 40% more", failed(refused));
        let v_a1 = l
            .execute("alice", "controller", &vote(&gauges[1], 3_000)?, &[])
            .await?;
        obs.push("alice votes 30% for gauge 1", events(&v_a1));
        // Refused: above 10,000 bps in one vote.
        let refused = l
            .try_execute("bob", "controller", &vote(&gauges[0], 10_001)?, &[])
            .await?;
        obs.push("bob votes 100.01%", failed(refused));
        let v_b0 = l
            .execute("bob", "controller", &vote(&gauges[0], 2_500)?, &[])
            .await?;
        let v_b1 = l
            .execute("bob", "controller", &vote(&gauges[1], 7_500)?, &[])
            .await?;
        // 3,000,001 * 2,500 / 10,000 = 750,000.25 and * 7,500 / 10,000 = 2,250,000.75: the
        // voter's slope rounds down.
        ensure!(action_attr(&v_b0, "vote_for_gauge_weights", "slope") == Some("750000".into()));
        ensure!(action_attr(&v_b1, "vote_for_gauge_weights", "slope") == Some("2250000".into()));
        obs.push("bob votes 25% for gauge 0", events(&v_b0));
        obs.push("bob votes 75% for gauge 1", events(&v_b1));
        // Refused: alice changes her vote for gauge 0 before VOTE_DELAY has passed.
        let refused = l
            .try_execute("alice", "controller", &vote(&gauges[0], 2_000)?, &[])
            .await?;
        obs.push("alice changes her vote at once", failed(refused));
        ensure!(
            week_start(v_b1.at.secs()) == w0,
            "the setup left week W0 (ended at {})",
            v_b1.at.secs()
        );
        for user in ["alice", "bob"] {
            let user_addr = l.addr(user);
            let used = l
                .query(
                    "controller",
                    &to_value(GaugeQuery::VotePowerUsed { user: user_addr })?,
                )
                .await?;
            ensure!(used["weight_bps"] == json!(10_000), "{user} used {used}");
            obs.push(format!("{user}'s vote power used"), used);
        }

        // The weights of W1, asked in W0. Gauge 0: 700,000 * 103 weeks + 750,000 * 51 weeks
        // = 110,350,000 weeks; gauge 1: 300,000 * 103 + 2,250,000 * 51 = 145,650,000 weeks.
        // Total: 3 * 110,350,000 + 1 * 145,650,000 = 476,700,000 weeks. Relative weight:
        // type weight * gauge weight * 1e18 / total, floored (the WEEK factors cancel
        // exactly: floor(a * WEEK / (b * WEEK)) = floor(a / b)).
        let rw_w1 = observe_week(l, &mut obs, "W1 from W0", &gauges, Some(w1)).await?;
        let week = u128::from(WEEK);
        let expect_w1 = [
            331_050_000 * E18 / 476_700_000,
            145_650_000 * E18 / 476_700_000,
        ];
        ensure!(
            rw_w1 == expect_w1,
            "W1 weights {rw_w1:?}, by hand {expect_w1:?}"
        );
        let total = l
            .query(
                "controller",
                &to_value(GaugeQuery::TotalWeight { time: Some(w1) })?,
            )
            .await?;
        ensure!(total["weight"] == json!((476_700_000 * week).to_string()));
        // This week nothing weighs: the types' weights start at W1.
        let rw_w0 = observe_week(l, &mut obs, "W0", &gauges, None).await?;
        ensure!(rw_w0 == [0, 0], "W0 weights {rw_w0:?}");
        // The escrow: power = slope * (end - t); at W1 alice 1,000,000 * 103 weeks, bob
        // 3,000,001 * 51 weeks.
        let alice_addr = l.addr("alice");
        let power = l
            .query(
                "escrow",
                &to_value(EscrowQuery::UserPower {
                    user: alice_addr.clone(),
                    time: Some(w1),
                })?,
            )
            .await?;
        ensure!(power["power"] == json!((1_000_000 * 103 * week).to_string()));
        let total_power = l
            .query(
                "escrow",
                &to_value(EscrowQuery::TotalPower { time: Some(w1) })?,
            )
            .await?;
        let expect = 1_000_000 * 103 * week + 3_000_001 * 51 * week;
        ensure!(total_power["power"] == json!(expect.to_string()));
        obs.push("alice's power at W1", power);
        obs.push("total power at W1", total_power);

        // Into W1: a checkpoint walks the types' lines across the boundary to W2.
        let last = v_b1.at.secs();
        into_next_week(l, last, 30).await?;
        let checkpoint = to_value(GaugeMsg::Checkpoint { gauge: None })?;
        let cp = l.execute("bob", "controller", &checkpoint, &[]).await?;
        ensure!(
            week_start(cp.at.secs()) == w1,
            "the checkpoint is not in W1"
        );
        ensure!(action_attr(&cp, "checkpoint", "week") == Some(w2.to_string()));
        ensure!(action_attr(&cp, "checkpoint", "reached") == Some("true".into()));
        obs.push("checkpoint in W1", events(&cp));
        let rw_now = observe_week(l, &mut obs, "W1", &gauges, None).await?;
        ensure!(rw_now == expect_w1, "W1 weights in W1 {rw_now:?}");
        observe_farm(l, &mut obs, "in W1").await?;
        // Each pool's rate this week: floor(RATE * relative weight).
        for pool_id in [0u64, 1] {
            let pool = l
                .query("farm", &to_value(FarmQuery::Pool { pool_id })?)
                .await?;
            let rate = RATE * expect_w1[pool_id as usize] / E18;
            ensure!(
                uint(&pool, "/current_rate")? == rate,
                "pool {pool_id}: {pool}"
            );
        }

        // Alice moves 50 points of gauge 0 away (allowed: a day has passed): 2,000 bps,
        // slope 200,000, from W2 on.
        let change = l
            .execute("alice", "controller", &vote(&gauges[0], 2_000)?, &[])
            .await?;
        let bias = 200_000 * 102 * week;
        ensure!(action_attr(&change, "vote_for_gauge_weights", "bias") == Some(bias.to_string()));
        obs.push("alice changes her vote for gauge 0 to 20%", events(&change));
        let vote_now = l
            .query(
                "controller",
                &to_value(GaugeQuery::UserVote {
                    user: alice_addr.clone(),
                    gauge: gauges[0].clone(),
                })?,
            )
            .await?;
        ensure!(vote_now["last_vote_time"] == json!(change.at.secs()));
        obs.push("alice's vote for gauge 0", vote_now);
        // W2: gauge 0 = 200,000 * 102 + 750,000 * 50 = 57,900,000 weeks; gauge 1 = 300,000
        // * 102 + 2,250,000 * 50 = 143,100,000 weeks; total 3 * 57,900,000 + 143,100,000 =
        // 316,800,000 weeks.
        let rw_w2 = observe_week(l, &mut obs, "W2 from W1", &gauges, Some(w2)).await?;
        let expect_w2 = [
            173_700_000 * E18 / 316_800_000,
            143_100_000 * E18 / 316_800_000,
        ];
        ensure!(
            rw_w2 == expect_w2,
            "W2 weights {rw_w2:?}, by hand {expect_w2:?}"
        );

        // Alice claims mid-W1: pool 0 took nothing in W0 (relative weight 0) and
        // floor(RATE * (t - W1) * rw0(W1) / 1e18) since; she is its only staker.
        let claim = |pool_id| {
            to_value(FarmMsg::Claim {
                pool_ids: vec![pool_id],
                recipient: None,
            })
        };
        let mid = l.execute("alice", "farm", &claim(0)?, &[]).await?;
        let t_mid = u128::from(mid.at.secs() - w1);
        let alice_mid = RATE * t_mid * expect_w1[0] / E18;
        ensure!(
            week_start(mid.at.secs()) == w1,
            "the mid-week claim is not in W1"
        );
        ensure!(l.balance("alice", "ureward").await? == alice_mid);
        obs.push("alice claims in W1", events(&mid));

        // Past the schedule's end (W2 + TAIL): each pool took one whole week at W1's weight
        // and TAIL seconds at W2's, the sum floored once (the fraction is carried across
        // segments): floor(RATE * (WEEK * rw(W1) + TAIL * rw(W2)) / 1e18).
        into_next_week(l, mid.at.secs(), TAIL + 30).await?;
        let tail = u128::from(TAIL);
        let alice_total = RATE * (week * expect_w1[0] + tail * expect_w2[0]) / E18;
        let bob_total = RATE * (week * expect_w1[1] + tail * expect_w2[1]) / E18;
        let end_a = l.execute("alice", "farm", &claim(0)?, &[]).await?;
        let end_b = l.execute("bob", "farm", &claim(1)?, &[]).await?;
        obs.push("alice claims after the end", events(&end_a));
        obs.push("bob claims after the end", events(&end_b));
        let cp_pool = to_value(FarmMsg::CheckpointPool { pool_id: 0 })?;
        let cp_pool = l.execute("owner", "farm", &cp_pool, &[]).await?;
        obs.push("pool 0 checkpoint", events(&cp_pool));
        let alice_got = l.balance("alice", "ureward").await?;
        let bob_got = l.balance("bob", "ureward").await?;
        ensure!(
            alice_got == alice_total,
            "alice {alice_got}, by hand {alice_total}"
        );
        ensure!(bob_got == bob_total, "bob {bob_got}, by hand {bob_total}");
        obs.push("alice's rewards", json!(alice_got.to_string()));
        obs.push("bob's rewards", json!(bob_got.to_string()));
        observe_farm(l, &mut obs, "at the end").await?;

        // The books: only the pools' shares are emitted (the dust of the relative weights'
        // floors never is), all of it claimed; the rest of the reserve is still there.
        // claimed + pending + undistributed + carried + reserve left = funded, exactly.
        let totals = l.query("farm", &to_value(FarmQuery::Totals {})?).await?;
        let field = |key: &str| uint(&totals, &format!("/{key}"));
        ensure!(field("emitted")? == alice_total + bob_total, "{totals}");
        ensure!(field("claimed")? == alice_total + bob_total, "{totals}");
        let pending = l
            .query(
                "farm",
                &to_value(FarmQuery::Pending {
                    user: alice_addr,
                    pool_ids: vec![0, 1],
                })?,
            )
            .await?;
        ensure!(
            field("claimed")?
                + uint(&pending, "/total")?
                + field("undistributed")?
                + field("carried")?
                + uint(&totals, "/reserve_available")?
                == RESERVE,
            "{totals}"
        );
        ensure!(field("funded")? == RESERVE);
        obs.push("totals", totals);
        // The stakes come back.
        let withdraw = to_value(FarmMsg::Withdraw {
            pool_id: 1,
            amount: BOB_STAKE.into(),
            recipient: None,
        })?;
        l.execute("bob", "farm", &withdraw, &[]).await?;
        ensure!(l.balance("bob", "ust1").await? == BOB_STAKE);
        Ok(obs)
    }
}
