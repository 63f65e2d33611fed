//! `migrate` accepts the same contract at the same or a newer version only.
mod common;
use common::*;
use cosmwasm_std::Uint128;
use trellis_farm::contract::{migrate, CONTRACT_NAME, CONTRACT_VERSION};
use trellis_farm::ContractError;
use trellis_types::farm::{MigrateMsg, Schedule};
use trellis_types::migrate::MigrationRefused;

fn farm() -> Farm {
    Farm::new(
        Schedule::constant(0, Uint128::new(1)),
        mint_source(),
        policy(false),
    )
}

#[test]
fn same_or_older_version_migrates() {
    let mut f = farm();
    cw2::set_contract_version(&mut f.deps.storage, CONTRACT_NAME, "0.0.1").unwrap();
    migrate(f.deps.as_mut(), f.env.clone(), MigrateMsg {}).unwrap();
    let v = cw2::get_contract_version(&f.deps.storage).unwrap();
    assert_eq!(v.version, CONTRACT_VERSION);
    // Re-running at the same version is fine too.
    migrate(f.deps.as_mut(), f.env.clone(), MigrateMsg {}).unwrap();
}

#[test]
fn downgrade_and_foreign_contract_are_refused() {
    let mut f = farm();
    cw2::set_contract_version(&mut f.deps.storage, CONTRACT_NAME, "99.0.0").unwrap();
    let err = migrate(f.deps.as_mut(), f.env.clone(), MigrateMsg {}).unwrap_err();
    assert_eq!(
        err,
        ContractError::InvalidMigration(MigrationRefused {
            from_name: CONTRACT_NAME.into(),
            from_version: "99.0.0".into(),
            to_name: CONTRACT_NAME.into(),
            to_version: CONTRACT_VERSION.into(),
        })
    );
    cw2::set_contract_version(&mut f.deps.storage, "crates.io:cw20-base", "0.0.1").unwrap();
    let err = migrate(f.deps.as_mut(), f.env.clone(), MigrateMsg {}).unwrap_err();
    assert!(
        matches!(err, ContractError::InvalidMigration(MigrationRefused { from_name, .. }) if from_name == "crates.io:cw20-base")
    );
}
