//! `CreatePool` (weighted): pass the creation gate (`crate::creation_gate`), validate (decimals
//! against cw20 `TokenInfo` too: `crate::decimals`), refuse
//! duplicates, instantiate the pool as a submessage. The reply (`crate::reply`) records it.
use cosmwasm_std::{to_json_binary, DepsMut, Env, MessageInfo, Response, SubMsg, WasmMsg};
use trellis_types::weighted_pool::{self, OracleConfig, WeightedAssetInfo};

use crate::creation_gate::{authorize, RequestedFee};
use crate::decimals;
use crate::error::ContractError;
use crate::execute::new_pool::{check_room_for, pool_owner, REPLY_POOL_INSTANTIATED};
use crate::state::{pair_label, PendingPool, PoolTerms, CONFIG, PENDING_POOL};
use crate::validate;

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
    let fee = RequestedFee::Bps(swap_fee_bps);
    let oracle = authorize(deps.storage, &config, &info.sender, fee, oracle)?;
    let assets = validate::weighted_assets(deps.api, &assets)?;
    decimals::check_against_tokens(deps.as_ref(), &assets)?;
    let pending = PendingPool {
        assets: assets.clone().map(|a| a.info),
        terms: PoolTerms::Weighted {
            weights: assets.clone().map(|a| a.weight),
            swap_fee_bps,
        },
    };
    check_room_for(deps.storage, &pending)?;

    let (owner, admin) = pool_owner(deps.storage, &env)?;
    let msg = weighted_pool::InstantiateMsg {
        assets: assets.clone(),
        swap_fee_bps,
        protocol_fee_share_bps: config.protocol_fee_share_bps,
        fee_collector: config.fee_collector.map(|c| c.to_string()),
        owner,
        lp_token_code_id: config.lp_token_code_id,
        lp_token_name: None,
        lp_token_symbol: None,
        oracle,
    };
    let label = format!(
        "trellis-weighted-pool {} {} / {} {}",
        assets[0].info, assets[0].weight, assets[1].info, assets[1].weight
    );
    PENDING_POOL.save(deps.storage, &pending)?;
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
        .add_attribute("kind", fee.kind().key())
        .add_attribute("swap_fee_bps", swap_fee_bps.to_string())
        .add_attribute("oracle_capacity", oracle.capacity.to_string())
        .add_attribute(
            "oracle_min_sample_spacing",
            oracle.min_sample_spacing.to_string(),
        ))
}
