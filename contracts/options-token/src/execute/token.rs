//! The cw20 side, handled by cw20-base, with the supply books kept beside it: every mint is
//! `issued` (checked against the cap together with what was exercised and burned, so the cap
//! bounds all oTOKEN ever issued, not only those in circulation), every plain burn `burned`.
use cosmwasm_std::{DepsMut, Env, MessageInfo, Response, Uint128};
use cw20_base::allowances as allow;
use cw20_base::contract as base;

use crate::error::ContractError;
use crate::state::{Totals, CONFIG, TOTALS};

fn add(value: Uint128, amount: Uint128, what: &'static str) -> Result<Uint128, ContractError> {
    value
        .checked_add(amount)
        .map_err(|_| ContractError::Overflow(what))
}

pub fn mint(
    mut deps: DepsMut,
    env: Env,
    info: MessageInfo,
    recipient: String,
    amount: Uint128,
) -> Result<Response, ContractError> {
    if amount.is_zero() {
        return Err(ContractError::ZeroAmount);
    }
    let mut totals = TOTALS.load(deps.storage)?;
    let would_issue = add(totals.issued, amount, "issued")?;
    if let Some(cap) = CONFIG.load(deps.storage)?.cap {
        if would_issue > cap {
            return Err(ContractError::CapExceeded {
                amount,
                would_issue,
                cap,
            });
        }
    }
    // cw20-base checks the minter and credits the balance.
    let response = base::execute_mint(deps.branch(), env, info, recipient, amount)?;
    totals.issued = would_issue;
    TOTALS.save(deps.storage, &totals)?;
    Ok(response)
}

fn count_burn(deps: DepsMut, amount: Uint128) -> Result<(), ContractError> {
    let mut totals: Totals = TOTALS.load(deps.storage)?;
    totals.burned = add(totals.burned, amount, "burned")?;
    TOTALS.save(deps.storage, &totals)?;
    Ok(())
}

pub fn burn(
    mut deps: DepsMut,
    env: Env,
    info: MessageInfo,
    amount: Uint128,
) -> Result<Response, ContractError> {
    let response = base::execute_burn(deps.branch(), env, info, amount)?;
    count_burn(deps, amount)?;
    Ok(response)
}

pub fn burn_from(
    mut deps: DepsMut,
    env: Env,
    info: MessageInfo,
    owner: String,
    amount: Uint128,
) -> Result<Response, ContractError> {
    let response = allow::execute_burn_from(deps.branch(), env, info, owner, amount)?;
    count_burn(deps, amount)?;
    Ok(response)
}
