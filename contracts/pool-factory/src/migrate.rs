use cosmwasm_std::{DepsMut, Env, Response};
use trellis_types::factory::MigrateMsg;

use crate::contract::{CONTRACT_NAME, CONTRACT_VERSION};
use crate::error::ContractError;

/// Accepts only the same contract at the same or a newer version: a downgrade could read
/// storage written by a layout it does not know.
pub fn migrate(deps: DepsMut, _env: Env, _msg: MigrateMsg) -> Result<Response, ContractError> {
    let stored = cw2::get_contract_version(deps.storage)?;
    let refuse = || ContractError::InvalidMigration {
        from_name: stored.contract.clone(),
        from_version: stored.version.clone(),
        to_name: CONTRACT_NAME.to_string(),
        to_version: CONTRACT_VERSION.to_string(),
    };
    if stored.contract != CONTRACT_NAME {
        return Err(refuse());
    }
    let from: semver::Version = stored.version.parse().map_err(|_| refuse())?;
    let to: semver::Version = CONTRACT_VERSION.parse().map_err(|_| refuse())?;
    if from > to {
        return Err(refuse());
    }
    cw2::set_contract_version(deps.storage, CONTRACT_NAME, CONTRACT_VERSION)?;
    Ok(Response::new()
        .add_attribute("action", "migrate")
        .add_attribute("from_version", stored.version)
        .add_attribute("to_version", CONTRACT_VERSION))
}
