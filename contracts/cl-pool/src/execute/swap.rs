//! Swaps. The asset paid decides the direction: token0 in moves the price down.
use cosmwasm_std::{to_json_binary, Addr, DepsMut, Env, MessageInfo, Response, Uint128, Uint256};
use trellis_math::cl::SwapAmount;
use trellis_types::cl_pool::SwapResponse;

use crate::error::ContractError;
use crate::execute::{check_deadline, load_pool, pay, recipient_or, Payment};
use crate::hook::crossing_hook;
use crate::oracle;
use crate::state::{Config, CONFIG, POOL};
use crate::swap_engine::{compute, SwapOutcome, SwapRequest};

/// What a swap asks for besides the payment.
#[derive(Clone, Debug)]
pub struct SwapOrder {
    /// `None`: exact in. `Some(x)`: exactly `x` out (at most; see partial fills).
    pub amount_out: Option<Uint128>,
    pub sqrt_price_limit: Option<Uint256>,
    pub min_out: Option<Uint128>,
    pub recipient: Addr,
    pub deadline: Option<u64>,
}

#[allow(clippy::too_many_arguments)]
pub fn swap_native(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    amount_out: Option<Uint128>,
    sqrt_price_limit: Option<Uint256>,
    min_out: Option<Uint128>,
    recipient: Option<String>,
    deadline: Option<u64>,
) -> Result<Response, ContractError> {
    let config = CONFIG.load(deps.storage)?;
    let payment = Payment::native(&config, &info)?;
    let recipient = recipient_or(deps.api, recipient, &info.sender)?;
    let order = SwapOrder {
        amount_out,
        sqrt_price_limit,
        min_out,
        recipient,
        deadline,
    };
    swap(deps, env, &config, payment, order)
}

/// The request a payment and order make.
pub fn request(payment_asset: usize, amount_in: Uint128, order: &SwapOrder) -> SwapRequest {
    SwapRequest {
        zero_for_one: payment_asset == 0,
        amount: match order.amount_out {
            None => SwapAmount::ExactIn(amount_in.into()),
            Some(out) => SwapAmount::ExactOut(out.into()),
        },
        sqrt_price_limit: order.sqrt_price_limit,
    }
}

/// The answer a swap gives (and the simulations return).
pub fn response_data(config: &Config, outcome: &SwapOutcome) -> SwapResponse {
    let (offer, ask) = if outcome.zero_for_one { (0, 1) } else { (1, 0) };
    SwapResponse {
        offer: config.assets[offer].clone(),
        ask: config.assets[ask].clone(),
        amount_in: outcome.amount_in,
        amount_out: outcome.amount_out,
        fee: outcome.fee,
        protocol_fee: outcome.protocol_fee,
        sqrt_price_after: outcome.pool.sqrt_price,
        tick_after: outcome.pool.tick,
        ticks_crossed: outcome.ticks_crossed(),
        partial_fill: outcome.partial_fill,
    }
}

pub fn swap(
    deps: DepsMut,
    env: Env,
    config: &Config,
    payment: Payment,
    order: SwapOrder,
) -> Result<Response, ContractError> {
    check_deadline(order.deadline, &env)?;
    let mut before = load_pool(deps.storage)?;
    let mut outcome = compute(
        deps.storage,
        config,
        &before,
        request(payment.asset, payment.amount, &order),
    )?;
    if outcome.amount_in > payment.amount {
        return Err(ContractError::MaxInExceeded {
            maximum: payment.amount,
            actual: outcome.amount_in,
        });
    }
    if outcome.amount_out.is_zero() && !outcome.amount_in.is_zero() {
        return Err(ContractError::NothingOut {
            amount_in: outcome.amount_in,
        });
    }
    if let Some(minimum) = order.min_out {
        if outcome.amount_out < minimum {
            return Err(ContractError::SlippageExceeded {
                minimum,
                actual: outcome.amount_out,
            });
        }
    }

    let now = env.block.time.seconds();
    if outcome.pool.tick != before.tick {
        // The tick that held since the newest observation is the one before the swap.
        oracle::record(deps.storage, config, &mut before, now)?;
        outcome.pool.oracle = before.oracle;
        outcome.pool.newest = before.newest;
    }
    outcome.save_ticks(deps.storage)?;
    POOL.save(deps.storage, &outcome.pool)?;

    let ask = 1 - payment.asset;
    let refund = payment.amount - outcome.amount_in;
    let data = response_data(config, &outcome);
    let mut response = Response::new()
        .add_attribute(
            "action",
            if order.amount_out.is_some() {
                "swap_exact_out"
            } else {
                "swap_exact_in"
            },
        )
        .add_attribute("sender", payment.payer.as_str())
        .add_attribute("recipient", order.recipient.as_str())
        .add_attribute("offer_asset", data.offer.to_string())
        .add_attribute("ask_asset", data.ask.to_string())
        .add_attribute("amount_in", outcome.amount_in)
        .add_attribute("amount_out", outcome.amount_out)
        .add_attribute("fee", outcome.fee)
        .add_attribute("protocol_fee", outcome.protocol_fee)
        .add_attribute("refund", refund)
        .add_attribute("sqrt_price", outcome.pool.sqrt_price)
        .add_attribute("tick", outcome.pool.tick.to_string())
        .add_attribute("liquidity", outcome.pool.liquidity.to_string())
        .add_attribute("ticks_crossed", outcome.ticks_crossed().to_string())
        .add_attribute("partial_fill", outcome.partial_fill.to_string())
        .add_attribute("tick_bound_reached", outcome.tick_bound_reached.to_string())
        .add_messages(pay(config, ask, &order.recipient, outcome.amount_out)?)
        .add_messages(pay(config, payment.asset, &payment.payer, refund)?)
        .set_data(to_json_binary(&data)?);
    if let Some(hook) = crossing_hook(
        deps.storage,
        &outcome.marked_crossed,
        outcome.zero_for_one,
        outcome.pool.tick,
        now,
    )? {
        response = response
            .add_attribute(
                "farming_ticks_crossed",
                outcome.marked_crossed.len().to_string(),
            )
            .add_submessage(hook);
    }
    Ok(response)
}
