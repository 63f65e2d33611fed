//! A finished hop's amount out.
//!
//! Native offer: the router called the pool, whose response data is its kind's
//! `SwapResponse` as JSON (both kinds name the output `amount_out`). It reaches the reply wrapped in a protobuf
//! `MsgExecuteContractResponse`, in `msg_responses` on CosmWasm 2 chains (and cw-multi-test
//! 2.5), in the deprecated `data` on older ones.
//!
//! cw20 offer: the router called the token, which called the pool in a plain message whose
//! data nobody forwards, so the output is the receiver's ask balance now minus the balance
//! recorded before the hop. Nothing else moves that balance in between: the hop's submessage
//! is the only thing that runs.
use cosmwasm_std::{from_json, Addr, Binary, QuerierWrapper, SubMsgResponse, Uint128};
use cw_utils::parse_execute_response_data;
use serde::Deserialize;

use crate::chain::balance;
use crate::error::ContractError;
use crate::state::{RouteHop, RouteInFlight};

const EXECUTE_RESPONSE_TYPE: &str = "/cosmwasm.wasm.v1.MsgExecuteContractResponse";

/// The part of either kind's `SwapResponse` the router reads (other fields are ignored).
#[derive(Deserialize)]
struct SwapOutput {
    amount_out: Uint128,
}

/// The hop's output, after refusing a concentrated hop that refunded part of its input.
pub fn amount_out(
    querier: &QuerierWrapper,
    flight: &RouteInFlight,
    hop: &RouteHop,
    router: &Addr,
    receiver: &Addr,
    response: &SubMsgResponse,
) -> Result<Uint128, ContractError> {
    if let Some(before) = flight.offer_balance_before {
        let input = flight.input_of(flight.current());
        let now = balance(querier, &hop.offer, router)?;
        if now > before.saturating_sub(input) {
            return Err(ContractError::PartialFill {
                hop: flight.current(),
                pool: hop.pool.to_string(),
            });
        }
    }
    match flight.ask_balance_before {
        Some(before) => {
            let now = balance(querier, &hop.ask, receiver)?;
            Ok(now
                .checked_sub(before)
                .map_err(cosmwasm_std::StdError::from)?)
        }
        None => swap_response(response)
            .map(|swap| swap.amount_out)
            .ok_or_else(|| ContractError::MissingSwapResponse {
                hop: flight.current(),
                pool: hop.pool.to_string(),
            }),
    }
}

/// The pool's `SwapResponse`, if the reply carries one.
fn swap_response(response: &SubMsgResponse) -> Option<SwapOutput> {
    let wrapped = execute_response_bytes(response)?;
    let inner = parse_execute_response_data(wrapped.as_slice()).ok()?.data?;
    from_json(&inner).ok()
}

fn execute_response_bytes(response: &SubMsgResponse) -> Option<Binary> {
    let from_msg_responses = response
        .msg_responses
        .iter()
        .find(|r| r.type_url == EXECUTE_RESPONSE_TYPE)
        .map(|r| r.value.clone());
    #[allow(deprecated)]
    let from_data = response.data.clone();
    from_msg_responses.or(from_data)
}
