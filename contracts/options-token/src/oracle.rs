//! The strike price from the pool's geometric TWAP. The pool is asked for the price of the
//! underlying in units of the other asset (the payment token), so the orientation never
//! depends on the pool's asset order. A pool that cannot cover the window refuses, and so
//! does the exercise: there is no fallback to a spot price.
use cosmwasm_std::{Decimal, Deps};
use trellis_math::options::strike_price;
use trellis_types::options_token::StrikePriceResponse;
use trellis_types::weighted_pool::{
    OracleConfig as PoolOracle, PoolInfoResponse, QueryMsg as PoolQuery, TwapResponse,
};
use trellis_types::AssetInfo;

use crate::error::ContractError;
use crate::state::{Config, Oracle};

/// Payment per underlying over the configured window.
pub fn twap(deps: Deps, config: &Config) -> Result<Decimal, ContractError> {
    let response: TwapResponse = deps
        .querier
        .query_wasm_smart(
            &config.oracle.pool,
            &PoolQuery::Twap {
                base: config.underlying.clone(),
                window_secs: config.oracle.window_secs,
                ago_secs: config.oracle.ago_secs,
            },
        )
        .map_err(|e| ContractError::OracleUnavailable {
            reason: e.to_string(),
        })?;
    Decimal::try_from(response.price).map_err(|_| ContractError::OracleUnavailable {
        reason: format!("price {} does not fit 128 bits", response.price),
    })
}

pub fn strike(deps: Deps, config: &Config) -> Result<StrikePriceResponse, ContractError> {
    let twap = twap(deps, config)?;
    let (strike, clamped) = strike_price(twap, config.multiplier_bps, config.min_price)?;
    Ok(StrikePriceResponse {
        twap,
        strike,
        clamped,
    })
}

/// History a pool's ring buffer is sure to hold once it has been trading long enough, whatever
/// the trading pattern: `(capacity - 2) * min_sample_spacing` seconds. Slots open at least one
/// spacing apart, so the newest opened at least `capacity - 2` spacings after the second
/// oldest; the oldest may have been moved forward until just before the second opened, and the
/// newest may have opened just now. (`capacity * spacing` is only the most it can hold.)
pub fn guaranteed_history_secs(oracle: &PoolOracle) -> u128 {
    u128::from(oracle.capacity.saturating_sub(2)) * u128::from(oracle.min_sample_spacing)
}

/// Checks the pool holds exactly the underlying and the payment token, and that its oracle
/// can always serve the window ending `ago_secs` ago: otherwise exercises could become
/// impossible for as long as the pool trades often.
pub fn check_pool(
    deps: Deps,
    oracle: &Oracle,
    underlying: &AssetInfo,
    payment: &AssetInfo,
) -> Result<(), ContractError> {
    let mismatch = || ContractError::PoolAssetsMismatch {
        pool: oracle.pool.to_string(),
        underlying: underlying.to_string(),
        payment: payment.to_string(),
    };
    let info: PoolInfoResponse = deps
        .querier
        .query_wasm_smart(&oracle.pool, &PoolQuery::PoolInfo {})
        .map_err(|_| mismatch())?;
    let held = [&info.assets[0].info, &info.assets[1].info];
    if !(held.contains(&underlying) && held.contains(&payment)) {
        return Err(mismatch());
    }
    let covered_secs = guaranteed_history_secs(&info.oracle);
    let needed_secs = u128::from(oracle.window_secs) + u128::from(oracle.ago_secs);
    if covered_secs < needed_secs {
        return Err(ContractError::OracleHistoryTooShort {
            pool: oracle.pool.to_string(),
            capacity: info.oracle.capacity,
            min_sample_spacing: info.oracle.min_sample_spacing,
            covered_secs,
            needed_secs,
        });
    }
    Ok(())
}
