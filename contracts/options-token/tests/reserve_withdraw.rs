//! The owner withdraws the reserve's unpromised part: the reserve minus what outstanding
//! options (cw20 supply) can still claim, one unit each, capped by the reserve. Refusals are
//! typed and change nothing. And instantiation takes no funds.
mod common;

use common::*;
use cosmwasm_std::testing::{message_info, mock_dependencies, mock_env};
use cosmwasm_std::{coin, BankMsg, CosmosMsg, Uint128};
use cw_utils::PaymentError;
use trellis_options_token::contract::instantiate;
use trellis_options_token::ContractError;
use trellis_types::options_token::*;
use trellis_types::AssetInfo;

/// oTOKEN on a native `ulit` paid from a reserve.
fn reserve_msg() -> InstantiateMsg {
    InstantiateMsg {
        underlying: AssetInfo::native("ulit"),
        delivery: Delivery::Reserve,
        payment: AssetInfo::cw20(addr("usdc").to_string()),
        ..lit_msg()
    }
}

fn withdraw(amount: u128) -> ExecuteMsg {
    ExecuteMsg::WithdrawReserve {
        amount: Uint128::new(amount),
        recipient: addr("treasury").to_string(),
    }
}

fn status(o: &Opt) -> (u128, u128, u128) {
    let s: ReserveStatusResponse = o.q(QueryMsg::ReserveStatus {});
    (s.available.u128(), s.promised.u128(), s.withdrawable.u128())
}

#[test]
fn only_the_unpromised_reserve_is_withdrawn() {
    let mut o = Opt::new(reserve_msg());
    let (owner, alice, funder) = (o.owner.clone(), addr("alice"), addr("funder"));
    o.exec(&funder, &[coin(1_000, "ulit")], ExecuteMsg::FundReserve {})
        .unwrap();
    o.mint(&alice, 600);
    // 600 options out: promised min(600, 1,000) = 600, withdrawable 1,000 - 600 = 400.
    assert_eq!(status(&o), (1_000, 600, 400));
    o.refuse(
        &owner,
        &[],
        withdraw(401),
        ContractError::ReservePromised {
            requested: Uint128::new(401),
            withdrawable: Uint128::new(400),
            promised: Uint128::new(600),
        },
    );
    o.refuse(
        &alice,
        &[],
        withdraw(1),
        ContractError::Ownership(cw_ownable::OwnershipError::NotOwner),
    );
    o.refuse(&owner, &[], withdraw(0), ContractError::ZeroAmount);

    let res = o.exec(&owner, &[], withdraw(400)).unwrap();
    assert_eq!(
        res.messages[0].msg,
        CosmosMsg::Bank(BankMsg::Send {
            to_address: addr("treasury").to_string(),
            amount: vec![coin(400, "ulit")],
        })
    );
    assert_eq!(status(&o), (600, 600, 0));
    assert_eq!(o.totals().reserve_available, Some(Uint128::new(600)));

    // Alice burns 100 options unexercised: 500 out, so 600 - 500 = 100 is free again.
    o.exec(
        &alice,
        &[],
        ExecuteMsg::Burn {
            amount: Uint128::new(100),
        },
    )
    .unwrap();
    assert_eq!(status(&o), (600, 500, 100));
    o.exec(&owner, &[], withdraw(100)).unwrap();
    assert_eq!(status(&o), (500, 500, 0));
}

#[test]
fn promised_is_capped_by_the_reserve() {
    let mut o = Opt::new(reserve_msg());
    let (owner, alice, funder) = (o.owner.clone(), addr("alice"), addr("funder"));
    o.exec(&funder, &[coin(1_000, "ulit")], ExecuteMsg::FundReserve {})
        .unwrap();
    o.mint(&alice, 1_100);
    // 1,100 options out, 1,000 in the reserve: all 1,000 is promised, nothing withdrawable.
    assert_eq!(status(&o), (1_000, 1_000, 0));
    o.refuse(
        &owner,
        &[],
        withdraw(1),
        ContractError::ReservePromised {
            requested: Uint128::new(1),
            withdrawable: Uint128::zero(),
            promised: Uint128::new(1_000),
        },
    );
}

#[test]
fn a_minting_token_has_no_reserve_to_withdraw() {
    let mut o = Opt::new(lit_msg());
    let owner = o.owner.clone();
    o.refuse(&owner, &[], withdraw(1), ContractError::NotAReserve);
}

#[test]
fn instantiate_refuses_funds() {
    let mut deps = mock_dependencies();
    let err = instantiate(
        deps.as_mut(),
        mock_env(),
        message_info(&addr("owner"), &[coin(1, "uweth")]),
        lit_msg(),
    )
    .unwrap_err();
    assert_eq!(err, ContractError::Payment(PaymentError::NonPayable {}));
}
