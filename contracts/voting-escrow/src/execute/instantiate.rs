use cosmwasm_std::{DepsMut, Env, MessageInfo, Response};
use trellis_math::ve::DEFAULT_MAX_TIME;
use trellis_types::voting_escrow::InstantiateMsg;

use crate::contract::{CONTRACT_NAME, CONTRACT_VERSION};
use crate::error::ContractError;
use crate::limits::{MAX_MAX_TIME, MIN_MAX_TIME};
use crate::state::{Config, StoredPoint, CONFIG, GLOBAL_POINTS};

pub fn instantiate(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: InstantiateMsg,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    cw2::set_contract_version(deps.storage, CONTRACT_NAME, CONTRACT_VERSION)?;
    let max_time = msg.max_time.unwrap_or(DEFAULT_MAX_TIME);
    if !(MIN_MAX_TIME..=MAX_MAX_TIME).contains(&max_time) {
        return Err(ContractError::InvalidMaxTime {
            max_time,
            min: MIN_MAX_TIME,
            max: MAX_MAX_TIME,
        });
    }
    let lock_token = msg.lock_token.validate(deps.api)?;
    let owner = deps.api.addr_validate(&msg.owner)?;
    cw_ownable::initialize_owner(deps.storage, deps.api, Some(owner.as_str()))?;
    CONFIG.save(
        deps.storage,
        &Config {
            lock_token: lock_token.clone(),
            max_time,
            listeners: vec![],
        },
    )?;
    // The first global point: no power at creation. Queries before it answer zero.
    let now = env.block.time.seconds();
    GLOBAL_POINTS.save(
        deps.storage,
        0,
        &StoredPoint {
            ts: now,
            ..StoredPoint::default()
        },
    )?;
    Ok(Response::new()
        .add_attribute("action", "instantiate")
        .add_attribute("owner", owner)
        .add_attribute("lock_token", lock_token.to_string())
        .add_attribute("max_time", max_time.to_string()))
}
