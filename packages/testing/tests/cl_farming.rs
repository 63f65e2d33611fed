//! The farming center on a scripted pool (exact liquidities, a tick the test moves, the real
//! pool's hook protocol): the seed's two worked cases, our own cases, and every refusal with
//! a storage snapshot. Numbers are derived by hand in the comments from:
//! - eternal: each touch spends `min(rate * dt, reserve)` into growth `floor(spent * 2^128 / L)`
//!   while farmed liquidity L is in range; a position earns `floor(growth inside delta * l /
//!   2^128)`;
//! - limit: seconds per liquidity grow by `floor(dt * 2^128 / L)` inside the campaign while L is
//!   in range; a position earns `floor(total * seconds inside * l / (active secs * 2^128))`, or
//!   `floor(total * l / entered)` when nothing was ever in range.
use cosmwasm_std::{coin, coins, Addr, Uint128};
use cw_multi_test::Executor;
use trellis_cl_farming::ContractError;
use trellis_testing::cl_farming::world::{bonus, reward, world, BONUS, LOCK, REWARD};
use trellis_testing::cl_farming::{ScriptedExecute, ScriptedQuery};
use trellis_testing::AssetInfo;
use trellis_types::cl_farming::{
    DepositResponse, ExecuteMsg, QueryMsg, Tier, Tiers, VirtualPoolResponse,
};

/// Seed case 1. Rate 1/s, reserve 10,000; A (L = 1000) and B (L = 3000) in [-60, 60) at
/// tick 0 for 1000 s: spent min(1 * 1000, 10000) = 1000 over L = 4000, growth
/// floor(1000 * 2^128 / 4000) = 2^126 exactly, A earns floor(2^126 * 1000 / 2^128) = 250 and B
/// 750 with nothing lost to rounding; the reserve is 10000 - 1000 = 9000.
#[test]
fn eternal_seed_case_pays_a_quarter_and_three_quarters() {
    let mut w = world(0);
    let farm = w.eternal(10_000, 1);
    w.deposit("alice", "a", (-60, 60), 1_000, vec![farm]);
    w.deposit("bob", "b", (-60, 60), 3_000, vec![farm]);
    w.suite.advance_seconds(1_000);
    assert_eq!(w.pending("a", farm), [250, 0]);
    w.exit("alice", "a", farm);
    w.exit("bob", "b", farm);
    assert_eq!(w.credited("alice", REWARD), (0, 250));
    assert_eq!(w.credited("bob", REWARD), (0, 750));
    let state = w.farm(farm);
    assert_eq!(state.reserve[0].u128(), 9_000);
    assert_eq!(state.credited[0].u128(), 1_000);
    // Claiming pays the balance (0 = all) and empties it.
    w.exec(
        "alice",
        &ExecuteMsg::ClaimReward {
            reward_token: AssetInfo::native(REWARD),
            recipient: None,
            amount_requested_limit: Uint128::zero(),
            amount_requested_eternal: Uint128::zero(),
        },
    )
    .unwrap();
    assert_eq!(
        w.suite
            .balance("alice", &AssetInfo::native(REWARD))
            .unwrap(),
        250
    );
    assert_eq!(w.credited("alice", REWARD), (0, 0));
}

/// Seed case 2. Limit [1000, 2000] paying 1000; A in [0, 100) (L = 1000) in range until
/// t = 1600, B in [-100, 200) (L = 1000) always; the tick starts at 50:
/// - 1000..1600 at L = 2000: seconds per liquidity floor(600 * 2^128 / 2000) (0.3, floored);
/// - 1600..2000 at L = 1000 (the price moved to 150, above A): + floor(400 * 2^128 / 1000);
/// - active seconds 1000; A floor(1000 * g1 * 1000 / (1000 * 2^128)) = 299 (g1 < 0.3 * 2^128
///   by the floor), B floor(1000 * (g1 + g2) * 1000 / (1000 * 2^128)) = 699: 300 and 700 less
///   one unit each;
/// - after both left, the 2 units of rounding go back to the maker.
#[test]
fn limit_seed_case_pays_by_seconds_in_range() {
    let mut w = world(50);
    let start_in = 1_000;
    let farm = w.limit(1_000, start_in, 2_000);
    w.deposit("alice", "a", (0, 100), 1_000, vec![farm]);
    w.deposit("bob", "b", (-100, 200), 1_000, vec![farm]);
    w.suite.advance_seconds(1_600);
    w.move_to(150);
    w.suite.advance_seconds(400);
    w.exit("alice", "a", farm);
    w.exit("bob", "b", farm);
    assert_eq!(w.credited("alice", REWARD), (299, 0));
    assert_eq!(w.credited("bob", REWARD), (699, 0));
    let vp: VirtualPoolResponse = w
        .suite
        .farming_query(&w.center, &QueryMsg::VirtualPool { farm_id: farm })
        .unwrap();
    assert_eq!(vp.active_secs, 1_000);
    w.exec(
        "maker",
        &ExecuteMsg::RefundLimitFarm {
            farm_id: farm,
            recipient: None,
        },
    )
    .unwrap();
    let state = w.farm(farm);
    assert_eq!((state.refunded[0].u128(), state.reserve[0].u128()), (2, 0));
}

/// A alone (L = 1000) in [-60, 60): 100 s in range (100 spent), 100 s out of range above
/// (tick 100: nothing spent, postponed), 100 s back in range (100 more): 200 spent. Each step
/// adds growth floor(100 * 2^128 / 1000) = floor(2^128 / 10), not a whole number, so A earns
/// floor(2 * floor(2^128 / 10) * 1000 / 2^128) = 199; the unit lost to rounding goes back to
/// the reserve when the last position leaves: 10000 - 199 = 9801.
#[test]
fn out_of_range_time_is_postponed_not_spent() {
    let mut w = world(0);
    let farm = w.eternal(10_000, 1);
    w.deposit("alice", "a", (-60, 60), 1_000, vec![farm]);
    w.suite.advance_seconds(100);
    w.move_to(100);
    w.suite.advance_seconds(100);
    assert_eq!(w.farm(farm).reserve[0].u128(), 9_900);
    w.move_to(0);
    w.suite.advance_seconds(100);
    w.exit("alice", "a", farm);
    assert_eq!(w.credited("alice", REWARD), (0, 199));
    assert_eq!(w.farm(farm).reserve[0].u128(), 9_801);
}

/// Rate 1 for 100 s then 3 for 100 s, A (L = 1024) alone: growth floor(100 * 2^128 / 1024)
/// and floor(300 * 2^128 / 1024), both whole (1024 is a power of two): A earns 100 + 300 = 400.
/// A late entry: B (L = 1024) enters after the rate change and shares the second half:
/// the second 100 s spend 300 over 2048, A and B earn 150 each; A in all 100 + 150 = 250.
#[test]
fn rate_changes_apply_from_now_and_late_entries_share_from_their_entry() {
    let mut w = world(0);
    let farm = w.eternal(10_000, 1);
    w.deposit("alice", "a", (-60, 60), 1_024, vec![farm]);
    w.suite.advance_seconds(100);
    w.exec(
        "maker",
        &ExecuteMsg::SetRates {
            farm_id: farm,
            reward_rate: 3u128.into(),
            bonus_rate: Uint128::zero(),
        },
    )
    .unwrap();
    w.deposit("bob", "b", (-60, 60), 1_024, vec![farm]);
    w.suite.advance_seconds(100);
    assert_eq!(w.pending("a", farm), [250, 0]);
    assert_eq!(w.pending("b", farm), [150, 0]);
}

/// Tiers with a bonus token: lock 100 ulock for 2x, 500 for 5x. A (L = 1000) locks 100
/// (effective 2000), B (L = 2000) locks nothing (2000): 4000 in all. Reward 1/s and bonus 2/s
/// for 1000 s: growth 1000 * 2^128 / 4000 = 2^126 and 2000 * 2^128 / 4000 = 2^127 exactly; A
/// and B earn 500 reward and 1000 bonus each. A's 100 ulock come back on exit.
#[test]
fn tiers_multiply_liquidity_and_a_bonus_token_pays_alongside() {
    let mut w = world(0);
    let msg = ExecuteMsg::CreateEternalFarm {
        pool: w.pool.to_string(),
        reward: reward(10_000),
        bonus: Some(bonus(10_000)),
        reward_rate: 1u128.into(),
        bonus_rate: 2u128.into(),
        min_width: 0,
        tiers: Some(Tiers {
            token: AssetInfo::native(LOCK),
            tiers: vec![
                Tier {
                    amount: 100u128.into(),
                    multiplier_bps: 20_000,
                },
                Tier {
                    amount: 500u128.into(),
                    multiplier_bps: 50_000,
                },
            ],
        }),
    };
    let farm = w.create(msg, vec![coin(10_000, BONUS), coin(10_000, REWARD)]);
    w.deposit("alice", "a", (-60, 60), 1_000, vec![]);
    w.deposit("bob", "b", (-60, 60), 2_000, vec![farm]);
    w.suite.mint_native("alice", LOCK, 100).unwrap();
    w.exec_with(
        "alice",
        &ExecuteMsg::EnterFarm {
            pool: w.pool.to_string(),
            token_id: "a".to_string(),
            farm_id: farm,
            tokens_locked: 100u128.into(),
        },
        &coins(100, LOCK),
    )
    .unwrap();
    let deposit: DepositResponse = w
        .suite
        .farming_query(
            &w.center,
            &QueryMsg::Deposit {
                pool: w.pool.to_string(),
                token_id: "a".to_string(),
            },
        )
        .unwrap();
    assert_eq!(deposit.farms[0].liquidity.u128(), 2_000);
    w.suite.advance_seconds(1_000);
    w.exit("alice", "a", farm);
    w.exit("bob", "b", farm);
    assert_eq!(w.credited("alice", REWARD), (0, 500));
    assert_eq!(w.credited("alice", BONUS), (0, 1_000));
    assert_eq!(w.credited("bob", BONUS), (0, 1_000));
    assert_eq!(
        w.suite.balance("alice", &AssetInfo::native(LOCK)).unwrap(),
        100
    );
}

/// A limit farm no farmed liquidity is ever in range of (tick 0; A in [100, 200) with L = 1000,
/// B in [300, 400) with 3000): no active second, so the 1000 is split by liquidity:
/// floor(1000 * 1000 / 4000) = 250 and 750.
#[test]
fn a_limit_farm_no_one_is_in_range_of_pays_pro_rata() {
    let mut w = world(0);
    let farm = w.limit(1_000, 100, 200);
    w.deposit("alice", "a", (100, 200), 1_000, vec![farm]);
    w.deposit("bob", "b", (300, 400), 3_000, vec![farm]);
    w.suite.advance_seconds(300);
    w.exit("alice", "a", farm);
    w.exit("bob", "b", farm);
    assert_eq!(w.credited("alice", REWARD), (250, 0));
    assert_eq!(w.credited("bob", REWARD), (750, 0));
    assert_eq!(
        w.err(
            "maker",
            &ExecuteMsg::RefundLimitFarm {
                farm_id: farm,
                recipient: None
            }
        ),
        ContractError::NothingToRefund
    );
}

/// Deactivated after 100 s (A, L = 1000, alone: growth 100 * 2^128 / 1000 floored, A earns
/// 99 of the 100 spent): accrual stops, entries and top-ups are refused, A can still exit and
/// withdraw, and the maker takes back the reserve (9900, plus the rounding unit once A left).
#[test]
fn a_deactivated_farm_stops_and_lets_everyone_out() {
    let mut w = world(0);
    let farm = w.eternal(10_000, 1);
    w.deposit("alice", "a", (-60, 60), 1_000, vec![farm]);
    w.suite.advance_seconds(100);
    w.exec("maker", &ExecuteMsg::Deactivate { farm_id: farm })
        .unwrap();
    w.suite.advance_seconds(100);
    assert_eq!(w.pending("a", farm), [99, 0]);
    w.deposit("bob", "b", (-60, 60), 1_000, vec![]);
    let before = w.snapshot();
    let enter = ExecuteMsg::EnterFarm {
        pool: w.pool.to_string(),
        token_id: "b".to_string(),
        farm_id: farm,
        tokens_locked: Uint128::zero(),
    };
    assert_eq!(
        w.err("bob", &enter),
        ContractError::FarmNotLive { farm_id: farm }
    );
    assert_eq!(w.snapshot(), before);
    w.exit("alice", "a", farm);
    assert_eq!(w.credited("alice", REWARD), (0, 99));
    assert_eq!(w.farm(farm).reserve[0].u128(), 9_901);
    w.exec(
        "maker",
        &ExecuteMsg::DecreaseRewards {
            farm_id: farm,
            reward_amount: 9_901u128.into(),
            bonus_amount: Uint128::zero(),
            recipient: None,
        },
    )
    .unwrap();
    assert_eq!(
        w.suite
            .balance("maker", &AssetInfo::native(REWARD))
            .unwrap(),
        1_000_000 - 10_000 + 9_901
    );
    w.withdraw("alice", "a");
    let owner: Addr = w
        .suite
        .app
        .wrap()
        .query_wasm_smart(
            &w.pool,
            &ScriptedQuery::OwnerOf {
                token_id: "a".to_string(),
            },
        )
        .unwrap();
    assert_eq!(owner, w.suite.addr("alice"));
}

/// A report that skips one of the farm's ticks (the price "moved" from 0 to -1000 past -60
/// with nothing reported) deactivates the farm at once; a link the pool no longer keeps does
/// so through `SyncPoolLink`.
#[test]
fn contradictory_reports_and_broken_links_deactivate() {
    let mut w = world(0);
    let farm = w.eternal(10_000, 1);
    w.deposit("alice", "a", (-60, 60), 1_000, vec![farm]);
    w.suite.advance_seconds(10);
    let hook = ExecuteMsg::Crossed {
        ticks: vec![],
        zero_for_one: true,
        tick_after: -1_000,
        time: w.suite.time(),
    };
    let pool = w.pool.clone();
    w.suite
        .app
        .execute_contract(pool.clone(), w.center.addr.clone(), &hook, &[])
        .unwrap();
    let state = w.farm(farm);
    assert_eq!(state.deactivated_at, Some(w.suite.time()));
    assert!(!state.live);
    // A stranger cannot report.
    let err: ContractError = w.err("mallory", &hook);
    assert!(matches!(err, ContractError::UnknownReporter { .. }));

    // A second farm on a pool whose center moved away.
    let mut w = world(0);
    let farm = w.eternal(10_000, 1);
    let sync = ExecuteMsg::SyncPoolLink {
        pool: w.pool.to_string(),
    };
    assert!(matches!(
        w.err("anyone", &sync),
        ContractError::LinkHealthy { .. }
    ));
    let pool = w.pool.clone();
    w.suite
        .scripted_exec(
            "owner",
            &pool,
            &ScriptedExecute::SetFarmingCenter {
                farming_center: None,
            },
        )
        .unwrap();
    w.exec("anyone", &sync).unwrap();
    assert!(!w.farm(farm).live);
}

/// One position in an eternal and a limit farm at once (entered with the deposit), and its
/// pool fees collected through the center while farmed.
#[test]
fn one_position_in_both_kinds_and_fees_collected_while_farmed() {
    let mut w = world(0);
    let eternal = w.eternal(10_000, 1);
    let limit = w.limit(1_000, 100, 1_100);
    w.deposit("alice", "a", (-60, 60), 1_000, vec![eternal, limit]);
    // Eternal: 1100 s at rate 1 over L = 1000: growth floor(1100 * 2^128 / 1000) -> 1099.
    // Limit: alone and always in range for the whole campaign: floor(1000 * g * 1000 /
    // (1000 * 2^128)) with g = floor(1000 * 2^128 / 1000) = 2^128 exactly: 1000.
    w.suite.advance_seconds(1_100);
    w.exec(
        "alice",
        &ExecuteMsg::CollectFees {
            pool: w.pool.to_string(),
            token_id: "a".to_string(),
            recipient: None,
            amount_max: None,
        },
    )
    .unwrap();
    let collects: Vec<(String, String)> = w
        .suite
        .app
        .wrap()
        .query_wasm_smart(&w.pool, &ScriptedQuery::Collects {})
        .unwrap();
    assert_eq!(
        collects,
        vec![("a".to_string(), w.suite.addr("alice").to_string())]
    );
    w.exit("alice", "a", eternal);
    w.exit("alice", "a", limit);
    assert_eq!(w.credited("alice", REWARD), (1_000, 1_099));
    w.exec(
        "alice",
        &ExecuteMsg::ClaimReward {
            reward_token: AssetInfo::native(REWARD),
            recipient: None,
            amount_requested_limit: 400u128.into(),
            amount_requested_eternal: 5_000u128.into(),
        },
    )
    .unwrap();
    // 400 from the limit balance, the eternal request capped at its 1099.
    assert_eq!(w.credited("alice", REWARD), (600, 0));
    assert_eq!(
        w.suite
            .balance("alice", &AssetInfo::native(REWARD))
            .unwrap(),
        1_499
    );
}

/// The extremes of liquidity with 18- and 6-decimal rewards, on the contract:
/// - L = 2^127 - 1 alone (the most a tick's signed net liquidity holds, v3's int128): 1e30
///   funded at 1e24 a second for 1000 s, spent 1e27; growth floor(1e27 * 2^128 / (2^127 - 1))
///   = 2e27 (the excess 2e27 / (2^127 - 1) is below one), earned floor(2e27 * (2^127 - 1) /
///   2^128) = 1e27 - 1; the unit goes back to the reserve when the position leaves;
/// - L = 1 alone, 6 decimals at 1 unit a second for 1000 s: growth 1000 * 2^128, earned 1000;
/// - L = 2^127 is refused (`LiquidityOverflow`) rather than wrapped.
#[test]
fn precision_holds_for_the_largest_and_smallest_liquidity() {
    for (liquidity, funded, rate, expected) in [
        (
            (1u128 << 127) - 1,
            10u128.pow(30),
            10u128.pow(24),
            10u128.pow(27) - 1,
        ),
        (1, 1_000_000, 1, 1_000),
    ] {
        let mut w = world(0);
        w.suite.mint_native("maker", REWARD, funded).unwrap();
        let farm = w.eternal(funded, rate);
        w.deposit("alice", "a", (-60, 60), liquidity, vec![farm]);
        w.suite.advance_seconds(1_000);
        w.exit("alice", "a", farm);
        assert_eq!(w.credited("alice", REWARD), (0, expected));
        assert_eq!(w.farm(farm).reserve[0].u128(), funded - expected);
    }
    let mut w = world(0);
    let farm = w.eternal(1_000, 1);
    let (pool, center) = (w.pool.clone(), w.center.clone());
    let err = w
        .suite
        .scripted_deposit(
            "alice",
            &pool,
            &center,
            ("a", -60, 60, 1u128 << 127),
            vec![farm],
        )
        .unwrap_err();
    assert_eq!(
        err.downcast::<ContractError>().unwrap(),
        ContractError::LiquidityOverflow
    );
}
