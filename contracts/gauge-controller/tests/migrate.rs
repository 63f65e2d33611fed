//! Migration: same contract at the same or a newer version only.
mod common;

use common::*;
use trellis_gauge_controller::contract::migrate;
use trellis_gauge_controller::ContractError;
use trellis_types::gauge_controller::MigrateMsg;
use trellis_types::migrate::MigrationRefused;

#[test]
fn refuses_a_downgrade_and_a_foreign_contract() {
    let mut s = Suite::new();
    let env = s.env.clone();
    migrate(s.deps.as_mut(), env.clone(), MigrateMsg {}).unwrap();
    cw2::set_contract_version(
        &mut s.deps.storage,
        "crates.io:trellis-gauge-controller",
        "9.0.0",
    )
    .unwrap();
    let err = migrate(s.deps.as_mut(), env.clone(), MigrateMsg {}).unwrap_err();
    assert_eq!(
        err,
        ContractError::InvalidMigration(MigrationRefused {
            from_name: "crates.io:trellis-gauge-controller".to_string(),
            from_version: "9.0.0".to_string(),
            to_name: "crates.io:trellis-gauge-controller".to_string(),
            to_version: env!("CARGO_PKG_VERSION").to_string(),
        })
    );
    cw2::set_contract_version(&mut s.deps.storage, "crates.io:other", "0.1.0").unwrap();
    let err = migrate(s.deps.as_mut(), env, MigrateMsg {}).unwrap_err();
    assert!(matches!(err, ContractError::InvalidMigration(_)));
}
