//! `migrate` accepts the same contract at the same or a newer version only.
use cosmwasm_std::testing::{message_info, mock_dependencies, mock_env};
use cosmwasm_std::{to_json_binary, ContractResult, SystemResult};
use trellis_fee_distributor::contract::{instantiate, migrate, CONTRACT_NAME, CONTRACT_VERSION};
use trellis_fee_distributor::ContractError;
use trellis_types::fee_distributor::{InstantiateMsg, MigrateMsg};
use trellis_types::migrate::MigrationRefused;
use trellis_types::voting_escrow::HistoryStartResponse;
use trellis_types::AssetInfo;

fn setup() -> cosmwasm_std::OwnedDeps<
    cosmwasm_std::MemoryStorage,
    cosmwasm_std::testing::MockApi,
    cosmwasm_std::testing::MockQuerier,
> {
    let mut deps = mock_dependencies();
    let owner = deps.api.addr_make("owner");
    let ve = deps.api.addr_make("ve");
    // The escrow's history starts now: the distributor may start this week.
    let now = mock_env().block.time.seconds();
    deps.querier.update_wasm(move |_| {
        let start = HistoryStartResponse { time: now };
        SystemResult::Ok(ContractResult::Ok(to_json_binary(&start).unwrap()))
    });
    instantiate(
        deps.as_mut(),
        mock_env(),
        message_info(&owner, &[]),
        InstantiateMsg {
            owner: owner.to_string(),
            voting_escrow: ve.to_string(),
            tokens: vec![AssetInfo::native("ufee")],
            start_time: now,
        },
    )
    .unwrap();
    deps
}

#[test]
fn same_or_older_version_migrates() {
    let mut deps = setup();
    cw2::set_contract_version(&mut deps.storage, CONTRACT_NAME, "0.0.1").unwrap();
    migrate(deps.as_mut(), mock_env(), MigrateMsg {}).unwrap();
    let v = cw2::get_contract_version(&deps.storage).unwrap();
    assert_eq!(v.version, CONTRACT_VERSION);
    migrate(deps.as_mut(), mock_env(), MigrateMsg {}).unwrap();
}

#[test]
fn downgrade_and_foreign_contract_are_refused() {
    let mut deps = setup();
    cw2::set_contract_version(&mut deps.storage, CONTRACT_NAME, "99.0.0").unwrap();
    let err = migrate(deps.as_mut(), mock_env(), MigrateMsg {}).unwrap_err();
    assert_eq!(
        err,
        ContractError::InvalidMigration(MigrationRefused {
            from_name: CONTRACT_NAME.into(),
            from_version: "99.0.0".into(),
            to_name: CONTRACT_NAME.into(),
            to_version: CONTRACT_VERSION.into(),
        })
    );
    cw2::set_contract_version(&mut deps.storage, "crates.io:cw20-base", "0.0.1").unwrap();
    let err = migrate(deps.as_mut(), mock_env(), MigrateMsg {}).unwrap_err();
    assert!(
        matches!(err, ContractError::InvalidMigration(MigrationRefused { from_name, .. }) if from_name == "crates.io:cw20-base")
    );
}
