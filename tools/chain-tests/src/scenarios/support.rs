//! What the vote-escrow, fee and options scenarios share: reading numbers out of answers,
//! week arithmetic, and moving the clock to a fresh week.
use anyhow::{Context, Result};
use cosmwasm_std::Decimal;
use serde_json::{json, Value};
use std::str::FromStr;

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

/// A step's contract events, as an observation, each event's attributes sorted by key.
///
/// Why sorted: wasmd 0.55 sorts, in place, the attributes of the events a wasm sub-message
/// emitted (`x/wasm/keeper/msg_dispatcher.go`, for the reply's `SubMsgResult`, on the slice
/// the transaction's events share), so a pool's LP-token `mint` reads `action, amount, to`
/// on the chain and `action, to, amount` (cw20-base's order) on cw-multi-test. The content
/// is compared, not that order.
pub fn events(step: &Step) -> Value {
    let sorted: Vec<(&String, Vec<&(String, String)>)> = step
        .events
        .iter()
        .map(|(kind, attrs)| {
            let mut attrs: Vec<&(String, String)> = attrs.iter().collect();
            attrs.sort_by(|a, b| a.0.cmp(&b.0));
            (kind, attrs)
        })
        .collect();
    json!(sorted)
}

/// A refused message, as an observation (`assert_same` compares the error texts).
pub fn failed(outcome: std::result::Result<Step, String>) -> Value {
    json!({ "failed": outcome.err() })
}

/// A refused message whose error text names contracts or accounts: their addresses (which
/// differ between the chains) replaced by `<name>`, as in answers and events.
pub fn failed_naming<L: Ledger>(
    l: &mut L,
    outcome: std::result::Result<Step, String>,
    names: &[&str],
) -> Value {
    let error = outcome.err().map(|mut text| {
        for name in names {
            text = text.replace(&l.addr(name), &format!("<{name}>"));
        }
        text
    });
    json!({ "failed": error })
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
