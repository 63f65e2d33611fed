//! Owner-only settings. Each change is an event attribute with the old and new value.
use cosmwasm_std::{Decimal, DepsMut, Env, MessageInfo, Response};
use trellis_types::options_token::OracleConfig;

use crate::error::ContractError;
use crate::execute::{check_min_price, check_multiplier, validate_oracle};
use crate::state::CONFIG;

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

pub fn update_config(
    deps: DepsMut,
    info: MessageInfo,
    multiplier_bps: Option<u32>,
    oracle: Option<OracleConfig>,
    min_price: Option<Decimal>,
    treasury: Option<String>,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    cw_ownable::assert_owner(deps.storage, &info.sender)?;
    if multiplier_bps.is_none() && oracle.is_none() && min_price.is_none() && treasury.is_none() {
        return Err(ContractError::NothingToUpdate);
    }
    let mut config = CONFIG.load(deps.storage)?;
    let mut response = Response::new().add_attribute("action", "update_config");
    if let Some(m) = multiplier_bps {
        check_multiplier(m)?;
        response = response
            .add_attribute("old_multiplier_bps", config.multiplier_bps.to_string())
            .add_attribute("multiplier_bps", m.to_string());
        config.multiplier_bps = m;
    }
    if let Some(o) = oracle {
        let o = validate_oracle(deps.as_ref(), o, &config.underlying, &config.payment)?;
        response = response
            .add_attribute("oracle_pool", o.pool.to_string())
            .add_attribute("oracle_window_secs", o.window_secs.to_string())
            .add_attribute("oracle_ago_secs", o.ago_secs.to_string());
        config.oracle = o;
    }
    if let Some(p) = min_price {
        check_min_price(p)?;
        response = response
            .add_attribute("old_min_price", config.min_price.to_string())
            .add_attribute("min_price", p.to_string());
        config.min_price = p;
    }
    if let Some(t) = treasury {
        let t = deps.api.addr_validate(&t)?;
        response = response
            .add_attribute("old_treasury", config.treasury.to_string())
            .add_attribute("treasury", t.to_string());
        config.treasury = t;
    }
    CONFIG.save(deps.storage, &config)?;
    Ok(response)
}
