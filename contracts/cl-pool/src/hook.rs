//! The farming hook. A swap that crossed no marked tick does nothing here: no read, no write,
//! no message. One that crossed marked ticks sends ONE message listing them, as a sub-message
//! with a gas limit that replies only on error; a failed hook marks the link broken (no hook is
//! sent again until the owner repairs it) and the swap stands.
use cosmwasm_std::{
    to_json_binary, DepsMut, Event, Reply, Response, Storage, SubMsg, SubMsgResult, WasmMsg,
};
use trellis_types::cl_pool::FarmingHookMsg;

use crate::error::ContractError;
use crate::limits::{FARMING_HOOK_GAS_LIMIT, REPLY_FARMING_HOOK};
use crate::state::FARMING;

/// The hook for a swap that crossed `marked` (in order), if there is one to send.
pub fn crossing_hook(
    storage: &dyn Storage,
    marked: &[i32],
    zero_for_one: bool,
    tick_after: i32,
    time: u64,
) -> Result<Option<SubMsg>, ContractError> {
    if marked.is_empty() {
        return Ok(None);
    }
    let farming = FARMING.load(storage)?;
    let Some(center) = farming.center.filter(|_| !farming.link_broken) else {
        return Ok(None);
    };
    let msg = FarmingHookMsg::Crossed {
        ticks: marked.to_vec(),
        zero_for_one,
        tick_after,
        time,
    };
    let execute = WasmMsg::Execute {
        contract_addr: center.to_string(),
        msg: to_json_binary(&msg)?,
        funds: vec![],
    };
    Ok(Some(
        SubMsg::reply_on_error(execute, REPLY_FARMING_HOOK).with_gas_limit(FARMING_HOOK_GAS_LIMIT),
    ))
}

/// The reply to a failed hook: the link is recorded as broken and an event says why.
pub fn on_failed_hook(deps: DepsMut, reply: Reply) -> Result<Response, ContractError> {
    let SubMsgResult::Err(error) = reply.result else {
        // reply_on_error never replies on success; nothing to record.
        return Ok(Response::new());
    };
    let mut farming = FARMING.load(deps.storage)?;
    farming.link_broken = true;
    FARMING.save(deps.storage, &farming)?;
    let center = farming.center.map(|c| c.to_string()).unwrap_or_default();
    Ok(Response::new().add_event(
        Event::new("farming_hook_failed")
            .add_attribute("farming_center", center)
            .add_attribute("error", error),
    ))
}
