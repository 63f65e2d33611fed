//! Queries: the config, a route's simulated output and the best route. Every pool is asked
//! with its own `SimulateSwapExactIn`, which runs the code its swap runs.
use cosmwasm_std::{Deps, Uint128};
use trellis_types::factory::PoolRecord;
use trellis_types::router::{ConfigResponse, Hop, RouteResponse};
use trellis_types::{Asset, AssetInfo};

use crate::chain::{pools_of_pair, simulate_swap};
use crate::error::ContractError;
use crate::limits::MAX_POOLS_PER_PAIR;
use crate::route::{validate_asset, validate_route};
use crate::state::CONFIG;

pub fn config(deps: Deps) -> Result<ConfigResponse, ContractError> {
    let config = CONFIG.load(deps.storage)?;
    Ok(ConfigResponse {
        factory: config.factory.to_string(),
        protocol_token: config.protocol_token,
    })
}

/// Validates the route as `ExecuteRoute` would, then simulates hop after hop.
pub fn simulate_route(
    deps: Deps,
    offer: Asset,
    route: Vec<Hop>,
) -> Result<RouteResponse, ContractError> {
    if offer.amount.is_zero() {
        return Err(ContractError::ZeroAmount);
    }
    let config = CONFIG.load(deps.storage)?;
    let hops = validate_route(deps, &config.factory, &offer.info, &route)?;
    let mut amount = offer.amount;
    let mut amounts_out = Vec::with_capacity(hops.len());
    for hop in &hops {
        let input = Asset {
            info: hop.offer.clone(),
            amount,
        };
        let sim = simulate_swap(&deps.querier, hop.pool.as_str(), hop.kind, input)?;
        if sim.partial_fill {
            return Err(ContractError::PartialFill {
                hop: amounts_out.len(),
                pool: hop.pool.to_string(),
            });
        }
        amount = sim.amount_out;
        amounts_out.push(amount);
    }
    let route = hops
        .into_iter()
        .map(|hop| Hop {
            pool: hop.pool.to_string(),
            ask: hop.ask,
        })
        .collect();
    Ok(RouteResponse {
        route,
        amounts_out,
        amount_out: amount,
    })
}

/// The route with the largest simulated output among every direct pool of the pair and, when
/// neither side is the protocol token, every two-hop path through it, over pools of every kind
/// (weighted and concentrated, mixed within a route). A candidate whose simulation fails (e.g.
/// over a weighted pool's 30% cap), would fill only partly (a concentrated pool out of range
/// or at its tick bound) or pays nothing is skipped; ties keep the first found (direct routes
/// first).
pub fn best_route(
    deps: Deps,
    offer: Asset,
    ask: AssetInfo,
) -> Result<RouteResponse, ContractError> {
    if offer.amount.is_zero() {
        return Err(ContractError::ZeroAmount);
    }
    let from = validate_asset(deps.api, &offer.info)?;
    let to = validate_asset(deps.api, &ask)?;
    if from == to {
        return Err(ContractError::OfferIsAsk {
            asset: from.to_string(),
        });
    }
    let config = CONFIG.load(deps.storage)?;
    let pools = |a: &AssetInfo, b: &AssetInfo| -> Result<Vec<PoolRecord>, ContractError> {
        let mut list = pools_of_pair(&deps.querier, &config.factory, a, b)?;
        list.truncate(MAX_POOLS_PER_PAIR);
        Ok(list)
    };
    let swap = |pool: &PoolRecord, info: &AssetInfo, amount: Uint128| -> Option<Uint128> {
        let input = Asset {
            info: info.clone(),
            amount,
        };
        simulate_swap(&deps.querier, &pool.address, pool.kind(), input)
            .ok()
            .filter(|sim| !sim.partial_fill)
            .map(|sim| sim.amount_out)
            .filter(|out| !out.is_zero())
    };
    let hop = |pool: &PoolRecord, ask: &AssetInfo| Hop {
        pool: pool.address.clone(),
        ask: ask.clone(),
    };

    let mut best: Option<RouteResponse> = None;
    let mut consider = |route: Vec<Hop>, amounts_out: Vec<Uint128>| {
        let amount_out = amounts_out[amounts_out.len() - 1];
        if best.as_ref().is_none_or(|b| amount_out > b.amount_out) {
            best = Some(RouteResponse {
                route,
                amounts_out,
                amount_out,
            });
        }
    };
    for pool in pools(&from, &to)? {
        if let Some(out) = swap(&pool, &from, offer.amount) {
            consider(vec![hop(&pool, &to)], vec![out]);
        }
    }
    let hub = &config.protocol_token;
    if &from != hub && &to != hub {
        let seconds = pools(hub, &to)?;
        for first in pools(&from, hub)? {
            let Some(mid) = swap(&first, &from, offer.amount) else {
                continue;
            };
            for second in &seconds {
                if let Some(out) = swap(second, hub, mid) {
                    consider(vec![hop(&first, hub), hop(second, &to)], vec![mid, out]);
                }
            }
        }
    }
    best.ok_or(ContractError::NoRoute {
        offer: from.to_string(),
        ask: to.to_string(),
    })
}
