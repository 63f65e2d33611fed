//! `migrate`, and the conversions from older storage layouts.
pub mod legacy;
pub mod positions;

use cosmwasm_std::{DepsMut, Env, Order, Response, Storage, Uint128};
use semver::Version;
use trellis_math::schedule::{cursor_from_integer, Cursor, IntegerCursor};
use trellis_types::farm::MigrateMsg;
use trellis_types::migrate::check_migration;

use crate::contract::{CONTRACT_NAME, CONTRACT_VERSION};
use crate::error::ContractError;
use crate::pools::save_pool;
use crate::state::{CHECKPOINT, CONFIG};

/// The first version whose schedule cursors hold 1e18 fixed-point amounts.
const FIXED_POINT_CURSORS: Version = Version::new(0, 2, 0);
/// The first version with compact records split by change frequency (`state.rs`).
const SPLIT_RECORDS: Version = Version::new(0, 3, 0);

/// Accepts only the same contract at the same or a newer version (`check_migration`).
///
/// - From before 0.2.0 it first rescales the stored schedule cursors (the farm's and every
///   gauge-split pool's): they held whole units under the same field names, so read as the
///   new type they are 1e18 times too small. Fields added since read as their defaults.
/// - From before 0.3.0 it converts the config, the emission, the ledger and every pool to the
///   split compact records. Positions are many, so they move lazily: each on its owner's next
///   action, or in batches through the permissionless `MigratePositions`; until the last has
///   moved, a position not found in the new layout is looked up in the old one.
pub fn migrate(deps: DepsMut, _env: Env, _msg: MigrateMsg) -> Result<Response, ContractError> {
    let stored = cw2::get_contract_version(deps.storage)?;
    check_migration(&stored, CONTRACT_NAME, CONTRACT_VERSION)?;
    let from = Version::parse(&stored.version)
        .map_err(|_| ContractError::Overflow("stored contract version"))?;
    let rescaled = if from < FIXED_POINT_CURSORS {
        rescale_cursors(deps.storage)?
    } else {
        0
    };
    let converted = if from < SPLIT_RECORDS {
        split_records(deps.storage)?
    } else {
        0
    };
    cw2::set_contract_version(deps.storage, CONTRACT_NAME, CONTRACT_VERSION)?;
    Ok(Response::new()
        .add_attribute("action", "migrate")
        .add_attribute("from_version", stored.version)
        .add_attribute("to_version", CONTRACT_VERSION)
        .add_attribute("rescaled_cursors", rescaled.to_string())
        .add_attribute("converted_pools", converted.to_string()))
}

/// A cursor written in whole units, read through the new type, converted.
fn rescale(cursor: &Cursor) -> Result<Cursor, ContractError> {
    let whole = |v| Uint128::try_from(v).map_err(|_| ContractError::Overflow("old cursor"));
    Ok(cursor_from_integer(&IntegerCursor {
        epoch: cursor.epoch,
        rate: whole(cursor.rate)?,
        cumulative: whole(cursor.cumulative)?,
    }))
}

/// Rescales the farm's cursor and each gauge-split pool's, in the 0.1 layout; returns how
/// many. One pass over the pools, which an admin migration may afford.
fn rescale_cursors(storage: &mut dyn Storage) -> Result<u64, ContractError> {
    let mut emission = legacy::EMISSION.load(storage)?;
    emission.cursor = rescale(&emission.cursor)?;
    legacy::EMISSION.save(storage, &emission)?;
    let mut count = 1;
    let gauge_pools = legacy::POOLS
        .range(storage, None, None, Order::Ascending)
        .filter_map(|item| match item {
            Ok((id, pool)) if pool.gauge.is_some() => Some(Ok((id, pool))),
            Ok(_) => None,
            Err(e) => Some(Err(e)),
        })
        .collect::<Result<Vec<_>, _>>()?;
    for (id, mut pool) in gauge_pools {
        if let Some(acc) = pool.gauge.as_mut() {
            acc.cursor = rescale(&acc.cursor)?;
        }
        legacy::POOLS.save(storage, id, &pool)?;
        count += 1;
    }
    Ok(count)
}

/// Converts the 0.2 records (config, emission, ledger, pools) to the split compact ones and
/// removes them; returns how many pools it converted.
fn split_records(storage: &mut dyn Storage) -> Result<u64, ContractError> {
    let legacy_positions = legacy::POSITIONS
        .keys_raw(storage, None, None, Order::Ascending)
        .next()
        .is_some();
    let (config, checkpoint) = legacy::checkpoint(
        legacy::CONFIG.load(storage)?,
        legacy::EMISSION.load(storage)?,
        legacy::LEDGER.load(storage)?,
        legacy_positions,
    );
    CONFIG.save(storage, &config)?;
    CHECKPOINT.save(storage, &checkpoint)?;
    legacy::CONFIG.remove(storage);
    legacy::EMISSION.remove(storage);
    legacy::LEDGER.remove(storage);
    let pools = legacy::POOLS
        .range(storage, None, None, Order::Ascending)
        .collect::<Result<Vec<_>, _>>()?;
    let count = pools.len() as u64;
    for (id, old) in pools {
        save_pool(storage, id, &legacy::pool(old))?;
        legacy::POOLS.remove(storage, id);
    }
    Ok(count)
}
