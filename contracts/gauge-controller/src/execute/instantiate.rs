use cosmwasm_std::{DepsMut, Env, MessageInfo, Response};
use trellis_types::gauge_controller::{InstantiateMsg, DEFAULT_VOTE_DELAY};

use crate::contract::{CONTRACT_NAME, CONTRACT_VERSION};
use crate::error::ContractError;
use crate::state::{Config, CONFIG, NEXT_TYPE_ID};

pub fn instantiate(
    deps: DepsMut,
    _env: Env,
    info: MessageInfo,
    msg: InstantiateMsg,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    cw2::set_contract_version(deps.storage, CONTRACT_NAME, CONTRACT_VERSION)?;
    let owner = deps.api.addr_validate(&msg.owner)?;
    cw_ownable::initialize_owner(deps.storage, deps.api, Some(owner.as_str()))?;
    let config = Config {
        voting_escrow: deps.api.addr_validate(&msg.voting_escrow)?,
        vote_delay: msg.vote_delay.unwrap_or(DEFAULT_VOTE_DELAY),
    };
    CONFIG.save(deps.storage, &config)?;
    NEXT_TYPE_ID.save(deps.storage, &0)?;
    Ok(Response::new()
        .add_attribute("action", "instantiate")
        .add_attribute("owner", owner)
        .add_attribute("voting_escrow", config.voting_escrow)
        .add_attribute("vote_delay", config.vote_delay.to_string()))
}
