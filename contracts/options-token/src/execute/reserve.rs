//! The reserve of underlying that `Reserve` delivery pays from, tracked in storage so an
//! exercise the reserve cannot cover is refused with a typed error before anything moves.
//!
//! The promised part is what outstanding options can still claim: every oTOKEN in
//! circulation (cw20 `total_supply` = issued - exercised - burned) is one underlying unit, so
//! `promised = min(total_supply, reserve)`; the rest is the owner's to withdraw. Options not
//! minted yet are not promised: whoever mints them (the farm) must see the reserve funded.
use cosmwasm_std::{Addr, Deps, DepsMut, MessageInfo, Response, Uint128};
use trellis_types::options_token::{Delivery, ReserveStatusResponse};
use trellis_types::AssetInfo;

use crate::error::ContractError;
use crate::state::{CONFIG, TOTALS};

/// Credits `amount` of `received`, already in the contract's hands, to the reserve.
pub fn fund(
    deps: DepsMut,
    received: AssetInfo,
    amount: Uint128,
    funder: &Addr,
) -> Result<Response, ContractError> {
    let config = CONFIG.load(deps.storage)?;
    if config.delivery != Delivery::Reserve {
        return Err(ContractError::NotAReserve);
    }
    if received != config.underlying {
        return Err(ContractError::WrongReserveToken {
            expected: config.underlying.to_string(),
            got: received.to_string(),
        });
    }
    if amount.is_zero() {
        return Err(ContractError::ZeroAmount);
    }
    let mut totals = TOTALS.load(deps.storage)?;
    totals.reserve_available = totals
        .reserve_available
        .checked_add(amount)
        .map_err(|_| ContractError::Overflow("reserve"))?;
    TOTALS.save(deps.storage, &totals)?;
    Ok(Response::new()
        .add_attribute("action", "fund_reserve")
        .add_attribute("funder", funder)
        .add_attribute("amount", amount)
        .add_attribute("reserve_available", totals.reserve_available))
}

pub fn fund_native(deps: DepsMut, info: MessageInfo) -> Result<Response, ContractError> {
    let config = CONFIG.load(deps.storage)?;
    let AssetInfo::Native { denom } = &config.underlying else {
        return Err(ContractError::WrongReserveToken {
            expected: config.underlying.to_string(),
            got: "native funds".to_string(),
        });
    };
    let amount = cw_utils::must_pay(&info, denom)?;
    fund(deps, config.underlying.clone(), amount, &info.sender)
}

/// The reserve split into its promised and withdrawable parts (Reserve delivery only).
pub fn status(deps: Deps) -> Result<ReserveStatusResponse, ContractError> {
    if CONFIG.load(deps.storage)?.delivery != Delivery::Reserve {
        return Err(ContractError::NotAReserve);
    }
    let totals = TOTALS.load(deps.storage)?;
    let available = totals.reserve_available;
    let outstanding = totals.supply();
    let promised = outstanding.min(available);
    Ok(ReserveStatusResponse {
        available,
        promised,
        withdrawable: available - promised,
    })
}

/// Owner: sends `amount` of the unpromised reserve to `recipient`.
pub fn withdraw(
    deps: DepsMut,
    info: MessageInfo,
    amount: Uint128,
    recipient: String,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    cw_ownable::assert_owner(deps.storage, &info.sender)?;
    if amount.is_zero() {
        return Err(ContractError::ZeroAmount);
    }
    let recipient = deps.api.addr_validate(&recipient)?;
    let reserve = status(deps.as_ref())?;
    if amount > reserve.withdrawable {
        return Err(ContractError::ReservePromised {
            requested: amount,
            withdrawable: reserve.withdrawable,
            promised: reserve.promised,
        });
    }
    let mut totals = TOTALS.load(deps.storage)?;
    totals.reserve_available -= amount; // amount <= withdrawable <= reserve_available
    TOTALS.save(deps.storage, &totals)?;
    let underlying = CONFIG.load(deps.storage)?.underlying;
    Ok(Response::new()
        .add_message(underlying.transfer_msg(&recipient, amount)?)
        .add_attribute("action", "withdraw_reserve")
        .add_attribute("recipient", recipient)
        .add_attribute("amount", amount)
        .add_attribute("promised", reserve.promised)
        .add_attribute("reserve_available", totals.reserve_available))
}
