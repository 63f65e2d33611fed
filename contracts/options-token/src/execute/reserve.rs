//! The reserve of underlying that `Reserve` delivery pays from, tracked in storage so an
//! exercise the reserve cannot cover is refused with a typed error before anything moves.
use cosmwasm_std::{Addr, DepsMut, MessageInfo, Response, Uint128};
use trellis_types::options_token::Delivery;
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
