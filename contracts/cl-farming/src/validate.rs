//! Input checks shared by the handlers; each names the offending value.
use cosmwasm_std::{Addr, Api};
use trellis_types::AssetInfo;

use crate::error::ContractError;

pub fn address(api: &dyn Api, field: &'static str, address: &str) -> Result<Addr, ContractError> {
    api.addr_validate(address)
        .map_err(|e| ContractError::InvalidAddress {
            field,
            address: address.to_string(),
            reason: e.to_string(),
        })
}

/// `recipient` validated, or `default`.
pub fn recipient(
    api: &dyn Api,
    recipient: Option<String>,
    default: &Addr,
) -> Result<Addr, ContractError> {
    match recipient {
        Some(r) => address(api, "recipient", &r),
        None => Ok(default.clone()),
    }
}

pub fn asset(api: &dyn Api, asset: &AssetInfo) -> Result<AssetInfo, ContractError> {
    asset
        .validate(api)
        .map_err(|e| ContractError::InvalidAsset {
            asset: asset.to_string(),
            reason: e.to_string(),
        })
}
