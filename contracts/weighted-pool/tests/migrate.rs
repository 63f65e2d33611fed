//! `migrate` accepts the same contract at the same or a newer version only, moves the 0.1.x
//! layout and gives a 0.2.x config its `decimals` field (legacy: `None`).
use cosmwasm_std::testing::{message_info, mock_dependencies, mock_env};
use cosmwasm_std::Decimal;
use trellis_types::migrate::MigrationRefused;
use trellis_types::weighted_pool::{InstantiateMsg, MigrateMsg, OracleConfig, WeightedAssetInfo};
use trellis_types::AssetInfo;
use trellis_weighted_pool::contract::{instantiate, migrate, CONTRACT_NAME, CONTRACT_VERSION};
use trellis_weighted_pool::ContractError;

fn deps() -> cosmwasm_std::OwnedDeps<
    cosmwasm_std::MemoryStorage,
    cosmwasm_std::testing::MockApi,
    cosmwasm_std::testing::MockQuerier,
> {
    let mut deps = mock_dependencies();
    let owner = deps.api.addr_make("owner");
    let side = |denom: &str| WeightedAssetInfo {
        info: AssetInfo::native(denom),
        weight: Decimal::percent(50),
        decimals: 6,
    };
    instantiate(
        deps.as_mut(),
        mock_env(),
        message_info(&owner, &[]),
        InstantiateMsg {
            assets: [side("uaaa"), side("ubbb")],
            swap_fee_bps: 30,
            protocol_fee_share_bps: 0,
            fee_collector: None,
            owner: owner.to_string(),
            lp_token_code_id: 1,
            lp_token_name: None,
            lp_token_symbol: None,
            oracle: OracleConfig {
                capacity: 10,
                min_sample_spacing: 60,
            },
        },
    )
    .unwrap();
    deps
}

#[test]
fn same_or_older_version_migrates() {
    let mut deps = deps();
    cw2::set_contract_version(&mut deps.storage, CONTRACT_NAME, "0.0.1").unwrap();
    migrate(deps.as_mut(), mock_env(), MigrateMsg {}).unwrap();
    let v = cw2::get_contract_version(&deps.storage).unwrap();
    assert_eq!(v.version, CONTRACT_VERSION);
    // Re-running at the same version is fine too.
    migrate(deps.as_mut(), mock_env(), MigrateMsg {}).unwrap();
}

#[test]
fn downgrade_and_foreign_contract_are_refused() {
    let mut deps = deps();
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

/// The 0.1.x layout, written as that version wrote it: JSON under `config`, `reserves`,
/// `lp_token`, `oracle_cursor` and `oracle_samples`.
mod old_layout {
    use cosmwasm_std::{Addr, Decimal, Storage, Uint128};
    use trellis_types::weighted_pool::OracleConfig;
    use trellis_types::AssetInfo;
    use trellis_weighted_pool::state::legacy;

    pub const SAMPLES: [(u64, u64, i128); 3] =
        [(1_000, 1_000, 0), (1_120, 1_120, -7), (1_250, 1_240, 42)];

    pub fn write(storage: &mut dyn Storage, collector: &Addr, lp_token: &Addr) {
        legacy::CONFIG
            .save(
                storage,
                &legacy::Config {
                    assets: [
                        AssetInfo::native("uaaa"),
                        AssetInfo::cw20(lp_token.to_string() + "x"),
                    ],
                    weights: [Decimal::percent(80), Decimal::percent(20)],
                    swap_fee_bps: 30,
                    protocol_fee_share_bps: 1_000,
                    fee_collector: Some(collector.clone()),
                    oracle: OracleConfig {
                        capacity: 3,
                        min_sample_spacing: 60,
                    },
                },
            )
            .unwrap();
        legacy::RESERVES
            .save(
                storage,
                &legacy::Reserves {
                    balances: [Uint128::new(4_000_000), Uint128::new(1_000_000)],
                    fees_owed: [Uint128::new(12), Uint128::new(3)],
                    lp_supply: Uint128::new(2_000_000),
                },
            )
            .unwrap();
        legacy::LP_TOKEN.save(storage, lp_token).unwrap();
        // A wrapped ring of capacity 3: slots 1, 2, 0 in age order, newest in slot 0.
        legacy::ORACLE_CURSOR
            .save(
                storage,
                &legacy::OracleCursor {
                    newest: 0,
                    count: 3,
                },
            )
            .unwrap();
        for (i, (timestamp, opened_at, cumulative)) in SAMPLES.into_iter().enumerate() {
            let slot = (i as u32 + 1) % 3;
            legacy::ORACLE_SAMPLES
                .save(
                    storage,
                    slot,
                    &legacy::Sample {
                        timestamp,
                        opened_at,
                        cumulative,
                    },
                )
                .unwrap();
        }
    }
}

#[test]
fn the_old_layout_migrates_and_keeps_working() {
    use cosmwasm_std::{from_json, Int128, Storage, Timestamp, Uint128};
    use trellis_types::weighted_pool::{
        OracleSample, OracleSamplesResponse, PoolInfoResponse, QueryMsg, SwapResponse,
    };
    use trellis_types::Asset;
    use trellis_weighted_pool::contract::{execute, query};
    use trellis_weighted_pool::state::{CONFIG, LP_TOKEN, ORACLE_SAMPLES, POOL};

    let mut deps = mock_dependencies();
    let owner = deps.api.addr_make("owner");
    let collector = deps.api.addr_make("collector");
    let lp_token = deps.api.addr_make("lp");
    cw_ownable::initialize_owner(&mut deps.storage, &deps.api, Some(owner.as_str())).unwrap();
    cw2::set_contract_version(&mut deps.storage, CONTRACT_NAME, "0.1.0").unwrap();
    old_layout::write(&mut deps.storage, &collector, &lp_token);

    let res = migrate(deps.as_mut(), mock_env(), MigrateMsg {}).unwrap();
    assert!(res
        .attributes
        .iter()
        .any(|a| a.key == "layout_migrated" && a.value == "true"));
    for key in ["config", "reserves", "lp_token", "oracle_cursor"] {
        assert_eq!(deps.storage.get(key.as_bytes()), None, "{key} left behind");
    }
    assert!(CONFIG.exists(&deps.storage) && LP_TOKEN.exists(&deps.storage));
    // 0.1.x pools minted LP over raw units: legacy, no declared decimals.
    assert_eq!(CONFIG.load(&deps.storage).unwrap().decimals, None);
    // The newest sample (slot 0) lives in the pool record; the two older ones in the map.
    let pool = POOL.load(&deps.storage).unwrap();
    assert_eq!(pool.newest.timestamp, 1_250);
    assert!(!ORACLE_SAMPLES.has(&deps.storage, 0));
    assert_eq!(
        ORACLE_SAMPLES.load(&deps.storage, 2).unwrap().cumulative,
        -7
    );

    let env_at = |t: u64| {
        let mut env = mock_env();
        env.block.time = Timestamp::from_seconds(t);
        env
    };
    let q = |deps: &cosmwasm_std::OwnedDeps<_, _, _>, msg: &QueryMsg| {
        query(deps.as_ref(), env_at(1_300), msg.clone()).unwrap()
    };
    let info: PoolInfoResponse = from_json(q(&deps, &QueryMsg::PoolInfo {})).unwrap();
    assert_eq!(info.assets[0].balance, Uint128::new(4_000_000));
    assert_eq!(info.assets[1].balance, Uint128::new(1_000_000));
    assert_eq!(info.assets[0].protocol_fees_owed, Uint128::new(12));
    assert_eq!(info.assets[1].protocol_fees_owed, Uint128::new(3));
    assert_eq!(info.assets[0].weight, Decimal::percent(80));
    assert_eq!(info.lp_supply, Uint128::new(2_000_000));
    assert_eq!(info.lp_token, lp_token.to_string());
    assert_eq!(info.fee_collector, Some(collector.to_string()));
    assert_eq!(
        (info.swap_fee_bps, info.protocol_fee_share_bps),
        (30, 1_000)
    );
    let samples: OracleSamplesResponse = from_json(q(
        &deps,
        &QueryMsg::OracleSamples {
            start_after: None,
            limit: None,
        },
    ))
    .unwrap();
    let expected: Vec<OracleSample> = old_layout::SAMPLES
        .iter()
        .map(|(t, _, c)| OracleSample {
            timestamp: *t,
            log_price_cumulative: Int128::new(*c),
        })
        .collect();
    assert_eq!(samples.samples, expected);

    // A swap after the migration: 100,000 uaaa in. Fee 0.3% = 300, of which the protocol's
    // 10% = 30 is owed; 99,700 is priced at weights 80/20:
    // out = 1,000,000 * (1 - (4,000,000 / 4,099,700)^(0.8 / 0.2)) = 93,784.15..., floored.
    let simulated: SwapResponse = from_json(q(
        &deps,
        &QueryMsg::SimulateSwapExactIn {
            offer: Asset {
                info: AssetInfo::native("uaaa"),
                amount: Uint128::new(100_000),
            },
        },
    ))
    .unwrap();
    let trader = deps.api.addr_make("trader");
    let res = execute(
        deps.as_mut(),
        env_at(1_300),
        message_info(&trader, &cosmwasm_std::coins(100_000, "uaaa")),
        trellis_types::weighted_pool::ExecuteMsg::SwapExactIn {
            min_out: None,
            recipient: None,
            deadline: None,
        },
    )
    .unwrap();
    let swapped: SwapResponse = from_json(res.data.unwrap()).unwrap();
    assert_eq!(swapped, simulated);
    assert_eq!(swapped.amount_out, Uint128::new(93_784));
    let info: PoolInfoResponse = from_json(q(&deps, &QueryMsg::PoolInfo {})).unwrap();
    assert_eq!(
        info.assets[0].balance,
        Uint128::new(4_000_000 + 100_000 - 30)
    );
    assert_eq!(
        info.assets[1].balance,
        Uint128::new(1_000_000) - swapped.amount_out
    );
    // t = 1,300 is 60 s after the newest slot opened (1,240): a new slot, replacing the
    // oldest (slot 1, t = 1,000); the ring now runs 1,120, 1,250, 1,300.
    let samples: OracleSamplesResponse = from_json(q(
        &deps,
        &QueryMsg::OracleSamples {
            start_after: None,
            limit: None,
        },
    ))
    .unwrap();
    let times: Vec<u64> = samples.samples.iter().map(|s| s.timestamp).collect();
    assert_eq!(times, vec![1_120, 1_250, 1_300]);
    assert_eq!(samples.samples[1].log_price_cumulative, Int128::new(42));
    // Migrating again finds no old layout and changes nothing.
    let res = migrate(deps.as_mut(), mock_env(), MigrateMsg {}).unwrap();
    assert!(res
        .attributes
        .iter()
        .any(|a| a.key == "layout_migrated" && a.value == "false"));
}

/// A 0.2.x pool: the compact layout, but a config record without `decimals`, an LP supply
/// minted over raw base units and a 6-decimal LP token. Both natives, 80/20, 30 bps, 10% of
/// the fee to a collector.
fn v0_2_pool() -> (
    cosmwasm_std::OwnedDeps<
        cosmwasm_std::MemoryStorage,
        cosmwasm_std::testing::MockApi,
        cosmwasm_std::testing::MockQuerier,
    >,
    cosmwasm_std::Addr,
) {
    use cosmwasm_std::Uint128;
    use trellis_weighted_pool::state::{v0_2, Pool, Reserves, LP_TOKEN, POOL};

    let mut deps = mock_dependencies();
    let owner = deps.api.addr_make("owner");
    let collector = deps.api.addr_make("collector");
    let lp_token = deps.api.addr_make("lp");
    cw_ownable::initialize_owner(&mut deps.storage, &deps.api, Some(owner.as_str())).unwrap();
    cw2::set_contract_version(&mut deps.storage, CONTRACT_NAME, "0.2.0").unwrap();
    v0_2::CONFIG
        .save(
            &mut deps.storage,
            &v0_2::Config {
                assets: [AssetInfo::native("uaaa"), AssetInfo::native("ubbb")],
                weights: [Decimal::percent(80), Decimal::percent(20)],
                swap_fee_bps: 30,
                protocol_fee_share_bps: 1_000,
                fee_collector: Some(collector),
                oracle: OracleConfig {
                    capacity: 3,
                    min_sample_spacing: 60,
                },
            },
        )
        .unwrap();
    POOL.save(
        &mut deps.storage,
        &Pool {
            reserves: Reserves {
                balances: [Uint128::new(4_000_000), Uint128::new(1_000_000)],
                fees_owed: [Uint128::new(12), Uint128::new(3)],
                lp_supply: Uint128::new(2_000_000),
            },
            ..Pool::default()
        },
    )
    .unwrap();
    LP_TOKEN.save(&mut deps.storage, &lp_token).unwrap();
    (deps, lp_token)
}

#[test]
fn a_0_2_pool_migrates_as_legacy_and_behaves_as_before() {
    use cosmwasm_std::{coins, from_json, to_json_binary, Uint128};
    use cw20::Cw20ReceiveMsg;
    use trellis_types::weighted_pool::{ExecuteMsg, JoinResponse, ReceiveMsg, SwapResponse};
    use trellis_weighted_pool::contract::execute;
    use trellis_weighted_pool::state::{CONFIG, POOL};

    let (mut deps, lp_token) = v0_2_pool();
    // The 0.2.x record does not decode as the current config.
    assert!(CONFIG.load(&deps.storage).is_err());
    let res = migrate(deps.as_mut(), mock_env(), MigrateMsg {}).unwrap();
    let attr = |key: &str| {
        res.attributes
            .iter()
            .find(|a| a.key == key)
            .map(|a| a.value.clone())
    };
    assert_eq!(attr("from_version").as_deref(), Some("0.2.0"));
    assert_eq!(attr("layout_migrated").as_deref(), Some("false"));
    assert_eq!(attr("decimals_added").as_deref(), Some("true"));
    assert_eq!(
        cw2::get_contract_version(&deps.storage).unwrap().version,
        CONTRACT_VERSION
    );
    // Legacy: no declared decimals, so the invariant would scale from 18 (factor 1).
    let config = CONFIG.load(&deps.storage).unwrap();
    assert_eq!(config.decimals, None);
    assert_eq!(config.scaling_decimals(), [18, 18]);
    assert_eq!(config.weights, [Decimal::percent(80), Decimal::percent(20)]);

    let trader = deps.api.addr_make("trader");
    // Swap 100,000 uaaa in: fee ceil(100,000 * 30 / 1e4) = 300, protocol 10% = 30 owed;
    // 99,700 priced at 80/20: out = floor(1,000,000 * (1 - (4,000,000 / 4,099,700)^4)) =
    // floor(93,784.15...) = 93,784 (the same as before the migration: swaps never scale).
    let res = execute(
        deps.as_mut(),
        mock_env(),
        message_info(&trader, &coins(100_000, "uaaa")),
        ExecuteMsg::SwapExactIn {
            min_out: None,
            recipient: None,
            deadline: None,
        },
    )
    .unwrap();
    let swapped: SwapResponse = from_json(res.data.unwrap()).unwrap();
    assert_eq!(
        (swapped.amount_out, swapped.fee, swapped.protocol_fee),
        (Uint128::new(93_784), Uint128::new(300), Uint128::new(30))
    );
    // Balances 4,000,000 + 100,000 - 30 = 4,099,970 and 1,000,000 - 93,784 = 906,216.

    // Proportional join with at most 409,997 uaaa and 90,622 ubbb, in the LP's old raw unit:
    // lp = min(floor(409,997 * 2e6 / 4,099,970), floor(90,622 * 2e6 / 906,216)) =
    // min(200,000 exactly, floor(200,000.88)) = 200,000; paid ceil(200,000 * 4,099,970 / 2e6)
    // = 409,997 and ceil(90,621.6) = 90,622.
    let res = execute(
        deps.as_mut(),
        mock_env(),
        message_info(
            &trader,
            &[
                cosmwasm_std::coin(409_997, "uaaa"),
                cosmwasm_std::coin(90_622, "ubbb"),
            ],
        ),
        ExecuteMsg::Join {
            max_amounts: [Uint128::new(409_997), Uint128::new(90_622)],
            min_lp_out: None,
            recipient: None,
            deadline: None,
        },
    )
    .unwrap();
    let joined: JoinResponse = from_json(res.data.unwrap()).unwrap();
    assert_eq!(joined.lp_out, Uint128::new(200_000));
    assert_eq!(
        joined.amounts_in,
        [Uint128::new(409_997), Uint128::new(90_622)]
    );

    // Exit 220,000 LP (a tenth of the 2,200,000 now in supply) through the LP token's hook:
    // floor(4,509,967 / 10) = 450,996 and floor(996,838 / 10) = 99,683.
    let res = execute(
        deps.as_mut(),
        mock_env(),
        message_info(&lp_token, &[]),
        ExecuteMsg::Receive(Cw20ReceiveMsg {
            sender: trader.to_string(),
            amount: Uint128::new(220_000),
            msg: to_json_binary(&ReceiveMsg::Exit {
                min_amounts_out: Some([Uint128::new(450_996), Uint128::new(99_683)]),
                recipient: None,
                deadline: None,
            })
            .unwrap(),
        }),
    )
    .unwrap();
    assert!(res
        .attributes
        .iter()
        .any(|a| a.key == "amount_out_0" && a.value == "450996"));
    let pool = POOL.load(&deps.storage).unwrap();
    assert_eq!(
        pool.reserves.balances,
        [
            Uint128::new(4_509_967 - 450_996),
            Uint128::new(996_838 - 99_683)
        ]
    );
    assert_eq!(pool.reserves.lp_supply, Uint128::new(1_980_000));
    assert_eq!(pool.reserves.fees_owed, [Uint128::new(42), Uint128::new(3)]);

    // Migrating again finds a current config and changes nothing.
    let res = migrate(deps.as_mut(), mock_env(), MigrateMsg {}).unwrap();
    assert!(res
        .attributes
        .iter()
        .any(|a| a.key == "decimals_added" && a.value == "false"));
    assert_eq!(CONFIG.load(&deps.storage).unwrap().decimals, None);
}
