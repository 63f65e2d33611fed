//! Declared decimals against the tokens themselves: a cw20 asset's decimals must match its own
//! `TokenInfo`, since the pool scales balances by `10^(18 - decimals)` and a wrong value would
//! price the LP supply in the wrong unit for ever. A native denom's decimals cannot be read
//! from a contract (bank metadata is optional and often absent), so they are taken as declared.
use cosmwasm_std::{Deps, StdError};
use cw20::{Cw20QueryMsg, TokenInfoResponse};
use trellis_types::weighted_pool::WeightedAssetInfo;
use trellis_types::AssetInfo;

use crate::error::ContractError;

/// One `TokenInfo` query per cw20 asset, none for natives.
pub fn check_against_tokens(
    deps: Deps,
    assets: &[WeightedAssetInfo; 2],
) -> Result<(), ContractError> {
    for side in assets {
        let AssetInfo::Cw20 { contract_addr } = &side.info else {
            continue;
        };
        let info: TokenInfoResponse = deps
            .querier
            .query_wasm_smart(contract_addr, &Cw20QueryMsg::TokenInfo {})
            .map_err(|e: StdError| ContractError::TokenInfoUnavailable {
                asset: side.info.to_string(),
                reason: e.to_string(),
            })?;
        if info.decimals != side.decimals {
            return Err(ContractError::DecimalsMismatch {
                asset: side.info.to_string(),
                declared: side.decimals,
                actual: info.decimals,
            });
        }
    }
    Ok(())
}
