//! Listeners: contracts told about every lock change. Each notification is a sub-message
//! with its own gas limit whose failure is answered by `on_reply` with an event and
//! swallowed, so a broken or hostile listener can never block a user.
use cosmwasm_std::{to_json_binary, Addr, Reply, Response, SubMsg, SubMsgResult, WasmMsg};
use trellis_types::voting_escrow::ListenerMsg;

use crate::error::ContractError;
use crate::limits::LISTENER_GAS_LIMIT;

/// Reply id of listener notifications (the only sub-messages this contract sends).
pub const LISTENER_REPLY_ID: u64 = 1;

/// One `LockChanged { user }` sub-message per listener (at most `MAX_LISTENERS`).
pub fn notify(listeners: &[Addr], user: &Addr) -> Result<Vec<SubMsg>, ContractError> {
    let msg = to_json_binary(&ListenerMsg::LockChanged {
        user: user.to_string(),
    })?;
    listeners
        .iter()
        .map(|listener| {
            let exec = WasmMsg::Execute {
                contract_addr: listener.to_string(),
                msg: msg.clone(),
                funds: vec![],
            };
            Ok(SubMsg::reply_on_error(exec, LISTENER_REPLY_ID)
                .with_gas_limit(LISTENER_GAS_LIMIT)
                .with_payload(listener.as_bytes().to_vec()))
        })
        .collect()
}

/// A listener failed: its own changes are already reverted; record it and carry on.
pub fn on_reply(msg: Reply) -> Result<Response, ContractError> {
    if msg.id != LISTENER_REPLY_ID {
        return Err(ContractError::UnknownReply { id: msg.id });
    }
    let listener = String::from_utf8_lossy(msg.payload.as_slice()).into_owned();
    let error = match msg.result {
        SubMsgResult::Err(e) => e,
        // Only errors are replied to; an Ok here has nothing to record.
        SubMsgResult::Ok(_) => return Ok(Response::new()),
    };
    Ok(Response::new().add_event(
        cosmwasm_std::Event::new("trellis_ve_listener_failed")
            .add_attribute("listener", listener)
            .add_attribute("error", error),
    ))
}
