//! `migrate` accepts the same contract at the same or a newer version only; in particular a
//! plain cw20-base (whose name instantiation overwrote) cannot be migrated into an option.
mod common;
use common::*;
use trellis_options_token::contract::{migrate, CONTRACT_NAME, CONTRACT_VERSION};
use trellis_options_token::ContractError;
use trellis_types::migrate::MigrationRefused;
use trellis_types::options_token::MigrateMsg;

#[test]
fn instantiation_records_this_contract_not_cw20_base() {
    let o = Opt::new(lit_msg());
    let v = cw2::get_contract_version(&o.deps.storage).unwrap();
    assert_eq!(v.contract, CONTRACT_NAME);
    assert_eq!(v.version, CONTRACT_VERSION);
}

#[test]
fn newer_same_accepted_downgrade_and_foreign_refused() {
    let mut o = Opt::new(lit_msg());
    let env = o.env.clone();
    cw2::set_contract_version(&mut o.deps.storage, CONTRACT_NAME, "0.0.1").unwrap();
    migrate(o.deps.as_mut(), env.clone(), MigrateMsg {}).unwrap();
    migrate(o.deps.as_mut(), env.clone(), MigrateMsg {}).unwrap();
    cw2::set_contract_version(&mut o.deps.storage, CONTRACT_NAME, "99.0.0").unwrap();
    assert_eq!(
        migrate(o.deps.as_mut(), env.clone(), MigrateMsg {}).unwrap_err(),
        ContractError::InvalidMigration(MigrationRefused {
            from_name: CONTRACT_NAME.into(),
            from_version: "99.0.0".into(),
            to_name: CONTRACT_NAME.into(),
            to_version: CONTRACT_VERSION.into(),
        })
    );
    cw2::set_contract_version(&mut o.deps.storage, "crates.io:cw20-base", "2.0.0").unwrap();
    assert!(matches!(
        migrate(o.deps.as_mut(), env, MigrateMsg {}).unwrap_err(),
        ContractError::InvalidMigration(MigrationRefused { from_name, .. }) if from_name == "crates.io:cw20-base"
    ));
}
