//! A user gives part of their ve slope to a gauge from the next week on.
//!
//! Power used = slope x bps / 10,000, floored (what the voter gives rounds down);
//! bias at the next week = that slope x (lock end - next week).
use cosmwasm_std::{Addr, Deps, DepsMut, Env, MessageInfo, Response, Uint128};
use trellis_types::gauge_controller::MAX_VOTE_BPS;
use trellis_types::voting_escrow::{QueryMsg as VeQuery, UserSlopeResponse};

use super::checkpoint::advance_to_next_week;
use super::next_week;
use crate::error::ContractError;
use crate::limits::MAX_VOTE_HORIZON;
use crate::state::{type_key, Vote, CONFIG, GAUGES, GAUGE_LINES, POWER_USED, TYPE_LINES, VOTES};

fn user_slope(deps: Deps, ve: &Addr, user: &Addr) -> Result<UserSlopeResponse, ContractError> {
    Ok(deps.querier.query_wasm_smart(
        ve,
        &VeQuery::UserSlope {
            user: user.to_string(),
        },
    )?)
}

pub fn vote_for_gauge_weights(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    gauge: String,
    weight_bps: u16,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let user = info.sender;
    if weight_bps > MAX_VOTE_BPS {
        return Err(ContractError::VoteAboveMax { weight_bps });
    }
    let gi = GAUGES
        .may_load(deps.storage, &gauge)?
        .ok_or_else(|| ContractError::UnknownGauge {
            gauge: gauge.clone(),
        })?;
    if gi.killed && weight_bps > 0 {
        return Err(ContractError::GaugeKilled { gauge });
    }
    let config = CONFIG.load(deps.storage)?;
    let now = env.block.time.seconds();
    let next = next_week(now);
    // One record holds the vote (if not removed) and the time of the last one.
    let record = VOTES.may_load(deps.storage, (&user, &gauge))?;
    let last_vote = record.as_ref().map(|v| v.last);
    let old = record.filter(Vote::is_live);
    // A vote cleared by an admin weight change or a kill no longer counts: re-voting for it
    // needs no delay.
    let old_counts = old.as_ref().is_some_and(|v| v.epoch == gi.epoch);
    if let Some(last) = last_vote {
        let next_allowed = last + config.vote_delay;
        if (old.is_none() || old_counts) && now < next_allowed {
            return Err(ContractError::VoteTooSoon {
                gauge,
                last,
                next_allowed,
            });
        }
    }
    // Removing a vote needs no lock: an expired lock can always take its votes back.
    let (slope, end) = if weight_bps == 0 {
        (0u128, 0u64)
    } else {
        let s = user_slope(deps.as_ref(), &config.voting_escrow, &user)?;
        if s.slope.is_zero() || s.end <= next {
            return Err(ContractError::LockTooShort {
                slope: s.slope,
                end: s.end,
                next_week: next,
            });
        }
        if s.end - next > MAX_VOTE_HORIZON {
            return Err(ContractError::LockTooLong {
                end: s.end,
                next_week: next,
                max_horizon: MAX_VOTE_HORIZON,
            });
        }
        // Floored: the voter's power rounds down. Checked: the escrow's slope is another
        // contract's answer, so a value near u128::MAX is a typed error, not a panic.
        let part =
            s.slope.checked_mul(Uint128::from(weight_bps))?.u128() / u128::from(MAX_VOTE_BPS);
        (part, s.end)
    };
    let used_before = u32::from(
        POWER_USED
            .may_load(deps.storage, &user)?
            .unwrap_or_default(),
    );
    let old_bps = u32::from(old.as_ref().map(|v| v.weight_bps).unwrap_or_default());
    let used = used_before - old_bps + u32::from(weight_bps);
    if used > u32::from(MAX_VOTE_BPS) {
        return Err(ContractError::VotePowerExceeded { used });
    }

    // Both lines walked once to the next week; the vote's change is applied in memory and
    // each line's point at `next` written once.
    let tkey = type_key(gi.gauge_type);
    let (mut g, mut t) = advance_to_next_week(deps.storage, &gauge, &tkey, next)?;
    let overflow = || ContractError::Math(trellis_math::MathError::Overflow("gauge weight line"));
    // A vote ending at or before the next week already left the line (its slope change was
    // applied on the way), so only a live one is taken out.
    let removed = old
        .as_ref()
        .filter(|o| old_counts && o.end > next)
        .map(|o| {
            o.slope
                .checked_mul(Uint128::from(o.end - next))
                .map(|bias| (bias.u128(), o.slope.u128(), o.end))
        })
        .transpose()?;
    let bias = Uint128::new(slope)
        .checked_mul(Uint128::from(end.saturating_sub(next)))?
        .u128();
    let added = (slope > 0).then_some((bias, slope, end));
    for (book, id, adv) in [
        (&GAUGE_LINES, gauge.as_str(), &mut g),
        (&TYPE_LINES, tkey.as_str(), &mut t),
    ] {
        book.save_crossed(deps.storage, id, adv)?;
        let mut line = adv.line;
        if let Some((b, s, _)) = removed {
            line.bias = line.bias.checked_sub(b).ok_or_else(overflow)?;
            line.slope = line.slope.checked_sub(s).ok_or_else(overflow)?;
        }
        if let Some((b, s, _)) = added {
            line.bias = line.bias.checked_add(b).ok_or_else(overflow)?;
            line.slope = line.slope.checked_add(s).ok_or_else(overflow)?;
        }
        book.move_change(
            deps.storage,
            id,
            removed.map(|(_, s, e)| (e, s)),
            added.map(|(_, s, e)| (e, s)),
        )?;
        if line != adv.line || !adv.points.is_empty() {
            book.save(deps.storage, id, line)?;
        }
    }
    // The record: the vote (zero slope when the floored slope is zero: the bps stays the
    // user's choice but adds nothing to the line), or only the time once removed.
    let vote = if weight_bps == 0 {
        Vote {
            slope: Uint128::zero(),
            weight_bps: 0,
            end: 0,
            epoch: gi.epoch,
            last: now,
        }
    } else {
        Vote {
            slope: Uint128::new(slope),
            weight_bps,
            end,
            epoch: gi.epoch,
            last: now,
        }
    };
    VOTES.save(deps.storage, (&user, &gauge), &vote)?;
    // `used` <= 10,000 was checked above.
    POWER_USED.save(deps.storage, &user, &(used as u16))?;
    Ok(Response::new()
        .add_attribute("action", "vote_for_gauge_weights")
        .add_attribute("user", user)
        .add_attribute("gauge", gauge)
        .add_attribute("weight_bps", weight_bps.to_string())
        .add_attribute("slope", slope.to_string())
        .add_attribute("bias", bias.to_string())
        .add_attribute("end", end.to_string())
        .add_attribute("week", next.to_string()))
}
