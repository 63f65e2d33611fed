use cosmwasm_std::{DepsMut, Env, Response, StdResult, Storage};
use trellis_types::migrate::check_migration;
use trellis_types::options_token::MigrateMsg;

use crate::contract::{CONTRACT_NAME, CONTRACT_VERSION};
use crate::error::ContractError;
use crate::state::{legacy, Config, Oracle, Totals, CONFIG, TOTALS};

/// Accepts only the same contract at the same or a newer version (`check_migration`), and
/// moves a 0.1.x layout to the current one.
pub fn migrate(deps: DepsMut, _env: Env, _msg: MigrateMsg) -> Result<Response, ContractError> {
    let stored = cw2::get_contract_version(deps.storage)?;
    check_migration(&stored, CONTRACT_NAME, CONTRACT_VERSION)?;
    let moved = migrate_layout(deps.storage)?;
    cw2::set_contract_version(deps.storage, CONTRACT_NAME, CONTRACT_VERSION)?;
    Ok(Response::new()
        .add_attribute("action", "migrate")
        .add_attribute("from_version", stored.version)
        .add_attribute("to_version", CONTRACT_VERSION)
        .add_attribute("layout_migrated", moved.to_string()))
}

/// 0.1.x kept `options_config` and `options_totals` as JSON (with `underlying_delivered`,
/// always equal to `exercised`) and the supply in cw20-base's `token_info`, where it equals
/// `issued - exercised - burned`; from here on that figure is derived and `token_info`'s is
/// left as it was. Old keys are removed. Does nothing (false) without an old layout.
fn migrate_layout(storage: &mut dyn Storage) -> StdResult<bool> {
    let Some(old) = legacy::CONFIG.may_load(storage)? else {
        return Ok(false);
    };
    CONFIG.save(
        storage,
        &Config {
            underlying: old.underlying,
            delivery: old.delivery,
            payment: old.payment,
            oracle: Oracle {
                pool: old.oracle.pool,
                window_secs: old.oracle.window_secs,
                ago_secs: old.oracle.ago_secs,
            },
            multiplier_bps: old.multiplier_bps,
            min_price: old.min_price,
            treasury: old.treasury,
            cap: old.cap,
        },
    )?;
    let t = legacy::TOTALS.load(storage)?;
    TOTALS.save(
        storage,
        &Totals {
            issued: t.issued,
            exercised: t.exercised,
            burned: t.burned,
            paid_to_treasury: t.paid_to_treasury,
            reserve_available: t.reserve_available,
        },
    )?;
    legacy::CONFIG.remove(storage);
    legacy::TOTALS.remove(storage);
    Ok(true)
}
