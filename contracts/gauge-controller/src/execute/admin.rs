use cosmwasm_std::{DepsMut, Env, MessageInfo, Response};
use cw_ownable::Action;

use crate::error::ContractError;

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
