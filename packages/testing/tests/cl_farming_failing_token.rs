//! A reward or tier token whose transfers fail never keeps a position in the farming center:
//! exits credit rewards without paying, locked tier tokens that cannot be returned are
//! credited to the owner's balance by the exit's reply, the NFT is withdrawn, and claims wait
//! (failing without losing anything) until the token works again.
use cosmwasm_std::Uint128;
use cw_multi_test::Executor;
use trellis_testing::cl_farming::pausable_token::PausableExecute;
use trellis_testing::cl_farming::world::world;
use trellis_testing::AssetInfo;
use trellis_types::cl_farming::{ExecuteMsg, RewardSpec, Tier, Tiers};

/// Reward: 10,000 of a pausable cw20 at 1/s; tier token: the same kind of token, 100 for 2x.
/// Alice (L = 1000, effective 2000) is alone in range for 1000 s: growth 1000 * 2^128 / 2000 =
/// 2^127 exactly, she earns floor(2^127 * 2000 / 2^128) = 1000.
#[test]
fn failing_tokens_delay_payment_but_never_keep_a_position_in() {
    let mut w = world(0);
    let reward = w.suite.deploy_pausable_token(&[("maker", 10_000)]).unwrap();
    let lock = w.suite.deploy_pausable_token(&[("alice", 100)]).unwrap();
    let (reward_token, lock_token) = (
        AssetInfo::cw20(reward.as_str()),
        AssetInfo::cw20(lock.as_str()),
    );
    let msg = ExecuteMsg::CreateEternalFarm {
        pool: w.pool.to_string(),
        reward: RewardSpec {
            token: reward_token.clone(),
            amount: 10_000u128.into(),
        },
        bonus: None,
        reward_rate: 1u128.into(),
        bonus_rate: Uint128::zero(),
        min_width: 0,
        tiers: Some(Tiers {
            token: lock_token.clone(),
            tiers: vec![Tier {
                amount: 100u128.into(),
                multiplier_bps: 20_000,
            }],
        }),
    };
    let farm = w.create(msg, vec![]);
    assert_eq!(
        w.suite.balance_of(&w.center.addr, &reward_token).unwrap(),
        10_000
    );
    w.deposit("alice", "a", (-60, 60), 1_000, vec![]);
    w.exec(
        "alice",
        &ExecuteMsg::EnterFarm {
            pool: w.pool.to_string(),
            token_id: "a".to_string(),
            farm_id: farm,
            tokens_locked: 100u128.into(),
        },
    )
    .unwrap();
    w.suite.advance_seconds(1_000);
    for token in [&reward, &lock] {
        let owner = w.suite.owner.clone();
        w.suite
            .app
            .execute_contract(
                owner,
                token.clone(),
                &PausableExecute::Pause { pause: true },
                &[],
            )
            .unwrap();
    }
    // The exit works; the lock could not be returned, so it is credited instead.
    w.exit("alice", "a", farm);
    assert_eq!(w.credited_token("alice", &reward_token), (0, 1_000));
    assert_eq!(w.credited_token("alice", &lock_token), (0, 100));
    w.withdraw("alice", "a");
    // A claim fails while the token is paused and loses nothing.
    let claim = |token: &AssetInfo| ExecuteMsg::ClaimReward {
        reward_token: token.clone(),
        recipient: None,
        amount_requested_limit: Uint128::zero(),
        amount_requested_eternal: Uint128::zero(),
    };
    assert!(w.exec("alice", &claim(&reward_token)).is_err());
    assert_eq!(w.credited_token("alice", &reward_token), (0, 1_000));
    for token in [&reward, &lock] {
        let owner = w.suite.owner.clone();
        w.suite
            .app
            .execute_contract(
                owner,
                token.clone(),
                &PausableExecute::Pause { pause: false },
                &[],
            )
            .unwrap();
    }
    w.exec("alice", &claim(&reward_token)).unwrap();
    w.exec("alice", &claim(&lock_token)).unwrap();
    let alice = w.suite.addr("alice");
    assert_eq!(w.suite.balance_of(&alice, &reward_token).unwrap(), 1_000);
    assert_eq!(w.suite.balance_of(&alice, &lock_token).unwrap(), 100);
}
