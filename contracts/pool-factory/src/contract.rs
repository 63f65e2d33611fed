//! Entry points only: each message is handed to its handler.
#[cfg(not(feature = "library"))]
use cosmwasm_std::entry_point;
use cosmwasm_std::{to_json_binary, Binary, Deps, DepsMut, Env, MessageInfo, Reply, Response};
use trellis_types::factory::{ExecuteMsg, InstantiateMsg, MigrateMsg, QueryMsg};

use crate::error::ContractError;
use crate::execute::admin::{self, ConfigUpdate};
use crate::execute::{create_cl_pool, create_pool, instantiate as init, listing};
use crate::{migrate as mig, query as q, reply as rep};

pub const CONTRACT_NAME: &str = "crates.io:trellis-pool-factory";
pub const CONTRACT_VERSION: &str = env!("CARGO_PKG_VERSION");

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn instantiate(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: InstantiateMsg,
) -> Result<Response, ContractError> {
    init::instantiate(deps, env, info, msg)
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn execute(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: ExecuteMsg,
) -> Result<Response, ContractError> {
    match msg {
        ExecuteMsg::CreatePool {
            assets,
            swap_fee_bps,
            oracle,
        } => create_pool::create_pool(deps, env, info, assets, swap_fee_bps, oracle),
        ExecuteMsg::CreateClPool {
            assets,
            fee_tier,
            sqrt_price,
            oracle,
        } => create_cl_pool::create_cl_pool(deps, env, info, assets, fee_tier, sqrt_price, oracle),
        ExecuteMsg::UpdateConfig {
            pool_code_id,
            lp_token_code_id,
            fee_collector,
            protocol_fee_share_bps,
            default_oracle,
            permissionless_creation,
            cl_pool_code_id,
        } => admin::update_config(
            deps,
            info,
            ConfigUpdate {
                pool_code_id,
                lp_token_code_id,
                fee_collector,
                protocol_fee_share_bps,
                default_oracle,
                permissionless_creation,
                cl_pool_code_id,
            },
        ),
        ExecuteMsg::SetFeeTiers {
            kind,
            fee_tiers_bps,
        } => admin::set_fee_tiers(deps, info, kind, fee_tiers_bps),
        ExecuteMsg::SetClFeeTiers { fee_tiers } => admin::set_cl_fee_tiers(deps, info, fee_tiers),
        ExecuteMsg::DelistPool { pool } => listing::delist_pool(deps, info, pool),
        ExecuteMsg::RelistPool { pool } => listing::relist_pool(deps, info, pool),
        ExecuteMsg::UpdateOwnership(action) => admin::update_ownership(deps, env, info, action),
    }
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn reply(deps: DepsMut, env: Env, msg: Reply) -> Result<Response, ContractError> {
    rep::reply(deps, env, msg)
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn query(deps: Deps, _env: Env, msg: QueryMsg) -> Result<Binary, ContractError> {
    Ok(match msg {
        QueryMsg::Ownership {} => to_json_binary(&cw_ownable::get_ownership(deps.storage)?)?,
        QueryMsg::Config {} => to_json_binary(&q::config(deps)?)?,
        QueryMsg::CreationRules { kind } => to_json_binary(&q::creation_rules(deps, kind)?)?,
        QueryMsg::Pools { start_after, limit } => {
            to_json_binary(&q::pools(deps, start_after, limit)?)?
        }
        QueryMsg::DelistedPools { start_after, limit } => {
            to_json_binary(&q::delisted_pools(deps, start_after, limit)?)?
        }
        QueryMsg::PoolStatus { pool } => to_json_binary(&q::pool_status(deps, pool)?)?,
        QueryMsg::PoolsByAssets { assets } => to_json_binary(&q::pools_by_assets(deps, assets)?)?,
        QueryMsg::Pool { assets, weights } => to_json_binary(&q::pool(deps, assets, weights)?)?,
        QueryMsg::ClPool { assets, fee_pips } => {
            to_json_binary(&q::cl_pool(deps, assets, fee_pips)?)?
        }
        QueryMsg::PoolByLpToken { lp_token } => {
            to_json_binary(&q::pool_by_lp_token(deps, lp_token)?)?
        }
        QueryMsg::IsNativePair { assets } => to_json_binary(&q::is_native_pair(deps, assets)?)?,
    })
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn migrate(deps: DepsMut, env: Env, msg: MigrateMsg) -> Result<Response, ContractError> {
    mig::migrate(deps, env, msg)
}
