//! `CreateClPool`: the same gate, duplicate rule and per-pair limit as weighted pools, then a
//! `contracts/cl-pool` instantiated as a submessage and recorded by the reply. One listed
//! concentrated pool per pair and fee.
use cosmwasm_std::{to_json_binary, DepsMut, Env, MessageInfo, Response, SubMsg, Uint256, WasmMsg};
use trellis_types::cl_pool::{self, FeeTier};
use trellis_types::weighted_pool::OracleConfig;
use trellis_types::AssetInfo;

use crate::creation_gate::{authorize, RequestedFee};
use crate::error::ContractError;
use crate::execute::new_pool::{check_room_for, pool_owner, REPLY_POOL_INSTANTIATED};
use crate::state::{pair_label, PendingPool, PoolTerms, CONFIG, PENDING_POOL};
use crate::validate;

pub fn create_cl_pool(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    assets: [AssetInfo; 2],
    fee_tier: FeeTier,
    sqrt_price: Option<Uint256>,
    oracle: Option<OracleConfig>,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let config = CONFIG.load(deps.storage)?;
    let code_id = config
        .cl_pool_code_id
        .ok_or(ContractError::ClPoolsNotEnabled)?;
    let fee = RequestedFee::ClTier(fee_tier);
    let oracle = authorize(deps.storage, &config, &info.sender, fee, oracle)?;
    let assets = validate::pair(deps.api, &assets)?;
    let sqrt_price = sqrt_price.map(validate::sqrt_price).transpose()?;
    let pending = PendingPool {
        assets: assets.clone(),
        terms: PoolTerms::Concentrated { fee_tier },
    };
    check_room_for(deps.storage, &pending)?;

    let (owner, admin) = pool_owner(deps.storage, &env)?;
    let msg = cl_pool::InstantiateMsg {
        assets: assets.clone(),
        fee_tier,
        protocol_fee_share_bps: config.protocol_fee_share_bps,
        fee_collector: config.fee_collector.map(|c| c.to_string()),
        owner,
        sqrt_price,
        oracle,
        collection_name: None,
        collection_symbol: None,
    };
    let label = format!(
        "trellis-cl-pool {} / {} {}",
        assets[0], assets[1], fee_tier.fee_pips
    );
    PENDING_POOL.save(deps.storage, &pending)?;
    let instantiate = WasmMsg::Instantiate {
        admin,
        code_id,
        msg: to_json_binary(&msg)?,
        funds: vec![],
        label,
    };
    let mut response = Response::new()
        .add_submessage(SubMsg::reply_on_success(
            instantiate,
            REPLY_POOL_INSTANTIATED,
        ))
        .add_attribute("action", "create_pool")
        .add_attribute("sender", info.sender)
        .add_attribute("assets", pair_label(&assets[0], &assets[1]))
        .add_attribute("kind", fee.kind().key())
        .add_attribute("fee_pips", fee_tier.fee_pips.to_string())
        .add_attribute("tick_spacing", fee_tier.tick_spacing.to_string())
        .add_attribute("oracle_capacity", oracle.capacity.to_string())
        .add_attribute(
            "oracle_min_sample_spacing",
            oracle.min_sample_spacing.to_string(),
        );
    if let Some(price) = sqrt_price {
        response = response.add_attribute("sqrt_price", price);
    }
    Ok(response)
}
