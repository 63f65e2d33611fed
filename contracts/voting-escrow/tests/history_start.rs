//! `HistoryStart`: the escrow's first global point, which later actions never move, and the
//! first user point (`UserPoints` with limit 1) that the fee distributor starts a user at.
mod common;

use common::*;
use cosmwasm_std::coin;
use cosmwasm_std::testing::{message_info, mock_dependencies, mock_env};
use cw_utils::PaymentError;
use trellis_types::voting_escrow::{
    HistoryStartResponse, InstantiateMsg, PointsResponse, QueryMsg, WEEK,
};
use trellis_types::AssetInfo;
use trellis_voting_escrow::contract::instantiate;
use trellis_voting_escrow::ContractError;

#[test]
fn the_history_starts_at_instantiation_and_stays_there() {
    let mut ve = Ve::new();
    let start: HistoryStartResponse = ve.q(QueryMsg::HistoryStart {});
    assert_eq!(start.time, T0);
    // A lock in the same block replaces the first global point at the same time; a later one
    // adds points after it: the start does not move.
    let alice = addr("alice");
    ve.create(&alice, 1_000, T0 + 10 * WEEK).unwrap();
    ve.at(T0 + 3 * WEEK + 5);
    ve.increase(&alice, 500).unwrap();
    let start: HistoryStartResponse = ve.q(QueryMsg::HistoryStart {});
    assert_eq!(start.time, T0);
    // Alice's first point is her lock's time.
    let first: PointsResponse = ve.q(QueryMsg::UserPoints {
        user: alice.to_string(),
        start_after: None,
        limit: Some(1),
    });
    assert_eq!(first.points.len(), 1);
    assert_eq!(first.points[0].ts, T0);
}

#[test]
fn instantiate_refuses_funds() {
    let mut deps = mock_dependencies();
    let owner = addr("owner");
    let err = instantiate(
        deps.as_mut(),
        mock_env(),
        message_info(&owner, &[coin(1, LP)]),
        InstantiateMsg {
            owner: owner.to_string(),
            lock_token: AssetInfo::native(LP),
            max_time: None,
        },
    )
    .unwrap_err();
    assert_eq!(err, ContractError::Payment(PaymentError::NonPayable {}));
}
