//! `Sweep`: the owner recovers an asset sent by mistake. Fee tokens are refused: every unit
//! of one is either owed to holders (`booked - claimed`, failed transfers included) or waits
//! for the next checkpoint to book it, so no part of a fee token's balance is stray.
use cosmwasm_std::{DepsMut, Env, MessageInfo, Response};
use trellis_types::AssetInfo;

use crate::balance::balance_of;
use crate::error::ContractError;
use crate::state::CONFIG;

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
    let config = CONFIG.load(deps.storage)?;
    if config.tokens.contains(&asset) {
        return Err(ContractError::FeeTokenNotSweepable { token: asset.key() });
    }
    // No book accounts for a non-fee asset: all of it is stray.
    let amount = balance_of(&deps.querier, &asset, &env.contract.address)?;
    if amount.is_zero() {
        return Err(ContractError::NothingToSweep { asset: asset.key() });
    }
    Ok(Response::new()
        .add_message(asset.transfer_msg(&recipient, amount)?)
        .add_attribute("action", "sweep")
        .add_attribute("asset", asset.key())
        .add_attribute("amount", amount)
        .add_attribute("recipient", recipient))
}
