//! Owner-only delisting: a delisted pool leaves the lists routers and farms read, and stops
//! counting as a duplicate or against the per-pair limit, while the pool contract itself keeps
//! serving its LPs' exits.
use cosmwasm_std::{DepsMut, MessageInfo, Response};

use crate::error::ContractError;
use crate::execute::new_pool::check_room_for;
use crate::registry::{delist, is_listed, record_of_pool, relist};
use crate::state::{PendingPool, PoolTerms};

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
        .add_attribute("pool_address", record.address.clone())
        .add_attribute("kind", record.kind().key())
        .add_attributes(record.lp_token().map(|lp| ("lp_token", lp.to_string()))))
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
    // The same rules as a new pool: nothing listed it would duplicate, room in the pair.
    let candidate = PendingPool {
        assets: record.assets.clone(),
        terms: PoolTerms::of(&record),
    };
    check_room_for(deps.storage, &candidate)?;
    relist(deps.storage, &record)?;
    Ok(Response::new()
        .add_attribute("action", "relist_pool")
        .add_attribute("pool_id", record.id.to_string())
        .add_attribute("pool_address", record.address.clone())
        .add_attribute("kind", record.kind().key())
        .add_attributes(record.lp_token().map(|lp| ("lp_token", lp.to_string()))))
}
