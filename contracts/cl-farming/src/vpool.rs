//! A farm's virtual pool: only the farmed liquidity, its own ticks (the farmed positions'
//! boundaries), the tick as last reported and the growth accumulators. It moves when the pool
//! reports crossings (`hook`) and accrues lazily in between, from time, its in-range liquidity
//! and the farm's rate (eternal) or the clock (limit).
use cosmwasm_std::{Storage, Uint256};
use trellis_math::cl::farming::{
    capped_emission, flip_outside, growth_inside, growth_of, initial_outside,
};

use crate::error::ContractError;
use crate::state::{FarmInfo, FarmState, Schedule, VirtualTick, VIRTUAL_TICKS};

/// Where accrual stops for a touch at `now`: the deactivation, and a limit farm's end.
pub fn accrual_end(info: &FarmInfo, state: &FarmState, now: u64) -> u64 {
    let mut end = state.deactivated_at.map_or(now, |at| at.min(now));
    if let Schedule::Limit {
        end: campaign_end, ..
    } = info.schedule
    {
        end = end.min(campaign_end);
    }
    end
}

/// Accrues the farm up to `now`. Eternal: each slot spends `min(rate * dt, reserve)` into
/// growth while farmed liquidity is in range; with none in range nothing is spent (postponed,
/// not lost). Limit: seconds per liquidity grow, and the active seconds count, only inside the
/// campaign and while farmed liquidity is in range.
pub fn accrue(info: &FarmInfo, state: &mut FarmState, now: u64) -> Result<(), ContractError> {
    let end = accrual_end(info, state, now);
    match info.schedule {
        Schedule::Eternal { rates } => {
            if end > state.last_time && state.liquidity > 0 {
                let dt = end - state.last_time;
                for slot in 0..2 {
                    let spent = capped_emission(rates[slot], dt, state.reserve[slot]);
                    if spent > 0 {
                        state.growth[slot] =
                            state.growth[slot].wrapping_add(growth_of(spent, state.liquidity)?);
                        state.reserve[slot] -= spent;
                    }
                }
            }
        }
        Schedule::Limit { start, .. } => {
            let from = state.last_time.max(start);
            if end > from && state.liquidity > 0 {
                let dt = end - from;
                let growth = growth_of(u128::from(dt), state.liquidity)?;
                for slot in 0..2 {
                    state.growth[slot] = state.growth[slot].wrapping_add(growth);
                }
                state.active_secs += dt;
            }
        }
    }
    state.last_time = state.last_time.max(end);
    Ok(())
}

/// Growth inside `[lower, upper)` at the virtual pool's tick, per slot.
pub fn inside(
    storage: &dyn Storage,
    farm_id: u64,
    state: &FarmState,
    lower: i32,
    upper: i32,
) -> Result<[Uint256; 2], ContractError> {
    let lower_tick = VIRTUAL_TICKS.load(storage, (farm_id, lower))?;
    let upper_tick = VIRTUAL_TICKS.load(storage, (farm_id, upper))?;
    Ok([0, 1].map(|slot| {
        growth_inside(
            state.tick,
            (lower, lower_tick.outside[slot]),
            (upper, upper_tick.outside[slot]),
            state.growth[slot],
        )
    }))
}

/// Ticks a range change created or cleared, for the pool's farming marks.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct TickChanges {
    pub created: Vec<i32>,
    pub cleared: Vec<i32>,
}

/// Adds `liquidity` to `[lower, upper)` (removes it when `adding` is false): both ticks'
/// gross and net, and the in-range liquidity when the range holds the tick.
pub fn update_range(
    storage: &mut dyn Storage,
    farm_id: u64,
    state: &mut FarmState,
    (lower, upper): (i32, i32),
    liquidity: u128,
    adding: bool,
) -> Result<TickChanges, ContractError> {
    let signed = i128::try_from(liquidity).map_err(|_| ContractError::LiquidityOverflow)?;
    let mut changes = TickChanges::default();
    for (tick, net) in [(lower, signed), (upper, -signed)] {
        let existing = VIRTUAL_TICKS.may_load(storage, (farm_id, tick))?;
        let mut record = existing.clone().unwrap_or_else(|| VirtualTick {
            outside: state.growth.map(|g| initial_outside(tick, state.tick, g)),
            ..VirtualTick::default()
        });
        if adding {
            record.liquidity_gross = record
                .liquidity_gross
                .checked_add(liquidity)
                .ok_or(ContractError::LiquidityOverflow)?;
            record.liquidity_net = record
                .liquidity_net
                .checked_add(net)
                .ok_or(ContractError::LiquidityOverflow)?;
        } else {
            record.liquidity_gross = record
                .liquidity_gross
                .checked_sub(liquidity)
                .ok_or(ContractError::LiquidityOverflow)?;
            record.liquidity_net = record
                .liquidity_net
                .checked_sub(net)
                .ok_or(ContractError::LiquidityOverflow)?;
        }
        if record.liquidity_gross == 0 {
            VIRTUAL_TICKS.remove(storage, (farm_id, tick));
            changes.cleared.push(tick);
        } else {
            if existing.is_none() {
                changes.created.push(tick);
            }
            VIRTUAL_TICKS.save(storage, (farm_id, tick), &record)?;
        }
    }
    if lower <= state.tick && state.tick < upper {
        state.liquidity = if adding {
            state.liquidity.checked_add(liquidity)
        } else {
            state.liquidity.checked_sub(liquidity)
        }
        .ok_or(ContractError::LiquidityOverflow)?;
    }
    Ok(changes)
}

/// Crosses `tick` (a tick of this virtual pool) in the direction given: flips its outside
/// growth and moves its net liquidity in (price up) or out (price down).
pub fn cross(
    storage: &mut dyn Storage,
    farm_id: u64,
    state: &mut FarmState,
    tick: i32,
    mut record: VirtualTick,
    zero_for_one: bool,
) -> Result<(), ContractError> {
    for slot in 0..2 {
        record.outside[slot] = flip_outside(record.outside[slot], state.growth[slot]);
    }
    let net = if zero_for_one {
        record.liquidity_net.checked_neg()
    } else {
        Some(record.liquidity_net)
    }
    .ok_or(ContractError::LiquidityOverflow)?;
    state.liquidity = state
        .liquidity
        .checked_add_signed(net)
        .ok_or(ContractError::LiquidityOverflow)?;
    VIRTUAL_TICKS.save(storage, (farm_id, tick), &record)?;
    Ok(())
}
