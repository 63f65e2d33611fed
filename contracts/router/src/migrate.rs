use cosmwasm_std::{DepsMut, Env, Response};
use trellis_types::migrate::check_migration;
use trellis_types::router::MigrateMsg;

use crate::contract::{CONTRACT_NAME, CONTRACT_VERSION};
use crate::error::ContractError;

/// Accepts only the same contract at the same or a newer version (`check_migration`). A router
/// stored by a build without ownership gets `msg.owner` as its owner; one that has an owner
/// refuses a new one (ownership moves by the two-step transfer only).
pub fn migrate(deps: DepsMut, _env: Env, msg: MigrateMsg) -> Result<Response, ContractError> {
    let stored = cw2::get_contract_version(deps.storage)?;
    check_migration(&stored, CONTRACT_NAME, CONTRACT_VERSION)?;
    let current = cw_ownable::get_ownership(deps.storage).ok();
    match (current, msg.owner) {
        (Some(ownership), Some(_)) => {
            return Err(ContractError::OwnerAlreadySet {
                owner: ownership
                    .owner
                    .map_or_else(|| "none (renounced)".to_string(), |o| o.to_string()),
            })
        }
        (Some(_), None) => {}
        (None, Some(owner)) => {
            cw_ownable::initialize_owner(deps.storage, deps.api, Some(&owner))?;
        }
        (None, None) => return Err(ContractError::MigrationNeedsOwner),
    }
    cw2::set_contract_version(deps.storage, CONTRACT_NAME, CONTRACT_VERSION)?;
    Ok(Response::new()
        .add_attribute("action", "migrate")
        .add_attribute("from_version", stored.version)
        .add_attribute("to_version", CONTRACT_VERSION))
}
