//! `migrate` accepts the same contract at the same or a newer version only.
mod common;
use common::*;
use cosmwasm_std::Uint128;
use trellis_farm::contract::{migrate, CONTRACT_NAME, CONTRACT_VERSION};
use trellis_farm::state::EMISSION;
use trellis_farm::ContractError;
use trellis_types::farm::{Decay, MigrateMsg, Schedule};
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

/// State written by 0.1.x held schedule cursors in whole units. 1000/s halving every 100 s:
/// at t = 150 the cursor stands at epoch 1 with rate 500 and 100,000 released before it, which
/// 0.1.x stored as plain integers. After the migration the walk resumes exactly:
/// F(250) - F(150) = (100,000 + 100 * 500 + 50 * 250) - (100,000 + 50 * 500) = 37,500.
#[test]
fn migrating_from_integer_cursors_rescales_them() {
    let schedule = Schedule::step_decay(0, Uint128::new(1_000), 100, Decay::Halving);
    let mut f = Farm::new(schedule, mint_source(), policy(false));
    f.add_pool("lp0", lp(ALY, "ufusd"), 1).unwrap();
    let alice = addr("alice");
    f.deposit(&alice, 0, "lp0", 10).unwrap();
    f.at(150).claim(&alice, vec![0]).unwrap();
    // Rewrite the cursor as 0.1.x stored it: the same numbers in whole units.
    let mut emission = EMISSION.load(&f.deps.storage).unwrap();
    let e18 = cosmwasm_std::Uint256::from(1_000_000_000_000_000_000u128);
    assert_eq!(emission.cursor.epoch, 1);
    assert_eq!(
        emission.cursor.rate,
        cosmwasm_std::Uint256::from(500u128) * e18
    );
    emission.cursor.rate /= e18;
    emission.cursor.cumulative /= e18;
    EMISSION.save(&mut f.deps.storage, &emission).unwrap();
    cw2::set_contract_version(&mut f.deps.storage, CONTRACT_NAME, "0.1.0").unwrap();

    let res = migrate(f.deps.as_mut(), f.env.clone(), MigrateMsg {}).unwrap();
    let rescaled = res.attributes.iter().find(|a| a.key == "rescaled_cursors");
    assert_eq!(rescaled.map(|a| a.value.as_str()), Some("1"));
    f.at(250);
    assert_eq!(f.pending(&alice, 0), 37_500);
    // Migrating again at the new version leaves the cursors alone.
    let res = migrate(f.deps.as_mut(), f.env.clone(), MigrateMsg {}).unwrap();
    let rescaled = res.attributes.iter().find(|a| a.key == "rescaled_cursors");
    assert_eq!(rescaled.map(|a| a.value.as_str()), Some("0"));
    assert_eq!(f.pending(&alice, 0), 37_500);
}
