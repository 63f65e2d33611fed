//! Execute handlers, one file per concern, plus the checks they share.
pub mod admin;
pub mod exercise;
pub mod instantiate;
pub mod receive;
pub mod reserve;
pub mod token;

use cosmwasm_std::{Decimal, Deps};
use trellis_types::options_token::{
    OracleConfig, MAX_MULTIPLIER_BPS, MIN_MULTIPLIER_BPS, MIN_WINDOW_SECS,
};
use trellis_types::AssetInfo;

use crate::error::ContractError;
use crate::oracle::check_pool;
use crate::state::Oracle;

pub fn check_multiplier(multiplier_bps: u32) -> Result<(), ContractError> {
    if !(MIN_MULTIPLIER_BPS..=MAX_MULTIPLIER_BPS).contains(&multiplier_bps) {
        return Err(ContractError::MultiplierOutOfBounds {
            multiplier_bps,
            min: MIN_MULTIPLIER_BPS,
            max: MAX_MULTIPLIER_BPS,
        });
    }
    Ok(())
}

pub fn check_min_price(min_price: Decimal) -> Result<(), ContractError> {
    if min_price.is_zero() {
        return Err(ContractError::ZeroMinPrice);
    }
    Ok(())
}

/// Validates an oracle setting against the pool: long enough, and the pool holds both assets.
pub fn validate_oracle(
    deps: Deps,
    oracle: OracleConfig,
    underlying: &AssetInfo,
    payment: &AssetInfo,
) -> Result<Oracle, ContractError> {
    if oracle.window_secs < MIN_WINDOW_SECS {
        return Err(ContractError::WindowTooShort {
            window_secs: oracle.window_secs,
            min: MIN_WINDOW_SECS,
        });
    }
    let oracle = Oracle {
        pool: deps.api.addr_validate(&oracle.pool)?,
        window_secs: oracle.window_secs,
        ago_secs: oracle.ago_secs,
    };
    check_pool(deps, &oracle, underlying, payment)?;
    Ok(oracle)
}
