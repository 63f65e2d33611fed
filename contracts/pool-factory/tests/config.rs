//! Instantiate, `UpdateConfig`, ownership and migration on mock dependencies.
mod common;

use common::*;
use cosmwasm_std::testing::mock_env;
use trellis_pool_factory::contract::{migrate, CONTRACT_NAME, CONTRACT_VERSION};
use trellis_pool_factory::ContractError;
use trellis_types::factory::{ConfigResponse, ExecuteMsg, MigrateMsg, QueryMsg};
use trellis_types::migrate::MigrationRefused;
use trellis_types::weighted_pool::OracleConfig;

#[test]
fn instantiate_stores_the_config() {
    let deps = setup();
    let config: ConfigResponse = q(&deps, QueryMsg::Config {}).unwrap();
    assert_eq!(
        config,
        ConfigResponse {
            pool_code_id: 7,
            lp_token_code_id: 3,
            protocol_token: aly(),
            fee_collector: Some(addr("collector").to_string()),
            protocol_fee_share_bps: 2_000,
            default_oracle: ORACLE,
            permissionless: false,
            pool_count: 0,
            cl_pool_code_id: Some(CL_POOL_CODE_ID),
        }
    );
    let ownership: cw_ownable::Ownership<String> = q(&deps, QueryMsg::Ownership {}).unwrap();
    assert_eq!(ownership.owner, Some(addr("owner").to_string()));
    let version = cw2::get_contract_version(&deps.storage).unwrap();
    assert_eq!(version.contract, CONTRACT_NAME);
    assert_eq!(version.version, CONTRACT_VERSION);
}

#[test]
fn update_config_changes_only_the_given_fields() {
    let mut deps = setup();
    let oracle = OracleConfig {
        capacity: 500,
        min_sample_spacing: 30,
    };
    exec(
        &mut deps,
        "owner",
        ExecuteMsg::UpdateConfig {
            pool_code_id: Some(9),
            lp_token_code_id: None,
            fee_collector: Some(addr("treasury").to_string()),
            protocol_fee_share_bps: Some(5_000),
            default_oracle: Some(oracle),
            permissionless_creation: Some(true),
            cl_pool_code_id: Some(11),
        },
    )
    .unwrap();
    let config: ConfigResponse = q(&deps, QueryMsg::Config {}).unwrap();
    assert_eq!(
        config,
        ConfigResponse {
            pool_code_id: 9,
            lp_token_code_id: 3,
            protocol_token: aly(),
            fee_collector: Some(addr("treasury").to_string()),
            protocol_fee_share_bps: 5_000,
            default_oracle: oracle,
            permissionless: true,
            pool_count: 0,
            cl_pool_code_id: Some(11),
        }
    );
}

#[test]
fn ownership_transfers_in_two_steps() {
    let mut deps = setup();
    exec(
        &mut deps,
        "owner",
        ExecuteMsg::UpdateOwnership(cw_ownable::Action::TransferOwnership {
            new_owner: addr("dao").to_string(),
            expiry: None,
        }),
    )
    .unwrap();
    // Not yet the owner: the old owner still updates the config, the new one cannot.
    let toggle = ExecuteMsg::UpdateConfig {
        pool_code_id: None,
        lp_token_code_id: None,
        fee_collector: None,
        protocol_fee_share_bps: None,
        default_oracle: None,
        permissionless_creation: Some(true),
        cl_pool_code_id: None,
    };
    assert!(exec(&mut deps, "dao", toggle.clone()).is_err());
    exec(
        &mut deps,
        "dao",
        ExecuteMsg::UpdateOwnership(cw_ownable::Action::AcceptOwnership),
    )
    .unwrap();
    assert!(exec(&mut deps, "dao", toggle.clone()).is_ok());
    assert_eq!(
        exec(&mut deps, "owner", toggle).unwrap_err(),
        ContractError::Ownership(cw_ownable::OwnershipError::NotOwner)
    );
}

#[test]
fn migrate_refuses_downgrades_and_other_contracts() {
    let mut deps = setup();
    // Same version: accepted.
    assert!(migrate(deps.as_mut(), mock_env(), MigrateMsg {}).is_ok());

    cw2::set_contract_version(&mut deps.storage, CONTRACT_NAME, "99.0.0").unwrap();
    let before = snapshot(&deps);
    assert_eq!(
        migrate(deps.as_mut(), mock_env(), MigrateMsg {}).unwrap_err(),
        ContractError::InvalidMigration(MigrationRefused {
            from_name: CONTRACT_NAME.to_string(),
            from_version: "99.0.0".to_string(),
            to_name: CONTRACT_NAME.to_string(),
            to_version: CONTRACT_VERSION.to_string(),
        })
    );
    assert_eq!(snapshot(&deps), before);

    cw2::set_contract_version(&mut deps.storage, "crates.io:other", "0.0.1").unwrap();
    assert!(matches!(
        migrate(deps.as_mut(), mock_env(), MigrateMsg {}).unwrap_err(),
        ContractError::InvalidMigration(MigrationRefused { from_name, .. }) if from_name == "crates.io:other"
    ));

    // An older version of this contract is upgraded.
    cw2::set_contract_version(&mut deps.storage, CONTRACT_NAME, "0.0.1").unwrap();
    migrate(deps.as_mut(), mock_env(), MigrateMsg {}).unwrap();
    let version = cw2::get_contract_version(&deps.storage).unwrap();
    assert_eq!(version.version, CONTRACT_VERSION);
}
