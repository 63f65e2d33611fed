//! The reply to a claim's failed token transfer (transfers are sent with `reply_on_error`;
//! a successful one has no reply). The transfer's own effects were reverted by the chain, so
//! the amount is still in the contract: it goes back from `claimed` to owed, and is kept for
//! the user in its record (`USERS`), which its next claim pays. The claim itself, and the other tokens'
//! transfers, stand.
use cosmwasm_schema::cw_serde;
use cosmwasm_std::{from_json, Addr, DepsMut, Env, Reply, Response, Uint128};
use trellis_types::AssetInfo;

use crate::error::ContractError;
use crate::state::{BOOKS, CONFIG, USERS};

/// Reply id of every claim transfer.
pub const REPLY_TRANSFER: u64 = 1;

/// A claim transfer in flight, carried in the sub-message's payload.
#[cw_serde]
pub struct PendingTransfer {
    pub user: Addr,
    pub token: AssetInfo,
    pub amount: Uint128,
}

pub fn reply(deps: DepsMut, _env: Env, reply: Reply) -> Result<Response, ContractError> {
    if reply.id != REPLY_TRANSFER {
        return Err(ContractError::UnknownReplyId { id: reply.id });
    }
    let pending: PendingTransfer = from_json(&reply.payload)?;
    let reason = reply.result.into_result().err().unwrap_or_default();
    let key = pending.token.key();
    let config = CONFIG.load(deps.storage)?;
    let i = config
        .tokens
        .iter()
        .position(|t| *t == pending.token)
        .ok_or_else(|| ContractError::UnknownToken { token: key.clone() })?;
    let mut books = BOOKS.load(deps.storage)?;
    let ledger = &mut books.ledgers[i];
    // The claim added `amount` to `claimed` in this same transaction.
    ledger.claimed = ledger
        .claimed
        .checked_sub(pending.amount.u128())
        .ok_or(ContractError::Overflow("claimed"))?;
    BOOKS.save(deps.storage, &books)?;
    // The claim stored the user's record in this same transaction.
    let mut user = USERS.load(deps.storage, &pending.user)?;
    if user.unpaid.len() < config.tokens.len() {
        user.unpaid.resize(config.tokens.len(), 0);
    }
    user.unpaid[i] = user.unpaid[i]
        .checked_add(pending.amount.u128())
        .ok_or(ContractError::Overflow("unpaid"))?;
    USERS.save(deps.storage, &pending.user, &user)?;
    Ok(Response::new()
        .add_attribute("action", "claim_transfer_failed")
        .add_attribute("user", pending.user)
        .add_attribute("token", key)
        .add_attribute("unpaid", pending.amount)
        .add_attribute("reason", reason))
}
