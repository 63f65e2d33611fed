//! Reading the new contract's address from the reply to a `WasmMsg::Instantiate` submessage.
//!
//! Chains on CosmWasm 2 (wasmd >= 0.50) put the protobuf `MsgInstantiateContractResponse` in
//! `msg_responses`; older chains only in the deprecated `data` field. cw-multi-test 2.5 fills
//! both. The first is preferred, the second is the fallback.
use cosmwasm_std::{Binary, SubMsgResponse};
use cw_utils::parse_instantiate_response_data;

use crate::error::ContractError;

const INSTANTIATE_RESPONSE_TYPE: &str = "/cosmwasm.wasm.v1.MsgInstantiateContractResponse";

/// The instantiated contract's address (not yet validated).
pub fn instantiated_address(response: &SubMsgResponse) -> Result<String, ContractError> {
    let bytes = instantiate_response_bytes(response).ok_or(ContractError::MissingPoolAddress {
        reason: "no MsgInstantiateContractResponse".to_string(),
    })?;
    let parsed = parse_instantiate_response_data(bytes.as_slice()).map_err(|e| {
        ContractError::MissingPoolAddress {
            reason: e.to_string(),
        }
    })?;
    if parsed.contract_address.is_empty() {
        return Err(ContractError::MissingPoolAddress {
            reason: "empty contract address".to_string(),
        });
    }
    Ok(parsed.contract_address)
}

fn instantiate_response_bytes(response: &SubMsgResponse) -> Option<Binary> {
    let from_msg_responses = response
        .msg_responses
        .iter()
        .find(|r| r.type_url == INSTANTIATE_RESPONSE_TYPE)
        .map(|r| r.value.clone());
    #[allow(deprecated)]
    let from_data = response.data.clone();
    from_msg_responses.or(from_data)
}
