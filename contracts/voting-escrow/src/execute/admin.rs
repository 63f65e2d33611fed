use cosmwasm_std::{DepsMut, Env, MessageInfo, Response};
use cw_ownable::Action;

use crate::error::ContractError;
use crate::limits::MAX_LISTENERS;
use crate::state::CONFIG;

pub fn update_ownership(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    action: Action,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let ownership = cw_ownable::update_ownership(deps, &env.block, &info.sender, action)?;
    Ok(Response::new().add_attributes(ownership.into_attributes()))
}

pub fn add_listener(
    deps: DepsMut,
    info: MessageInfo,
    address: String,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    cw_ownable::assert_owner(deps.storage, &info.sender)?;
    let address = deps.api.addr_validate(&address)?;
    let mut config = CONFIG.load(deps.storage)?;
    let listeners = &mut config.listeners;
    if listeners.contains(&address) {
        return Err(ContractError::DuplicateListener {
            address: address.into_string(),
        });
    }
    if listeners.len() >= MAX_LISTENERS {
        return Err(ContractError::TooManyListeners { max: MAX_LISTENERS });
    }
    listeners.push(address.clone());
    CONFIG.save(deps.storage, &config)?;
    Ok(Response::new()
        .add_attribute("action", "add_listener")
        .add_attribute("listener", address))
}

pub fn remove_listener(
    deps: DepsMut,
    info: MessageInfo,
    address: String,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    cw_ownable::assert_owner(deps.storage, &info.sender)?;
    let mut config = CONFIG.load(deps.storage)?;
    let listeners = &mut config.listeners;
    let Some(i) = listeners.iter().position(|l| l.as_str() == address) else {
        return Err(ContractError::UnknownListener { address });
    };
    listeners.remove(i);
    CONFIG.save(deps.storage, &config)?;
    Ok(Response::new()
        .add_attribute("action", "remove_listener")
        .add_attribute("listener", address))
}
