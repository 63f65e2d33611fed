//! The fee distributor: two locks of different power, fees in two tokens (plain transfers and
//! coins attached to a checkpoint), four checkpoints over four weeks, claims (one for another
//! user) and five refused messages, every amount derived from the documented formulas.
//!
//! How fees are booked (`fee_distributor` docs): a checkpoint at `now` spreads each token's
//! unbooked balance `F` over `[from, now)` (`from`: the last checkpoint), the part of a week
//! segment `[a, b)` being `floor(F * (b - from) / span) - floor(F * (a - from) / span)`,
//! `span = now - from` (the floors telescope: nothing is lost between weeks). A week whose
//! total power at its start is zero books nothing: its part stays unbooked and the next
//! checkpoint spreads it again. A user's share of a complete week is
//! `floor(fees * power(user, week) / power(total, week))` (rounds down).
//!
//! The weeks: `W0` holds the setup (the clock is first moved a minute into a fresh week, so
//! both locks are made after `W0` starts and `W0` has no power); checkpoints run in `W0`,
//! `W1`, `W2` and `W3`.
use anyhow::{ensure, Result};
use serde_json::{json, to_value, Value};
use trellis_testing::ContractKind;
use trellis_types::fee_distributor::{
    ExecuteMsg as FeeMsg, InstantiateMsg as FeeInit, QueryMsg as FeeQuery,
};
use trellis_types::voting_escrow::{ExecuteMsg as EscrowMsg, QueryMsg as EscrowQuery};

use super::support::{
    action_attr, escrow_then_fresh_week, events, failed, into_next_week, native, uint, week_start,
    MAX_TIME, WEEK,
};
use crate::compare::Scenario;
use crate::{Ledger, Observations, Step};

/// Alice: slope 1,000,000, 104 weeks from `W0`. Bob: slope
/// floor((2,500,000 * MAX_TIME + 123) / MAX_TIME) = 2,500,000 (the 123 floor away), 26 weeks
/// from `W0`.
const ALICE_LOCK: u128 = 1_000_000 * MAX_TIME as u128;
const BOB_LOCK: u128 = 2_500_000 * MAX_TIME as u128 + 123;
/// Fees: uusdc sent in W0 and in W2, uweth attached to the W1 checkpoint.
const USDC_W0: u128 = 1_000_000;
const USDC_W2: u128 = 300_000;
const WETH_W1: u128 = 700_000;
/// Config order of the fee tokens.
const TOKENS: [&str; 2] = ["uusdc", "uweth"];

pub struct FeeScenario;

/// The part of `amount`, received over `[from, now)`, that falls in `[a, b)`.
fn part(amount: u128, from: u64, now: u64, a: u64, b: u64) -> u128 {
    let span = u128::from(now - from);
    amount * u128::from(b - from) / span - amount * u128::from(a - from) / span
}

/// `booked_<token>` of a checkpoint, per token in config order.
fn booked(step: &Step) -> [Option<u128>; 2] {
    TOKENS.map(|d| {
        action_attr(step, "checkpoint_token", &format!("booked_native:{d}"))
            .and_then(|v| v.parse().ok())
    })
}

async fn claimable<L: Ledger>(l: &mut L, user: &str) -> Result<Value> {
    let user = l.addr(user);
    l.query("fees", &to_value(FeeQuery::Claimable { user })?)
        .await
}

async fn observe<L: Ledger>(l: &mut L, obs: &mut Observations, label: &str) -> Result<Value> {
    let config = l.query("fees", &to_value(FeeQuery::Config {})?).await?;
    obs.push(format!("{label}: config"), config);
    for token in TOKENS {
        let weeks = to_value(FeeQuery::TokensPerWeek {
            token: native(token),
            start_after: None,
            limit: None,
        })?;
        let weeks = l.query("fees", &weeks).await?;
        obs.push(format!("{label}: {token} per week"), weeks);
    }
    for user in ["alice", "bob"] {
        let c = claimable(l, user).await?;
        obs.push(format!("{label}: {user} may claim"), c);
    }
    let totals = l.query("fees", &to_value(FeeQuery::Totals {})?).await?;
    obs.push(format!("{label}: totals"), totals.clone());
    Ok(totals)
}

impl Scenario for FeeScenario {
    const DENOMS: &'static [&'static str] = &["ulit", "uusdc", "uweth", "ufoo"];

    async fn run<L: Ledger>(&self, l: &mut L) -> Result<Observations> {
        let mut obs = Observations::default();
        l.fund("owner", &[("uweth", WETH_W1), ("ufoo", 1)]).await?;
        l.fund("alice", &[("ulit", ALICE_LOCK)]).await?;
        l.fund("bob", &[("ulit", BOB_LOCK)]).await?;
        let owner = l.addr("owner");
        let w0 = escrow_then_fresh_week(l).await?;
        let (w1, w2, w3) = (w0 + WEEK, w0 + 2 * WEEK, w0 + 3 * WEEK);

        let lock = |weeks: u64| {
            to_value(EscrowMsg::CreateLock {
                unlock_time: w0 + weeks * WEEK,
            })
        };
        let lock_a = l
            .execute("alice", "escrow", &lock(104)?, &[("ulit", ALICE_LOCK)])
            .await?;
        let lock_b = l
            .execute("bob", "escrow", &lock(26)?, &[("ulit", BOB_LOCK)])
            .await?;
        ensure!(action_attr(&lock_b, "create_lock", "slope") == Some("2500000".into()));
        obs.push("alice locks", events(&lock_a));
        obs.push("bob locks", events(&lock_b));
        // Powers at the week starts: slope * (end - week). W0: none (both locks are later).
        // W1: alice 1,000,000 * 103 weeks, bob 2,500,000 * 25 weeks; W2: 102 and 24 weeks.
        let week = u128::from(WEEK);
        let (a1, b1) = (1_000_000 * 103 * week, 2_500_000 * 25 * week);
        let (a2, b2) = (1_000_000 * 102 * week, 2_500_000 * 24 * week);
        let totals = to_value(EscrowQuery::TotalPowers {
            times: vec![w0, w1, w2],
        })?;
        let powers = l.query("escrow", &totals).await?;
        let expect = [0, a1 + b1, a2 + b2].map(|p: u128| p.to_string());
        ensure!(powers["powers"] == json!(expect), "{powers}");
        obs.push("total powers at W0, W1, W2", powers);

        let fees = FeeInit {
            owner: owner.clone(),
            voting_escrow: l.addr("escrow"),
            tokens: TOKENS.iter().map(|d| native(d)).collect(),
            start_time: w0,
        };
        l.instantiate(
            "owner",
            ContractKind::FeeDistributor,
            "fees",
            &to_value(fees)?,
            &[],
        )
        .await?;
        let checkpoint = to_value(FeeMsg::CheckpointToken {})?;
        // Refused: ufoo is not a fee token.
        let refused = l
            .try_execute("owner", "fees", &checkpoint, &[("ufoo", 1)])
            .await?;
        obs.push("checkpoint with ufoo", failed(refused));

        // W0: fees arrive as a plain transfer; the checkpoint spreads them over [W0, c1),
        // all in W0, which has no power: nothing is booked, everything stays unbooked.
        l.fund("fees", &[("uusdc", USDC_W0)]).await?;
        let c1 = l.execute("owner", "fees", &checkpoint, &[]).await?;
        ensure!(booked(&c1) == [Some(0), Some(0)], "{:?}", c1.events);
        obs.push("checkpoint in W0", events(&c1));
        let claim =
            |user: Option<String>, limit_weeks| to_value(FeeMsg::Claim { user, limit_weeks });
        // Refused: no complete week yet.
        let refused = l
            .try_execute("alice", "fees", &claim(None, None)?, &[])
            .await?;
        obs.push("alice claims in W0", failed(refused));
        let t = observe(l, &mut obs, "W0").await?;
        ensure!(uint(&t, "/tokens/0/unbooked")? == USDC_W0, "{t}");

        // W1: uweth attached to the checkpoint. Both tokens are spread over [c1, c2): the
        // part in W0 ([c1, W1)) stays unbooked, the part in W1 ([W1, c2)) is booked.
        into_next_week(l, c1.at.secs(), 30).await?;
        let c2 = l
            .execute("owner", "fees", &checkpoint, &[("uweth", WETH_W1)])
            .await?;
        let (tc1, tc2) = (c1.at.secs(), c2.at.secs());
        ensure!(week_start(tc1) == w0 && week_start(tc2) == w1);
        let fresh_c2 = [USDC_W0, WETH_W1];
        let w1_c2 = fresh_c2.map(|f| part(f, tc1, tc2, w1, tc2));
        let unbooked_c2 = fresh_c2.map(|f| part(f, tc1, tc2, tc1, w1));
        ensure!(
            booked(&c2) == w1_c2.map(Some),
            "{:?} by hand {w1_c2:?}",
            c2.events
        );
        obs.push("checkpoint in W1", events(&c2));
        // Refused: a fee token cannot be swept.
        let sweep = to_value(FeeMsg::Sweep {
            asset: native("uusdc"),
            recipient: owner.clone(),
        })?;
        let refused = l.try_execute("owner", "fees", &sweep, &[]).await?;
        obs.push("sweep of a fee token", failed(refused));
        observe(l, &mut obs, "W1").await?;

        // W2: more uusdc, and three days later a checkpoint spreading [c2, c3): [c2, W2)
        // into W1, [W2, c3) into W2; the unbooked W0 parts go with it.
        into_next_week(l, tc2, 30).await?;
        l.fund("fees", &[("uusdc", USDC_W2)]).await?;
        l.pause(3 * 86_400).await?;
        let c3 = l.execute("owner", "fees", &checkpoint, &[]).await?;
        let tc3 = c3.at.secs();
        ensure!(week_start(tc3) == w2);
        let fresh_c3 = [unbooked_c2[0] + USDC_W2, unbooked_c2[1]];
        let w1_c3 = fresh_c3.map(|f| part(f, tc2, tc3, tc2, w2));
        let w2_c3 = fresh_c3.map(|f| part(f, tc2, tc3, w2, tc3));
        let booked_c3 = [0, 1].map(|i| Some(w1_c3[i] + w2_c3[i]));
        ensure!(booked(&c3) == booked_c3, "{:?}", c3.events);
        obs.push("checkpoint in W2", events(&c3));
        let fees_w1 = [0, 1].map(|i| w1_c2[i] + w1_c3[i]);
        let fees_w2 = w2_c3;
        // Everything received is booked now: W1 and W2 both have power.
        ensure!(fees_w1[0] + fees_w2[0] == USDC_W0 + USDC_W2);
        ensure!(fees_w1[1] + fees_w2[1] == WETH_W1);
        let t = observe(l, &mut obs, "W2").await?;
        for i in 0..2 {
            ensure!(uint(&t, &format!("/tokens/{i}/unbooked"))? == 0, "{t}");
        }
        let weeks = to_value(FeeQuery::TokensPerWeek {
            token: native("uusdc"),
            start_after: None,
            limit: None,
        })?;
        let weeks = l.query("fees", &weeks).await?;
        let expect = json!([
            { "week_start": w1, "amount": fees_w1[0].to_string() },
            { "week_start": w2, "amount": fees_w2[0].to_string() },
        ]);
        ensure!(weeks["weeks"] == expect, "{weeks}");

        // Claims of W1 (W0 had no fees): floor(fees * power / total), per token.
        let share = |fees: [u128; 2], power: u128, total: u128| fees.map(|f| f * power / total);
        let (alice_w1, bob_w1) = (share(fees_w1, a1, a1 + b1), share(fees_w1, b1, a1 + b1));
        let ca = l.execute("alice", "fees", &claim(None, None)?, &[]).await?;
        ensure!(action_attr(&ca, "claim", "next_cursor") == Some(w2.to_string()));
        let cb = l.execute("bob", "fees", &claim(None, None)?, &[]).await?;
        obs.push("alice claims W0 and W1", events(&ca));
        obs.push("bob claims W0 and W1", events(&cb));
        for (user, expect) in [("alice", alice_w1), ("bob", bob_w1)] {
            for (token, amount) in TOKENS.iter().zip(expect) {
                ensure!(l.balance(user, token).await? == amount, "{user}'s {token}");
            }
        }
        // Refused: W2 is not complete; and a claim must walk at least one week.
        let refused = l
            .try_execute("alice", "fees", &claim(None, None)?, &[])
            .await?;
        obs.push("alice claims again in W2", failed(refused));
        let refused = l
            .try_execute("bob", "fees", &claim(None, Some(0))?, &[])
            .await?;
        obs.push("a claim of zero weeks", failed(refused));

        // W3: a checkpoint with nothing new only moves the clock of the books, which
        // completes W2. Alice claims hers, then bob's for him (anyone may; bob is paid).
        into_next_week(l, tc3, 30).await?;
        let c4 = l.execute("owner", "fees", &checkpoint, &[]).await?;
        ensure!(week_start(c4.at.secs()) == w3);
        ensure!(
            action_attr(&c4, "checkpoint_token", "last_token_time")
                == Some(c4.at.secs().to_string())
        );
        obs.push("checkpoint in W3", events(&c4));
        let (alice_w2, bob_w2) = (share(fees_w2, a2, a2 + b2), share(fees_w2, b2, a2 + b2));
        let c = claimable(l, "alice").await?;
        ensure!(uint(&c, "/amounts/0/amount")? == alice_w2[0], "{c}");
        ensure!(uint(&c, "/amounts/1/amount")? == alice_w2[1], "{c}");
        let ca = l.execute("alice", "fees", &claim(None, None)?, &[]).await?;
        let bob_addr = l.addr("bob");
        let cb = l
            .execute("alice", "fees", &claim(Some(bob_addr), None)?, &[])
            .await?;
        obs.push("alice claims W2", events(&ca));
        obs.push("alice claims W2 for bob", events(&cb));
        let paid = [
            (
                "alice",
                [alice_w1[0] + alice_w2[0], alice_w1[1] + alice_w2[1]],
            ),
            ("bob", [bob_w1[0] + bob_w2[0], bob_w1[1] + bob_w2[1]]),
        ];
        for (user, expect) in paid {
            for (token, amount) in TOKENS.iter().zip(expect) {
                ensure!(l.balance(user, token).await? == amount, "{user}'s {token}");
            }
        }

        // The books, per token: claimed + claimable (none left) + what stays in the contract
        // (the claims' rounding dust, booked but nobody's, and the unbooked) = received.
        let t = observe(l, &mut obs, "W3").await?;
        let funded = [USDC_W0 + USDC_W2, WETH_W1];
        for (i, token) in TOKENS.iter().enumerate() {
            let claimed = paid[0].1[i] + paid[1].1[i];
            ensure!(
                uint(&t, &format!("/tokens/{i}/booked"))? == funded[i],
                "{t}"
            );
            ensure!(uint(&t, &format!("/tokens/{i}/claimed"))? == claimed, "{t}");
            let left = l.balance("fees", token).await?;
            let mut claimable_now = 0;
            for user in ["alice", "bob"] {
                let c = claimable(l, user).await?;
                claimable_now += uint(&c, &format!("/amounts/{i}/amount"))?;
            }
            let unbooked = uint(&t, &format!("/tokens/{i}/unbooked"))?;
            ensure!(
                claimed + claimable_now + left == funded[i],
                "{token}: claimed {claimed} + claimable {claimable_now} + left {left}"
            );
            ensure!(claimable_now == 0 && unbooked == 0);
            obs.push(
                format!("{token} left in the distributor"),
                json!(left.to_string()),
            );
        }
        Ok(obs)
    }
}
