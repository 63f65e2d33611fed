//! Owner-only recovery of tokens sent to the farm by mistake. Only the part of a balance that
//! no book accounts for can leave: staked principal, the reserve, and reward emitted but not
//! yet claimed or recovered always stay.
use cosmwasm_std::{Deps, DepsMut, Env, MessageInfo, Response, Uint128};
use cw20::{BalanceResponse, Cw20QueryMsg};
use trellis_types::farm::RewardSource;
use trellis_types::AssetInfo;

use crate::accounting::Books;
use crate::error::ContractError;
use crate::pools::{load_pool, pool_books};
use crate::state::POOL_BY_ASSET;

/// The farm's balance of `asset`.
fn balance(deps: Deps, env: &Env, asset: &AssetInfo) -> Result<Uint128, ContractError> {
    let contract = env.contract.address.to_string();
    Ok(match asset {
        AssetInfo::Native { denom } => deps.querier.query_balance(contract, denom)?.amount,
        AssetInfo::Cw20 { contract_addr } => {
            let r: BalanceResponse = deps
                .querier
                .query_wasm_smart(contract_addr, &Cw20QueryMsg::Balance { address: contract })?;
            r.balance
        }
    })
}

/// What the books say the farm holds of `asset`: the principal of the pool staking it (one
/// pool per staking asset), plus, for a reserve farm's reward asset, the reserve and every
/// emitted unit not yet paid out (pending, carried and undistributed reward).
fn booked(deps: Deps, books: &Books, asset: &AssetInfo) -> Result<Uint128, ContractError> {
    let overflow = |_| ContractError::Overflow("booked balance");
    let mut booked = Uint128::zero();
    if let Some(pool_id) = POOL_BY_ASSET.may_load(deps.storage, &asset.key())? {
        booked = load_pool(deps.storage, pool_id)?.total_staked;
    }
    if let RewardSource::Reserve { asset: reward } = &books.config.reward {
        if reward == asset {
            let ledger = &books.ledger;
            let claimed = pool_books(deps.storage, ledger)?.claimed;
            let owed = ledger
                .emitted
                .checked_sub(claimed + ledger.recovered)
                .map_err(|_| ContractError::Overflow("emitted below paid"))?;
            booked = booked
                .checked_add(owed)
                .and_then(|b| b.checked_add(ledger.reserve_available))
                .map_err(overflow)?;
        }
    }
    Ok(booked)
}

pub fn sweep(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    asset: AssetInfo,
    recipient: String,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    cw_ownable::assert_owner(deps.storage, &info.sender)?;
    let asset = asset.validate(deps.api)?;
    let recipient = deps.api.addr_validate(&recipient)?;
    let books = Books::load(deps.storage, deps.querier, &env)?;
    let held = balance(deps.as_ref(), &env, &asset)?;
    let booked = booked(deps.as_ref(), &books, &asset)?;
    let stray = held.saturating_sub(booked);
    if stray.is_zero() {
        return Err(ContractError::NothingToSweep {
            asset: asset.to_string(),
            balance: held,
            booked,
        });
    }
    Ok(Response::new()
        .add_message(asset.transfer_msg(&recipient, stray)?)
        .add_attribute("action", "sweep")
        .add_attribute("asset", asset.to_string())
        .add_attribute("recipient", recipient)
        .add_attribute("amount", stray)
        .add_attribute("booked", booked))
}
