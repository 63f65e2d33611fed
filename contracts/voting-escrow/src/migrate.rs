use cosmwasm_std::{Addr, DepsMut, Env, Order, Response, StdResult, Storage};
use trellis_types::migrate::check_migration;
use trellis_types::voting_escrow::MigrateMsg;

use crate::contract::{CONTRACT_NAME, CONTRACT_VERSION};
use crate::error::ContractError;
use crate::state::{
    legacy, Config, Lock, StoredPoint, CONFIG, GLOBAL_POINTS, LOCKS, SLOPE_CHANGES, USER_POINTS,
};

/// Accepts only the same contract at the same or a newer version (`check_migration`). From
/// the JSON layout before 0.2.0 it rewrites every record into the compact one (see
/// `state`), and removes the old keys; the answers of every query are unchanged.
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

fn point(p: &trellis_types::voting_escrow::Point) -> StoredPoint {
    StoredPoint {
        bias: p.bias.u128(),
        slope: p.slope.u128(),
        ts: p.ts,
    }
}

/// The old records, converted and removed; returns how many were converted.
fn from_json_layout(storage: &mut dyn Storage) -> StdResult<usize> {
    let old = legacy::CONFIG.load(storage)?;
    let listeners = legacy::LISTENERS.may_load(storage)?.unwrap_or_default();
    CONFIG.save(
        storage,
        &Config {
            lock_token: old.lock_token,
            max_time: old.max_time,
            listeners,
        },
    )?;
    legacy::CONFIG.remove(storage);
    legacy::LISTENERS.remove(storage);
    legacy::GLOBAL_EPOCH.remove(storage);
    let mut n = 1;

    let locks: Vec<(Addr, legacy::Lock)> = legacy::LOCKS
        .range(storage, None, None, Order::Ascending)
        .collect::<StdResult<_>>()?;
    for (user, l) in &locks {
        LOCKS.save(
            storage,
            user,
            &Lock {
                amount: l.amount,
                end: l.end,
            },
        )?;
        legacy::LOCKS.remove(storage, user);
    }
    n += locks.len();

    let globals: Vec<(u64, _)> = legacy::GLOBAL_POINTS
        .range(storage, None, None, Order::Ascending)
        .collect::<StdResult<_>>()?;
    for (epoch, p) in &globals {
        GLOBAL_POINTS.save(storage, *epoch, &point(p))?;
        legacy::GLOBAL_POINTS.remove(storage, *epoch);
    }
    n += globals.len();

    let changes: Vec<(u64, cosmwasm_std::Uint128)> = legacy::SLOPE_CHANGES
        .range(storage, None, None, Order::Ascending)
        .collect::<StdResult<_>>()?;
    for (week, slope) in &changes {
        if !slope.is_zero() {
            SLOPE_CHANGES.save(storage, *week, &slope.u128())?;
        }
        legacy::SLOPE_CHANGES.remove(storage, *week);
    }
    n += changes.len();

    let users: Vec<Addr> = legacy::USER_EPOCH
        .keys(storage, None, None, Order::Ascending)
        .collect::<StdResult<_>>()?;
    for user in &users {
        let points: Vec<(u64, _)> = legacy::USER_POINTS
            .prefix(user)
            .range(storage, None, None, Order::Ascending)
            .collect::<StdResult<_>>()?;
        for (i, p) in &points {
            USER_POINTS.save(storage, (user, *i), &point(p))?;
            legacy::USER_POINTS.remove(storage, (user, *i));
        }
        legacy::USER_EPOCH.remove(storage, user);
        n += points.len();
    }
    Ok(n)
}
