//! Queries. Rewards are computed as of the current block by running the same accounting
//! as execute handlers on copies of the state, without writing.
use cosmwasm_std::{Deps, Env, Order, Uint128};
use cw_storage_plus::Bound;
use trellis_math::accumulator::from_scaled_floor;
use trellis_math::mul_div::mul_div_floor;
use trellis_types::farm::{
    gauge_id, ConfigResponse, EmissionRateResponse, EmissionSplit, PendingResponse,
    PolicyStatusResponse, PoolPending, PoolResponse, PoolsResponse, PositionResponse,
    PositionsResponse, ProjectedEmissionResponse, RewardSource, TotalsResponse,
};

use crate::accounting::{carried_units, Books};
use crate::error::ContractError;
use crate::execute::claim::check_pool_list;
use crate::execute::load_pool;
use crate::gauge;
use crate::limits::{DEFAULT_LIMIT, MAX_LIMIT};
use crate::policy;
use crate::pools::{pool_books, PositionKey};
use crate::state::{Pool, CONFIG, POOL_COUNT, POOL_INFO};

fn page_size(limit: Option<u32>) -> usize {
    limit.unwrap_or(DEFAULT_LIMIT).min(MAX_LIMIT) as usize
}

pub fn config(deps: Deps) -> Result<ConfigResponse, ContractError> {
    let config = CONFIG.load(deps.storage)?;
    Ok(ConfigResponse {
        clock: config.clock,
        schedule: config.schedule,
        reward: config.reward,
        reward_asset: config.reward_asset,
        policy: config.policy,
        lp_factory: config.lp_factory.map(String::from),
        voting_escrow: config.voting_escrow.map(String::from),
        split: match config.gauge_controller {
            Some(controller) => EmissionSplit::Gauges {
                controller: controller.to_string(),
            },
            None => EmissionSplit::Allocation,
        },
        pool_count: POOL_COUNT.load(deps.storage)?,
    })
}

fn pool_response(
    books: &mut Books,
    pool_id: u64,
    mut pool: Pool,
) -> Result<PoolResponse, ContractError> {
    books.settle_pool(pool_id, &mut pool)?;
    let scheduled_rate = current_rate(books)?;
    let current_rate = match &pool.gauge {
        _ if !pool.active => Uint128::zero(),
        Some(_) => scheduled_rate.mul_floor(gauge::weight_now(books, pool_id, &pool)?),
        None if books.emission.total_weight > 0 => mul_div_floor(
            scheduled_rate,
            Uint128::from(pool.weight),
            Uint128::from(books.emission.total_weight),
        )?,
        None => Uint128::zero(),
    };
    let gauge = pool
        .gauge
        .as_ref()
        .map(|_| gauge_id(books.env.contract.address.as_str(), pool_id));
    Ok(PoolResponse {
        pool_id,
        staking: pool.staking,
        kind: pool.kind,
        native: pool.native,
        weight: pool.weight,
        active: pool.active,
        total_staked: pool.total_staked,
        acc_reward_per_share: pool.acc_per_share,
        current_rate,
        distributed: from_scaled_floor(pool.distributed_scaled)?.0,
        tokenless_share_pct: pool.tokenless_share_pct,
        working_supply: pool.working_supply,
        gauge,
    })
}

/// The schedule's rate now, or zero when a reserve farm's reserve is spent.
fn current_rate(books: &Books) -> Result<Uint128, ContractError> {
    let rate = books.config.schedule.rate_at(books.now)?;
    Ok(match books.config.reward {
        RewardSource::Reserve { .. } if books.ledger.reserve_available.is_zero() => Uint128::zero(),
        _ => rate,
    })
}

pub fn pool(deps: Deps, env: Env, pool_id: u64) -> Result<PoolResponse, ContractError> {
    let mut books = Books::load(deps.storage, deps.querier, &env)?;
    let pool = load_pool(deps.storage, pool_id)?;
    pool_response(&mut books, pool_id, pool)
}

pub fn pools(
    deps: Deps,
    env: Env,
    start_after: Option<u64>,
    limit: Option<u32>,
) -> Result<PoolsResponse, ContractError> {
    let mut books = Books::load(deps.storage, deps.querier, &env)?;
    let ids = POOL_INFO
        .range(
            deps.storage,
            start_after.map(Bound::exclusive),
            None,
            Order::Ascending,
        )
        .take(page_size(limit))
        .map(|item| item.map(|(id, _)| id))
        .collect::<Result<Vec<u64>, _>>()?;
    let pools = ids
        .into_iter()
        .map(|id| pool_response(&mut books, id, load_pool(deps.storage, id)?))
        .collect::<Result<_, _>>()?;
    Ok(PoolsResponse { pools })
}

fn position_response(
    books: &mut Books,
    deps: Deps,
    pool_id: u64,
    user: &cosmwasm_std::Addr,
) -> Result<PositionResponse, ContractError> {
    let mut pool = load_pool(deps.storage, pool_id)?;
    let mut position = books.position(
        deps.storage,
        &PositionKey::new(deps.api, user)?,
        pool_id,
        &mut pool,
    )?;
    books.settle(pool_id, &mut pool, &mut position)?;
    Ok(PositionResponse {
        pool_id,
        user: user.to_string(),
        staked: position.staked,
        working: position.working,
        pending: position.pending,
        claimed: position.claimed,
    })
}

pub fn position(
    deps: Deps,
    env: Env,
    pool_id: u64,
    user: String,
) -> Result<PositionResponse, ContractError> {
    let user = deps.api.addr_validate(&user)?;
    let mut books = Books::load(deps.storage, deps.querier, &env)?;
    position_response(&mut books, deps, pool_id, &user)
}

pub fn positions(
    deps: Deps,
    env: Env,
    user: String,
    start_after: Option<u64>,
    limit: Option<u32>,
) -> Result<PositionsResponse, ContractError> {
    let user = deps.api.addr_validate(&user)?;
    let mut books = Books::load(deps.storage, deps.querier, &env)?;
    let ids = PositionKey::new(deps.api, &user)?.pool_ids(
        deps.storage,
        &books.config,
        start_after,
        page_size(limit),
    )?;
    let positions = ids
        .into_iter()
        .map(|id| position_response(&mut books, deps, id, &user))
        .collect::<Result<_, _>>()?;
    Ok(PositionsResponse { positions })
}

pub fn pending(
    deps: Deps,
    env: Env,
    user: String,
    pool_ids: Vec<u64>,
) -> Result<PendingResponse, ContractError> {
    check_pool_list(&pool_ids)?;
    let user = deps.api.addr_validate(&user)?;
    let mut books = Books::load(deps.storage, deps.querier, &env)?;
    let mut total = Uint128::zero();
    let mut pools = Vec::with_capacity(pool_ids.len());
    for pool_id in pool_ids {
        let pending = position_response(&mut books, deps, pool_id, &user)?.pending;
        total += pending;
        pools.push(PoolPending { pool_id, pending });
    }
    Ok(PendingResponse {
        user: user.to_string(),
        pools,
        total,
    })
}

pub fn emission_rate(deps: Deps, env: Env) -> Result<EmissionRateResponse, ContractError> {
    let books = Books::load(deps.storage, deps.querier, &env)?;
    Ok(EmissionRateResponse {
        clock: books.config.clock,
        now: books.now,
        scheduled_rate: books.config.schedule.rate_at(books.now)?,
        reserve_available: reserve_available(&books),
        total_weight: books.emission.total_weight,
    })
}

fn reserve_available(books: &Books) -> Option<Uint128> {
    match books.config.reward {
        RewardSource::Reserve { .. } => Some(books.ledger.reserve_available),
        RewardSource::Mint { .. } => None,
    }
}

pub fn projected_emission(
    deps: Deps,
    from: u64,
    to: u64,
) -> Result<ProjectedEmissionResponse, ContractError> {
    let config = CONFIG.load(deps.storage)?;
    Ok(ProjectedEmissionResponse {
        from,
        to,
        amount: config.schedule.integral(from, to)?,
    })
}

pub fn totals(deps: Deps, env: Env) -> Result<TotalsResponse, ContractError> {
    let books = Books::load(deps.storage, deps.querier, &env)?;
    let ledger = &books.ledger;
    let pools = pool_books(deps.storage, ledger)?;
    Ok(TotalsResponse {
        emitted: ledger.emitted,
        claimed: pools.claimed,
        undistributed: from_scaled_floor(pools.undistributed_scaled)?.0,
        carried: carried_units(pools.undistributed_scaled, pools.carried_scaled)?,
        recovered: ledger.recovered,
        rolled_over: ledger.rolled_over,
        skipped: ledger.skipped,
        funded: ledger.funded,
        reserve_available: reserve_available(&books),
    })
}

pub fn policy_status(deps: Deps) -> Result<PolicyStatusResponse, ContractError> {
    let config = CONFIG.load(deps.storage)?;
    policy::status(deps.storage, &config.policy)
}
