//! One fee token whose transfer fails does not block the others: each transfer is its own
//! sub-message, and a failed one's amount stays owed to the user, paid by a later claim.
//! Conservation holds throughout: claimed + claimable + unbooked = deposited, per token.
mod common;
use common::broken_cw20::{broken_cw20_contract, ExecuteMsg as BrokenMsg, InstantiateMsg};
use common::*;
use cosmwasm_std::{Addr, Uint128};
use cw_multi_test::Executor;
use trellis_fee_distributor::ContractError;
use trellis_types::voting_escrow::WEEK;
use trellis_types::AssetInfo;

/// The distributor with the native fee coin and a token that can refuse transfers; Alice holds
/// all the power in week 0; 1,000 native and 2,000 of the token arrive; the week is booked.
fn world() -> (Suite, Addr) {
    let mut s = Suite::bare();
    let code = s.app.store_code(broken_cw20_contract());
    let owner = s.owner.clone();
    let broken = s
        .app
        .instantiate_contract(code, owner, &InstantiateMsg {}, &[], "broken", None)
        .unwrap();
    let mut msg = s.instantiate_msg(T0);
    msg.tokens = vec![s.native(), AssetInfo::cw20(broken.to_string())];
    s.fd = s.try_instantiate(&msg).unwrap();
    let alice = s.addr("alice");
    s.set_power(&alice, 0, 10);
    s.send_native_fees(1_000);
    let fd = s.fd.to_string();
    broken_exec(
        &mut s,
        &broken,
        BrokenMsg::Mint {
            recipient: fd,
            amount: Uint128::new(2_000),
        },
    );
    s.at(T0 + WEEK);
    s.checkpoint().unwrap();
    (s, broken)
}

fn broken_exec(s: &mut Suite, token: &Addr, msg: BrokenMsg) {
    let owner = s.owner.clone();
    s.app
        .execute_contract(owner, token.clone(), &msg, &[])
        .unwrap();
}

fn broken_balance(s: &Suite, token: &Addr, who: &Addr) -> u128 {
    let res: cw20::BalanceResponse = s
        .app
        .wrap()
        .query_wasm_smart(
            token,
            &cw20::Cw20QueryMsg::Balance {
                address: who.to_string(),
            },
        )
        .unwrap();
    res.balance.u128()
}

#[test]
fn a_refused_transfer_stays_owed_and_the_other_token_is_paid() {
    let (mut s, broken) = world();
    let alice = s.addr("alice");
    assert_eq!((s.totals(0), s.totals(1)), ((1_000, 0, 0), (2_000, 0, 0)));
    broken_exec(&mut s, &broken, BrokenMsg::SetBroken { broken: true });

    let res = s.claim(&alice, None, None).unwrap();
    // The native 1,000 (all of week 0) arrived; the token's 2,000 did not.
    assert_eq!(s.native_balance(&alice), 1_000);
    assert_eq!(broken_balance(&s, &broken, &alice), 0);
    assert!(res.events.iter().any(|e| e
        .attributes
        .iter()
        .any(|a| a.key == "action" && a.value == "claim_transfer_failed")));
    // Books: native claimed 1,000 of 1,000; the token's 2,000 is still owed, not claimed, and
    // still in the contract: 0 claimed + 2,000 claimable + 0 unbooked = 2,000 deposited.
    assert_eq!(s.totals(0), (1_000, 1_000, 0));
    assert_eq!(s.totals(1), (2_000, 0, 0));
    assert_eq!(broken_balance(&s, &broken, &s.fd), 2_000);
    assert_eq!(s.claimable(&alice), (0, 2_000, T0 + WEEK));
    assert_eq!(s.cursor(&alice), T0 + WEEK);

    // While the token stays broken, the next claim pays nothing and keeps it owed.
    s.claim(&alice, None, None).unwrap();
    assert_eq!(s.claimable(&alice), (0, 2_000, T0 + WEEK));
    assert_eq!(s.totals(1), (2_000, 0, 0));

    // Repaired: no week is left to walk, but the owed 2,000 is paid.
    broken_exec(&mut s, &broken, BrokenMsg::SetBroken { broken: false });
    s.claim(&alice, None, None).unwrap();
    assert_eq!(broken_balance(&s, &broken, &alice), 2_000);
    assert_eq!(s.totals(1), (2_000, 2_000, 0));
    assert_eq!(s.claimable(&alice), (0, 0, T0 + WEEK));
    // Nothing owed and no week to walk: refused, nothing changes.
    s.refuse(
        ContractError::NothingToClaim {
            user: alice.to_string(),
            cursor: T0 + WEEK,
            last_token_time: T0 + WEEK,
        },
        |s| s.claim(&alice, None, None),
    );
}

#[test]
fn an_owed_amount_and_new_weeks_are_paid_together() {
    let (mut s, broken) = world();
    let alice = s.addr("alice");
    broken_exec(&mut s, &broken, BrokenMsg::SetBroken { broken: true });
    s.claim(&alice, None, None).unwrap();
    broken_exec(&mut s, &broken, BrokenMsg::SetBroken { broken: false });
    // Week 1: 500 more of the token, Alice alone again.
    s.set_power(&alice, 1, 10);
    let fd = s.fd.to_string();
    broken_exec(
        &mut s,
        &broken,
        BrokenMsg::Mint {
            recipient: fd,
            amount: Uint128::new(500),
        },
    );
    s.at(T0 + 2 * WEEK);
    s.checkpoint().unwrap();
    // The checkpoint books only the 500: the owed 2,000 is part of booked - claimed.
    assert_eq!(s.totals(1), (2_500, 0, 0));
    assert_eq!(s.claimable(&alice), (0, 2_500, T0 + 2 * WEEK));
    s.claim(&alice, None, None).unwrap();
    assert_eq!(broken_balance(&s, &broken, &alice), 2_500);
    assert_eq!(s.totals(1), (2_500, 2_500, 0));
}
