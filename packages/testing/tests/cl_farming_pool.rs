//! The farming center on the real `contracts/cl-pool`, created through the factory: a
//! position NFT deposited with `SendNft` and entered, swaps that cross its range reported by
//! the pool's hook, fees collected through the center, rewards credited and claimed, the NFT
//! withdrawn.
//!
//! The book: fee 3000 pips, spacing 60, price 1; the position [-60, 60) with 1e6 of each has
//! L = 333850249 (derived in `tests/cl_pool.rs`). Eternal farm, rate 1/s, 10,000 funded.
use cosmwasm_std::{coins, to_json_binary, Uint128};
use trellis_testing::cl_farming::ClFarmingHandle;
use trellis_testing::{AssetInfo, ClPoolHandle, ClPoolOptions, FactoryOptions, Suite};
use trellis_types::cl_farming::{DepositMsg, ExecuteMsg, FarmResponse, QueryMsg, RewardSpec};

const E6: u128 = 1_000_000;
const L: u128 = 333_850_249;

fn setup() -> (Suite, ClPoolHandle, ClFarmingHandle, u64) {
    let mut suite = Suite::new();
    let aaa = suite.register_native("AAA", "uaaa");
    let bbb = suite.register_native("BBB", "ubbb");
    suite
        .deploy_factory(FactoryOptions::new(AssetInfo::native("ualy")))
        .unwrap();
    let pool = suite
        .create_cl_pool_via_factory(
            "owner",
            ClPoolOptions::new([aaa, bbb], 3_000, 60).at_tick(0),
            None,
        )
        .unwrap();
    let factory = suite.factory().addr.clone();
    let center = suite.deploy_cl_farming(&factory, "maker").unwrap();
    suite
        .link_cl_pool_to_center(&pool.address, &center)
        .unwrap();
    suite.mint_native("maker", "urwd", 10_000).unwrap();
    let msg = ExecuteMsg::CreateEternalFarm {
        pool: pool.address.to_string(),
        reward: RewardSpec {
            token: AssetInfo::native("urwd"),
            amount: 10_000u128.into(),
        },
        bonus: None,
        reward_rate: 1u128.into(),
        bonus_rate: Uint128::zero(),
        min_width: 0,
        tiers: None,
    };
    suite
        .farming_exec("maker", &center, &msg, &coins(10_000, "urwd"))
        .unwrap();
    suite.mint_native("alice", "uaaa", E6).unwrap();
    suite.mint_native("alice", "ubbb", E6).unwrap();
    let token_id = suite.cl_mint("alice", &pool, -60, 60, [E6, E6]).unwrap();
    assert_eq!(token_id, "1");
    (suite, pool, center, 1)
}

/// 100 s in range, then a swap pushes the price below -60 (the hook reports the crossing and
/// the farm's in-range liquidity drops to 0), 100 s out of range (nothing spent), exit:
/// growth floor(100 * 2^128 / L) is not whole, so Alice earns floor(100 - e) = 99; the farm
/// spent 100 and, with no position left, takes the unit back: reserve 10000 - 99 = 9901.
#[test]
fn a_real_position_farms_only_while_in_range() {
    let (mut suite, pool, center, farm) = setup();
    let deposit = to_json_binary(&DepositMsg { enter: vec![farm] }).unwrap();
    suite
        .cl_send_position("alice", &pool, "1", &center.addr, deposit)
        .unwrap();
    assert_eq!(
        suite.cl_position_owner(&pool, "1").unwrap(),
        center.addr.as_str()
    );
    let deposit: trellis_types::cl_farming::DepositResponse = suite
        .farming_query(
            &center,
            &QueryMsg::Deposit {
                pool: pool.address.to_string(),
                token_id: "1".to_string(),
            },
        )
        .unwrap();
    assert_eq!(
        (deposit.liquidity.u128(), deposit.farms[0].liquidity.u128()),
        (L, L)
    );
    // The pool now marks the range ends for the farm.
    assert!(suite.cl_tick(&pool, -60).unwrap().farming_mark);
    assert!(suite.cl_tick(&pool, 60).unwrap().farming_mark);

    suite.advance_seconds(100);
    suite.mint_native("trader", "uaaa", 10 * E6).unwrap();
    let swap = suite.cl_swap_to_tick("trader", &pool, -120).unwrap();
    assert!(swap.ticks_crossed >= 1);
    let vp: trellis_types::cl_farming::VirtualPoolResponse = suite
        .farming_query(&center, &QueryMsg::VirtualPool { farm_id: farm })
        .unwrap();
    assert_eq!(vp.liquidity, Uint128::zero());
    assert!(vp.tick < -60);
    suite.advance_seconds(100);

    // Fees collected while farmed go to Alice, as the pool computes them.
    let before = suite.balance("alice", &pool.assets[0]).unwrap();
    let res = suite
        .farming_exec(
            "alice",
            &center,
            &ExecuteMsg::CollectFees {
                pool: pool.address.to_string(),
                token_id: "1".to_string(),
                recipient: None,
                amount_max: None,
            },
            &[],
        )
        .unwrap();
    let collected: u128 = res
        .events
        .iter()
        .filter(|e| e.ty == "wasm")
        .flat_map(|e| e.attributes.iter())
        .find(|a| a.key == "amount_0")
        .map(|a| a.value.parse().unwrap())
        .expect("the pool's collect event");
    assert!(collected > 0);
    assert_eq!(
        suite.balance("alice", &pool.assets[0]).unwrap(),
        before + collected
    );

    let exit = ExecuteMsg::ExitFarm {
        pool: pool.address.to_string(),
        token_id: "1".to_string(),
        farm_id: farm,
    };
    suite.farming_exec("alice", &center, &exit, &[]).unwrap();
    let state: FarmResponse = suite
        .farming_query(&center, &QueryMsg::Farm { farm_id: farm })
        .unwrap();
    assert_eq!(state.credited[0].u128(), 99);
    assert_eq!(state.reserve[0].u128(), 9_901);
    // The marks are gone with the farm's last position.
    assert!(!suite
        .cl_tick(&pool, 60)
        .map(|t| t.farming_mark)
        .unwrap_or(false));

    let claim = ExecuteMsg::ClaimReward {
        reward_token: AssetInfo::native("urwd"),
        recipient: None,
        amount_requested_limit: Uint128::zero(),
        amount_requested_eternal: Uint128::zero(),
    };
    suite.farming_exec("alice", &center, &claim, &[]).unwrap();
    assert_eq!(
        suite.balance("alice", &AssetInfo::native("urwd")).unwrap(),
        99
    );
    let withdraw = ExecuteMsg::WithdrawToken {
        pool: pool.address.to_string(),
        token_id: "1".to_string(),
        recipient: None,
    };
    suite
        .farming_exec("alice", &center, &withdraw, &[])
        .unwrap();
    assert_eq!(
        suite.cl_position_owner(&pool, "1").unwrap(),
        suite.addr("alice").as_str()
    );
}

/// The pool's owner points the pool at another farming center while a position is farmed
/// here. This center may no longer mark or unmark ticks on the pool (`NotFarmingCenter`), yet
/// the position must still exit and its NFT leave. `SyncPoolLink` deactivates the farm at
/// that moment, 50 s after the entry: the virtual pool still has L in range, so Alice earns
/// floor(floor(50 * 2^128 / L) * L / 2^128) = 49 (50 * 2^128 is not a multiple of L, which
/// is odd), and the farm, empty again, takes the unit back: reserve 10000 - 49 = 9951.
#[test]
fn a_position_leaves_after_the_pool_changed_its_farming_center() {
    let (mut suite, pool, center, farm) = setup();
    let deposit = to_json_binary(&DepositMsg { enter: vec![farm] }).unwrap();
    suite
        .cl_send_position("alice", &pool, "1", &center.addr, deposit)
        .unwrap();
    suite.advance_seconds(50);
    let elsewhere = suite.addr("another-center");
    let owner = suite.owner.clone();
    suite
        .execute_contract(
            owner,
            pool.address.clone(),
            &trellis_types::cl_pool::ExecuteMsg::SetFarmingCenter {
                farming_center: Some(elsewhere.to_string()),
            },
            &[],
        )
        .unwrap();
    let sync = ExecuteMsg::SyncPoolLink {
        pool: pool.address.to_string(),
    };
    suite.farming_exec("anyone", &center, &sync, &[]).unwrap();
    let exit = ExecuteMsg::ExitFarm {
        pool: pool.address.to_string(),
        token_id: "1".to_string(),
        farm_id: farm,
    };
    suite.farming_exec("alice", &center, &exit, &[]).unwrap();
    let state: FarmResponse = suite
        .farming_query(&center, &QueryMsg::Farm { farm_id: farm })
        .unwrap();
    assert_eq!(state.credited[0].u128(), 49);
    assert_eq!(state.reserve[0].u128(), 9_951);
    // The marks stay on the pool: only its new center may clear them.
    assert!(suite.cl_tick(&pool, -60).unwrap().farming_mark);
    let withdraw = ExecuteMsg::WithdrawToken {
        pool: pool.address.to_string(),
        token_id: "1".to_string(),
        recipient: None,
    };
    suite
        .farming_exec("alice", &center, &withdraw, &[])
        .unwrap();
    assert_eq!(
        suite.cl_position_owner(&pool, "1").unwrap(),
        suite.addr("alice").as_str()
    );
}
