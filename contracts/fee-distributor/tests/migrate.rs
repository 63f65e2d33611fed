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

mod from_json_layout {
    //! State written exactly as the JSON layout (before 0.2.0) wrote it, migrated, then read,
    //! claimed and checkpointed through the new code.
    use cosmwasm_std::testing::{
        message_info, mock_dependencies, mock_env, MockApi, MockQuerier, MockStorage,
        MOCK_CONTRACT_ADDR,
    };
    use cosmwasm_std::{
        coins, from_json, to_json_binary, Addr, ContractResult, Order, OwnedDeps, Storage,
        SystemResult, Timestamp, Uint128, WasmQuery,
    };
    use trellis_fee_distributor::contract::{execute, migrate, query, CONTRACT_NAME};
    use trellis_fee_distributor::state::legacy;
    use trellis_types::fee_distributor::*;
    use trellis_types::voting_escrow::{Point, PointsResponse, PowersResponse, QueryMsg as VeQ};
    use trellis_types::AssetInfo;

    const W: u64 = 604_800;
    const S: u64 = 2_811 * W; // 1,700,092,800, week-aligned start
    const FEE: &str = "ufee";
    const OTHER: &str = "uother";

    type Deps = OwnedDeps<MockStorage, MockApi, MockQuerier>;

    /// The escrow as the distributor sees it: alice holds 500 of 2,000 at S + W (and 400 of
    /// 1,000 at S); the total at S + 4W, never cached, is 5,000. Any other total asked is an
    /// error, so a cache lost in the migration fails the test.
    fn escrow(deps: &mut Deps, alice: Addr) {
        deps.querier.update_wasm(move |q| {
            let WasmQuery::Smart { msg, .. } = q else {
                panic!("smart queries only")
            };
            let bin = match from_json::<VeQ>(msg).unwrap() {
                VeQ::UserPowers { user, times } => {
                    assert_eq!(user, alice.to_string());
                    let powers = times
                        .iter()
                        .map(|&t| match t {
                            S => Uint128::new(400),
                            t if t == S + W => Uint128::new(500),
                            _ => Uint128::zero(),
                        })
                        .collect();
                    to_json_binary(&PowersResponse { powers })
                }
                VeQ::TotalPowers { times } => {
                    assert_eq!(times, vec![S + 4 * W], "only the uncached week is asked");
                    to_json_binary(&PowersResponse {
                        powers: vec![Uint128::new(5_000)],
                    })
                }
                VeQ::UserPoints { .. } => to_json_binary(&PointsResponse {
                    points: vec![Point {
                        bias: Uint128::zero(),
                        slope: Uint128::zero(),
                        ts: S,
                    }],
                }),
                other => panic!("unexpected escrow query {other:?}"),
            };
            SystemResult::Ok(ContractResult::Ok(bin.unwrap()))
        });
    }

    /// What the old code stored: tokens [ufee, uother]; checkpoints up to S + 3W + 10 booked
    /// ufee 300 into S and 600 into S + W, uother 50 into S + W, and cached the totals of
    /// S..=S + 3W (1,000, 2,000, 0, 4,000). Alice claimed week S: floor(300 x 400 / 1,000)
    /// = 120 ufee, whose transfer failed (claimed back to 0, unpaid 120), cursor S + W.
    fn legacy_distributor() -> (Deps, Addr) {
        let mut deps = mock_dependencies();
        let alice = deps.api.addr_make("alice");
        let ve = deps.api.addr_make("ve");
        let s: &mut dyn Storage = &mut deps.storage;
        cw2::set_contract_version(s, CONTRACT_NAME, "0.1.0").unwrap();
        let (fee, other) = (AssetInfo::native(FEE), AssetInfo::native(OTHER));
        legacy::CONFIG
            .save(
                s,
                &legacy::Config {
                    voting_escrow: ve,
                    tokens: vec![fee.clone(), other.clone()],
                    start_time: S,
                },
            )
            .unwrap();
        legacy::LAST_TOKEN_TIME.save(s, &(S + 3 * W + 10)).unwrap();
        let ledger = |booked: u128, claimed: u128| legacy::TokenLedger {
            booked: Uint128::new(booked),
            claimed: Uint128::new(claimed),
        };
        legacy::LEDGER.save(s, &fee.key(), &ledger(900, 0)).unwrap();
        legacy::LEDGER
            .save(s, &other.key(), &ledger(50, 0))
            .unwrap();
        for (k, w, a) in [(&fee, S, 300u128), (&fee, S + W, 600), (&other, S + W, 50)] {
            legacy::TOKENS_PER_WEEK
                .save(s, (&k.key(), w), &Uint128::new(a))
                .unwrap();
        }
        for (w, t) in [
            (S, 1_000u128),
            (S + W, 2_000),
            (S + 2 * W, 0),
            (S + 3 * W, 4_000),
        ] {
            legacy::TOTAL_POWER_AT.save(s, w, &Uint128::new(t)).unwrap();
        }
        legacy::USER_CURSOR.save(s, &alice, &(S + W)).unwrap();
        legacy::UNPAID
            .save(s, (&alice, &fee.key()), &Uint128::new(120))
            .unwrap();
        escrow(&mut deps, alice.clone());
        (deps, alice)
    }

    fn at(t: u64) -> cosmwasm_std::Env {
        let mut env = mock_env();
        env.block.time = Timestamp::from_seconds(t);
        env
    }

    fn q<T: serde::de::DeserializeOwned>(deps: &Deps, t: u64, msg: QueryMsg) -> T {
        from_json(query(deps.as_ref(), at(t), msg).unwrap()).unwrap()
    }

    fn weeks(deps: &Deps, t: u64, denom: &str) -> Vec<(u64, u128)> {
        let r: TokensPerWeekResponse = q(
            deps,
            t,
            QueryMsg::TokensPerWeek {
                token: AssetInfo::native(denom),
                start_after: None,
                limit: None,
            },
        );
        r.weeks
            .into_iter()
            .map(|w| (w.week_start, w.amount.u128()))
            .collect()
    }

    fn attr(res: &cosmwasm_std::Response, key: &str) -> String {
        res.attributes
            .iter()
            .find(|a| a.key == key)
            .map(|a| a.value.clone())
            .unwrap_or_default()
    }

    #[test]
    fn queries_answer_as_before_and_claims_and_checkpoints_keep_working() {
        let (mut deps, alice) = legacy_distributor();
        let t = S + 3 * W + 20;
        deps.querier.bank.update_balance(
            MOCK_CONTRACT_ADDR,
            vec![coins(900, FEE)[0].clone(), coins(50, OTHER)[0].clone()],
        );
        let res = migrate(deps.as_mut(), at(t), MigrateMsg {}).unwrap();
        // config, last time, 2 ledgers, 4 totals, 3 week fees, 1 cursor, 1 unpaid.
        assert_eq!(attr(&res, "records_converted"), "13");
        for ns in [
            "config",
            "last_token_time",
            "ledger",
            "tokens_per_week",
            "total_power_at",
            "user_cursor",
            "unpaid",
        ] {
            let left = deps
                .storage
                .range(None, None, Order::Ascending)
                .filter(|(k, _)| k.windows(ns.len()).any(|w| w == ns.as_bytes()))
                .count();
            assert_eq!(left, 0, "old namespace {ns} left behind");
        }

        let c: ConfigResponse = q(&deps, t, QueryMsg::Config {});
        assert_eq!((c.start_time, c.last_token_time), (S, S + 3 * W + 10));
        assert_eq!(c.tokens.len(), 2);
        assert_eq!(weeks(&deps, t, FEE), vec![(S, 300), (S + W, 600)]);
        assert_eq!(weeks(&deps, t, OTHER), vec![(S + W, 50)]);
        let cur: UserCursorResponse = q(
            &deps,
            t,
            QueryMsg::UserCursor {
                user: alice.to_string(),
            },
        );
        assert_eq!(cur.week, S + W);
        let tot: TotalsResponse = q(&deps, t, QueryMsg::Totals {});
        let books: Vec<(u128, u128, u128)> = tot
            .tokens
            .iter()
            .map(|t| (t.booked.u128(), t.claimed.u128(), t.unbooked.u128()))
            .collect();
        assert_eq!(books, vec![(900, 0, 0), (50, 0, 0)]);
        // Weeks S + W and S + 2W are complete (the frontier is S + 3W); only S + W holds fees:
        // ufee 120 unpaid + floor(600 x 500 / 2,000) = 270, uother floor(50 x 500 / 2,000)
        // = floor(12.5) = 12.
        let cl: ClaimableResponse = q(
            &deps,
            t,
            QueryMsg::Claimable {
                user: alice.to_string(),
            },
        );
        let amounts: Vec<u128> = cl.amounts.iter().map(|a| a.amount.u128()).collect();
        assert_eq!((amounts, cl.next_cursor), (vec![270, 12], S + 3 * W));

        let res = execute(
            deps.as_mut(),
            at(t),
            message_info(&alice, &[]),
            ExecuteMsg::Claim {
                user: None,
                limit_weeks: None,
            },
        )
        .unwrap();
        assert_eq!(attr(&res, "claimed_native:ufee"), "270");
        assert_eq!(attr(&res, "claimed_native:uother"), "12");
        assert_eq!(res.messages.len(), 2);
        let cur: UserCursorResponse = q(
            &deps,
            t,
            QueryMsg::UserCursor {
                user: alice.to_string(),
            },
        );
        assert_eq!(cur.week, S + 3 * W);

        // 100 ufee more arrive; paid out 270 and 12. A checkpoint at S + 4W + 10 spreads the
        // fresh 100 over [S + 3W + 10, S + 4W + 10), one week: S + 3W gets
        // floor(100 x 604,790 / 604,800) = 99 (its total 4,000 is cached), S + 4W the
        // remaining 1 (its total asked once); uother has nothing fresh (38 held, 38 owed).
        let t2 = S + 4 * W + 10;
        deps.querier.bank.update_balance(
            MOCK_CONTRACT_ADDR,
            vec![coins(730, FEE)[0].clone(), coins(38, OTHER)[0].clone()],
        );
        let keeper = deps.api.addr_make("keeper");
        let res = execute(
            deps.as_mut(),
            at(t2),
            message_info(&keeper, &[]),
            ExecuteMsg::CheckpointToken {},
        )
        .unwrap();
        assert_eq!(attr(&res, "booked_native:ufee"), "100");
        assert_eq!(attr(&res, "booked_native:uother"), "0");
        assert_eq!(
            weeks(&deps, t2, FEE),
            vec![(S, 300), (S + W, 600), (S + 3 * W, 99), (S + 4 * W, 1)]
        );
        let tot: TotalsResponse = q(&deps, t2, QueryMsg::Totals {});
        let books: Vec<(u128, u128, u128)> = tot
            .tokens
            .iter()
            .map(|t| (t.booked.u128(), t.claimed.u128(), t.unbooked.u128()))
            .collect();
        assert_eq!(books, vec![(1_000, 270, 0), (50, 12, 0)]);
    }
}
