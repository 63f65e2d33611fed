//! Creating a CL pool: directly (the suite owner owns it and creates its position
//! collection), or through the current factory (`CreateClPool`).
use anyhow::{anyhow, Context, Result};
use cosmwasm_std::Addr;
use trellis_types::cl_pool::InstantiateMsg;
use trellis_types::factory::{ExecuteMsg as FactoryExecuteMsg, PoolParams, PoolRecord, QueryMsg};

use super::{ClPoolHandle, ClPoolOptions};
use crate::codes::ContractKind;
use crate::suite::Suite;

impl Suite {
    /// A new CL pool with `options`; the collection's name and symbol are the pool's defaults.
    pub fn create_cl_pool(&mut self, options: ClPoolOptions) -> Result<ClPoolHandle> {
        let msg = InstantiateMsg {
            assets: options.assets.clone(),
            fee_tier: options.fee_tier,
            protocol_fee_share_bps: options.protocol_fee_share_bps,
            fee_collector: options.fee_collector.as_ref().map(|c| c.to_string()),
            owner: self.owner.to_string(),
            sqrt_price: options.sqrt_price,
            oracle: options.oracle,
            collection_name: None,
            collection_symbol: None,
        };
        let label = format!(
            "cl-pool {}/{} {}",
            options.assets[0], options.assets[1], options.fee_tier.fee_pips
        );
        let address = self
            .instantiate_as_owner(ContractKind::ClPool, &msg, &label)
            .with_context(|| format!("instantiating {label}"))?;
        Ok(ClPoolHandle {
            address,
            assets: options.assets,
            fee_tier: options.fee_tier,
        })
    }

    /// A CL pool created by the current factory from the named account, with `oracle` (only
    /// the factory's owner may give one; `None` is the factory's), found again through the
    /// factory's `ClPool` query. `options`' fee collector and oracle are not used: the factory
    /// gives its own.
    pub fn create_cl_pool_via_factory(
        &mut self,
        creator: &str,
        options: ClPoolOptions,
        oracle: Option<trellis_types::weighted_pool::OracleConfig>,
    ) -> Result<ClPoolHandle> {
        let sender = self.addr(creator);
        let msg = FactoryExecuteMsg::CreateClPool {
            assets: options.assets.clone(),
            fee_tier: options.fee_tier,
            sqrt_price: options.sqrt_price,
            oracle,
        };
        self.factory_exec(&sender, &msg)?;
        let record: PoolRecord = self.factory_query(&QueryMsg::ClPool {
            assets: options.assets,
            fee_pips: options.fee_tier.fee_pips,
        })?;
        Suite::cl_pool_handle(&record)
    }

    /// The handle of a concentrated pool the factory recorded.
    pub fn cl_pool_handle(record: &PoolRecord) -> Result<ClPoolHandle> {
        match &record.params {
            PoolParams::Concentrated { fee_tier } => Ok(ClPoolHandle {
                address: Addr::unchecked(&record.address),
                assets: record.assets.clone(),
                fee_tier: *fee_tier,
            }),
            PoolParams::Weighted { .. } => Err(anyhow!(
                "pool {} is a weighted pool, not a concentrated one",
                record.address
            )),
        }
    }
}
