//! Queries of the current farm.
use anyhow::Result;
use trellis_types::farm::{
    ConfigResponse, EmissionRateResponse, PendingResponse, PolicyStatusResponse, PoolResponse,
    PoolsResponse, PositionResponse, PositionsResponse, ProjectedEmissionResponse, QueryMsg,
    TotalsResponse,
};

use super::PAGE;
use crate::suite::Suite;

impl Suite {
    pub fn farm_query<T: serde::de::DeserializeOwned>(&self, msg: &QueryMsg) -> Result<T> {
        let farm = self.farm().addr.clone();
        Ok(self.app.wrap().query_wasm_smart(farm, msg)?)
    }

    pub fn farm_config(&self) -> Result<ConfigResponse> {
        self.farm_query(&QueryMsg::Config {})
    }

    pub fn farm_pool(&self, pool_id: u64) -> Result<PoolResponse> {
        self.farm_query(&QueryMsg::Pool { pool_id })
    }

    /// Every pool, in id order (walks the pagination).
    pub fn farm_pools(&self) -> Result<Vec<PoolResponse>> {
        let mut out: Vec<PoolResponse> = Vec::new();
        loop {
            let page: PoolsResponse = self.farm_query(&QueryMsg::Pools {
                start_after: out.last().map(|p| p.pool_id),
                limit: Some(PAGE),
            })?;
            let done = page.pools.len() < PAGE as usize;
            out.extend(page.pools);
            if done {
                return Ok(out);
            }
        }
    }

    pub fn position(&self, user: &str, pool_id: u64) -> Result<PositionResponse> {
        self.farm_query(&QueryMsg::Position {
            pool_id,
            user: self.addr(user).to_string(),
        })
    }

    /// Every position of the user, in pool id order (walks the pagination).
    pub fn positions(&self, user: &str) -> Result<Vec<PositionResponse>> {
        let user = self.addr(user).to_string();
        let mut out: Vec<PositionResponse> = Vec::new();
        loop {
            let page: PositionsResponse = self.farm_query(&QueryMsg::Positions {
                user: user.clone(),
                start_after: out.last().map(|p| p.pool_id),
                limit: Some(PAGE),
            })?;
            let done = page.positions.len() < PAGE as usize;
            out.extend(page.positions);
            if done {
                return Ok(out);
            }
        }
    }

    /// The user's pending reward in one pool.
    pub fn pending(&self, user: &str, pool_id: u64) -> Result<u128> {
        let res: PendingResponse = self.farm_query(&QueryMsg::Pending {
            user: self.addr(user).to_string(),
            pool_ids: vec![pool_id],
        })?;
        Ok(res.total.u128())
    }

    pub fn totals(&self) -> Result<TotalsResponse> {
        self.farm_query(&QueryMsg::Totals {})
    }

    pub fn emission_rate(&self) -> Result<EmissionRateResponse> {
        self.farm_query(&QueryMsg::EmissionRate {})
    }

    pub fn projected_emission(&self, from: u64, to: u64) -> Result<u128> {
        let res: ProjectedEmissionResponse =
            self.farm_query(&QueryMsg::ProjectedEmission { from, to })?;
        Ok(res.amount.u128())
    }

    pub fn policy_status(&self) -> Result<PolicyStatusResponse> {
        self.farm_query(&QueryMsg::PolicyStatus {})
    }
}
