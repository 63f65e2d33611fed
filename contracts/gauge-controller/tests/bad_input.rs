//! Every refused message: the typed variant and untouched storage.
mod common;

use common::*;
use cosmwasm_std::{OverflowError, OverflowOperation, Uint128};
use cw_ownable::OwnershipError;
use trellis_gauge_controller::ContractError;
use trellis_types::gauge_controller::ExecuteMsg;

/// Type 0 with G1 and G2; A (slope 1000, to N + 10 weeks) votes 100% for G1.
fn setup() -> Suite {
    let mut s = Suite::new();
    s.add_type("stable", 1);
    s.add_gauge("G1", 0);
    s.add_gauge("G2", 0);
    s.set_lock("A", 1000, N + 10 * WEEK);
    s.vote("A", "G1", 10_000).unwrap();
    s
}

fn vote(gauge: &str, weight_bps: u16) -> ExecuteMsg {
    ExecuteMsg::VoteForGaugeWeights {
        gauge: gauge.to_string(),
        weight_bps,
    }
}

#[test]
fn bad_votes_are_refused() {
    let mut s = setup();
    let a = addr("A");
    s.refuse(
        &a,
        vote("G2", 10_001),
        ContractError::VoteAboveMax { weight_bps: 10_001 },
    );
    // 10,000 on G1 plus 1 on G2.
    s.refuse(
        &a,
        vote("G2", 1),
        ContractError::VotePowerExceeded { used: 10_001 },
    );
    s.refuse(
        &a,
        vote("G3", 1),
        ContractError::UnknownGauge {
            gauge: "G3".to_string(),
        },
    );
    // No lock at all: slope 0, end 0.
    s.refuse(
        &addr("Z"),
        vote("G1", 1),
        ContractError::LockTooShort {
            slope: Uint128::zero(),
            end: 0,
            next_week: N,
        },
    );
    // A lock ending at the next week does not outlive it.
    s.set_lock("B", 10, N);
    s.refuse(
        &addr("B"),
        vote("G1", 1),
        ContractError::LockTooShort {
            slope: 10u128.into(),
            end: N,
            next_week: N,
        },
    );
    // 419 weeks after the next week is past the 418-week horizon.
    s.set_lock("B", 10, N + 419 * WEEK);
    s.refuse(
        &addr("B"),
        vote("G1", 1),
        ContractError::LockTooLong {
            end: N + 419 * WEEK,
            next_week: N,
            max_horizon: 418 * WEEK,
        },
    );
    s.admin(ExecuteMsg::KillGauge {
        gauge: "G2".to_string(),
    });
    s.set_lock("B", 10, N + 5 * WEEK);
    s.refuse(
        &addr("B"),
        vote("G2", 1),
        ContractError::GaugeKilled {
            gauge: "G2".to_string(),
        },
    );
}

#[test]
fn bad_admin_calls_are_refused() {
    let mut s = setup();
    let owner = s.owner.clone();
    let other = addr("other");
    s.refuse(
        &other,
        ExecuteMsg::AddType {
            name: "x".to_string(),
            weight: 1u128.into(),
        },
        ContractError::Ownership(OwnershipError::NotOwner),
    );
    s.refuse(
        &other,
        ExecuteMsg::KillGauge {
            gauge: "G1".to_string(),
        },
        ContractError::Ownership(OwnershipError::NotOwner),
    );
    s.refuse(
        &other,
        ExecuteMsg::ChangeGaugeWeight {
            gauge: "G1".to_string(),
            weight: 1u128.into(),
        },
        ContractError::Ownership(OwnershipError::NotOwner),
    );
    s.refuse(
        &owner,
        ExecuteMsg::AddType {
            name: "x".to_string(),
            weight: Uint128::zero(),
        },
        ContractError::ZeroTypeWeight,
    );
    s.refuse(
        &owner,
        ExecuteMsg::AddType {
            name: String::new(),
            weight: 1u128.into(),
        },
        ContractError::InvalidTypeName {
            name: String::new(),
            max: 64,
        },
    );
    s.refuse(
        &owner,
        ExecuteMsg::ChangeTypeWeight {
            gauge_type: 7,
            weight: 1u128.into(),
        },
        ContractError::UnknownType { gauge_type: 7 },
    );
    s.refuse(
        &owner,
        ExecuteMsg::AddGauge {
            gauge: "G9".to_string(),
            gauge_type: 7,
            cap: None,
        },
        ContractError::UnknownType { gauge_type: 7 },
    );
    s.refuse(
        &owner,
        ExecuteMsg::AddGauge {
            gauge: "G1".to_string(),
            gauge_type: 0,
            cap: None,
        },
        ContractError::DuplicateGauge {
            gauge: "G1".to_string(),
        },
    );
    s.refuse(
        &owner,
        ExecuteMsg::AddGauge {
            gauge: String::new(),
            gauge_type: 0,
            cap: None,
        },
        ContractError::InvalidGaugeId {
            gauge: String::new(),
            max: 128,
        },
    );
    s.refuse(
        &owner,
        ExecuteMsg::AddGauge {
            gauge: "G9".to_string(),
            gauge_type: 0,
            cap: Some(dec(0)),
        },
        ContractError::InvalidCap {
            cap: "0".to_string(),
        },
    );
    s.refuse(
        &owner,
        ExecuteMsg::SetGaugeCap {
            gauge: "G1".to_string(),
            cap: Some(dec(1_500_000_000_000_000_000)),
        },
        ContractError::InvalidCap {
            cap: "1.5".to_string(),
        },
    );
    s.refuse(
        &owner,
        ExecuteMsg::KillGauge {
            gauge: "G9".to_string(),
        },
        ContractError::UnknownGauge {
            gauge: "G9".to_string(),
        },
    );
    s.admin(ExecuteMsg::KillGauge {
        gauge: "G2".to_string(),
    });
    s.refuse(
        &owner,
        ExecuteMsg::KillGauge {
            gauge: "G2".to_string(),
        },
        ContractError::GaugeKilled {
            gauge: "G2".to_string(),
        },
    );
    s.refuse(
        &owner,
        ExecuteMsg::ChangeGaugeWeight {
            gauge: "G2".to_string(),
            weight: 1u128.into(),
        },
        ContractError::GaugeKilled {
            gauge: "G2".to_string(),
        },
    );
    s.refuse(
        &other,
        ExecuteMsg::Checkpoint {
            gauge: Some("G9".to_string()),
        },
        ContractError::UnknownGauge {
            gauge: "G9".to_string(),
        },
    );
}

#[test]
fn at_most_sixteen_types() {
    let mut s = Suite::new();
    for i in 0..16 {
        s.add_type(&format!("t{i}"), 1);
    }
    let owner = s.owner.clone();
    s.refuse(
        &owner,
        ExecuteMsg::AddType {
            name: "t16".to_string(),
            weight: 1u128.into(),
        },
        ContractError::TooManyTypes { max: 16 },
    );
}

#[test]
fn instantiate_refuses_funds() {
    use cosmwasm_std::testing::{message_info, mock_dependencies, mock_env};
    use trellis_gauge_controller::contract::instantiate;
    use trellis_types::gauge_controller::InstantiateMsg;
    let mut deps = mock_dependencies();
    let owner = addr("owner");
    let err = instantiate(
        deps.as_mut(),
        mock_env(),
        message_info(&owner, &[cosmwasm_std::coin(1, "ualy")]),
        InstantiateMsg {
            owner: owner.to_string(),
            voting_escrow: addr("ve").to_string(),
            vote_delay: None,
        },
    )
    .unwrap_err();
    assert_eq!(
        err,
        ContractError::Payment(cw_utils::PaymentError::NonPayable {})
    );
}

#[test]
fn slopes_near_u128_max_are_a_typed_overflow() {
    // The escrow's answer is another contract's data: a slope near u128::MAX must be refused
    // with a typed error, storage untouched, not panic.
    let mut s = setup();
    let overflow = || ContractError::Overflow(OverflowError::new(OverflowOperation::Mul));
    // u128::MAX x 2 bps: the vote's share of the slope overflows before the division.
    s.set_lock("H", u128::MAX, N + 10 * WEEK);
    s.refuse(&addr("H"), vote("G2", 2), overflow());
    // floor(u128::MAX / 10,000) x 10,000 fits, but that slope times the 10 weeks the lock has
    // left after the next week (6,048,000 s) is about 2e41: the bias overflows.
    s.set_lock("H", u128::MAX / 10_000, N + 10 * WEEK);
    s.refuse(&addr("H"), vote("G2", 10_000), overflow());
}
