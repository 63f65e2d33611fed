//! Queries. The simulations run the same outcome functions as the execute handlers on the
//! current state, so each answers exactly what the action would do now.
use cosmwasm_std::{Decimal256, Deps, Env, Uint128};
use trellis_math::weighted::spot_price as weighted_spot_price;
use trellis_types::weighted_pool::{
    ExitResponse, JoinResponse, OracleSamplesResponse, PoolAsset, PoolInfoResponse, PriceResponse,
    SwapResponse, TwapResponse,
};
use trellis_types::{Asset, AssetInfo};

use crate::error::ContractError;
use crate::execute::asset_index;
use crate::limits::{DEFAULT_LIMIT, MAX_LIMIT};
use crate::oracle;
use crate::outcome::{exit, join, swap};
use crate::state::{Config, Pool, Reserves, CONFIG, LP_TOKEN, POOL};

fn load(deps: Deps) -> Result<(Config, Reserves), ContractError> {
    Ok((
        CONFIG.load(deps.storage)?,
        POOL.load(deps.storage)?.reserves,
    ))
}

pub fn pool_info(deps: Deps) -> Result<PoolInfoResponse, ContractError> {
    let (config, reserves) = load(deps)?;
    let asset = |i: usize| PoolAsset {
        info: config.assets[i].clone(),
        weight: config.weights[i],
        balance: reserves.balances[i],
        protocol_fees_owed: reserves.fees_owed[i],
    };
    Ok(PoolInfoResponse {
        assets: [asset(0), asset(1)],
        lp_token: LP_TOKEN.load(deps.storage)?.to_string(),
        lp_supply: reserves.lp_supply,
        swap_fee_bps: config.swap_fee_bps,
        protocol_fee_share_bps: config.protocol_fee_share_bps,
        fee_collector: config.fee_collector.as_ref().map(|a| a.to_string()),
        oracle: config.oracle,
    })
}

/// Price of `base` in units of the other asset: `(b_quote / w_quote) / (b_base / w_base)`,
/// rounded down by the math.
pub fn spot_price(deps: Deps, base: AssetInfo) -> Result<PriceResponse, ContractError> {
    let (config, reserves) = load(deps)?;
    let base = asset_index(&config, &base)?;
    if reserves.is_empty() {
        return Err(ContractError::EmptyPool);
    }
    let quote = 1 - base;
    let (b, w) = (reserves.balances, config.weight_atomics());
    let price = weighted_spot_price(b[quote], w[quote], b[base], w[base])?;
    Ok(PriceResponse {
        price: Decimal256::new(price),
    })
}

pub fn simulate_swap_exact_in(deps: Deps, offer: Asset) -> Result<SwapResponse, ContractError> {
    let (config, reserves) = load(deps)?;
    let i = asset_index(&config, &offer.info)?;
    Ok(swap::swap_exact_in(&config, &reserves, i, offer.amount)?.response(&config))
}

pub fn simulate_swap_exact_out(deps: Deps, ask: Asset) -> Result<SwapResponse, ContractError> {
    let (config, reserves) = load(deps)?;
    let offer = 1 - asset_index(&config, &ask.info)?;
    Ok(swap::swap_exact_out(&config, &reserves, offer, ask.amount)?.response(&config))
}

pub fn simulate_join(deps: Deps, max_amounts: [Uint128; 2]) -> Result<JoinResponse, ContractError> {
    let (config, reserves) = load(deps)?;
    Ok(join::join(&config, &reserves, max_amounts)?.response())
}

pub fn simulate_join_single(deps: Deps, offer: Asset) -> Result<JoinResponse, ContractError> {
    let (config, reserves) = load(deps)?;
    let i = asset_index(&config, &offer.info)?;
    Ok(join::join_single(&config, &reserves, i, offer.amount)?.response())
}

pub fn simulate_exit(deps: Deps, lp_amount: Uint128) -> Result<ExitResponse, ContractError> {
    let (_, reserves) = load(deps)?;
    Ok(exit::exit(&reserves, lp_amount)?.response())
}

pub fn simulate_exit_single(
    deps: Deps,
    lp_amount: Uint128,
    asset: AssetInfo,
) -> Result<ExitResponse, ContractError> {
    let (config, reserves) = load(deps)?;
    let i = asset_index(&config, &asset)?;
    Ok(exit::exit_single(&config, &reserves, i, lp_amount)?.response())
}

pub fn twap(
    deps: Deps,
    env: Env,
    base: AssetInfo,
    window_secs: u64,
    ago_secs: u64,
) -> Result<TwapResponse, ContractError> {
    let config = CONFIG.load(deps.storage)?;
    let pool: Pool = POOL.load(deps.storage)?;
    let base = asset_index(&config, &base)?;
    oracle::twap(
        deps.storage,
        &config,
        &pool,
        env.block.time.seconds(),
        base,
        window_secs,
        ago_secs,
    )
}

pub fn oracle_samples(
    deps: Deps,
    start_after: Option<u64>,
    limit: Option<u32>,
) -> Result<OracleSamplesResponse, ContractError> {
    let config = CONFIG.load(deps.storage)?;
    let pool = POOL.load(deps.storage)?;
    let limit = limit.unwrap_or(DEFAULT_LIMIT).min(MAX_LIMIT);
    Ok(OracleSamplesResponse {
        samples: oracle::samples(deps.storage, &config, &pool, start_after, limit)?,
    })
}
