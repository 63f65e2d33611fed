//! What the center asks other contracts: the factory (is this a listed concentrated pool?)
//! and the pool (a position, the current tick, whether it still reports here), and the
//! messages it sends the pool (farming marks, fee collection, the NFT back).
use cosmwasm_std::{to_json_binary, Addr, CosmosMsg, Deps, Env, SubMsg, Uint128, WasmMsg};
use trellis_types::cl_pool::{
    ExecuteMsg as PoolExecuteMsg, FarmingResponse, PositionResponse, QueryMsg as PoolQueryMsg,
};
use trellis_types::factory::{PoolKind, PoolStatusResponse, QueryMsg as FactoryQueryMsg};

use crate::error::ContractError;
use crate::reply::REPLY_UNMARK;

/// Refuses anything but a listed concentrated pool of the factory.
pub fn check_cl_pool(deps: Deps, factory: &Addr, pool: &Addr) -> Result<(), ContractError> {
    let not_cl = || ContractError::NotClPool {
        pool: pool.to_string(),
    };
    let status: PoolStatusResponse = deps
        .querier
        .query_wasm_smart(
            factory,
            &FactoryQueryMsg::PoolStatus {
                pool: pool.to_string(),
            },
        )
        .map_err(|_| not_cl())?;
    if status.kind != PoolKind::Concentrated
        || !status.listed
        || status.pool.address != pool.as_str()
    {
        return Err(not_cl());
    }
    Ok(())
}

pub fn position(
    deps: Deps,
    pool: &Addr,
    token_id: &str,
) -> Result<PositionResponse, ContractError> {
    Ok(deps.querier.query_wasm_smart(
        pool,
        &PoolQueryMsg::Position {
            token_id: token_id.to_string(),
        },
    )?)
}

/// The pool's tick now, after checking it reports its crossings here: one query.
pub fn linked_tick(deps: Deps, env: &Env, pool: &Addr) -> Result<i32, ContractError> {
    let farming = farming_link(deps, pool)?;
    if !reports_here(&farming, env) {
        return Err(not_linked(pool, farming));
    }
    Ok(farming.tick)
}

fn not_linked(pool: &Addr, farming: FarmingResponse) -> ContractError {
    ContractError::PoolNotLinked {
        pool: pool.to_string(),
        center: farming.farming_center,
        broken: farming.link_broken,
    }
}

/// The pool's farming center and whether its hook link broke.
pub fn farming_link(deps: Deps, pool: &Addr) -> Result<FarmingResponse, ContractError> {
    Ok(deps
        .querier
        .query_wasm_smart(pool, &PoolQueryMsg::Farming {})?)
}

/// Whether the pool reports to this contract over a working link.
pub fn reports_here(farming: &FarmingResponse, env: &Env) -> bool {
    farming.farming_center.as_deref() == Some(env.contract.address.as_str()) && !farming.link_broken
}

fn execute(pool: &Addr, msg: &PoolExecuteMsg) -> Result<CosmosMsg, ContractError> {
    Ok(WasmMsg::Execute {
        contract_addr: pool.to_string(),
        msg: to_json_binary(msg)?,
        funds: vec![],
    }
    .into())
}

/// Marks farm boundaries on the pool; none when `ticks` is empty. Entries check first that
/// the pool reports here, so this must succeed: a farm tick left unmarked would miss crossings.
pub fn marks(pool: &Addr, ticks: Vec<i32>) -> Result<Option<CosmosMsg>, ContractError> {
    if ticks.is_empty() {
        return Ok(None);
    }
    let marked = true;
    execute(pool, &PoolExecuteMsg::SetFarmingMarks { ticks, marked }).map(Some)
}

/// Unmarks ticks no live farm uses; none when `ticks` is empty. Replies only on error: once
/// the pool's owner has pointed it at another center, this one may no longer unmark, and an
/// exit must not fail on that (the NFT must always be able to leave). A mark left behind
/// costs the pool's swaps a stop at that tick and nothing else; the pool's current center
/// may clear it.
pub fn unmarks(pool: &Addr, ticks: Vec<i32>) -> Result<Option<SubMsg>, ContractError> {
    if ticks.is_empty() {
        return Ok(None);
    }
    let marked = false;
    let msg = execute(pool, &PoolExecuteMsg::SetFarmingMarks { ticks, marked })?;
    Ok(Some(SubMsg::reply_on_error(msg, REPLY_UNMARK)))
}

pub fn collect_fees(
    pool: &Addr,
    token_id: &str,
    recipient: &Addr,
    amount_max: Option<[Uint128; 2]>,
) -> Result<CosmosMsg, ContractError> {
    execute(
        pool,
        &PoolExecuteMsg::Collect {
            token_id: token_id.to_string(),
            recipient: Some(recipient.to_string()),
            amount_max,
        },
    )
}

pub fn return_nft(
    pool: &Addr,
    token_id: &str,
    recipient: &Addr,
) -> Result<CosmosMsg, ContractError> {
    execute(
        pool,
        &PoolExecuteMsg::TransferNft {
            recipient: recipient.to_string(),
            token_id: token_id.to_string(),
        },
    )
}
