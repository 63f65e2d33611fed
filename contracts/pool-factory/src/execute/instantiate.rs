use cosmwasm_std::{DepsMut, Env, MessageInfo, Response};
use trellis_types::factory::InstantiateMsg;

use crate::contract::{CONTRACT_NAME, CONTRACT_VERSION};
use crate::error::ContractError;
use crate::state::{Config, CONFIG, POOL_COUNT};
use crate::validate;

pub fn instantiate(
    deps: DepsMut,
    _env: Env,
    info: MessageInfo,
    msg: InstantiateMsg,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let api = deps.api;
    let config = Config {
        pool_code_id: validate::code_id("pool_code_id", msg.pool_code_id)?,
        lp_token_code_id: validate::code_id("lp_token_code_id", msg.lp_token_code_id)?,
        protocol_token: validate::asset(api, &msg.protocol_token)?,
        fee_collector: msg
            .fee_collector
            .map(|c| validate::address(api, "fee_collector", &c))
            .transpose()?,
        protocol_fee_share_bps: validate::protocol_fee_share(msg.protocol_fee_share_bps)?,
        default_oracle: validate::oracle(msg.default_oracle)?,
        permissionless_creation: msg.permissionless_creation,
        cl_pool_code_id: msg
            .cl_pool_code_id
            .map(|id| validate::code_id("cl_pool_code_id", id))
            .transpose()?,
    };
    let owner = validate::address(api, "owner", &msg.owner)?;
    cw2::set_contract_version(deps.storage, CONTRACT_NAME, CONTRACT_VERSION)?;
    cw_ownable::initialize_owner(deps.storage, api, Some(owner.as_str()))?;
    CONFIG.save(deps.storage, &config)?;
    POOL_COUNT.save(deps.storage, &0)?;

    Ok(Response::new()
        .add_attribute("action", "instantiate")
        .add_attribute("owner", owner)
        .add_attribute("protocol_token", config.protocol_token.to_string())
        .add_attribute("pool_code_id", config.pool_code_id.to_string())
        .add_attribute(
            "permissionless_creation",
            config.permissionless_creation.to_string(),
        ))
}
