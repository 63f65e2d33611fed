//! Exits, through the LP token's cw20 hook: the pool holds the LP tokens sent and burns them.
use cosmwasm_std::{to_json_binary, Addr, DepsMut, Env, Response, Uint128};
use trellis_types::AssetInfo;

use crate::error::ContractError;
use crate::execute::{
    action_response, asset_index, check_deadline, check_min_out, commit, lp_burn, pay,
};
use crate::outcome::exit::{self as outcome, ExitOutcome};
use crate::state::{Config, Reserves, POOL};

/// Burns `lp_in` for both assets in proportion.
/// `config` and `lp_token` come loaded from the cw20 hook.
#[allow(clippy::too_many_arguments)]
pub fn exit(
    deps: DepsMut,
    env: Env,
    config: &Config,
    lp_token: &Addr,
    sender: Addr,
    lp_in: Uint128,
    min_amounts_out: Option<[Uint128; 2]>,
    recipient: Addr,
    deadline: Option<u64>,
) -> Result<Response, ContractError> {
    check_deadline(deadline, &env)?;
    let mut pool = POOL.load(deps.storage)?;
    let exited = outcome::exit(&pool.reserves, lp_in)?;
    if let Some(minimums) = min_amounts_out {
        for (minimum, actual) in minimums.into_iter().zip(exited.amounts_out) {
            check_min_out(Some(minimum), actual)?;
        }
    }
    commit(deps.storage, &env, config, &mut pool, |r| exited.apply(r))?;
    respond(
        "exit",
        config,
        lp_token,
        &pool.reserves,
        &exited,
        &sender,
        &recipient,
    )
}

/// Burns `lp_in` for `asset` only.
#[allow(clippy::too_many_arguments)]
pub fn exit_single(
    deps: DepsMut,
    env: Env,
    config: &Config,
    lp_token: &Addr,
    sender: Addr,
    lp_in: Uint128,
    asset: AssetInfo,
    min_out: Option<Uint128>,
    recipient: Addr,
    deadline: Option<u64>,
) -> Result<Response, ContractError> {
    check_deadline(deadline, &env)?;
    let mut pool = POOL.load(deps.storage)?;
    let i = asset_index(config, &asset)?;
    let exited = outcome::exit_single(config, &pool.reserves, i, lp_in)?;
    check_min_out(min_out, exited.amounts_out[i])?;
    commit(deps.storage, &env, config, &mut pool, |r| exited.apply(r))?;
    Ok(respond(
        "exit_single",
        config,
        lp_token,
        &pool.reserves,
        &exited,
        &sender,
        &recipient,
    )?
    .add_attribute("ask_asset", asset.to_string())
    .add_attribute("amount_out", exited.amounts_out[i]))
}

/// Burns the LP tokens, pays the amounts out and reports the exit; the response data is
/// the `ExitResponse`.
fn respond(
    action: &str,
    config: &Config,
    lp_token: &Addr,
    reserves: &Reserves,
    exited: &ExitOutcome,
    sender: &Addr,
    recipient: &Addr,
) -> Result<Response, ContractError> {
    let mut response = action_response(action, sender, recipient, reserves)
        .add_message(lp_burn(lp_token, exited.lp_in)?);
    for i in 0..2 {
        response = response.add_messages(pay(config, i, recipient, exited.amounts_out[i])?);
    }
    Ok(response
        .add_attribute("lp_amount", exited.lp_in)
        .add_attribute("amount_out_0", exited.amounts_out[0])
        .add_attribute("amount_out_1", exited.amounts_out[1])
        .add_attribute("fee", exited.fee)
        .add_attribute("protocol_fee", exited.protocol_fee)
        .set_data(to_json_binary(&exited.response())?))
}
