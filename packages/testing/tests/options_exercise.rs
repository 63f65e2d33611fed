//! oTOKEN exercises against a real weighted pool, with numbers derived by hand in comments.
use cosmwasm_std::{Decimal, Decimal256, Uint128};
use trellis_options_token::ContractError;
use trellis_testing::options::{ExerciseArgs, OptionsTokenOptions};
use trellis_testing::tokens::Cw20Options;
use trellis_testing::{AssetInfo, FactoryOptions, Suite};

/// 1e18: `Decimal` atomics in one.
const ONE: u128 = 1_000_000_000_000_000_000;

/// A cw20 the suite owner may mint (so the oTOKEN can take the role), with `balances`.
fn mintable(suite: &mut Suite, symbol: &str, balances: &[(&str, u128)]) -> AssetInfo {
    let owner = suite.owner.clone();
    let balances: Vec<_> = balances.iter().map(|(n, a)| (suite.addr(n), *a)).collect();
    let options = Cw20Options {
        minter: Some(owner),
        ..Cw20Options::default()
    };
    suite.create_cw20_with(symbol, &balances, options).unwrap()
}

/// The TWAP's documented error bound (docs/amm.md) for a price `p` (1e18 atomics) and a
/// window of `w` seconds: relative `e^((1 + 2/W) * 1e-12 + 2e-18) - 1`, plus 1 wei. For
/// W = 1,800 that is e^(1.001113e-12) - 1 = 1.001113e-12 (to 7 digits); rounded up to
/// 1.0012e-12 here, so the bound is `ceil(p * 1.0012e-12) + 1`.
fn twap_error_bound(p: u128, w: u64) -> u128 {
    assert_eq!(
        w, 1_800,
        "the relative bound below is worked out for 1,800 s"
    );
    (p * 10_012).div_ceil(10_000 * 1_000_000_000_000) + 1
}

fn ceil_div(a: u128, b: u128) -> u128 {
    a.div_ceil(b)
}

/// A 50/50 LIT/WETH pool without swap fee, priced 0.01 WETH per LIT for 1,200 s, then a swap
/// moves it to 0.015625 for the rest. The exercise 900 s after the swap averages over
/// [T0 + 300, T0 + 2,100]: 900 s at each price, so the geometric mean is
/// sqrt(0.01 * 0.015625) = sqrt(0.00015625) = 0.0125 (P1^(900/1800) * P2^(900/1800)).
#[test]
fn exercise_prices_at_a_twap_crossing_a_swap() {
    let mut suite = Suite::new();
    let lit = mintable(&mut suite, "LIT", &[("liquidity", 1_000_000_000)]);
    let weth = suite.register_native("WETH", "uweth");
    suite.mint_native("liquidity", "uweth", 10_000_000).unwrap();
    suite.mint_native("trader", "uweth", 2_500_000).unwrap();
    suite.mint_native("alice", "uweth", 20_000_000).unwrap();
    suite
        .deploy_factory(FactoryOptions::new(lit.clone()))
        .unwrap();
    let half = Decimal::percent(50);
    let pool = suite
        .create_weighted_pool("owner", [lit.clone(), weth.clone()], [half, half], 0)
        .unwrap();
    // T0: 1,000 LIT and 10 WETH (6 decimals): P1 = 10,000,000 / 1,000,000,000 = 0.01.
    suite
        .provide_liquidity("liquidity", &pool, [1_000_000_000, 10_000_000])
        .unwrap();
    let treasury = suite.addr("treasury");
    let options = OptionsTokenOptions::mint(
        "oLIT",
        lit.clone(),
        weth.clone(),
        &pool.address,
        treasury.clone(),
    )
    .multiplier_bps(9_000);
    let otoken = suite.deploy_options_token(options).unwrap();
    suite.mint_options(&otoken, "alice", 1_000_000_000).unwrap();

    // T0 + 1,200: 2.5 WETH in, fee 0, 50/50: out = floor(1e9 * 2.5e6 / (1e7 + 2.5e6)) = 2e8
    // LIT, leaving 800,000,000 LIT and 12,500,000 WETH: P2 = 12.5e6 / 8e8 = 0.015625.
    suite.advance_seconds(1_200);
    let swap = suite
        .swap_exact_in("trader", &pool, &weth, 2_500_000)
        .unwrap();
    assert_eq!(swap.amount_out.u128(), 200_000_000);
    assert_eq!(
        suite.pool_reserves(&pool).unwrap(),
        [800_000_000, 12_500_000]
    );
    assert_eq!(
        suite.spot_price(&pool, &lit).unwrap(),
        Decimal256::from_ratio(15_625u128, 1_000_000u128)
    );

    // T0 + 2,100: the pool's own TWAP is within the bound of 0.0125.
    suite.advance_seconds(900);
    let twap = suite.twap(&pool, &lit, 1_800, 0).unwrap();
    let exact: u128 = 12_500_000_000_000_000; // 0.0125
    let got: u128 = Uint128::try_from(twap.price.atomics()).unwrap().u128();
    let bound = twap_error_bound(exact, 1_800); // ceil(1.25e16 * 1.0012e-12) + 1 = 12,516
    assert_eq!(bound, 12_516);
    assert!(got.abs_diff(exact) <= bound, "twap {got} vs {exact}");

    // The oTOKEN reports exactly that TWAP and strike = ceil(twap * 9000 / 10000).
    let strike = suite.strike_price(&otoken).unwrap();
    assert_eq!(strike.twap, Decimal::raw(got));
    let expected_strike = ceil_div(got * 9_000, 10_000);
    assert_eq!(strike.strike, Decimal::raw(expected_strike));
    assert!(!strike.clamped);

    // payment = ceil(1e9 * strike / 1e18). strike is within 0.9 * 12,516 < 11,265 atomics
    // of 0.01125e18, so 1e9 * strike / 1e18 is within 1.2e-5 of 11,250,000: the ceiling is
    // 11,250,000 when the TWAP reads low (docs/amm.md: the direct price does) or exactly.
    let amount = 1_000_000_000u128;
    let payment = ceil_div(amount * expected_strike, ONE);
    assert_eq!(payment, 11_250_000);
    assert_eq!(
        suite
            .simulate_exercise(&otoken, amount)
            .unwrap()
            .payment
            .u128(),
        payment
    );

    // alice sends 11.3 WETH (her max payment); 0.05 WETH comes back; bob gets the LIT.
    let bob = suite.addr("bob");
    let args = ExerciseArgs::new(amount, 11_300_000).recipient(bob.clone());
    let outcome = suite.exercise(&otoken, "alice", args).unwrap();
    assert_eq!(outcome.payment, payment);
    assert_eq!(outcome.refund, 11_300_000 - 11_250_000);
    assert_eq!(outcome.strike, strike.strike);
    assert_eq!(suite.balance_of(&treasury, &weth).unwrap(), 11_250_000);
    assert_eq!(
        suite.balance("alice", &weth).unwrap(),
        20_000_000 - 11_250_000
    );
    assert_eq!(suite.balance_of(&bob, &lit).unwrap(), amount);
    assert_eq!(suite.balance("alice", &lit).unwrap(), 0);
    assert_eq!(suite.options_balance(&otoken, "alice").unwrap(), 0);
    let totals = suite.options_totals(&otoken).unwrap();
    assert_eq!(totals.exercised.u128(), amount);
    assert_eq!(totals.issued.u128(), amount);
    assert_eq!(totals.paid_to_treasury.u128(), 11_250_000);
    assert_eq!(totals.underlying_delivered.u128(), amount);
    assert_eq!(totals.reserve_available, None);
}

/// cw20 payment (USDC `Send`) and reserve delivery at a fixed price: an 80/20 LIT/USDC pool
/// with 4,000 LIT and 100,000 USDC, spot (100,000 / 0.2) / (4,000 / 0.8) = 100 USDC per LIT,
/// and no trade. The TWAP reads at most 100 * 1.0012e-12 + 1 wei low, so the strike at 90%
/// is within 9.02e-11 below 90 and 2 LIT pay ceil(2e6 * strike / 1e18) = 180,000,000
/// (180 USDC): seed 002's tally, -1 LIT and +90 USDC per option for the protocol.
#[test]
fn cw20_payment_and_reserve_delivery_at_a_fixed_price() {
    let mut suite = Suite::new();
    let lit = suite
        .create_cw20(
            "LIT",
            &[("liquidity", 4_000_000_000), ("funder", 10_000_000)],
        )
        .unwrap();
    let usdc = suite
        .create_cw20(
            "USDC",
            &[("liquidity", 100_000_000_000), ("alice", 500_000_000)],
        )
        .unwrap();
    suite
        .deploy_factory(FactoryOptions::new(lit.clone()))
        .unwrap();
    let pool = suite
        .create_weighted_pool(
            "owner",
            [lit.clone(), usdc.clone()],
            [Decimal::percent(80), Decimal::percent(20)],
            30,
        )
        .unwrap();
    suite
        .provide_liquidity("liquidity", &pool, [4_000_000_000, 100_000_000_000])
        .unwrap();
    assert_eq!(
        suite.spot_price(&pool, &lit).unwrap(),
        Decimal256::from_ratio(100u128, 1u128)
    );
    let treasury = suite.addr("treasury");
    let options = OptionsTokenOptions::reserve(
        "oLIT",
        lit.clone(),
        usdc.clone(),
        &pool.address,
        treasury.clone(),
    )
    .multiplier_bps(9_000);
    let otoken = suite.deploy_options_token(options).unwrap();
    let funder = suite.addr("funder");
    suite
        .fund_options_reserve(&otoken, &funder, 10_000_000)
        .unwrap();
    suite.mint_options(&otoken, "alice", 2_000_000).unwrap();
    suite.advance_seconds(1_800);

    // One unit less than the payment is refused as slippage, with the exact payment in it.
    let err = suite
        .exercise(&otoken, "alice", ExerciseArgs::new(2_000_000, 179_999_999))
        .unwrap_err();
    assert_eq!(
        err.downcast_ref::<ContractError>(),
        Some(&ContractError::SlippageExceeded {
            payment: 180_000_000u128.into(),
            max_payment: 179_999_999u128.into(),
        })
    );

    // alice sends 181 USDC with her cw20 `Send`; 1 USDC comes back.
    let outcome = suite
        .exercise(&otoken, "alice", ExerciseArgs::new(2_000_000, 181_000_000))
        .unwrap();
    assert_eq!((outcome.payment, outcome.refund), (180_000_000, 1_000_000));
    assert_eq!(suite.balance_of(&treasury, &usdc).unwrap(), 180_000_000);
    assert_eq!(
        suite.balance("alice", &usdc).unwrap(),
        500_000_000 - 180_000_000
    );
    assert_eq!(suite.balance("alice", &lit).unwrap(), 2_000_000);
    let totals = suite.options_totals(&otoken).unwrap();
    // The reserve: 10 LIT funded, 2 delivered.
    assert_eq!(totals.reserve_available.map(|r| r.u128()), Some(8_000_000));
    assert_eq!(totals.underlying_delivered.u128(), 2_000_000);
    assert_eq!(suite.balance_of(&otoken.addr, &lit).unwrap(), 8_000_000);
}
