//! Owner: gauge types (risk classes) and their weights. A weight applies from the next week,
//! so the weights of the current and past weeks never change.
use cosmwasm_std::{DepsMut, Env, MessageInfo, Response, Uint128};

use super::next_week;
use crate::error::ContractError;
use crate::limits::{MAX_GAUGE_TYPES, MAX_TYPE_NAME_LEN};
use crate::state::{type_key, NEXT_TYPE_ID, TYPE_LINES, TYPE_NAMES, TYPE_WEIGHTS};

pub fn add_type(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    name: String,
    weight: Uint128,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    cw_ownable::assert_owner(deps.storage, &info.sender)?;
    if name.is_empty() || name.len() > MAX_TYPE_NAME_LEN {
        return Err(ContractError::InvalidTypeName {
            name,
            max: MAX_TYPE_NAME_LEN,
        });
    }
    if weight.is_zero() {
        return Err(ContractError::ZeroTypeWeight);
    }
    let id = NEXT_TYPE_ID.load(deps.storage)?;
    if id >= MAX_GAUGE_TYPES {
        return Err(ContractError::TooManyTypes {
            max: MAX_GAUGE_TYPES,
        });
    }
    let week = next_week(env.block.time.seconds());
    NEXT_TYPE_ID.save(deps.storage, &(id + 1))?;
    TYPE_NAMES.save(deps.storage, id, &name)?;
    TYPE_WEIGHTS.save(deps.storage, (id, week), &weight.u128())?;
    TYPE_LINES.create(deps.storage, &type_key(id), week)?;
    Ok(Response::new()
        .add_attribute("action", "add_type")
        .add_attribute("gauge_type", id.to_string())
        .add_attribute("name", name)
        .add_attribute("weight", weight)
        .add_attribute("week", week.to_string()))
}

pub fn change_type_weight(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    gauge_type: u32,
    weight: Uint128,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    cw_ownable::assert_owner(deps.storage, &info.sender)?;
    if !TYPE_NAMES.has(deps.storage, gauge_type) {
        return Err(ContractError::UnknownType { gauge_type });
    }
    let week = next_week(env.block.time.seconds());
    TYPE_WEIGHTS.save(deps.storage, (gauge_type, week), &weight.u128())?;
    Ok(Response::new()
        .add_attribute("action", "change_type_weight")
        .add_attribute("gauge_type", gauge_type.to_string())
        .add_attribute("weight", weight)
        .add_attribute("week", week.to_string()))
}
