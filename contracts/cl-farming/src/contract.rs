//! Entry points only: each message is handed to its handler.
#[cfg(not(feature = "library"))]
use cosmwasm_std::entry_point;
use cosmwasm_std::{to_json_binary, Binary, Deps, DepsMut, Env, MessageInfo, Reply, Response};
use trellis_types::cl_farming::{ExecuteMsg, InstantiateMsg, MigrateMsg, QueryMsg};

use crate::center::{collect_fees, deposit, withdraw};
use crate::error::ContractError;
use crate::farming::{enter, exit};
use crate::farms::create::{self, NewFarm};
use crate::farms::{lifecycle, reserves};
use crate::{admin, hook, query as q, reply as rep, rewards};

pub use crate::admin::{CONTRACT_NAME, CONTRACT_VERSION};

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn instantiate(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: InstantiateMsg,
) -> Result<Response, ContractError> {
    admin::instantiate(deps, env, info, msg)
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn execute(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: ExecuteMsg,
) -> Result<Response, ContractError> {
    match msg {
        ExecuteMsg::ReceiveNft(msg) => deposit::receive_nft(deps, env, info, msg),
        ExecuteMsg::EnterFarm {
            pool,
            token_id,
            farm_id,
            tokens_locked,
        } => enter::enter_farm(
            deps,
            env,
            info,
            pool,
            token_id,
            farm_id,
            tokens_locked.u128(),
        ),
        ExecuteMsg::ExitFarm {
            pool,
            token_id,
            farm_id,
        } => exit::exit_farm(deps, env, info, pool, token_id, farm_id),
        ExecuteMsg::CollectFees {
            pool,
            token_id,
            recipient,
            amount_max,
        } => collect_fees::collect_fees(deps, env, info, pool, token_id, recipient, amount_max),
        ExecuteMsg::WithdrawToken {
            pool,
            token_id,
            recipient,
        } => withdraw::withdraw_token(deps, env, info, pool, token_id, recipient),
        ExecuteMsg::ClaimReward {
            reward_token,
            recipient,
            amount_requested_limit,
            amount_requested_eternal,
        } => rewards::claim_reward(
            deps,
            env,
            info,
            reward_token,
            recipient,
            amount_requested_limit,
            amount_requested_eternal,
        ),
        ExecuteMsg::CreateEternalFarm {
            pool,
            reward,
            bonus,
            reward_rate,
            bonus_rate,
            min_width,
            tiers,
        } => create::create_eternal(
            deps,
            env,
            info,
            NewFarm {
                pool,
                reward,
                bonus,
                min_width,
                tiers,
            },
            reward_rate,
            bonus_rate,
        ),
        ExecuteMsg::CreateLimitFarm {
            pool,
            reward,
            bonus,
            start,
            end,
            min_width,
            tiers,
        } => create::create_limit(
            deps,
            env,
            info,
            NewFarm {
                pool,
                reward,
                bonus,
                min_width,
                tiers,
            },
            start,
            end,
        ),
        ExecuteMsg::AddRewards {
            farm_id,
            reward_amount,
            bonus_amount,
        } => reserves::add_rewards(deps, env, info, farm_id, [reward_amount, bonus_amount]),
        ExecuteMsg::DecreaseRewards {
            farm_id,
            reward_amount,
            bonus_amount,
            recipient,
        } => reserves::decrease_rewards(
            deps,
            env,
            info,
            farm_id,
            [reward_amount, bonus_amount],
            recipient,
        ),
        ExecuteMsg::SetRates {
            farm_id,
            reward_rate,
            bonus_rate,
        } => reserves::set_rates(deps, env, info, farm_id, [reward_rate, bonus_rate]),
        ExecuteMsg::Deactivate { farm_id } => lifecycle::deactivate(deps, env, info, farm_id),
        ExecuteMsg::RefundLimitFarm { farm_id, recipient } => {
            lifecycle::refund_limit_farm(deps, env, info, farm_id, recipient)
        }
        ExecuteMsg::Crossed {
            ticks,
            zero_for_one,
            tick_after,
            time: _,
        } => hook::crossed(deps, env, info, ticks, zero_for_one, tick_after),
        ExecuteMsg::SyncPoolLink { pool } => lifecycle::sync_pool_link(deps, env, info, pool),
        ExecuteMsg::SetIncentiveMaker { incentive_maker } => {
            admin::set_incentive_maker(deps, info, incentive_maker)
        }
        ExecuteMsg::UpdateOwnership(action) => admin::update_ownership(deps, env, info, action),
    }
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn reply(deps: DepsMut, env: Env, msg: Reply) -> Result<Response, ContractError> {
    rep::reply(deps, env, msg)
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn query(deps: Deps, env: Env, msg: QueryMsg) -> Result<Binary, ContractError> {
    Ok(match msg {
        QueryMsg::Ownership {} => to_json_binary(&cw_ownable::get_ownership(deps.storage)?)?,
        QueryMsg::Config {} => to_json_binary(&q::config(deps)?)?,
        QueryMsg::Farm { farm_id } => to_json_binary(&q::farm(deps, &env, farm_id)?)?,
        QueryMsg::Farms {
            kind,
            start_after,
            limit,
        } => to_json_binary(&q::farms(deps, &env, kind, start_after, limit)?)?,
        QueryMsg::PoolFarms { pool } => to_json_binary(&q::pool_farms(deps, &env, pool)?)?,
        QueryMsg::Deposit { pool, token_id } => to_json_binary(&q::deposit(deps, pool, token_id)?)?,
        QueryMsg::Deposits {
            owner,
            start_after,
            limit,
        } => to_json_binary(&q::deposits(deps, owner, start_after, limit)?)?,
        QueryMsg::RewardBalances {
            owner,
            start_after,
            limit,
        } => to_json_binary(&q::reward_balances(deps, owner, start_after, limit)?)?,
        QueryMsg::PendingReward {
            pool,
            token_id,
            farm_id,
        } => to_json_binary(&q::pending_reward(deps, &env, pool, token_id, farm_id)?)?,
        QueryMsg::VirtualPool { farm_id } => {
            to_json_binary(&q::virtual_pool(deps, &env, farm_id)?)?
        }
    })
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn migrate(deps: DepsMut, env: Env, msg: MigrateMsg) -> Result<Response, ContractError> {
    admin::migrate(deps, env, msg)
}
