//! The fee distributor: deployment, receiving fees, checkpoints, claims and its books.
use anyhow::{anyhow, Result};
use cosmwasm_std::Addr;
use cw_multi_test::AppResponse;
use trellis_types::asset::AssetInfo;
use trellis_types::fee_distributor::{
    ClaimableResponse, ExecuteMsg, InstantiateMsg, QueryMsg, TokensPerWeekResponse, TotalsResponse,
    WeekFees,
};

use super::{EscrowHandle, FeeDistributorHandle, WEEK};
use crate::codes::ContractKind;
use crate::suite::Suite;

/// Page size used when the harness walks the weekly fees.
const PAGE: u32 = 100;

impl Suite {
    /// Instantiates a fee distributor owned by `suite.owner` for `tokens`, reading powers from
    /// `ve`, distributing from the week holding `start_time` (unix seconds) on.
    pub fn deploy_fee_distributor(
        &mut self,
        ve: &EscrowHandle,
        tokens: Vec<AssetInfo>,
        start_time: u64,
    ) -> Result<FeeDistributorHandle> {
        let msg = InstantiateMsg {
            owner: self.owner.to_string(),
            voting_escrow: ve.addr.to_string(),
            tokens: tokens.clone(),
            start_time,
        };
        let label = ContractKind::FeeDistributor.label();
        let addr = self
            .instantiate_as_owner(ContractKind::FeeDistributor, &msg, label)
            .map_err(|e| anyhow!("instantiating the fee distributor: {e:#}"))?;
        Ok(FeeDistributorHandle {
            addr,
            tokens,
            start_time: start_time / WEEK * WEEK,
        })
    }

    /// Executes any distributor message as `sender`.
    pub fn fd_exec_as(
        &mut self,
        fd: &FeeDistributorHandle,
        sender: &Addr,
        msg: &ExecuteMsg,
    ) -> Result<AppResponse> {
        self.execute_contract(sender.clone(), fd.addr.clone(), msg, &[])
    }

    /// Sends `amount` of `token` from the named account to the distributor as a plain transfer
    /// (what a pool's `CollectProtocolFees` does); the next checkpoint books it.
    pub fn send_fees(
        &mut self,
        fd: &FeeDistributorHandle,
        from: &str,
        token: &AssetInfo,
        amount: u128,
    ) -> Result<AppResponse> {
        let from = self.addr(from);
        let to = fd.addr.clone();
        self.transfer(&from, &to, token, amount)
    }

    /// Anyone: books every token's unbooked balance into weeks, up to now (one bounded step).
    pub fn fee_checkpoint(&mut self, fd: &FeeDistributorHandle) -> Result<AppResponse> {
        let owner = self.owner.clone();
        self.fd_exec_as(fd, &owner, &ExecuteMsg::CheckpointToken {})
    }

    /// The named user claims their share of the complete weeks (one bounded walk); returns
    /// what they received of each token, in the distributor's order.
    pub fn fee_claim(&mut self, fd: &FeeDistributorHandle, user: &str) -> Result<Vec<u128>> {
        let before = self.fee_balances(fd, user)?;
        let sender = self.addr(user);
        let msg = ExecuteMsg::Claim {
            user: None,
            limit_weeks: None,
        };
        self.fd_exec_as(fd, &sender, &msg)?;
        let after = self.fee_balances(fd, user)?;
        Ok(after.iter().zip(before).map(|(a, b)| a - b).collect())
    }

    fn fee_balances(&self, fd: &FeeDistributorHandle, user: &str) -> Result<Vec<u128>> {
        fd.tokens.iter().map(|t| self.balance(user, t)).collect()
    }

    pub fn fd_query<T: serde::de::DeserializeOwned>(
        &self,
        fd: &FeeDistributorHandle,
        msg: &QueryMsg,
    ) -> Result<T> {
        Ok(self.app.wrap().query_wasm_smart(&fd.addr, msg)?)
    }

    /// What a claim for the user would pay now.
    pub fn fee_claimable(
        &self,
        fd: &FeeDistributorHandle,
        user: &str,
    ) -> Result<ClaimableResponse> {
        let user = self.addr(user).to_string();
        self.fd_query(fd, &QueryMsg::Claimable { user })
    }

    /// Booked, claimed and unbooked per token.
    pub fn fee_totals(&self, fd: &FeeDistributorHandle) -> Result<TotalsResponse> {
        self.fd_query(fd, &QueryMsg::Totals {})
    }

    /// Fees booked per week for `token`, every week (walks the pagination).
    pub fn fees_per_week(
        &self,
        fd: &FeeDistributorHandle,
        token: &AssetInfo,
    ) -> Result<Vec<WeekFees>> {
        let mut out: Vec<WeekFees> = Vec::new();
        loop {
            let page: TokensPerWeekResponse = self.fd_query(
                fd,
                &QueryMsg::TokensPerWeek {
                    token: token.clone(),
                    start_after: out.last().map(|w| w.week_start),
                    limit: Some(PAGE),
                },
            )?;
            let done = page.weeks.len() < PAGE as usize;
            out.extend(page.weeks);
            if done {
                return Ok(out);
            }
        }
    }
}
