use cosmwasm_std::{Addr, DepsMut, Env, MessageInfo, Response, Uint128};
use trellis_types::farm::RewardSource;
use trellis_types::AssetInfo;

use crate::accounting::Books;
use crate::error::ContractError;

/// Adds `amount` of `received` to the reserve. Anyone may fund.
pub fn fund(
    deps: DepsMut,
    env: Env,
    received: AssetInfo,
    amount: Uint128,
    sender: &Addr,
) -> Result<Response, ContractError> {
    if amount.is_zero() {
        return Err(ContractError::ZeroAmount);
    }
    // Bring emission up to now first: time that passed with an empty reserve stays skipped.
    let mut books = Books::load(deps.storage, deps.querier, &env)?;
    let RewardSource::Reserve { asset } = &books.config.reward else {
        return Err(ContractError::NotAReserveFarm);
    };
    if &received != asset {
        return Err(ContractError::WrongToken {
            expected: asset.to_string(),
            got: received.to_string(),
        });
    }
    if books.config.is_gauge_split() && books.ledger.reserve_available.is_zero() {
        // Pools that have not settled since the reserve ran dry must not take this top-up
        // for that past (see `gauge::accrue`).
        books.ledger.paid_from = books.now;
    }
    let overflow = |_| ContractError::Overflow("funded");
    books.ledger.funded = books.ledger.funded.checked_add(amount).map_err(overflow)?;
    books.ledger.reserve_available = books
        .ledger
        .reserve_available
        .checked_add(amount)
        .map_err(overflow)?;
    books.save(deps.storage)?;
    Ok(Response::new()
        .add_attribute("action", "fund")
        .add_attribute("sender", sender)
        .add_attribute("amount", amount)
        .add_attribute("funded", books.ledger.funded)
        .add_attribute("reserve_available", books.ledger.reserve_available))
}

pub fn fund_native(deps: DepsMut, env: Env, info: MessageInfo) -> Result<Response, ContractError> {
    let coin = cw_utils::one_coin(&info)?;
    fund(
        deps,
        env,
        AssetInfo::Native { denom: coin.denom },
        coin.amount,
        &info.sender,
    )
}
