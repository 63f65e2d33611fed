//! The current farm's boost and gauge-split side: pools with a tokenless share, pools whose
//! gauge is added to the controller first, kicks, pool checkpoints and working balances.
use anyhow::{Context, Result};
use cw_multi_test::AppResponse;
use trellis_types::asset::AssetInfo;
use trellis_types::farm::{gauge_id, EmissionSplit, ExecuteMsg, PoolKind};

use super::{ControllerHandle, EscrowHandle};
use crate::farm::{FarmHandle, FarmOptions};
use crate::suite::Suite;

impl Suite {
    /// Deploys a farm whose pools may be boosted by `ve` (when given) and whose emission is
    /// split by `gauges`' relative weights (when given; the farm needs the time clock), then
    /// registers the farm as `ve`'s listener so boosts follow lock changes.
    pub fn deploy_ve_farm(
        &mut self,
        options: FarmOptions,
        ve: Option<&EscrowHandle>,
        gauges: Option<&ControllerHandle>,
    ) -> Result<FarmHandle> {
        let mut options = options;
        options.voting_escrow = ve.map(|v| v.addr.clone());
        options.split = gauges.map(|gc| EmissionSplit::Gauges {
            controller: gc.addr.to_string(),
        });
        let farm = self.deploy_farm(options)?;
        if let Some(ve) = ve {
            self.register_farm_with_escrow(ve)
                .context("registering the farm as the escrow's listener")?;
        }
        Ok(farm)
    }

    /// Adds a pool with a tokenless share in percent (100: no boost, 40: Curve, 0: FOO) and
    /// returns its id. A share below 100 needs a farm deployed with a voting escrow.
    pub fn add_pool_with_boost(
        &mut self,
        staking: &AssetInfo,
        kind: PoolKind,
        weight: u64,
        tokenless_share_pct: u8,
    ) -> Result<u64> {
        self.farm_exec_owner(&ExecuteMsg::AddPool {
            staking: staking.clone(),
            kind,
            weight,
            tokenless_share_pct: Some(tokenless_share_pct),
        })?;
        Ok(self.farm_config()?.pool_count - 1)
    }

    /// The gauge id the current farm's pool `pool_id` has (or will have) in a controller.
    pub fn farm_gauge_id(&self, pool_id: u64) -> String {
        gauge_id(self.farm().addr.as_str(), pool_id)
    }

    /// Gauge-split farms: adds the next pool's gauge to `gc` in `gauge_type`, then the pool
    /// itself (weight 0, as the farm requires). Returns the pool id and its gauge id.
    pub fn add_gauge_pool(
        &mut self,
        gc: &ControllerHandle,
        gauge_type: u32,
        staking: &AssetInfo,
        kind: PoolKind,
        tokenless_share_pct: u8,
    ) -> Result<(u64, String)> {
        let next = self.farm_config()?.pool_count;
        let gauge = self.farm_gauge_id(next);
        self.add_gauge(gc, &gauge, gauge_type, None)
            .with_context(|| format!("adding gauge {gauge} for pool {next}"))?;
        let id = self.add_pool_with_boost(staking, kind, 0, tokenless_share_pct)?;
        Ok((id, gauge))
    }

    /// Owner of `ve`: notifies the current farm of every lock change, so boosts follow locks.
    pub fn register_farm_with_escrow(&mut self, ve: &EscrowHandle) -> Result<AppResponse> {
        let farm = self.farm().addr.clone();
        self.add_escrow_listener(ve, &farm)
    }

    /// Anyone (here the suite owner): recomputes `user`'s working balance in a boosted pool
    /// from their ve power now.
    pub fn kick(&mut self, user: &str, pool_id: u64) -> Result<AppResponse> {
        let user = self.addr(user).to_string();
        self.farm_exec_owner(&ExecuteMsg::Kick { user, pool_id })
    }

    /// Anyone (here the suite owner): brings a gauge-split pool's emission up to now.
    pub fn checkpoint_farm_pool(&mut self, pool_id: u64) -> Result<AppResponse> {
        self.farm_exec_owner(&ExecuteMsg::CheckpointPool { pool_id })
    }

    /// Gauge-split farms: checkpoints every pool, so `Totals.emitted` counts each pool's share
    /// up to now (the farm books a pool's share when the pool settles, while `pending` is
    /// computed to now). Call it before a conservation check. Nothing on allocation farms.
    pub fn checkpoint_gauge_pools(&mut self) -> Result<()> {
        let config = self.farm_config()?;
        if !matches!(config.split, EmissionSplit::Gauges { .. }) {
            return Ok(());
        }
        for pool_id in 0..config.pool_count {
            self.checkpoint_farm_pool(pool_id)
                .with_context(|| format!("checkpointing pool {pool_id}"))?;
        }
        Ok(())
    }

    /// The user's working balance in a pool: their stake as it counts for reward.
    pub fn working(&self, user: &str, pool_id: u64) -> Result<u128> {
        Ok(self.position(user, pool_id)?.working.u128())
    }

    /// The pool's working supply: what its reward is spread over.
    pub fn working_supply(&self, pool_id: u64) -> Result<u128> {
        Ok(self.farm_pool(pool_id)?.working_supply.u128())
    }
}
