//! Exits, through the LP token's cw20 hook: the pool holds the LP tokens sent and burns them.
use cosmwasm_std::{to_json_binary, Addr, DepsMut, Env, Response, Uint128};
use trellis_types::AssetInfo;

use crate::error::ContractError;
use crate::execute::{
    action_response, asset_index, check_deadline, check_min_out, commit, lp_burn, pay,
};
use crate::outcome::exit::{self as outcome, ExitOutcome};
use crate::state::{Config, Reserves, CONFIG, LP_TOKEN, RESERVES};

/// Burns `lp_in` for both assets in proportion.
pub fn exit(
    deps: DepsMut,
    env: Env,
    sender: Addr,
    lp_in: Uint128,
    min_amounts_out: Option<[Uint128; 2]>,
    recipient: Addr,
    deadline: Option<u64>,
) -> Result<Response, ContractError> {
    check_deadline(deadline, &env)?;
    let config = CONFIG.load(deps.storage)?;
    let mut reserves = RESERVES.load(deps.storage)?;
    let exited = outcome::exit(&reserves, lp_in)?;
    if let Some(minimums) = min_amounts_out {
        for (minimum, actual) in minimums.into_iter().zip(exited.amounts_out) {
            check_min_out(Some(minimum), actual)?;
        }
    }
    commit(deps.storage, &env, &config, &mut reserves, |r| {
        exited.apply(r)
    })?;
    respond(
        deps, "exit", &config, &reserves, &exited, &sender, &recipient,
    )
}

/// Burns `lp_in` for `asset` only.
#[allow(clippy::too_many_arguments)]
pub fn exit_single(
    deps: DepsMut,
    env: Env,
    sender: Addr,
    lp_in: Uint128,
    asset: AssetInfo,
    min_out: Option<Uint128>,
    recipient: Addr,
    deadline: Option<u64>,
) -> Result<Response, ContractError> {
    check_deadline(deadline, &env)?;
    let config = CONFIG.load(deps.storage)?;
    let mut reserves = RESERVES.load(deps.storage)?;
    let i = asset_index(&config, &asset)?;
    let exited = outcome::exit_single(&config, &reserves, i, lp_in)?;
    check_min_out(min_out, exited.amounts_out[i])?;
    commit(deps.storage, &env, &config, &mut reserves, |r| {
        exited.apply(r)
    })?;
    Ok(respond(
        deps,
        "exit_single",
        &config,
        &reserves,
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
    deps: DepsMut,
    action: &str,
    config: &Config,
    reserves: &Reserves,
    exited: &ExitOutcome,
    sender: &Addr,
    recipient: &Addr,
) -> Result<Response, ContractError> {
    let lp_token = LP_TOKEN.load(deps.storage)?;
    let mut response = action_response(action, sender, recipient, reserves)
        .add_message(lp_burn(&lp_token, exited.lp_in)?);
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
