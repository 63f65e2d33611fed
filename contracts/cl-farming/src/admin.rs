//! Instantiation, the owner's messages and migration.
use cosmwasm_std::{DepsMut, Env, MessageInfo, Response};
use trellis_types::cl_farming::{InstantiateMsg, MigrateMsg};
use trellis_types::migrate::check_migration;

use crate::error::ContractError;
use crate::state::{Config, CONFIG};
use crate::validate;

pub const CONTRACT_NAME: &str = "crates.io:trellis-cl-farming";
pub const CONTRACT_VERSION: &str = env!("CARGO_PKG_VERSION");

pub fn instantiate(
    deps: DepsMut,
    _env: Env,
    info: MessageInfo,
    msg: InstantiateMsg,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let owner = validate::address(deps.api, "owner", &msg.owner)?;
    let config = Config {
        incentive_maker: validate::address(deps.api, "incentive_maker", &msg.incentive_maker)?,
        factory: validate::address(deps.api, "factory", &msg.factory)?,
    };
    cw2::set_contract_version(deps.storage, CONTRACT_NAME, CONTRACT_VERSION)?;
    cw_ownable::initialize_owner(deps.storage, deps.api, Some(owner.as_str()))?;
    CONFIG.save(deps.storage, &config)?;
    Ok(Response::new()
        .add_attribute("action", "instantiate")
        .add_attribute("owner", owner.as_str())
        .add_attribute("incentive_maker", config.incentive_maker.as_str())
        .add_attribute("factory", config.factory.as_str()))
}

pub fn set_incentive_maker(
    deps: DepsMut,
    info: MessageInfo,
    incentive_maker: String,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    cw_ownable::assert_owner(deps.storage, &info.sender)?;
    let maker = validate::address(deps.api, "incentive_maker", &incentive_maker)?;
    let mut config = CONFIG.load(deps.storage)?;
    let old = std::mem::replace(&mut config.incentive_maker, maker.clone());
    CONFIG.save(deps.storage, &config)?;
    Ok(Response::new()
        .add_attribute("action", "set_incentive_maker")
        .add_attribute("old_incentive_maker", old.as_str())
        .add_attribute("incentive_maker", maker.as_str()))
}

pub fn update_ownership(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    action: cw_ownable::Action,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let ownership = cw_ownable::update_ownership(deps, &env.block, &info.sender, action)?;
    Ok(Response::new()
        .add_attribute("action", "update_ownership")
        .add_attributes(ownership.into_attributes()))
}

pub fn migrate(deps: DepsMut, _env: Env, _msg: MigrateMsg) -> Result<Response, ContractError> {
    let stored = cw2::get_contract_version(deps.storage)?;
    check_migration(&stored, CONTRACT_NAME, CONTRACT_VERSION)?;
    cw2::set_contract_version(deps.storage, CONTRACT_NAME, CONTRACT_VERSION)?;
    Ok(Response::new()
        .add_attribute("action", "migrate")
        .add_attribute("from_version", stored.version)
        .add_attribute("to_version", CONTRACT_VERSION))
}
