//! The farming center (`contracts/cl-farming`) in the suite: deployment, its messages and
//! queries, and a scripted pool and factory (`scripted_pool`) for exact cases.
//!
//! On the real pool: the center is deployed with the suite's factory, the pool's owner (the
//! factory's owner, the suite owner) registers it with `link_cl_pool_to_center`, and
//! positions arrive with `cl_send_position`.
pub mod pausable_token;
pub mod scripted_pool;
pub mod world;

use anyhow::Result;
use cosmwasm_std::{to_json_binary, Addr, Coin};
use cw_multi_test::AppResponse;
use trellis_types::cl_farming::{DepositMsg, ExecuteMsg, InstantiateMsg, QueryMsg};
use trellis_types::cl_pool::ExecuteMsg as PoolExecuteMsg;

use crate::codes::ContractKind;
use crate::suite::Suite;
pub use scripted_pool::{
    ScriptedExecute, ScriptedFactoryExecute, ScriptedFactoryInstantiate, ScriptedInstantiate,
    ScriptedQuery,
};

/// A deployed farming center.
#[derive(Clone, Debug, PartialEq)]
pub struct ClFarmingHandle {
    pub addr: Addr,
    pub maker: Addr,
}

impl Suite {
    /// A farming center owned by the suite owner, reading pools from `factory`, with the named
    /// account as incentive maker.
    pub fn deploy_cl_farming(&mut self, factory: &Addr, maker: &str) -> Result<ClFarmingHandle> {
        let maker = self.addr(maker);
        let msg = InstantiateMsg {
            owner: self.owner.to_string(),
            incentive_maker: maker.to_string(),
            factory: factory.to_string(),
        };
        let addr = self.instantiate_as_owner(
            ContractKind::ClFarming,
            &msg,
            ContractKind::ClFarming.label(),
        )?;
        Ok(ClFarmingHandle { addr, maker })
    }

    /// The pool's owner (the suite owner) registers `center` as the pool's farming center.
    pub fn link_cl_pool_to_center(&mut self, pool: &Addr, center: &ClFarmingHandle) -> Result<()> {
        let owner = self.owner.clone();
        let msg = PoolExecuteMsg::SetFarmingCenter {
            farming_center: Some(center.addr.to_string()),
        };
        self.execute_contract(owner, pool.clone(), &msg, &[])
            .map(|_| ())
    }

    /// A farming message from the named account (a contract error stays downcastable).
    pub fn farming_exec(
        &mut self,
        sender: &str,
        farming: &ClFarmingHandle,
        msg: &ExecuteMsg,
        funds: &[Coin],
    ) -> Result<AppResponse> {
        let sender = self.addr(sender);
        self.execute_contract(sender, farming.addr.clone(), msg, funds)
    }

    pub fn farming_query<T: serde::de::DeserializeOwned>(
        &self,
        farming: &ClFarmingHandle,
        msg: &QueryMsg,
    ) -> Result<T> {
        Ok(self
            .app
            .wrap()
            .query_wasm_smart(farming.addr.clone(), msg)?)
    }

    /// A pausable cw20-like token (see `pausable_token`) with these balances by account name.
    pub fn deploy_pausable_token(&mut self, balances: &[(&str, u128)]) -> Result<Addr> {
        let code = self
            .app
            .store_code(pausable_token::pausable_token_contract());
        let owner = self.owner.clone();
        let balances = balances
            .iter()
            .map(|(name, amount)| (self.addr(name).to_string(), (*amount).into()))
            .collect();
        self.instantiate_contract(
            code,
            owner,
            &pausable_token::PausableInstantiate { balances },
            &[],
            "pausable-token",
            None,
        )
    }

    /// A scripted factory (see `scripted_pool`).
    pub fn deploy_scripted_factory(&mut self) -> Result<Addr> {
        let code = self
            .app
            .store_code(scripted_pool::scripted_factory_contract());
        let owner = self.owner.clone();
        self.instantiate_contract(
            code,
            owner,
            &ScriptedFactoryInstantiate {},
            &[],
            "scripted-factory",
            None,
        )
    }

    /// A scripted pool at `tick`, listed by the scripted `factory`.
    pub fn deploy_scripted_pool(&mut self, factory: &Addr, tick: i32) -> Result<Addr> {
        let code = self.app.store_code(scripted_pool::scripted_pool_contract());
        let owner = self.owner.clone();
        let pool = self.instantiate_contract(
            code,
            owner.clone(),
            &ScriptedInstantiate { tick },
            &[],
            "scripted-pool",
            None,
        )?;
        self.execute_contract(
            owner,
            factory.clone(),
            &ScriptedFactoryExecute::List {
                pool: pool.to_string(),
                listed: true,
            },
            &[],
        )?;
        Ok(pool)
    }

    /// A scripted pool's message from the named account.
    pub fn scripted_exec(
        &mut self,
        sender: &str,
        pool: &Addr,
        msg: &ScriptedExecute,
    ) -> Result<AppResponse> {
        let sender = self.addr(sender);
        self.execute_contract(sender, pool.clone(), msg, &[])
    }

    /// Mints a scripted position of exactly `liquidity` to `user` and deposits it in the
    /// center, entering `enter` at once.
    pub fn scripted_deposit(
        &mut self,
        user: &str,
        pool: &Addr,
        farming: &ClFarmingHandle,
        (token_id, lower, upper, liquidity): (&str, i32, i32, u128),
        enter: Vec<u64>,
    ) -> Result<AppResponse> {
        let owner = self.addr(user).to_string();
        self.scripted_exec(
            user,
            pool,
            &ScriptedExecute::Mint {
                token_id: token_id.to_string(),
                owner,
                lower,
                upper,
                liquidity: liquidity.into(),
            },
        )?;
        self.scripted_exec(
            user,
            pool,
            &ScriptedExecute::SendNft {
                contract: farming.addr.to_string(),
                token_id: token_id.to_string(),
                msg: to_json_binary(&DepositMsg { enter })?,
            },
        )
    }
}
