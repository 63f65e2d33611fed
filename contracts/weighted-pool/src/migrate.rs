use cosmwasm_std::{DepsMut, Env, Order, Response, StdResult, Storage};
use trellis_types::migrate::check_migration;
use trellis_types::weighted_pool::MigrateMsg;

use crate::contract::{CONTRACT_NAME, CONTRACT_VERSION};
use crate::error::ContractError;
use crate::state::{
    legacy, v0_2, Config, OracleCursor, Pool, Reserves, Sample, CONFIG, LP_TOKEN, ORACLE_SAMPLES,
    POOL,
};

/// Accepts only the same contract at the same or a newer version (`check_migration`), moves a
/// 0.1.x layout (JSON under long keys) to the current one and gives a 0.2.x config its
/// `decimals` field.
///
/// Pools from before 0.3 have no declared decimals: their LP supply was minted over raw base
/// units and their LP token has 6 decimals. Rescaling would need every holder's LP balance
/// rewritten (the pool cannot touch the token's ledger), so such a pool stays "legacy":
/// `decimals: None`, factor 1 for both assets, and it behaves exactly as before.
pub fn migrate(deps: DepsMut, _env: Env, _msg: MigrateMsg) -> Result<Response, ContractError> {
    let stored = cw2::get_contract_version(deps.storage)?;
    check_migration(&stored, CONTRACT_NAME, CONTRACT_VERSION)?;
    let moved = migrate_layout(deps.storage)?;
    let legacy_config = !moved && add_decimals_field(deps.storage)?;
    cw2::set_contract_version(deps.storage, CONTRACT_NAME, CONTRACT_VERSION)?;
    Ok(Response::new()
        .add_attribute("action", "migrate")
        .add_attribute("from_version", stored.version)
        .add_attribute("to_version", CONTRACT_VERSION)
        .add_attribute("layout_migrated", moved.to_string())
        .add_attribute("decimals_added", (moved || legacy_config).to_string()))
}

/// A 0.2.x config is the current record less its last field, so it does not decode as the
/// current one; it is rewritten with `decimals: None` (legacy). Does nothing (false) to a
/// config that already decodes.
fn add_decimals_field(storage: &mut dyn Storage) -> StdResult<bool> {
    if CONFIG.load(storage).is_ok() {
        return Ok(false);
    }
    let old = v0_2::CONFIG.load(storage)?;
    CONFIG.save(
        storage,
        &Config {
            assets: old.assets,
            weights: old.weights,
            swap_fee_bps: old.swap_fee_bps,
            protocol_fee_share_bps: old.protocol_fee_share_bps,
            fee_collector: old.fee_collector,
            oracle: old.oracle,
            decimals: None,
        },
    )?;
    Ok(true)
}

/// 0.1.x kept `config`, `reserves`, `lp_token`, `oracle_cursor` and `oracle_samples` as JSON.
/// The newest sample moves into the pool record; every other retained sample moves to the
/// new sample map. Old keys are removed. Does nothing (false) when there is no old layout.
fn migrate_layout(storage: &mut dyn Storage) -> StdResult<bool> {
    let Some(old) = legacy::CONFIG.may_load(storage)? else {
        return Ok(false);
    };
    CONFIG.save(
        storage,
        &Config {
            assets: old.assets,
            weights: old.weights,
            swap_fee_bps: old.swap_fee_bps,
            protocol_fee_share_bps: old.protocol_fee_share_bps,
            fee_collector: old.fee_collector,
            oracle: old.oracle,
            // 0.1.x pools minted LP over raw units: legacy, factor 1.
            decimals: None,
        },
    )?;
    let reserves = legacy::RESERVES.load(storage)?;
    let cursor = legacy::ORACLE_CURSOR.load(storage)?;
    let samples: Vec<(u32, legacy::Sample)> = legacy::ORACLE_SAMPLES
        .range(storage, None, None, Order::Ascending)
        .collect::<StdResult<_>>()?;
    let sample = |s: &legacy::Sample| Sample {
        timestamp: s.timestamp,
        opened_at: s.opened_at,
        cumulative: s.cumulative,
    };
    let mut newest = Sample::default();
    for (slot, s) in &samples {
        if cursor.count > 0 && *slot == cursor.newest {
            newest = sample(s);
        } else {
            ORACLE_SAMPLES.save(storage, *slot, &sample(s))?;
        }
        legacy::ORACLE_SAMPLES.remove(storage, *slot);
    }
    POOL.save(
        storage,
        &Pool {
            reserves: Reserves {
                balances: reserves.balances,
                fees_owed: reserves.fees_owed,
                lp_supply: reserves.lp_supply,
            },
            cursor: OracleCursor {
                newest: cursor.newest,
                count: cursor.count,
            },
            newest,
        },
    )?;
    if let Some(lp_token) = legacy::LP_TOKEN.may_load(storage)? {
        LP_TOKEN.save(storage, &lp_token)?;
        legacy::LP_TOKEN.remove(storage);
    }
    legacy::CONFIG.remove(storage);
    legacy::RESERVES.remove(storage);
    legacy::ORACLE_CURSOR.remove(storage);
    Ok(true)
}
