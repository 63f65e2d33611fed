//! `start_time` is validated at instantiation: not before the escrow's first week (no power
//! exists earlier, and a start of 0 made checkpoints walk about 54 calls of empty weeks before
//! booking anything), not more than `MAX_START_AHEAD_WEEKS` after the current week. And the
//! instantiation takes no funds.
mod common;
use common::*;
use cosmwasm_std::coin;
use cw_multi_test::Executor;
use cw_utils::PaymentError;
use trellis_fee_distributor::limits::MAX_START_AHEAD_WEEKS;
use trellis_fee_distributor::ContractError;
use trellis_types::voting_escrow::WEEK;

#[test]
fn a_start_before_the_escrow_is_refused() {
    // The mock escrow was instantiated at T0 (a week start): its first week is T0.
    let mut s = Suite::bare();
    let msg = s.instantiate_msg(0);
    assert_err(
        s.try_instantiate(&msg),
        ContractError::StartBeforeEscrow {
            start_time: 0,
            escrow_first_week: T0,
        },
    );
    // One second before T0 rounds down to the previous week, T0 - WEEK.
    let msg = s.instantiate_msg(T0 - 1);
    assert_err(
        s.try_instantiate(&msg),
        ContractError::StartBeforeEscrow {
            start_time: T0 - WEEK,
            escrow_first_week: T0,
        },
    );
    let msg = s.instantiate_msg(T0);
    assert!(s.try_instantiate(&msg).is_ok());
}

#[test]
fn a_start_too_far_ahead_is_refused() {
    assert_eq!(MAX_START_AHEAD_WEEKS, 4);
    let mut s = Suite::bare();
    // Now is T0 + 3 days: this week is T0, the latest start T0 + 4 weeks.
    s.at(T0 + 3 * 86_400);
    let msg = s.instantiate_msg(T0 + 5 * WEEK);
    assert_err(
        s.try_instantiate(&msg),
        ContractError::StartTooFarAhead {
            start_time: T0 + 5 * WEEK,
            latest: T0 + 4 * WEEK,
        },
    );
    // The last second of week T0 + 4 weeks rounds down to it: accepted.
    let msg = s.instantiate_msg(T0 + 5 * WEEK - 1);
    let fd = s.try_instantiate(&msg).unwrap();
    let config: trellis_types::fee_distributor::ConfigResponse = s
        .app
        .wrap()
        .query_wasm_smart(&fd, &trellis_types::fee_distributor::QueryMsg::Config {})
        .unwrap();
    assert_eq!(config.start_time, T0 + 4 * WEEK);
}

#[test]
fn instantiate_refuses_funds() {
    let mut s = Suite::bare();
    let owner = s.owner.clone();
    s.mint_native(&owner, coin(5, FEE_DENOM));
    let msg = s.instantiate_msg(T0);
    let res = s
        .app
        .instantiate_contract(s.fd_code, owner, &msg, &[coin(5, FEE_DENOM)], "fd", None);
    assert_err(res, ContractError::Payment(PaymentError::NonPayable {}));
}
