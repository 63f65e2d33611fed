//! Every bad input gets a typed error and changes nothing: `Suite::refuse` compares the
//! storage of the pool and of every token, and the bank balances, before and after.
mod common;
use common::*;
use cosmwasm_std::{coin, to_json_binary, Decimal, Uint128};
use cw20::Cw20ReceiveMsg;
use cw_multi_test::Executor;
use cw_ownable::OwnershipError;
use cw_utils::PaymentError;
use trellis_math::MathError;
use trellis_types::weighted_pool::*;
use trellis_types::AssetInfo;
use trellis_weighted_pool::limits::{
    MAX_ORACLE_CAPACITY, MAX_PROTOCOL_FEE_SHARE_BPS, MAX_SWAP_FEE_BPS,
};
use trellis_weighted_pool::ContractError;

/// Native 50/50 pool, fee 30 bps with a 20% protocol share, seeded 100e6 / 100e6 by "lp";
/// "user" holds 50e6 of each asset.
fn pool() -> (Suite, cosmwasm_std::Addr) {
    let mut s = Suite::new(PoolSpec::native(50, 50).fee(30, 2_000));
    let lp = s.addr("lp");
    s.funded_join(&lp, [100 * E6, 100 * E6]).unwrap();
    let user = s.addr("user");
    s.fund(&user, 0, 50 * E6);
    s.fund(&user, 1, 50 * E6);
    (s, user)
}

fn native_swap(min_out: Option<u128>, deadline: Option<u64>) -> ExecuteMsg {
    ExecuteMsg::SwapExactIn {
        min_out: min_out.map(Uint128::new),
        recipient: None,
        deadline,
    }
}

#[test]
fn bad_instantiation() {
    let mut s = Suite::bare();
    let assets = [AssetInfo::native("uaaa"), AssetInfo::native("ubbb")];
    let base = s.instantiate_msg(&PoolSpec::native(50, 50), &assets);
    let mut cases: Vec<(InstantiateMsg, ContractError)> = vec![];

    let mut m = base.clone();
    m.assets[1].info = AssetInfo::native("uaaa");
    cases.push((
        m,
        ContractError::SameAssets {
            asset: "native:uaaa".into(),
        },
    ));
    for (w0, w1) in [
        (Decimal::permille(5), Decimal::permille(995)),
        (Decimal::percent(50), Decimal::percent(40)),
        (Decimal::percent(60), Decimal::percent(50)),
        (Decimal::zero(), Decimal::one()),
    ] {
        let mut m = base.clone();
        m.assets[0].weight = w0;
        m.assets[1].weight = w1;
        cases.push((
            m,
            ContractError::InvalidWeights {
                weight_0: w0,
                weight_1: w1,
            },
        ));
    }
    // Decimals above 18 cannot be scaled up to 18.
    for (d0, d1, bad, asset) in [(19, 6, 19, "native:uaaa"), (6, 255, 255, "native:ubbb")] {
        let mut m = base.clone();
        m.assets[0].decimals = d0;
        m.assets[1].decimals = d1;
        cases.push((
            m,
            ContractError::DecimalsTooLarge {
                asset: asset.into(),
                decimals: bad,
                max: 18,
            },
        ));
    }
    let mut m = base.clone();
    m.swap_fee_bps = MAX_SWAP_FEE_BPS + 1;
    cases.push((
        m,
        ContractError::SwapFeeTooHigh {
            fee_bps: 1_001,
            max: 1_000,
        },
    ));
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
    for name in ["LP", &"x".repeat(51)] {
        let mut m = base.clone();
        m.lp_token_name = Some(name.to_string());
        cases.push((
            m,
            ContractError::InvalidLpTokenName {
                name: name.to_string(),
            },
        ));
    }
    for symbol in ["LP", "AB1", "ABCDEFGHIJKLM", "A_B"] {
        let mut m = base.clone();
        m.lp_token_symbol = Some(symbol.to_string());
        cases.push((
            m,
            ContractError::InvalidLpTokenSymbol {
                symbol: symbol.to_string(),
            },
        ));
    }
    for (msg, expected) in cases {
        assert_err(s.try_instantiate(msg), expected);
    }

    // Funds attached to the instantiation.
    let owner = s.owner.clone();
    s.fund_native(&owner, coin(5, "uaaa"));
    let code = s.pool_code;
    let result =
        s.app
            .instantiate_contract(code, owner.clone(), &base, &[coin(5, "uaaa")], "pool", None);
    assert_err(result, PaymentError::NonPayable {}.into());

    // A valid message instantiates (the cases above fail for their own reason only).
    s.try_instantiate(base).unwrap();
}

#[test]
fn bad_joins() {
    let mut s = Suite::new(PoolSpec::native(50, 50));
    let user = s.addr("user");
    s.fund(&user, 0, 1_000 * E6);
    s.fund(&user, 1, 1_000 * E6);
    let join = |max: [u128; 2], min_lp_out: Option<u128>, deadline: Option<u64>| ExecuteMsg::Join {
        max_amounts: [u(max[0]), u(max[1])],
        min_lp_out: min_lp_out.map(Uint128::new),
        recipient: None,
        deadline,
    };

    // First join with one side missing.
    s.refuse(
        &[&user],
        ContractError::FirstJoinNeedsBothAssets {
            amount_0: u(10 * E6),
            amount_1: u(0),
        },
        |s| {
            s.exec(
                &user,
                &[coin(10 * E6, "uaaa")],
                &join([10 * E6, 0], None, None),
            )
        },
    );
    // Nothing at all.
    s.refuse(&[&user], ContractError::ZeroAmount, |s| {
        s.exec(&user, &[], &join([0, 0], None, None))
    });
    // A first join too small to exceed the locked minimum. At 6 decimals even 1 and 1 scale
    // to 1e12 each, far above 1000, so it takes 18-decimal assets (factor 1): 50/50 of 10 and
    // 10 has invariant 10 less the pow margin, 9, not above 1000.
    let mut tiny = Suite::new(PoolSpec::native(50, 50).decimals(18, 18));
    let small = tiny.addr("user");
    tiny.fund(&small, 0, 10);
    tiny.fund(&small, 1, 10);
    tiny.refuse(
        &[&small],
        MathError::InsufficientLiquidity {
            liquidity: u(9),
            minimum: u(1_000),
        }
        .into(),
        |s| {
            s.exec(
                &small,
                &[coin(10, "uaaa"), coin(10, "ubbb")],
                &join([10, 10], None, None),
            )
        },
    );
    // Other joins than the first on an empty pool need liquidity.
    s.refuse(&[&user], ContractError::EmptyPool, |s| {
        s.exec(
            &user,
            &[coin(E6, "uaaa")],
            &ExecuteMsg::JoinSingle {
                min_lp_out: None,
                recipient: None,
                deadline: None,
            },
        )
    });
    s.refuse(&[&user], ContractError::EmptyPool, |s| {
        s.exec(&user, &[coin(E6, "uaaa")], &native_swap(None, None))
    });

    s.funded_join(&s.addr("lp"), [100 * E6, 100 * E6]).unwrap();

    // Funds that differ from max_amounts: too little, missing, too much, a foreign denom.
    s.refuse(
        &[&user],
        ContractError::FundsMismatch {
            denom: "uaaa".into(),
            expected: u(10 * E6),
            got: u(9 * E6),
        },
        |s| {
            s.exec(
                &user,
                &[coin(9 * E6, "uaaa"), coin(10 * E6, "ubbb")],
                &join([10 * E6, 10 * E6], None, None),
            )
        },
    );
    s.refuse(
        &[&user],
        ContractError::FundsMismatch {
            denom: "ubbb".into(),
            expected: u(10 * E6),
            got: u(0),
        },
        |s| {
            s.exec(
                &user,
                &[coin(10 * E6, "uaaa")],
                &join([10 * E6, 10 * E6], None, None),
            )
        },
    );
    s.refuse(
        &[&user],
        ContractError::FundsMismatch {
            denom: "ubbb".into(),
            expected: u(0),
            got: u(5),
        },
        |s| {
            s.exec(
                &user,
                &[coin(10 * E6, "uaaa"), coin(5, "ubbb")],
                &join([10 * E6, 0], None, None),
            )
        },
    );
    s.fund_native(&user, coin(5, "uzzz"));
    s.refuse(
        &[&user],
        ContractError::UnexpectedFunds {
            denom: "uzzz".into(),
        },
        |s| {
            s.exec(
                &user,
                &[
                    coin(10 * E6, "uaaa"),
                    coin(10 * E6, "ubbb"),
                    coin(5, "uzzz"),
                ],
                &join([10 * E6, 10 * E6], None, None),
            )
        },
    );
    // min_lp_out: 10/10 into 100/100 with supply S mints floor(10 * S / 100) = S / 10.
    let supply = s.lp_supply();
    let lp_out = supply / 10;
    s.refuse(
        &[&user],
        ContractError::SlippageExceeded {
            minimum: u(lp_out + 1),
            actual: u(lp_out),
        },
        |s| {
            s.exec(
                &user,
                &[coin(10 * E6, "uaaa"), coin(10 * E6, "ubbb")],
                &join([10 * E6, 10 * E6], Some(lp_out + 1), None),
            )
        },
    );
    s.refuse(
        &[&user],
        ContractError::DeadlineExpired {
            deadline: T0 - 1,
            now: T0,
        },
        |s| {
            s.exec(
                &user,
                &[coin(10 * E6, "uaaa"), coin(10 * E6, "ubbb")],
                &join([10 * E6, 10 * E6], None, Some(T0 - 1)),
            )
        },
    );
    // The limits are inclusive: exactly lp_out at the deadline itself passes.
    s.exec(
        &user,
        &[coin(10 * E6, "uaaa"), coin(10 * E6, "ubbb")],
        &join([10 * E6, 10 * E6], Some(lp_out), Some(T0)),
    )
    .unwrap();
}

#[test]
fn bad_swaps() {
    let (mut s, user) = pool();
    // No funds, two denoms, a denom that is not in the pool, zero amounts.
    s.refuse(&[&user], PaymentError::NoFunds {}.into(), |s| {
        s.exec(&user, &[], &native_swap(None, None))
    });
    s.refuse(&[&user], PaymentError::MultipleDenoms {}.into(), |s| {
        s.exec(
            &user,
            &[coin(1, "uaaa"), coin(1, "ubbb")],
            &native_swap(None, None),
        )
    });
    s.fund_native(&user, coin(100, "uzzz"));
    s.refuse(
        &[&user],
        ContractError::AssetNotInPool {
            asset: "native:uzzz".into(),
        },
        |s| s.exec(&user, &[coin(100, "uzzz")], &native_swap(None, None)),
    );
    s.refuse(&[&user], ContractError::ZeroAmount, |s| {
        s.exec(
            &user,
            &[coin(E6, "uaaa")],
            &ExecuteMsg::SwapExactOut {
                amount_out: u(0),
                recipient: None,
                deadline: None,
            },
        )
    });
    // Above the 30% cap: 40e6 in (39.88e6 after the fee) against 100e6; 31e6 out of 100e6.
    s.refuse(
        &[&user],
        ContractError::TradeTooLarge {
            side: "max in",
            amount: u(40 * E6),
            balance: u(100 * E6),
        },
        |s| s.swap_in(&user, 0, 40 * E6, None),
    );
    s.refuse(
        &[&user],
        ContractError::TradeTooLarge {
            side: "max out",
            amount: u(31 * E6),
            balance: u(100 * E6),
        },
        |s| s.swap_out(&user, 0, 50 * E6, 31 * E6),
    );
    // Dust: 1 unit in pays the 1-unit fee (ceil) and buys nothing.
    s.refuse(
        &[&user],
        ContractError::NothingOut { amount_in: u(1) },
        |s| s.swap_in(&user, 0, 1, None),
    );
    // Slippage both ways. 10e6 in: fee 30_000, out = floor(100e6 * (1 - ceil(100/109.97e18)))
    // = 9_066_108 (see swap.rs for the same trade at 10x the size).
    s.refuse(
        &[&user],
        ContractError::SlippageExceeded {
            minimum: u(9_066_109),
            actual: u(9_066_108),
        },
        |s| s.swap_in(&user, 0, 10 * E6, Some(9_066_109)),
    );
    // Buying 10e6 costs ceil(ceil(100e6 * 0.111_111_111_111_111_112) / 0.997) =
    // ceil(11_111_112 / 0.997) = ceil(11_144_545.6) = 11_144_546.
    s.refuse(
        &[&user],
        ContractError::MaxInExceeded {
            maximum: u(11_144_545),
            actual: u(11_144_546),
        },
        |s| s.swap_out(&user, 0, 11_144_545, 10 * E6),
    );
    s.refuse(
        &[&user],
        ContractError::DeadlineExpired {
            deadline: T0 - 1,
            now: T0,
        },
        |s| s.exec(&user, &[coin(E6, "uaaa")], &native_swap(None, Some(T0 - 1))),
    );
    // The bounds themselves pass.
    s.swap_in(&user, 0, 10 * E6, Some(9_066_108)).unwrap();
}

#[test]
fn bad_single_joins_and_exits() {
    let (mut s, user) = pool();
    let lp = s.addr("lp");
    // Joining with more than 30% of the balance.
    s.refuse(
        &[&user],
        ContractError::TradeTooLarge {
            side: "max in",
            amount: u(31 * E6),
            balance: u(100 * E6),
        },
        |s| s.join_single(&user, 0, 31 * E6, None),
    );
    let sim: JoinResponse = s.q(&QueryMsg::SimulateJoinSingle {
        offer: trellis_types::Asset {
            info: s.assets[0].clone(),
            amount: u(E6),
        },
    });
    s.refuse(
        &[&user],
        ContractError::SlippageExceeded {
            minimum: sim.lp_out + u(1),
            actual: sim.lp_out,
        },
        |s| s.join_single(&user, 0, E6, Some(sim.lp_out.u128() + 1)),
    );

    // Exits: slippage on either side, the deadline, an asset not in the pool, too large.
    let held = s.lp_balance(&lp);
    let out: ExitResponse = s.q(&QueryMsg::SimulateExit {
        lp_amount: u(held / 10),
    });
    let [a0, a1] = [out.amounts_out[0].u128(), out.amounts_out[1].u128()];
    s.refuse(
        &[&lp],
        ContractError::SlippageExceeded {
            minimum: u(a1 + 1),
            actual: u(a1),
        },
        |s| s.exit(&lp, held / 10, Some([a0, a1 + 1])),
    );
    let lp_token = s.lp_token.to_string();
    s.refuse(
        &[&lp],
        ContractError::DeadlineExpired {
            deadline: T0 - 1,
            now: T0,
        },
        |s| {
            s.send_cw20(
                &lp,
                &lp_token,
                held / 10,
                &ReceiveMsg::Exit {
                    min_amounts_out: None,
                    recipient: None,
                    deadline: Some(T0 - 1),
                },
            )
        },
    );
    s.refuse(
        &[&lp],
        ContractError::AssetNotInPool {
            asset: "native:uzzz".into(),
        },
        |s| {
            s.send_cw20(
                &lp,
                &lp_token,
                held / 10,
                &ReceiveMsg::ExitSingle {
                    asset: AssetInfo::native("uzzz"),
                    min_out: None,
                    recipient: None,
                    deadline: None,
                },
            )
        },
    );
    // Half the supply out as one asset would take far more than 30% of its balance.
    s.refuse(
        &[&lp],
        ContractError::TradeTooLarge {
            side: "max out",
            amount: u(held / 2),
            balance: u(100 * E6),
        },
        |s| s.exit_single(&lp, held / 2, 0, None),
    );
    let single: ExitResponse = s.q(&QueryMsg::SimulateExitSingle {
        lp_amount: u(held / 100),
        asset: s.assets[1].clone(),
    });
    let got = single.amounts_out[1];
    s.refuse(
        &[&lp],
        ContractError::SlippageExceeded {
            minimum: got + u(1),
            actual: got,
        },
        |s| s.exit_single(&lp, held / 100, 1, Some(got.u128() + 1)),
    );
    // With the exact limits all of them pass.
    s.exit(&lp, held / 10, Some([a0, a1])).unwrap();
}

#[test]
fn wrong_tokens_in_the_hook() {
    let spec = PoolSpec::native(50, 50).assets(Side::Cw20("TKA"), Side::Native("ubbb"));
    let mut s = Suite::new(spec);
    let lp = s.addr("lp");
    s.funded_join(&lp, [100 * E6, 100 * E6]).unwrap();
    let user = s.addr("user");
    let token_a = match &s.assets[0] {
        AssetInfo::Cw20 { contract_addr } => contract_addr.clone(),
        AssetInfo::Native { .. } => unreachable!(),
    };
    s.fund(&user, 0, 10 * E6);

    // A cw20 that is not in the pool.
    let stranger = s.create_asset(Side::Cw20("ZZZ"));
    let AssetInfo::Cw20 {
        contract_addr: stranger,
    } = stranger
    else {
        unreachable!()
    };
    let minter = s.minter.clone();
    s.app
        .execute_contract(
            minter,
            cosmwasm_std::Addr::unchecked(&stranger),
            &cw20::Cw20ExecuteMsg::Mint {
                recipient: user.to_string(),
                amount: u(E6),
            },
            &[],
        )
        .unwrap();
    let swap_hook = ReceiveMsg::SwapExactIn {
        min_out: None,
        recipient: None,
        deadline: None,
    };
    s.refuse(
        &[&user],
        ContractError::UnknownToken {
            token: stranger.clone(),
        },
        |s| s.send_cw20(&user, &stranger, E6, &swap_hook),
    );
    // A pool asset sent to exit.
    let lp_token = s.lp_token.to_string();
    s.refuse(
        &[&user],
        ContractError::NotLpToken {
            token: token_a.clone(),
            lp_token: lp_token.clone(),
        },
        |s| {
            s.send_cw20(
                &user,
                &token_a,
                E6,
                &ReceiveMsg::Exit {
                    min_amounts_out: None,
                    recipient: None,
                    deadline: None,
                },
            )
        },
    );
    // The LP token sent to swap or join.
    s.refuse(&[&lp], ContractError::LpTokenNotAccepted, |s| {
        s.send_cw20(&lp, &lp_token, E6, &swap_hook)
    });
    s.refuse(&[&lp], ContractError::LpTokenNotAccepted, |s| {
        s.send_cw20(
            &lp,
            &lp_token,
            E6,
            &ReceiveMsg::JoinSingle {
                min_lp_out: None,
                recipient: None,
                deadline: None,
            },
        )
    });
    // Someone calling the hook directly is not a token of the pool.
    let fake = ExecuteMsg::Receive(Cw20ReceiveMsg {
        sender: user.to_string(),
        amount: u(E6),
        msg: to_json_binary(&swap_hook).unwrap(),
    });
    s.refuse(
        &[&user],
        ContractError::UnknownToken {
            token: user.to_string(),
        },
        |s| s.exec(&user, &[], &fake),
    );
    // ... nor may it attach coins.
    s.fund(&user, 1, E6);
    s.refuse(&[&user], PaymentError::NonPayable {}.into(), |s| {
        s.exec(&user, &[coin(E6, "ubbb")], &fake)
    });
    // A cw20 asset's exact-out with too small a maximum; its refund path works otherwise.
    s.refuse(&[&user], ContractError::ZeroAmount, |s| {
        s.send_cw20(
            &user,
            &token_a,
            E6,
            &ReceiveMsg::SwapExactOut {
                amount_out: u(0),
                recipient: None,
                deadline: None,
            },
        )
    });
}

#[test]
fn fee_administration() {
    let (mut s, user) = pool();
    let owner = s.owner.clone();
    // Nothing owed yet.
    s.refuse(&[&user], ContractError::NothingToCollect, |s| s.collect());
    // Only the owner configures fees, within the cap.
    s.refuse(&[&user], OwnershipError::NotOwner.into(), |s| {
        s.exec(
            &user,
            &[],
            &ExecuteMsg::UpdateFeeConfig {
                fee_collector: Some(user.to_string()),
                protocol_fee_share_bps: None,
            },
        )
    });
    s.refuse(
        &[&user],
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
    // The owner moves the collector and the share; fees owed go to the new collector.
    s.swap_in(&user, 0, 10 * E6, None).unwrap();
    // fee = ceil(10e6 * 30 / 1e4) = 30_000; protocol = floor(30_000 * 0.2) = 6_000.
    assert_eq!(s.fees_owed(), [6_000, 0]);
    let treasury = s.addr("treasury");
    s.exec(
        &owner,
        &[],
        &ExecuteMsg::UpdateFeeConfig {
            fee_collector: Some(treasury.to_string()),
            protocol_fee_share_bps: Some(5_000),
        },
    )
    .unwrap();
    s.collect().unwrap();
    assert_eq!(s.balance(&treasury, 0), 6_000);
    // The new share applies to the next swap: 10e6 of asset 1 pays 30_000, half owed.
    s.swap_in(&user, 1, 10 * E6, None).unwrap();
    assert_eq!(s.fees_owed(), [0, 15_000]);
    let info = s.info();
    assert_eq!(info.protocol_fee_share_bps, 5_000);
    assert_eq!(info.fee_collector, Some(treasury.to_string()));

    // Two-step ownership: the new owner must accept before acting.
    let next = s.addr("next");
    s.exec(
        &owner,
        &[],
        &ExecuteMsg::UpdateOwnership(cw_ownable::Action::TransferOwnership {
            new_owner: next.to_string(),
            expiry: None,
        }),
    )
    .unwrap();
    s.refuse(&[&next], OwnershipError::NotOwner.into(), |s| {
        s.exec(
            &next,
            &[],
            &ExecuteMsg::UpdateFeeConfig {
                fee_collector: None,
                protocol_fee_share_bps: Some(0),
            },
        )
    });
    s.exec(
        &next,
        &[],
        &ExecuteMsg::UpdateOwnership(cw_ownable::Action::AcceptOwnership),
    )
    .unwrap();
    s.exec(
        &next,
        &[],
        &ExecuteMsg::UpdateFeeConfig {
            fee_collector: None,
            protocol_fee_share_bps: Some(0),
        },
    )
    .unwrap();
}

#[test]
fn collecting_without_a_collector() {
    let mut s = Suite::new(PoolSpec::native(50, 50).fee(30, 2_000).no_collector());
    s.funded_join(&s.addr("lp"), [100 * E6, 100 * E6]).unwrap();
    let anyone = s.addr("anyone");
    s.refuse(&[&anyone], ContractError::NoFeeCollector, |s| s.collect());
}

#[test]
fn malformed_assets_and_addresses() {
    // An empty denom is refused by `AssetInfo::validate`, an invalid cw20 or recipient
    // address by the address check; both are standard errors and change nothing.
    let mut s = Suite::bare();
    let assets = [AssetInfo::native(""), AssetInfo::native("ubbb")];
    let msg = s.instantiate_msg(&PoolSpec::native(50, 50), &assets);
    assert_err(
        s.try_instantiate(msg),
        cosmwasm_std::StdError::generic_err("empty native denom").into(),
    );
    let assets = [AssetInfo::cw20("not-an-address"), AssetInfo::native("ubbb")];
    let msg = s.instantiate_msg(&PoolSpec::native(50, 50), &assets);
    let err = s.try_instantiate(msg).unwrap_err();
    assert!(matches!(
        err.downcast_ref::<ContractError>(),
        Some(ContractError::Std(_))
    ));

    let (mut s, user) = pool();
    let before = s.snapshot(&[&user]);
    let err = s
        .exec(
            &user,
            &[coin(E6, "uaaa")],
            &ExecuteMsg::SwapExactIn {
                min_out: None,
                recipient: Some("not-an-address".into()),
                deadline: None,
            },
        )
        .unwrap_err();
    assert!(matches!(
        err.downcast_ref::<ContractError>(),
        Some(ContractError::Std(_))
    ));
    assert_eq!(s.snapshot(&[&user]), before);
}
