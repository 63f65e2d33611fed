//! The cw20 side, with the supply books kept beside it: every mint is `issued` (checked
//! against the cap together with what was exercised and burned, so the cap bounds all oTOKEN
//! ever issued, not only those in circulation), every plain burn `burned`. Transfers and
//! allowances are cw20-base's; mints and burns are done here, the way cw20-base does them
//! (same checks, errors and attributes) except that the supply is not written to cw20-base's
//! `token_info`: it is derived from the totals (`state`).
use cosmwasm_std::{Addr, DepsMut, Env, MessageInfo, Response, StdResult, Storage, Uint128};
use cw20_base::allowances::deduct_allowance;
use cw20_base::state::{BALANCES, TOKEN_INFO};

use crate::error::ContractError;
use crate::state::{CONFIG, TOTALS};

fn add(value: Uint128, amount: Uint128, what: &'static str) -> Result<Uint128, ContractError> {
    value
        .checked_add(amount)
        .map_err(|_| ContractError::Overflow(what))
}

/// Takes `amount` from `owner`'s balance, `balance` being what it holds (already read).
/// Fails as cw20-base's burn does (a cw20 overflow error) when the balance is short.
pub fn debit(
    storage: &mut dyn Storage,
    owner: &Addr,
    balance: Uint128,
    amount: Uint128,
) -> Result<(), ContractError> {
    let left = balance.checked_sub(amount).map_err(cw20_std)?;
    BALANCES.save(storage, owner, &left)?;
    Ok(())
}

/// An error as cw20-base reports it (these checks used to run inside cw20-base).
fn cw20_std(e: impl Into<cosmwasm_std::StdError>) -> ContractError {
    cw20_base::ContractError::Std(e.into()).into()
}

/// `owner`'s balance, zero if it never held any.
pub fn balance(storage: &dyn Storage, owner: &Addr) -> StdResult<Uint128> {
    Ok(BALANCES.may_load(storage, owner)?.unwrap_or_default())
}

pub fn mint(
    deps: DepsMut,
    _env: Env,
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
    // cw20-base's minter check. Its own cap is the same number over the supply, which is
    // at most `issued`: it cannot refuse what the lifetime cap above allowed.
    let token = TOKEN_INFO
        .may_load(deps.storage)?
        .ok_or(cw20_base::ContractError::Unauthorized {})?;
    let minter = token
        .mint
        .as_ref()
        .ok_or(cw20_base::ContractError::Unauthorized {})?;
    if minter.minter != info.sender {
        return Err(cw20_base::ContractError::Unauthorized {}.into());
    }
    let rcpt_addr = deps.api.addr_validate(&recipient).map_err(cw20_std)?;
    let held = balance(deps.storage, &rcpt_addr)?;
    let credited = held.checked_add(amount).map_err(cw20_std)?;
    BALANCES.save(deps.storage, &rcpt_addr, &credited)?;
    totals.issued = would_issue;
    TOTALS.save(deps.storage, &totals)?;
    Ok(Response::new()
        .add_attribute("action", "mint")
        .add_attribute("to", recipient)
        .add_attribute("amount", amount))
}

fn count_burn(storage: &mut dyn Storage, amount: Uint128) -> Result<(), ContractError> {
    let mut totals = TOTALS.load(storage)?;
    totals.burned = add(totals.burned, amount, "burned")?;
    TOTALS.save(storage, &totals)?;
    Ok(())
}

pub fn burn(
    deps: DepsMut,
    _env: Env,
    info: MessageInfo,
    amount: Uint128,
) -> Result<Response, ContractError> {
    let held = balance(deps.storage, &info.sender)?;
    debit(deps.storage, &info.sender, held, amount)?;
    count_burn(deps.storage, amount)?;
    Ok(Response::new()
        .add_attribute("action", "burn")
        .add_attribute("from", info.sender)
        .add_attribute("amount", amount))
}

pub fn burn_from(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    owner: String,
    amount: Uint128,
) -> Result<Response, ContractError> {
    let owner_addr = deps.api.addr_validate(&owner).map_err(cw20_std)?;
    deduct_allowance(deps.storage, &owner_addr, &info.sender, &env.block, amount)?;
    let held = balance(deps.storage, &owner_addr)?;
    debit(deps.storage, &owner_addr, held, amount)?;
    count_burn(deps.storage, amount)?;
    Ok(Response::new()
        .add_attribute("action", "burn_from")
        .add_attribute("from", owner)
        .add_attribute("by", info.sender)
        .add_attribute("amount", amount))
}
