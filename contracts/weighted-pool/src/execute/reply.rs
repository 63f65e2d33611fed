//! The reply to the LP token's instantiation: learn and store its address.
use cosmwasm_std::{DepsMut, Env, Reply, Response, StdError};
use cw_utils::parse_instantiate_response_data;

use crate::error::ContractError;
use crate::state::LP_TOKEN;

pub const INSTANTIATE_LP_TOKEN_REPLY_ID: u64 = 1;

const INSTANTIATE_RESPONSE_TYPE_URL: &str = "/cosmwasm.wasm.v1.MsgInstantiateContractResponse";

pub fn reply(deps: DepsMut, _env: Env, msg: Reply) -> Result<Response, ContractError> {
    match msg.id {
        INSTANTIATE_LP_TOKEN_REPLY_ID => lp_token_instantiated(deps, msg),
        id => Err(ContractError::UnknownReplyId { id }),
    }
}

/// The address is in the `MsgInstantiateContractResponse`: chains on CosmWasm 2 (and
/// cw-multi-test 2) put it in `msg_responses`; older chains only in the deprecated `data`.
fn lp_token_instantiated(deps: DepsMut, msg: Reply) -> Result<Response, ContractError> {
    let response = msg.result.into_result().map_err(StdError::generic_err)?;
    let encoded = response
        .msg_responses
        .iter()
        .find(|r| r.type_url == INSTANTIATE_RESPONSE_TYPE_URL)
        .map(|r| r.value.clone());
    #[allow(deprecated)]
    let encoded = encoded
        .or(response.data)
        .ok_or(ContractError::MissingLpTokenAddress)?;
    let parsed = parse_instantiate_response_data(encoded.as_slice())?;
    let lp_token = deps.api.addr_validate(&parsed.contract_address)?;
    LP_TOKEN.save(deps.storage, &lp_token)?;
    Ok(Response::new()
        .add_attribute("action", "lp_token_instantiated")
        .add_attribute("lp_token", lp_token))
}
