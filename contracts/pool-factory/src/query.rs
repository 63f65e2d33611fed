//! Queries. Lookups by pair read one bounded list; `Pools` paginates by id.
use cosmwasm_std::{Decimal, Deps, Order};
use cw_storage_plus::Bound;
use trellis_types::factory::{
    ConfigResponse, CreationRulesResponse, PoolKind, PoolParams, PoolRecord, PoolStatusResponse,
    PoolsResponse,
};
use trellis_types::AssetInfo;

use crate::error::ContractError;
use crate::fee_tiers::{cl_tiers, tiers};
use crate::limits::{DEFAULT_LIMIT, MAX_LIMIT};
use crate::registry::{is_listed, load_record, pools_of_pair, record_of_pool, weight_of};
use crate::state::{pair_label, CONFIG, DELISTED, POOL_BY_LP_TOKEN, POOL_COUNT};
use crate::validate;

fn page_size(limit: Option<u32>) -> usize {
    limit.unwrap_or(DEFAULT_LIMIT).min(MAX_LIMIT) as usize
}

pub fn config(deps: Deps) -> Result<ConfigResponse, ContractError> {
    let config = CONFIG.load(deps.storage)?;
    Ok(ConfigResponse {
        pool_code_id: config.pool_code_id,
        lp_token_code_id: config.lp_token_code_id,
        protocol_token: config.protocol_token,
        fee_collector: config.fee_collector.map(|c| c.to_string()),
        protocol_fee_share_bps: config.protocol_fee_share_bps,
        default_oracle: config.default_oracle,
        permissionless: config.permissionless_creation,
        pool_count: POOL_COUNT.load(deps.storage)?,
        cl_pool_code_id: config.cl_pool_code_id,
    })
}

pub fn creation_rules(deps: Deps, kind: PoolKind) -> Result<CreationRulesResponse, ContractError> {
    let config = CONFIG.load(deps.storage)?;
    Ok(CreationRulesResponse {
        kind,
        permissionless_creation: config.permissionless_creation,
        fee_tiers_bps: tiers(deps.storage, kind)?,
        cl_fee_tiers: match kind {
            PoolKind::Weighted => vec![],
            PoolKind::Concentrated => cl_tiers(deps.storage)?,
        },
        oracle: config.default_oracle,
    })
}

/// One page of delisted pools by id; reads at most the page size of ids and records.
pub fn delisted_pools(
    deps: Deps,
    start_after: Option<u64>,
    limit: Option<u32>,
) -> Result<PoolsResponse, ContractError> {
    let pools = DELISTED
        .keys(
            deps.storage,
            start_after.map(Bound::exclusive),
            None,
            Order::Ascending,
        )
        .take(page_size(limit))
        .map(|id| load_record(deps.storage, id?))
        .collect::<Result<_, ContractError>>()?;
    Ok(PoolsResponse { pools })
}

pub fn pool_status(deps: Deps, pool: String) -> Result<PoolStatusResponse, ContractError> {
    let record = record_of_pool(deps, &pool)?;
    Ok(PoolStatusResponse {
        kind: record.kind(),
        listed: is_listed(deps.storage, record.id)?,
        pool: record,
    })
}

pub fn pools(
    deps: Deps,
    start_after: Option<u64>,
    limit: Option<u32>,
) -> Result<PoolsResponse, ContractError> {
    // Ids are dense (`0..POOL_COUNT`): a page is a run of ids.
    let count = POOL_COUNT.load(deps.storage)?;
    let first = start_after.map_or(0, |id| id.saturating_add(1));
    let pools = (first..count)
        .take(page_size(limit))
        .map(|id| load_record(deps.storage, id))
        .collect::<Result<_, _>>()?;
    Ok(PoolsResponse { pools })
}

pub fn pools_by_assets(deps: Deps, assets: [AssetInfo; 2]) -> Result<PoolsResponse, ContractError> {
    let [a, b] = validate::pair(deps.api, &assets)?;
    Ok(PoolsResponse {
        pools: pools_of_pair(deps.storage, &a, &b)?,
    })
}

pub fn pool(
    deps: Deps,
    assets: [AssetInfo; 2],
    weights: [Decimal; 2],
) -> Result<PoolRecord, ContractError> {
    let [a, b] = validate::pair(deps.api, &assets)?;
    pools_of_pair(deps.storage, &a, &b)?
        .into_iter()
        .find(|pool| {
            weight_of(pool, &a) == Some(weights[0]) && weight_of(pool, &b) == Some(weights[1])
        })
        .ok_or_else(|| ContractError::PoolNotFound {
            assets: pair_label(&a, &b),
            weights: format!("{},{}", weights[0], weights[1]),
        })
}

/// The listed concentrated pool of the pair at `fee_pips` (at most one: the duplicate rule).
pub fn cl_pool(
    deps: Deps,
    assets: [AssetInfo; 2],
    fee_pips: u32,
) -> Result<PoolRecord, ContractError> {
    let [a, b] = validate::pair(deps.api, &assets)?;
    pools_of_pair(deps.storage, &a, &b)?
        .into_iter()
        .find(|pool| {
            matches!(&pool.params, PoolParams::Concentrated { fee_tier } if fee_tier.fee_pips == fee_pips)
        })
        .ok_or_else(|| ContractError::ClPoolNotFound {
            assets: pair_label(&a, &b),
            fee_pips,
        })
}

pub fn pool_by_lp_token(deps: Deps, lp_token: String) -> Result<PoolRecord, ContractError> {
    let unknown = || ContractError::UnknownLpToken {
        lp_token: lp_token.clone(),
    };
    // An address that does not even validate is certainly not one of ours.
    let addr = deps.api.addr_validate(&lp_token).map_err(|_| unknown())?;
    let id = POOL_BY_LP_TOKEN
        .may_load(deps.storage, &addr)?
        .ok_or_else(unknown)?;
    let record = load_record(deps.storage, id)?;
    // A farm reading this to accept an LP token must not accept a delisted pool's.
    if !is_listed(deps.storage, id)? {
        return Err(ContractError::PoolDelisted {
            pool: record.address,
            lp_token,
        });
    }
    Ok(record)
}

pub fn is_native_pair(deps: Deps, assets: [AssetInfo; 2]) -> Result<bool, ContractError> {
    let [a, b] = validate::pair(deps.api, &assets)?;
    let protocol_token = CONFIG.load(deps.storage)?.protocol_token;
    Ok(a == protocol_token || b == protocol_token)
}
