//! Liquidity multipliers for locked tokens (seed 003's tiers).
use cosmwasm_std::Uint256;
use trellis_types::cl_farming::Tiers;

use crate::error::ContractError;
use crate::limits::{MAX_MULTIPLIER_BPS, MAX_TIERS, MIN_MULTIPLIER_BPS};

/// 1 to `MAX_TIERS` tiers, amounts and multipliers strictly increasing, each multiplier in
/// `MIN_MULTIPLIER_BPS..=MAX_MULTIPLIER_BPS`, the first amount positive.
pub fn validate(tiers: &Tiers) -> Result<(), ContractError> {
    let invalid = ContractError::InvalidTiers {
        max: MAX_TIERS,
        min_bps: MIN_MULTIPLIER_BPS,
        max_bps: MAX_MULTIPLIER_BPS,
    };
    let list = &tiers.tiers;
    if list.is_empty() || list.len() > MAX_TIERS || list[0].amount.is_zero() {
        return Err(invalid);
    }
    let in_bounds = |bps: u32| (MIN_MULTIPLIER_BPS..=MAX_MULTIPLIER_BPS).contains(&bps);
    if !list.iter().all(|t| in_bounds(t.multiplier_bps)) {
        return Err(invalid);
    }
    let increasing = list
        .windows(2)
        .all(|w| w[0].amount < w[1].amount && w[0].multiplier_bps < w[1].multiplier_bps);
    if !increasing {
        return Err(invalid);
    }
    Ok(())
}

/// The multiplier of the highest tier `locked` reaches (1x for nothing locked).
pub fn multiplier_bps(tiers: Option<&Tiers>, locked: u128) -> Result<u32, ContractError> {
    if locked == 0 {
        return Ok(MIN_MULTIPLIER_BPS);
    }
    let tiers = tiers.ok_or(ContractError::NoTiers)?;
    tiers
        .tiers
        .iter()
        .rev()
        .find(|t| t.amount.u128() <= locked)
        .map(|t| t.multiplier_bps)
        .ok_or(ContractError::BelowFirstTier {
            tokens_locked: locked.into(),
            first: tiers.tiers[0].amount,
        })
}

/// `floor(liquidity * multiplier / 10_000)`.
pub fn effective_liquidity(liquidity: u128, multiplier_bps: u32) -> Result<u128, ContractError> {
    let scaled = Uint256::from(liquidity) * Uint256::from(multiplier_bps)
        / Uint256::from(MIN_MULTIPLIER_BPS);
    cosmwasm_std::Uint128::try_from(scaled)
        .map(|v| v.u128())
        .map_err(|_| ContractError::LiquidityOverflow)
}
