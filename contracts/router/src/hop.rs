//! One hop's submessage: send the hop's input to its pool, asking for the other asset, in
//! the pool kind's own swap message.
use cosmwasm_std::{coins, to_json_binary, Binary, Deps, Env, StdResult, SubMsg, WasmMsg};
use cw20::Cw20ExecuteMsg;
use trellis_types::cl_pool::{ExecuteMsg as ClExecuteMsg, ReceiveMsg as ClReceiveMsg};
use trellis_types::factory::PoolKind;
use trellis_types::weighted_pool::{ExecuteMsg as PoolExecuteMsg, ReceiveMsg as PoolReceiveMsg};
use trellis_types::AssetInfo;

use crate::chain::balance;
use crate::error::ContractError;
use crate::state::RouteInFlight;

/// Reply id of every hop; the hop under way is `RouteInFlight::current`.
pub const REPLY_HOP: u64 = 1;

/// The submessage of the hop under way. For a cw20 offer it also records the receiver's ask
/// balance in `flight`, to measure the hop's output in the reply (see `swap_outcome`); for a
/// concentrated pool, the router's offer balance, to see a refund.
pub fn hop_submsg(
    deps: Deps,
    env: &Env,
    flight: &mut RouteInFlight,
) -> Result<SubMsg, ContractError> {
    let index = flight.current();
    let hop = flight.hops[index].clone();
    let amount = flight.input_of(index);
    let receiver = flight.receiver_of(index, &env.contract.address);
    flight.offer_balance_before = match hop.kind {
        PoolKind::Weighted => None,
        PoolKind::Concentrated => Some(balance(&deps.querier, &hop.offer, &env.contract.address)?),
    };
    // The pool checks the deadline again; the router checks only `min_out`, at the end.
    let swap = SwapArgs {
        recipient: Some(receiver.to_string()),
        deadline: flight.deadline,
    };
    let msg = match &hop.offer {
        AssetInfo::Native { denom } => {
            flight.ask_balance_before = None;
            WasmMsg::Execute {
                contract_addr: hop.pool.to_string(),
                msg: swap.execute_msg(hop.kind)?,
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
                    msg: swap.receive_msg(hop.kind)?,
                })?,
                funds: vec![],
            }
        }
    };
    Ok(SubMsg::reply_on_success(msg, REPLY_HOP))
}

/// An exact-in swap with no minimum (the route's `min_out` is checked at its end) and, for a
/// concentrated pool, no price limit (a stop short of the input is refused in the reply).
struct SwapArgs {
    recipient: Option<String>,
    deadline: Option<u64>,
}

impl SwapArgs {
    fn execute_msg(&self, kind: PoolKind) -> StdResult<Binary> {
        let (recipient, deadline) = (self.recipient.clone(), self.deadline);
        match kind {
            PoolKind::Weighted => to_json_binary(&PoolExecuteMsg::SwapExactIn {
                min_out: None,
                recipient,
                deadline,
            }),
            PoolKind::Concentrated => to_json_binary(&ClExecuteMsg::SwapExactIn {
                sqrt_price_limit: None,
                min_out: None,
                recipient,
                deadline,
            }),
        }
    }

    fn receive_msg(&self, kind: PoolKind) -> StdResult<Binary> {
        let (recipient, deadline) = (self.recipient.clone(), self.deadline);
        match kind {
            PoolKind::Weighted => to_json_binary(&PoolReceiveMsg::SwapExactIn {
                min_out: None,
                recipient,
                deadline,
            }),
            PoolKind::Concentrated => to_json_binary(&ClReceiveMsg::SwapExactIn {
                sqrt_price_limit: None,
                min_out: None,
                recipient,
                deadline,
            }),
        }
    }
}
