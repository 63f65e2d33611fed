//! Owner-only delisting: a delisted pool leaves the lists routers and farms read, and stops
//! counting as a duplicate or against the per-pair limit, while the pool contract itself keeps
//! serving its LPs' exits.
use cosmwasm_std::{DepsMut, MessageInfo, Response};

use crate::error::ContractError;
use crate::execute::create_pool::check_room_for;
use crate::registry::{delist, is_listed, record_of_pool, relist};

pub fn delist_pool(
    deps: DepsMut,
    info: MessageInfo,
    pool: String,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    cw_ownable::assert_owner(deps.storage, &info.sender)?;
    let record = record_of_pool(deps.as_ref(), &pool)?;
    if !is_listed(deps.storage, record.id)? {
        return Err(ContractError::AlreadyDelisted {
            pool: record.address,
        });
    }
    delist(deps.storage, &record)?;
    Ok(Response::new()
        .add_attribute("action", "delist_pool")
        .add_attribute("pool_id", record.id.to_string())
        .add_attribute("pool_address", record.address)
        .add_attribute("lp_token", record.lp_token))
}

pub fn relist_pool(
    deps: DepsMut,
    info: MessageInfo,
    pool: String,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    cw_ownable::assert_owner(deps.storage, &info.sender)?;
    let record = record_of_pool(deps.as_ref(), &pool)?;
    if is_listed(deps.storage, record.id)? {
        return Err(ContractError::AlreadyListed {
            pool: record.address,
        });
    }
    // The same rules as a new pool: no listed pool with these weights, room in the pair.
    check_room_for(deps.storage, &record.assets)?;
    relist(deps.storage, &record)?;
    Ok(Response::new()
        .add_attribute("action", "relist_pool")
        .add_attribute("pool_id", record.id.to_string())
        .add_attribute("pool_address", record.address)
        .add_attribute("lp_token", record.lp_token))
}
