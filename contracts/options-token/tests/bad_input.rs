//! Every refusal: typed error, storage byte-for-byte unchanged.
mod common;
use common::*;
use cosmwasm_std::{coin, to_json_binary, Decimal, Uint128};
use trellis_options_token::ContractError;
use trellis_types::options_token::*;
use trellis_types::AssetInfo;

/// An oTOKEN with alice holding 1000 units; strike 0.01 (TWAP 0.02 at 50%).
fn setup() -> Opt {
    let mut o = Opt::new(lit_msg());
    o.set_price(20_000_000_000_000_000);
    o.mint(&addr("alice"), 1_000);
    o
}

#[test]
fn exercise_refusals() {
    let mut o = setup();
    let alice = addr("alice");
    // 1000 units at 0.01 pay 10.
    let weth = |n| [coin(n, "uweth")];
    o.refuse(
        &alice,
        &weth(10),
        exercise(0, 10, NOW),
        ContractError::ZeroAmount,
    );
    o.refuse(
        &alice,
        &weth(11),
        exercise(1_001, 11, NOW),
        ContractError::InsufficientBalance {
            amount: Uint128::new(1_001),
            balance: Uint128::new(1_000),
        },
    );
    o.refuse(
        &alice,
        &[coin(10, "uatom")],
        exercise(1_000, 10, NOW),
        ContractError::WrongPaymentToken {
            expected: "native:uweth".to_string(),
            got: "native:uatom".to_string(),
        },
    );
    o.refuse(
        &alice,
        &weth(9),
        exercise(1_000, 10, NOW),
        ContractError::InsufficientPayment {
            sent: Uint128::new(9),
            payment: Uint128::new(10),
        },
    );
    o.refuse(
        &alice,
        &weth(12),
        exercise(1_000, 11, NOW),
        ContractError::TooMuchPayment {
            sent: Uint128::new(12),
            max_payment: Uint128::new(11),
        },
    );
    o.refuse(
        &alice,
        &weth(9),
        exercise(1_000, 9, NOW),
        ContractError::SlippageExceeded {
            payment: Uint128::new(10),
            max_payment: Uint128::new(9),
        },
    );
    o.refuse(
        &alice,
        &weth(10),
        exercise(1_000, 10, NOW - 1),
        ContractError::DeadlineExpired {
            deadline: NOW - 1,
            now: NOW,
        },
    );
    // A pool whose history does not cover the window: no price, no exercise.
    o.pool.borrow_mut().price = None;
    let before = o.snapshot();
    let err = o
        .exec(&alice, &weth(10), exercise(1_000, 10, NOW))
        .unwrap_err();
    assert!(
        matches!(err, ContractError::OracleUnavailable { ref reason } if reason.contains("does not cover")),
        "{err:?}"
    );
    assert_eq!(o.snapshot(), before, "a refused exercise changed storage");
}

#[test]
fn cw20_hook_refusals() {
    let mut o = setup();
    let hook = |token_amount: u128| {
        ExecuteMsg::Receive(cw20::Cw20ReceiveMsg {
            sender: addr("alice").to_string(),
            amount: Uint128::new(token_amount),
            msg: to_json_binary(&ReceiveMsg::Exercise {
                amount: Uint128::new(1_000),
                max_payment: Uint128::new(10),
                recipient: None,
                deadline: NOW,
            })
            .unwrap(),
        })
    };
    // The payment token is native: a cw20 payment is the wrong token.
    let usdc = addr("usdc");
    o.refuse(
        &usdc,
        &[],
        hook(10),
        ContractError::WrongPaymentToken {
            expected: "native:uweth".to_string(),
            got: format!("cw20:{usdc}"),
        },
    );
    // This token mints LIT: there is no reserve to fund.
    let lit = addr("lit");
    o.refuse(
        &lit,
        &[],
        ExecuteMsg::Receive(cw20::Cw20ReceiveMsg {
            sender: addr("funder").to_string(),
            amount: Uint128::new(5),
            msg: to_json_binary(&ReceiveMsg::FundReserve {}).unwrap(),
        }),
        ContractError::NotAReserve,
    );
}

#[test]
fn minting_refusals() {
    let mut msg = lit_msg();
    msg.cap = Some(Uint128::new(1_500));
    let mut o = Opt::new(msg);
    o.set_price(20_000_000_000_000_000);
    let alice = addr("alice");
    o.mint(&alice, 1_000);
    let mint = |amount| ExecuteMsg::Mint {
        recipient: alice.to_string(),
        amount: Uint128::new(amount),
    };
    o.refuse(
        &alice,
        &[],
        mint(1),
        ContractError::Cw20(cw20_base::ContractError::Unauthorized {}),
    );
    let farm = addr("farm");
    o.refuse(&farm, &[], mint(0), ContractError::ZeroAmount);
    // Exercised options still count against the cap: issue 1000, exercise 1000, and only
    // 500 more may be minted although none are in circulation.
    o.exec(&alice, &[coin(10, "uweth")], exercise(1_000, 10, NOW))
        .unwrap();
    o.refuse(
        &farm,
        &[],
        mint(501),
        ContractError::CapExceeded {
            amount: Uint128::new(501),
            would_issue: Uint128::new(1_501),
            cap: Uint128::new(1_500),
        },
    );
    o.exec(&farm, &[], mint(500)).unwrap();
}

/// The cw20 minter answer reports the supply cap in force, so a minter reading it the cw20
/// way (`cap - total_supply`) mints exactly what the lifetime cap allows. Cap 1,500: 1,000
/// issued (cap in force 1,500, supply 1,000: 500 mintable); after 1,000 are exercised the cap
/// in force is 1,500 - 1,000 = 500 with supply 0: still 500 mintable, not 1,500.
#[test]
fn the_minter_answer_counts_exercised_options_against_the_cap() {
    let mut msg = lit_msg();
    msg.cap = Some(Uint128::new(1_500));
    let mut o = Opt::new(msg);
    o.set_price(20_000_000_000_000_000);
    let alice = addr("alice");
    o.mint(&alice, 1_000);
    let minter: Option<cw20::MinterResponse> = o.q(QueryMsg::Minter {});
    assert_eq!(minter.unwrap().cap, Some(Uint128::new(1_500)));
    o.exec(&alice, &[coin(10, "uweth")], exercise(1_000, 10, NOW))
        .unwrap();
    let minter: Option<cw20::MinterResponse> = o.q(QueryMsg::Minter {});
    let minter = minter.unwrap();
    assert_eq!(minter.cap, Some(Uint128::new(500)));
    assert_eq!(minter.minter, addr("farm").to_string());
    let info: cw20::TokenInfoResponse = o.q(QueryMsg::TokenInfo {});
    assert_eq!(info.total_supply, Uint128::zero());
}

#[test]
fn admin_refusals() {
    let mut o = setup();
    let owner = o.owner.clone();
    let update = |multiplier_bps, min_price, window: Option<u64>| ExecuteMsg::UpdateConfig {
        multiplier_bps,
        oracle: window.map(|window_secs| OracleConfig {
            pool: addr("pool").to_string(),
            window_secs,
            ago_secs: 0,
        }),
        min_price,
        treasury: None,
    };
    for m in [999, 10_001] {
        o.refuse(
            &owner,
            &[],
            update(Some(m), None, None),
            ContractError::MultiplierOutOfBounds {
                multiplier_bps: m,
                min: MIN_MULTIPLIER_BPS,
                max: MAX_MULTIPLIER_BPS,
            },
        );
    }
    o.refuse(
        &owner,
        &[],
        update(None, Some(Decimal::zero()), None),
        ContractError::ZeroMinPrice,
    );
    o.refuse(
        &owner,
        &[],
        update(None, None, Some(MIN_WINDOW_SECS - 1)),
        ContractError::WindowTooShort {
            window_secs: MIN_WINDOW_SECS - 1,
            min: MIN_WINDOW_SECS,
        },
    );
    o.refuse(
        &owner,
        &[],
        update(None, None, None),
        ContractError::NothingToUpdate,
    );
    o.refuse(
        &addr("alice"),
        &[],
        update(Some(6_000), None, None),
        ContractError::Ownership(cw_ownable::OwnershipError::NotOwner),
    );
    // A pool that does not hold both assets.
    o.pool.borrow_mut().assets = [AssetInfo::native("uweth"), AssetInfo::native("uatom")];
    o.refuse(
        &owner,
        &[],
        update(None, None, Some(WINDOW)),
        ContractError::PoolAssetsMismatch {
            pool: addr("pool").to_string(),
            underlying: format!("cw20:{}", addr("lit")),
            payment: "native:uweth".to_string(),
        },
    );
}

#[test]
fn instantiate_refusals() {
    let bad = |f: fn(&mut InstantiateMsg)| {
        let mut msg = lit_msg();
        f(&mut msg);
        Opt::try_new(msg).err().unwrap()
    };
    assert_eq!(
        bad(|m| m.multiplier_bps = 10_001),
        ContractError::MultiplierOutOfBounds {
            multiplier_bps: 10_001,
            min: MIN_MULTIPLIER_BPS,
            max: MAX_MULTIPLIER_BPS
        }
    );
    assert_eq!(
        bad(|m| m.min_price = Decimal::zero()),
        ContractError::ZeroMinPrice
    );
    assert_eq!(
        bad(|m| m.payment = m.underlying.clone()),
        ContractError::SameAssets {
            asset: format!("cw20:{}", addr("lit"))
        }
    );
    assert_eq!(
        bad(|m| m.underlying = AssetInfo::native("ulit")),
        ContractError::MintNeedsCw20 {
            underlying: "native:ulit".to_string()
        }
    );
}

#[test]
fn reserve_funding_refusals() {
    let msg = InstantiateMsg {
        underlying: AssetInfo::native("ulit"),
        delivery: Delivery::Reserve,
        ..lit_msg()
    };
    let mut o = Opt::new(msg);
    let funder = addr("funder");
    o.refuse(
        &funder,
        &[coin(5, "uweth")],
        ExecuteMsg::FundReserve {},
        ContractError::Payment(cw_utils::PaymentError::MissingDenom("ulit".to_string())),
    );
    o.refuse(
        &addr("usdc"),
        &[],
        ExecuteMsg::Receive(cw20::Cw20ReceiveMsg {
            sender: funder.to_string(),
            amount: Uint128::new(5),
            msg: to_json_binary(&ReceiveMsg::FundReserve {}).unwrap(),
        }),
        ContractError::WrongReserveToken {
            expected: "native:ulit".to_string(),
            got: format!("cw20:{}", addr("usdc")),
        },
    );
}
