//! Queries, each bounded: lists paginate (default `DEFAULT_LIMIT`, at most `MAX_LIMIT`).
//! They mirror the subgraph entities of seed 003: farms (EternalFarming, LimitFarming),
//! deposits (Deposit), credited rewards (Reward).
use cosmwasm_std::{Deps, Env, Order, Uint128};
use cw_storage_plus::Bound;
use trellis_types::cl_farming::{
    ConfigResponse, DepositFarm, DepositResponse, DepositsResponse, FarmKind, FarmResponse,
    FarmTerms, FarmsResponse, PendingRewardResponse, RewardBalance, RewardBalancesResponse,
    VirtualPoolResponse,
};
use trellis_types::AssetInfo;

use crate::error::ContractError;
use crate::farming::settle::earned_by;
use crate::farms::load::{self, is_live, load_farm};
use crate::limits::{DEFAULT_LIMIT, MAX_LIMIT};
use crate::state::{
    slot, Deposit, Schedule, BALANCES, CONFIG, DEPOSITS, FARMS_BY_KIND, FARM_COUNT, OWNER_DEPOSITS,
    POOLS, POOL_ADDRESSES,
};
use crate::validate;
use crate::vpool::accrue;

fn page(limit: Option<u32>) -> usize {
    limit.unwrap_or(DEFAULT_LIMIT).min(MAX_LIMIT) as usize
}

pub fn config(deps: Deps) -> Result<ConfigResponse, ContractError> {
    let config = CONFIG.load(deps.storage)?;
    Ok(ConfigResponse {
        incentive_maker: config.incentive_maker.to_string(),
        factory: config.factory.to_string(),
        farm_count: FARM_COUNT.may_load(deps.storage)?.unwrap_or(0),
    })
}

/// A farm as of now (accrued in memory).
pub fn farm(deps: Deps, env: &Env, farm_id: u64) -> Result<FarmResponse, ContractError> {
    let now = env.block.time.seconds();
    let (info, mut state) = load_farm(deps.storage, farm_id)?;
    accrue(&info, &mut state, now)?;
    let u = |v: [u128; 2]| v.map(Uint128::new);
    Ok(FarmResponse {
        farm_id,
        kind: info.kind,
        pool: info.pool.to_string(),
        reward_token: info.tokens[0]
            .clone()
            .expect("every farm has a reward token"),
        bonus_token: info.tokens[1].clone(),
        terms: match info.schedule {
            Schedule::Eternal { rates } => FarmTerms::Eternal {
                reward_rate: rates[0].into(),
                bonus_rate: rates[1].into(),
            },
            Schedule::Limit { start, end } => FarmTerms::Limit { start, end },
        },
        min_width: info.min_width,
        tiers: info.tiers.clone(),
        funded: u(info.funded),
        reserve: u(state.reserve),
        refunded: u(state.refunded),
        credited: u(state.credited),
        positions: state.positions,
        total_liquidity: state.total_liquidity.into(),
        deactivated_at: state.deactivated_at,
        live: is_live(&info, &state, now),
    })
}

pub fn farms(
    deps: Deps,
    env: &Env,
    kind: FarmKind,
    start_after: Option<u64>,
    limit: Option<u32>,
) -> Result<FarmsResponse, ContractError> {
    let farms = FARMS_BY_KIND
        .prefix_range(
            deps.storage,
            slot(kind) as u8,
            start_after.map(Bound::exclusive),
            None,
            Order::Ascending,
        )
        .take(page(limit))
        .map(|item| farm(deps, env, item?.0))
        .collect::<Result<_, _>>()?;
    Ok(FarmsResponse { farms })
}

pub fn pool_farms(deps: Deps, env: &Env, pool: String) -> Result<FarmsResponse, ContractError> {
    let pool = validate::address(deps.api, "pool", &pool)?;
    let entry = POOLS.may_load(deps.storage, &pool)?;
    let farms = entry
        .map(|e| e.live)
        .unwrap_or_default()
        .iter()
        .flatten()
        .map(|id| farm(deps, env, *id))
        .collect::<Result<_, _>>()?;
    Ok(FarmsResponse { farms })
}

fn deposit_response(pool: String, token_id: String, deposit: Deposit) -> DepositResponse {
    let farms = deposit
        .farms
        .iter()
        .zip([FarmKind::Eternal, FarmKind::Limit])
        .filter_map(|(entry, kind)| {
            entry.as_ref().map(|e| DepositFarm {
                farm_id: e.farm_id,
                kind,
                liquidity: e.liquidity.into(),
                tokens_locked: e.tokens_locked.into(),
            })
        })
        .collect();
    DepositResponse {
        pool,
        token_id,
        owner: deposit.owner.to_string(),
        lower_tick: deposit.lower,
        upper_tick: deposit.upper,
        liquidity: deposit.liquidity.into(),
        farms,
    }
}

fn find_deposit(deps: Deps, pool: &str, token_id: &str) -> Result<(u32, Deposit), ContractError> {
    let (_, entry, deposit) = load::find_deposit(deps.storage, deps.api, pool, token_id)?;
    Ok((entry.index, deposit))
}

pub fn deposit(
    deps: Deps,
    pool: String,
    token_id: String,
) -> Result<DepositResponse, ContractError> {
    let (_, found) = find_deposit(deps, &pool, &token_id)?;
    Ok(deposit_response(pool, token_id, found))
}

pub fn deposits(
    deps: Deps,
    owner: String,
    start_after: Option<(String, String)>,
    limit: Option<u32>,
) -> Result<DepositsResponse, ContractError> {
    let owner = validate::address(deps.api, "owner", &owner)?;
    let start = match &start_after {
        Some((pool, token_id)) => {
            let (index, _) = find_deposit(deps, pool, token_id)?;
            Some((index, token_id.clone()))
        }
        None => None,
    };
    let deposits = OWNER_DEPOSITS
        .prefix_range(
            deps.storage,
            owner,
            start.map(Bound::exclusive),
            None,
            Order::Ascending,
        )
        .take(page(limit))
        .map(|item| {
            let ((index, token_id), _) = item?;
            let pool = POOL_ADDRESSES.load(deps.storage, index)?;
            let deposit = DEPOSITS.load(deps.storage, (index, &token_id))?;
            Ok(deposit_response(pool.to_string(), token_id, deposit))
        })
        .collect::<Result<_, ContractError>>()?;
    Ok(DepositsResponse { deposits })
}

pub fn reward_balances(
    deps: Deps,
    owner: String,
    start_after: Option<AssetInfo>,
    limit: Option<u32>,
) -> Result<RewardBalancesResponse, ContractError> {
    let owner = validate::address(deps.api, "owner", &owner)?;
    let start = start_after.map(|a| a.key());
    let balances = BALANCES
        .prefix_range(
            deps.storage,
            owner,
            start.map(Bound::exclusive),
            None,
            Order::Ascending,
        )
        .take(page(limit))
        .map(|item| {
            let (_, balance) = item?;
            Ok(RewardBalance {
                token: balance.token,
                limit: balance.limit.into(),
                eternal: balance.eternal.into(),
            })
        })
        .collect::<Result<_, ContractError>>()?;
    Ok(RewardBalancesResponse { balances })
}

/// What exiting now would credit (a limit farm's share is final only at its end).
pub fn pending_reward(
    deps: Deps,
    env: &Env,
    pool: String,
    token_id: String,
    farm_id: u64,
) -> Result<PendingRewardResponse, ContractError> {
    let (_, deposit) = find_deposit(deps, &pool, &token_id)?;
    let (info, mut state) = load_farm(deps.storage, farm_id)?;
    let entry = deposit.farms[slot(info.kind)]
        .as_ref()
        .filter(|e| e.farm_id == farm_id)
        .ok_or(ContractError::NotInFarm {
            token_id: token_id.clone(),
            farm_id,
        })?;
    accrue(&info, &mut state, env.block.time.seconds())?;
    let earned = earned_by(deps.storage, farm_id, &info, &state, &deposit, entry)?;
    Ok(PendingRewardResponse {
        reward: earned[0].into(),
        bonus: earned[1].into(),
    })
}

pub fn virtual_pool(
    deps: Deps,
    env: &Env,
    farm_id: u64,
) -> Result<VirtualPoolResponse, ContractError> {
    let (info, mut state) = load_farm(deps.storage, farm_id)?;
    accrue(&info, &mut state, env.block.time.seconds())?;
    Ok(VirtualPoolResponse {
        farm_id,
        tick: state.tick,
        liquidity: state.liquidity.into(),
        growth: state.growth,
        active_secs: state.active_secs,
        last_time: state.last_time,
    })
}
