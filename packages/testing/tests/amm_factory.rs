//! The pool factory with real weighted pools in cw-multi-test: creation, duplicates,
//! permissions, lookups and pagination. Numbers are derived by hand in the comments.
use cosmwasm_std::{Decimal, Decimal256, Uint128};
use cw_ownable::OwnershipError;
use std::str::FromStr;
use trellis_pool_factory::ContractError;

use trellis_testing::tokens::Cw20Options;
use trellis_testing::{
    AssetInfo, FactoryOptions, OracleConfig, PoolHandle, Suite, SwapResponse, TradeOptions,
    DEFAULT_ORACLE,
};
use trellis_types::factory::{ExecuteMsg, PoolParams, PoolRecord};
use trellis_types::weighted_pool::WeightedAssetInfo;

fn pct(p: u64) -> Decimal {
    Decimal::percent(p)
}

/// The factory's typed error inside a failed execution.
fn factory_err(err: anyhow::Error) -> ContractError {
    err.downcast()
        .unwrap_or_else(|err| panic!("not a factory error: {err:#}"))
}

/// A suite with ALY (the protocol token, a cw20), a native ATOM and a factory.
struct Amm {
    suite: Suite,
    aly: AssetInfo,
    atom: AssetInfo,
}

fn amm(options: impl FnOnce(FactoryOptions) -> FactoryOptions) -> Amm {
    let mut suite = Suite::new();
    let aly = suite
        .create_cw20("ALY", &[("alice", 1_000_000_000), ("bob", 10_000_000)])
        .unwrap();
    let atom = suite.register_native("ATOM", "uatom");
    suite
        .deploy_factory(options(FactoryOptions::new(aly.clone())))
        .unwrap();
    Amm { suite, aly, atom }
}

#[test]
fn one_pair_may_have_a_50_50_and_an_80_20_pool() {
    let collector = Suite::new().addr("collector");
    let Amm {
        mut suite,
        aly,
        atom,
    } = amm(|o| o.fee_collector(collector.clone(), 2_000));
    let even = suite
        .create_weighted_pool("alice", [atom.clone(), aly.clone()], [pct(50), pct(50)], 30)
        .unwrap();
    let heavy = suite
        .create_weighted_pool("bob", [atom.clone(), aly.clone()], [pct(80), pct(20)], 100)
        .unwrap();
    assert_eq!((even.id, heavy.id), (0, 1));
    assert_ne!(even.address, heavy.address);
    assert_ne!(even.lp_token, heavy.lp_token);
    assert_eq!(heavy.weights, [pct(80), pct(20)]);
    assert_eq!(suite.factory_config().unwrap().pool_count, 2);

    // Each pool got the factory's settings: fee collector and share, default oracle, and
    // the factory's owner as owner and wasm admin.
    let info = suite.pool_info(&heavy).unwrap();
    assert_eq!(
        info.lp_token,
        Suite::cw20_addr(&heavy.lp_token).unwrap().to_string()
    );
    assert_eq!(info.swap_fee_bps, 100);
    assert_eq!(info.protocol_fee_share_bps, 2_000);
    assert_eq!(info.fee_collector, Some(collector.to_string()));
    assert_eq!(info.oracle, DEFAULT_ORACLE);
    assert_eq!(
        info.assets.clone().map(|a| a.info),
        [atom.clone(), aly.clone()]
    );
    let ownership: cw_ownable::Ownership<String> = suite
        .pool_query(
            &heavy,
            &trellis_types::weighted_pool::QueryMsg::Ownership {},
        )
        .unwrap();
    assert_eq!(ownership.owner, Some(suite.owner.to_string()));
    let admin = suite.app.contract_data(&heavy.address).unwrap().admin;
    assert_eq!(admin, Some(suite.owner.clone()));

    // Both pools of the pair, in creation order, whichever order the assets are asked in.
    let by_assets = suite.pools_by_assets([aly.clone(), atom.clone()]).unwrap();
    assert_eq!(
        by_assets.iter().map(|p| p.id).collect::<Vec<_>>(),
        vec![0, 1]
    );
    assert_eq!(
        suite.pools_by_assets([atom.clone(), aly.clone()]).unwrap(),
        by_assets
    );
}

#[test]
fn a_created_pool_trades() {
    let Amm {
        mut suite,
        aly,
        atom,
    } = amm(|o| o);
    let pool = suite
        .create_weighted_pool("alice", [atom.clone(), aly.clone()], [pct(80), pct(20)], 30)
        .unwrap();
    suite.mint_native("alice", "uatom", 4_000_000).unwrap();
    suite
        .provide_liquidity("alice", &pool, [4_000_000, 1_000_000])
        .unwrap();
    assert_eq!(suite.pool_reserves(&pool).unwrap(), [4_000_000, 1_000_000]);
    // Price of ATOM in ALY: (b_ALY / w_ALY) / (b_ATOM / w_ATOM) = (1e6 / 0.2) / (4e6 / 0.8)
    // = 5e6 / 5e6 = 1; of ALY in ATOM: (4e6 / 0.8) / (1e6 / 0.2) = 1 as well.
    assert_eq!(suite.spot_price(&pool, &atom).unwrap(), Decimal256::one());
    assert_eq!(suite.spot_price(&pool, &aly).unwrap(), Decimal256::one());
}

#[test]
fn duplicates_are_refused_in_either_order() {
    let Amm {
        mut suite,
        aly,
        atom,
    } = amm(|o| o);
    let pool = suite
        .create_weighted_pool("alice", [atom.clone(), aly.clone()], [pct(80), pct(20)], 30)
        .unwrap();
    let duplicate = |assets: &str| ContractError::DuplicatePool {
        existing: 0,
        address: pool.address.to_string(),
        assets: assets.to_string(),
    };
    // Same pool, same order (another fee tier does not make it another pool).
    let err = suite
        .create_weighted_pool("bob", [atom.clone(), aly.clone()], [pct(80), pct(20)], 100)
        .unwrap_err();
    assert_eq!(factory_err(err), duplicate(&format!("{atom},{aly}")));
    // Same pool described from the other side: ALY 20%, ATOM 80%.
    let err = suite
        .create_weighted_pool("bob", [aly.clone(), atom.clone()], [pct(20), pct(80)], 30)
        .unwrap_err();
    assert_eq!(factory_err(err), duplicate(&format!("{aly},{atom}")));
    // Nothing was created.
    assert_eq!(suite.factory_pools().unwrap().len(), 1);
    // The mirror split, ALY 80% / ATOM 20%, is a different pool.
    let mirror = suite
        .create_weighted_pool("bob", [aly.clone(), atom.clone()], [pct(80), pct(20)], 30)
        .unwrap();
    assert_eq!(mirror.id, 1);
}

#[test]
fn bad_weights_and_assets_are_refused() {
    let Amm {
        mut suite,
        aly,
        atom,
    } = amm(|o| o);
    let create = |suite: &mut Suite, assets: [AssetInfo; 2], weights: [Decimal; 2]| {
        factory_err(
            suite
                .create_weighted_pool("alice", assets, weights, 30)
                .unwrap_err(),
        )
    };
    // 60% + 30% = 90%.
    assert_eq!(
        create(&mut suite, [atom.clone(), aly.clone()], [pct(60), pct(30)]),
        ContractError::WeightsDoNotSumToOne { sum: pct(90) }
    );
    // 0.5% < 1% (with 99.5% the sum is exactly 1).
    assert_eq!(
        create(
            &mut suite,
            [atom.clone(), aly.clone()],
            [Decimal::permille(995), Decimal::permille(5)]
        ),
        ContractError::WeightTooSmall {
            asset: aly.to_string(),
            weight: Decimal::permille(5),
            min: pct(1),
        }
    );
    // 0% is below the minimum too.
    assert_eq!(
        create(&mut suite, [atom.clone(), aly.clone()], [pct(0), pct(100)]),
        ContractError::WeightTooSmall {
            asset: atom.to_string(),
            weight: pct(0),
            min: pct(1),
        }
    );
    assert_eq!(
        create(&mut suite, [atom.clone(), atom.clone()], [pct(50), pct(50)]),
        ContractError::IdenticalAssets {
            asset: atom.to_string()
        }
    );
    // The extreme split 1% / 99% is allowed.
    suite
        .create_weighted_pool("alice", [atom.clone(), aly.clone()], [pct(1), pct(99)], 30)
        .unwrap();
    assert_eq!(suite.factory_config().unwrap().pool_count, 1);
}

#[test]
fn only_the_owner_creates_pools_unless_permissionless() {
    let Amm {
        mut suite,
        aly,
        atom,
    } = amm(|o| o.owner_only());
    let err = suite
        .create_weighted_pool("alice", [atom.clone(), aly.clone()], [pct(50), pct(50)], 30)
        .unwrap_err();
    assert_eq!(
        factory_err(err),
        ContractError::Ownership(OwnershipError::NotOwner)
    );
    assert!(suite.factory_pools().unwrap().is_empty());
    // The suite owner's account is named "owner".
    let pool = suite
        .create_weighted_pool("owner", [atom.clone(), aly.clone()], [pct(50), pct(50)], 30)
        .unwrap();
    assert_eq!(pool.id, 0);

    // Opening the factory lets anyone create pools.
    let owner = suite.owner.clone();
    suite
        .factory_exec(
            &owner,
            &ExecuteMsg::UpdateConfig {
                pool_code_id: None,
                lp_token_code_id: None,
                fee_collector: None,
                protocol_fee_share_bps: None,
                default_oracle: None,
                permissionless_creation: Some(true),
                cl_pool_code_id: None,
            },
        )
        .unwrap();
    suite
        .create_weighted_pool("alice", [atom, aly], [pct(80), pct(20)], 30)
        .unwrap();
}

#[test]
fn new_settings_apply_to_pools_created_afterwards_only() {
    let Amm {
        mut suite,
        aly,
        atom,
    } = amm(|o| o);
    let before = suite
        .create_weighted_pool("alice", [atom.clone(), aly.clone()], [pct(50), pct(50)], 30)
        .unwrap();
    let owner = suite.owner.clone();
    let collector = suite.addr("collector");
    let oracle = OracleConfig {
        capacity: 48,
        min_sample_spacing: 1_800,
    };
    suite
        .factory_exec(
            &owner,
            &ExecuteMsg::UpdateConfig {
                pool_code_id: None,
                lp_token_code_id: None,
                fee_collector: Some(collector.to_string()),
                protocol_fee_share_bps: Some(5_000),
                default_oracle: Some(oracle),
                permissionless_creation: None,
                cl_pool_code_id: None,
            },
        )
        .unwrap();
    let after = suite
        .create_weighted_pool("alice", [atom, aly], [pct(80), pct(20)], 30)
        .unwrap();
    let old = suite.pool_info(&before).unwrap();
    assert_eq!((old.fee_collector, old.protocol_fee_share_bps), (None, 0));
    assert_eq!(old.oracle, DEFAULT_ORACLE);
    let new = suite.pool_info(&after).unwrap();
    assert_eq!(
        (new.fee_collector, new.protocol_fee_share_bps),
        (Some(collector.to_string()), 5_000)
    );
    assert_eq!(new.oracle, oracle);
}

/// Creates `count` pools, each of ALY and a fresh native denom, 50/50.
fn many_pools(suite: &mut Suite, aly: &AssetInfo, count: usize) -> Vec<PoolHandle> {
    (0..count)
        .map(|i| {
            let other = AssetInfo::native(format!("utoken{i:03}"));
            suite
                .create_weighted_pool("alice", [other, aly.clone()], [pct(50), pct(50)], 30)
                .unwrap()
        })
        .collect()
}

fn ids(records: &[PoolRecord]) -> Vec<u64> {
    records.iter().map(|r| r.id).collect()
}

#[test]
fn pools_paginate_by_id() {
    let Amm { mut suite, aly, .. } = amm(|o| o);
    many_pools(&mut suite, &aly, 5);
    assert_eq!(
        ids(&suite.factory_pools_page(None, Some(2)).unwrap()),
        vec![0, 1]
    );
    assert_eq!(
        ids(&suite.factory_pools_page(Some(1), Some(2)).unwrap()),
        vec![2, 3]
    );
    assert_eq!(
        ids(&suite.factory_pools_page(Some(3), Some(2)).unwrap()),
        vec![4]
    );
    assert!(suite
        .factory_pools_page(Some(4), Some(2))
        .unwrap()
        .is_empty());
}

#[test]
fn pages_default_to_10_and_stop_at_100() {
    let Amm { mut suite, aly, .. } = amm(|o| o);
    many_pools(&mut suite, &aly, 101);
    // DEFAULT_LIMIT = 10: ids 0..=9.
    assert_eq!(
        ids(&suite.factory_pools_page(None, None).unwrap()),
        (0..10).collect::<Vec<_>>()
    );
    // MAX_LIMIT = 100: asking for 500 gives ids 0..=99, and the walk finds all 101.
    assert_eq!(
        suite.factory_pools_page(None, Some(500)).unwrap().len(),
        100
    );
    assert_eq!(
        ids(&suite.factory_pools().unwrap()),
        (0..101).collect::<Vec<_>>()
    );
}

#[test]
fn lookups_by_lp_token_and_native_pairs() {
    let Amm {
        mut suite,
        aly,
        atom,
    } = amm(|o| o);
    let osmo = suite.register_native("OSMO", "uosmo");
    let native = suite
        .create_weighted_pool("alice", [atom.clone(), aly.clone()], [pct(80), pct(20)], 30)
        .unwrap();
    let other = suite
        .create_weighted_pool(
            "alice",
            [atom.clone(), osmo.clone()],
            [pct(50), pct(50)],
            30,
        )
        .unwrap();

    // A farm checks an LP token and learns its pair.
    let record = suite.pool_by_lp_token(&other.lp_token).unwrap();
    assert_eq!(
        record,
        PoolRecord {
            id: 1,
            address: other.address.to_string(),
            assets: [atom.clone(), osmo.clone()],
            params: PoolParams::Weighted {
                lp_token: Suite::cw20_addr(&other.lp_token).unwrap().to_string(),
                weights: [pct(50), pct(50)],
                swap_fee_bps: 30,
            },
        }
    );
    assert_eq!(suite.pool_by_lp_token(&native.lp_token).unwrap().id, 0);
    // ALY is a cw20 but not an LP token of the factory.
    let err = suite.pool_by_lp_token(&aly).unwrap_err();
    assert!(
        err.to_string().contains("is not the LP token of a pool"),
        "{err}"
    );

    // Exact weights, in the order of the assets asked.
    let found = suite
        .factory_pool([aly.clone(), atom.clone()], [pct(20), pct(80)])
        .unwrap();
    assert_eq!(found.address, native.address.to_string());
    let err = suite
        .factory_pool([aly.clone(), atom.clone()], [pct(80), pct(20)])
        .unwrap_err();
    assert!(err.to_string().contains("no pool of"), "{err}");

    assert!(suite.is_native_pair([atom.clone(), aly.clone()]).unwrap());
    assert!(suite.is_native_pair([aly.clone(), osmo.clone()]).unwrap());
    assert!(!suite.is_native_pair([atom.clone(), osmo.clone()]).unwrap());
    assert!(suite.pools_by_assets([aly, osmo]).unwrap().is_empty());
}

/// The factory refuses what a pool would refuse, with the pool's own limits; the router bounds
/// its search with the factory's per-pair limit.
#[test]
fn limits_mirror_the_pool_and_the_router() {
    use trellis_pool_factory::limits as factory;
    use trellis_weighted_pool::limits as pool;
    assert_eq!(factory::MAX_SWAP_FEE_BPS, pool::MAX_SWAP_FEE_BPS);
    assert_eq!(
        factory::MAX_PROTOCOL_FEE_SHARE_BPS,
        pool::MAX_PROTOCOL_FEE_SHARE_BPS
    );
    assert_eq!(factory::MAX_ORACLE_CAPACITY, pool::MAX_ORACLE_CAPACITY);
    assert_eq!(
        factory::MAX_POOLS_PER_PAIR,
        trellis_router::limits::MAX_POOLS_PER_PAIR
    );
}

/// Every pool helper of the harness once, on a 50/50 ATOM (native) / ALY (cw20) pool with a
/// 0.3% fee and no protocol share. Swap amounts follow the constant product (the exponent of
/// equal weights is exactly 1): for a swap of `a`, fee = ceil(a * 30 / 1e4), n = a - fee,
/// out = floor(bO * n / (bI + n)) (the pool's ceil of bI / (bI + n) at 1e18 moves the quotient
/// by less than 1e-8, and no fractional part below is that close to an integer).
#[test]
fn the_harness_drives_a_pool_end_to_end() {
    // LP tokens have 18 decimals.
    const ONE_LP: u128 = 1_000_000_000_000_000_000;
    let Amm {
        mut suite,
        aly,
        atom,
    } = amm(|o| o);
    let pool = suite
        .create_weighted_pool("alice", [atom.clone(), aly.clone()], [pct(50), pct(50)], 30)
        .unwrap();
    suite.mint_native("alice", "uatom", 1_000_000_000).unwrap();
    suite.mint_native("bob", "uatom", 10_000_000).unwrap();
    suite.mint_native("carol", "uatom", 10_000_000).unwrap();
    // ALY joins through an allowance, ATOM as funds.
    suite
        .provide_liquidity("alice", &pool, [1_000_000_000, 1_000_000_000])
        .unwrap();
    assert_eq!(
        suite.pool_reserves(&pool).unwrap(),
        [1_000_000_000, 1_000_000_000]
    );
    assert_eq!(suite.balance("alice", &atom).unwrap(), 0);
    let supply = suite.pool_info(&pool).unwrap().lp_supply.u128();
    // Both assets have 6 decimals, so the supply is the invariant of 1000e18 and 1000e18:
    // pow_down(1000, 0.5) = floor(sqrt(1000) * 1e18) = 31_622_776_601_683_793_319 less its
    // margin ceil(that * 1e4 / 1e18) + 1 = 316_229, squared / 1e18 and floored:
    // 999_999_999_999_979_999_859, i.e. 1000 LP at 18 decimals less the margins.
    assert_eq!(supply, 999_999_999_999_979_999_859);
    // MINIMUM_LIQUIDITY = 1_000 is locked in the pool at the first join.
    assert_eq!(suite.lp_balance("alice", &pool).unwrap(), supply - 1_000);

    // Price 1 since the join: ln 1 = 0, so the geometric mean is exactly 1.
    suite.advance_seconds(600);
    let twap = suite.twap(&pool, &atom, 300, 0).unwrap();
    assert_eq!(twap.price, Decimal256::one());
    assert_eq!((twap.start, twap.end), (suite.time() - 300, suite.time()));

    // Native in: 1_000_000 ATOM, fee 3_000, n = 997_000,
    // out = floor(1e9 * 997_000 / 1_000_997_000) = floor(996_006.98) = 996_006 ALY.
    let swap = suite.swap_exact_in("bob", &pool, &atom, 1_000_000).unwrap();
    let expect = |offer: &AssetInfo, ask: &AssetInfo, amount_in, amount_out, fee| SwapResponse {
        offer: offer.clone(),
        ask: ask.clone(),
        amount_in: Uint128::new(amount_in),
        amount_out: Uint128::new(amount_out),
        fee: Uint128::new(fee),
        protocol_fee: Uint128::zero(),
    };
    assert_eq!(swap, expect(&atom, &aly, 1_000_000, 996_006, 3_000));
    assert_eq!(
        suite.pool_reserves(&pool).unwrap(),
        [1_001_000_000, 999_003_994]
    );

    // cw20 in through the hook: 2_000_000 ALY, fee 6_000, n = 1_994_000,
    // out = floor(1_001_000_000 * 1_994_000 / 1_000_997_994) = floor(1_994_003.996)
    // = 1_994_003 ATOM.
    let bob_atom = suite.balance("bob", &atom).unwrap();
    let swap = suite.swap_exact_in("bob", &pool, &aly, 2_000_000).unwrap();
    assert_eq!(swap, expect(&aly, &atom, 2_000_000, 1_994_003, 6_000));
    assert_eq!(suite.balance("bob", &atom).unwrap(), bob_atom + 1_994_003);
    assert_eq!(
        suite.pool_reserves(&pool).unwrap(),
        [999_005_997, 1_001_003_994]
    );

    // Exact out: 500_000 ALY for at most 600_000 ATOM. Before the fee
    // ceil(999_005_997 * 500_000 / 1_000_503_994) = ceil(499_251.38) = 499_252 (the pool rounds
    // bO / (bO - aO) up at 1e18 first, which moves it by less than 1e-6, not past 499_252);
    // grossed up: ceil(499_252 * 10_000 / 9_970) = ceil(500_754.26) = 500_755, fee 1_503;
    // 600_000 - 500_755 = 99_245 refunded.
    let swap = suite
        .swap_exact_out("carol", &pool, &atom, 600_000, 500_000)
        .unwrap();
    assert_eq!(swap, expect(&atom, &aly, 500_755, 500_000, 1_503));
    assert_eq!(suite.balance("carol", &atom).unwrap(), 10_000_000 - 500_755);
    assert_eq!(suite.balance("carol", &aly).unwrap(), 500_000);
    let reserves = [999_005_997 + 500_755, 1_001_003_994 - 500_000];
    assert_eq!(suite.pool_reserves(&pool).unwrap(), reserves);
    // Spot price of ATOM in ALY, weights equal: floor(1_000_503_994 * 1e18 / 999_506_752).
    assert_eq!(
        suite.spot_price(&pool, &atom).unwrap(),
        Decimal256::from_str("1.000997734130364333").unwrap()
    );

    // A single-asset join mints what the pool's simulation announced.
    let announced = suite
        .pool_query::<trellis_types::weighted_pool::JoinResponse>(
            &pool,
            &trellis_types::weighted_pool::QueryMsg::SimulateJoinSingle {
                offer: trellis_testing::Asset {
                    info: atom.clone(),
                    amount: Uint128::new(1_000_000),
                },
            },
        )
        .unwrap();
    suite.join_single("bob", &pool, &atom, 1_000_000).unwrap();
    assert_eq!(
        suite.lp_balance("bob", &pool).unwrap(),
        announced.lp_out.u128()
    );
    assert!(announced.lp_out.u128() > 0);

    // Proportional exit of one LP (1e18) pays floor(b_i * 1e18 / supply) of each.
    let info = suite.pool_info(&pool).unwrap();
    let (b, supply) = (info.assets.map(|a| a.balance.u128()), info.lp_supply.u128());
    let before = [atom.clone(), aly.clone()].map(|a| suite.balance("alice", &a).unwrap());
    let limits = TradeOptions::default().min_amounts_out([1, 1]);
    suite
        .exit_pool_with("alice", &pool, ONE_LP, limits)
        .unwrap();
    for (i, asset) in [&atom, &aly].into_iter().enumerate() {
        let expected = b[i] * ONE_LP / supply;
        assert_eq!(suite.balance("alice", asset).unwrap(), before[i] + expected);
    }

    // A single-asset exit pays what the pool's simulation announced.
    let announced = suite
        .pool_query::<trellis_types::weighted_pool::ExitResponse>(
            &pool,
            &trellis_types::weighted_pool::QueryMsg::SimulateExitSingle {
                lp_amount: Uint128::new(ONE_LP),
                asset: aly.clone(),
            },
        )
        .unwrap();
    let alice_aly = suite.balance("alice", &aly).unwrap();
    suite.exit_single("alice", &pool, ONE_LP, &aly).unwrap();
    assert_eq!(
        suite.balance("alice", &aly).unwrap(),
        alice_aly + announced.amounts_out[1].u128()
    );
    assert_eq!(announced.amounts_out[0].u128(), 0);
}

/// The factory checks a cw20 asset's declared decimals against the token's `TokenInfo`; a
/// pool of an 18-decimal cw20 and a 6-decimal native mints its supply in whole tokens.
#[test]
fn declared_decimals_are_checked_against_the_cw20() {
    let Amm {
        mut suite,
        aly,
        atom,
    } = amm(|o| o);
    let alice = suite.addr("alice");
    let side = |info: &AssetInfo, decimals| WeightedAssetInfo {
        info: info.clone(),
        weight: pct(50),
        decimals,
    };
    let create = |assets| ExecuteMsg::CreatePool {
        assets,
        swap_fee_bps: 30,
        oracle: None,
    };
    // ALY has 6 decimals; declaring 18 is refused.
    let err = suite
        .factory_exec(&alice, &create([side(&atom, 6), side(&aly, 18)]))
        .unwrap_err();
    assert_eq!(
        factory_err(err),
        ContractError::DecimalsMismatch {
            asset: aly.to_string(),
            declared: 18,
            actual: 6,
        }
    );
    // A contract that is no cw20 (the factory itself) has no token info to check against.
    let not_a_token = AssetInfo::cw20(suite.factory().addr.to_string());
    let err = suite
        .factory_exec(&alice, &create([side(&atom, 6), side(&not_a_token, 6)]))
        .unwrap_err();
    assert!(
        matches!(
            factory_err(err),
            ContractError::TokenInfoUnavailable { ref asset, .. } if *asset == not_a_token.to_string()
        ),
        "expected TokenInfoUnavailable"
    );
    // Neither refusal created anything.
    assert!(suite
        .pools_by_assets([atom.clone(), aly.clone()])
        .unwrap()
        .is_empty());

    // An 18-decimal cw20 (WFUSE) with the 6-decimal native: 4 WFUSE = 4e18 and 16 ATOM = 16e6,
    // scaled 16e18. sqrt(4 * 16) = 8 LP; both roots are exact (powers of two), 2e18 - 20_001
    // and 4e18 - 40_001 after pow_down's margin (ceil(r * 1e4 / 1e18) + 1), and their product
    // / 1e18, floored, is 8e18 - 80_002 - 80_004 = 8e18 - 160_006.
    let wfuse = suite
        .create_cw20_with(
            "WFUSE",
            &[(alice.clone(), 4_000_000_000_000_000_000)],
            Cw20Options {
                decimals: 18,
                ..Cw20Options::default()
            },
        )
        .unwrap();
    let pool = suite
        .create_weighted_pool(
            "alice",
            [wfuse.clone(), atom.clone()],
            [pct(50), pct(50)],
            30,
        )
        .unwrap();
    suite.mint_native("alice", "uatom", 16_000_000).unwrap();
    suite
        .provide_liquidity("alice", &pool, [4_000_000_000_000_000_000, 16_000_000])
        .unwrap();
    let supply = suite.pool_info(&pool).unwrap().lp_supply.u128();
    assert_eq!(supply, 8_000_000_000_000_000_000 - 160_006);
    assert_eq!(
        suite.lp_balance("alice", &pool).unwrap(),
        8_000_000_000_000_000_000 - 161_006
    );
}
