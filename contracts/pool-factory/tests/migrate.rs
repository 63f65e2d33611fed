//! Migrating a factory whose config was stored before the creation rules: the old
//! `permissionless` flag is read and rewritten as `permissionless_creation`, the fee tiers
//! read as the defaults, and the rules hold for the migrated factory at once.
mod common;

use common::*;
use cosmwasm_std::testing::mock_env;
use cosmwasm_std::Storage;
use trellis_pool_factory::contract::{migrate, CONTRACT_NAME};
use trellis_pool_factory::ContractError;
use trellis_types::factory::{
    ConfigResponse, CreationRulesResponse, MigrateMsg, PoolKind, QueryMsg,
};
use trellis_types::AssetInfo;

/// The config an earlier build wrote: the same fields, the flag under its old name, open.
fn write_old_config(deps: &mut Deps) {
    let stored = String::from_utf8(deps.storage.get(b"config").unwrap()).unwrap();
    let old = stored.replace(
        "\"permissionless_creation\":false",
        "\"permissionless\":true",
    );
    assert_ne!(stored, old);
    deps.storage.set(b"config", old.as_bytes());
    cw2::set_contract_version(&mut deps.storage, CONTRACT_NAME, "0.0.1").unwrap();
}

#[test]
fn migration_keeps_the_old_flag_under_its_new_name() {
    let mut deps = setup();
    write_old_config(&mut deps);
    // Readable before the migration already (the serde alias).
    let config: ConfigResponse = q(&deps, QueryMsg::Config {}).unwrap();
    assert!(config.permissionless);

    let res = migrate(deps.as_mut(), mock_env(), MigrateMsg {}).unwrap();
    assert!(res
        .attributes
        .iter()
        .any(|a| a.key == "permissionless_creation" && a.value == "true"));
    let raw = String::from_utf8(deps.storage.get(b"config").unwrap()).unwrap();
    assert!(raw.contains("\"permissionless_creation\":true"), "{raw}");
    assert!(!raw.contains("\"permissionless\":"), "{raw}");
    let rules: CreationRulesResponse = q(
        &deps,
        QueryMsg::CreationRules {
            kind: PoolKind::Weighted,
        },
    )
    .unwrap();
    assert_eq!(
        rules,
        CreationRulesResponse {
            kind: PoolKind::Weighted,
            permissionless_creation: true,
            fee_tiers_bps: vec![30, 100],
            cl_fee_tiers: vec![],
            oracle: ORACLE,
        }
    );
    // The squatter's 10% fee is refused by the migrated factory.
    let x = AssetInfo::native("ux");
    assert_eq!(
        create(
            &mut deps,
            "mallory",
            [weighted(&x, 50), weighted(&aly(), 50)],
            1_000
        )
        .unwrap_err(),
        ContractError::FeeTierNotAllowed {
            kind: "weighted",
            swap_fee_bps: 1_000,
            allowed: vec![30, 100],
        }
    );
}
