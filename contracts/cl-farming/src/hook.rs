//! The cl-pool's crossing hook: one message per swap that crossed marked ticks, listing them
//! in order with the direction and the tick after the swap. Each live farm of the pool
//! accrues up to now, crosses its own ticks among them, and takes the new tick.
//!
//! A report that contradicts a farm's virtual pool (one of its ticks in the crossed interval
//! missing from the report, one of its ticks reported on the wrong side, more ticks than a
//! swap can cross) is found before anything is written and deactivates that farm at this
//! moment. Any other error fails the message: the pool then records its link as broken (the
//! swap stands), every farm of the pool is left as it was before the swap, and
//! `SyncPoolLink` deactivates them.
use cosmwasm_std::{DepsMut, Env, Event, MessageInfo, Order, Response, Storage};
use cw_storage_plus::Bound;

use crate::error::ContractError;
use crate::farms::lifecycle::deactivate_at;
use crate::farms::load::{is_live, load_farm};
use crate::limits::MAX_REPORTED_TICKS;
use crate::state::{FARM_STATE, POOLS, VIRTUAL_TICKS};
use crate::vpool::{accrue, cross};

pub fn crossed(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    ticks: Vec<i32>,
    zero_for_one: bool,
    tick_after: i32,
) -> Result<Response, ContractError> {
    let entry = POOLS.may_load(deps.storage, &info.sender)?.ok_or_else(|| {
        ContractError::UnknownReporter {
            sender: info.sender.to_string(),
        }
    })?;
    let now = env.block.time.seconds();
    let mut response = Response::new()
        .add_attribute("action", "crossed")
        .add_attribute("pool", info.sender.as_str())
        .add_attribute("ticks", ticks.len().to_string())
        .add_attribute("zero_for_one", zero_for_one.to_string())
        .add_attribute("tick_after", tick_after.to_string());
    for farm_id in entry.live.iter().flatten().copied() {
        let (farm, mut state) = load_farm(deps.storage, farm_id)?;
        if !is_live(&farm, &state, now) {
            continue;
        }
        let outcome = if ticks.len() > MAX_REPORTED_TICKS {
            Err(format!(
                "{} ticks reported, at most {MAX_REPORTED_TICKS}",
                ticks.len()
            ))
        } else {
            accrue(&farm, &mut state, now)?;
            apply(
                deps.storage,
                farm_id,
                &mut state,
                &ticks,
                zero_for_one,
                tick_after,
            )?
        };
        match outcome {
            Ok(crossed) => {
                response =
                    response.add_attribute(format!("farm_{farm_id}_crossed"), crossed.to_string());
            }
            Err(reason) => {
                deactivate_at(deps.storage, farm_id, &farm, &mut state, now)?;
                response = response.add_event(deactivated(farm_id, now, &reason));
            }
        }
        FARM_STATE.save(deps.storage, farm_id, &state)?;
    }
    Ok(response)
}

fn deactivated(farm_id: u64, now: u64, reason: &str) -> Event {
    Event::new("deactivate_farm")
        .add_attribute("farm_id", farm_id.to_string())
        .add_attribute("reason", "inconsistent_report")
        .add_attribute("detail", reason)
        .add_attribute("time", now.to_string())
}

/// Crosses the farm's ticks the report covers. `Ok(Err(reason))` is a contradiction.
fn apply(
    storage: &mut dyn Storage,
    farm_id: u64,
    state: &mut crate::state::FarmState,
    ticks: &[i32],
    zero_for_one: bool,
    tick_after: i32,
) -> Result<Result<usize, String>, ContractError> {
    // The farm's ticks the price passed: (tick_after, tick] going down, (tick, tick_after]
    // going up, in crossing order. At most one more than was reported is read.
    let (low, high) = if zero_for_one {
        (tick_after, state.tick)
    } else {
        (state.tick, tick_after)
    };
    let passed = if low < high {
        let order = if zero_for_one {
            Order::Descending
        } else {
            Order::Ascending
        };
        VIRTUAL_TICKS
            .prefix_range(
                storage,
                farm_id,
                Some(Bound::exclusive(low)),
                Some(Bound::inclusive(high)),
                order,
            )
            .take(ticks.len() + 1)
            .collect::<Result<Vec<_>, _>>()?
    } else {
        vec![]
    };
    if let Some((missing, _)) = passed.iter().find(|(t, _)| !ticks.contains(t)) {
        return Ok(Err(format!(
            "tick {missing} of the farm was passed but not reported"
        )));
    }
    let wrong_side = ticks
        .iter()
        .filter(|t| !passed.iter().any(|(p, _)| p == *t))
        .find(|t| VIRTUAL_TICKS.has(storage, (farm_id, **t)));
    if let Some(tick) = wrong_side {
        return Ok(Err(format!(
            "tick {tick} of the farm was reported but lies outside the crossed interval"
        )));
    }
    let count = passed.len();
    for (tick, record) in passed {
        cross(storage, farm_id, state, tick, record, zero_for_one)?;
    }
    state.tick = tick_after;
    Ok(Ok(count))
}
