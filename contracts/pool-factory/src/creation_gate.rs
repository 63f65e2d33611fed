//! The one gate every pool creation goes through, whatever the pool kind: who may create,
//! at which fee, with which oracle. The owner may create any pool (any fee a pool accepts,
//! its own oracle if it gives one); anyone else only while creation is permissionless, at one
//! of the kind's fee tiers, with the factory's oracle. A squatter can then only make the pool
//! the protocol would have made itself.
use cosmwasm_std::{Addr, Storage};
use trellis_types::factory::PoolKind;
use trellis_types::weighted_pool::OracleConfig;

use crate::error::ContractError;
use crate::fee_tiers::tiers;
use crate::state::Config;
use crate::validate;

/// What the gate lets a creation use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CreationTerms {
    pub swap_fee_bps: u16,
    pub oracle: OracleConfig,
}

pub fn authorize(
    storage: &dyn Storage,
    config: &Config,
    sender: &Addr,
    kind: PoolKind,
    swap_fee_bps: u16,
    oracle: Option<OracleConfig>,
) -> Result<CreationTerms, ContractError> {
    let swap_fee_bps = validate::swap_fee(swap_fee_bps)?;
    let is_owner = cw_ownable::is_owner(storage, sender)?;
    if is_owner {
        return Ok(CreationTerms {
            swap_fee_bps,
            oracle: validate::oracle(oracle.unwrap_or(config.default_oracle))?,
        });
    }
    if !config.permissionless_creation {
        return Err(cw_ownable::OwnershipError::NotOwner.into());
    }
    if oracle.is_some() {
        return Err(ContractError::OracleNotConfigurable);
    }
    let allowed = tiers(storage, kind)?;
    if !allowed.contains(&swap_fee_bps) {
        return Err(ContractError::FeeTierNotAllowed {
            kind: kind.key(),
            swap_fee_bps,
            allowed,
        });
    }
    Ok(CreationTerms {
        swap_fee_bps,
        oracle: config.default_oracle,
    })
}
