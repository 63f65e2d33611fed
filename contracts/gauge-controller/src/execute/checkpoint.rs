//! Bounded, resumable walks of the weight lines up to the next week.
use cosmwasm_std::{DepsMut, Env, MessageInfo, Order, Response, Storage};
use trellis_math::ve::Line;

use super::next_week;
use crate::error::ContractError;
use crate::limits::MAX_WEEKS_PER_CHECKPOINT;
use crate::lines::Advanced;
use crate::state::{type_key, GAUGES, GAUGE_LINES, TYPE_LINES, TYPE_NAMES};

/// Brings a gauge and its type to `next_week`, or refuses (`CheckpointRequired`) when either
/// is more than `MAX_WEEKS_PER_CHECKPOINT` weeks behind. Returns (gauge line, type line).
pub fn lines_at_next_week(
    store: &mut dyn Storage,
    gauge: &str,
    gauge_type: u32,
    next_week: u64,
) -> Result<(Line, Line), ContractError> {
    let tkey = type_key(gauge_type);
    let (g, t) = advance_to_next_week(store, gauge, &tkey, next_week)?;
    for (book, id, adv) in [(&GAUGE_LINES, gauge, &g), (&TYPE_LINES, tkey.as_str(), &t)] {
        for p in &adv.points {
            book.save(store, id, *p)?;
        }
    }
    Ok((g.line, t.line))
}

/// The gauge's and the type's lines walked (read-only) to `next_week`, or
/// `CheckpointRequired` when either is more than `MAX_WEEKS_PER_CHECKPOINT` weeks behind.
/// Checked before any write: a refused message leaves no partial walk behind.
pub fn advance_to_next_week(
    store: &dyn Storage,
    gauge: &str,
    tkey: &str,
    next_week: u64,
) -> Result<(Advanced, Advanced), ContractError> {
    let g = GAUGE_LINES.advance(store, gauge, next_week, MAX_WEEKS_PER_CHECKPOINT)?;
    let t = TYPE_LINES.advance(store, tkey, next_week, MAX_WEEKS_PER_CHECKPOINT)?;
    if !g.reached || !t.reached {
        return Err(ContractError::CheckpointRequired { next_week });
    }
    Ok((g, t))
}

/// Anyone: walk a gauge and its type (or every type) towards the next week, at most
/// `MAX_WEEKS_PER_CHECKPOINT` weeks per line; progress is kept even when not reached.
pub fn checkpoint(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    gauge: Option<String>,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let target = next_week(env.block.time.seconds());
    let mut reached = true;
    let types: Vec<u32> = match &gauge {
        Some(g) => {
            let gi = GAUGES
                .may_load(deps.storage, g)?
                .ok_or_else(|| ContractError::UnknownGauge { gauge: g.clone() })?;
            let (_, r) =
                GAUGE_LINES.checkpoint(deps.storage, g, target, MAX_WEEKS_PER_CHECKPOINT)?;
            reached &= r;
            vec![gi.gauge_type]
        }
        // Bounded by MAX_GAUGE_TYPES.
        None => TYPE_NAMES
            .range(deps.storage, None, None, Order::Ascending)
            .map(|r| r.map(|(id, _)| id))
            .collect::<Result<_, _>>()?,
    };
    for t in types {
        let (_, r) =
            TYPE_LINES.checkpoint(deps.storage, &type_key(t), target, MAX_WEEKS_PER_CHECKPOINT)?;
        reached &= r;
    }
    Ok(Response::new()
        .add_attribute("action", "checkpoint")
        .add_attribute("gauge", gauge.unwrap_or_default())
        .add_attribute("week", target.to_string())
        .add_attribute("reached", reached.to_string()))
}
