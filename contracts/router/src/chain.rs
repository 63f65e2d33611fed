//! Queries the router makes to other contracts and the bank: the factory's pools, a pool's
//! swap simulation and description, and balances.
use cosmwasm_std::{Addr, QuerierWrapper, StdResult, Uint128};
use cw20::{BalanceResponse, Cw20QueryMsg};
use trellis_types::cl_pool::{QueryMsg as ClQueryMsg, SwapResponse as ClSwapResponse};
use trellis_types::factory::PoolKind;
use trellis_types::factory::{
    ConfigResponse as FactoryConfig, PoolRecord, PoolStatusResponse, PoolsResponse,
    QueryMsg as FactoryQueryMsg,
};
use trellis_types::weighted_pool::{PoolInfoResponse, QueryMsg as PoolQueryMsg, SwapResponse};
use trellis_types::{Asset, AssetInfo};

pub fn factory_config(querier: &QuerierWrapper, factory: &Addr) -> StdResult<FactoryConfig> {
    querier.query_wasm_smart(factory, &FactoryQueryMsg::Config {})
}

/// The factory's listed pools of the pair `a`/`b` (at most its `MAX_POOLS_PER_PAIR`):
/// delisted pools are not among them, so neither routes nor route discovery use them.
pub fn pools_of_pair(
    querier: &QuerierWrapper,
    factory: &Addr,
    a: &AssetInfo,
    b: &AssetInfo,
) -> StdResult<Vec<PoolRecord>> {
    let res: PoolsResponse = querier.query_wasm_smart(
        factory,
        &FactoryQueryMsg::PoolsByAssets {
            assets: [a.clone(), b.clone()],
        },
    )?;
    Ok(res.pools)
}

/// The factory's record of the pool whose LP token this is.
pub fn pool_by_lp_token(
    querier: &QuerierWrapper,
    factory: &Addr,
    lp_token: &str,
) -> StdResult<PoolRecord> {
    querier.query_wasm_smart(
        factory,
        &FactoryQueryMsg::PoolByLpToken {
            lp_token: lp_token.to_string(),
        },
    )
}

/// The factory's record of any pool it created, with whether it is still listed.
pub fn pool_status(
    querier: &QuerierWrapper,
    factory: &Addr,
    pool: &Addr,
) -> StdResult<PoolStatusResponse> {
    querier.query_wasm_smart(
        factory,
        &FactoryQueryMsg::PoolStatus {
            pool: pool.to_string(),
        },
    )
}

/// A pool's answer to "what would you pay for this now", whatever its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Simulated {
    pub amount_out: Uint128,
    /// A concentrated pool would stop before taking all of the input (price end or tick bound).
    pub partial_fill: bool,
}

/// What the pool would pay for `offer` now (the pool computes it with its execute's code). A
/// concentrated pool is asked without a price limit, as its hop swaps.
pub fn simulate_swap(
    querier: &QuerierWrapper,
    pool: &str,
    kind: PoolKind,
    offer: Asset,
) -> StdResult<Simulated> {
    match kind {
        PoolKind::Weighted => {
            let sim: SwapResponse =
                querier.query_wasm_smart(pool, &PoolQueryMsg::SimulateSwapExactIn { offer })?;
            Ok(Simulated {
                amount_out: sim.amount_out,
                partial_fill: false,
            })
        }
        PoolKind::Concentrated => {
            let sim: ClSwapResponse = querier.query_wasm_smart(
                pool,
                &ClQueryMsg::SimulateSwapExactIn {
                    offer: offer.info,
                    amount_in: offer.amount,
                    sqrt_price_limit: None,
                },
            )?;
            Ok(Simulated {
                amount_out: sim.amount_out,
                partial_fill: sim.partial_fill,
            })
        }
    }
}

/// The pool's own description. Untrusted: only used to find its factory record.
pub fn pool_info(querier: &QuerierWrapper, pool: &Addr) -> StdResult<PoolInfoResponse> {
    querier.query_wasm_smart(pool, &PoolQueryMsg::PoolInfo {})
}

pub fn balance(querier: &QuerierWrapper, asset: &AssetInfo, owner: &Addr) -> StdResult<Uint128> {
    match asset {
        AssetInfo::Native { denom } => Ok(querier.query_balance(owner, denom)?.amount),
        AssetInfo::Cw20 { contract_addr } => {
            let res: BalanceResponse = querier.query_wasm_smart(
                contract_addr,
                &Cw20QueryMsg::Balance {
                    address: owner.to_string(),
                },
            )?;
            Ok(res.balance)
        }
    }
}
