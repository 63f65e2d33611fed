//! The reply to the pool instantiation: learn the address and LP token, record the pool.
use cosmwasm_std::{DepsMut, Env, Reply, Response, SubMsgResult};
use trellis_types::weighted_pool::{PoolInfoResponse, QueryMsg as PoolQueryMsg};

use crate::error::ContractError;
use crate::execute::create_pool::REPLY_POOL_INSTANTIATED;
use crate::registry::register;
use crate::reply_data::instantiated_address;
use crate::state::PENDING_POOL;

pub fn reply(deps: DepsMut, _env: Env, reply: Reply) -> Result<Response, ContractError> {
    match reply.id {
        REPLY_POOL_INSTANTIATED => pool_instantiated(deps, reply.result),
        id => Err(ContractError::UnknownReplyId { id }),
    }
}

fn pool_instantiated(deps: DepsMut, result: SubMsgResult) -> Result<Response, ContractError> {
    let pending = PENDING_POOL
        .may_load(deps.storage)?
        .ok_or(ContractError::NoPendingPool)?;
    PENDING_POOL.remove(deps.storage);
    // Submessages are sent with reply_on_success: an error here cannot come from the chain.
    let response = result
        .into_result()
        .map_err(|reason| ContractError::MissingPoolAddress { reason })?;
    let address = deps.api.addr_validate(&instantiated_address(&response)?)?;
    // The pool instantiated its LP token in its own reply, which completed before this one.
    let info: PoolInfoResponse = deps
        .querier
        .query_wasm_smart(&address, &PoolQueryMsg::PoolInfo {})?;
    let lp_token = deps.api.addr_validate(&info.lp_token)?;
    let record = register(
        deps.storage,
        address,
        lp_token,
        pending.assets,
        pending.swap_fee_bps,
    )?;

    let [a, b] = &record.assets;
    Ok(Response::new()
        .add_attribute("action", "register_pool")
        .add_attribute("pool_id", record.id.to_string())
        .add_attribute("pool_address", &record.address)
        .add_attribute("lp_token", &record.lp_token)
        .add_attribute("asset_0", a.info.to_string())
        .add_attribute("weight_0", a.weight.to_string())
        .add_attribute("asset_1", b.info.to_string())
        .add_attribute("weight_1", b.weight.to_string())
        .add_attribute("swap_fee_bps", record.swap_fee_bps.to_string()))
}
