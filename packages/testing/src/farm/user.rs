//! User actions on the current farm.
use anyhow::{Context, Result};
use cosmwasm_std::{coins, Uint128};
use cw_multi_test::AppResponse;
use trellis_types::asset::AssetInfo;
use trellis_types::farm::{ExecuteMsg, ReceiveMsg};

use super::CLAIM_CHUNK;
use crate::suite::Suite;

impl Suite {
    /// Stakes `amount` of the pool's staking asset from the named account: a native
    /// `Deposit` with coins, or a cw20 `Send` with `ReceiveMsg::Deposit`.
    pub fn stake(&mut self, user: &str, pool_id: u64, amount: u128) -> Result<AppResponse> {
        let staking = self.farm_pool(pool_id)?.staking;
        let sender = self.addr(user);
        match &staking {
            AssetInfo::Native { denom } => self.farm_exec_as(
                &sender,
                &ExecuteMsg::Deposit {
                    pool_id,
                    recipient: None,
                },
                &coins(amount, denom),
            ),
            token @ AssetInfo::Cw20 { .. } => {
                let farm = self.farm().addr.clone();
                self.cw20_send(
                    &sender,
                    token,
                    &farm,
                    amount,
                    &ReceiveMsg::Deposit {
                        pool_id,
                        recipient: None,
                    },
                )
            }
        }
    }

    /// Unstakes `amount` back to the user (rewards stay credited).
    pub fn unstake(&mut self, user: &str, pool_id: u64, amount: u128) -> Result<AppResponse> {
        let sender = self.addr(user);
        self.farm_exec_as(
            &sender,
            &ExecuteMsg::Withdraw {
                pool_id,
                amount: Uint128::new(amount),
                recipient: None,
            },
            &[],
        )
    }

    /// Claims the pending reward of `pool_ids` to the user.
    pub fn claim(&mut self, user: &str, pool_ids: &[u64]) -> Result<AppResponse> {
        let sender = self.addr(user);
        self.farm_exec_as(
            &sender,
            &ExecuteMsg::Claim {
                pool_ids: pool_ids.to_vec(),
                recipient: None,
            },
            &[],
        )
    }

    /// Claims every pool the user has a position in (in chunks of [`CLAIM_CHUNK`]) and
    /// returns how much reward the user received.
    pub fn claim_all(&mut self, user: &str) -> Result<u128> {
        let pool_ids: Vec<u64> = self.positions(user)?.iter().map(|p| p.pool_id).collect();
        let reward = self.farm().reward_asset.clone();
        let before = self.balance(user, &reward)?;
        for chunk in pool_ids.chunks(CLAIM_CHUNK) {
            self.claim(user, chunk)
                .with_context(|| format!("{user} claiming pools {chunk:?}"))?;
        }
        Ok(self.balance(user, &reward)? - before)
    }

    /// Returns all principal of a pool and forfeits the pending reward.
    pub fn emergency_withdraw(&mut self, user: &str, pool_id: u64) -> Result<AppResponse> {
        let sender = self.addr(user);
        self.farm_exec_as(
            &sender,
            &ExecuteMsg::EmergencyWithdraw {
                pool_id,
                recipient: None,
            },
            &[],
        )
    }
}
