use cosmwasm_std::{DepsMut, Env, Response};
use trellis_types::factory::MigrateMsg;
use trellis_types::migrate::check_migration;

use crate::contract::{CONTRACT_NAME, CONTRACT_VERSION};
use crate::error::ContractError;
use crate::state::CONFIG;

/// Accepts only the same contract at the same or a newer version (`check_migration`), and
/// rewrites the config in the current layout: a config stored with the old `permissionless`
/// field keeps its value as `permissionless_creation` (the owner's choice is not overridden;
/// non-owners are now held to the fee tiers and the factory's oracle either way). Fee tiers
/// absent from storage read as the kind's defaults, so nothing else needs writing, and pools
/// registered before keep being found through their LP token.
pub fn migrate(deps: DepsMut, _env: Env, _msg: MigrateMsg) -> Result<Response, ContractError> {
    let stored = cw2::get_contract_version(deps.storage)?;
    check_migration(&stored, CONTRACT_NAME, CONTRACT_VERSION)?;
    let config = CONFIG.load(deps.storage)?;
    CONFIG.save(deps.storage, &config)?;
    cw2::set_contract_version(deps.storage, CONTRACT_NAME, CONTRACT_VERSION)?;
    Ok(Response::new()
        .add_attribute("action", "migrate")
        .add_attribute(
            "permissionless_creation",
            config.permissionless_creation.to_string(),
        )
        .add_attribute("from_version", stored.version)
        .add_attribute("to_version", CONTRACT_VERSION))
}
