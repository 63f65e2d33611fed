use cosmwasm_std::{Addr, DepsMut, Env, Order, Response, StdResult, Storage, Uint128};
use trellis_types::gauge_controller::MigrateMsg;
use trellis_types::migrate::check_migration;

use crate::contract::{CONTRACT_NAME, CONTRACT_VERSION};
use crate::error::ContractError;
use crate::lines::StoredLine;
use crate::state::{
    legacy, CapSetting, Config, GaugeInfo, Vote, CONFIG, GAUGES, GAUGE_CAPS, GAUGE_LINES,
    NEXT_TYPE_ID, POWER_USED, TYPE_LINES, TYPE_NAMES, TYPE_WEIGHTS, VOTES,
};

/// Accepts only the same contract at the same or a newer version (`check_migration`). From
/// the JSON layout before 0.2.0 it rewrites every record into the compact one (see
/// `state`) and removes the old keys; every query answers as before.
pub fn migrate(deps: DepsMut, _env: Env, _msg: MigrateMsg) -> Result<Response, ContractError> {
    let stored = cw2::get_contract_version(deps.storage)?;
    check_migration(&stored, CONTRACT_NAME, CONTRACT_VERSION)?;
    let converted = if legacy::CONFIG.exists(deps.storage) {
        from_json_layout(deps.storage)?
    } else {
        0
    };
    cw2::set_contract_version(deps.storage, CONTRACT_NAME, CONTRACT_VERSION)?;
    Ok(Response::new()
        .add_attribute("action", "migrate")
        .add_attribute("from_version", stored.version)
        .add_attribute("to_version", CONTRACT_VERSION)
        .add_attribute("records_converted", converted.to_string()))
}

/// Every old record converted (or dropped: the `last` line copies, which the history
/// holds too) and removed; returns how many old records were read.
fn from_json_layout(storage: &mut dyn Storage) -> StdResult<usize> {
    let c = legacy::CONFIG.load(storage)?;
    CONFIG.save(
        storage,
        &Config {
            voting_escrow: c.voting_escrow,
            vote_delay: c.vote_delay,
        },
    )?;
    legacy::CONFIG.remove(storage);
    let next = legacy::NEXT_TYPE_ID.load(storage)?;
    NEXT_TYPE_ID.save(storage, &next)?;
    legacy::NEXT_TYPE_ID.remove(storage);
    let mut n = 2;

    let names: Vec<(u32, String)> = legacy::TYPE_NAMES
        .range(storage, None, None, Order::Ascending)
        .collect::<StdResult<_>>()?;
    for (id, name) in &names {
        TYPE_NAMES.save(storage, *id, name)?;
        legacy::TYPE_NAMES.remove(storage, *id);
    }
    let weights: Vec<((u32, u64), Uint128)> = legacy::TYPE_WEIGHTS
        .range(storage, None, None, Order::Ascending)
        .collect::<StdResult<_>>()?;
    for ((id, week), w) in &weights {
        TYPE_WEIGHTS.save(storage, (*id, *week), &w.u128())?;
        legacy::TYPE_WEIGHTS.remove(storage, (*id, *week));
    }
    n += names.len() + weights.len();

    let gauges: Vec<(String, legacy::GaugeInfo)> = legacy::GAUGES
        .range(storage, None, None, Order::Ascending)
        .collect::<StdResult<_>>()?;
    for (g, gi) in &gauges {
        GAUGES.save(
            storage,
            g,
            &GaugeInfo {
                gauge_type: gi.gauge_type,
                killed: gi.killed,
                cap: gi.cap,
                epoch: gi.epoch,
            },
        )?;
        legacy::GAUGES.remove(storage, g);
    }
    let caps: Vec<((String, u64), legacy::CapSetting)> = legacy::GAUGE_CAPS
        .range(storage, None, None, Order::Ascending)
        .collect::<StdResult<_>>()?;
    for ((g, week), c) in &caps {
        GAUGE_CAPS.save(storage, (g, *week), &CapSetting { cap: c.cap })?;
        legacy::GAUGE_CAPS.remove(storage, (g, *week));
    }
    n += gauges.len() + caps.len();

    // Votes and last-vote times into one record each (a removed vote keeps only its time).
    let lasts: Vec<((Addr, String), u64)> = legacy::LAST_VOTE
        .range(storage, None, None, Order::Ascending)
        .collect::<StdResult<_>>()?;
    for ((user, g), last) in &lasts {
        let vote = match legacy::VOTES.may_load(storage, (user, g))? {
            Some(v) => {
                legacy::VOTES.remove(storage, (user, g));
                n += 1;
                Vote {
                    slope: v.slope,
                    weight_bps: v.weight_bps,
                    end: v.end,
                    epoch: v.epoch,
                    last: *last,
                }
            }
            None => Vote {
                slope: Uint128::zero(),
                weight_bps: 0,
                end: 0,
                epoch: 0,
                last: *last,
            },
        };
        VOTES.save(storage, (user, g), &vote)?;
        legacy::LAST_VOTE.remove(storage, (user, g));
    }
    n += lasts.len();
    let used: Vec<(Addr, u16)> = legacy::POWER_USED
        .range(storage, None, None, Order::Ascending)
        .collect::<StdResult<_>>()?;
    for (user, bps) in &used {
        POWER_USED.save(storage, user, bps)?;
        legacy::POWER_USED.remove(storage, user);
    }
    n += used.len();

    for ((last_ns, hist_ns, chg_ns), book) in legacy::LINE_BOOKS
        .into_iter()
        .zip([&GAUGE_LINES, &TYPE_LINES])
    {
        let last = legacy::last(last_ns);
        let ids: Vec<String> = last
            .keys(storage, None, None, Order::Ascending)
            .collect::<StdResult<_>>()?;
        for id in &ids {
            last.remove(storage, id.clone());
        }
        let history = legacy::history(hist_ns);
        let points: Vec<((String, u64), legacy::StoredLine)> = history
            .range(storage, None, None, Order::Ascending)
            .collect::<StdResult<_>>()?;
        for ((id, week), p) in &points {
            let p = StoredLine {
                bias: p.bias.u128(),
                slope: p.slope.u128(),
                ts: p.ts,
            };
            book.history.save(storage, (id.clone(), *week), &p)?;
            history.remove(storage, (id.clone(), *week));
        }
        let changes = legacy::changes(chg_ns);
        let scheduled: Vec<((String, u64), Uint128)> = changes
            .range(storage, None, None, Order::Ascending)
            .collect::<StdResult<_>>()?;
        for ((id, week), c) in &scheduled {
            book.changes.save(storage, (id.clone(), *week), &c.u128())?;
            changes.remove(storage, (id.clone(), *week));
        }
        n += ids.len() + points.len() + scheduled.len();
    }
    Ok(n)
}
