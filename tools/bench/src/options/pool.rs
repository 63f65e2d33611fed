//! A weighted pool of the options world: instantiated with its LP token stubbed (there is no
//! cw20-base artifact: the reply a chain sends carries a stub address, and LP mints are
//! skipped), joined and traded through real messages, cw20 sides included (`TransferFrom`
//! after an allowance for joins, cw20 `Send` hooks for sells).
use std::rc::Rc;

use anyhow::{ensure, Result};
use cosmwasm_std::{Addr, Coin, Decimal, Decimal256, Uint128};
use trellis_types::weighted_pool::{
    ExecuteMsg, InstantiateMsg, OracleConfig, OracleSamplesResponse, PoolInfoResponse,
    PriceResponse, QueryMsg, ReceiveMsg, TwapResponse, WeightedAssetInfo,
};
use trellis_types::AssetInfo;

use crate::amm::params::{LP_TOKEN_CODE_ID, PROTOCOL_FEE_SHARE_BPS, SWAP_FEE_BPS};
use crate::amm::pool::sorted_funds;
use crate::options::cw20_token::Cw20Token;
use crate::options::params::{ORACLE_CAPACITY, ORACLE_SPACING_SECS};
use crate::ve::world::{Tx, World};
use crate::vm::Code;

/// A pool's name (address seed), weights (percent) and first-join balances, in pool order.
#[derive(Clone, Copy, Debug)]
pub struct PoolShape {
    pub name: &'static str,
    pub weights_pct: [u64; 2],
    pub balances: [u128; 2],
}

pub struct WorldPool {
    pub address: Addr,
    pub shape: PoolShape,
    pub assets: [AssetInfo; 2],
}

impl WorldPool {
    /// Instantiates the pool; its LP token's instantiation is answered by a stub (the world
    /// must stub `LP_TOKEN_CODE_ID`).
    pub fn deploy(
        world: &World,
        code: &Rc<Code>,
        address: Addr,
        shape: PoolShape,
        assets: [AssetInfo; 2],
        owner: &str,
    ) -> Result<Self> {
        let msg = InstantiateMsg {
            assets: [0, 1].map(|i| WeightedAssetInfo {
                info: assets[i].clone(),
                weight: Decimal::percent(shape.weights_pct[i]),
                // The options world's tokens are 6-decimal.
                decimals: 6,
            }),
            swap_fee_bps: SWAP_FEE_BPS,
            protocol_fee_share_bps: PROTOCOL_FEE_SHARE_BPS,
            fee_collector: Some(owner.to_string()),
            owner: owner.to_string(),
            lp_token_code_id: LP_TOKEN_CODE_ID,
            lp_token_name: None,
            lp_token_symbol: None,
            oracle: OracleConfig {
                capacity: ORACLE_CAPACITY,
                min_sample_spacing: ORACLE_SPACING_SECS,
            },
        };
        world.instantiate(code, shape.name, &address, owner, &msg)?;
        let pool = WorldPool {
            address,
            shape,
            assets,
        };
        let lp_token = pool.info(world)?.lp_token;
        ensure!(
            world.is_stub(&lp_token),
            "{}'s LP token {lp_token} is not the stub the world created",
            shape.name
        );
        Ok(pool)
    }

    pub fn info(&self, world: &World) -> Result<PoolInfoResponse> {
        world.query(&self.address, &QueryMsg::PoolInfo {})
    }

    pub fn index_of(&self, asset: &AssetInfo) -> Result<usize> {
        self.assets
            .iter()
            .position(|a| a == asset)
            .ok_or_else(|| anyhow::anyhow!("{} does not hold {asset}", self.shape.name))
    }

    /// The first join with the shape's balances: native sides attached, cw20 sides pulled
    /// with `TransferFrom` (the provider must hold them and have allowed the pool).
    pub fn first_join(&self, world: &World, provider: &str) -> Result<Tx> {
        let amounts = self.shape.balances;
        let natives: Vec<(&str, u128)> = (0..2)
            .filter_map(|i| match &self.assets[i] {
                AssetInfo::Native { denom } => Some((denom.as_str(), amounts[i])),
                AssetInfo::Cw20 { .. } => None,
            })
            .collect();
        let msg = ExecuteMsg::Join {
            max_amounts: amounts.map(Uint128::new),
            min_lp_out: None,
            recipient: None,
            deadline: None,
        };
        let tx = world.execute(&self.address, provider, &sorted_funds(&natives), &msg)?;
        let held = self.info(world)?.assets.map(|a| a.balance.u128());
        ensure!(
            held == amounts,
            "{} holds {held:?} after its first join of {amounts:?}",
            self.shape.name
        );
        Ok(tx)
    }

    /// Sells `amount` of asset `offer` without limits (history traffic): native coins
    /// attached, or the cw20's `Send` with the pool's swap hook.
    pub fn sell(&self, world: &World, trader: &str, offer: usize, amount: u128) -> Result<Tx> {
        let before = self.info(world)?.assets[offer].balance.u128();
        let tx = match &self.assets[offer] {
            AssetInfo::Native { denom } => world.execute(
                &self.address,
                trader,
                &[Coin::new(amount, denom.clone())],
                &ExecuteMsg::SwapExactIn {
                    min_out: None,
                    recipient: None,
                    deadline: None,
                },
            )?,
            AssetInfo::Cw20 { contract_addr } => Cw20Token {
                address: Addr::unchecked(contract_addr),
            }
            .send(
                world,
                trader,
                &self.address,
                amount,
                &ReceiveMsg::SwapExactIn {
                    min_out: None,
                    recipient: None,
                    deadline: None,
                },
            )?,
        };
        // The LP side grows by the amount in less the protocol's share of the fee.
        let after = self.info(world)?.assets[offer].balance.u128();
        ensure!(
            after > before && after <= before + amount,
            "{} sold {amount} of asset {offer}, its balance went {before} -> {after}",
            self.shape.name
        );
        Ok(tx)
    }

    /// The spot price of `base` in the other asset.
    pub fn spot(&self, world: &World, base: &AssetInfo) -> Result<Decimal256> {
        let res: PriceResponse =
            world.query(&self.address, &QueryMsg::SpotPrice { base: base.clone() })?;
        Ok(res.price)
    }

    /// How many oracle samples the ring buffer holds (paged through, 100 at a time).
    pub fn samples_held(&self, world: &World) -> Result<usize> {
        let mut count = 0;
        let mut start_after = None;
        loop {
            let page: OracleSamplesResponse = world.query(
                &self.address,
                &QueryMsg::OracleSamples {
                    start_after,
                    limit: Some(100),
                },
            )?;
            let Some(last) = page.samples.last() else {
                return Ok(count);
            };
            count += page.samples.len();
            start_after = Some(last.timestamp);
        }
    }

    /// The pool's TWAP of `base` over `[now - ago - window, now - ago]`.
    pub fn twap(
        &self,
        world: &World,
        base: &AssetInfo,
        window_secs: u64,
        ago_secs: u64,
    ) -> Result<TwapResponse> {
        world.query(
            &self.address,
            &QueryMsg::Twap {
                base: base.clone(),
                window_secs,
                ago_secs,
            },
        )
    }
}
