//! Owner: gauges: add, cap, replace the weight, kill.
use cosmwasm_std::{Decimal, DepsMut, Env, MessageInfo, Response, Storage, Uint128};
use trellis_math::ve::Line;

use super::checkpoint::lines_at_next_week;
use super::next_week;
use crate::error::ContractError;
use crate::limits::{MAX_GAUGE_ID_LEN, MAX_VOTE_HORIZON};
use crate::state::{
    type_key, CapSetting, GaugeInfo, GAUGES, GAUGE_CAPS, GAUGE_LINES, TYPE_LINES, TYPE_NAMES,
};

fn validate_cap(cap: Option<Decimal>) -> Result<(), ContractError> {
    match cap {
        Some(c) if c.is_zero() || c > Decimal::one() => {
            Err(ContractError::InvalidCap { cap: c.to_string() })
        }
        _ => Ok(()),
    }
}

fn load_gauge(store: &dyn Storage, gauge: &str) -> Result<GaugeInfo, ContractError> {
    GAUGES
        .may_load(store, gauge)?
        .ok_or_else(|| ContractError::UnknownGauge {
            gauge: gauge.to_string(),
        })
}

fn load_live_gauge(store: &dyn Storage, gauge: &str) -> Result<GaugeInfo, ContractError> {
    let info = load_gauge(store, gauge)?;
    if info.killed {
        return Err(ContractError::GaugeKilled {
            gauge: gauge.to_string(),
        });
    }
    Ok(info)
}

pub fn add_gauge(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    gauge: String,
    gauge_type: u32,
    cap: Option<Decimal>,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    cw_ownable::assert_owner(deps.storage, &info.sender)?;
    if gauge.is_empty() || gauge.len() > MAX_GAUGE_ID_LEN {
        return Err(ContractError::InvalidGaugeId {
            gauge,
            max: MAX_GAUGE_ID_LEN,
        });
    }
    if !TYPE_NAMES.has(deps.storage, gauge_type) {
        return Err(ContractError::UnknownType { gauge_type });
    }
    if GAUGES.has(deps.storage, &gauge) {
        return Err(ContractError::DuplicateGauge { gauge });
    }
    validate_cap(cap)?;
    let week = next_week(env.block.time.seconds());
    let info = GaugeInfo {
        gauge_type,
        killed: false,
        cap,
        epoch: 0,
    };
    GAUGES.save(deps.storage, &gauge, &info)?;
    GAUGE_CAPS.save(deps.storage, (&gauge, week), &CapSetting { cap })?;
    GAUGE_LINES.create(deps.storage, &gauge, week)?;
    Ok(Response::new()
        .add_attribute("action", "add_gauge")
        .add_attribute("gauge", gauge)
        .add_attribute("gauge_type", gauge_type.to_string())
        .add_attribute("cap", cap.map(|c| c.to_string()).unwrap_or_default()))
}

/// The cap applies from the next week on.
pub fn set_gauge_cap(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    gauge: String,
    cap: Option<Decimal>,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    cw_ownable::assert_owner(deps.storage, &info.sender)?;
    let mut gi = load_gauge(deps.storage, &gauge)?;
    validate_cap(cap)?;
    gi.cap = cap;
    let week = next_week(env.block.time.seconds());
    GAUGES.save(deps.storage, &gauge, &gi)?;
    GAUGE_CAPS.save(deps.storage, (&gauge, week), &CapSetting { cap })?;
    Ok(Response::new()
        .add_attribute("action", "set_gauge_cap")
        .add_attribute("gauge", gauge)
        .add_attribute("from_week", week.to_string())
        .add_attribute("cap", cap.map(|c| c.to_string()).unwrap_or_default()))
}

/// Replaces the gauge's line from `next` on by the constant `new_bias`, taking its old line
/// (bias, slope and every scheduled slope change) out of its type sum, and bumps the epoch
/// so the votes it held are no longer subtracted from it. The scheduled changes lie within
/// `MAX_VOTE_HORIZON` of `next` (votes ending later are refused), so the loop is bounded.
fn replace_gauge_line(
    store: &mut dyn Storage,
    gauge: &str,
    gi: &mut GaugeInfo,
    next: u64,
    new_bias: u128,
) -> Result<Line, ContractError> {
    let (g, t) = lines_at_next_week(store, gauge, gi.gauge_type, next)?;
    let tkey = type_key(gi.gauge_type);
    for (week, change) in
        GAUGE_LINES.changes_between(store, gauge, next, next + MAX_VOTE_HORIZON)?
    {
        let type_change = TYPE_LINES
            .changes
            .load(store, (tkey.clone(), week))?
            .checked_sub(change)
            .ok_or(ContractError::Math(trellis_math::MathError::Overflow(
                "type slope change",
            )))?;
        TYPE_LINES
            .changes
            .save(store, (tkey.clone(), week), &type_change)?;
        GAUGE_LINES.changes.remove(store, (gauge.to_string(), week));
    }
    // The type line holds the gauge line exactly, so these cannot underflow.
    let overflow = || ContractError::Math(trellis_math::MathError::Overflow("type sum"));
    let type_line = Line {
        bias: t
            .bias
            .checked_sub(g.bias)
            .and_then(|b| b.checked_add(new_bias))
            .ok_or_else(overflow)?,
        slope: t.slope.checked_sub(g.slope).ok_or_else(overflow)?,
        ts: next,
    };
    TYPE_LINES.save(store, &tkey, type_line)?;
    GAUGE_LINES.save(
        store,
        gauge,
        Line {
            bias: new_bias,
            slope: 0,
            ts: next,
        },
    )?;
    gi.epoch += 1;
    GAUGES.save(store, gauge, gi)?;
    Ok(g)
}

pub fn change_gauge_weight(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    gauge: String,
    weight: Uint128,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    cw_ownable::assert_owner(deps.storage, &info.sender)?;
    let mut gi = load_live_gauge(deps.storage, &gauge)?;
    let next = next_week(env.block.time.seconds());
    let old = replace_gauge_line(deps.storage, &gauge, &mut gi, next, weight.u128())?;
    Ok(Response::new()
        .add_attribute("action", "change_gauge_weight")
        .add_attribute("gauge", gauge)
        .add_attribute("old_weight", old.bias.to_string())
        .add_attribute("weight", weight)
        .add_attribute("week", next.to_string()))
}

pub fn kill_gauge(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    gauge: String,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    cw_ownable::assert_owner(deps.storage, &info.sender)?;
    let mut gi = load_live_gauge(deps.storage, &gauge)?;
    let next = next_week(env.block.time.seconds());
    let old = replace_gauge_line(deps.storage, &gauge, &mut gi, next, 0)?;
    gi.killed = true;
    GAUGES.save(deps.storage, &gauge, &gi)?;
    Ok(Response::new()
        .add_attribute("action", "kill_gauge")
        .add_attribute("gauge", gauge)
        .add_attribute("old_weight", old.bias.to_string())
        .add_attribute("week", next.to_string()))
}
