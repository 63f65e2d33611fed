//! Owner actions: fee settings, the farming center and two-step ownership.
use cosmwasm_std::{DepsMut, Env, MessageInfo, Response};

use crate::error::ContractError;
use crate::limits::MAX_PROTOCOL_FEE_SHARE_BPS;
use crate::state::{CONFIG, FARMING};

pub fn check_protocol_fee_share(share_bps: u16) -> Result<(), ContractError> {
    if share_bps > MAX_PROTOCOL_FEE_SHARE_BPS {
        return Err(ContractError::ProtocolFeeShareTooHigh {
            share_bps,
            max: MAX_PROTOCOL_FEE_SHARE_BPS,
        });
    }
    Ok(())
}

/// Changes the collector and/or the protocol share; `None` keeps the current value.
pub fn update_fee_config(
    deps: DepsMut,
    info: MessageInfo,
    fee_collector: Option<String>,
    protocol_fee_share_bps: Option<u16>,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    cw_ownable::assert_owner(deps.storage, &info.sender)?;
    let mut config = CONFIG.load(deps.storage)?;
    if let Some(collector) = fee_collector {
        config.fee_collector = Some(deps.api.addr_validate(&collector)?);
    }
    if let Some(share_bps) = protocol_fee_share_bps {
        check_protocol_fee_share(share_bps)?;
        config.protocol_fee_share_bps = share_bps;
    }
    CONFIG.save(deps.storage, &config)?;
    let collector = config
        .fee_collector
        .map(|a| a.to_string())
        .unwrap_or_default();
    Ok(Response::new()
        .add_attribute("action", "update_fee_config")
        .add_attribute("sender", info.sender)
        .add_attribute("fee_collector", collector)
        .add_attribute(
            "protocol_fee_share_bps",
            config.protocol_fee_share_bps.to_string(),
        ))
}

/// Registers or removes the farming center. Setting one (even the same) clears a broken link:
/// the owner has checked the center is in sync again.
pub fn set_farming_center(
    deps: DepsMut,
    info: MessageInfo,
    farming_center: Option<String>,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    cw_ownable::assert_owner(deps.storage, &info.sender)?;
    let center = farming_center
        .map(|c| deps.api.addr_validate(&c))
        .transpose()?;
    let mut farming = FARMING.load(deps.storage)?;
    let was_broken = farming.link_broken;
    farming.center = center.clone();
    farming.link_broken = false;
    FARMING.save(deps.storage, &farming)?;
    Ok(Response::new()
        .add_attribute("action", "set_farming_center")
        .add_attribute("sender", info.sender)
        .add_attribute(
            "farming_center",
            center.map(|c| c.to_string()).unwrap_or_default(),
        )
        .add_attribute("repaired_broken_link", was_broken.to_string()))
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
