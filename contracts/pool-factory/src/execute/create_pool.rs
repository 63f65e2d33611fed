//! `CreatePool`: pass the creation gate (`crate::creation_gate`), validate, refuse
//! duplicates, instantiate the pool as a submessage. The reply (`crate::reply`) records it.
use cosmwasm_std::{to_json_binary, DepsMut, Env, MessageInfo, Response, SubMsg, WasmMsg};
use trellis_types::factory::PoolKind;
use trellis_types::weighted_pool::{self, OracleConfig, WeightedAssetInfo};

use crate::creation_gate::authorize;
use crate::error::ContractError;
use crate::limits::MAX_POOLS_PER_PAIR;
use crate::registry::{has_weights, pools_of_pair};
use crate::state::{pair_label, PendingPool, CONFIG, PENDING_POOL};
use crate::validate;

/// Reply id of the pool instantiation.
pub const REPLY_POOL_INSTANTIATED: u64 = 1;

pub fn create_pool(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    assets: [WeightedAssetInfo; 2],
    swap_fee_bps: u16,
    oracle: Option<OracleConfig>,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let config = CONFIG.load(deps.storage)?;
    let terms = authorize(
        deps.storage,
        &config,
        &info.sender,
        PoolKind::Weighted,
        swap_fee_bps,
        oracle,
    )?;
    let (swap_fee_bps, oracle) = (terms.swap_fee_bps, terms.oracle);
    let assets = validate::weighted_assets(deps.api, &assets)?;
    check_room_for(deps.as_ref().storage, &assets)?;

    // The factory's owner runs its pools; see the crate docs for a renounced factory.
    let (pool_owner, admin) = match cw_ownable::get_ownership(deps.storage)?.owner {
        Some(owner) => (owner.to_string(), Some(owner.to_string())),
        None => (env.contract.address.to_string(), None),
    };
    let msg = weighted_pool::InstantiateMsg {
        assets: assets.clone(),
        swap_fee_bps,
        protocol_fee_share_bps: config.protocol_fee_share_bps,
        fee_collector: config.fee_collector.map(|c| c.to_string()),
        owner: pool_owner,
        lp_token_code_id: config.lp_token_code_id,
        lp_token_name: None,
        lp_token_symbol: None,
        oracle,
    };
    let label = format!(
        "trellis-weighted-pool {} {} / {} {}",
        assets[0].info, assets[0].weight, assets[1].info, assets[1].weight
    );
    PENDING_POOL.save(
        deps.storage,
        &PendingPool {
            assets: assets.clone(),
            swap_fee_bps,
        },
    )?;
    let instantiate = WasmMsg::Instantiate {
        admin,
        code_id: config.pool_code_id,
        msg: to_json_binary(&msg)?,
        funds: vec![],
        label,
    };
    Ok(Response::new()
        .add_submessage(SubMsg::reply_on_success(
            instantiate,
            REPLY_POOL_INSTANTIATED,
        ))
        .add_attribute("action", "create_pool")
        .add_attribute("sender", info.sender)
        .add_attribute("assets", pair_label(&assets[0].info, &assets[1].info))
        .add_attribute("kind", PoolKind::Weighted.key())
        .add_attribute("swap_fee_bps", swap_fee_bps.to_string())
        .add_attribute("oracle_capacity", oracle.capacity.to_string())
        .add_attribute(
            "oracle_min_sample_spacing",
            oracle.min_sample_spacing.to_string(),
        ))
}

/// Refuses a pool with the same assets and weights as a listed one, and a pair that already
/// has `MAX_POOLS_PER_PAIR` listed pools. Reads at most that many records. Delisted pools do
/// not count: the owner can replace a squatted pool by delisting it.
pub fn check_room_for(
    storage: &dyn cosmwasm_std::Storage,
    assets: &[WeightedAssetInfo; 2],
) -> Result<(), ContractError> {
    let existing = pools_of_pair(storage, &assets[0].info, &assets[1].info)?;
    let label = || pair_label(&assets[0].info, &assets[1].info);
    if let Some(pool) = existing.iter().find(|pool| has_weights(pool, assets)) {
        return Err(ContractError::DuplicatePool {
            existing: pool.id,
            address: pool.address.clone(),
            assets: label(),
        });
    }
    if existing.len() >= MAX_POOLS_PER_PAIR {
        return Err(ContractError::TooManyPoolsForPair {
            assets: label(),
            max: MAX_POOLS_PER_PAIR,
        });
    }
    Ok(())
}
