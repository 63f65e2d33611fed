//! The farming center's messages and queries as the CL farming runner uses them: native funds,
//! response attributes, balances by account name, and the center's queries by farm and
//! position.
use anyhow::{bail, Context, Result};
use cosmwasm_std::{Coin, Uint128};
use cw_multi_test::AppResponse;
use trellis_testing::{AssetInfo, Suite};
use trellis_types::cl_farming::{
    FarmResponse, PendingRewardResponse, QueryMsg, RewardBalancesResponse, VirtualPoolResponse,
};

use super::cl_farm_books::ClFarmWorld;

/// The native coins of `(asset, amount)` pairs, zero amounts left out, sorted by denom (the
/// center compares what is attached with what is owed, per denom).
pub fn native_coins(parts: &[(&AssetInfo, u128)]) -> Result<Vec<Coin>> {
    let mut coins: Vec<Coin> = Vec::new();
    for (asset, amount) in parts.iter().filter(|(_, a)| *a > 0) {
        let AssetInfo::Native { denom } = asset else {
            bail!("{asset} is not a native token: CL farms are funded with bank coins");
        };
        match coins.iter_mut().find(|c| &c.denom == denom) {
            Some(coin) => coin.amount += Uint128::new(*amount),
            None => coins.push(Coin::new(*amount, denom)),
        }
    }
    coins.sort_by(|a, b| a.denom.cmp(&b.denom));
    Ok(coins)
}

/// The first attribute `key` of a response's events.
pub fn attribute(res: &AppResponse, key: &str) -> Option<String> {
    res.events
        .iter()
        .flat_map(|e| e.attributes.iter())
        .find(|a| a.key == key)
        .map(|a| a.value.clone())
}

/// The account's balances of `assets`, in order.
pub fn balances(suite: &Suite, name: &str, assets: &[&AssetInfo]) -> Result<Vec<u128>> {
    assets.iter().map(|a| suite.balance(name, a)).collect()
}

/// `after - before` per asset, refusing a balance that fell.
pub fn gained(before: &[u128], after: &[u128], what: &str) -> Result<Vec<u128>> {
    before
        .iter()
        .zip(after)
        .map(|(b, a)| {
            a.checked_sub(*b)
                .with_context(|| format!("{what}: a balance fell from {b} to {a}"))
        })
        .collect()
}

impl ClFarmWorld {
    pub fn farm(&self, suite: &Suite, farm_id: u64) -> Result<FarmResponse> {
        suite
            .farming_query(self.center(), &QueryMsg::Farm { farm_id })
            .with_context(|| format!("querying CL farm {farm_id}"))
    }

    pub fn virtual_pool(&self, suite: &Suite, farm_id: u64) -> Result<VirtualPoolResponse> {
        suite
            .farming_query(self.center(), &QueryMsg::VirtualPool { farm_id })
            .with_context(|| format!("querying the virtual pool of CL farm {farm_id}"))
    }

    /// What exiting now would credit the position, (reward, bonus).
    pub fn pending(
        &self,
        suite: &Suite,
        pool: &str,
        token_id: &str,
        farm_id: u64,
    ) -> Result<[u128; 2]> {
        let msg = QueryMsg::PendingReward {
            pool: pool.to_string(),
            token_id: token_id.to_string(),
            farm_id,
        };
        let res: PendingRewardResponse = suite
            .farming_query(self.center(), &msg)
            .with_context(|| format!("querying the pending reward of position {token_id}"))?;
        Ok([res.reward.u128(), res.bonus.u128()])
    }

    /// `owner`'s credited, unclaimed balance of `token`, (limit, eternal).
    pub fn credited_balance(
        &self,
        suite: &Suite,
        owner: &str,
        token: &AssetInfo,
    ) -> Result<[u128; 2]> {
        let msg = QueryMsg::RewardBalances {
            owner: suite.addr(owner).to_string(),
            start_after: None,
            limit: Some(100),
        };
        let res: RewardBalancesResponse = suite
            .farming_query(self.center(), &msg)
            .with_context(|| format!("querying the reward balances of {owner}"))?;
        Ok(res
            .balances
            .iter()
            .find(|b| &b.token == token)
            .map_or([0, 0], |b| [b.limit.u128(), b.eternal.u128()]))
    }
}
