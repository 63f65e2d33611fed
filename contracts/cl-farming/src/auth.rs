//! Roles: the owner (cw-ownable) sets the incentive maker; the maker runs farms.
use cosmwasm_std::{Addr, Storage};

use crate::error::ContractError;
use crate::state::{Config, CONFIG};

/// The config, after checking `sender` is the incentive maker.
pub fn only_maker(storage: &dyn Storage, sender: &Addr) -> Result<Config, ContractError> {
    let config = CONFIG.load(storage)?;
    if config.incentive_maker != *sender {
        return Err(ContractError::NotIncentiveMaker);
    }
    Ok(config)
}
