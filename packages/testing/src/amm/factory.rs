//! The pool factory: deployment, pool creation and the factory's queries.
use anyhow::{anyhow, Result};
use cosmwasm_std::{Addr, Decimal};
use cw_multi_test::AppResponse;
use trellis_types::asset::AssetInfo;
use trellis_types::factory::{
    ConfigResponse, ExecuteMsg, InstantiateMsg, PoolParams, PoolRecord, PoolStatusResponse,
    PoolsResponse, QueryMsg,
};
use trellis_types::weighted_pool::{OracleConfig, WeightedAssetInfo};

use super::{FactoryHandle, FactoryOptions, PoolHandle};
use crate::codes::ContractKind;
use crate::suite::Suite;

/// Page size used when the harness walks the factory's pools.
const PAGE: u32 = 30;

impl Suite {
    /// Instantiates a factory owned by `suite.owner` (pool code: the stored weighted pool, LP
    /// token code: cw20-base) and makes it the suite's current factory.
    pub fn deploy_factory(&mut self, options: FactoryOptions) -> Result<FactoryHandle> {
        let msg = InstantiateMsg {
            owner: self.owner.to_string(),
            pool_code_id: self.codes.get(ContractKind::WeightedPool),
            lp_token_code_id: self.codes.get(ContractKind::Cw20Base),
            protocol_token: options.protocol_token.clone(),
            fee_collector: options.fee_collector.as_ref().map(|c| c.to_string()),
            protocol_fee_share_bps: options.protocol_fee_share_bps,
            default_oracle: options.default_oracle,
            permissionless_creation: options.permissionless_creation,
            cl_pool_code_id: Some(self.codes.get(ContractKind::ClPool)),
        };
        let addr = self
            .instantiate_as_owner(
                ContractKind::PoolFactory,
                &msg,
                ContractKind::PoolFactory.label(),
            )
            .map_err(|e| anyhow!("instantiating the pool factory: {e:#}"))?;
        let handle = FactoryHandle {
            addr,
            protocol_token: options.protocol_token,
        };
        self.factory = Some(handle.clone());
        Ok(handle)
    }

    /// The current factory. Panics when there is none.
    pub fn factory(&self) -> &FactoryHandle {
        self.factory
            .as_ref()
            .expect("no factory deployed: call deploy_factory first")
    }

    pub fn select_factory(&mut self, factory: FactoryHandle) {
        self.factory = Some(factory);
    }

    /// Executes a factory message from `sender` (a contract error stays downcastable).
    pub fn factory_exec(&mut self, sender: &Addr, msg: &ExecuteMsg) -> Result<AppResponse> {
        let factory = self.factory().addr.clone();
        self.execute_contract(sender.clone(), factory, msg, &[])
    }

    /// Creates a pool of `assets` with `weights` (same order; each at least 1%, summing to 1)
    /// from the named account, with the factory's default oracle.
    pub fn create_weighted_pool(
        &mut self,
        creator: &str,
        assets: [AssetInfo; 2],
        weights: [Decimal; 2],
        swap_fee_bps: u16,
    ) -> Result<PoolHandle> {
        self.create_weighted_pool_with(creator, assets, weights, swap_fee_bps, None)
    }

    /// [`Suite::create_weighted_pool`] with an explicit oracle.
    pub fn create_weighted_pool_with(
        &mut self,
        creator: &str,
        assets: [AssetInfo; 2],
        weights: [Decimal; 2],
        swap_fee_bps: u16,
        oracle: Option<OracleConfig>,
    ) -> Result<PoolHandle> {
        let sender = self.addr(creator);
        let decimals = [
            self.asset_decimals(&assets[0])?,
            self.asset_decimals(&assets[1])?,
        ];
        let msg = ExecuteMsg::CreatePool {
            assets: [0, 1].map(|i| WeightedAssetInfo {
                info: assets[i].clone(),
                weight: weights[i],
                decimals: decimals[i],
            }),
            swap_fee_bps,
            oracle,
        };
        self.factory_exec(&sender, &msg)?;
        let record = self.factory_pool(assets, weights)?;
        Ok(Suite::pool_handle(&record))
    }

    /// The handle of a weighted pool the factory recorded. Panics on a concentrated pool's
    /// record (see [`Suite::cl_pool_handle`]).
    pub fn pool_handle(record: &PoolRecord) -> PoolHandle {
        let PoolParams::Weighted {
            lp_token,
            weights,
            swap_fee_bps,
        } = &record.params
        else {
            panic!("pool {} is not a weighted pool", record.address);
        };
        PoolHandle {
            id: record.id,
            address: Addr::unchecked(&record.address),
            lp_token: AssetInfo::cw20(lp_token),
            assets: record.assets.clone(),
            weights: *weights,
            swap_fee_bps: *swap_fee_bps,
        }
    }

    pub fn factory_query<T: serde::de::DeserializeOwned>(&self, msg: &QueryMsg) -> Result<T> {
        let factory = self.factory().addr.clone();
        Ok(self.app.wrap().query_wasm_smart(factory, msg)?)
    }

    pub fn factory_config(&self) -> Result<ConfigResponse> {
        self.factory_query(&QueryMsg::Config {})
    }

    /// One page of the factory's pools.
    pub fn factory_pools_page(
        &self,
        start_after: Option<u64>,
        limit: Option<u32>,
    ) -> Result<Vec<PoolRecord>> {
        let page: PoolsResponse = self.factory_query(&QueryMsg::Pools { start_after, limit })?;
        Ok(page.pools)
    }

    /// Every pool of the factory, in id order (walks the pagination).
    pub fn factory_pools(&self) -> Result<Vec<PoolRecord>> {
        let mut out: Vec<PoolRecord> = Vec::new();
        loop {
            let page = self.factory_pools_page(out.last().map(|p| p.id), Some(PAGE))?;
            let done = page.len() < PAGE as usize;
            out.extend(page);
            if done {
                return Ok(out);
            }
        }
    }

    /// Every pool of a pair (either order).
    pub fn pools_by_assets(&self, assets: [AssetInfo; 2]) -> Result<Vec<PoolRecord>> {
        let res: PoolsResponse = self.factory_query(&QueryMsg::PoolsByAssets { assets })?;
        Ok(res.pools)
    }

    /// The pool of a pair with exactly these weights (in the order of `assets`).
    pub fn factory_pool(
        &self,
        assets: [AssetInfo; 2],
        weights: [Decimal; 2],
    ) -> Result<PoolRecord> {
        self.factory_query(&QueryMsg::Pool { assets, weights })
    }

    pub fn pool_by_lp_token(&self, lp_token: &AssetInfo) -> Result<PoolRecord> {
        let lp_token = Suite::cw20_addr(lp_token)?.to_string();
        self.factory_query(&QueryMsg::PoolByLpToken { lp_token })
    }

    /// The owner delists `pool` (it leaves routing and new farm listings; its LPs can exit).
    pub fn delist_pool(&mut self, pool: &PoolHandle) -> Result<AppResponse> {
        let owner = self.owner.clone();
        let msg = ExecuteMsg::DelistPool {
            pool: pool.address.to_string(),
        };
        self.factory_exec(&owner, &msg)
    }

    /// The owner lists a delisted `pool` again.
    pub fn relist_pool(&mut self, pool: &PoolHandle) -> Result<AppResponse> {
        let owner = self.owner.clone();
        let msg = ExecuteMsg::RelistPool {
            pool: pool.address.to_string(),
        };
        self.factory_exec(&owner, &msg)
    }

    /// The factory's record of `pool` and whether it is listed.
    pub fn pool_status(&self, pool: &PoolHandle) -> Result<PoolStatusResponse> {
        self.factory_query(&QueryMsg::PoolStatus {
            pool: pool.address.to_string(),
        })
    }

    pub fn is_native_pair(&self, assets: [AssetInfo; 2]) -> Result<bool> {
        self.factory_query(&QueryMsg::IsNativePair { assets })
    }
}
