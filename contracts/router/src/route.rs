//! Validating a route: its length, and for every hop that the pool is a factory pool trading
//! both the asset offered at that hop and the asset asked, and visited only once. The offer of
//! hop 0 is what the trader sent; the offer of every later hop is the previous hop's ask.
use cosmwasm_std::{Addr, Api, Deps};
use trellis_types::router::Hop;
use trellis_types::AssetInfo;

use crate::chain::{pool_by_lp_token, pool_info, pool_status, pools_of_pair};
use crate::error::ContractError;
use crate::limits::MAX_HOPS;
use crate::state::RouteHop;

pub fn validate_address(
    api: &dyn Api,
    field: &'static str,
    address: &str,
) -> Result<Addr, ContractError> {
    api.addr_validate(address)
        .map_err(|e| ContractError::InvalidAddress {
            field,
            address: address.to_string(),
            reason: e.to_string(),
        })
}

pub fn validate_asset(api: &dyn Api, asset: &AssetInfo) -> Result<AssetInfo, ContractError> {
    asset
        .validate(api)
        .map_err(|e| ContractError::InvalidAsset {
            asset: asset.to_string(),
            reason: e.to_string(),
        })
}

/// The validated hops of `route` for an input of `offer`. One factory query per hop.
pub fn validate_route(
    deps: Deps,
    factory: &Addr,
    offer: &AssetInfo,
    route: &[Hop],
) -> Result<Vec<RouteHop>, ContractError> {
    if route.is_empty() {
        return Err(ContractError::EmptyRoute);
    }
    if route.len() > MAX_HOPS {
        return Err(ContractError::TooManyHops {
            hops: route.len(),
            max: MAX_HOPS,
        });
    }
    let mut offer = validate_asset(deps.api, offer)?;
    let mut hops = Vec::with_capacity(route.len());
    for (index, hop) in route.iter().enumerate() {
        let ask = validate_asset(deps.api, &hop.ask)?;
        if ask == offer {
            return Err(ContractError::SameAssetHop {
                hop: index,
                asset: ask.to_string(),
            });
        }
        let unknown = || ContractError::UnknownPool {
            hop: index,
            pool: hop.pool.clone(),
        };
        let pool = deps.api.addr_validate(&hop.pool).map_err(|_| unknown())?;
        // A second visit would trade against state the first changed, which `SimulateRoute`
        // (one query per pool) cannot see; and a loop through one pool only pays fees.
        if hops.iter().any(|h: &RouteHop| h.pool == pool) {
            return Err(ContractError::PoolRepeated {
                hop: index,
                pool: pool.to_string(),
            });
        }
        // The factory's list of the pair is the trusted answer; nothing the pool says is.
        let known = pools_of_pair(&deps.querier, factory, &offer, &ask)?
            .into_iter()
            .find(|record| record.address == pool.as_str());
        let Some(record) = known else {
            return Err(diagnose(deps, factory, index, &pool, &offer, &ask));
        };
        hops.push(RouteHop {
            pool,
            kind: record.kind(),
            offer,
            ask: ask.clone(),
        });
        offer = ask;
    }
    Ok(hops)
}

/// Words the refusal of a hop whose pool the factory does not list for `offer`/`ask`. The
/// factory's `PoolStatus` tells a delisted pool; otherwise the factory's record (found by
/// address, or through the contract's LP token with a factory that predates `PoolStatus`),
/// not the contract's own answer, tells a broken chain or a wrong ask from a stranger.
fn diagnose(
    deps: Deps,
    factory: &Addr,
    hop: usize,
    pool: &Addr,
    offer: &AssetInfo,
    ask: &AssetInfo,
) -> ContractError {
    let unknown = ContractError::UnknownPool {
        hop,
        pool: pool.to_string(),
    };
    let record = match pool_status(&deps.querier, factory, pool) {
        Ok(status) if !status.listed => {
            return ContractError::PoolDelisted {
                hop,
                pool: pool.to_string(),
            }
        }
        Ok(status) => Ok(status.pool),
        Err(_) => pool_info(&deps.querier, pool)
            .and_then(|info| pool_by_lp_token(&deps.querier, factory, &info.lp_token)),
    };
    let record = match record {
        Ok(record) if record.address == pool.as_str() => record,
        _ => return unknown,
    };
    match (record.trades(offer), record.trades(ask)) {
        (false, _) if hop == 0 => ContractError::OfferNotInPool {
            hop,
            pool: pool.to_string(),
            offer: offer.to_string(),
        },
        (false, _) => ContractError::BrokenChain {
            hop,
            pool: pool.to_string(),
            previous_ask: offer.to_string(),
        },
        (true, false) => ContractError::AskNotInPool {
            hop,
            pool: pool.to_string(),
            ask: ask.to_string(),
        },
        // Unreachable for a factory pool (the factory lists it for this pair); refuse anyway.
        (true, true) => unknown,
    }
}
