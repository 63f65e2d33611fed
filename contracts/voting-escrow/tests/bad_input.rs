//! Every refusal returns its typed variant and leaves storage byte-for-byte unchanged.
mod common;
use common::*;
use cosmwasm_std::{coin, Uint128};
use cw_ownable::OwnershipError;
use cw_utils::PaymentError;
use trellis_types::voting_escrow::*;
use trellis_types::AssetInfo;
use trellis_voting_escrow::limits::{MAX_LISTENERS, MAX_MAX_TIME, MIN_MAX_TIME};
use trellis_voting_escrow::ContractError;

const WEEK: u64 = 604_800;
/// The week of T0 starts at 2810 * 604,800.
const W: u64 = 1_699_488_000;

fn create(unlock_time: u64) -> ExecuteMsg {
    ExecuteMsg::CreateLock { unlock_time }
}

#[test]
fn lock_inputs_are_refused_with_their_variant() {
    let mut ve = Ve::new();
    let (alice, bob) = (addr("alice"), addr("bob"));
    let end = T0 + 10 * WEEK;
    ve.refuse(&alice, &[], create(end), ContractError::ZeroAmount);
    ve.refuse(
        &alice,
        &[coin(0, LP)],
        create(end),
        ContractError::ZeroAmount,
    );
    ve.refuse(
        &alice,
        &[coin(100, "uatom")],
        create(end),
        ContractError::WrongFunds {
            expected: "native:ulp".into(),
            got: "100uatom".into(),
        },
    );
    ve.refuse(
        &alice,
        &[coin(100, LP), coin(5, "uatom")],
        create(end),
        ContractError::WrongFunds {
            expected: "native:ulp".into(),
            got: "100ulp,5uatom".into(),
        },
    );
    // T0 + 100 rounds down to W, before now.
    ve.refuse(
        &alice,
        &[coin(100, LP)],
        create(T0 + 100),
        ContractError::UnlockTimeNotInFuture {
            unlock_time: T0 + 100,
            rounded: W,
            now: T0,
        },
    );
    // T0 + MAXTIME + WEEK = 1,826,748,800 rounds to 3020 * 604,800 = 1,826,496,000,
    // after the latest T0 + MAXTIME = 1,826,144,000.
    ve.refuse(
        &alice,
        &[coin(100, LP)],
        create(T0 + MAXTIME + WEEK),
        ContractError::UnlockTimeTooLate {
            unlock_time: T0 + MAXTIME + WEEK,
            rounded: 1_826_496_000,
            latest: 1_826_144_000,
        },
    );
    ve.refuse(
        &alice,
        &[coin(100, LP)],
        ExecuteMsg::IncreaseAmount {},
        ContractError::NoLock {
            user: alice.to_string(),
        },
    );
    ve.refuse(
        &alice,
        &[],
        ExecuteMsg::IncreaseUnlockTime { unlock_time: end },
        ContractError::NoLock {
            user: alice.to_string(),
        },
    );
    ve.refuse(
        &bob,
        &[coin(100, LP)],
        ExecuteMsg::DepositFor {
            user: alice.to_string(),
        },
        ContractError::NoLock {
            user: alice.to_string(),
        },
    );
    ve.refuse(
        &alice,
        &[],
        ExecuteMsg::Withdraw {},
        ContractError::NoLock {
            user: alice.to_string(),
        },
    );

    ve.create(&alice, 1_000_000_000_000, end).unwrap();
    let lock_end = W + 10 * WEEK;
    ve.refuse(
        &alice,
        &[coin(100, LP)],
        create(end),
        ContractError::LockExists {
            user: alice.to_string(),
            amount: Uint128::new(1_000_000_000_000),
            end: lock_end,
        },
    );
    // Same end, and a shorter one.
    for unlock_time in [lock_end + 100, lock_end - WEEK] {
        ve.refuse(
            &alice,
            &[],
            ExecuteMsg::IncreaseUnlockTime { unlock_time },
            ContractError::LockNotExtended {
                unlock_time,
                requested: unlock_time / WEEK * WEEK,
                current: lock_end,
            },
        );
    }
    ve.refuse(
        &alice,
        &[],
        ExecuteMsg::IncreaseUnlockTime {
            unlock_time: T0 + MAXTIME + WEEK,
        },
        ContractError::UnlockTimeTooLate {
            unlock_time: T0 + MAXTIME + WEEK,
            rounded: 1_826_496_000,
            latest: 1_826_144_000,
        },
    );
    ve.refuse(
        &alice,
        &[coin(1, LP)],
        ExecuteMsg::IncreaseUnlockTime {
            unlock_time: lock_end + WEEK,
        },
        ContractError::Payment(PaymentError::NonPayable {}),
    );
    ve.refuse(
        &alice,
        &[],
        ExecuteMsg::Withdraw {},
        ContractError::LockNotExpired {
            end: lock_end,
            now: T0,
        },
    );
    ve.refuse(
        &alice,
        &[coin(1, LP)],
        ExecuteMsg::Withdraw {},
        ContractError::Payment(PaymentError::NonPayable {}),
    );

    // After the end: no more adding or extending.
    ve.at(lock_end);
    let expired = || ContractError::LockExpired {
        user: alice.to_string(),
        end: lock_end,
        now: lock_end,
    };
    ve.refuse(
        &alice,
        &[coin(100, LP)],
        ExecuteMsg::IncreaseAmount {},
        expired(),
    );
    ve.refuse(
        &bob,
        &[coin(100, LP)],
        ExecuteMsg::DepositFor {
            user: alice.to_string(),
        },
        expired(),
    );
    ve.refuse(
        &alice,
        &[],
        ExecuteMsg::IncreaseUnlockTime {
            unlock_time: lock_end + 10 * WEEK,
        },
        expired(),
    );
}

#[test]
fn wrong_token_is_refused() {
    let mut ve = Ve::new();
    let (alice, fake) = (addr("alice"), addr("fake-cw20"));
    let before = ve.snapshot();
    let err = ve
        .receive(
            &fake,
            &alice,
            100,
            ReceiveMsg::CreateLock {
                unlock_time: T0 + 10 * WEEK,
            },
        )
        .unwrap_err();
    assert_eq!(
        err,
        ContractError::WrongToken {
            expected: "native:ulp".into(),
            got: format!("cw20:{fake}"),
        }
    );
    assert_eq!(ve.snapshot(), before);

    // A cw20 escrow refuses native coins and other cw20s.
    let lp = addr("lp-token");
    let mut ve = Ve::try_new(AssetInfo::cw20(lp.to_string()), None, T0).unwrap();
    ve.refuse(
        &alice,
        &[coin(100, LP)],
        create(T0 + 10 * WEEK),
        ContractError::WrongFunds {
            expected: format!("cw20:{lp}"),
            got: "100ulp".into(),
        },
    );
    let err = ve
        .receive(&fake, &alice, 100, ReceiveMsg::IncreaseAmount {})
        .unwrap_err();
    assert_eq!(
        err,
        ContractError::WrongToken {
            expected: format!("cw20:{lp}"),
            got: format!("cw20:{fake}"),
        }
    );
    let err = ve
        .receive(
            &lp,
            &alice,
            0,
            ReceiveMsg::CreateLock {
                unlock_time: T0 + 10 * WEEK,
            },
        )
        .unwrap_err();
    assert_eq!(err, ContractError::ZeroAmount);
}

#[test]
fn cw20_lock_token_works_through_receive() {
    let lp = addr("lp-token");
    let alice = addr("alice");
    let mut ve = Ve::try_new(AssetInfo::cw20(lp.to_string()), None, T0).unwrap();
    // Slope 3 until W + 10 weeks: 3 * 5,536,000 = 16,608,000.
    let res = ve
        .receive(
            &lp,
            &alice,
            3 * MAXTIME as u128,
            ReceiveMsg::CreateLock {
                unlock_time: T0 + 10 * WEEK,
            },
        )
        .unwrap();
    assert_eq!(attr(&res, "bias"), "16608000");
    ve.receive(
        &lp,
        &addr("bob"),
        MAXTIME as u128,
        ReceiveMsg::DepositFor {
            user: alice.to_string(),
        },
    )
    .unwrap();
    // Slope 4: 4 * 5,536,000.
    assert_eq!(ve.power(&alice, None), 22_144_000);
    ve.at(W + 10 * WEEK);
    let res = ve.withdraw(&alice).unwrap();
    assert_eq!(
        res.messages[0].msg,
        AssetInfo::cw20(lp.to_string())
            .transfer_msg(&alice, Uint128::new(4 * MAXTIME as u128))
            .unwrap()
    );
}

#[test]
fn listener_admin_is_owner_only_and_bounded() {
    let mut ve = Ve::new();
    let owner = ve.owner.clone();
    let stranger = addr("stranger");
    ve.refuse(
        &stranger,
        &[],
        ExecuteMsg::AddListener {
            address: addr("l0").to_string(),
        },
        ContractError::Ownership(OwnershipError::NotOwner),
    );
    for i in 0..MAX_LISTENERS {
        ve.exec(
            &owner,
            &[],
            ExecuteMsg::AddListener {
                address: addr(&format!("l{i}")).to_string(),
            },
        )
        .unwrap();
    }
    ve.refuse(
        &owner,
        &[],
        ExecuteMsg::AddListener {
            address: addr("l0").to_string(),
        },
        ContractError::DuplicateListener {
            address: addr("l0").to_string(),
        },
    );
    ve.refuse(
        &owner,
        &[],
        ExecuteMsg::AddListener {
            address: addr("one-more").to_string(),
        },
        ContractError::TooManyListeners { max: MAX_LISTENERS },
    );
    ve.refuse(
        &stranger,
        &[],
        ExecuteMsg::RemoveListener {
            address: addr("l0").to_string(),
        },
        ContractError::Ownership(OwnershipError::NotOwner),
    );
    ve.refuse(
        &owner,
        &[],
        ExecuteMsg::RemoveListener {
            address: addr("nobody").to_string(),
        },
        ContractError::UnknownListener {
            address: addr("nobody").to_string(),
        },
    );
    ve.exec(
        &owner,
        &[],
        ExecuteMsg::RemoveListener {
            address: addr("l0").to_string(),
        },
    )
    .unwrap();
    let l: ListenersResponse = ve.q(QueryMsg::Listeners {});
    assert_eq!(l.listeners.len(), MAX_LISTENERS - 1);
}

#[test]
fn max_time_is_bounded() {
    for max_time in [MIN_MAX_TIME - 1, MAX_MAX_TIME + 1] {
        let err = Ve::try_new(AssetInfo::native(LP), Some(max_time), T0)
            .err()
            .unwrap();
        assert_eq!(
            err,
            ContractError::InvalidMaxTime {
                max_time,
                min: MIN_MAX_TIME,
                max: MAX_MAX_TIME,
            }
        );
    }
    // A one-week escrow: 10 * WEEK locked gives slope 10; the latest end is T0 + WEEK,
    // which rounds to W + WEEK = 1,700,092,800: 10 * 92,800 = 928,000.
    let mut ve = Ve::try_new(AssetInfo::native(LP), Some(WEEK), T0).unwrap();
    let res = ve
        .create(&addr("alice"), 10 * WEEK as u128, T0 + WEEK)
        .unwrap();
    assert_eq!(attr(&res, "bias"), "928000");
}
