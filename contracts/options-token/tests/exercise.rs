//! Exercises priced by the fake pool's TWAP: every expected number is
//! `strike = max(ceil(twap * multiplier / 10000), min_price)`, `payment = ceil(amount * strike)`.
mod common;
use common::*;
use cosmwasm_std::{coin, to_json_binary, BankMsg, CosmosMsg, Decimal, Uint128, WasmMsg};
use trellis_types::options_token::*;
use trellis_types::AssetInfo;

fn bank(to: &str, amount: u128, denom: &str) -> CosmosMsg {
    CosmosMsg::Bank(BankMsg::Send {
        to_address: addr(to).to_string(),
        amount: vec![coin(amount, denom)],
    })
}

fn cw20_msg(token: &str, msg: &cw20::Cw20ExecuteMsg) -> CosmosMsg {
    CosmosMsg::Wasm(WasmMsg::Execute {
        contract_addr: addr(token).to_string(),
        msg: to_json_binary(msg).unwrap(),
        funds: vec![],
    })
}

#[test]
fn design_example_pays_the_treasury_and_mints_the_underlying() {
    let mut o = Opt::new(lit_msg());
    // TWAP 12,345,678,901,234,567, 50%: strike 6,172,839,450,617,284 (rounded up
    // from ...283.5); 1000e18 options pay 1000 x that = 6,172,839,450,617,284,000.
    o.set_price(12_345_678_901_234_567);
    let alice = addr("alice");
    o.mint(&alice, 1_000 * ONE);
    let payment = 6_172_839_450_617_284_000u128;
    let sim: SimulateExerciseResponse = o.q(QueryMsg::SimulateExercise {
        amount: Uint128::new(1_000 * ONE),
    });
    assert_eq!(sim.payment.u128(), payment);
    let res = o
        .exec(
            &alice,
            &[coin(payment, "uweth")],
            exercise(1_000 * ONE, payment, NOW),
        )
        .unwrap();
    let msgs: Vec<CosmosMsg> = res.messages.into_iter().map(|m| m.msg).collect();
    assert_eq!(
        msgs,
        vec![
            bank("treasury", payment, "uweth"),
            cw20_msg(
                "lit",
                &cw20::Cw20ExecuteMsg::Mint {
                    recipient: alice.to_string(),
                    amount: Uint128::new(1_000 * ONE),
                }
            ),
        ]
    );
    // The pool was asked for LIT's price in the other asset over the configured window.
    assert_eq!(
        o.pool.borrow().asked,
        Some((AssetInfo::cw20(addr("lit").to_string()), WINDOW, 0))
    );
    assert_eq!(o.balance(&alice), 0);
    let t = o.totals();
    assert_eq!(t.exercised.u128(), 1_000 * ONE);
    assert_eq!(t.issued.u128(), 1_000 * ONE);
    assert_eq!(t.paid_to_treasury.u128(), payment);
    assert_eq!(t.underlying_delivered.u128(), 1_000 * ONE);
    let info: cw20::TokenInfoResponse = o.q(QueryMsg::TokenInfo {});
    assert_eq!(
        info.total_supply,
        Uint128::zero(),
        "exercised options are burned"
    );
}

#[test]
fn excess_payment_up_to_the_maximum_is_refunded() {
    let mut o = Opt::new(lit_msg());
    // TWAP 0.02, 50%: strike 0.01; 500 units pay ceil(5) = 5.
    o.set_price(20_000_000_000_000_000);
    let alice = addr("alice");
    o.mint(&alice, 500);
    let res = o
        .exec(&alice, &[coin(8, "uweth")], exercise(500, 8, NOW))
        .unwrap();
    let msgs: Vec<CosmosMsg> = res.messages.into_iter().map(|m| m.msg).collect();
    assert_eq!(msgs[0], bank("treasury", 5, "uweth"));
    assert_eq!(msgs[2], bank("alice", 3, "uweth"));
}

#[test]
fn the_minimum_price_clamps_the_strike() {
    let mut msg = lit_msg();
    msg.min_price = Decimal::raw(15_000_000_000_000_000); // 0.015
    let mut o = Opt::new(msg);
    // TWAP 0.02 at 50% is 0.01 < 0.015: the strike is 0.015, and 3e18 options pay 4.5e16.
    o.set_price(20_000_000_000_000_000);
    let strike: StrikePriceResponse = o.q(QueryMsg::StrikePrice {});
    assert_eq!(strike.strike, Decimal::raw(15_000_000_000_000_000));
    assert!(strike.clamped);
    let alice = addr("alice");
    o.mint(&alice, 3 * ONE);
    let res = o
        .exec(
            &alice,
            &[coin(45_000_000_000_000_000, "uweth")],
            exercise(3 * ONE, 45_000_000_000_000_000, NOW),
        )
        .unwrap();
    assert_eq!(
        res.messages[0].msg,
        bank("treasury", 45_000_000_000_000_000, "uweth")
    );
}

#[test]
fn a_new_multiplier_prices_the_next_exercise() {
    let mut o = Opt::new(lit_msg());
    o.set_price(100 * ONE);
    let owner = o.owner.clone();
    let res = o
        .exec(
            &owner,
            &[],
            ExecuteMsg::UpdateConfig {
                multiplier_bps: Some(9_000),
                oracle: None,
                min_price: None,
                treasury: None,
            },
        )
        .unwrap();
    let attr = |k: &str| {
        res.attributes
            .iter()
            .find(|a| a.key == k)
            .unwrap()
            .value
            .clone()
    };
    assert_eq!(attr("old_multiplier_bps"), "5000");
    assert_eq!(attr("multiplier_bps"), "9000");
    // Seed 002's tally: price 100, 90% strike: one option (1e18 units) pays 90e18.
    let sim: SimulateExerciseResponse = o.q(QueryMsg::SimulateExercise {
        amount: Uint128::new(ONE),
    });
    assert_eq!(sim.strike, Decimal::raw(90 * ONE));
    assert_eq!(sim.payment.u128(), 90 * ONE);
}

#[test]
fn one_unit_is_never_free() {
    let mut o = Opt::new(lit_msg());
    // TWAP 1 atomic (1e-18), 50%: ceil(0.5) = 1 atomic; one unit pays ceil(1e-18) = 1.
    o.set_price(1);
    let alice = addr("alice");
    o.mint(&alice, 1);
    let sim: SimulateExerciseResponse = o.q(QueryMsg::SimulateExercise {
        amount: Uint128::one(),
    });
    assert_eq!(sim.payment, Uint128::one());
    o.refuse(
        &alice,
        &[],
        exercise(1, 1, NOW),
        trellis_options_token::ContractError::InsufficientPayment {
            sent: Uint128::zero(),
            payment: Uint128::one(),
        },
    );
}

/// oTOKEN on a native underlying paid from a reserve, payment in a cw20 stablecoin.
fn reserve_msg() -> InstantiateMsg {
    InstantiateMsg {
        underlying: AssetInfo::native("ulit"),
        delivery: Delivery::Reserve,
        payment: AssetInfo::cw20(addr("usdc").to_string()),
        ..lit_msg()
    }
}

#[test]
fn cw20_payment_and_reserve_delivery() {
    let mut o = Opt::new(reserve_msg());
    o.set_price(2 * ONE); // 2 usdc units per ulit; 50%: strike 1
    let (alice, funder) = (addr("alice"), addr("funder"));
    o.exec(&funder, &[coin(1_000, "ulit")], ExecuteMsg::FundReserve {})
        .unwrap();
    o.mint(&alice, 600);
    let hook = |amount: u128, sent: u128| {
        ExecuteMsg::Receive(cw20::Cw20ReceiveMsg {
            sender: alice.to_string(),
            amount: Uint128::new(sent),
            msg: to_json_binary(&ReceiveMsg::Exercise {
                amount: Uint128::new(amount),
                max_payment: Uint128::new(sent),
                recipient: None,
                deadline: NOW,
            })
            .unwrap(),
        })
    };
    let usdc = addr("usdc");
    let res = o.exec(&usdc, &[], hook(600, 600)).unwrap();
    let msgs: Vec<CosmosMsg> = res.messages.into_iter().map(|m| m.msg).collect();
    assert_eq!(
        msgs,
        vec![
            cw20_msg(
                "usdc",
                &cw20::Cw20ExecuteMsg::Transfer {
                    recipient: addr("treasury").to_string(),
                    amount: Uint128::new(600),
                }
            ),
            bank("alice", 600, "ulit"),
        ]
    );
    assert_eq!(o.totals().reserve_available, Some(Uint128::new(400)));
    // 500 more options, 400 in the reserve: refused before anything moves.
    o.mint(&alice, 500);
    o.refuse(
        &usdc,
        &[],
        hook(500, 500),
        trellis_options_token::ContractError::InsufficientReserve {
            requested: Uint128::new(500),
            available: Uint128::new(400),
        },
    );
}
