//! A position's liquidity change, as v3's `_modifyPosition`: both range ends are updated
//! (within the per-tick cap), the fees earned since the position's last update are credited to
//! its tokens owed, and the in-range liquidity moves if the price is inside the range.
use cosmwasm_std::{Storage, Uint128, Uint256};
use trellis_math::cl::{add_delta, amount0_delta, amount1_delta, sqrt_price_at_tick};
use trellis_math::mul_div::mul_div_u256_floor;

use crate::error::ContractError;
use crate::oracle;
use crate::state::{Config, PoolState, Position, TickInfo, TICKS};
use crate::tick_index::Flips;
use crate::ticks::{fee_growth_inside, update};

/// `2^128`, the Q128.128 one of fee growth.
pub fn q128() -> Uint256 {
    Uint256::one() << 128
}

/// Applies `liquidity_delta` to `position` and returns the token amounts it moves: paid in
/// (rounded up) when liquidity is added, paid out (rounded down) when removed. Writes the range
/// ends and, when the price is inside the range, an oracle observation; the caller saves the
/// pool state and the position.
pub fn modify(
    storage: &mut dyn Storage,
    now: u64,
    config: &Config,
    pool: &mut PoolState,
    position: &mut Position,
    liquidity_delta: i128,
) -> Result<[Uint256; 2], ContractError> {
    let (lower, upper) = (position.lower_tick, position.upper_tick);
    let global = pool.fee_growth_global;
    let load = |storage: &dyn Storage, tick| TICKS.may_load(storage, tick);
    let (lower_info, upper_info) = (load(storage, lower)?, load(storage, upper)?);
    let existed = (lower_info.is_some(), upper_info.is_some());
    let max = config.max_liquidity_per_tick;
    let (lower_info, upper_info) = if liquidity_delta != 0 {
        (
            update(
                lower_info,
                lower,
                pool.tick,
                liquidity_delta,
                global,
                false,
                max,
            )?,
            update(
                upper_info,
                upper,
                pool.tick,
                liquidity_delta,
                global,
                true,
                max,
            )?,
        )
    } else {
        // A position with liquidity keeps both ends alive; a poke of an empty one has no fees.
        match (lower_info, upper_info) {
            (Some(l), Some(u)) => (l, u),
            _ => return Ok([Uint256::zero(); 2]),
        }
    };
    let inside = fee_growth_inside(
        (lower, &lower_info),
        (upper, &upper_info),
        pool.tick,
        global,
    );
    credit_fees(position, inside)?;
    position.liquidity = add_delta(position.liquidity, liquidity_delta)?;

    if liquidity_delta != 0 {
        save_tick(storage, lower, &lower_info)?;
        save_tick(storage, upper, &upper_info)?;
        let mut flips = Flips::new(config.fee_tier.tick_spacing);
        flips.note(lower, existed.0, &lower_info);
        flips.note(upper, existed.1, &upper_info);
        flips.apply(storage)?;
    }
    amounts(storage, now, config, pool, lower, upper, liquidity_delta)
}

/// Fees since the last update: `floor((inside - last) * liquidity / 2^128)` per token (the
/// difference wraps, as v3's growth counters do), credited to the position.
fn credit_fees(position: &mut Position, inside: [Uint256; 2]) -> Result<(), ContractError> {
    for (i, growth_inside) in inside.iter().enumerate() {
        let growth = growth_inside.wrapping_sub(position.fee_growth_inside_last[i]);
        let earned = mul_div_u256_floor(growth, Uint256::from(position.liquidity), q128())?;
        let earned =
            Uint128::try_from(earned).map_err(|_| ContractError::Overflow("fees earned"))?;
        position.tokens_owed[i] = position.tokens_owed[i]
            .checked_add(earned.u128())
            .ok_or(ContractError::Overflow("tokens owed"))?;
    }
    position.fee_growth_inside_last = inside;
    Ok(())
}

/// Keeps a tick record while it is needed, deletes it otherwise (v3's `clear`). The caller
/// notes the change in the tick index ([`Flips::note`]).
pub fn save_tick(
    storage: &mut dyn Storage,
    tick: i32,
    info: &TickInfo,
) -> Result<(), ContractError> {
    if info.is_needed() {
        TICKS.save(storage, tick, info)?;
    } else {
        TICKS.remove(storage, tick);
    }
    Ok(())
}

/// The amounts a liquidity change over `[lower, upper)` moves at the current price: token0
/// only below the range, token1 only above it, both inside it (where the in-range liquidity
/// changes too, after an oracle observation of the liquidity before).
fn amounts(
    storage: &mut dyn Storage,
    now: u64,
    config: &Config,
    pool: &mut PoolState,
    lower: i32,
    upper: i32,
    liquidity_delta: i128,
) -> Result<[Uint256; 2], ContractError> {
    let magnitude = liquidity_delta.unsigned_abs();
    let round_up = liquidity_delta > 0;
    let (sa, sb) = (sqrt_price_at_tick(lower)?, sqrt_price_at_tick(upper)?);
    if pool.tick < lower {
        return Ok([amount0_delta(sa, sb, magnitude, round_up)?, Uint256::zero()]);
    }
    if pool.tick >= upper {
        return Ok([Uint256::zero(), amount1_delta(sa, sb, magnitude, round_up)?]);
    }
    let price = pool.sqrt_price;
    let moved = [
        amount0_delta(price, sb, magnitude, round_up)?,
        amount1_delta(sa, price, magnitude, round_up)?,
    ];
    if liquidity_delta != 0 {
        oracle::record(storage, config, pool, now)?;
        pool.liquidity = add_delta(pool.liquidity, liquidity_delta)?;
    }
    Ok(moved)
}
