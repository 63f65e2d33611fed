//! The reply to the pool instantiation: learn the address (and a weighted pool's LP token),
//! record the pool.
use cosmwasm_std::{DepsMut, Env, Reply, Response, SubMsgResult};
use trellis_types::factory::{PoolParams, PoolRecord};
use trellis_types::weighted_pool::{PoolInfoResponse, QueryMsg as PoolQueryMsg};

use crate::error::ContractError;
use crate::execute::new_pool::REPLY_POOL_INSTANTIATED;
use crate::registry::register;
use crate::reply_data::instantiated_address;
use crate::state::{PoolTerms, PENDING_POOL};

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
    let params = match pending.terms {
        PoolTerms::Weighted {
            weights,
            swap_fee_bps,
        } => {
            // The pool instantiated its LP token in its own reply, which completed before this.
            let info: PoolInfoResponse = deps
                .querier
                .query_wasm_smart(&address, &PoolQueryMsg::PoolInfo {})?;
            PoolParams::Weighted {
                lp_token: deps.api.addr_validate(&info.lp_token)?.to_string(),
                weights,
                swap_fee_bps,
            }
        }
        PoolTerms::Concentrated { fee_tier } => PoolParams::Concentrated { fee_tier },
    };
    let record = register(deps.storage, address, pending.assets, params)?;
    Ok(Response::new()
        .add_attribute("action", "register_pool")
        .add_attribute("pool_id", record.id.to_string())
        .add_attribute("pool_address", &record.address)
        .add_attribute("kind", record.kind().key())
        .add_attribute("asset_0", record.assets[0].to_string())
        .add_attribute("asset_1", record.assets[1].to_string())
        .add_attributes(param_attributes(&record)))
}

fn param_attributes(record: &PoolRecord) -> Vec<(&'static str, String)> {
    match &record.params {
        PoolParams::Weighted {
            lp_token,
            weights,
            swap_fee_bps,
        } => vec![
            ("lp_token", lp_token.clone()),
            ("weight_0", weights[0].to_string()),
            ("weight_1", weights[1].to_string()),
            ("swap_fee_bps", swap_fee_bps.to_string()),
        ],
        PoolParams::Concentrated { fee_tier } => vec![
            ("fee_pips", fee_tier.fee_pips.to_string()),
            ("tick_spacing", fee_tier.tick_spacing.to_string()),
        ],
    }
}
