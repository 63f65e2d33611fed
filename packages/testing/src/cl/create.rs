//! Instantiating a CL pool directly (the factory does not create CL pools yet): the suite owner
//! owns it and creates its position collection.
use anyhow::{Context, Result};
use trellis_types::cl_pool::InstantiateMsg;

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
}
