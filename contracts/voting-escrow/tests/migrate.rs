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

mod from_json_layout {
    //! State written exactly as the JSON layout (before 0.2.0) wrote it, migrated, then read
    //! and changed through the new code.
    use super::common::*;
    use cosmwasm_std::{Order, Storage, Uint128};
    use trellis_types::voting_escrow::*;
    use trellis_types::AssetInfo;
    use trellis_voting_escrow::contract::{migrate, CONTRACT_NAME};
    use trellis_voting_escrow::state::legacy;

    const W1: u64 = 1_700_092_800; // first week boundary after T0
    const T1: u64 = T0 + 100;
    const T2: u64 = W1 + 100;
    const ALICE_END: u64 = W1 + 10 * 604_800; // 1_706_140_800

    fn p(bias: u128, slope: u128, ts: u64) -> Point {
        Point {
            bias: Uint128::new(bias),
            slope: Uint128::new(slope),
            ts,
        }
    }

    /// What the old code stored after: instantiate at T0 (owner, listener `farm` added);
    /// at T1 alice locks 126,144,000,000 (slope 1,000) until ALICE_END, bias
    /// 1,000 x (1,706,140,800 - 1,700,000,100) = 6,140,700,000, and bob locks 63,072,000,000
    /// (slope 500) until W1, bias 500 x 92,700 = 46,350,000 (same block: one global point,
    /// 6,187,050,000 / 1,500); at T2 bob withdraws (user point 2 is zero, lock removed).
    fn legacy_escrow() -> Ve {
        let mut ve = Ve::new();
        let s: &mut dyn Storage = &mut ve.deps.storage;
        // Clear what the new instantiate wrote, keep cw2 and ownership.
        let keys: Vec<Vec<u8>> = s
            .range(None, None, Order::Ascending)
            .map(|(k, _)| k)
            .filter(|k| !k.starts_with(b"contract_info") && !k.starts_with(b"ownership"))
            .collect();
        for k in keys {
            s.remove(&k);
        }
        cw2::set_contract_version(s, CONTRACT_NAME, "0.1.0").unwrap();
        let (alice, bob) = (addr("alice"), addr("bob"));
        legacy::CONFIG
            .save(
                s,
                &legacy::Config {
                    lock_token: AssetInfo::native(LP),
                    max_time: MAXTIME,
                },
            )
            .unwrap();
        legacy::LISTENERS.save(s, &vec![addr("farm")]).unwrap();
        legacy::GLOBAL_EPOCH.save(s, &1).unwrap();
        legacy::GLOBAL_POINTS.save(s, 0, &p(0, 0, T0)).unwrap();
        legacy::GLOBAL_POINTS
            .save(s, 1, &p(6_187_050_000, 1_500, T1))
            .unwrap();
        legacy::SLOPE_CHANGES
            .save(s, W1, &Uint128::new(500))
            .unwrap();
        legacy::SLOPE_CHANGES
            .save(s, ALICE_END, &Uint128::new(1_000))
            .unwrap();
        legacy::LOCKS
            .save(
                s,
                &alice,
                &legacy::Lock {
                    amount: Uint128::new(126_144_000_000),
                    end: ALICE_END,
                },
            )
            .unwrap();
        legacy::USER_EPOCH.save(s, &alice, &1).unwrap();
        legacy::USER_POINTS
            .save(s, (&alice, 1), &p(6_140_700_000, 1_000, T1))
            .unwrap();
        legacy::USER_EPOCH.save(s, &bob, &2).unwrap();
        legacy::USER_POINTS
            .save(s, (&bob, 1), &p(46_350_000, 500, T1))
            .unwrap();
        legacy::USER_POINTS
            .save(s, (&bob, 2), &p(0, 0, T2))
            .unwrap();
        ve.at(T2);
        ve
    }

    #[test]
    fn queries_answer_as_before_and_locks_keep_working() {
        let mut ve = legacy_escrow();
        let (alice, bob) = (addr("alice"), addr("bob"));
        let res = migrate(ve.deps.as_mut(), ve.env.clone(), MigrateMsg {}).unwrap();
        // config, 1 lock, 2 global points, 2 slope changes, 3 user points.
        let converted = res
            .attributes
            .iter()
            .find(|a| a.key == "records_converted")
            .unwrap();
        assert_eq!(converted.value, "9");
        // No old key is left.
        for ns in [
            "config",
            "locks",
            "global_epoch",
            "global_points",
            "slope_changes",
            "user_epoch",
            "user_points",
            "listeners",
        ] {
            let left = ve
                .deps
                .storage
                .range(None, None, Order::Ascending)
                .filter(|(k, _)| k.windows(ns.len()).any(|w| w == ns.as_bytes()))
                .count();
            assert_eq!(left, 0, "old namespace {ns} left behind");
        }

        let c: ConfigResponse = ve.q(QueryMsg::Config {});
        assert_eq!((c.lock_token, c.max_time), (AssetInfo::native(LP), MAXTIME));
        let l: ListenersResponse = ve.q(QueryMsg::Listeners {});
        assert_eq!(l.listeners, vec![addr("farm").to_string()]);
        let h: HistoryStartResponse = ve.q(QueryMsg::HistoryStart {});
        assert_eq!(h.time, T0);
        assert_eq!(ve.lock(&alice).amount.u128(), 126_144_000_000);
        assert_eq!(ve.lock(&alice).end, ALICE_END);
        assert_eq!(ve.lock(&bob).amount.u128(), 0);
        // Alice: 6,140,700,000 at T1, 1,000 less per second after.
        assert_eq!(ve.power(&alice, Some(T1)), 6_140_700_000);
        assert_eq!(ve.power(&alice, Some(T1 + 1_000)), 6_139_700_000);
        // Bob: 500 x 100 with 100 s left; nothing after the withdrawal.
        assert_eq!(ve.power(&bob, Some(W1 - 100)), 50_000);
        assert_eq!(ve.power(&bob, Some(T2)), 0);
        assert_eq!(ve.power(&bob, Some(T0)), 0);
        // Total at T1, and at T2: 6,187,050,000 - 1,500 x 92,700 = 6,048,000,000 at W1
        // (bob's 500 leaves), then - 1,000 x 100 = 6,047,900,000, alice's alone.
        assert_eq!(ve.total(Some(T1)), 6_187_050_000);
        assert_eq!(ve.total(Some(T2)), 6_047_900_000);
        let pw: PowersResponse = ve.q(QueryMsg::UserPowers {
            user: bob.to_string(),
            times: vec![T0, T1, W1 - 100, T2],
        });
        assert_eq!(
            pw.powers,
            [0, 46_350_000, 50_000, 0].map(Uint128::new).to_vec()
        );
        let pts: PointsResponse = ve.q(QueryMsg::UserPoints {
            user: bob.to_string(),
            start_after: None,
            limit: None,
        });
        assert_eq!(pts.points, vec![p(46_350_000, 500, T1), p(0, 0, T2)]);

        // Alice adds 1,261,440,000 (slope 1,010): bias 1,010 x 6,047,900 = 6,108,379,000,
        // which is now the whole total; the listener migrated with the config is told.
        let res = ve.increase(&alice, 1_261_440_000).unwrap();
        assert_eq!(res.messages.len(), 1);
        assert_eq!(ve.power(&alice, None), 6_108_379_000);
        assert_eq!(ve.total(None), 6_108_379_000);
        assert_eq!(ve.lock(&alice).amount.u128(), 127_405_440_000);
        // Bob locks again a block later: his third point; 500 x (W1 + 2 weeks - T2 - 6)
        // = 500 x 1,209,494 = 604,747,000; alice is 1,010 x 6 = 6,060 lower by then.
        ve.at(T2 + 6);
        ve.create(&bob, 63_072_000_000, W1 + 2 * 604_800).unwrap();
        assert_eq!(ve.power(&bob, None), 604_747_000);
        let pts: PointsResponse = ve.q(QueryMsg::UserPoints {
            user: bob.to_string(),
            start_after: None,
            limit: None,
        });
        assert_eq!(pts.points.len(), 3);
        assert_eq!(ve.total(None), 6_108_372_940 + 604_747_000);
        // Alice's lock still ends at ALICE_END: withdrawn whole after it.
        ve.at(ALICE_END);
        let res = ve.withdraw(&alice).unwrap();
        assert!(res
            .attributes
            .iter()
            .any(|a| a.key == "amount" && a.value == "127405440000"));
    }
}
