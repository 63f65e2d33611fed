//! The CL pool's queries: state, config, a position, a tick, a swap simulation, an NFT's owner.
use anyhow::Result;
use cosmwasm_std::Uint128;
use cw721::msg::OwnerOfResponse;
use trellis_types::asset::AssetInfo;
use trellis_types::cl_pool::{
    ConfigResponse, PoolStateResponse, PositionResponse, QueryMsg, SwapResponse, TickResponse,
};

use super::ClPoolHandle;
use crate::suite::Suite;

impl Suite {
    pub fn cl_query<T: serde::de::DeserializeOwned>(
        &self,
        pool: &ClPoolHandle,
        msg: &QueryMsg,
    ) -> Result<T> {
        Ok(self
            .app
            .wrap()
            .query_wasm_smart(pool.address.clone(), msg)?)
    }

    /// Price, tick, in-range liquidity, fee growth and protocol fees owed.
    pub fn cl_pool_state(&self, pool: &ClPoolHandle) -> Result<PoolStateResponse> {
        self.cl_query(pool, &QueryMsg::PoolState {})
    }

    pub fn cl_config(&self, pool: &ClPoolHandle) -> Result<ConfigResponse> {
        self.cl_query(pool, &QueryMsg::Config {})
    }

    /// Range, liquidity, fee growth inside at the last update, tokens owed and owner.
    pub fn cl_position(&self, pool: &ClPoolHandle, token_id: &str) -> Result<PositionResponse> {
        self.cl_query(
            pool,
            &QueryMsg::Position {
                token_id: token_id.to_string(),
            },
        )
    }

    pub fn cl_tick(&self, pool: &ClPoolHandle, tick: i32) -> Result<TickResponse> {
        self.cl_query(pool, &QueryMsg::Tick { tick })
    }

    /// The cw721 owner of a position's NFT.
    pub fn cl_position_owner(&self, pool: &ClPoolHandle, token_id: &str) -> Result<String> {
        let res: OwnerOfResponse = self.cl_query(
            pool,
            &QueryMsg::OwnerOf {
                token_id: token_id.to_string(),
                include_expired: None,
            },
        )?;
        Ok(res.owner)
    }

    /// What selling `amount_in` of `offer` would do now, down to the optional price limit.
    pub fn cl_simulate_swap_exact_in(
        &self,
        pool: &ClPoolHandle,
        offer: &AssetInfo,
        amount_in: u128,
        sqrt_price_limit: Option<cosmwasm_std::Uint256>,
    ) -> Result<SwapResponse> {
        self.cl_query(
            pool,
            &QueryMsg::SimulateSwapExactIn {
                offer: offer.clone(),
                amount_in: Uint128::new(amount_in),
                sqrt_price_limit,
            },
        )
    }
}
