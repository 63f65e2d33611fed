//! What the scenarios share: observations of steps, reading numbers out of answers, the
//! escrow every vote-escrow scenario starts with, week arithmetic, and moving the clock to a
//! fresh week.
use anyhow::{Context, Result};
use cosmwasm_std::Decimal;
use serde_json::{json, to_value, Value};
use std::str::FromStr;
use trellis_testing::ContractKind;
use trellis_types::voting_escrow::{InstantiateMsg as EscrowInit, QueryMsg as EscrowQuery};
use trellis_types::AssetInfo;

use crate::{Ledger, Step};

pub use trellis_types::voting_escrow::WEEK;

/// 1e18: `Decimal`'s atomics per unit.
pub const E18: u128 = 1_000_000_000_000_000_000;

/// The escrow's default longest lock, 4 x 365 days: a lock's slope is `amount / MAX_TIME`.
pub const MAX_TIME: u64 = 4 * 365 * 86_400;

/// The start of the week holding `t`.
pub fn week_start(t: u64) -> u64 {
    t / WEEK * WEEK
}

pub fn native(denom: &str) -> AssetInfo {
    AssetInfo::native(denom)
}

/// The voting escrow "escrow", owned by "owner", locking ulit for at most `MAX_TIME`.
pub async fn instantiate_escrow<L: Ledger>(l: &mut L) -> Result<String> {
    let escrow = EscrowInit {
        owner: l.addr("owner"),
        lock_token: native("ulit"),
        max_time: None,
    };
    l.instantiate(
        "owner",
        ContractKind::VotingEscrow,
        "escrow",
        &to_value(escrow)?,
        &[],
    )
    .await
}

/// The escrow, then the clock a minute into the next week, so that the setup that follows
/// happens inside one week (`W0`); returns that week's start.
pub async fn escrow_then_fresh_week<L: Ledger>(l: &mut L) -> Result<u64> {
    instantiate_escrow(l).await?;
    let start = l
        .query("escrow", &to_value(EscrowQuery::HistoryStart {})?)
        .await?;
    let t0 = start["time"].as_u64().unwrap_or_default();
    into_next_week(l, t0, 60).await
}

/// A step's contract events, as an observation (attributes sorted by key, as every
/// `Step` has them: see `ledger::by_key`).
pub fn events(step: &Step) -> Value {
    json!(step.events)
}

/// A refused message, as an observation (`assert_same` compares the error texts).
pub fn failed(outcome: std::result::Result<Step, String>) -> Value {
    json!({ "failed": outcome.err() })
}

/// The unsigned number at `pointer` (a JSON pointer) of an answer: a `Uint128` string.
pub fn uint(answer: &Value, pointer: &str) -> Result<u128> {
    let v = answer
        .pointer(pointer)
        .with_context(|| format!("no {pointer} in {answer}"))?;
    let text = v.as_str().with_context(|| format!("{pointer} = {v}"))?;
    text.parse()
        .with_context(|| format!("{pointer} = {text} is not a number"))
}

/// The `Decimal` at `pointer`, as its atomics (1e18 per unit).
pub fn atomics(answer: &Value, pointer: &str) -> Result<u128> {
    let v = answer
        .pointer(pointer)
        .and_then(Value::as_str)
        .with_context(|| format!("no decimal {pointer} in {answer}"))?;
    Ok(Decimal::from_str(v)?.atomics().u128())
}

/// The value of attribute `key` in the event of `step` whose `action` is `action`.
pub fn action_attr(step: &Step, action: &str, key: &str) -> Option<String> {
    step.events
        .iter()
        .map(|(_, attrs)| attrs)
        .find(|attrs| attrs.iter().any(|(k, v)| k == "action" && v == action))
        .and_then(|attrs| attrs.iter().find(|(k, _)| k == key))
        .map(|(_, v)| v.clone())
}

/// Lets the clock run from `now` to `margin` seconds into the next week (the real chain
/// moves its test clock; the embedded one follows the recorded blocks), so that what follows
/// happens inside one week. Returns that week's start.
pub async fn into_next_week<L: Ledger>(l: &mut L, now: u64, margin: u64) -> Result<u64> {
    let next = week_start(now) + WEEK;
    l.pause(next + margin - now).await?;
    Ok(next)
}
