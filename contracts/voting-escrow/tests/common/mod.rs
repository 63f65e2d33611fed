//! A mock-deps driver for the voting escrow: calls the entry points directly (fast enough
//! for proptest) and snapshots storage to prove refused calls change nothing.
#![allow(dead_code)]
use cosmwasm_std::testing::{
    message_info, mock_dependencies, mock_env, MockApi, MockQuerier, MockStorage,
};
use cosmwasm_std::{
    coin, from_json, to_json_binary, Addr, Coin, Env, Order, OwnedDeps, Response, Storage,
    Timestamp, Uint128,
};
use cw20::Cw20ReceiveMsg;
use trellis_types::voting_escrow::*;
use trellis_types::AssetInfo;
use trellis_voting_escrow::contract::{execute, instantiate, query};
use trellis_voting_escrow::ContractError;

pub const LP: &str = "ulp";
pub const E18: u128 = 1_000_000_000_000_000_000;
/// The example's clock.
pub const T0: u64 = 1_700_000_000;
pub const MAXTIME: u64 = 126_144_000;

pub fn addr(name: &str) -> Addr {
    MockApi::default().addr_make(name)
}

pub struct Ve {
    pub deps: OwnedDeps<MockStorage, MockApi, MockQuerier>,
    pub env: Env,
    pub owner: Addr,
}

impl Ve {
    /// A native-`ulp` escrow with the default 4-year max time, created at `T0`.
    pub fn new() -> Self {
        Self::try_new(AssetInfo::native(LP), None, T0).unwrap()
    }

    pub fn try_new(
        lock_token: AssetInfo,
        max_time: Option<u64>,
        at: u64,
    ) -> Result<Self, ContractError> {
        let mut deps = mock_dependencies();
        let mut env = mock_env();
        env.block.time = Timestamp::from_seconds(at);
        let owner = addr("owner");
        instantiate(
            deps.as_mut(),
            env.clone(),
            message_info(&owner, &[]),
            InstantiateMsg {
                owner: owner.to_string(),
                lock_token,
                max_time,
            },
        )?;
        Ok(Ve { deps, env, owner })
    }

    pub fn now(&self) -> u64 {
        self.env.block.time.seconds()
    }

    pub fn at(&mut self, t: u64) -> &mut Self {
        self.env.block.time = Timestamp::from_seconds(t);
        self
    }

    pub fn exec(
        &mut self,
        sender: &Addr,
        funds: &[Coin],
        msg: ExecuteMsg,
    ) -> Result<Response, ContractError> {
        execute(
            self.deps.as_mut(),
            self.env.clone(),
            message_info(sender, funds),
            msg,
        )
    }

    pub fn create(
        &mut self,
        user: &Addr,
        amount: u128,
        unlock_time: u64,
    ) -> Result<Response, ContractError> {
        self.exec(
            user,
            &[coin(amount, LP)],
            ExecuteMsg::CreateLock { unlock_time },
        )
    }

    pub fn increase(&mut self, user: &Addr, amount: u128) -> Result<Response, ContractError> {
        self.exec(user, &[coin(amount, LP)], ExecuteMsg::IncreaseAmount {})
    }

    pub fn extend(&mut self, user: &Addr, unlock_time: u64) -> Result<Response, ContractError> {
        self.exec(user, &[], ExecuteMsg::IncreaseUnlockTime { unlock_time })
    }

    pub fn withdraw(&mut self, user: &Addr) -> Result<Response, ContractError> {
        self.exec(user, &[], ExecuteMsg::Withdraw {})
    }

    pub fn checkpoint(&mut self) -> Result<Response, ContractError> {
        self.exec(&addr("keeper"), &[], ExecuteMsg::Checkpoint {})
    }

    /// A cw20 hook as sent by `token` on behalf of `sender`.
    pub fn receive(
        &mut self,
        token: &Addr,
        sender: &Addr,
        amount: u128,
        msg: ReceiveMsg,
    ) -> Result<Response, ContractError> {
        self.exec(
            token,
            &[],
            ExecuteMsg::Receive(Cw20ReceiveMsg {
                sender: sender.to_string(),
                amount: Uint128::new(amount),
                msg: to_json_binary(&msg).unwrap(),
            }),
        )
    }

    pub fn q<T: serde::de::DeserializeOwned>(&self, msg: QueryMsg) -> T {
        from_json(query(self.deps.as_ref(), self.env.clone(), msg).unwrap()).unwrap()
    }

    pub fn power(&self, user: &Addr, time: Option<u64>) -> u128 {
        let r: PowerResponse = self.q(QueryMsg::UserPower {
            user: user.to_string(),
            time,
        });
        r.power.u128()
    }

    pub fn total(&self, time: Option<u64>) -> u128 {
        let r: PowerResponse = self.q(QueryMsg::TotalPower { time });
        r.power.u128()
    }

    pub fn lock(&self, user: &Addr) -> LockResponse {
        self.q(QueryMsg::Lock {
            user: user.to_string(),
        })
    }

    pub fn epoch(&self) -> u64 {
        trellis_voting_escrow::state::newest_global(&self.deps.storage)
            .unwrap()
            .0
    }

    /// Every key and value in storage, to compare before and after a refused call.
    pub fn snapshot(&self) -> Vec<(Vec<u8>, Vec<u8>)> {
        self.deps
            .storage
            .range(None, None, Order::Ascending)
            .collect()
    }

    /// Runs `msg`, expects it refused with `expected`, and checks storage is untouched.
    pub fn refuse(
        &mut self,
        sender: &Addr,
        funds: &[Coin],
        msg: ExecuteMsg,
        expected: ContractError,
    ) {
        let before = self.snapshot();
        let err = self.exec(sender, funds, msg).unwrap_err();
        assert_eq!(err, expected);
        assert_eq!(self.snapshot(), before, "a refused call changed storage");
    }
}

/// The value of an attribute of a response.
pub fn attr(res: &Response, key: &str) -> String {
    res.attributes
        .iter()
        .find(|a| a.key == key)
        .unwrap_or_else(|| panic!("no attribute {key}"))
        .value
        .clone()
}
