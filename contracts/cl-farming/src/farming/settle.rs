//! What a position earned in a farm, from its entry and the (accrued) virtual pool: the one
//! computation behind exits and the `PendingReward` query.
use cosmwasm_std::Storage;
use trellis_math::cl::farming::{earned, limit_share, pro_rata};

use crate::error::ContractError;
use crate::state::{Deposit, FarmEntry, FarmInfo, FarmState, Schedule};
use crate::vpool::inside;

/// Per slot, rounded down:
/// - eternal: `floor((inside now - inside at entry) * L / 2^128)`;
/// - limit: `floor(distributable * seconds inside * L / (active seconds * 2^128))`, or
///   `floor(distributable * L / entered liquidity)` when no farmed liquidity was ever in range.
pub fn earned_by(
    storage: &dyn Storage,
    farm_id: u64,
    info: &FarmInfo,
    state: &FarmState,
    deposit: &Deposit,
    entry: &FarmEntry,
) -> Result<[u128; 2], ContractError> {
    let now_inside = inside(storage, farm_id, state, deposit.lower, deposit.upper)?;
    let mut out = [0u128; 2];
    for slot in 0..2 {
        if info.tokens[slot].is_none() {
            continue;
        }
        let delta = now_inside[slot].wrapping_sub(entry.inside_at_entry[slot]);
        out[slot] = match info.schedule {
            Schedule::Eternal { .. } => earned(delta, entry.liquidity)?,
            Schedule::Limit { .. } => {
                let total = limit_distributable(info, state)[slot];
                if state.active_secs > 0 {
                    limit_share(total, delta, entry.liquidity, state.active_secs)?
                } else if state.entered_liquidity > 0 {
                    pro_rata(total, entry.liquidity, state.entered_liquidity)?
                } else {
                    0
                }
            }
        };
    }
    Ok(out)
}

/// What a limit farm hands out, per slot: everything it was funded with, or, when it was
/// deactivated before its end, the share of the campaign that had passed,
/// `floor(funded * (deactivation - start) / (end - start))` (none before the start).
pub fn limit_distributable(info: &FarmInfo, state: &FarmState) -> [u128; 2] {
    let Schedule::Limit { start, end } = info.schedule else {
        return [0; 2];
    };
    match state.deactivated_at {
        Some(at) if at < end => {
            let passed = u128::from(at.saturating_sub(start));
            let duration = u128::from(end - start);
            info.funded.map(|funded| {
                // funded < 2^128 and passed < duration < 2^64: the product fits 256 bits.
                let share = cosmwasm_std::Uint256::from(funded)
                    * cosmwasm_std::Uint256::from(passed)
                    / cosmwasm_std::Uint256::from(duration);
                cosmwasm_std::Uint128::try_from(share).map_or(funded, |v| v.u128())
            })
        }
        _ => info.funded,
    }
}
