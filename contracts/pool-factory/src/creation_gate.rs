//! The one gate every pool creation goes through, whatever the pool kind: who may create,
//! at which fee, with which oracle. The owner may create any pool (any fee a pool accepts,
//! its own oracle if it gives one); anyone else only while creation is permissionless, at one
//! of the kind's fee tiers, with the factory's oracle. A squatter can then only make the pool
//! the protocol would have made itself.
use cosmwasm_std::{Addr, Storage};
use trellis_types::cl_pool::FeeTier;
use trellis_types::factory::PoolKind;
use trellis_types::weighted_pool::OracleConfig;

use crate::error::ContractError;
use crate::fee_tiers::{cl_tiers, cl_tiers_label, tiers};
use crate::state::Config;
use crate::validate;

/// The fee a creation asks for, in its kind's unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RequestedFee {
    /// Weighted pools: basis points of the amount in.
    Bps(u16),
    /// Concentrated pools: pips and the tick spacing that goes with them.
    ClTier(FeeTier),
}

impl RequestedFee {
    pub fn kind(&self) -> PoolKind {
        match self {
            RequestedFee::Bps(_) => PoolKind::Weighted,
            RequestedFee::ClTier(_) => PoolKind::Concentrated,
        }
    }

    fn validated(self) -> Result<Self, ContractError> {
        Ok(match self {
            RequestedFee::Bps(bps) => RequestedFee::Bps(validate::swap_fee(bps)?),
            RequestedFee::ClTier(tier) => RequestedFee::ClTier(validate::cl_fee_tier(tier)?),
        })
    }
}

/// Checks the sender may create a pool at `fee` (validated) and returns the oracle it gets.
pub fn authorize(
    storage: &dyn Storage,
    config: &Config,
    sender: &Addr,
    fee: RequestedFee,
    oracle: Option<OracleConfig>,
) -> Result<OracleConfig, ContractError> {
    let fee = fee.validated()?;
    if cw_ownable::is_owner(storage, sender)? {
        return validate::oracle(oracle.unwrap_or(config.default_oracle));
    }
    if !config.permissionless_creation {
        return Err(cw_ownable::OwnershipError::NotOwner.into());
    }
    if oracle.is_some() {
        return Err(ContractError::OracleNotConfigurable);
    }
    match fee {
        RequestedFee::Bps(swap_fee_bps) => {
            let allowed = tiers(storage, fee.kind())?;
            if !allowed.contains(&swap_fee_bps) {
                return Err(ContractError::FeeTierNotAllowed {
                    kind: fee.kind().key(),
                    swap_fee_bps,
                    allowed,
                });
            }
        }
        RequestedFee::ClTier(tier) => {
            let allowed = cl_tiers(storage)?;
            if !allowed.contains(&tier) {
                return Err(ContractError::ClFeeTierNotAllowed {
                    fee_pips: tier.fee_pips,
                    tick_spacing: tier.tick_spacing,
                    allowed: cl_tiers_label(&allowed),
                });
            }
        }
    }
    Ok(config.default_oracle)
}
