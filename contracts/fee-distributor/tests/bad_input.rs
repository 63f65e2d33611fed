//! Every refused input returns its typed error and leaves the distributor's storage unchanged.
mod common;
use common::*;
use cosmwasm_std::coin;
use cw_utils::PaymentError;
use trellis_fee_distributor::limits::{MAX_TOKENS, MAX_WEEKS_PER_CLAIM};
use trellis_fee_distributor::ContractError;
use trellis_types::fee_distributor::{ExecuteMsg, QueryMsg, TokensPerWeekResponse};
use trellis_types::voting_escrow::WEEK;
use trellis_types::AssetInfo;

#[test]
fn instantiate_refuses_bad_token_lists() {
    let mut s = Suite::bare();
    let mut msg = s.instantiate_msg(T0);
    msg.tokens = vec![];
    assert_err(s.try_instantiate(&msg), ContractError::NoTokens);
    msg.tokens = (0..=MAX_TOKENS)
        .map(|i| AssetInfo::native(format!("u{i}")))
        .collect();
    assert_err(
        s.try_instantiate(&msg),
        ContractError::TooManyTokens {
            count: MAX_TOKENS + 1,
            max: MAX_TOKENS,
        },
    );
    msg.tokens = vec![s.native(), s.token(), s.native()];
    assert_err(
        s.try_instantiate(&msg),
        ContractError::DuplicateToken {
            token: format!("native:{FEE_DENOM}"),
        },
    );
    // Exactly MAX_TOKENS distinct tokens is fine.
    msg.tokens = (0..MAX_TOKENS)
        .map(|i| AssetInfo::native(format!("u{i}")))
        .collect();
    s.try_instantiate(&msg).unwrap();
}

#[test]
fn claim_refuses_bad_week_limits_funds_and_nothing_to_claim() {
    let mut s = Suite::new();
    let alice = s.addr("alice");
    s.set_power(&alice, 0, 1);
    s.send_native_fees(10);
    s.refuse(ContractError::ZeroWeekLimit, |s| {
        s.claim(&alice, None, Some(0))
    });
    s.refuse(
        ContractError::WeekLimitTooLarge {
            limit: MAX_WEEKS_PER_CLAIM + 1,
            max: MAX_WEEKS_PER_CLAIM,
        },
        |s| s.claim(&alice, None, Some(MAX_WEEKS_PER_CLAIM + 1)),
    );
    // Week 0 is not complete yet: nothing booked, nothing to walk.
    s.refuse(
        ContractError::NothingToClaim {
            user: alice.to_string(),
            cursor: T0,
            last_token_time: T0,
        },
        |s| s.claim(&alice, None, None),
    );
    s.at(T0 + WEEK);
    s.checkpoint().unwrap();
    s.mint_native(&alice, coin(5, FEE_DENOM));
    s.refuse(ContractError::Payment(PaymentError::NonPayable {}), |s| {
        let msg = ExecuteMsg::Claim {
            user: None,
            limit_weeks: None,
        };
        s.exec(&alice, &msg, &[coin(5, FEE_DENOM)])
    });
    // After all the refusals the claim still pays the whole week: 10.
    s.claim(&alice, None, None).unwrap();
    assert_eq!(s.native_balance(&alice), 5 + 10);
}

#[test]
fn checkpoint_refuses_coins_that_are_not_fee_tokens() {
    let mut s = Suite::new();
    let payer = s.addr("payer");
    s.mint_native(&payer, coin(3, "uother"));
    s.refuse(
        ContractError::UnknownToken {
            token: "native:uother".into(),
        },
        |s| {
            s.exec(
                &payer,
                &ExecuteMsg::CheckpointToken {},
                &[coin(3, "uother")],
            )
        },
    );
}

#[test]
fn ownership_changes_need_the_owner() {
    let mut s = Suite::new();
    let mallory = s.addr("mallory");
    let msg = ExecuteMsg::UpdateOwnership(cw_ownable::Action::TransferOwnership {
        new_owner: mallory.to_string(),
        expiry: None,
    });
    s.refuse(
        ContractError::Ownership(cw_ownable::OwnershipError::NotOwner),
        |s| s.exec(&mallory, &msg, &[]),
    );
    // The owner may propose; the proposed owner accepts.
    let owner = s.owner.clone();
    s.exec(&owner, &msg, &[]).unwrap();
    s.exec(
        &mallory,
        &ExecuteMsg::UpdateOwnership(cw_ownable::Action::AcceptOwnership),
        &[],
    )
    .unwrap();
    let ownership: cw_ownable::Ownership<String> = s.query(&QueryMsg::Ownership {});
    assert_eq!(ownership.owner, Some(mallory.to_string()));
}

#[test]
fn tokens_per_week_refuses_an_unknown_token() {
    let s = Suite::new();
    let err = s
        .app
        .wrap()
        .query_wasm_smart::<TokensPerWeekResponse>(
            &s.fd,
            &QueryMsg::TokensPerWeek {
                token: AssetInfo::native("uother"),
                start_after: None,
                limit: None,
            },
        )
        .unwrap_err();
    // Query errors cross the querier as text: the typed error's message.
    let expected = ContractError::UnknownToken {
        token: "native:uother".into(),
    }
    .to_string();
    assert!(err.to_string().contains(&expected), "{err}");
}
