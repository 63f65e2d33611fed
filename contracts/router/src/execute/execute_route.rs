//! Starting a route: with a native coin attached (`ExecuteRoute`) or a cw20 sent through the
//! hook (`Receive`). Both check everything, store the route in flight and send hop 0.
use cosmwasm_std::{from_json, Addr, DepsMut, Env, MessageInfo, Response, Uint128};
use cw20::Cw20ReceiveMsg;
use trellis_types::router::{Hop, ReceiveMsg};
use trellis_types::{Asset, AssetInfo};

use crate::error::ContractError;
use crate::hop::hop_submsg;
use crate::route::{validate_address, validate_route};
use crate::state::{RouteInFlight, CONFIG, ROUTE_IN_FLIGHT};

/// A route request, whichever way the offer arrived.
pub struct RouteRequest {
    pub sender: Addr,
    pub offer: Asset,
    pub route: Vec<Hop>,
    pub min_out: Uint128,
    pub recipient: Option<String>,
    pub deadline: Option<u64>,
}

/// `ExecuteRoute`: exactly one native coin, the offer of hop 0.
pub fn execute_route_native(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    route: Vec<Hop>,
    min_out: Uint128,
    recipient: Option<String>,
    deadline: Option<u64>,
) -> Result<Response, ContractError> {
    let coin = cw_utils::one_coin(&info)?;
    let request = RouteRequest {
        sender: info.sender,
        offer: Asset {
            info: AssetInfo::native(coin.denom),
            amount: coin.amount,
        },
        route,
        min_out,
        recipient,
        deadline,
    };
    start_route(deps, env, request)
}

/// cw20 hook: the token that called is the offer of hop 0; `wrapper.sender` is the trader.
pub fn receive_cw20(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    wrapper: Cw20ReceiveMsg,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let ReceiveMsg::ExecuteRoute {
        route,
        min_out,
        recipient,
        deadline,
    } = from_json(&wrapper.msg)?;
    let request = RouteRequest {
        sender: validate_address(deps.api, "sender", &wrapper.sender)?,
        offer: Asset {
            info: AssetInfo::cw20(info.sender.to_string()),
            amount: wrapper.amount,
        },
        route,
        min_out,
        recipient,
        deadline,
    };
    start_route(deps, env, request)
}

fn start_route(deps: DepsMut, env: Env, request: RouteRequest) -> Result<Response, ContractError> {
    if ROUTE_IN_FLIGHT.exists(deps.storage) {
        return Err(ContractError::RouteInProgress);
    }
    if request.offer.amount.is_zero() {
        return Err(ContractError::ZeroAmount);
    }
    if request.min_out.is_zero() {
        return Err(ContractError::ZeroMinOut);
    }
    let now = env.block.time.seconds();
    if let Some(deadline) = request.deadline {
        if deadline < now {
            return Err(ContractError::DeadlineExpired { deadline, now });
        }
    }
    let recipient = match request.recipient {
        Some(r) => validate_address(deps.api, "recipient", &r)?,
        None => request.sender.clone(),
    };
    if recipient == env.contract.address {
        return Err(ContractError::RouterAsRecipient);
    }
    let config = CONFIG.load(deps.storage)?;
    let hops = validate_route(
        deps.as_ref(),
        &config.factory,
        &request.offer.info,
        &request.route,
    )?;

    let mut flight = RouteInFlight {
        hops,
        amount_in: request.offer.amount,
        amounts_out: Vec::with_capacity(request.route.len()),
        recipient,
        min_out: request.min_out,
        deadline: request.deadline,
        ask_balance_before: None,
        offer_balance_before: None,
    };
    let first = hop_submsg(deps.as_ref(), &env, &mut flight)?;
    ROUTE_IN_FLIGHT.save(deps.storage, &flight)?;

    let final_ask = &flight.hops[flight.hops.len() - 1].ask;
    let pools: Vec<&str> = flight.hops.iter().map(|h| h.pool.as_str()).collect();
    Ok(Response::new()
        .add_submessage(first)
        .add_attribute("action", "execute_route")
        .add_attribute("sender", request.sender.as_str())
        .add_attribute("recipient", flight.recipient.as_str())
        .add_attribute("offer_asset", request.offer.info.to_string())
        .add_attribute("ask_asset", final_ask.to_string())
        .add_attribute("amount_in", request.offer.amount)
        .add_attribute("min_out", request.min_out)
        .add_attribute("hops", flight.hops.len().to_string())
        .add_attribute("route", pools.join(",")))
}
