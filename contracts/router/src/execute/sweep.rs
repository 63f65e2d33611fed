//! Owner-only recovery of strays. A route pays its recipient in the same transaction and
//! intermediate hops spend exactly what the previous one paid, so between messages the router
//! holds nothing of its own: any balance is a mistaken transfer, and all of it is swept.
use cosmwasm_std::{DepsMut, Env, MessageInfo, Response};
use trellis_types::AssetInfo;

use crate::chain::balance;
use crate::error::ContractError;
use crate::route::{validate_address, validate_asset};
use crate::state::ROUTE_IN_FLIGHT;

pub fn sweep(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    asset: AssetInfo,
    recipient: String,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    cw_ownable::assert_owner(deps.storage, &info.sender)?;
    // Mid-route the router does hold a hop's output: never sweep it.
    if ROUTE_IN_FLIGHT.exists(deps.storage) {
        return Err(ContractError::RouteInProgress);
    }
    let asset = validate_asset(deps.api, &asset)?;
    let recipient = validate_address(deps.api, "recipient", &recipient)?;
    let amount = balance(&deps.querier, &asset, &env.contract.address)?;
    if amount.is_zero() {
        return Err(ContractError::NothingToSweep {
            asset: asset.to_string(),
        });
    }
    Ok(Response::new()
        .add_message(asset.transfer_msg(&recipient, amount)?)
        .add_attribute("action", "sweep")
        .add_attribute("asset", asset.to_string())
        .add_attribute("amount", amount)
        .add_attribute("recipient", recipient))
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
