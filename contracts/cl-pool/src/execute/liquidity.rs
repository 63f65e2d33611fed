//! Adding and removing liquidity: mint a position, increase it, decrease it.
use cosmwasm_std::{
    to_json_binary, Addr, CosmosMsg, DepsMut, Env, MessageInfo, Response, Uint128, Uint256,
};
use trellis_math::cl::sqrt_price_at_tick;
use trellis_types::cl_pool::{AddAmounts, LiquidityResponse};
use trellis_types::AssetInfo;

use crate::error::ContractError;
use crate::execute::{check_deadline, load_pool, pay, pull_cw20, recipient_or, to_u128};
use crate::liquidity_amounts::liquidity_for_amounts;
use crate::nft;
use crate::position::modify;
use crate::state::{Config, PoolState, Position, CONFIG, NEXT_POSITION_ID, POOL, POSITIONS};
use crate::ticks::check_range;

/// Each native pool asset must be attached as exactly its desired amount, and nothing else.
fn check_funds(
    config: &Config,
    info: &MessageInfo,
    desired: [Uint128; 2],
) -> Result<(), ContractError> {
    for coin in &info.funds {
        let Some(i) = config.index_of(&AssetInfo::native(coin.denom.clone())) else {
            return Err(ContractError::UnexpectedFunds {
                denom: coin.denom.clone(),
            });
        };
        if coin.amount != desired[i] {
            return Err(ContractError::FundsMismatch {
                denom: coin.denom.clone(),
                expected: desired[i],
                got: coin.amount,
            });
        }
    }
    for (asset, amount) in config.assets.iter().zip(desired) {
        if let AssetInfo::Native { denom } = asset {
            if !amount.is_zero() && !info.funds.iter().any(|c| &c.denom == denom) {
                return Err(ContractError::FundsMismatch {
                    denom: denom.clone(),
                    expected: amount,
                    got: Uint128::zero(),
                });
            }
        }
    }
    Ok(())
}

/// Adds the most liquidity `amounts.desired` pay for at the current price to `position`;
/// returns it and the amounts owed for it (rounded up).
fn add(
    deps: &mut DepsMut,
    env: &Env,
    config: &Config,
    pool: &mut PoolState,
    position: &mut Position,
    amounts: &AddAmounts,
) -> Result<(u128, [Uint128; 2]), ContractError> {
    let (lower, upper) = (position.lower_tick, position.upper_tick);
    let liquidity = liquidity_for_amounts(
        pool.sqrt_price,
        sqrt_price_at_tick(lower)?,
        sqrt_price_at_tick(upper)?,
        amounts.desired.map(Uint256::from),
    )?;
    if liquidity == 0 {
        return Err(ContractError::ZeroLiquidity);
    }
    // Above i128 is far above any tick's cap.
    let delta = i128::try_from(liquidity).map_err(|_| ContractError::TickLiquidityOverflow {
        tick: lower,
        liquidity: liquidity.into(),
        max: config.max_liquidity_per_tick.into(),
    })?;
    let now = env.block.time.seconds();
    let moved = modify(deps.storage, now, config, pool, position, delta)?;
    let used = [
        to_u128(moved[0], "amount 0")?,
        to_u128(moved[1], "amount 1")?,
    ];
    for (i, &used_i) in used.iter().enumerate() {
        if used_i > amounts.desired[i] {
            // The liquidity is floored, so its amounts cannot exceed the desired ones.
            return Err(ContractError::Overflow(
                "amount owed above the desired amount",
            ));
        }
        if used_i < amounts.min[i] {
            return Err(ContractError::AmountBelowMinimum {
                asset: i as u8,
                minimum: amounts.min[i],
                actual: used_i,
            });
        }
    }
    Ok((liquidity, used))
}

/// The transfers that settle an addition: cw20s pulled for exactly what is used, natives
/// refunded for what is not.
fn settle(
    config: &Config,
    env: &Env,
    payer: &Addr,
    desired: [Uint128; 2],
    used: [Uint128; 2],
) -> Result<Vec<CosmosMsg>, ContractError> {
    let mut msgs = vec![];
    for i in 0..2 {
        match &config.assets[i] {
            AssetInfo::Cw20 { contract_addr } if !used[i].is_zero() => msgs.push(pull_cw20(
                contract_addr,
                payer,
                &env.contract.address,
                used[i],
            )?),
            AssetInfo::Cw20 { .. } => {}
            AssetInfo::Native { .. } => msgs.extend(pay(config, i, payer, desired[i] - used[i])?),
        }
    }
    Ok(msgs)
}

/// `pool_liquidity` is the pool's active liquidity after the change: with it an indexer
/// follows the pool without a query.
fn liquidity_response(
    action: &str,
    token_id: &str,
    position: &Position,
    liquidity: u128,
    amounts: [Uint128; 2],
    pool_liquidity: u128,
) -> Result<Response, ContractError> {
    let data = LiquidityResponse {
        token_id: token_id.to_string(),
        liquidity: liquidity.into(),
        amounts,
    };
    Ok(Response::new()
        .add_attribute("action", action)
        .add_attribute("token_id", token_id)
        .add_attribute("lower_tick", position.lower_tick.to_string())
        .add_attribute("upper_tick", position.upper_tick.to_string())
        .add_attribute("liquidity", liquidity.to_string())
        .add_attribute("position_liquidity", position.liquidity.to_string())
        .add_attribute("amount_0", amounts[0])
        .add_attribute("amount_1", amounts[1])
        .add_attribute("pool_liquidity", pool_liquidity.to_string())
        .set_data(to_json_binary(&data)?))
}

#[allow(clippy::too_many_arguments)]
pub fn mint(
    mut deps: DepsMut,
    env: Env,
    info: MessageInfo,
    lower_tick: i32,
    upper_tick: i32,
    amounts: AddAmounts,
    recipient: Option<String>,
    deadline: Option<u64>,
) -> Result<Response, ContractError> {
    check_deadline(deadline, &env)?;
    let config = CONFIG.load(deps.storage)?;
    let before = load_pool(deps.storage)?;
    let mut pool = before.clone();
    check_range(lower_tick, upper_tick, config.fee_tier.tick_spacing)?;
    check_funds(&config, &info, amounts.desired)?;
    let recipient = recipient_or(deps.api, recipient, &info.sender)?;
    let mut position = Position {
        lower_tick,
        upper_tick,
        liquidity: 0,
        fee_growth_inside_last: [Uint256::zero(); 2],
        tokens_owed: [0; 2],
    };
    let (liquidity, used) = add(&mut deps, &env, &config, &mut pool, &mut position, &amounts)?;
    let id = NEXT_POSITION_ID.load(deps.storage)?;
    NEXT_POSITION_ID.save(deps.storage, &(id + 1))?;
    POSITIONS.save(deps.storage, id, &position)?;
    // Out of range, a mint leaves the pool state as it was: no write.
    if pool != before {
        POOL.save(deps.storage, &pool)?;
    }
    let token_id = id.to_string();
    nft::mint(deps.storage, &token_id, &recipient)?;
    let msgs = settle(&config, &env, &info.sender, amounts.desired, used)?;
    Ok(liquidity_response(
        "mint",
        &token_id,
        &position,
        liquidity,
        used,
        pool.liquidity,
    )?
    .add_attribute("sender", info.sender)
    .add_attribute("recipient", recipient)
    .add_messages(msgs))
}

/// The stored position of an existing NFT.
pub fn load_position(
    token_id: &str,
) -> impl Fn(&dyn cosmwasm_std::Storage) -> Result<(u64, Position), ContractError> + '_ {
    move |storage| {
        let not_found = || ContractError::PositionNotFound {
            token_id: token_id.to_string(),
        };
        let id: u64 = token_id.parse().map_err(|_| not_found())?;
        let position = POSITIONS.may_load(storage, id)?.ok_or_else(not_found)?;
        Ok((id, position))
    }
}

pub fn increase(
    mut deps: DepsMut,
    env: Env,
    info: MessageInfo,
    token_id: String,
    amounts: AddAmounts,
    deadline: Option<u64>,
) -> Result<Response, ContractError> {
    check_deadline(deadline, &env)?;
    nft::authorize(deps.as_ref(), &env, &info.sender, &token_id)?;
    let (id, mut position) = load_position(&token_id)(deps.storage)?;
    let config = CONFIG.load(deps.storage)?;
    let before = load_pool(deps.storage)?;
    let mut pool = before.clone();
    check_funds(&config, &info, amounts.desired)?;
    let (liquidity, used) = add(&mut deps, &env, &config, &mut pool, &mut position, &amounts)?;
    POSITIONS.save(deps.storage, id, &position)?;
    if pool != before {
        POOL.save(deps.storage, &pool)?;
    }
    let msgs = settle(&config, &env, &info.sender, amounts.desired, used)?;
    Ok(liquidity_response(
        "increase_liquidity",
        &token_id,
        &position,
        liquidity,
        used,
        pool.liquidity,
    )?
    .add_attribute("sender", info.sender)
    .add_messages(msgs))
}

/// Removes liquidity; the amounts (rounded down) become tokens owed, paid by `Collect`.
pub fn decrease(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    token_id: String,
    liquidity: Uint128,
    amount_min: [Uint128; 2],
    deadline: Option<u64>,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    check_deadline(deadline, &env)?;
    nft::authorize(deps.as_ref(), &env, &info.sender, &token_id)?;
    let (id, mut position) = load_position(&token_id)(deps.storage)?;
    if liquidity.is_zero() {
        return Err(ContractError::ZeroLiquidity);
    }
    if liquidity.u128() > position.liquidity {
        return Err(ContractError::InsufficientPositionLiquidity {
            token_id,
            liquidity: position.liquidity.into(),
            requested: liquidity,
        });
    }
    let config = CONFIG.load(deps.storage)?;
    let before = load_pool(deps.storage)?;
    let mut pool = before.clone();
    // At most the position's liquidity, which is below every tick's cap < 2^127.
    let delta =
        -i128::try_from(liquidity.u128()).map_err(|_| ContractError::Overflow("liquidity"))?;
    let now = env.block.time.seconds();
    let moved = modify(deps.storage, now, &config, &mut pool, &mut position, delta)?;
    let out = [
        to_u128(moved[0], "amount 0")?,
        to_u128(moved[1], "amount 1")?,
    ];
    for (i, &out_i) in out.iter().enumerate() {
        if out_i < amount_min[i] {
            return Err(ContractError::AmountBelowMinimum {
                asset: i as u8,
                minimum: amount_min[i],
                actual: out_i,
            });
        }
        position.tokens_owed[i] = position.tokens_owed[i]
            .checked_add(out_i.u128())
            .ok_or(ContractError::Overflow("tokens owed"))?;
    }
    POSITIONS.save(deps.storage, id, &position)?;
    if pool != before {
        POOL.save(deps.storage, &pool)?;
    }
    Ok(liquidity_response(
        "decrease_liquidity",
        &token_id,
        &position,
        liquidity.u128(),
        out,
        pool.liquidity,
    )?
    .add_attribute("sender", info.sender))
}
