//! Every bad input gets a typed error and changes nothing: `Suite::refuse` compares the pool's
//! storage (and the cw20s'), and the bank balances, before and after.
mod common;
use common::*;
use cosmwasm_std::{coin, Uint128, Uint256};
use cw_multi_test::Executor;
use cw_ownable::OwnershipError;
use cw_utils::PaymentError;
use trellis_cl_pool::limits::{MAX_ORACLE_CAPACITY, MAX_PROTOCOL_FEE_SHARE_BPS};
use trellis_cl_pool::ContractError;
use trellis_math::cl::{MAX_SQRT_PRICE, MIN_SQRT_PRICE};
use trellis_types::cl_pool::*;
use trellis_types::AssetInfo;

/// Price 1, position 1 = [-60, 60] with 1e6 of each, owned by "lp"; "user" holds 10e6 of each.
fn pool() -> (Suite, cosmwasm_std::Addr, cosmwasm_std::Addr) {
    let mut s = Suite::new(Spec::standard().protocol_share(1_000));
    let lp = s.addr("lp");
    s.funded_mint(&lp, -60, 60, [E6, E6]).unwrap();
    let user = s.addr("user");
    s.fund(&user, 0, 10 * E6);
    s.fund(&user, 1, 10 * E6);
    (s, lp, user)
}

fn mint(lower: i32, upper: i32, desired: [u128; 2]) -> ExecuteMsg {
    Suite::mint_msg(lower, upper, desired, [0, 0])
}

#[test]
fn bad_instantiation() {
    let mut s = Suite::new(Spec::standard());
    let base = s.instantiate_msg();
    let mut cases: Vec<(InstantiateMsg, ContractError)> = vec![];
    let mut m = base.clone();
    m.assets[1] = AssetInfo::native("uaaa");
    cases.push((
        m,
        ContractError::SameAssets {
            asset: "native:uaaa".into(),
        },
    ));
    let mut m = base.clone();
    m.fee_tier.fee_pips = 1_000_000;
    cases.push((
        m,
        ContractError::InvalidFee {
            fee_pips: 1_000_000,
        },
    ));
    for tick_spacing in [0, -60, MAX_TICK_SPACING + 1] {
        let mut m = base.clone();
        m.fee_tier.tick_spacing = tick_spacing;
        cases.push((
            m,
            ContractError::InvalidTickSpacing {
                tick_spacing,
                max: MAX_TICK_SPACING,
            },
        ));
    }
    let mut m = base.clone();
    m.protocol_fee_share_bps = MAX_PROTOCOL_FEE_SHARE_BPS + 1;
    cases.push((
        m,
        ContractError::ProtocolFeeShareTooHigh {
            share_bps: 5_001,
            max: 5_000,
        },
    ));
    for capacity in [0, MAX_ORACLE_CAPACITY + 1] {
        let mut m = base.clone();
        m.oracle.capacity = capacity;
        cases.push((
            m,
            ContractError::InvalidOracleCapacity {
                capacity,
                max: MAX_ORACLE_CAPACITY,
            },
        ));
    }
    let mut m = base.clone();
    m.oracle.min_sample_spacing = 0;
    cases.push((m, ContractError::InvalidOracleSpacing { spacing: 0 }));
    for sqrt_price in [
        MIN_SQRT_PRICE - Uint256::one(),
        MAX_SQRT_PRICE,
        Uint256::MAX,
    ] {
        let mut m = base.clone();
        m.sqrt_price = Some(sqrt_price);
        cases.push((m, ContractError::SqrtPriceOutOfRange { sqrt_price }));
    }
    for (msg, expected) in cases {
        assert_err(s.try_instantiate(msg), expected);
    }
    // Funds attached to the instantiation.
    let owner = s.owner.clone();
    s.fund(&owner, 0, 5);
    let result =
        s.app
            .instantiate_contract(s.pool_code, owner, &base, &[coin(5, "uaaa")], "pool", None);
    assert_err(result, PaymentError::NonPayable {}.into());
    s.try_instantiate(base).unwrap();
}

#[test]
fn initialization_once_and_before_use() {
    let mut s = Suite::new(Spec::standard().price(None));
    let user = s.addr("user");
    s.fund(&user, 0, E6);
    s.fund(&user, 1, E6);
    s.refuse(&[&user], ContractError::NotInitialized, |s| {
        s.exec(
            &user,
            &[coin(E6, "uaaa"), coin(E6, "ubbb")],
            &mint(-60, 60, [E6, E6]),
        )
    });
    s.refuse(&[&user], ContractError::NotInitialized, |s| {
        s.swap_in(&user, 0, 1_000, None)
    });
    s.refuse(
        &[&user],
        ContractError::SqrtPriceOutOfRange {
            sqrt_price: Uint256::zero(),
        },
        |s| {
            s.exec(
                &user,
                &[],
                &ExecuteMsg::Initialize {
                    sqrt_price: Uint256::zero(),
                },
            )
        },
    );
    let init = ExecuteMsg::Initialize {
        sqrt_price: Uint256::from(Q96),
    };
    s.exec(&user, &[], &init).unwrap();
    s.refuse(&[&user], ContractError::AlreadyInitialized, |s| {
        s.exec(&user, &[], &init)
    });
}

#[test]
fn bad_ranges() {
    let (mut s, _, user) = pool();
    let funds = [coin(E6, "uaaa"), coin(E6, "ubbb")];
    let cases = [
        (
            (-887_280, 60),
            ContractError::TickOutOfRange { tick: -887_280 },
        ),
        (
            (-60, 887_280),
            ContractError::TickOutOfRange { tick: 887_280 },
        ),
        (
            (-30, 60),
            ContractError::TickNotOnSpacing {
                tick: -30,
                tick_spacing: 60,
            },
        ),
        (
            (-60, 90),
            ContractError::TickNotOnSpacing {
                tick: 90,
                tick_spacing: 60,
            },
        ),
        (
            (60, 60),
            ContractError::InvalidRange {
                lower: 60,
                upper: 60,
            },
        ),
        (
            (120, 60),
            ContractError::InvalidRange {
                lower: 120,
                upper: 60,
            },
        ),
    ];
    for ((lower, upper), expected) in cases {
        s.refuse(&[&user], expected, |s| {
            s.exec(&user, &funds, &mint(lower, upper, [E6, E6]))
        });
    }
}

#[test]
fn bad_liquidity_amounts() {
    let (mut s, _, user) = pool();
    // Nothing, or only token0 for a range holding the price (token1 pays for no liquidity).
    s.refuse(&[&user], ContractError::ZeroLiquidity, |s| {
        s.exec(&user, &[], &mint(-60, 60, [0, 0]))
    });
    s.refuse(&[&user], ContractError::ZeroLiquidity, |s| {
        s.exec(&user, &[coin(E6, "uaaa")], &mint(-60, 60, [E6, 0]))
    });
    // Slippage: the mint would use 1000000 of token0, less than the minimum asked.
    s.refuse(
        &[&user],
        ContractError::AmountBelowMinimum {
            asset: 0,
            minimum: Uint128::new(E6 + 1),
            actual: Uint128::new(E6),
        },
        |s| {
            s.exec(
                &user,
                &[coin(E6, "uaaa"), coin(E6, "ubbb")],
                &Suite::mint_msg(-60, 60, [E6, E6], [E6 + 1, 0]),
            )
        },
    );
    // An expired deadline.
    let now = s.now();
    s.refuse(
        &[&user],
        ContractError::DeadlineExpired {
            deadline: now - 1,
            now,
        },
        |s| {
            let mut msg = mint(-60, 60, [E6, E6]);
            if let ExecuteMsg::Mint { deadline, .. } = &mut msg {
                *deadline = Some(now - 1);
            }
            s.exec(&user, &[coin(E6, "uaaa"), coin(E6, "ubbb")], &msg)
        },
    );
    // Liquidity above v3's per-tick cap for spacing 60: 1e32 of each over [-60, 60] pays for
    // L = floor(1e32 * 2^96 / (2^96 - s(-60))) = 33385024970969944913475983274554735 (token1's
    // bound, as for 1e6 above, times 1e26 up to rounding), above u128::MAX / 29575 =
    // 11505743598341114571880798222544994.
    let whale = s.addr("whale");
    let big = 100_000_000_000_000_000_000_000_000_000_000u128;
    s.fund(&whale, 0, big);
    s.fund(&whale, 1, big);
    s.refuse(
        &[&whale],
        ContractError::TickLiquidityOverflow {
            tick: -60,
            liquidity: Uint128::new(33_385_024_970_969_944_913_475_983_274_554_735 + 333_850_249),
            max: Uint128::new(11_505_743_598_341_114_571_880_798_222_544_994),
        },
        |s| {
            s.exec(
                &whale,
                &[coin(big, "uaaa"), coin(big, "ubbb")],
                &mint(-60, 60, [big, big]),
            )
        },
    );
    // Amounts near u128::MAX pay for a liquidity beyond u128: a typed overflow, not a panic.
    // (A quarter of it, so the test bank's total supply stays within u128.)
    let max = u128::MAX / 4;
    let giant = s.addr("giant");
    s.fund(&giant, 0, max);
    s.fund(&giant, 1, max);
    s.refuse(
        &[&giant],
        ContractError::Overflow("liquidity for amounts"),
        |s| {
            s.exec(
                &giant,
                &[coin(max, "uaaa"), coin(max, "ubbb")],
                &mint(-60, 60, [max, max]),
            )
        },
    );
}

#[test]
fn wrong_or_missing_funds_for_a_mint() {
    let (mut s, _, user) = pool();
    let cases = [
        (
            vec![coin(E6 - 1, "uaaa"), coin(E6, "ubbb")],
            ContractError::FundsMismatch {
                denom: "uaaa".into(),
                expected: Uint128::new(E6),
                got: Uint128::new(E6 - 1),
            },
        ),
        (
            vec![coin(E6, "uaaa")],
            ContractError::FundsMismatch {
                denom: "ubbb".into(),
                expected: Uint128::new(E6),
                got: Uint128::zero(),
            },
        ),
    ];
    for (funds, expected) in cases {
        s.refuse(&[&user], expected, |s| {
            s.exec(&user, &funds, &mint(-60, 60, [E6, E6]))
        });
    }
    s.app
        .sudo(cw_multi_test::SudoMsg::Bank(
            cw_multi_test::BankSudo::Mint {
                to_address: user.to_string(),
                amount: vec![coin(5, "uzzz")],
            },
        ))
        .unwrap();
    s.refuse(
        &[&user],
        ContractError::UnexpectedFunds {
            denom: "uzzz".into(),
        },
        |s| {
            s.exec(
                &user,
                &[coin(E6, "uaaa"), coin(E6, "ubbb"), coin(5, "uzzz")],
                &mint(-60, 60, [E6, E6]),
            )
        },
    );
}

#[test]
fn only_the_owner_or_an_approved_account_changes_a_position() {
    let (mut s, lp, user) = pool();
    let not_owner = || ContractError::NotPositionOwner {
        token_id: "1".into(),
        sender: user.to_string(),
    };
    let msgs = [
        ExecuteMsg::DecreaseLiquidity {
            token_id: "1".into(),
            liquidity: Uint128::new(1),
            amount_min: [Uint128::zero(); 2],
            deadline: None,
        },
        ExecuteMsg::Collect {
            token_id: "1".into(),
            recipient: None,
            amount_max: None,
        },
        ExecuteMsg::Burn {
            token_id: "1".into(),
        },
        ExecuteMsg::TransferNft {
            recipient: user.to_string(),
            token_id: "1".into(),
        },
    ];
    for msg in msgs.iter().take(3) {
        s.refuse(&[&user, &lp], not_owner(), |s| s.exec(&user, &[], msg));
    }
    s.refuse(&[&user, &lp], not_owner(), |s| {
        s.exec(
            &user,
            &[coin(E6, "uaaa"), coin(E6, "ubbb")],
            &ExecuteMsg::IncreaseLiquidity {
                token_id: "1".into(),
                amounts: AddAmounts {
                    desired: [Uint128::new(E6); 2],
                    min: [Uint128::zero(); 2],
                },
                deadline: None,
            },
        )
    });
    // cw721's own check refuses a transfer by a stranger.
    s.refuse(
        &[&user, &lp],
        cw721::error::Cw721ContractError::Ownership(OwnershipError::NotOwner).into(),
        |s| s.exec(&user, &[], &msgs[3]),
    );
    // A position that does not exist.
    s.refuse(
        &[&lp],
        ContractError::PositionNotFound {
            token_id: "7".into(),
        },
        |s| {
            s.exec(
                &lp,
                &[],
                &ExecuteMsg::Collect {
                    token_id: "7".into(),
                    recipient: None,
                    amount_max: None,
                },
            )
        },
    );
}

#[test]
fn bad_decreases_collects_and_burns() {
    let (mut s, lp, _) = pool();
    let decrease =
        |liquidity: u128, min: u128, deadline: Option<u64>| ExecuteMsg::DecreaseLiquidity {
            token_id: "1".into(),
            liquidity: Uint128::new(liquidity),
            amount_min: [Uint128::new(min); 2],
            deadline,
        };
    s.refuse(&[&lp], ContractError::ZeroLiquidity, |s| {
        s.exec(&lp, &[], &decrease(0, 0, None))
    });
    s.refuse(
        &[&lp],
        ContractError::InsufficientPositionLiquidity {
            token_id: "1".into(),
            liquidity: Uint128::new(333_850_249),
            requested: Uint128::new(333_850_250),
        },
        |s| s.exec(&lp, &[], &decrease(333_850_250, 0, None)),
    );
    // Removing all pays floor(999999.99787...) = 999999 each: a minimum of 1e6 is slippage.
    s.refuse(
        &[&lp],
        ContractError::AmountBelowMinimum {
            asset: 0,
            minimum: Uint128::new(E6),
            actual: Uint128::new(999_999),
        },
        |s| s.exec(&lp, &[], &decrease(333_850_249, E6, None)),
    );
    let now = s.now();
    s.refuse(
        &[&lp],
        ContractError::DeadlineExpired {
            deadline: now - 1,
            now,
        },
        |s| s.exec(&lp, &[], &decrease(1, 0, Some(now - 1))),
    );
    s.refuse(
        &[&lp],
        ContractError::NothingToCollect {
            token_id: "1".into(),
        },
        |s| {
            s.exec(
                &lp,
                &[],
                &ExecuteMsg::Collect {
                    token_id: "1".into(),
                    recipient: None,
                    amount_max: None,
                },
            )
        },
    );
    s.refuse(
        &[&lp],
        ContractError::PositionNotEmpty {
            token_id: "1".into(),
            liquidity: Uint128::new(333_850_249),
            owed_0: Uint128::zero(),
            owed_1: Uint128::zero(),
        },
        |s| {
            s.exec(
                &lp,
                &[],
                &ExecuteMsg::Burn {
                    token_id: "1".into(),
                },
            )
        },
    );
    s.fund(&lp, 0, 1);
    s.refuse(&[&lp], PaymentError::NonPayable {}.into(), |s| {
        s.exec(&lp, &[coin(1, "uaaa")], &decrease(1, 0, None))
    });
}

#[test]
fn bad_swaps() {
    let (mut s, _, user) = pool();
    let swap = |limit: Option<Uint256>, min_out: Option<u128>, deadline: Option<u64>| {
        ExecuteMsg::SwapExactIn {
            sqrt_price_limit: limit,
            min_out: min_out.map(Uint128::new),
            recipient: None,
            deadline,
        }
    };
    let current = Uint256::from(Q96);
    // Token0 in moves the price down: a limit at or above the price is on the wrong side.
    s.refuse(
        &[&user],
        ContractError::PriceLimitWrongSide {
            limit: current,
            current,
            side: "lower",
        },
        |s| {
            s.exec(
                &user,
                &[coin(1_000, "uaaa")],
                &swap(Some(current), None, None),
            )
        },
    );
    s.refuse(
        &[&user],
        ContractError::PriceLimitWrongSide {
            limit: current - Uint256::one(),
            current,
            side: "upper",
        },
        |s| {
            s.exec(
                &user,
                &[coin(1_000, "ubbb")],
                &swap(Some(current - Uint256::one()), None, None),
            )
        },
    );
    for (denom, limit) in [
        ("uaaa", MIN_SQRT_PRICE),
        ("ubbb", MAX_SQRT_PRICE),
        ("ubbb", Uint256::MAX),
    ] {
        s.refuse(
            &[&user],
            ContractError::PriceLimitOutOfRange { limit },
            |s| s.exec(&user, &[coin(1_000, denom)], &swap(Some(limit), None, None)),
        );
    }
    // Funds: none, two coins, a foreign coin.
    s.refuse(&[&user], PaymentError::NoFunds {}.into(), |s| {
        s.exec(&user, &[], &swap(None, None, None))
    });
    s.refuse(&[&user], PaymentError::MultipleDenoms {}.into(), |s| {
        s.exec(
            &user,
            &[coin(1_000, "uaaa"), coin(1_000, "ubbb")],
            &swap(None, None, None),
        )
    });
    s.app
        .sudo(cw_multi_test::SudoMsg::Bank(
            cw_multi_test::BankSudo::Mint {
                to_address: user.to_string(),
                amount: vec![coin(5, "uzzz")],
            },
        ))
        .unwrap();
    s.refuse(
        &[&user],
        ContractError::AssetNotInPool {
            asset: "native:uzzz".into(),
        },
        |s| s.exec(&user, &[coin(5, "uzzz")], &swap(None, None, None)),
    );
    // Slippage: 1000 in pays 996 (swap.rs).
    s.refuse(
        &[&user],
        ContractError::SlippageExceeded {
            minimum: Uint128::new(997),
            actual: Uint128::new(996),
        },
        |s| s.exec(&user, &[coin(1_000, "uaaa")], &swap(None, Some(997), None)),
    );
    // Exact out: 500 out costs 503 (swap.rs), more than the 502 sent.
    s.refuse(
        &[&user],
        ContractError::MaxInExceeded {
            maximum: Uint128::new(502),
            actual: Uint128::new(503),
        },
        |s| s.swap_out(&user, 1, 502, 500, None),
    );
    let now = s.now();
    s.refuse(
        &[&user],
        ContractError::DeadlineExpired {
            deadline: now - 1,
            now,
        },
        |s| {
            s.exec(
                &user,
                &[coin(1_000, "uaaa")],
                &swap(None, None, Some(now - 1)),
            )
        },
    );
    // 1 unit in: floor(1 * 997000 / 1e6) = 0 after the fee, so it would buy nothing.
    s.refuse(
        &[&user],
        ContractError::NothingOut {
            amount_in: Uint128::new(1),
        },
        |s| s.exec(&user, &[coin(1, "uaaa")], &swap(None, None, None)),
    );
}

#[test]
fn bad_fee_and_admin_actions() {
    let mut s = Suite::new(Spec::standard());
    let user = s.addr("user");
    s.refuse(&[], ContractError::NoFeeCollector, |s| {
        s.exec(&user, &[], &ExecuteMsg::CollectProtocolFees {})
    });
    let (mut s, _, user) = pool();
    s.refuse(&[], ContractError::NoProtocolFees, |s| {
        s.exec(&user, &[], &ExecuteMsg::CollectProtocolFees {})
    });
    s.refuse(&[], OwnershipError::NotOwner.into(), |s| {
        s.exec(
            &user,
            &[],
            &ExecuteMsg::UpdateFeeConfig {
                fee_collector: None,
                protocol_fee_share_bps: Some(10),
            },
        )
    });
    let owner = s.owner.clone();
    s.refuse(
        &[],
        ContractError::ProtocolFeeShareTooHigh {
            share_bps: 5_001,
            max: 5_000,
        },
        |s| {
            s.exec(
                &owner,
                &[],
                &ExecuteMsg::UpdateFeeConfig {
                    fee_collector: None,
                    protocol_fee_share_bps: Some(5_001),
                },
            )
        },
    );
}

#[test]
fn cw20_hook_from_a_foreign_token() {
    let mut s = Suite::new(Spec::standard().cw20());
    let lp = s.addr("lp");
    s.funded_mint(&lp, -60, 60, [E6, E6]).unwrap();
    // A message that claims to be a cw20 hook, sent by an account that is no pool asset.
    let stranger = s.addr("stranger");
    s.refuse(
        &[],
        ContractError::UnknownToken {
            token: stranger.to_string(),
        },
        |s| {
            s.exec(
                &stranger,
                &[],
                &ExecuteMsg::Receive(cw20::Cw20ReceiveMsg {
                    sender: stranger.to_string(),
                    amount: Uint128::new(1_000),
                    msg: cosmwasm_std::to_json_binary(&ReceiveMsg::SwapExactIn {
                        sqrt_price_limit: None,
                        min_out: None,
                        recipient: None,
                        deadline: None,
                    })
                    .unwrap(),
                }),
            )
        },
    );
}
