use cosmwasm_std::{DepsMut, Env, Order, Response, StdResult, Storage};
use trellis_types::cl_pool::MigrateMsg;
use trellis_types::migrate::check_migration;

use crate::contract::{CONTRACT_NAME, CONTRACT_VERSION};
use crate::error::ContractError;
use crate::state::{
    legacy, Config, Farming, ObservationRecord, OracleCursor, PoolState, Position, TickInfo,
    CONFIG, FARMING, NEXT_POSITION_ID, OBSERVATIONS, POOL, POSITIONS, TICKS,
};
use crate::tick_index::Flips;

/// Accepts only the same contract at the same or a newer version (`check_migration`), and
/// moves a 0.1.x layout (JSON under long keys) to the current one.
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

fn observation(o: &legacy::ObservationRecord) -> ObservationRecord {
    ObservationRecord {
        timestamp: o.timestamp,
        opened_at: o.opened_at,
        tick_cumulative: o.tick_cumulative,
        seconds_per_liquidity_x128: o.seconds_per_liquidity_x128,
    }
}

/// 0.1.x kept `config`, `pool`, `ticks`, `positions`, `next_position_id`, `farming` and
/// `observations` as JSON. Every record moves to its one-letter key in the compact encoding;
/// the newest observation moves into the pool state. Old keys are removed. Every tick and
/// position is moved in this one call. Does nothing (false) when there is no old layout.
fn migrate_layout(storage: &mut dyn Storage) -> StdResult<bool> {
    let Some(old) = legacy::CONFIG.may_load(storage)? else {
        return Ok(false);
    };
    let mut flips = Flips::new(old.fee_tier.tick_spacing);
    CONFIG.save(
        storage,
        &Config {
            assets: old.assets,
            fee_tier: old.fee_tier,
            max_liquidity_per_tick: old.max_liquidity_per_tick,
            protocol_fee_share_bps: old.protocol_fee_share_bps,
            fee_collector: old.fee_collector,
            oracle: old.oracle,
        },
    )?;
    legacy::CONFIG.remove(storage);

    let observations: Vec<(u32, legacy::ObservationRecord)> = legacy::OBSERVATIONS
        .range(storage, None, None, Order::Ascending)
        .collect::<StdResult<_>>()?;
    // Absent until the price is set (then there are no observations either).
    if let Some(pool) = legacy::POOL.may_load(storage)? {
        let cursor = pool.oracle;
        let mut newest = ObservationRecord::default();
        for (slot, o) in &observations {
            if cursor.count > 0 && *slot == cursor.newest {
                newest = observation(o);
            } else {
                OBSERVATIONS.save(storage, *slot, &observation(o))?;
            }
        }
        POOL.save(
            storage,
            &PoolState {
                sqrt_price: pool.sqrt_price,
                tick: pool.tick,
                liquidity: pool.liquidity,
                fee_growth_global: pool.fee_growth_global,
                protocol_fees: pool.protocol_fees,
                oracle: OracleCursor {
                    newest: cursor.newest,
                    count: cursor.count,
                },
                newest,
            },
        )?;
        legacy::POOL.remove(storage);
    }
    for (slot, _) in &observations {
        legacy::OBSERVATIONS.remove(storage, *slot);
    }

    let ticks: Vec<(i32, legacy::TickInfo)> = legacy::TICKS
        .range(storage, None, None, Order::Ascending)
        .collect::<StdResult<_>>()?;
    for (tick, t) in ticks {
        TICKS.save(
            storage,
            tick,
            &TickInfo {
                liquidity_gross: t.liquidity_gross,
                liquidity_net: t.liquidity_net,
                fee_growth_outside: t.fee_growth_outside,
                farming_mark: t.farming_mark,
            },
        )?;
        legacy::TICKS.remove(storage, tick);
        // Every stored tick is initialized; the index starts empty.
        flips.add(tick);
    }
    flips.apply(storage)?;

    let positions: Vec<(u64, legacy::Position)> = legacy::POSITIONS
        .range(storage, None, None, Order::Ascending)
        .collect::<StdResult<_>>()?;
    for (id, p) in positions {
        POSITIONS.save(
            storage,
            id,
            &Position {
                lower_tick: p.lower_tick,
                upper_tick: p.upper_tick,
                liquidity: p.liquidity,
                fee_growth_inside_last: p.fee_growth_inside_last,
                tokens_owed: p.tokens_owed,
            },
        )?;
        legacy::POSITIONS.remove(storage, id);
    }

    if let Some(next) = legacy::NEXT_POSITION_ID.may_load(storage)? {
        NEXT_POSITION_ID.save(storage, &next)?;
        legacy::NEXT_POSITION_ID.remove(storage);
    }
    if let Some(f) = legacy::FARMING.may_load(storage)? {
        FARMING.save(
            storage,
            &Farming {
                center: f.center,
                link_broken: f.link_broken,
            },
        )?;
        legacy::FARMING.remove(storage);
    }
    Ok(true)
}
