//! The oTOKEN's oracle through the harness: a window longer than the pool's history is
//! refused with the contract's typed error, and nothing moves.
use cosmwasm_std::Decimal;
use trellis_options_token::ContractError;
use trellis_testing::options::{ExerciseArgs, OptionsTokenOptions};
use trellis_testing::tokens::Cw20Options;
use trellis_testing::{FactoryOptions, Suite};

/// The pool is 600 s old when the exercise asks for a 1,800 s window: the pool refuses
/// (`OracleWindowNotCovered`), so does the exercise (`OracleUnavailable`). Once the pool is
/// 1,800 s old the same exercise goes through.
#[test]
fn window_longer_than_the_pool_history_is_refused() {
    let mut suite = Suite::new();
    let owner = suite.owner.clone();
    let lit_holders = [(suite.addr("liquidity"), 1_000_000_000)];
    let opts = Cw20Options {
        minter: Some(owner),
        ..Cw20Options::default()
    };
    let lit = suite.create_cw20_with("LIT", &lit_holders, opts).unwrap();
    let weth = suite.register_native("WETH", "uweth");
    suite.mint_native("liquidity", "uweth", 10_000_000).unwrap();
    suite.mint_native("alice", "uweth", 1_000_000).unwrap();
    suite
        .deploy_factory(FactoryOptions::new(lit.clone()))
        .unwrap();
    let half = Decimal::percent(50);
    let pool = suite
        .create_weighted_pool("owner", [lit.clone(), weth.clone()], [half, half], 30)
        .unwrap();
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
    );
    let otoken = suite.deploy_options_token(options).unwrap();
    suite.mint_options(&otoken, "alice", 10_000_000).unwrap();
    suite.advance_seconds(600);

    assert!(suite.twap(&pool, &lit, 1_800, 0).is_err());
    assert!(suite.strike_price(&otoken).is_err());
    let err = suite
        .exercise(&otoken, "alice", ExerciseArgs::new(10_000_000, 1_000_000))
        .unwrap_err();
    match err.downcast_ref::<ContractError>() {
        // now = 1,700,000,600: the window starts at 1,700,000,600 - 1,800 = 1,699,998,800,
        // before the pool's first sample (its first join, at genesis 1,700,000,000).
        Some(ContractError::OracleUnavailable { reason }) => assert!(
            reason
                .contains("does not reach back to 1699998800: its oldest sample is at 1700000000"),
            "reason: {reason}"
        ),
        other => panic!("expected OracleUnavailable, got {other:?} ({err:#})"),
    }
    // Nothing moved: the options, the payment and the books are as before.
    assert_eq!(suite.options_balance(&otoken, "alice").unwrap(), 10_000_000);
    assert_eq!(suite.balance("alice", &weth).unwrap(), 1_000_000);
    assert_eq!(suite.balance("alice", &lit).unwrap(), 0);
    assert_eq!(suite.balance_of(&treasury, &weth).unwrap(), 0);
    let totals = suite.options_totals(&otoken).unwrap();
    assert_eq!(
        (totals.exercised.u128(), totals.paid_to_treasury.u128()),
        (0, 0)
    );

    // 1,200 s later the history covers the window. Price 10,000,000 / 1,000,000,000 = 0.01,
    // strike 50% = 0.005 (the TWAP reads at most 1.0012e-14 + 1 wei low), 10 oLIT pay
    // ceil(1e7 * strike / 1e18) = 50,000.
    suite.advance_seconds(1_200);
    let outcome = suite
        .exercise(&otoken, "alice", ExerciseArgs::new(10_000_000, 1_000_000))
        .unwrap();
    assert_eq!(outcome.payment, 50_000);
    assert_eq!(suite.balance_of(&treasury, &weth).unwrap(), 50_000);
}

/// A real pool whose oracle keeps 10 samples at least 60 s apart is sure to hold only
/// (10 - 2) * 60 = 480 s of history: an oTOKEN pricing a 1,800 s window from it is refused at
/// instantiation, naming both numbers, so exercises can never be stuck on it.
#[test]
fn a_pool_whose_oracle_cannot_hold_the_window_is_refused() {
    use trellis_types::weighted_pool::OracleConfig;
    let mut suite = Suite::new();
    let lit = suite.create_cw20("LIT", &[]).unwrap();
    let weth = suite.register_native("WETH", "uweth");
    suite
        .deploy_factory(FactoryOptions::new(lit.clone()))
        .unwrap();
    let short = OracleConfig {
        capacity: 10,
        min_sample_spacing: 60,
    };
    let half = Decimal::percent(50);
    let pool = suite
        .create_weighted_pool_with(
            "owner",
            [lit.clone(), weth.clone()],
            [half, half],
            30,
            Some(short),
        )
        .unwrap();
    let treasury = suite.addr("treasury");
    let options = OptionsTokenOptions::mint("oLIT", lit, weth, &pool.address, treasury);
    // The harness words instantiation errors with their context: compare the contract's text.
    let err = suite.deploy_options_token(options).unwrap_err();
    let expected = ContractError::OracleHistoryTooShort {
        pool: pool.address.to_string(),
        capacity: 10,
        min_sample_spacing: 60,
        covered_secs: 480,
        needed_secs: 1_800,
    };
    assert!(
        format!("{err:#}").contains(&expected.to_string()),
        "{err:#}"
    );
}
