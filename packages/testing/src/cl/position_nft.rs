//! A position is an NFT of the pool's own cw721 collection: transfer it, or send it to a
//! contract with cw721 `SendNft` (the contract receives `ReceiveNft` from the pool).
use anyhow::Result;
use cosmwasm_std::{Addr, Binary};
use cw_multi_test::AppResponse;
use trellis_types::cl_pool::ExecuteMsg;

use super::ClPoolHandle;
use crate::suite::Suite;

impl Suite {
    /// Transfers `token_id` from the named owner (or approved account) to `recipient`.
    pub fn cl_transfer_position(
        &mut self,
        user: &str,
        pool: &ClPoolHandle,
        token_id: &str,
        recipient: &Addr,
    ) -> Result<AppResponse> {
        let sender = self.addr(user);
        let msg = ExecuteMsg::TransferNft {
            recipient: recipient.to_string(),
            token_id: token_id.to_string(),
        };
        self.cl_exec(&sender, pool, &msg, &[])
    }

    /// Sends `token_id` to `contract` with `msg`, which the contract gets in cw721's
    /// `ReceiveNft { sender, token_id, msg }`.
    pub fn cl_send_position(
        &mut self,
        user: &str,
        pool: &ClPoolHandle,
        token_id: &str,
        contract: &Addr,
        msg: Binary,
    ) -> Result<AppResponse> {
        let sender = self.addr(user);
        let msg = ExecuteMsg::SendNft {
            contract: contract.to_string(),
            token_id: token_id.to_string(),
            msg,
        };
        self.cl_exec(&sender, pool, &msg, &[])
    }
}
