use cosmwasm_std::{DepsMut, Env, MessageInfo, Response};

use crate::error::ContractError;

/// Two-step ownership transfer (cw-ownable): propose, accept, or renounce.
pub fn update_ownership(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    action: cw_ownable::Action,
) -> Result<Response, ContractError> {
    let ownership = cw_ownable::update_ownership(deps, &env.block, &info.sender, action)?;
    Ok(Response::new()
        .add_attribute("action", "update_ownership")
        .add_attributes(ownership.into_attributes()))
}
