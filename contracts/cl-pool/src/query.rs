//! Queries. Simulations run the same swap engine as the swaps; cw721 queries go to cw721-base.
use cosmwasm_std::{to_json_binary, Binary, Deps, Env, Order, Uint128, Uint256};
use cw_storage_plus::Bound;
use trellis_math::cl::SwapAmount;
use trellis_types::cl_pool::{
    ConfigResponse, FarmingResponse, ObservationsResponse, PoolStateResponse, PositionResponse,
    QueryMsg, SwapResponse, TickResponse, TicksResponse,
};
use trellis_types::AssetInfo;

use crate::error::ContractError;
use crate::execute::liquidity::load_position;
use crate::execute::swap::response_data;
use crate::execute::{asset_index, load_pool};
use crate::limits::{DEFAULT_LIMIT, MAX_LIMIT};
use crate::nft;
use crate::oracle;
use crate::state::{TickInfo, CONFIG, FARMING, POOL, TICKS};
use crate::swap_engine::{compute, SwapRequest};

pub fn query(deps: Deps, env: Env, msg: QueryMsg) -> Result<Binary, ContractError> {
    use QueryMsg as Q;
    Ok(match msg {
        Q::Config {} => to_json_binary(&config(deps)?)?,
        Q::PoolState {} => to_json_binary(&pool_state(deps)?)?,
        Q::Position { token_id } => to_json_binary(&position(deps, token_id)?)?,
        Q::Tick { tick } => to_json_binary(&tick_info(deps, tick)?)?,
        Q::Ticks { start_after, limit } => to_json_binary(&ticks(deps, start_after, limit)?)?,
        Q::Farming {} => to_json_binary(&farming(deps)?)?,
        Q::SimulateSwapExactIn {
            offer,
            amount_in,
            sqrt_price_limit,
        } => to_json_binary(&simulate(
            deps,
            offer,
            true,
            SwapAmount::ExactIn(amount_in.into()),
            sqrt_price_limit,
        )?)?,
        Q::SimulateSwapExactOut {
            ask,
            amount_out,
            sqrt_price_limit,
        } => to_json_binary(&simulate(
            deps,
            ask,
            false,
            SwapAmount::ExactOut(amount_out.into()),
            sqrt_price_limit,
        )?)?,
        Q::Twap {
            window_secs,
            ago_secs,
        } => {
            let config = CONFIG.load(deps.storage)?;
            let pool = load_pool(deps.storage)?;
            let now = env.block.time.seconds();
            to_json_binary(&oracle::twap(
                deps.storage,
                &config,
                &pool,
                now,
                window_secs,
                ago_secs,
            )?)?
        }
        Q::Observations { start_after, limit } => {
            let config = CONFIG.load(deps.storage)?;
            let pool = load_pool(deps.storage)?;
            let limit = limit.unwrap_or(DEFAULT_LIMIT).min(MAX_LIMIT);
            to_json_binary(&ObservationsResponse {
                observations: oracle::observations(
                    deps.storage,
                    &config,
                    &pool,
                    start_after,
                    limit,
                )?,
            })?
        }
        Q::Ownership {} => to_json_binary(&cw_ownable::get_ownership(deps.storage)?)?,
        other => nft::query(deps, &env, other)?.ok_or(ContractError::Std(
            cosmwasm_std::StdError::generic_err("unhandled query"),
        ))?,
    })
}

fn config(deps: Deps) -> Result<ConfigResponse, ContractError> {
    let c = CONFIG.load(deps.storage)?;
    Ok(ConfigResponse {
        assets: c.assets,
        fee_tier: c.fee_tier,
        max_liquidity_per_tick: c.max_liquidity_per_tick.into(),
        protocol_fee_share_bps: c.protocol_fee_share_bps,
        fee_collector: c.fee_collector.map(|a| a.to_string()),
        oracle: c.oracle,
    })
}

fn pool_state(deps: Deps) -> Result<PoolStateResponse, ContractError> {
    Ok(match POOL.may_load(deps.storage)? {
        Some(p) => PoolStateResponse {
            initialized: true,
            sqrt_price: p.sqrt_price,
            tick: p.tick,
            liquidity: p.liquidity.into(),
            fee_growth_global: p.fee_growth_global,
            protocol_fees_owed: p.protocol_fees.map(Uint128::new),
        },
        None => PoolStateResponse {
            initialized: false,
            sqrt_price: Uint256::zero(),
            tick: 0,
            liquidity: Uint128::zero(),
            fee_growth_global: [Uint256::zero(); 2],
            protocol_fees_owed: [Uint128::zero(); 2],
        },
    })
}

fn position(deps: Deps, token_id: String) -> Result<PositionResponse, ContractError> {
    let (_, p) = load_position(&token_id)(deps.storage)?;
    Ok(PositionResponse {
        owner: nft::owner_of(deps, &token_id)?.to_string(),
        token_id,
        lower_tick: p.lower_tick,
        upper_tick: p.upper_tick,
        liquidity: p.liquidity.into(),
        fee_growth_inside_last: p.fee_growth_inside_last,
        tokens_owed: p.tokens_owed.map(Uint128::new),
    })
}

fn tick_response(tick: i32, t: TickInfo) -> TickResponse {
    TickResponse {
        tick,
        liquidity_gross: t.liquidity_gross.into(),
        liquidity_net: t.liquidity_net.into(),
        fee_growth_outside: t.fee_growth_outside,
        farming_mark: t.farming_mark,
    }
}

/// A tick without a record answers with zeros.
fn tick_info(deps: Deps, tick: i32) -> Result<TickResponse, ContractError> {
    let t = TICKS.may_load(deps.storage, tick)?.unwrap_or_default();
    Ok(tick_response(tick, t))
}

fn ticks(
    deps: Deps,
    start_after: Option<i32>,
    limit: Option<u32>,
) -> Result<TicksResponse, ContractError> {
    let limit = limit.unwrap_or(DEFAULT_LIMIT).min(MAX_LIMIT) as usize;
    let ticks = TICKS
        .range(
            deps.storage,
            start_after.map(Bound::exclusive),
            None,
            Order::Ascending,
        )
        .take(limit)
        .map(|item| item.map(|(tick, t)| tick_response(tick, t)))
        .collect::<Result<_, _>>()?;
    Ok(TicksResponse { ticks })
}

fn farming(deps: Deps) -> Result<FarmingResponse, ContractError> {
    let f = FARMING.load(deps.storage)?;
    Ok(FarmingResponse {
        farming_center: f.center.map(|c| c.to_string()),
        link_broken: f.link_broken,
        tick: POOL.may_load(deps.storage)?.map_or(0, |p| p.tick),
    })
}

/// `asset` is the offer (exact in) or the ask (exact out).
fn simulate(
    deps: Deps,
    asset: AssetInfo,
    is_offer: bool,
    amount: SwapAmount,
    sqrt_price_limit: Option<Uint256>,
) -> Result<SwapResponse, ContractError> {
    let config = CONFIG.load(deps.storage)?;
    let pool = load_pool(deps.storage)?;
    let i = asset_index(&config, &asset)?;
    let offer = if is_offer { i } else { 1 - i };
    let outcome = compute(
        deps.storage,
        &config,
        &pool,
        SwapRequest {
            zero_for_one: offer == 0,
            amount,
            sqrt_price_limit,
        },
    )?;
    Ok(response_data(&config, &outcome))
}
