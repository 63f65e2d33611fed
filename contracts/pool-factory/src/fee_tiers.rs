//! The fee tiers open to permissionless creators, per pool kind: stored by the owner, or the
//! kind's defaults until then (so a factory migrated from a build without tiers has them).
use cosmwasm_std::Storage;
use trellis_types::factory::{PoolKind, DEFAULT_WEIGHTED_FEE_TIERS_BPS};

use crate::error::ContractError;
use crate::limits::MAX_FEE_TIERS;
use crate::state::FEE_TIERS;
use crate::validate;

pub fn default_tiers(kind: PoolKind) -> Vec<u16> {
    match kind {
        PoolKind::Weighted => DEFAULT_WEIGHTED_FEE_TIERS_BPS.to_vec(),
    }
}

/// The tiers of `kind`, ascending.
pub fn tiers(storage: &dyn Storage, kind: PoolKind) -> Result<Vec<u16>, ContractError> {
    Ok(FEE_TIERS
        .may_load(storage, kind.key())?
        .unwrap_or_else(|| default_tiers(kind)))
}

/// At least one and at most `MAX_FEE_TIERS` tiers, distinct, each a fee a pool accepts;
/// returned ascending.
pub fn validate_tiers(tiers: &[u16]) -> Result<Vec<u16>, ContractError> {
    if tiers.is_empty() {
        return Err(ContractError::NoFeeTiers);
    }
    if tiers.len() > MAX_FEE_TIERS {
        return Err(ContractError::TooManyFeeTiers {
            count: tiers.len(),
            max: MAX_FEE_TIERS,
        });
    }
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
