//! Owner actions on the current farm, and the message plumbing every action uses.
use anyhow::{bail, Result};
use cosmwasm_std::{coins, Addr, Coin, Uint128};
use cw_multi_test::AppResponse;
use trellis_types::asset::AssetInfo;
use trellis_types::farm::{ExecuteMsg, PoolKind, ReceiveMsg};

use crate::suite::Suite;

impl Suite {
    /// Executes any farm message as `sender` with `funds` (for messages without a helper, and
    /// for auth tests: e.g. `AddPool` from a non-owner).
    pub fn farm_exec_as(
        &mut self,
        sender: &Addr,
        msg: &ExecuteMsg,
        funds: &[Coin],
    ) -> Result<AppResponse> {
        let farm = self.farm().addr.clone();
        self.execute_contract(sender.clone(), farm, msg, funds)
    }

    /// Executes a farm message as the owner.
    pub fn farm_exec_owner(&mut self, msg: &ExecuteMsg) -> Result<AppResponse> {
        let owner = self.owner.clone();
        self.farm_exec_as(&owner, msg, &[])
    }

    /// Adds a pool and returns its id.
    pub fn add_pool(&mut self, staking: &AssetInfo, kind: PoolKind, weight: u64) -> Result<u64> {
        self.farm_exec_owner(&ExecuteMsg::AddPool {
            staking: staking.clone(),
            kind,
            weight,
            tokenless_share_pct: None,
        })?;
        let count = self.farm_config()?.pool_count;
        Ok(count - 1)
    }

    pub fn add_pool_solo(&mut self, staking: &AssetInfo, weight: u64) -> Result<u64> {
        self.add_pool(staking, PoolKind::Solo, weight)
    }

    pub fn add_pool_lp(
        &mut self,
        staking: &AssetInfo,
        pair: [AssetInfo; 2],
        weight: u64,
    ) -> Result<u64> {
        self.add_pool(staking, PoolKind::Lp { pair }, weight)
    }

    pub fn set_weight(&mut self, pool_id: u64, weight: u64) -> Result<AppResponse> {
        self.farm_exec_owner(&ExecuteMsg::SetWeight { pool_id, weight })
    }

    pub fn deactivate_pool(&mut self, pool_id: u64) -> Result<AppResponse> {
        self.farm_exec_owner(&ExecuteMsg::DeactivatePool { pool_id })
    }

    pub fn recover_undistributed(
        &mut self,
        amount: Option<u128>,
        recipient: &str,
    ) -> Result<AppResponse> {
        let recipient = self.addr(recipient).to_string();
        self.farm_exec_owner(&ExecuteMsg::RecoverUndistributed {
            amount: amount.map(Uint128::new),
            recipient,
        })
    }

    pub fn rollover_undistributed(&mut self, amount: Option<u128>) -> Result<AppResponse> {
        self.farm_exec_owner(&ExecuteMsg::RolloverUndistributed {
            amount: amount.map(Uint128::new),
        })
    }

    /// Tops up a reserve farm with `amount` of its reward asset from the named account
    /// (`Fund {}` with coins, or a cw20 `Send` with `ReceiveMsg::Fund {}`).
    pub fn fund(&mut self, funder: &str, amount: u128) -> Result<AppResponse> {
        let funder = self.addr(funder);
        self.fund_from(&funder, amount)
    }

    pub fn fund_from(&mut self, funder: &Addr, amount: u128) -> Result<AppResponse> {
        let farm = self.farm().clone();
        if farm.minted {
            bail!("the farm mints its reward: there is no reserve to fund");
        }
        match &farm.reward_asset {
            AssetInfo::Native { denom } => {
                self.farm_exec_as(funder, &ExecuteMsg::Fund {}, &coins(amount, denom))
            }
            token @ AssetInfo::Cw20 { .. } => {
                self.cw20_send(funder, token, &farm.addr, amount, &ReceiveMsg::Fund {})
            }
        }
    }
}
