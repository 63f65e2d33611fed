//! The farm: an LP pool and a solo pool, deposits, claims, a weight change, a withdrawal, an
//! emergency withdrawal and two refused messages, with the rewards checked against the
//! formula on whichever chain it runs. `tests/farm.rs` runs it on both chains and compares;
//! `trellis bench chain` runs it on wasmd for its gas.
use super::support::{events, native};
use crate::compare::Scenario;
use crate::{Ledger, Observations};
use anyhow::Result;
use serde_json::{json, to_value};
use trellis_testing::ContractKind;
use trellis_types::farm::{
    AllocationPolicy, Clock, Curve, ExecuteMsg, InstantiateMsg, PoolKind, QueryMsg, RewardSource,
    Schedule,
};

/// Reward per second, split by weight: 300 : 100 gives the LP pool 750,000 and the solo pool
/// 250,000; after the weight change 300 : 200, 600,000 and 400,000.
const RATE: u128 = 1_000_000;
const RESERVE: u128 = 1_000_000_000_000;

pub struct FarmScenario;

async fn observe<L: Ledger>(l: &mut L, obs: &mut Observations, label: &str) -> Result<()> {
    for pool_id in [0u64, 1] {
        let pool = l
            .query("farm", &to_value(QueryMsg::Pool { pool_id })?)
            .await?;
        obs.push(format!("{label}: pool {pool_id}"), pool);
        for user in ["alice", "bob"] {
            let user_addr = l.addr(user);
            let position = l
                .query(
                    "farm",
                    &to_value(QueryMsg::Position {
                        pool_id,
                        user: user_addr,
                    })?,
                )
                .await?;
            obs.push(format!("{label}: {user} in pool {pool_id}"), position);
        }
    }
    let totals = l.query("farm", &to_value(QueryMsg::Totals {})?).await?;
    obs.push(format!("{label}: totals"), totals);
    Ok(())
}

impl Scenario for FarmScenario {
    const DENOMS: &'static [&'static str] = &["ulit", "uusdc", "ulp", "ureward"];

    async fn run<L: Ledger>(&self, l: &mut L) -> Result<Observations> {
        let mut obs = Observations::default();
        l.fund("owner", &[("ureward", RESERVE)]).await?;
        l.fund("alice", &[("ulp", 1_000), ("ulit", 1_000)]).await?;
        l.fund("bob", &[("ulp", 1_000)]).await?;
        let owner = l.addr("owner");
        let farm = InstantiateMsg {
            owner: owner.clone(),
            clock: Clock::Time,
            schedule: Schedule {
                start: 0,
                end: None,
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
            split: None,
        };
        l.instantiate("owner", ContractKind::Farm, "farm", &to_value(farm)?, &[])
            .await?;
        l.execute(
            "owner",
            "farm",
            &to_value(ExecuteMsg::Fund {})?,
            &[("ureward", RESERVE)],
        )
        .await?;
        let add = |staking: &str, kind: PoolKind, weight: u64| ExecuteMsg::AddPool {
            staking: native(staking),
            kind,
            weight,
            tokenless_share_pct: None,
        };
        let lp = PoolKind::Lp {
            pair: [native("ulit"), native("uusdc")],
        };
        l.execute("owner", "farm", &to_value(add("ulp", lp, 300))?, &[])
            .await?;
        l.execute(
            "owner",
            "farm",
            &to_value(add("ulit", PoolKind::Solo, 100))?,
            &[],
        )
        .await?;

        let deposit = |pool_id| {
            to_value(ExecuteMsg::Deposit {
                pool_id,
                recipient: None,
            })
        };
        let claim = |pool_ids: Vec<u64>| {
            to_value(ExecuteMsg::Claim {
                pool_ids,
                recipient: None,
            })
        };
        // Refused, on both chains: a deposit without funds.
        let refused = l.try_execute("alice", "farm", &deposit(0)?, &[]).await?;
        obs.push("deposit without funds", json!({ "failed": refused.err() }));

        let t_a = l
            .execute("alice", "farm", &deposit(0)?, &[("ulp", 100)])
            .await?;
        obs.push("alice deposits 100 in pool 0", events(&t_a));
        l.pause(2).await?;
        let t_b = l
            .execute("bob", "farm", &deposit(0)?, &[("ulp", 300)])
            .await?;
        l.pause(2).await?;
        let t_s = l
            .execute("alice", "farm", &deposit(1)?, &[("ulit", 50)])
            .await?;
        l.pause(2).await?;
        observe(l, &mut obs, "before alice's claim").await?;
        let t_c = l.execute("alice", "farm", &claim(vec![0, 1])?, &[]).await?;
        obs.push("alice claims pools 0 and 1", events(&t_c));
        let set_weight = ExecuteMsg::SetWeight {
            pool_id: 1,
            weight: 200,
        };
        let t_w = l
            .execute("owner", "farm", &to_value(set_weight)?, &[])
            .await?;
        l.pause(2).await?;
        // Refused, on both chains: more than bob staked.
        let too_much = to_value(ExecuteMsg::Withdraw {
            pool_id: 0,
            amount: 301u128.into(),
            recipient: None,
        })?;
        let refused = l.try_execute("bob", "farm", &too_much, &[]).await?;
        obs.push(
            "bob withdraws 301 of 300",
            json!({ "failed": refused.err() }),
        );
        let withdraw = to_value(ExecuteMsg::Withdraw {
            pool_id: 0,
            amount: 100u128.into(),
            recipient: None,
        })?;
        let t_bw = l.execute("bob", "farm", &withdraw, &[]).await?;
        obs.push("bob withdraws 100", events(&t_bw));
        l.pause(2).await?;
        let emergency = to_value(ExecuteMsg::EmergencyWithdraw {
            pool_id: 1,
            recipient: None,
        })?;
        let t_e = l.execute("alice", "farm", &emergency, &[]).await?;
        obs.push("alice's emergency withdrawal", events(&t_e));
        let t_ac = l.execute("alice", "farm", &claim(vec![0])?, &[]).await?;
        let t_bc = l.execute("bob", "farm", &claim(vec![0])?, &[]).await?;
        observe(l, &mut obs, "at the end").await?;

        // The rewards by hand, from the blocks' times (seconds) and the per-pool rates:
        // pool 0 runs at 750,000/s until the weight change, 600,000/s after; pool 1 at
        // 250,000/s. Shares of pool 0: alice 100 alone, then 100 of 400, then (bob at 200)
        // 100 of 300. Every product below divides exactly, so no rounding is involved.
        let [a, b, s, c, w, bw, ac, bc] =
            [&t_a, &t_b, &t_s, &t_c, &t_w, &t_bw, &t_ac, &t_bc].map(|t| t.at.secs() as u128);
        let alice = 750_000 * (b - a)
            + 750_000 * 100 / 400 * (w - b)
            + 600_000 * 100 / 400 * (bw - w)
            + 600_000 * 100 / 300 * (ac - bw)
            + 250_000 * (c - s);
        let bob = 750_000 * 300 / 400 * (w - b)
            + 600_000 * 300 / 400 * (bw - w)
            + 600_000 * 200 / 300 * (bc - bw);
        let alice_got = l.balance("alice", "ureward").await?;
        let bob_got = l.balance("bob", "ureward").await?;
        assert_eq!(alice_got, alice, "alice's rewards");
        assert_eq!(bob_got, bob, "bob's rewards");
        // Principal back: alice's 50 from the emergency withdrawal and bob's 100.
        assert_eq!(l.balance("alice", "ulit").await?, 1_000);
        assert_eq!(l.balance("bob", "ulp").await?, 1_000 - 200);
        // Each pause moved the clock, so every term above was exercised.
        assert!(
            a < b && b < s && s < c && w < bw,
            "a pause did not move the clock"
        );
        obs.push("alice's rewards", json!(alice_got.to_string()));
        obs.push("bob's rewards", json!(bob_got.to_string()));
        Ok(obs)
    }
}
