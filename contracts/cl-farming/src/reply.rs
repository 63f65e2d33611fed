//! Replies, both to an exit's sub-messages that failed, so that an exit never fails on them:
//! a failed return of locked tier tokens is credited to the owner's balance (nothing is
//! lost); a refused unmark (the pool has another farming center now) is only reported.
use cosmwasm_std::{from_json, Addr, DepsMut, Env, Reply, Response, Uint128};
use serde::{Deserialize, Serialize};
use trellis_types::cl_farming::FarmKind;
use trellis_types::AssetInfo;

use crate::error::ContractError;
use crate::rewards::credit;

pub const REPLY_UNLOCK: u64 = 1;
pub const REPLY_UNMARK: u64 = 2;

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct UnlockPayload {
    pub owner: Addr,
    pub token: AssetInfo,
    pub amount: Uint128,
    pub kind: FarmKind,
}

pub fn reply(deps: DepsMut, _env: Env, reply: Reply) -> Result<Response, ContractError> {
    match reply.id {
        REPLY_UNLOCK => {
            let unlock: UnlockPayload = from_json(&reply.payload)?;
            let reason = reply.result.into_result().err().unwrap_or_default();
            credit(
                deps.storage,
                &unlock.owner,
                &unlock.token,
                unlock.kind,
                unlock.amount.u128(),
            )?;
            Ok(Response::new()
                .add_attribute("action", "unlock_credited")
                .add_attribute("owner", unlock.owner.as_str())
                .add_attribute("token", unlock.token.to_string())
                .add_attribute("amount", unlock.amount)
                .add_attribute("reason", reason))
        }
        REPLY_UNMARK => {
            let reason = reply.result.into_result().err().unwrap_or_default();
            Ok(Response::new()
                .add_attribute("action", "unmark_refused")
                .add_attribute("reason", reason))
        }
        id => Err(ContractError::UnknownReplyId { id }),
    }
}
