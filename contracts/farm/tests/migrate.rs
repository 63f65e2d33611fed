//! `migrate` accepts the same contract at the same or a newer version only, and converts
//! state written by older versions. The 0.2.0 state comes from `tests/fixtures/`: storage
//! dumped by the 0.2.0 contract itself (`fixtures/README.md` says how), with what its queries
//! answered at the dump.
mod common;
use common::*;
use cosmwasm_std::testing::MockStorage;
use cosmwasm_std::{Storage, Uint128, Uint256};
use serde_json::Value;
use trellis_farm::contract::{migrate, CONTRACT_NAME, CONTRACT_VERSION};
use trellis_farm::migrate::legacy;
use trellis_farm::state::{CHECKPOINT, CONFIG};
use trellis_farm::ContractError;
use trellis_types::farm::{
    Decay, ExecuteMsg, MigrateMsg, PoolResponse, PositionResponse, PositionsResponse, QueryMsg,
    Schedule, TotalsResponse,
};
use trellis_types::migrate::MigrationRefused;

fn farm() -> Farm {
    Farm::new(
        Schedule::constant(0, Uint128::new(1_000)),
        mint_source(),
        policy(false),
    )
}

fn unhex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

/// Replaces the farm's storage with a fixture's and moves the clock to its time.
fn load_fixture(f: &mut Farm, name: &str) -> Value {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let fixture: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    f.deps.storage = MockStorage::new();
    for record in fixture["storage"].as_array().unwrap() {
        let (k, v) = (record[0].as_str().unwrap(), record[1].as_str().unwrap());
        f.deps.storage.set(&unhex(k), &unhex(v));
    }
    f.at(fixture["time"].as_u64().unwrap());
    fixture
}

fn attr<'a>(res: &'a cosmwasm_std::Response, key: &str) -> &'a str {
    res.attributes
        .iter()
        .find(|a| a.key == key)
        .map(|a| a.value.as_str())
        .unwrap()
}

fn migrate_now(f: &mut Farm) -> cosmwasm_std::Response {
    migrate(f.deps.as_mut(), f.env.clone(), MigrateMsg {}).unwrap()
}

#[test]
fn same_or_older_version_migrates() {
    let mut f = farm();
    load_fixture(&mut f, "farm_0_2.json");
    assert_eq!(
        cw2::get_contract_version(&f.deps.storage).unwrap().version,
        "0.2.0"
    );
    migrate_now(&mut f);
    let v = cw2::get_contract_version(&f.deps.storage).unwrap();
    assert_eq!(v.version, CONTRACT_VERSION);
    // Re-running at the same version is fine too, and converts nothing.
    assert_eq!(attr(&migrate_now(&mut f), "converted_pools"), "0");
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

/// What 0.2.0 answered at t = 30, after migration, before and after every position moved.
fn assert_answers_as_0_2(f: &Farm, fixture: &Value) {
    let totals: TotalsResponse = serde_json::from_value(fixture["totals"].clone()).unwrap();
    assert_eq!(f.totals(), totals);
    let pools: Vec<PoolResponse> = serde_json::from_value(fixture["pools"].clone()).unwrap();
    assert_eq!(vec![f.pool(0), f.pool(1)], pools);
    let positions: Vec<PositionResponse> =
        serde_json::from_value(fixture["positions"].clone()).unwrap();
    let (alice, bob) = (addr("alice"), addr("bob"));
    assert_eq!(
        vec![
            f.position(&alice, 0),
            f.position(&bob, 0),
            f.position(&bob, 1)
        ],
        positions
    );
    let listed: PositionsResponse = f.q(QueryMsg::Positions {
        user: bob.to_string(),
        start_after: None,
        limit: None,
    });
    assert_eq!(listed.positions, positions[1..].to_vec());
}

/// The fixture: 1,000/s, pool 0 weight 1 and pool 1 weight 3; alice stakes 10 in pool 0 at 0,
/// bob 20 in pool 0 and 30 in pool 1 at 10, alice claims pool 0 at 20; dumped at 30.
#[test]
fn state_written_by_0_2_answers_the_same_after_migration() {
    let mut f = farm();
    let fixture = load_fixture(&mut f, "farm_0_2.json");
    let res = migrate_now(&mut f);
    assert_eq!(attr(&res, "converted_pools"), "2");
    assert_eq!(attr(&res, "rescaled_cursors"), "0");
    // The old records are gone; positions stay in the old layout until they move.
    assert!(legacy::CONFIG.may_load(&f.deps.storage).unwrap().is_none());
    assert!(legacy::EMISSION
        .may_load(&f.deps.storage)
        .unwrap()
        .is_none());
    assert!(legacy::LEDGER.may_load(&f.deps.storage).unwrap().is_none());
    assert!(legacy::POOLS
        .may_load(&f.deps.storage, 0)
        .unwrap()
        .is_none());
    assert!(CONFIG.load(&f.deps.storage).unwrap().legacy_positions);
    // 0.2.0 booked alice's claim farm-wide: 2,500 (t 0-10, alone) + 2,500 * 10/30 = 3,333.
    let ledger = CHECKPOINT.load(&f.deps.storage).unwrap().ledger;
    assert_eq!(ledger.legacy_claimed, Uint128::new(3_333));
    // Her carry: 2,500 S + 10 * floor(2,500 S / 30) = 3,333.33...330 S (S = 1e36), whose
    // fraction is 333...330 (thirty-five 3s and a 0).
    let carry = Uint256::from_u128(333_333_333_333_333_333_333_333_333_333_333_330);
    assert_eq!(ledger.legacy_carried_scaled, carry);
    assert_answers_as_0_2(&f, &fixture);

    // Anyone moves the positions, in batches; the answers do not change.
    let anyone = addr("anyone");
    let batch = |f: &mut Farm| {
        f.exec(
            &anyone,
            &[],
            ExecuteMsg::MigratePositions { limit: Some(2) },
        )
    };
    let res = batch(&mut f).unwrap();
    assert_eq!((attr(&res, "moved"), attr(&res, "done")), ("2", "false"));
    let res = batch(&mut f).unwrap();
    assert_eq!((attr(&res, "moved"), attr(&res, "done")), ("1", "true"));
    assert_eq!(batch(&mut f).unwrap_err(), ContractError::NothingToMigrate);
    assert!(!CONFIG.load(&f.deps.storage).unwrap().legacy_positions);
    let ledger = CHECKPOINT.load(&f.deps.storage).unwrap().ledger;
    assert_eq!(ledger.legacy_carried_scaled, Uint256::zero());
    assert_answers_as_0_2(&f, &fixture);
}

/// After the migration the farm goes on exactly. At t = 40 (S = 1e36):
/// - level one from the t = 20 checkpoint: 20,000 * S / 4 = 5,000 S per weight;
/// - pool 0 (weight 1, 30 working, settled at 20): floor(5,000 S / 30) = 166.66...6 S per
///   share, remainder 20; with floor(2,500 S / 30) = 83.33...3 S from t 10-20 and 250 S from
///   t 0-10, acc = 500 S - 1;
/// - alice: 10 * 166.66...6 S = 1,666.66...60 S plus her carry 0.33...30 S = 1,666.99...90 S:
///   1,666, carry S - 10;
/// - bob in pool 0: 20 * (500 S - 1 - 250 S) = 4,999.99...80 S: 4,999, carry S - 20;
/// - bob in pool 1 (weight 3, settled at 10): 3 * (10,000 S - 2,500 S) / 30 = 750 S per share,
///   30 * 750 = 22,500 exactly;
/// - undistributed: pool 1 had nothing staked over t 0-10, 3 * 2,500 = 7,500, plus the
///   remainders 10 + 20 (scaled); carried: (2 S - 30) + 30 makes 2 more whole units.
///
/// emitted 40,000 = claimed 3,333 + 1,666 + 4,999 + 22,500 + undistributed 7,500 + carried 2.
#[test]
fn actions_after_migration_keep_exact_numbers() {
    let mut f = farm();
    load_fixture(&mut f, "farm_0_2.json");
    migrate_now(&mut f);
    let (alice, bob) = (addr("alice"), addr("bob"));
    f.at(40);
    assert_eq!(f.pending(&alice, 0), 1_666);
    assert_eq!(f.pending(&bob, 0), 4_999);
    assert_eq!(f.pending(&bob, 1), 22_500);
    f.claim(&alice, vec![0]).unwrap();
    f.claim(&bob, vec![0, 1]).unwrap();
    let totals = f.totals();
    assert_eq!(totals.emitted, Uint128::new(40_000));
    assert_eq!(totals.claimed, Uint128::new(3_333 + 1_666 + 4_999 + 22_500));
    assert_eq!(totals.undistributed, Uint128::new(7_500));
    assert_eq!(totals.carried, Uint128::new(2));
    // And principal leaves as it came.
    f.withdraw(&bob, 1, 30).unwrap();
    assert_eq!(f.position(&bob, 1).staked, Uint128::zero());
}

/// State written by 0.1.x held schedule cursors in whole units. 1000/s halving every 100 s:
/// at t = 150 the cursor stands at epoch 1 with rate 500 and 100,000 released before it, which
/// 0.1.x stored as plain integers. After the migration the walk resumes exactly:
/// F(250) - F(150) = (100,000 + 100 * 500 + 50 * 250) - (100,000 + 50 * 500) = 37,500.
#[test]
fn migrating_from_integer_cursors_rescales_them() {
    let schedule = Schedule::step_decay(0, Uint128::new(1_000), 100, Decay::Halving);
    let mut f = Farm::new(schedule, mint_source(), policy(false));
    load_fixture(&mut f, "farm_0_2_step_decay.json");
    let alice = addr("alice");
    // Rewrite the cursor as 0.1.x stored it: the same numbers in whole units.
    let mut emission = legacy::EMISSION.load(&f.deps.storage).unwrap();
    let e18 = Uint256::from(1_000_000_000_000_000_000u128);
    assert_eq!(emission.cursor.epoch, 1);
    assert_eq!(emission.cursor.rate, Uint256::from(500u128) * e18);
    emission.cursor.rate /= e18;
    emission.cursor.cumulative /= e18;
    legacy::EMISSION
        .save(&mut f.deps.storage, &emission)
        .unwrap();
    cw2::set_contract_version(&mut f.deps.storage, CONTRACT_NAME, "0.1.0").unwrap();

    let res = migrate_now(&mut f);
    assert_eq!(attr(&res, "rescaled_cursors"), "1");
    assert_eq!(attr(&res, "converted_pools"), "1");
    f.at(250);
    assert_eq!(f.pending(&alice, 0), 37_500);
    // Migrating again at the new version leaves the cursors alone.
    let res = migrate_now(&mut f);
    assert_eq!(attr(&res, "rescaled_cursors"), "0");
    assert_eq!(f.pending(&alice, 0), 37_500);
}
