//! Swaps. The asset in is the one paid; the asset out is the other one.
use cosmwasm_std::{to_json_binary, Addr, DepsMut, Env, MessageInfo, Response, Uint128};

use crate::error::ContractError;
use crate::execute::{
    action_response, check_deadline, check_min_out, commit, pay, recipient_or, Payment,
};
use crate::outcome::swap::{self as outcome, SwapOutcome};
use crate::state::{Config, Reserves, CONFIG, POOL};

pub fn swap_exact_in_native(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    min_out: Option<Uint128>,
    recipient: Option<String>,
    deadline: Option<u64>,
) -> Result<Response, ContractError> {
    let config = CONFIG.load(deps.storage)?;
    let payment = Payment::native(&config, &info)?;
    let recipient = recipient_or(deps.api, recipient, &info.sender)?;
    swap_exact_in(deps, env, &config, payment, min_out, recipient, deadline)
}

pub fn swap_exact_out_native(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    amount_out: Uint128,
    recipient: Option<String>,
    deadline: Option<u64>,
) -> Result<Response, ContractError> {
    let config = CONFIG.load(deps.storage)?;
    let payment = Payment::native(&config, &info)?;
    let recipient = recipient_or(deps.api, recipient, &info.sender)?;
    swap_exact_out(deps, env, &config, payment, amount_out, recipient, deadline)
}

/// Sells everything paid for at least `min_out` of the other asset.
pub fn swap_exact_in(
    deps: DepsMut,
    env: Env,
    config: &Config,
    payment: Payment,
    min_out: Option<Uint128>,
    recipient: Addr,
    deadline: Option<u64>,
) -> Result<Response, ContractError> {
    check_deadline(deadline, &env)?;
    let mut pool = POOL.load(deps.storage)?;
    let swap = outcome::swap_exact_in(config, &pool.reserves, payment.asset, payment.amount)?;
    check_min_out(min_out, swap.amount_out)?;
    commit(deps.storage, &env, config, &mut pool, |r| swap.apply(r))?;
    respond(
        "swap_exact_in",
        config,
        &pool.reserves,
        &swap,
        &payment,
        &recipient,
    )
}

/// Buys exactly `amount_out` of the other asset; the payment is the most the trader will
/// spend, and what the swap does not need is refunded to the payer.
pub fn swap_exact_out(
    deps: DepsMut,
    env: Env,
    config: &Config,
    payment: Payment,
    amount_out: Uint128,
    recipient: Addr,
    deadline: Option<u64>,
) -> Result<Response, ContractError> {
    check_deadline(deadline, &env)?;
    let mut pool = POOL.load(deps.storage)?;
    let swap = outcome::swap_exact_out(config, &pool.reserves, payment.asset, amount_out)?;
    if swap.amount_in > payment.amount {
        return Err(ContractError::MaxInExceeded {
            maximum: payment.amount,
            actual: swap.amount_in,
        });
    }
    commit(deps.storage, &env, config, &mut pool, |r| swap.apply(r))?;
    let refund = payment.amount - swap.amount_in;
    let response = respond(
        "swap_exact_out",
        config,
        &pool.reserves,
        &swap,
        &payment,
        &recipient,
    )?;
    Ok(response
        .add_messages(pay(config, swap.offer, &payment.payer, refund)?)
        .add_attribute("refund", refund))
}

/// Pays the amount out and reports the swap; the response data is the `SwapResponse`, so a
/// router can read the amount out from its reply.
fn respond(
    action: &str,
    config: &Config,
    reserves: &Reserves,
    swap: &SwapOutcome,
    payment: &Payment,
    recipient: &Addr,
) -> Result<Response, ContractError> {
    let data = swap.response(config);
    Ok(action_response(action, &payment.payer, recipient, reserves)
        .add_messages(pay(config, swap.ask, recipient, swap.amount_out)?)
        .add_attribute("offer_asset", data.offer.to_string())
        .add_attribute("ask_asset", data.ask.to_string())
        .add_attribute("amount_in", swap.amount_in)
        .add_attribute("amount_out", swap.amount_out)
        .add_attribute("fee", swap.fee)
        .add_attribute("protocol_fee", swap.protocol_fee)
        .set_data(to_json_binary(&data)?))
}
