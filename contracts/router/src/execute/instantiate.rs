use cosmwasm_std::{DepsMut, Env, MessageInfo, Response};
use trellis_types::router::InstantiateMsg;

use crate::chain::factory_config;
use crate::contract::{CONTRACT_NAME, CONTRACT_VERSION};
use crate::error::ContractError;
use crate::route::validate_address;
use crate::state::{Config, CONFIG};

/// Stores the factory and the protocol token it reports (the hub of two-hop routes); the
/// instantiating account becomes the owner (it may only sweep strays).
pub fn instantiate(
    deps: DepsMut,
    _env: Env,
    info: MessageInfo,
    msg: InstantiateMsg,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let factory = validate_address(deps.api, "factory", &msg.factory)?;
    let protocol_token = factory_config(&deps.querier, &factory)?.protocol_token;
    cw2::set_contract_version(deps.storage, CONTRACT_NAME, CONTRACT_VERSION)?;
    cw_ownable::initialize_owner(deps.storage, deps.api, Some(info.sender.as_str()))?;
    CONFIG.save(
        deps.storage,
        &Config {
            factory: factory.clone(),
            protocol_token: protocol_token.clone(),
        },
    )?;
    Ok(Response::new()
        .add_attribute("action", "instantiate")
        .add_attribute("owner", info.sender)
        .add_attribute("factory", factory)
        .add_attribute("protocol_token", protocol_token.to_string()))
}
