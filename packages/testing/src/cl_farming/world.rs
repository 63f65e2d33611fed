//! A farming center on a scripted pool, with the helpers the farming tests share: farms of
//! native reward tokens, deposits of exact liquidity, price moves, balances, pending rewards
//! and storage snapshots. Panics on unexpected failures (it is test support).
use anyhow::Result;
use cosmwasm_std::{coins, Addr, Coin, Order, Uint128};
use cw_multi_test::AppResponse;
use trellis_cl_farming::ContractError;
use trellis_types::cl_farming::{
    ExecuteMsg, FarmResponse, PendingRewardResponse, QueryMsg, RewardBalance,
    RewardBalancesResponse, RewardSpec,
};
use trellis_types::AssetInfo;

use super::{ClFarmingHandle, ScriptedExecute};
use crate::suite::Suite;

pub const REWARD: &str = "urwd";
pub const BONUS: &str = "ubns";
pub const LOCK: &str = "ulock";

/// A center, a scripted factory and one scripted pool linked to the center.
pub struct World {
    pub suite: Suite,
    pub factory: Addr,
    pub pool: Addr,
    pub center: ClFarmingHandle,
}

/// The scripted pool starts at `tick`; the maker holds 1,000,000 of the reward and bonus
/// tokens.
pub fn world(tick: i32) -> World {
    let mut suite = Suite::new();
    let factory = suite.deploy_scripted_factory().unwrap();
    let pool = suite.deploy_scripted_pool(&factory, tick).unwrap();
    let center = suite.deploy_cl_farming(&factory, "maker").unwrap();
    suite
        .scripted_exec(
            "owner",
            &pool,
            &ScriptedExecute::SetFarmingCenter {
                farming_center: Some(center.addr.to_string()),
            },
        )
        .unwrap();
    suite.mint_native("maker", REWARD, 1_000_000).unwrap();
    suite.mint_native("maker", BONUS, 1_000_000).unwrap();
    World {
        suite,
        factory,
        pool,
        center,
    }
}

pub fn reward(amount: u128) -> RewardSpec {
    RewardSpec {
        token: AssetInfo::native(REWARD),
        amount: amount.into(),
    }
}

pub fn bonus(amount: u128) -> RewardSpec {
    RewardSpec {
        token: AssetInfo::native(BONUS),
        amount: amount.into(),
    }
}

impl World {
    pub fn exec(&mut self, sender: &str, msg: &ExecuteMsg) -> Result<AppResponse> {
        let center = self.center.clone();
        self.suite.farming_exec(sender, &center, msg, &[])
    }

    pub fn exec_with(
        &mut self,
        sender: &str,
        msg: &ExecuteMsg,
        funds: &[Coin],
    ) -> Result<AppResponse> {
        let center = self.center.clone();
        self.suite.farming_exec(sender, &center, msg, funds)
    }

    pub fn err(&mut self, sender: &str, msg: &ExecuteMsg) -> ContractError {
        self.exec(sender, msg)
            .expect_err("expected a refusal")
            .downcast()
            .expect("a farming error")
    }

    /// An eternal farm of `REWARD` at `rate` per second funded with `amount`.
    pub fn eternal(&mut self, amount: u128, rate: u128) -> u64 {
        let msg = ExecuteMsg::CreateEternalFarm {
            pool: self.pool.to_string(),
            reward: reward(amount),
            bonus: None,
            reward_rate: rate.into(),
            bonus_rate: Uint128::zero(),
            min_width: 0,
            tiers: None,
        };
        self.create(msg, coins(amount, REWARD))
    }

    pub fn limit(&mut self, amount: u128, start_in: u64, end_in: u64) -> u64 {
        let now = self.suite.time();
        let msg = ExecuteMsg::CreateLimitFarm {
            pool: self.pool.to_string(),
            reward: reward(amount),
            bonus: None,
            start: now + start_in,
            end: now + end_in,
            min_width: 0,
            tiers: None,
        };
        self.create(msg, coins(amount, REWARD))
    }

    pub fn create(&mut self, msg: ExecuteMsg, funds: Vec<Coin>) -> u64 {
        let res = self.exec_with("maker", &msg, &funds).unwrap();
        attr(&res, "farm_id").parse().unwrap()
    }

    pub fn deposit(
        &mut self,
        user: &str,
        token_id: &str,
        range: (i32, i32),
        liquidity: u128,
        enter: Vec<u64>,
    ) {
        let (pool, center) = (self.pool.clone(), self.center.clone());
        self.suite
            .scripted_deposit(
                user,
                &pool,
                &center,
                (token_id, range.0, range.1, liquidity),
                enter,
            )
            .unwrap();
    }

    pub fn exit(&mut self, user: &str, token_id: &str, farm_id: u64) {
        let msg = ExecuteMsg::ExitFarm {
            pool: self.pool.to_string(),
            token_id: token_id.to_string(),
            farm_id,
        };
        self.exec(user, &msg).unwrap();
    }

    /// The deposit owner takes the NFT back.
    pub fn withdraw(&mut self, user: &str, token_id: &str) {
        let msg = ExecuteMsg::WithdrawToken {
            pool: self.pool.to_string(),
            token_id: token_id.to_string(),
            recipient: None,
        };
        self.exec(user, &msg).unwrap();
    }

    pub fn move_to(&mut self, tick: i32) {
        let pool = self.pool.clone();
        self.suite
            .scripted_exec("trader", &pool, &ScriptedExecute::MoveTo { tick })
            .unwrap();
    }

    pub fn farm(&self, farm_id: u64) -> FarmResponse {
        self.suite
            .farming_query(&self.center, &QueryMsg::Farm { farm_id })
            .unwrap()
    }

    /// `user`'s credited (limit, eternal) balance of `denom`.
    pub fn credited(&self, user: &str, denom: &str) -> (u128, u128) {
        self.credited_token(user, &AssetInfo::native(denom))
    }

    /// `user`'s credited (limit, eternal) balance of `token`.
    pub fn credited_token(&self, user: &str, token: &AssetInfo) -> (u128, u128) {
        let res: RewardBalancesResponse = self
            .suite
            .farming_query(
                &self.center,
                &QueryMsg::RewardBalances {
                    owner: self.suite.addr(user).to_string(),
                    start_after: None,
                    limit: None,
                },
            )
            .unwrap();
        res.balances
            .iter()
            .find(|b: &&RewardBalance| &b.token == token)
            .map_or((0, 0), |b| (b.limit.u128(), b.eternal.u128()))
    }

    pub fn pending(&self, token_id: &str, farm_id: u64) -> [u128; 2] {
        let res: PendingRewardResponse = self
            .suite
            .farming_query(
                &self.center,
                &QueryMsg::PendingReward {
                    pool: self.pool.to_string(),
                    token_id: token_id.to_string(),
                    farm_id,
                },
            )
            .unwrap();
        [res.reward.u128(), res.bonus.u128()]
    }

    pub fn snapshot(&self) -> Vec<(Vec<u8>, Vec<u8>)> {
        let storage = self.suite.app.contract_storage(&self.center.addr);
        storage.range(None, None, Order::Ascending).collect()
    }
}

pub fn attr(res: &AppResponse, key: &str) -> String {
    res.events
        .iter()
        .flat_map(|e| e.attributes.iter())
        .find(|a| a.key == key)
        .map(|a| a.value.clone())
        .unwrap_or_else(|| panic!("no attribute {key}"))
}
