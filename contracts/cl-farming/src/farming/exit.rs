//! Exiting a farm: the position's liquidity leaves the virtual pool and what it earned is
//! credited to its owner's balance (never paid here, so no token can keep a position in).
//! Locked tier tokens go back in a sub-message; if that transfer fails they are credited to
//! the owner's balance instead (`reply`).
use cosmwasm_std::{to_json_binary, Addr, DepsMut, Env, MessageInfo, Response, SubMsg};
use trellis_types::cl_farming::FarmKind;

use crate::error::ContractError;
use crate::farming::settle::earned_by;
use crate::farms::load::{load_farm, owned_deposit};
use crate::marks::no_longer_needed;
use crate::pool_link::unmarks;
use crate::reply::{UnlockPayload, REPLY_UNLOCK};
use crate::rewards::credit;
use crate::state::{slot, Schedule, DEPOSITS, FARM_STATE};
use crate::vpool::{accrue, update_range};

pub fn exit_farm(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    pool: String,
    token_id: String,
    farm_id: u64,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let now = env.block.time.seconds();
    let (pool_addr, pool_entry, mut deposit) =
        owned_deposit(deps.storage, deps.api, &pool, &token_id, &info.sender)?;
    let (farm, mut state) = load_farm(deps.storage, farm_id)?;
    let kind_slot = slot(farm.kind);
    let entry = match &deposit.farms[kind_slot] {
        Some(entry) if entry.farm_id == farm_id => entry.clone(),
        _ => {
            return Err(ContractError::NotInFarm { token_id, farm_id });
        }
    };
    if let Schedule::Limit { end, .. } = farm.schedule {
        if now < end && state.deactivated_at.is_none() {
            return Err(ContractError::LimitFarmNotEnded { farm_id, end });
        }
    }

    accrue(&farm, &mut state, now)?;
    let earned = earned_by(deps.storage, farm_id, &farm, &state, &deposit, &entry)?;
    let range = (deposit.lower, deposit.upper);
    let changes = update_range(
        deps.storage,
        farm_id,
        &mut state,
        range,
        entry.liquidity,
        false,
    )?;
    state.positions -= 1;
    state.total_liquidity -= entry.liquidity;
    for (i, amount) in earned.iter().enumerate() {
        state.credited[i] += amount;
        if farm.kind == FarmKind::Limit {
            state.reserve[i] -= amount;
        }
    }
    if farm.kind == FarmKind::Eternal && state.positions == 0 {
        // No one left to claim the rounding remainder of what was distributed: back to the
        // reserve, where it can be distributed again or taken back.
        for i in 0..2 {
            state.reserve[i] = farm.funded[i] - state.refunded[i] - state.credited[i];
        }
    }
    FARM_STATE.save(deps.storage, farm_id, &state)?;
    for (i, amount) in earned.iter().enumerate() {
        if let Some(token) = &farm.tokens[i] {
            credit(deps.storage, &deposit.owner, token, farm.kind, *amount)?;
        }
    }
    deposit.farms[kind_slot] = None;
    DEPOSITS.save(deps.storage, (pool_entry.index, &token_id), &deposit)?;

    let unmark = no_longer_needed(deps.storage, &pool_entry, farm_id, changes.cleared);
    let mut response = Response::new()
        .add_submessages(unmarks(&pool_addr, unmark)?)
        .add_attribute("action", "exit_farm")
        .add_attribute("pool", pool_addr.as_str())
        .add_attribute("token_id", &token_id)
        .add_attribute("farm_id", farm_id.to_string())
        .add_attribute("owner", deposit.owner.as_str())
        .add_attribute("liquidity", entry.liquidity.to_string())
        .add_attribute("reward", earned[0].to_string())
        .add_attribute("bonus", earned[1].to_string());
    if entry.tokens_locked > 0 {
        if let Some(tiers) = &farm.tiers {
            response = response
                .add_submessage(unlock(
                    &tiers.token,
                    &deposit.owner,
                    entry.tokens_locked,
                    farm.kind,
                )?)
                .add_attribute("tokens_unlocked", entry.tokens_locked.to_string());
        }
    }
    Ok(response)
}

/// The transfer of locked tier tokens back to `owner`, credited to the owner's balance by the
/// reply if it fails.
fn unlock(
    token: &trellis_types::AssetInfo,
    owner: &Addr,
    amount: u128,
    kind: FarmKind,
) -> Result<SubMsg, ContractError> {
    let payload = UnlockPayload {
        owner: owner.clone(),
        token: token.clone(),
        amount: amount.into(),
        kind,
    };
    Ok(
        SubMsg::reply_on_error(token.transfer_msg(owner, amount.into())?, REPLY_UNLOCK)
            .with_payload(to_json_binary(&payload)?),
    )
}
