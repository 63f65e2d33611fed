//! The reply to a hop: record its output, then send the next hop or finish the route.
use cosmwasm_std::{DepsMut, Env, Reply, Response, StdError, Uint128};

use crate::error::ContractError;
use crate::hop::{hop_submsg, REPLY_HOP};
use crate::state::ROUTE_IN_FLIGHT;
use crate::swap_outcome::amount_out;

pub fn reply(deps: DepsMut, env: Env, reply: Reply) -> Result<Response, ContractError> {
    match reply.id {
        REPLY_HOP => hop_done(deps, env, reply),
        id => Err(ContractError::UnknownReplyId { id }),
    }
}

fn hop_done(deps: DepsMut, env: Env, reply: Reply) -> Result<Response, ContractError> {
    let mut flight = ROUTE_IN_FLIGHT
        .may_load(deps.storage)?
        .ok_or(ContractError::NoRouteInFlight)?;
    // Hops are sent with reply_on_success: a failed hop fails the transaction before this.
    let response = reply.result.into_result().map_err(StdError::generic_err)?;
    let index = flight.current();
    let hop = flight.hops[index].clone();
    let receiver = flight.receiver_of(index, &env.contract.address);
    let router = &env.contract.address;
    let out = amount_out(&deps.querier, &flight, &hop, router, &receiver, &response)?;
    flight.amounts_out.push(out);

    let res = Response::new()
        .add_attribute("action", "route_hop")
        .add_attribute("hop", index.to_string())
        .add_attribute("pool", hop.pool.as_str())
        .add_attribute("offer_asset", hop.offer.to_string())
        .add_attribute("ask_asset", hop.ask.to_string())
        .add_attribute("amount_in", flight.input_of(index))
        .add_attribute("amount_out", out);

    if flight.is_last(index) {
        ROUTE_IN_FLIGHT.remove(deps.storage);
        // Failing here reverts every hop of the route.
        if out < flight.min_out {
            return Err(ContractError::SlippageExceeded {
                minimum: flight.min_out,
                actual: out,
            });
        }
        return Ok(res
            .add_attribute("route_amount_in", flight.amount_in)
            .add_attribute("route_amount_out", out)
            .add_attribute("recipient", flight.recipient.as_str()));
    }
    // Nothing to swap on: the route pays zero, which is below any `min_out` (at least 1).
    if out.is_zero() {
        return Err(ContractError::SlippageExceeded {
            minimum: flight.min_out,
            actual: Uint128::zero(),
        });
    }
    let next = hop_submsg(deps.as_ref(), &env, &mut flight)?;
    ROUTE_IN_FLIGHT.save(deps.storage, &flight)?;
    Ok(res.add_submessage(next))
}
