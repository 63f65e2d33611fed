//! Joins: proportional (both assets; the first join sets the price) and single-asset.
use cosmwasm_std::{
    to_json_binary, Addr, Coin, CosmosMsg, DepsMut, Env, MessageInfo, Response, Uint128, WasmMsg,
};
use cw20::Cw20ExecuteMsg;
use trellis_types::AssetInfo;

use crate::error::ContractError;
use crate::execute::{
    action_response, check_deadline, check_min_out, commit, lp_mint, pay, recipient_or, Payment,
};
use crate::outcome::join::{self as outcome, JoinOutcome};
use crate::state::{Config, Reserves, CONFIG, LP_TOKEN, POOL};

/// Native assets must be attached exactly as declared in `max_amounts`, and nothing else:
/// the refund is computed from the declaration, so a mismatch would lose or invent coins.
fn check_join_funds(
    config: &Config,
    max_amounts: &[Uint128; 2],
    funds: &[Coin],
) -> Result<(), ContractError> {
    for coin in funds.iter().filter(|c| !c.amount.is_zero()) {
        if config
            .index_of(&AssetInfo::native(coin.denom.clone()))
            .is_none()
        {
            return Err(ContractError::UnexpectedFunds {
                denom: coin.denom.clone(),
            });
        }
    }
    for (i, asset) in config.assets.iter().enumerate() {
        if let AssetInfo::Native { denom } = asset {
            let got: Uint128 = funds
                .iter()
                .filter(|c| &c.denom == denom)
                .map(|c| c.amount)
                .sum();
            if got != max_amounts[i] {
                return Err(ContractError::FundsMismatch {
                    denom: denom.clone(),
                    expected: max_amounts[i],
                    got,
                });
            }
        }
    }
    Ok(())
}

/// Pulls the cw20 parts with `TransferFrom` (exactly what the join takes) and refunds the
/// native parts it does not take.
fn settle_join_assets(
    config: &Config,
    pool: &Addr,
    joiner: &Addr,
    max_amounts: &[Uint128; 2],
    amounts_in: &[Uint128; 2],
) -> Result<Vec<CosmosMsg>, ContractError> {
    let mut msgs = vec![];
    for (i, asset) in config.assets.iter().enumerate() {
        match asset {
            AssetInfo::Cw20 { contract_addr } if !amounts_in[i].is_zero() => {
                msgs.push(
                    WasmMsg::Execute {
                        contract_addr: contract_addr.clone(),
                        msg: to_json_binary(&Cw20ExecuteMsg::TransferFrom {
                            owner: joiner.to_string(),
                            recipient: pool.to_string(),
                            amount: amounts_in[i],
                        })?,
                        funds: vec![],
                    }
                    .into(),
                );
            }
            AssetInfo::Native { .. } => {
                // join_proportional never takes more than the maximum; checked anyway.
                let unused = max_amounts[i]
                    .checked_sub(amounts_in[i])
                    .map_err(|_| ContractError::Overflow("join took more than the maximum"))?;
                msgs.extend(pay(config, i, joiner, unused)?);
            }
            AssetInfo::Cw20 { .. } => {}
        }
    }
    Ok(msgs)
}

pub fn join(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    max_amounts: [Uint128; 2],
    min_lp_out: Option<Uint128>,
    recipient: Option<String>,
    deadline: Option<u64>,
) -> Result<Response, ContractError> {
    check_deadline(deadline, &env)?;
    let config = CONFIG.load(deps.storage)?;
    let mut pool = POOL.load(deps.storage)?;
    check_join_funds(&config, &max_amounts, &info.funds)?;
    let recipient = recipient_or(deps.api, recipient, &info.sender)?;
    let joined = outcome::join(&config, &pool.reserves, max_amounts)?;
    check_min_out(min_lp_out, joined.lp_out)?;
    commit(deps.storage, &env, &config, &mut pool, |r| joined.apply(r))?;

    let pool_addr = &env.contract.address;
    let transfers = settle_join_assets(
        &config,
        pool_addr,
        &info.sender,
        &max_amounts,
        &joined.amounts_in,
    )?;
    let lp_token = LP_TOKEN.load(deps.storage)?;
    // Pull the cw20 parts and refund unused coins first, then mint.
    let mut response = respond(
        "join",
        &pool.reserves,
        &joined,
        &info.sender,
        &recipient,
        transfers,
        &lp_token,
    )?;
    if !joined.lp_locked.is_zero() {
        // First join: the minimum liquidity goes to the pool itself, which never redeems it.
        response = response
            .add_message(lp_mint(&lp_token, pool_addr, joined.lp_locked)?)
            .add_attribute("lp_locked", joined.lp_locked);
    }
    Ok(response)
}

pub fn join_single_native(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    min_lp_out: Option<Uint128>,
    recipient: Option<String>,
    deadline: Option<u64>,
) -> Result<Response, ContractError> {
    let config = CONFIG.load(deps.storage)?;
    let payment = Payment::native(&config, &info)?;
    let recipient = recipient_or(deps.api, recipient, &info.sender)?;
    join_single(deps, env, &config, payment, min_lp_out, recipient, deadline)
}

/// Joins with the one asset paid.
pub fn join_single(
    deps: DepsMut,
    env: Env,
    config: &Config,
    payment: Payment,
    min_lp_out: Option<Uint128>,
    recipient: Addr,
    deadline: Option<u64>,
) -> Result<Response, ContractError> {
    check_deadline(deadline, &env)?;
    let mut pool = POOL.load(deps.storage)?;
    let joined = outcome::join_single(config, &pool.reserves, payment.asset, payment.amount)?;
    check_min_out(min_lp_out, joined.lp_out)?;
    commit(deps.storage, &env, config, &mut pool, |r| joined.apply(r))?;
    let lp_token = LP_TOKEN.load(deps.storage)?;
    Ok(respond(
        "join_single",
        &pool.reserves,
        &joined,
        &payment.payer,
        &recipient,
        vec![],
        &lp_token,
    )?
    .add_attribute("offer_asset", config.assets[payment.asset].to_string())
    .add_attribute("amount_in", payment.amount))
}

/// Sends `transfers`, then mints the LP tokens, and reports the join; the response data is
/// the `JoinResponse`.
fn respond(
    action: &str,
    reserves: &Reserves,
    joined: &JoinOutcome,
    sender: &Addr,
    recipient: &Addr,
    transfers: Vec<CosmosMsg>,
    lp_token: &Addr,
) -> Result<Response, ContractError> {
    Ok(action_response(action, sender, recipient, reserves)
        .add_messages(transfers)
        .add_message(lp_mint(lp_token, recipient, joined.lp_out)?)
        .add_attribute("amount_in_0", joined.amounts_in[0])
        .add_attribute("amount_in_1", joined.amounts_in[1])
        .add_attribute("lp_amount", joined.lp_out)
        .add_attribute("fee", joined.fee)
        .add_attribute("protocol_fee", joined.protocol_fee)
        .set_data(to_json_binary(&joined.response())?))
}
