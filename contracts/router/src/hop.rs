//! One hop's submessage: send the hop's input to its pool, asking for the other asset.
use cosmwasm_std::{coins, to_json_binary, Deps, Env, SubMsg, WasmMsg};
use cw20::Cw20ExecuteMsg;
use trellis_types::weighted_pool::{ExecuteMsg as PoolExecuteMsg, ReceiveMsg as PoolReceiveMsg};
use trellis_types::AssetInfo;

use crate::chain::balance;
use crate::error::ContractError;
use crate::state::RouteInFlight;

/// Reply id of every hop; the hop under way is `RouteInFlight::current`.
pub const REPLY_HOP: u64 = 1;

/// The submessage of the hop under way. For a cw20 offer it also records the receiver's ask
/// balance in `flight`, to measure the hop's output in the reply (see `swap_outcome`).
pub fn hop_submsg(
    deps: Deps,
    env: &Env,
    flight: &mut RouteInFlight,
) -> Result<SubMsg, ContractError> {
    let index = flight.current();
    let hop = flight.hops[index].clone();
    let amount = flight.input_of(index);
    let receiver = flight.receiver_of(index, &env.contract.address);
    // The pool checks the deadline again; the router checks only `min_out`, at the end.
    let (min_out, recipient, deadline) = (None, Some(receiver.to_string()), flight.deadline);
    let msg = match &hop.offer {
        AssetInfo::Native { denom } => {
            flight.ask_balance_before = None;
            WasmMsg::Execute {
                contract_addr: hop.pool.to_string(),
                msg: to_json_binary(&PoolExecuteMsg::SwapExactIn {
                    min_out,
                    recipient,
                    deadline,
                })?,
                funds: coins(amount.u128(), denom),
            }
        }
        AssetInfo::Cw20 { contract_addr } => {
            flight.ask_balance_before = Some(balance(&deps.querier, &hop.ask, &receiver)?);
            WasmMsg::Execute {
                contract_addr: contract_addr.clone(),
                msg: to_json_binary(&Cw20ExecuteMsg::Send {
                    contract: hop.pool.to_string(),
                    amount,
                    msg: to_json_binary(&PoolReceiveMsg::SwapExactIn {
                        min_out,
                        recipient,
                        deadline,
                    })?,
                })?,
                funds: vec![],
            }
        }
    };
    Ok(SubMsg::reply_on_success(msg, REPLY_HOP))
}
