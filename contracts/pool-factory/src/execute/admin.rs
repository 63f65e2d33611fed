//! Owner-only messages: settings for future pools, fee tiers, and ownership.
use cosmwasm_std::{DepsMut, Env, MessageInfo, Response};
use trellis_types::cl_pool::FeeTier;
use trellis_types::factory::PoolKind;
use trellis_types::weighted_pool::OracleConfig;

use crate::error::ContractError;
use crate::fee_tiers::{cl_tiers, cl_tiers_label, tiers, validate_cl_tiers, validate_tiers};
use crate::state::{CL_FEE_TIERS, CONFIG, FEE_TIERS};
use crate::validate;

/// The optional fields of `UpdateConfig`; `None` leaves a setting as it is.
pub struct ConfigUpdate {
    pub pool_code_id: Option<u64>,
    pub lp_token_code_id: Option<u64>,
    pub fee_collector: Option<String>,
    pub protocol_fee_share_bps: Option<u16>,
    pub default_oracle: Option<OracleConfig>,
    pub permissionless_creation: Option<bool>,
    pub cl_pool_code_id: Option<u64>,
}

pub fn update_ownership(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    action: cw_ownable::Action,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let ownership = cw_ownable::update_ownership(deps, &env.block, &info.sender, action)?;
    Ok(Response::new()
        .add_attribute("action", "update_ownership")
        .add_attributes(ownership.into_attributes()))
}

/// Validates every given field before writing any, so a bad field changes nothing.
pub fn update_config(
    deps: DepsMut,
    info: MessageInfo,
    update: ConfigUpdate,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    cw_ownable::assert_owner(deps.storage, &info.sender)?;
    let mut config = CONFIG.load(deps.storage)?;
    let mut response = Response::new().add_attribute("action", "update_config");
    if let Some(id) = update.pool_code_id {
        config.pool_code_id = validate::code_id("pool_code_id", id)?;
        response = response.add_attribute("pool_code_id", id.to_string());
    }
    if let Some(id) = update.lp_token_code_id {
        config.lp_token_code_id = validate::code_id("lp_token_code_id", id)?;
        response = response.add_attribute("lp_token_code_id", id.to_string());
    }
    if let Some(id) = update.cl_pool_code_id {
        config.cl_pool_code_id = Some(validate::code_id("cl_pool_code_id", id)?);
        response = response.add_attribute("cl_pool_code_id", id.to_string());
    }
    if let Some(collector) = update.fee_collector {
        let collector = validate::address(deps.api, "fee_collector", &collector)?;
        response = response.add_attribute("fee_collector", collector.as_str());
        config.fee_collector = Some(collector);
    }
    if let Some(share) = update.protocol_fee_share_bps {
        config.protocol_fee_share_bps = validate::protocol_fee_share(share)?;
        response = response.add_attribute("protocol_fee_share_bps", share.to_string());
    }
    if let Some(oracle) = update.default_oracle {
        config.default_oracle = validate::oracle(oracle)?;
        response = response
            .add_attribute("oracle_capacity", oracle.capacity.to_string())
            .add_attribute(
                "oracle_min_sample_spacing",
                oracle.min_sample_spacing.to_string(),
            );
    }
    if let Some(open) = update.permissionless_creation {
        response = response
            .add_attribute(
                "old_permissionless_creation",
                config.permissionless_creation.to_string(),
            )
            .add_attribute("permissionless_creation", open.to_string());
        config.permissionless_creation = open;
    }
    CONFIG.save(deps.storage, &config)?;
    Ok(response)
}

/// Replaces the fee tiers of `kind` (validated first: a bad list changes nothing).
pub fn set_fee_tiers(
    deps: DepsMut,
    info: MessageInfo,
    kind: PoolKind,
    fee_tiers_bps: Vec<u16>,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    cw_ownable::assert_owner(deps.storage, &info.sender)?;
    if kind != PoolKind::Weighted {
        return Err(ContractError::WrongFeeTierMessage { kind: kind.key() });
    }
    let new = validate_tiers(&fee_tiers_bps)?;
    let old = tiers(deps.storage, kind)?;
    FEE_TIERS.save(deps.storage, kind.key(), &new)?;
    let list = |t: &[u16]| t.iter().map(u16::to_string).collect::<Vec<_>>().join(",");
    Ok(Response::new()
        .add_attribute("action", "set_fee_tiers")
        .add_attribute("kind", kind.key())
        .add_attribute("old_fee_tiers_bps", list(&old))
        .add_attribute("fee_tiers_bps", list(&new)))
}

/// Replaces the concentrated pools' tiers (validated first: a bad list changes nothing).
/// Existing pools keep their fee and spacing.
pub fn set_cl_fee_tiers(
    deps: DepsMut,
    info: MessageInfo,
    fee_tiers: Vec<FeeTier>,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    cw_ownable::assert_owner(deps.storage, &info.sender)?;
    let new = validate_cl_tiers(&fee_tiers)?;
    let old = cl_tiers(deps.storage)?;
    CL_FEE_TIERS.save(deps.storage, &new)?;
    Ok(Response::new()
        .add_attribute("action", "set_fee_tiers")
        .add_attribute("kind", PoolKind::Concentrated.key())
        .add_attribute("old_fee_tiers", cl_tiers_label(&old))
        .add_attribute("fee_tiers", cl_tiers_label(&new)))
}
