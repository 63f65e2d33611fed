//! Creating a farm (incentive maker only): funded in full up front, on a listed concentrated
//! pool that reports its crossings here, with no other live farm of its kind on the pool. Ids
//! are never reused, so a farm recreated on the same pool never shares a key with an old one.
use cosmwasm_std::{DepsMut, Env, MessageInfo, Response, Uint128};
use trellis_types::cl_farming::{FarmKind, RewardSpec, Tiers};
use trellis_types::AssetInfo;

use crate::auth::only_maker;
use crate::center::deposit::pool_entry;
use crate::error::ContractError;
use crate::farms::load::is_live;
use crate::funds::take;
use crate::limits::MAX_LIMIT_DURATION_SECS;
use crate::pool_link::{check_cl_pool, linked_tick};
use crate::state::{
    slot, FarmInfo, FarmState, Schedule, FARMS_BY_KIND, FARM_COUNT, FARM_INFO, FARM_STATE, POOLS,
};
use crate::tiers;
use crate::validate;

/// What both kinds' creation messages give.
pub struct NewFarm {
    pub pool: String,
    pub reward: RewardSpec,
    pub bonus: Option<RewardSpec>,
    pub min_width: u32,
    pub tiers: Option<Tiers>,
}

pub fn create_eternal(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    farm: NewFarm,
    reward_rate: Uint128,
    bonus_rate: Uint128,
) -> Result<Response, ContractError> {
    let has_bonus = farm.bonus.is_some();
    if reward_rate.is_zero() || (has_bonus && bonus_rate.is_zero()) {
        return Err(ContractError::ZeroRate);
    }
    if !has_bonus && !bonus_rate.is_zero() {
        return Err(ContractError::NoBonusToken);
    }
    let schedule = Schedule::Eternal {
        rates: [reward_rate.u128(), bonus_rate.u128()],
    };
    create(deps, env, info, farm, FarmKind::Eternal, schedule)
}

pub fn create_limit(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    farm: NewFarm,
    start: u64,
    end: u64,
) -> Result<Response, ContractError> {
    let now = env.block.time.seconds();
    if start <= now || end <= start || end - start > MAX_LIMIT_DURATION_SECS {
        return Err(ContractError::InvalidLimitTimes {
            start,
            end,
            now,
            max_duration: MAX_LIMIT_DURATION_SECS,
        });
    }
    create(
        deps,
        env,
        info,
        farm,
        FarmKind::Limit,
        Schedule::Limit { start, end },
    )
}

fn create(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    farm: NewFarm,
    kind: FarmKind,
    schedule: Schedule,
) -> Result<Response, ContractError> {
    let config = only_maker(deps.storage, &info.sender)?;
    let now = env.block.time.seconds();
    let pool = validate::address(deps.api, "pool", &farm.pool)?;
    let reward_token = validate::asset(deps.api, &farm.reward.token)?;
    if farm.reward.amount.is_zero() {
        return Err(ContractError::ZeroReward);
    }
    let bonus = match &farm.bonus {
        Some(bonus) => {
            let token = validate::asset(deps.api, &bonus.token)?;
            if bonus.amount.is_zero() {
                return Err(ContractError::ZeroReward);
            }
            if token == reward_token {
                return Err(ContractError::SameRewardAndBonus {
                    token: token.to_string(),
                });
            }
            Some((token, bonus.amount.u128()))
        }
        None => None,
    };
    let tiers = match farm.tiers {
        Some(t) => {
            let token = validate::asset(deps.api, &t.token)?;
            let t = Tiers {
                token,
                tiers: t.tiers,
            };
            tiers::validate(&t)?;
            Some(t)
        }
        None => None,
    };
    check_cl_pool(deps.as_ref(), &config.factory, &pool)?;
    let tick = linked_tick(deps.as_ref(), &env, &pool)?;

    let mut entry = pool_entry(deps.storage, &pool)?;
    let kind_slot = slot(kind);
    if let Some(live_id) = entry.live[kind_slot] {
        let live_info = FARM_INFO.load(deps.storage, live_id)?;
        let live_state = FARM_STATE.load(deps.storage, live_id)?;
        if is_live(&live_info, &live_state, now) {
            return Err(ContractError::LiveFarmExists {
                pool: pool.to_string(),
                kind: kind.key(),
                farm_id: live_id,
            });
        }
    }
    let farm_id = FARM_COUNT.may_load(deps.storage)?.unwrap_or(0) + 1;
    let funded = [farm.reward.amount.u128(), bonus.as_ref().map_or(0, |b| b.1)];
    let record = FarmInfo {
        kind,
        pool: pool.clone(),
        pool_index: entry.index,
        tokens: [
            Some(reward_token.clone()),
            bonus.as_ref().map(|b| b.0.clone()),
        ],
        schedule,
        min_width: farm.min_width,
        tiers,
        funded,
    };
    let state = FarmState {
        tick,
        last_time: now,
        reserve: funded,
        ..FarmState::default()
    };
    let mut owed: Vec<(AssetInfo, u128)> = vec![(reward_token.clone(), funded[0])];
    if let Some((token, amount)) = &bonus {
        owed.push((token.clone(), *amount));
    }
    let pulls = take(&info, &env, &owed)?;
    FARM_COUNT.save(deps.storage, &farm_id)?;
    FARM_INFO.save(deps.storage, farm_id, &record)?;
    FARM_STATE.save(deps.storage, farm_id, &state)?;
    FARMS_BY_KIND.save(deps.storage, (kind_slot as u8, farm_id), &1)?;
    entry.live[kind_slot] = Some(farm_id);
    POOLS.save(deps.storage, &pool, &entry)?;

    let mut response = Response::new()
        .add_messages(pulls)
        .add_attribute("action", "create_farm")
        .add_attribute("farm_id", farm_id.to_string())
        .add_attribute("kind", kind.key())
        .add_attribute("pool", pool.as_str())
        .add_attribute("reward_token", reward_token.to_string())
        .add_attribute("reward_amount", funded[0].to_string())
        .add_attribute("min_width", record.min_width.to_string())
        .add_attribute("tick", tick.to_string());
    if let Some((token, amount)) = &bonus {
        response = response
            .add_attribute("bonus_token", token.to_string())
            .add_attribute("bonus_amount", amount.to_string());
    }
    response = match schedule {
        Schedule::Eternal { rates } => response
            .add_attribute("reward_rate", rates[0].to_string())
            .add_attribute("bonus_rate", rates[1].to_string()),
        Schedule::Limit { start, end } => response
            .add_attribute("start", start.to_string())
            .add_attribute("end", end.to_string()),
    };
    if let Some(t) = &record.tiers {
        let levels: Vec<String> = t
            .tiers
            .iter()
            .map(|tier| format!("{}:{}", tier.amount, tier.multiplier_bps))
            .collect();
        response = response
            .add_attribute("tier_token", t.token.to_string())
            .add_attribute("tiers", levels.join(","));
    }
    Ok(response)
}
