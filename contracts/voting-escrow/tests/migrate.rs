//! `migrate` accepts the same contract at the same or a newer version only.
mod common;
use common::*;
use trellis_types::migrate::MigrationRefused;
use trellis_types::voting_escrow::MigrateMsg;
use trellis_voting_escrow::contract::{migrate, CONTRACT_NAME, CONTRACT_VERSION};
use trellis_voting_escrow::ContractError;

#[test]
fn same_or_older_version_migrates() {
    let mut ve = Ve::new();
    cw2::set_contract_version(&mut ve.deps.storage, CONTRACT_NAME, "0.0.1").unwrap();
    migrate(ve.deps.as_mut(), ve.env.clone(), MigrateMsg {}).unwrap();
    let v = cw2::get_contract_version(&ve.deps.storage).unwrap();
    assert_eq!(v.version, CONTRACT_VERSION);
    migrate(ve.deps.as_mut(), ve.env.clone(), MigrateMsg {}).unwrap();
}

#[test]
fn downgrade_and_foreign_contract_are_refused() {
    let mut ve = Ve::new();
    cw2::set_contract_version(&mut ve.deps.storage, CONTRACT_NAME, "99.0.0").unwrap();
    let err = migrate(ve.deps.as_mut(), ve.env.clone(), MigrateMsg {}).unwrap_err();
    assert_eq!(
        err,
        ContractError::InvalidMigration(MigrationRefused {
            from_name: CONTRACT_NAME.into(),
            from_version: "99.0.0".into(),
            to_name: CONTRACT_NAME.into(),
            to_version: CONTRACT_VERSION.into(),
        })
    );
    cw2::set_contract_version(&mut ve.deps.storage, "crates.io:cw20-base", "0.0.1").unwrap();
    let err = migrate(ve.deps.as_mut(), ve.env.clone(), MigrateMsg {}).unwrap_err();
    assert!(matches!(
        err,
        ContractError::InvalidMigration(MigrationRefused { from_name, .. })
            if from_name == "crates.io:cw20-base"
    ));
}
