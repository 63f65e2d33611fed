//! Every bad input gets a typed error and leaves storage untouched (`Farm::refuse`
//! compares a full storage snapshot before and after).
mod common;
use common::*;
use cosmwasm_std::{coin, Uint128};
use cw20::Cw20ReceiveMsg;
use cw_ownable::OwnershipError;
use cw_utils::PaymentError;
use trellis_farm::ContractError;
use trellis_math::MathError;
use trellis_types::farm::*;
use trellis_types::AssetInfo;

const CW20_LP: &str = "cw20lp";

/// A farm with a native LP pool 0 ("lp0") and a cw20 LP pool 1, A staking 100 in pool 0.
fn farm() -> Farm {
    let mut farm = Farm::new(
        Schedule::constant(0, Uint128::new(10)),
        mint_source(),
        policy(true),
    );
    farm.add_pool("lp0", lp(ALY, "ufusd"), 60).unwrap();
    let owner = farm.owner.clone();
    farm.exec(
        &owner,
        &[],
        ExecuteMsg::AddPool {
            staking: AssetInfo::cw20(addr(CW20_LP).to_string()),
            kind: lp(ALY, "uwfuse"),
            weight: 40,
            tokenless_share_pct: None,
        },
    )
    .unwrap();
    farm.deposit(&addr("a"), 0, "lp0", 100).unwrap();
    farm.at(10);
    farm
}

fn hook(sender: &str, amount: u128, msg: cosmwasm_std::Binary) -> ExecuteMsg {
    ExecuteMsg::Receive(Cw20ReceiveMsg {
        sender: addr(sender).to_string(),
        amount: Uint128::new(amount),
        msg,
    })
}

#[test]
fn zero_amounts() {
    let mut f = farm();
    let a = addr("a");
    f.refuse(
        &a,
        &[],
        ExecuteMsg::Deposit {
            pool_id: 0,
            recipient: None,
        },
        PaymentError::NoFunds {}.into(),
    );
    f.refuse(
        &a,
        &[coin(0, "lp0")],
        ExecuteMsg::Deposit {
            pool_id: 0,
            recipient: None,
        },
        PaymentError::NoFunds {}.into(),
    );
    f.refuse(
        &addr(CW20_LP),
        &[],
        hook("a", 0, cw20_deposit(1)),
        ContractError::ZeroAmount,
    );
    f.refuse(
        &a,
        &[],
        ExecuteMsg::Withdraw {
            pool_id: 0,
            amount: Uint128::zero(),
            recipient: None,
        },
        ContractError::ZeroAmount,
    );
    let owner = f.owner.clone();
    f.refuse(
        &owner,
        &[],
        ExecuteMsg::AddPool {
            staking: AssetInfo::native("lp9"),
            kind: PoolKind::Solo,
            weight: 0,
            tokenless_share_pct: None,
        },
        ContractError::ZeroWeight,
    );
}

#[test]
fn unknown_pool() {
    let mut f = farm();
    let a = addr("a");
    let unknown = || ContractError::UnknownPool { pool_id: 7 };
    f.refuse(
        &a,
        &[coin(5, "lp0")],
        ExecuteMsg::Deposit {
            pool_id: 7,
            recipient: None,
        },
        unknown(),
    );
    f.refuse(
        &a,
        &[],
        ExecuteMsg::Withdraw {
            pool_id: 7,
            amount: Uint128::one(),
            recipient: None,
        },
        unknown(),
    );
    f.refuse(
        &a,
        &[],
        ExecuteMsg::Claim {
            pool_ids: vec![0, 7],
            recipient: None,
        },
        unknown(),
    );
    f.refuse(
        &a,
        &[],
        ExecuteMsg::EmergencyWithdraw {
            pool_id: 7,
            recipient: None,
        },
        unknown(),
    );
    let owner = f.owner.clone();
    f.refuse(
        &owner,
        &[],
        ExecuteMsg::SetWeight {
            pool_id: 7,
            weight: 1,
        },
        unknown(),
    );
    f.refuse(
        &owner,
        &[],
        ExecuteMsg::DeactivatePool { pool_id: 7 },
        unknown(),
    );
}

#[test]
fn wrong_tokens() {
    let mut f = farm();
    let a = addr("a");
    // A cw20 hook from a contract that is not pool 1's token.
    f.refuse(
        &addr("impostor"),
        &[],
        hook("a", 5, cw20_deposit(1)),
        ContractError::WrongToken {
            expected: format!("cw20:{}", addr(CW20_LP)),
            got: format!("cw20:{}", addr("impostor")),
        },
    );
    // A cw20 sent to a native pool.
    f.refuse(
        &addr(CW20_LP),
        &[],
        hook("a", 5, cw20_deposit(0)),
        ContractError::WrongToken {
            expected: "native:lp0".into(),
            got: format!("cw20:{}", addr(CW20_LP)),
        },
    );
    // Native coins to a cw20 pool.
    f.refuse(
        &a,
        &[coin(5, "lp0")],
        ExecuteMsg::Deposit {
            pool_id: 1,
            recipient: None,
        },
        ContractError::WrongDepositPath {
            pool_id: 1,
            asset: format!("cw20:{}", addr(CW20_LP)),
            via: "a cw20 Send",
        },
    );
    // The wrong denom.
    f.refuse(
        &a,
        &[coin(5, "uother")],
        ExecuteMsg::Deposit {
            pool_id: 0,
            recipient: None,
        },
        PaymentError::MissingDenom("lp0".into()).into(),
    );
    // Funding a minted farm.
    f.refuse(
        &a,
        &[coin(5, "urew")],
        ExecuteMsg::Fund {},
        ContractError::NotAReserveFarm,
    );
    // A malformed hook message.
    f.refuse(
        &addr(CW20_LP),
        &[],
        hook(
            "a",
            5,
            cosmwasm_std::Binary::from(b"{\"nope\":{}}".to_vec()),
        ),
        ContractError::Std(cosmwasm_std::StdError::parse_err(
            "trellis_types::farm::ReceiveMsg",
            "unknown variant `nope`, expected `deposit` or `fund`",
        )),
    );
}

#[test]
fn reserve_fund_with_wrong_token() {
    let mut f = Farm::new(
        Schedule::constant(0, Uint128::new(10)),
        reserve_source(),
        policy(false),
    );
    f.refuse(
        &addr("funder"),
        &[coin(5, "uother")],
        ExecuteMsg::Fund {},
        ContractError::WrongToken {
            expected: "native:urew".into(),
            got: "native:uother".into(),
        },
    );
    f.refuse(
        &addr("funder"),
        &[coin(5, "urew"), coin(5, "uother")],
        ExecuteMsg::Fund {},
        PaymentError::MultipleDenoms {}.into(),
    );
}

#[test]
fn unexpected_or_several_funds() {
    let mut f = farm();
    let a = addr("a");
    let funds = [coin(1, "lp0")];
    f.refuse(
        &a,
        &funds,
        ExecuteMsg::Withdraw {
            pool_id: 0,
            amount: Uint128::one(),
            recipient: None,
        },
        PaymentError::NonPayable {}.into(),
    );
    f.refuse(
        &a,
        &funds,
        ExecuteMsg::Claim {
            pool_ids: vec![0],
            recipient: None,
        },
        PaymentError::NonPayable {}.into(),
    );
    f.refuse(
        &a,
        &funds,
        ExecuteMsg::EmergencyWithdraw {
            pool_id: 0,
            recipient: None,
        },
        PaymentError::NonPayable {}.into(),
    );
    f.refuse(
        &addr(CW20_LP),
        &funds,
        hook("a", 5, cw20_deposit(1)),
        PaymentError::NonPayable {}.into(),
    );
    f.refuse(
        &a,
        &[coin(1, "lp0"), coin(1, "ufusd")],
        ExecuteMsg::Deposit {
            pool_id: 0,
            recipient: None,
        },
        PaymentError::MultipleDenoms {}.into(),
    );
    let owner = f.owner.clone();
    f.refuse(
        &owner,
        &funds,
        ExecuteMsg::SetWeight {
            pool_id: 0,
            weight: 70,
        },
        PaymentError::NonPayable {}.into(),
    );
}

#[test]
fn non_owner_admin_calls() {
    let mut f = farm();
    let eve = addr("eve");
    let not_owner = || ContractError::from(OwnershipError::NotOwner);
    let calls = [
        ExecuteMsg::AddPool {
            staking: AssetInfo::native("lp9"),
            kind: lp(ALY, "ux"),
            weight: 50,
            tokenless_share_pct: None,
        },
        ExecuteMsg::SetWeight {
            pool_id: 0,
            weight: 70,
        },
        ExecuteMsg::DeactivatePool { pool_id: 0 },
        ExecuteMsg::RecoverUndistributed {
            amount: None,
            recipient: eve.to_string(),
        },
        ExecuteMsg::RolloverUndistributed { amount: None },
    ];
    for msg in calls {
        f.refuse(&eve, &[], msg, not_owner());
    }
}

#[test]
fn two_step_ownership_transfer() {
    let mut f = farm();
    let owner = f.owner.clone();
    let bob = addr("bob");
    f.exec(
        &owner,
        &[],
        ExecuteMsg::UpdateOwnership(cw_ownable::Action::TransferOwnership {
            new_owner: bob.to_string(),
            expiry: None,
        }),
    )
    .unwrap();
    // Still the old owner until Bob accepts.
    f.refuse(
        &bob,
        &[],
        ExecuteMsg::SetWeight {
            pool_id: 0,
            weight: 70,
        },
        OwnershipError::NotOwner.into(),
    );
    f.exec(
        &bob,
        &[],
        ExecuteMsg::UpdateOwnership(cw_ownable::Action::AcceptOwnership),
    )
    .unwrap();
    f.exec(
        &bob,
        &[],
        ExecuteMsg::SetWeight {
            pool_id: 0,
            weight: 70,
        },
    )
    .unwrap();
}

#[test]
fn withdraw_more_than_staked() {
    let mut f = farm();
    f.refuse(
        &addr("a"),
        &[],
        ExecuteMsg::Withdraw {
            pool_id: 0,
            amount: Uint128::new(101),
            recipient: None,
        },
        ContractError::InsufficientStake {
            pool_id: 0,
            requested: Uint128::new(101),
            staked: Uint128::new(100),
        },
    );
    f.refuse(
        &addr("b"),
        &[],
        ExecuteMsg::EmergencyWithdraw {
            pool_id: 0,
            recipient: None,
        },
        ContractError::NoStake { pool_id: 0 },
    );
}

#[test]
fn amounts_near_u128_max() {
    let mut f = farm();
    let b = addr("b");
    // 100 staked already: u128::MAX more overflows the pool total.
    f.refuse(
        &b,
        &[coin(u128::MAX, "lp0")],
        ExecuteMsg::Deposit {
            pool_id: 0,
            recipient: None,
        },
        ContractError::Overflow("pool total stake"),
    );
    // u128::MAX - 100 fits exactly, and then the pool is full.
    f.deposit(&b, 0, "lp0", u128::MAX - 100).unwrap();
    f.refuse(
        &b,
        &[coin(1, "lp0")],
        ExecuteMsg::Deposit {
            pool_id: 0,
            recipient: None,
        },
        ContractError::Overflow("pool total stake"),
    );
    f.at(20);
    // Claims still work: 10 s * 6/s = 60 over a full pool; A's 100-unit share floors to 0 + its earlier 60.
    f.claim(&addr("a"), vec![0]).unwrap();
    f.claim(&b, vec![0]).unwrap();
    // Funding near the max on a reserve farm.
    let mut r = Farm::new(
        Schedule::constant(0, Uint128::new(10)),
        reserve_source(),
        policy(false),
    );
    r.fund(u128::MAX).unwrap();
    r.refuse(
        &addr("funder"),
        &[coin(1, "urew")],
        ExecuteMsg::Fund {},
        ContractError::Overflow("funded"),
    );
    // Weights above the maximum.
    let owner = f.owner.clone();
    f.refuse(
        &owner,
        &[],
        ExecuteMsg::SetWeight {
            pool_id: 0,
            weight: u64::MAX,
        },
        ContractError::WeightTooLarge {
            weight: u64::MAX,
            max: trellis_farm::limits::MAX_WEIGHT,
        },
    );
}

#[test]
fn bad_schedules() {
    let bad = [
        Schedule::constant(0, Uint128::zero()),
        Schedule::constant(0, Uint128::MAX),
        Schedule::step_decay(0, Uint128::new(10), 0, Decay::Halving),
        Schedule::step_decay(0, Uint128::new(10), 100, Decay::Bps { factor_bps: 10_000 }),
        Schedule::linear(0, Uint128::new(10), Uint128::new(20), 100),
        Schedule::constant(100, Uint128::new(10)).with_end(100),
    ];
    for schedule in bad {
        let err = Farm::try_new(schedule.clone(), mint_source(), policy(false), Clock::Time)
            .err()
            .unwrap_or_else(|| panic!("{schedule:?} was accepted"));
        assert!(
            matches!(err, ContractError::Math(MathError::InvalidSchedule(_))),
            "{err:?}"
        );
    }
    let err = Farm::try_new(
        Schedule::constant(0, Uint128::new(1)),
        mint_source(),
        AllocationPolicy {
            max_solo_share_bps: 5_000,
            ..policy(false)
        },
        Clock::Time,
    )
    .err()
    .unwrap();
    assert_eq!(err, ContractError::InvalidSoloShare { max_bps: 5_000 });
}

#[test]
fn duplicate_pools_and_pairs() {
    let mut f = farm();
    let owner = f.owner.clone();
    f.refuse(
        &owner,
        &[],
        ExecuteMsg::AddPool {
            staking: AssetInfo::native("lp0"),
            kind: lp(ALY, "uzzz"),
            weight: 50,
            tokenless_share_pct: None,
        },
        ContractError::DuplicatePool {
            asset: "native:lp0".into(),
            pool_id: 0,
        },
    );
    f.refuse(
        &owner,
        &[],
        ExecuteMsg::AddPool {
            staking: AssetInfo::native("lp9"),
            kind: lp(ALY, ALY),
            weight: 50,
            tokenless_share_pct: None,
        },
        ContractError::SamePairAssets {
            asset: format!("native:{ALY}"),
        },
    );
    let a = addr("a");
    f.refuse(
        &a,
        &[],
        ExecuteMsg::Claim {
            pool_ids: vec![0, 0],
            recipient: None,
        },
        ContractError::DuplicatePoolId { pool_id: 0 },
    );
    f.refuse(
        &a,
        &[],
        ExecuteMsg::Claim {
            pool_ids: vec![],
            recipient: None,
        },
        ContractError::EmptyPoolList,
    );
    let many: Vec<u64> = (0..31).collect();
    f.refuse(
        &a,
        &[],
        ExecuteMsg::Claim {
            pool_ids: many,
            recipient: None,
        },
        ContractError::TooManyPools { count: 31, max: 30 },
    );
}

#[test]
fn deactivated_pool_refuses_deposits_but_returns_principal() {
    let mut f = farm();
    let owner = f.owner.clone();
    f.exec(&owner, &[], ExecuteMsg::DeactivatePool { pool_id: 1 })
        .unwrap();
    f.refuse(
        &addr(CW20_LP),
        &[],
        hook("a", 5, cw20_deposit(1)),
        ContractError::PoolInactive { pool_id: 1 },
    );
    f.refuse(
        &owner,
        &[],
        ExecuteMsg::SetWeight {
            pool_id: 1,
            weight: 5,
        },
        ContractError::PoolInactive { pool_id: 1 },
    );
    // A's pool 0 keeps working; withdraw from it is fine.
    f.withdraw(&addr("a"), 0, 100).unwrap();
}

#[test]
fn recover_more_than_undistributed() {
    let mut f = farm();
    let owner = f.owner.clone();
    // [0,10): pool 1 (weight 40 of 100, empty) -> 40 undistributed.
    f.refuse(
        &owner,
        &[],
        ExecuteMsg::RecoverUndistributed {
            amount: Some(Uint128::new(41)),
            recipient: owner.to_string(),
        },
        ContractError::InsufficientUndistributed {
            requested: Uint128::new(41),
            available: Uint128::new(40),
        },
    );
    f.refuse(
        &owner,
        &[],
        ExecuteMsg::RolloverUndistributed { amount: None },
        ContractError::NotAReserveFarm,
    );
}

/// The farm holds at most `MAX_POOLS` pools: `Totals` and the owner's undistributed messages
/// add up every pool's books, so their work must stay bounded. The 1,001st is refused.
#[test]
fn pool_limit() {
    use trellis_farm::limits::MAX_POOLS;
    let mut f = Farm::new(
        Schedule::constant(0, Uint128::new(10)),
        mint_source(),
        policy(false),
    );
    for i in 0..MAX_POOLS {
        f.add_pool(&format!("lp{i}"), lp(ALY, &format!("uq{i}")), 1)
            .unwrap();
    }
    let owner = f.owner.clone();
    f.refuse(
        &owner,
        &[],
        ExecuteMsg::AddPool {
            staking: AssetInfo::native("lp-extra"),
            kind: lp(ALY, "uq-extra"),
            weight: 1,
            tokenless_share_pct: None,
        },
        ContractError::PoolLimit { max: MAX_POOLS },
    );
    // Totals still answer, over all 1,000 pools: nothing was staked, so all 10/s of the
    // first 5 s is undistributed.
    f.at(5);
    assert_eq!(f.totals().undistributed, Uint128::new(50));
}
