//! Owner-only messages: pools, weights, undistributed reward, ownership.
use cosmwasm_std::{DepsMut, Env, MessageInfo, Order, Response, Storage, Uint128, Uint256};
use trellis_math::accumulator::{from_scaled_floor, to_scaled};
use trellis_types::farm::{gauge_id, PoolKind, RewardSource, NO_BOOST_PCT};
use trellis_types::AssetInfo;

use crate::accounting::{book_undistributed, Books};
use crate::error::ContractError;
use crate::execute::{load_pool, reward_payment};
use crate::gauge;
use crate::limits::{MAX_POOLS, MAX_WEIGHT};
use crate::lp_factory;
use crate::policy::{self, class_of, counted_weight, is_native, WeightChange};
use crate::pools::save_pool;
use crate::state::{Emission, Pool, POOL_BY_ASSET, POOL_COUNT, POOL_STATE};

fn assert_owner_call(deps: &DepsMut, info: &MessageInfo) -> Result<(), ContractError> {
    cw_utils::nonpayable(info)?;
    cw_ownable::assert_owner(deps.storage, &info.sender)?;
    Ok(())
}

fn check_weight(weight: u64) -> Result<(), ContractError> {
    if weight > MAX_WEIGHT {
        return Err(ContractError::WeightTooLarge {
            weight,
            max: MAX_WEIGHT,
        });
    }
    Ok(())
}

pub fn update_ownership(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    action: cw_ownable::Action,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let ownership = cw_ownable::update_ownership(deps, &env.block, &info.sender, action)?;
    Ok(Response::new()
        .add_attribute("action", "update_ownership")
        .add_attributes(ownership.into_attributes()))
}

/// Moves a pool's counted weight in the level-one totals. The pool must be settled first.
fn reweigh(emission: &mut Emission, pool: &Pool, old: u64, new: u64) -> Result<(), ContractError> {
    let overflow = ContractError::Overflow("total weight");
    emission.total_weight = (emission.total_weight - old)
        .checked_add(new)
        .ok_or(overflow)?;
    if pool.working_supply.is_zero() {
        emission.unstaked_weight = emission.unstaked_weight - old + new;
    }
    Ok(())
}

/// Checks a pool's tokenless share against the farm: a boost needs the escrow.
fn check_tokenless_share(books: &Books, pct: Option<u8>) -> Result<u8, ContractError> {
    let pct = pct.unwrap_or(NO_BOOST_PCT);
    if pct > NO_BOOST_PCT {
        return Err(ContractError::InvalidTokenlessShare { pct });
    }
    if pct < NO_BOOST_PCT && books.config.voting_escrow.is_none() {
        return Err(ContractError::BoostWithoutEscrow { pct });
    }
    Ok(pct)
}

pub fn add_pool(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    staking: AssetInfo,
    kind: PoolKind,
    weight: u64,
    tokenless_share_pct: Option<u8>,
) -> Result<Response, ContractError> {
    assert_owner_call(&deps, &info)?;
    let mut books = Books::load(deps.storage, deps.querier, &env)?;
    let gauge_split = books.config.gauge_controller.clone();
    match (&gauge_split, weight) {
        (Some(_), 0) => {}
        (Some(_), weight) => return Err(ContractError::GaugeSplitWeight { weight }),
        (None, 0) => return Err(ContractError::ZeroWeight),
        (None, weight) => check_weight(weight)?,
    }
    let tokenless_share_pct = check_tokenless_share(&books, tokenless_share_pct)?;
    let staking = staking.validate(deps.api)?;
    if let Some(pool_id) = POOL_BY_ASSET.may_load(deps.storage, &staking.key())? {
        return Err(ContractError::DuplicatePool {
            asset: staking.to_string(),
            pool_id,
        });
    }
    let kind = match kind {
        PoolKind::Lp { pair: [a, b] } => {
            let (a, b) = (a.validate(deps.api)?, b.validate(deps.api)?);
            if a == b {
                return Err(ContractError::SamePairAssets {
                    asset: a.to_string(),
                });
            }
            PoolKind::Lp { pair: [a, b] }
        }
        PoolKind::Solo => PoolKind::Solo,
    };

    if let (Some(factory), PoolKind::Lp { pair }) = (&books.config.lp_factory, &kind) {
        lp_factory::check_lp_pool(deps.as_ref(), factory, &staking, pair)?;
    }
    let pool_id = POOL_COUNT.load(deps.storage)?;
    if pool_id >= MAX_POOLS {
        return Err(ContractError::PoolLimit { max: MAX_POOLS });
    }
    let gauge = match &gauge_split {
        Some(controller) => {
            // The pool's gauge must exist, or its first settlement would fail.
            let id = gauge_id(env.contract.address.as_str(), pool_id);
            gauge::relative_weight(&books, controller, &id, books.now)
                .map_err(|_| ContractError::GaugeNotRegistered { gauge: id })?;
            Some(gauge::start(&books.config, books.now)?)
        }
        None => None,
    };
    let pool = Pool {
        native: is_native(&kind, &books.config.policy.protocol_token),
        staking,
        kind,
        weight,
        active: true,
        total_staked: Uint128::zero(),
        tokenless_share_pct,
        working_supply: Uint128::zero(),
        acc_per_share: Default::default(),
        reward_per_weight_paid: books.emission.reward_per_weight,
        distributed_scaled: Default::default(),
        undistributed_scaled: Default::default(),
        carried_scaled: Default::default(),
        claimed: Uint128::zero(),
        gauge,
        stake_at_block_start: Uint128::zero(),
        stake_block: env.block.height,
    };
    // Gauge-split pools carry no weight: the policy is the controller's types and caps.
    if gauge_split.is_none() {
        let change = WeightChange {
            pool_id,
            class: class_of(&pool),
            old: 0,
            new: weight,
        };
        let weights = policy::check(deps.storage, &books.config.policy, change)?;
        reweigh(&mut books.emission, &pool, 0, weight)?;
        policy::apply(deps.storage, change, &weights)?;
    }
    save_pool(deps.storage, pool_id, &pool)?;
    POOL_BY_ASSET.save(deps.storage, &pool.staking.key(), &pool_id)?;
    POOL_COUNT.save(deps.storage, &(pool_id + 1))?;
    books.save(deps.storage)?;

    Ok(Response::new()
        .add_attribute("action", "add_pool")
        .add_attribute("pool_id", pool_id.to_string())
        .add_attribute("staking", pool.staking.to_string())
        .add_attribute("native", pool.native.to_string())
        .add_attribute("solo", matches!(pool.kind, PoolKind::Solo).to_string())
        .add_attribute("weight", weight.to_string())
        .add_attribute("tokenless_share_pct", tokenless_share_pct.to_string())
        .add_attribute("total_weight", books.emission.total_weight.to_string()))
}

/// Changes a pool's counted weight from now on: level one is brought up to now and the
/// pool settled at its old weight first, so nothing applies backwards.
fn change_weight(
    deps: DepsMut,
    env: Env,
    pool_id: u64,
    new_weight: u64,
    deactivate: bool,
    action: &'static str,
) -> Result<Response, ContractError> {
    let mut pool = load_pool(deps.storage, pool_id)?;
    if !pool.active {
        return Err(ContractError::PoolInactive { pool_id });
    }
    let mut books = Books::load(deps.storage, deps.querier, &env)?;
    books.settle_pool(pool_id, &mut pool)?;
    let old = counted_weight(&pool);
    if books.config.is_gauge_split() {
        if !deactivate {
            return Err(ContractError::GaugeSplitWeight { weight: new_weight });
        }
        // Its gauge's share stops here; nothing to reweigh.
        pool.active = false;
        save_pool(deps.storage, pool_id, &pool)?;
        books.save(deps.storage)?;
        return Ok(Response::new()
            .add_attribute("action", action)
            .add_attribute("pool_id", pool_id.to_string()));
    }
    let change = WeightChange {
        pool_id,
        class: class_of(&pool),
        old,
        new: new_weight,
    };
    let weights = policy::check(deps.storage, &books.config.policy, change)?;
    reweigh(&mut books.emission, &pool, old, new_weight)?;
    pool.weight = new_weight;
    pool.active = !deactivate;

    policy::apply(deps.storage, change, &weights)?;
    save_pool(deps.storage, pool_id, &pool)?;
    books.save(deps.storage)?;
    Ok(Response::new()
        .add_attribute("action", action)
        .add_attribute("pool_id", pool_id.to_string())
        .add_attribute("old_weight", old.to_string())
        .add_attribute("weight", new_weight.to_string())
        .add_attribute("total_weight", books.emission.total_weight.to_string()))
}

pub fn set_weight(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    pool_id: u64,
    weight: u64,
) -> Result<Response, ContractError> {
    assert_owner_call(&deps, &info)?;
    check_weight(weight)?;
    change_weight(deps, env, pool_id, weight, false, "set_weight")
}

pub fn deactivate_pool(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    pool_id: u64,
) -> Result<Response, ContractError> {
    assert_owner_call(&deps, &info)?;
    change_weight(deps, env, pool_id, 0, true, "deactivate_pool")
}

/// Moves every pool's undistributed books into the farm's (one read per pool, at most
/// `MAX_POOLS`; a pool's write only where it holds some), so they can be taken out.
fn collect_undistributed(
    storage: &mut dyn Storage,
    books: &mut Books,
) -> Result<(), ContractError> {
    let holding = POOL_STATE
        .range(storage, None, None, Order::Ascending)
        .filter(|item| !matches!(item, Ok((_, state)) if state.undistributed_scaled.is_zero()))
        .collect::<Result<Vec<_>, _>>()?;
    for (pool_id, mut state) in holding {
        book_undistributed(&mut books.ledger, state.undistributed_scaled)?;
        state.undistributed_scaled = Uint256::zero();
        POOL_STATE.save(storage, pool_id, &state)?;
    }
    Ok(())
}

/// Takes `amount` (or all) whole units out of the undistributed books.
fn take_undistributed(
    storage: &mut dyn Storage,
    books: &mut Books,
    amount: Option<Uint128>,
) -> Result<Uint128, ContractError> {
    collect_undistributed(storage, books)?;
    let available = from_scaled_floor(books.ledger.undistributed_scaled)?.0;
    let amount = amount.unwrap_or(available);
    if amount.is_zero() {
        return Err(ContractError::ZeroAmount);
    }
    if amount > available {
        return Err(ContractError::InsufficientUndistributed {
            requested: amount,
            available,
        });
    }
    books.ledger.undistributed_scaled -= to_scaled(amount);
    Ok(amount)
}

pub fn recover_undistributed(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    amount: Option<Uint128>,
    recipient: String,
) -> Result<Response, ContractError> {
    assert_owner_call(&deps, &info)?;
    let recipient = deps.api.addr_validate(&recipient)?;
    let mut books = Books::load(deps.storage, deps.querier, &env)?;
    let amount = take_undistributed(deps.storage, &mut books, amount)?;
    books.ledger.recovered += amount;
    let payment = reward_payment(&books.config, &recipient, amount)?;
    books.save(deps.storage)?;
    Ok(Response::new()
        .add_message(payment)
        .add_attribute("action", "recover_undistributed")
        .add_attribute("recipient", recipient)
        .add_attribute("amount", amount))
}

pub fn rollover_undistributed(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    amount: Option<Uint128>,
) -> Result<Response, ContractError> {
    assert_owner_call(&deps, &info)?;
    let mut books = Books::load(deps.storage, deps.querier, &env)?;
    if !matches!(books.config.reward, RewardSource::Reserve { .. }) {
        return Err(ContractError::NotAReserveFarm);
    }
    let amount = take_undistributed(deps.storage, &mut books, amount)?;
    // Un-emit it: back into the reserve, for the schedule to release again.
    books.ledger.emitted -= amount;
    books.ledger.reserve_available += amount;
    books.ledger.rolled_over += amount;
    books.save(deps.storage)?;
    Ok(Response::new()
        .add_attribute("action", "rollover_undistributed")
        .add_attribute("amount", amount)
        .add_attribute("reserve_available", books.ledger.reserve_available))
}
