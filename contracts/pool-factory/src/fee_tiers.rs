//! The fee tiers open to permissionless creators, per pool kind: stored by the owner, or the
//! kind's defaults until then (so a factory migrated from a build without tiers has them).
//! Weighted pools' tiers are fees in basis points; concentrated pools' are (fee in pips, tick
//! spacing) pairs, as v3's factory enables them.
use cosmwasm_std::Storage;
use trellis_types::cl_pool::FeeTier;
use trellis_types::factory::{PoolKind, DEFAULT_CL_FEE_TIERS, DEFAULT_WEIGHTED_FEE_TIERS_BPS};

use crate::error::ContractError;
use crate::limits::MAX_FEE_TIERS;
use crate::state::{CL_FEE_TIERS, FEE_TIERS};
use crate::validate;

/// The weighted tiers, ascending; none for other kinds.
pub fn tiers(storage: &dyn Storage, kind: PoolKind) -> Result<Vec<u16>, ContractError> {
    match kind {
        PoolKind::Weighted => Ok(FEE_TIERS
            .may_load(storage, kind.key())?
            .unwrap_or_else(|| DEFAULT_WEIGHTED_FEE_TIERS_BPS.to_vec())),
        PoolKind::Concentrated => Ok(vec![]),
    }
}

/// The concentrated tiers, by fee.
pub fn cl_tiers(storage: &dyn Storage) -> Result<Vec<FeeTier>, ContractError> {
    Ok(CL_FEE_TIERS
        .may_load(storage)?
        .unwrap_or_else(|| DEFAULT_CL_FEE_TIERS.to_vec()))
}

fn check_count(count: usize) -> Result<(), ContractError> {
    if count == 0 {
        return Err(ContractError::NoFeeTiers);
    }
    if count > MAX_FEE_TIERS {
        return Err(ContractError::TooManyFeeTiers {
            count,
            max: MAX_FEE_TIERS,
        });
    }
    Ok(())
}

/// At least one and at most `MAX_FEE_TIERS` tiers, distinct, each a fee a pool accepts;
/// returned ascending.
pub fn validate_tiers(tiers: &[u16]) -> Result<Vec<u16>, ContractError> {
    check_count(tiers.len())?;
    let mut sorted = Vec::with_capacity(tiers.len());
    for &fee in tiers {
        sorted.push(validate::swap_fee(fee)?);
    }
    sorted.sort_unstable();
    if let Some(pair) = sorted.windows(2).find(|w| w[0] == w[1]) {
        return Err(ContractError::DuplicateFeeTier { fee_bps: pair[0] });
    }
    Ok(sorted)
}

/// At least one and at most `MAX_FEE_TIERS` tiers a pool accepts, each fee once (a fee
/// decides its pool's spacing); returned by fee.
pub fn validate_cl_tiers(tiers: &[FeeTier]) -> Result<Vec<FeeTier>, ContractError> {
    check_count(tiers.len())?;
    let mut sorted = Vec::with_capacity(tiers.len());
    for &tier in tiers {
        sorted.push(validate::cl_fee_tier(tier)?);
    }
    sorted.sort_unstable_by_key(|tier| tier.fee_pips);
    if let Some(pair) = sorted.windows(2).find(|w| w[0].fee_pips == w[1].fee_pips) {
        return Err(ContractError::DuplicateClFeeTier {
            fee_pips: pair[0].fee_pips,
        });
    }
    Ok(sorted)
}

/// `"fee/spacing,..."` for errors and events.
pub fn cl_tiers_label(tiers: &[FeeTier]) -> String {
    tiers
        .iter()
        .map(|t| format!("{}/{}", t.fee_pips, t.tick_spacing))
        .collect::<Vec<_>>()
        .join(",")
}
