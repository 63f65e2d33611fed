//! The voting escrow: deployment, locks, listeners, checkpoints and powers.
use anyhow::{anyhow, Result};
use cosmwasm_std::{coins, Addr};
use cw_multi_test::AppResponse;
use trellis_types::asset::AssetInfo;
use trellis_types::voting_escrow::{
    ConfigResponse, ExecuteMsg, InstantiateMsg, ListenersResponse, LockResponse, PowerResponse,
    PowerShareResponse, QueryMsg, ReceiveMsg, UserSlopeResponse,
};

use super::{EscrowHandle, EscrowOptions};
use crate::codes::ContractKind;
use crate::suite::Suite;

impl Suite {
    /// Instantiates a voting escrow owned by `suite.owner`.
    pub fn deploy_voting_escrow(&mut self, options: EscrowOptions) -> Result<EscrowHandle> {
        let msg = InstantiateMsg {
            owner: self.owner.to_string(),
            lock_token: options.lock_token.clone(),
            max_time: options.max_time,
        };
        let label = ContractKind::VotingEscrow.label();
        let addr = self
            .instantiate_as_owner(ContractKind::VotingEscrow, &msg, label)
            .map_err(|e| anyhow!("instantiating the voting escrow: {e:#}"))?;
        let config: ConfigResponse = self
            .app
            .wrap()
            .query_wasm_smart(&addr, &QueryMsg::Config {})?;
        Ok(EscrowHandle {
            addr,
            lock_token: options.lock_token,
            max_time: config.max_time,
        })
    }

    /// Executes any escrow message as `sender` (for messages without a helper and auth tests).
    pub fn ve_exec_as(
        &mut self,
        ve: &EscrowHandle,
        sender: &Addr,
        msg: &ExecuteMsg,
        funds: &[cosmwasm_std::Coin],
    ) -> Result<AppResponse> {
        self.execute_contract(sender.clone(), ve.addr.clone(), msg, funds)
    }

    /// Pays `amount` of the lock token into the escrow from the named account: coins attached
    /// to `native` for a native lock token, a cw20 `Send` with `hook` for a cw20 one.
    fn ve_pay(
        &mut self,
        ve: &EscrowHandle,
        user: &str,
        amount: u128,
        native: ExecuteMsg,
        hook: ReceiveMsg,
    ) -> Result<AppResponse> {
        let sender = self.addr(user);
        match &ve.lock_token {
            AssetInfo::Native { denom } => {
                self.ve_exec_as(ve, &sender, &native, &coins(amount, denom))
            }
            token @ AssetInfo::Cw20 { .. } => {
                self.cw20_send(&sender, token, &ve.addr, amount, &hook)
            }
        }
    }

    /// Locks `amount` until `unlock_time` (unix seconds, rounded down to a week by the escrow).
    pub fn create_lock(
        &mut self,
        ve: &EscrowHandle,
        user: &str,
        amount: u128,
        unlock_time: u64,
    ) -> Result<AppResponse> {
        self.ve_pay(
            ve,
            user,
            amount,
            ExecuteMsg::CreateLock { unlock_time },
            ReceiveMsg::CreateLock { unlock_time },
        )
    }

    /// Adds `amount` to the user's unexpired lock.
    pub fn increase_lock_amount(
        &mut self,
        ve: &EscrowHandle,
        user: &str,
        amount: u128,
    ) -> Result<AppResponse> {
        self.ve_pay(
            ve,
            user,
            amount,
            ExecuteMsg::IncreaseAmount {},
            ReceiveMsg::IncreaseAmount {},
        )
    }

    /// Adds `amount` from `payer` to `user`'s unexpired lock.
    pub fn lock_deposit_for(
        &mut self,
        ve: &EscrowHandle,
        payer: &str,
        user: &str,
        amount: u128,
    ) -> Result<AppResponse> {
        let user = self.addr(user).to_string();
        self.ve_pay(
            ve,
            payer,
            amount,
            ExecuteMsg::DepositFor { user: user.clone() },
            ReceiveMsg::DepositFor { user },
        )
    }

    /// Moves the user's lock end to `unlock_time` (rounded down to a week, later than now).
    pub fn extend_lock(
        &mut self,
        ve: &EscrowHandle,
        user: &str,
        unlock_time: u64,
    ) -> Result<AppResponse> {
        let sender = self.addr(user);
        self.ve_exec_as(
            ve,
            &sender,
            &ExecuteMsg::IncreaseUnlockTime { unlock_time },
            &[],
        )
    }

    /// Takes the whole lock back after its end.
    pub fn withdraw_lock(&mut self, ve: &EscrowHandle, user: &str) -> Result<AppResponse> {
        let sender = self.addr(user);
        self.ve_exec_as(ve, &sender, &ExecuteMsg::Withdraw {}, &[])
    }

    /// Owner: notify `listener` (a farm, typically) of every lock change.
    pub fn add_escrow_listener(
        &mut self,
        ve: &EscrowHandle,
        listener: &Addr,
    ) -> Result<AppResponse> {
        let owner = self.owner.clone();
        let msg = ExecuteMsg::AddListener {
            address: listener.to_string(),
        };
        self.ve_exec_as(ve, &owner, &msg, &[])
    }

    /// Anyone: brings the escrow's global history up to now (one bounded step).
    pub fn ve_checkpoint(&mut self, ve: &EscrowHandle) -> Result<AppResponse> {
        let owner = self.owner.clone();
        self.ve_exec_as(ve, &owner, &ExecuteMsg::Checkpoint {}, &[])
    }

    pub fn ve_query<T: serde::de::DeserializeOwned>(
        &self,
        ve: &EscrowHandle,
        msg: &QueryMsg,
    ) -> Result<T> {
        Ok(self.app.wrap().query_wasm_smart(&ve.addr, msg)?)
    }

    /// The user's lock (zero amount and end when there is none).
    pub fn ve_lock(&self, ve: &EscrowHandle, user: &str) -> Result<LockResponse> {
        let user = self.addr(user).to_string();
        self.ve_query(ve, &QueryMsg::Lock { user })
    }

    /// The user's ve power now.
    pub fn ve_power(&self, ve: &EscrowHandle, user: &str) -> Result<u128> {
        self.ve_power_at(ve, user, None)
    }

    /// The user's ve power at `time` (unix seconds; `None`: now), past or future.
    pub fn ve_power_at(&self, ve: &EscrowHandle, user: &str, time: Option<u64>) -> Result<u128> {
        let user = self.addr(user).to_string();
        let res: PowerResponse = self.ve_query(ve, &QueryMsg::UserPower { user, time })?;
        Ok(res.power.u128())
    }

    /// The total ve power now.
    pub fn ve_total_power(&self, ve: &EscrowHandle) -> Result<u128> {
        self.ve_total_power_at(ve, None)
    }

    pub fn ve_total_power_at(&self, ve: &EscrowHandle, time: Option<u64>) -> Result<u128> {
        let res: PowerResponse = self.ve_query(ve, &QueryMsg::TotalPower { time })?;
        Ok(res.power.u128())
    }

    /// The user's power and the total, in one query (what a boost reads).
    pub fn ve_power_share(&self, ve: &EscrowHandle, user: &str) -> Result<PowerShareResponse> {
        let user = self.addr(user).to_string();
        self.ve_query(ve, &QueryMsg::PowerShare { user })
    }

    /// The user's slope and lock end (what a gauge vote weighs).
    pub fn ve_slope(&self, ve: &EscrowHandle, user: &str) -> Result<UserSlopeResponse> {
        let user = self.addr(user).to_string();
        self.ve_query(ve, &QueryMsg::UserSlope { user })
    }

    pub fn ve_listeners(&self, ve: &EscrowHandle) -> Result<Vec<String>> {
        let res: ListenersResponse = self.ve_query(ve, &QueryMsg::Listeners {})?;
        Ok(res.listeners)
    }
}
