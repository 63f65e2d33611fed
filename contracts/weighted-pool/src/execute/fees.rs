//! Protocol fees: collected by anyone, paid only to the configured collector.
use cosmwasm_std::{DepsMut, MessageInfo, Response, Uint128};

use crate::error::ContractError;
use crate::execute::pay;
use crate::state::{CONFIG, POOL};

/// Sends every protocol fee owed to the fee collector. The owed amounts were never part of
/// the balances, so prices and the oracle are untouched.
pub fn collect_protocol_fees(deps: DepsMut, info: MessageInfo) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let config = CONFIG.load(deps.storage)?;
    let collector = config
        .fee_collector
        .clone()
        .ok_or(ContractError::NoFeeCollector)?;
    let mut pool = POOL.load(deps.storage)?;
    let owed = pool.reserves.fees_owed;
    if owed.iter().all(Uint128::is_zero) {
        return Err(ContractError::NothingToCollect);
    }
    let mut response = Response::new()
        .add_attribute("action", "collect_protocol_fees")
        .add_attribute("sender", info.sender)
        .add_attribute("recipient", collector.as_str())
        .add_attribute("amount_0", owed[0])
        .add_attribute("amount_1", owed[1]);
    for (i, amount) in owed.into_iter().enumerate() {
        response = response.add_messages(pay(&config, i, &collector, amount)?);
    }
    pool.reserves.fees_owed = [Uint128::zero(); 2];
    POOL.save(deps.storage, &pool)?;
    Ok(response)
}
