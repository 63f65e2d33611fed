use cosmwasm_std::{DepsMut, Env, MessageInfo, Response, Uint256};
use trellis_types::farm::{AllocationPolicy, Clock, EmissionSplit, InstantiateMsg, RewardSource};
use trellis_types::AssetInfo;

use crate::accounting::clock_now;
use crate::contract::{CONTRACT_NAME, CONTRACT_VERSION};
use crate::error::ContractError;
use crate::lp_factory;
use crate::state::{
    Checkpoint, Config, Emission, Ledger, PolicyWeights, CHECKPOINT, CONFIG, POLICY_WEIGHTS,
    POOL_COUNT,
};

/// Solo pools must get less than LP pools, so their cap stays below half.
const MAX_SOLO_SHARE_BPS: u32 = 5_000;

pub fn instantiate(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: InstantiateMsg,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    cw2::set_contract_version(deps.storage, CONTRACT_NAME, CONTRACT_VERSION)?;
    msg.schedule.validate()?;
    if msg.policy.max_solo_share_bps >= MAX_SOLO_SHARE_BPS {
        return Err(ContractError::InvalidSoloShare {
            max_bps: msg.policy.max_solo_share_bps,
        });
    }
    let api = deps.api;
    let (reward, reward_asset) = match msg.reward {
        RewardSource::Mint { cw20 } => {
            let addr = api.addr_validate(&cw20)?.to_string();
            (
                RewardSource::Mint { cw20: addr.clone() },
                AssetInfo::Cw20 {
                    contract_addr: addr,
                },
            )
        }
        RewardSource::Reserve { asset } => {
            let asset = asset.validate(api)?;
            (
                RewardSource::Reserve {
                    asset: asset.clone(),
                },
                asset,
            )
        }
    };
    let policy = AllocationPolicy {
        protocol_token: msg.policy.protocol_token.validate(api)?,
        ..msg.policy
    };
    let lp_factory = match msg.lp_factory {
        Some(factory) => Some(lp_factory::check_factory(
            deps.as_ref(),
            &factory,
            &policy.protocol_token,
        )?),
        None => None,
    };
    let voting_escrow = msg
        .voting_escrow
        .map(|escrow| api.addr_validate(&escrow))
        .transpose()?;
    let gauge_controller = match msg.split.unwrap_or(EmissionSplit::Allocation) {
        EmissionSplit::Allocation => None,
        EmissionSplit::Gauges { controller } => {
            if msg.clock != Clock::Time {
                return Err(ContractError::GaugeSplitNeedsTime);
            }
            Some(api.addr_validate(&controller)?)
        }
    };
    let owner = api.addr_validate(&msg.owner)?;
    cw_ownable::initialize_owner(deps.storage, api, Some(owner.as_str()))?;

    let now = clock_now(msg.clock, &env);
    let cursor = msg.schedule.initial_cursor();
    // Emission the schedule released before the farm existed is not the farm's to pay.
    let (scheduled, cursor) = msg.schedule.cumulative_from(&cursor, now)?;
    let config = Config {
        clock: msg.clock,
        schedule: msg.schedule,
        reward,
        reward_asset,
        policy,
        lp_factory,
        voting_escrow,
        gauge_controller,
        legacy_positions: false,
    };
    CONFIG.save(deps.storage, &config)?;
    CHECKPOINT.save(
        deps.storage,
        &Checkpoint {
            emission: Emission {
                last_update: now,
                scheduled,
                cursor,
                reward_per_weight: Uint256::zero(),
                total_weight: 0,
                unstaked_weight: 0,
            },
            ledger: Ledger::default(),
        },
    )?;
    POLICY_WEIGHTS.save(deps.storage, &PolicyWeights::default())?;
    POOL_COUNT.save(deps.storage, &0)?;

    Ok(Response::new()
        .add_attribute("action", "instantiate")
        .add_attribute("owner", owner)
        .add_attribute("reward_asset", config.reward_asset.to_string())
        .add_attribute("clock_now", now.to_string()))
}
