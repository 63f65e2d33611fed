//! Protocol fees: collected by anyone, paid only to the configured collector.
use cosmwasm_std::{DepsMut, MessageInfo, Response, Uint128};

use crate::error::ContractError;
use crate::execute::{load_pool, pay};
use crate::state::{CONFIG, POOL};

pub fn collect_protocol_fees(deps: DepsMut, info: MessageInfo) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let config = CONFIG.load(deps.storage)?;
    let collector = config
        .fee_collector
        .clone()
        .ok_or(ContractError::NoFeeCollector)?;
    let mut pool = load_pool(deps.storage)?;
    let owed = pool.protocol_fees;
    if owed == [0, 0] {
        return Err(ContractError::NoProtocolFees);
    }
    let mut response = Response::new()
        .add_attribute("action", "collect_protocol_fees")
        .add_attribute("sender", info.sender)
        .add_attribute("recipient", collector.as_str())
        .add_attribute("amount_0", owed[0].to_string())
        .add_attribute("amount_1", owed[1].to_string());
    for (i, amount) in owed.into_iter().enumerate() {
        response = response.add_messages(pay(&config, i, &collector, Uint128::new(amount))?);
    }
    pool.protocol_fees = [0, 0];
    POOL.save(deps.storage, &pool)?;
    Ok(response)
}
