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

/// A 0.1.x store: `options_config` / `options_totals` as JSON (with `underlying_delivered`)
/// and the supply in cw20-base's `token_info`, as that version wrote them. Books: 10,000
/// issued, 3,000 exercised (so 3,000 delivered), 500 burned, 1,500 uweth paid; balances
/// alice 6,000 and bob 500, i.e. a supply of 10,000 - 3,000 - 500 = 6,500.
fn old_store() -> Opt {
    use cosmwasm_std::{Decimal, Storage, Uint128};
    use trellis_options_token::state::legacy;
    use trellis_types::options_token::Delivery;
    use trellis_types::AssetInfo;

    let mut o = Opt::new(lit_msg());
    let s = &mut o.deps.storage;
    s.remove(b"c");
    s.remove(b"t");
    legacy::CONFIG
        .save(
            s,
            &legacy::Config {
                underlying: AssetInfo::cw20(addr("lit").to_string()),
                delivery: Delivery::Mint,
                payment: AssetInfo::native("uweth"),
                oracle: legacy::Oracle {
                    pool: addr("pool"),
                    window_secs: WINDOW,
                    ago_secs: 0,
                },
                multiplier_bps: 5_000,
                min_price: Decimal::raw(1),
                treasury: addr("treasury"),
                cap: Some(Uint128::new(20_000)),
            },
        )
        .unwrap();
    legacy::TOTALS
        .save(
            s,
            &legacy::Totals {
                issued: Uint128::new(10_000),
                exercised: Uint128::new(3_000),
                burned: Uint128::new(500),
                paid_to_treasury: Uint128::new(1_500),
                underlying_delivered: Uint128::new(3_000),
                reserve_available: Uint128::zero(),
            },
        )
        .unwrap();
    let mut info = cw20_base::state::TOKEN_INFO.load(s).unwrap();
    info.total_supply = Uint128::new(6_500);
    cw20_base::state::TOKEN_INFO.save(s, &info).unwrap();
    for (who, amount) in [("alice", 6_000u128), ("bob", 500)] {
        cw20_base::state::BALANCES
            .save(s, &addr(who), &Uint128::new(amount))
            .unwrap();
    }
    cw2::set_contract_version(s, CONTRACT_NAME, "0.1.0").unwrap();
    o
}

#[test]
fn the_old_layout_migrates_and_keeps_working() {
    use cosmwasm_std::{coins, Storage, Uint128};
    use trellis_types::options_token::{ConfigResponse, ExecuteMsg, QueryMsg};

    let mut o = old_store();
    let env = o.env.clone();
    let res = migrate(o.deps.as_mut(), env.clone(), MigrateMsg {}).unwrap();
    assert!(res
        .attributes
        .iter()
        .any(|a| a.key == "layout_migrated" && a.value == "true"));
    assert_eq!(o.deps.storage.get(b"options_config"), None);
    assert_eq!(o.deps.storage.get(b"options_totals"), None);

    let config: ConfigResponse = o.q(QueryMsg::Config {});
    assert_eq!(config.cap, Some(Uint128::new(20_000)));
    assert_eq!(config.multiplier_bps, 5_000);
    assert_eq!(config.treasury, addr("treasury").to_string());
    assert_eq!(config.oracle.pool, addr("pool").to_string());
    let t = o.totals();
    assert_eq!(
        (t.issued.u128(), t.exercised.u128(), t.burned.u128()),
        (10_000, 3_000, 500)
    );
    assert_eq!(t.paid_to_treasury.u128(), 1_500);
    assert_eq!(t.underlying_delivered.u128(), 3_000);
    assert_eq!(t.reserve_available, None);
    let info: cw20::TokenInfoResponse = o.q(QueryMsg::TokenInfo {});
    assert_eq!(info.total_supply.u128(), 6_500);
    assert_eq!(o.balance(&addr("alice")), 6_000);
    // The minter answer: 20,000 - 3,000 - 500 = 16,500 may still be in circulation.
    let minter: cw20::MinterResponse = o.q(QueryMsg::Minter {});
    assert_eq!(minter.cap, Some(Uint128::new(16_500)));

    // TWAP 2.0 at 50%: strike 1.0, so 1,000 oTOKEN cost ceil(1,000 * 1.0) = 1,000 uweth.
    o.set_price(2 * ONE);
    let alice = addr("alice");
    o.exec(&alice, &coins(1_000, "uweth"), exercise(1_000, 1_000, NOW))
        .unwrap();
    assert_eq!(o.balance(&alice), 5_000);
    let t = o.totals();
    assert_eq!(
        (t.exercised.u128(), t.paid_to_treasury.u128()),
        (4_000, 2_500)
    );
    assert_eq!(t.underlying_delivered.u128(), 4_000);
    // Mint 2,000 to bob (issued 12,000), then bob burns 500 (burned 1,000):
    // supply 12,000 - 4,000 - 1,000 = 7,000 = alice 5,000 + bob 2,000.
    o.mint(&addr("bob"), 2_000);
    let bob = addr("bob");
    o.exec(
        &bob,
        &[],
        ExecuteMsg::Burn {
            amount: Uint128::new(500),
        },
    )
    .unwrap();
    let t = o.totals();
    assert_eq!((t.issued.u128(), t.burned.u128()), (12_000, 1_000));
    let info: cw20::TokenInfoResponse = o.q(QueryMsg::TokenInfo {});
    assert_eq!(info.total_supply.u128(), 7_000);
    assert_eq!((o.balance(&alice), o.balance(&bob)), (5_000, 2_000));
    // 12,000 issued of 20,000: 8,000 more may be minted, 8,001 may not.
    o.mint(&bob, 8_000);
    let farm = o.minter.clone();
    let err = o
        .exec(
            &farm,
            &[],
            ExecuteMsg::Mint {
                recipient: bob.to_string(),
                amount: Uint128::new(1),
            },
        )
        .unwrap_err();
    assert_eq!(
        err,
        ContractError::CapExceeded {
            amount: Uint128::new(1),
            would_issue: Uint128::new(20_001),
            cap: Uint128::new(20_000),
        }
    );
    // Migrating again finds no old layout.
    let res = migrate(o.deps.as_mut(), env, MigrateMsg {}).unwrap();
    assert!(res
        .attributes
        .iter()
        .any(|a| a.key == "layout_migrated" && a.value == "false"));
}
