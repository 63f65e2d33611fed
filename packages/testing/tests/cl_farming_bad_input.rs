//! Every refusal of the farming center is a typed error and leaves its storage exactly as it
//! was (a full snapshot before and after).
use cosmwasm_std::{coin, coins, to_json_binary, Uint128};
use cw_multi_test::Executor;
use trellis_cl_farming::ContractError;
use trellis_testing::cl_farming::world::{bonus, reward, world, World, BONUS, REWARD};
use trellis_testing::cl_farming::ScriptedExecute;
use trellis_testing::AssetInfo;
use trellis_types::cl_farming::{DepositMsg, ExecuteMsg, Tier, Tiers};

fn refused(
    w: &mut World,
    sender: &str,
    msg: &ExecuteMsg,
    funds: &[cosmwasm_std::Coin],
) -> ContractError {
    let before = w.snapshot();
    let err = w
        .exec_with(sender, msg, funds)
        .expect_err("expected a refusal")
        .downcast()
        .expect("a farming error");
    assert_eq!(w.snapshot(), before, "{err:?} changed the center's storage");
    err
}

fn eternal_msg(w: &World, amount: u128, rate: u128, tiers: Option<Tiers>) -> ExecuteMsg {
    ExecuteMsg::CreateEternalFarm {
        pool: w.pool.to_string(),
        reward: reward(amount),
        bonus: None,
        reward_rate: rate.into(),
        bonus_rate: Uint128::zero(),
        min_width: 0,
        tiers,
    }
}

fn tiers(levels: &[(u128, u32)]) -> Option<Tiers> {
    Some(Tiers {
        token: AssetInfo::native("ulock"),
        tiers: levels
            .iter()
            .map(|&(amount, multiplier_bps)| Tier {
                amount: amount.into(),
                multiplier_bps,
            })
            .collect(),
    })
}

/// A scripted pool the factory knows but does not list.
fn unlisted_pool(w: &mut World) -> cosmwasm_std::Addr {
    let factory = w.factory.clone();
    let pool = w.suite.deploy_scripted_pool(&factory, 0).unwrap();
    let unlist = trellis_testing::cl_farming::ScriptedFactoryExecute::List {
        pool: pool.to_string(),
        listed: false,
    };
    let owner = w.suite.owner.clone();
    w.suite
        .app
        .execute_contract(owner, factory, &unlist, &[])
        .unwrap();
    pool
}

#[test]
fn farm_creation_refusals() {
    let mut w = world(0);
    let funds = coins(1_000, REWARD);
    let msg = eternal_msg(&w, 1_000, 1, None);
    w.suite.mint_native("mallory", REWARD, 1_000).unwrap();
    assert_eq!(
        refused(&mut w, "mallory", &msg, &funds),
        ContractError::NotIncentiveMaker
    );
    let zero = eternal_msg(&w, 0, 1, None);
    assert_eq!(
        refused(&mut w, "maker", &zero, &[]),
        ContractError::ZeroReward
    );
    let no_rate = eternal_msg(&w, 1_000, 0, None);
    assert_eq!(
        refused(&mut w, "maker", &no_rate, &funds),
        ContractError::ZeroRate
    );
    // Funds must be exactly what the farm is funded with.
    assert_eq!(
        refused(&mut w, "maker", &msg, &coins(999, REWARD)),
        ContractError::WrongFunds {
            expected: "1000urwd".to_string(),
            got: "999urwd".to_string(),
        }
    );
    assert!(matches!(
        refused(
            &mut w,
            "maker",
            &msg,
            &[coin(1_000, REWARD), coin(1, BONUS)]
        ),
        ContractError::WrongFunds { .. }
    ));
    // Tiers out of order, out of bounds, too many, or starting at zero.
    for bad in [
        tiers(&[(500, 20_000), (100, 30_000)]),
        tiers(&[(100, 30_000), (500, 20_000)]),
        tiers(&[(100, 9_999)]),
        tiers(&[(100, 50_001)]),
        tiers(&[(0, 20_000)]),
        tiers(&[(1, 11_000), (2, 12_000), (3, 13_000), (4, 14_000)]),
        tiers(&[]),
    ] {
        let msg = eternal_msg(&w, 1_000, 1, bad);
        assert_eq!(
            refused(&mut w, "maker", &msg, &funds),
            ContractError::InvalidTiers {
                max: 3,
                min_bps: 10_000,
                max_bps: 50_000
            }
        );
    }
    let same = ExecuteMsg::CreateEternalFarm {
        pool: w.pool.to_string(),
        reward: reward(1_000),
        // The reward token again as the bonus.
        bonus: Some(reward(1_000)),
        reward_rate: 1u128.into(),
        bonus_rate: 1u128.into(),
        min_width: 0,
        tiers: None,
    };
    assert!(matches!(
        refused(&mut w, "maker", &same, &coins(2_000, REWARD)),
        ContractError::SameRewardAndBonus { .. }
    ));
    let bonus_without_rate = ExecuteMsg::CreateEternalFarm {
        pool: w.pool.to_string(),
        reward: reward(1_000),
        bonus: Some(bonus(1_000)),
        reward_rate: 1u128.into(),
        bonus_rate: Uint128::zero(),
        min_width: 0,
        tiers: None,
    };
    assert_eq!(
        refused(
            &mut w,
            "maker",
            &bonus_without_rate,
            &[coin(1_000, BONUS), coin(1_000, REWARD)]
        ),
        ContractError::ZeroRate
    );
    // Limit times: start not after now, end not after start, longer than a year.
    let now = w.suite.time();
    for (start, end) in [
        (now, now + 10),
        (now + 10, now + 10),
        (now + 1, now + 2 + 365 * 86_400),
    ] {
        let msg = ExecuteMsg::CreateLimitFarm {
            pool: w.pool.to_string(),
            reward: reward(1_000),
            bonus: None,
            start,
            end,
            min_width: 0,
            tiers: None,
        };
        assert!(matches!(
            refused(&mut w, "maker", &msg, &funds),
            ContractError::InvalidLimitTimes { .. }
        ));
    }
    // A pool the factory does not list.
    let stranger = unlisted_pool(&mut w);
    let msg = ExecuteMsg::CreateEternalFarm {
        pool: stranger.to_string(),
        reward: reward(1_000),
        bonus: None,
        reward_rate: 1u128.into(),
        bonus_rate: Uint128::zero(),
        min_width: 0,
        tiers: None,
    };
    assert!(matches!(
        refused(&mut w, "maker", &msg, &funds),
        ContractError::NotClPool { .. }
    ));
    // One live farm of each kind per pool.
    let first = w.eternal(1_000, 1);
    let msg = eternal_msg(&w, 1_000, 1, None);
    assert_eq!(
        refused(&mut w, "maker", &msg, &funds),
        ContractError::LiveFarmExists {
            pool: w.pool.to_string(),
            kind: "eternal",
            farm_id: first,
        }
    );
}

#[test]
fn position_refusals() {
    let mut w = world(0);
    let eternal = w.eternal(10_000, 1);
    let limit = w.limit(1_000, 100, 200);
    w.deposit("alice", "a", (-60, 60), 1_000, vec![eternal, limit]);
    let pool = w.pool.to_string();
    let enter = |farm_id: u64, token_id: &str| ExecuteMsg::EnterFarm {
        pool: pool.clone(),
        token_id: token_id.to_string(),
        farm_id,
        tokens_locked: Uint128::zero(),
    };
    // Entering twice.
    assert_eq!(
        refused(&mut w, "alice", &enter(eternal, "a"), &[]),
        ContractError::AlreadyInFarm {
            token_id: "a".to_string(),
            kind: "eternal",
            farm_id: eternal,
        }
    );
    // Someone else's position.
    assert!(matches!(
        refused(&mut w, "mallory", &enter(eternal, "a"), &[]),
        ContractError::NotDepositOwner { .. }
    ));
    // Exiting a limit farm before its end, withdrawing while farmed.
    let exit_limit = ExecuteMsg::ExitFarm {
        pool: pool.clone(),
        token_id: "a".to_string(),
        farm_id: limit,
    };
    assert!(matches!(
        refused(&mut w, "alice", &exit_limit, &[]),
        ContractError::LimitFarmNotEnded { .. }
    ));
    let withdraw = ExecuteMsg::WithdrawToken {
        pool: pool.clone(),
        token_id: "a".to_string(),
        recipient: None,
    };
    assert!(matches!(
        refused(&mut w, "alice", &withdraw, &[]),
        ContractError::StillFarmed { .. }
    ));
    // Entering a limit farm after its start; an unknown farm; an unknown deposit.
    w.deposit("bob", "b", (-60, 60), 1_000, vec![]);
    w.suite.advance_seconds(100);
    assert!(matches!(
        refused(&mut w, "bob", &enter(limit, "b"), &[]),
        ContractError::LimitFarmStarted { .. }
    ));
    assert_eq!(
        refused(&mut w, "bob", &enter(77, "b"), &[]),
        ContractError::UnknownFarm { farm_id: 77 }
    );
    assert!(matches!(
        refused(&mut w, "bob", &enter(eternal, "zz"), &[]),
        ContractError::UnknownDeposit { .. }
    ));
    // Locking tokens in a farm without tiers.
    let locked = ExecuteMsg::EnterFarm {
        pool: pool.clone(),
        token_id: "b".to_string(),
        farm_id: eternal,
        tokens_locked: 5u128.into(),
    };
    w.suite.mint_native("bob", "ulock", 5).unwrap();
    assert_eq!(
        refused(&mut w, "bob", &locked, &coins(5, "ulock")),
        ContractError::NoTiers
    );
    // Claiming what is someone else's: Bob has no balance of his own.
    let claim = ExecuteMsg::ClaimReward {
        reward_token: AssetInfo::native(REWARD),
        recipient: None,
        amount_requested_limit: Uint128::zero(),
        amount_requested_eternal: Uint128::zero(),
    };
    assert_eq!(
        refused(&mut w, "bob", &claim, &[]),
        ContractError::NothingToClaim
    );
    // Not the maker.
    assert_eq!(
        refused(
            &mut w,
            "alice",
            &ExecuteMsg::Deactivate { farm_id: eternal },
            &[]
        ),
        ContractError::NotIncentiveMaker
    );
    assert_eq!(
        refused(
            &mut w,
            "alice",
            &ExecuteMsg::SetRates {
                farm_id: eternal,
                reward_rate: 5u128.into(),
                bonus_rate: Uint128::zero()
            },
            &[]
        ),
        ContractError::NotIncentiveMaker
    );
    // Taking back more than the undistributed reserve (100 s at 1/s were spent).
    let too_much = ExecuteMsg::DecreaseRewards {
        farm_id: eternal,
        reward_amount: 9_901u128.into(),
        bonus_amount: Uint128::zero(),
        recipient: None,
    };
    assert_eq!(
        refused(&mut w, "maker", &too_much, &[]),
        ContractError::InsufficientReserve {
            requested: 9_901u128.into(),
            available: 9_900u128.into(),
        }
    );
    // A limit farm refunded before its end.
    let refund = ExecuteMsg::RefundLimitFarm {
        farm_id: limit,
        recipient: None,
    };
    assert!(matches!(
        refused(&mut w, "maker", &refund, &[]),
        ContractError::LimitFarmNotEnded { .. }
    ));
}

#[test]
fn deposit_refusals() {
    let mut w = world(0);
    let farm = w.eternal(10_000, 1);
    // An NFT from a collection the factory does not list as a concentrated pool.
    let stranger = unlisted_pool(&mut w);
    let before = w.snapshot();
    let center = w.center.clone();
    let err = w
        .suite
        .scripted_deposit("alice", &stranger, &center, ("x", -60, 60, 1_000), vec![])
        .unwrap_err();
    assert!(matches!(
        err.downcast::<ContractError>().unwrap(),
        ContractError::NotClPool { .. }
    ));
    assert_eq!(w.snapshot(), before);
    // An empty position; a malformed payload; a range narrower than the farm's minimum.
    let pool = w.pool.clone();
    let err = w
        .suite
        .scripted_deposit("alice", &pool, &center, ("e", -60, 60, 0), vec![])
        .unwrap_err();
    assert!(matches!(
        err.downcast::<ContractError>().unwrap(),
        ContractError::EmptyPosition { .. }
    ));
    let owner = w.suite.addr("alice").to_string();
    w.suite
        .scripted_exec(
            "alice",
            &pool,
            &ScriptedExecute::Mint {
                token_id: "m".to_string(),
                owner,
                lower: -60,
                upper: 60,
                liquidity: 5u128.into(),
            },
        )
        .unwrap();
    let err = w
        .suite
        .scripted_exec(
            "alice",
            &pool,
            &ScriptedExecute::SendNft {
                contract: center.addr.to_string(),
                token_id: "m".to_string(),
                msg: to_json_binary(&"not a deposit message").unwrap(),
            },
        )
        .unwrap_err();
    assert!(matches!(
        err.downcast::<ContractError>().unwrap(),
        ContractError::InvalidDepositMsg { .. }
    ));
    assert_eq!(w.snapshot(), before);
    // Someone calling the cw721 hook directly with a made-up position.
    let fake = ExecuteMsg::ReceiveNft(cw721::receiver::Cw721ReceiveMsg {
        sender: w.suite.addr("alice").to_string(),
        token_id: "m".to_string(),
        msg: to_json_binary(&DepositMsg { enter: vec![farm] }).unwrap(),
    });
    assert!(matches!(
        refused(&mut w, "mallory", &fake, &[]),
        ContractError::NotClPool { .. }
    ));
}
