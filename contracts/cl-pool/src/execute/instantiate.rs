use cosmwasm_std::{DepsMut, Env, MessageInfo, Response, Storage, Uint256};
use trellis_math::cl::{tick_at_sqrt_price, MAX_SQRT_PRICE, MIN_SQRT_PRICE};
use trellis_types::cl_pool::{InstantiateMsg, MAX_TICK_SPACING};

use crate::contract::{CONTRACT_NAME, CONTRACT_VERSION};
use crate::error::ContractError;
use crate::execute::admin::check_protocol_fee_share;
use crate::limits::MAX_ORACLE_CAPACITY;
use crate::nft;
use crate::oracle;
use crate::state::{Config, Farming, PoolState, CONFIG, FARMING, NEXT_POSITION_ID, POOL};
use crate::ticks::max_liquidity_per_tick;

pub fn instantiate(
    mut deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: InstantiateMsg,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let api = deps.api;
    let assets = [msg.assets[0].validate(api)?, msg.assets[1].validate(api)?];
    if assets[0] == assets[1] {
        return Err(ContractError::SameAssets {
            asset: assets[0].to_string(),
        });
    }
    let tier = msg.fee_tier;
    if tier.fee_pips >= trellis_math::cl::FEE_PIPS_DENOMINATOR {
        return Err(ContractError::InvalidFee {
            fee_pips: tier.fee_pips,
        });
    }
    if !(1..=MAX_TICK_SPACING).contains(&tier.tick_spacing) {
        return Err(ContractError::InvalidTickSpacing {
            tick_spacing: tier.tick_spacing,
            max: MAX_TICK_SPACING,
        });
    }
    check_protocol_fee_share(msg.protocol_fee_share_bps)?;
    if !(1..=MAX_ORACLE_CAPACITY).contains(&msg.oracle.capacity) {
        return Err(ContractError::InvalidOracleCapacity {
            capacity: msg.oracle.capacity,
            max: MAX_ORACLE_CAPACITY,
        });
    }
    if msg.oracle.min_sample_spacing == 0 {
        return Err(ContractError::InvalidOracleSpacing { spacing: 0 });
    }
    let owner = api.addr_validate(&msg.owner)?;
    let fee_collector = msg
        .fee_collector
        .map(|c| api.addr_validate(&c))
        .transpose()?;
    let name = msg.collection_name.unwrap_or_else(|| {
        format!(
            "Trellis CL position {}/{} {}",
            assets[0], assets[1], tier.fee_pips
        )
    });
    let symbol = msg.collection_symbol.unwrap_or_else(|| "TRCLP".to_string());

    let config = Config {
        assets,
        fee_tier: tier,
        max_liquidity_per_tick: max_liquidity_per_tick(tier.tick_spacing),
        protocol_fee_share_bps: msg.protocol_fee_share_bps,
        fee_collector,
        oracle: msg.oracle,
    };
    CONFIG.save(deps.storage, &config)?;
    NEXT_POSITION_ID.save(deps.storage, &1)?;
    FARMING.save(deps.storage, &Farming::default())?;
    // Also sets the pool's cw-ownable owner: the collection's creator lives under that key.
    nft::instantiate(deps.branch(), &env, name, symbol, &owner)?;
    cw2::set_contract_version(deps.storage, CONTRACT_NAME, CONTRACT_VERSION)?;
    let mut response = Response::new()
        .add_attribute("action", "instantiate")
        .add_attribute("owner", owner)
        .add_attribute("fee_pips", tier.fee_pips.to_string())
        .add_attribute("tick_spacing", tier.tick_spacing.to_string());
    if let Some(sqrt_price) = msg.sqrt_price {
        let tick = set_price(deps.storage, env.block.time.seconds(), sqrt_price)?;
        response = response
            .add_attribute("sqrt_price", sqrt_price)
            .add_attribute("tick", tick.to_string());
    }
    Ok(response)
}

/// Anyone, once: sets the price of a pool instantiated without one (v3's `initialize`).
pub fn initialize(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    sqrt_price: Uint256,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    if POOL.exists(deps.storage) {
        return Err(ContractError::AlreadyInitialized);
    }
    let tick = set_price(deps.storage, env.block.time.seconds(), sqrt_price)?;
    Ok(Response::new()
        .add_attribute("action", "initialize")
        .add_attribute("sender", info.sender)
        .add_attribute("sqrt_price", sqrt_price)
        .add_attribute("tick", tick.to_string()))
}

fn set_price(
    storage: &mut dyn Storage,
    now: u64,
    sqrt_price: Uint256,
) -> Result<i32, ContractError> {
    if sqrt_price < MIN_SQRT_PRICE || sqrt_price >= MAX_SQRT_PRICE {
        return Err(ContractError::SqrtPriceOutOfRange { sqrt_price });
    }
    let tick = tick_at_sqrt_price(sqrt_price)?;
    let (oracle, newest) = oracle::start(now);
    POOL.save(
        storage,
        &PoolState {
            sqrt_price,
            tick,
            liquidity: 0,
            fee_growth_global: [Uint256::zero(); 2],
            protocol_fees: [0; 2],
            oracle,
            newest,
        },
    )?;
    Ok(tick)
}
