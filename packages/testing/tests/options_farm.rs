//! A farm paying its rewards in oTOKEN: claims mint options, the farm's books conserve, a
//! farmer exercises part of them, and the oTOKEN's supply books hold:
//! `issued = supply + exercised + burned`.
use cosmwasm_std::{Decimal, Uint128};
use cw20::MinterResponse;
use trellis_testing::options::{ExerciseArgs, OptionsTokenOptions};
use trellis_testing::tokens::Cw20Options;
use trellis_testing::{AssetInfo, Curve, FactoryOptions, FarmOptions, Suite};
use trellis_types::options_token::{ExecuteMsg, QueryMsg};

/// The farm classifies LP pools by their pair only; these assets need not exist.
fn pair() -> [AssetInfo; 2] {
    [AssetInfo::native("ua"), AssetInfo::native("ub")]
}

/// What the tests deploy: a LIT/USDC pool pricing oLIT, oLIT itself and the tokens.
struct World {
    suite: Suite,
    otoken: trellis_testing::options::OptionsTokenHandle,
    lit: AssetInfo,
    usdc: AssetInfo,
    stk: AssetInfo,
    treasury: cosmwasm_std::Addr,
}

/// A 50/50 LIT/USDC pool (1,000 LIT, 100,000 USDC: 100 USDC per LIT, no trade) pricing oLIT at
/// 90%, with an optional lifetime cap; STK is the staked token (alice 100, bob 300).
fn world(cap: Option<u128>) -> World {
    let mut suite = Suite::new();
    let owner = suite.owner.clone();
    let lit_opts = Cw20Options {
        minter: Some(owner),
        ..Cw20Options::default()
    };
    let lit_holders = [(suite.addr("liquidity"), 1_000_000_000)];
    let lit = suite
        .create_cw20_with("LIT", &lit_holders, lit_opts)
        .unwrap();
    let usdc = suite
        .create_cw20(
            "USDC",
            &[("liquidity", 100_000_000_000), ("alice", 1_000_000)],
        )
        .unwrap();
    let stk = suite
        .create_cw20("STK", &[("alice", 100), ("bob", 300)])
        .unwrap();
    suite
        .deploy_factory(FactoryOptions::new(lit.clone()))
        .unwrap();
    let half = Decimal::percent(50);
    let pool = suite
        .create_weighted_pool("owner", [lit.clone(), usdc.clone()], [half, half], 30)
        .unwrap();
    suite
        .provide_liquidity("liquidity", &pool, [1_000_000_000, 100_000_000_000])
        .unwrap();
    let treasury = suite.addr("treasury");
    let options = OptionsTokenOptions::mint(
        "oLIT",
        lit.clone(),
        usdc.clone(),
        &pool.address,
        treasury.clone(),
    )
    .multiplier_bps(9_000);
    let options = match cap {
        Some(cap) => options.cap(cap),
        None => options,
    };
    let otoken = suite.deploy_options_token(options).unwrap();
    World {
        suite,
        otoken,
        lit,
        usdc,
        stk,
        treasury,
    }
}

/// 10 oLIT base units per second; alice stakes 100, bob 300 at T0.
#[test]
fn farm_pays_options_and_a_farmer_exercises_them() {
    let World {
        mut suite,
        otoken,
        lit,
        usdc,
        stk,
        treasury,
    } = world(None);
    let curve = Curve::Constant {
        rate: Uint128::new(10),
    };
    let farm = suite
        .deploy_options_farm(FarmOptions::mint_time("oLIT", curve), &otoken)
        .unwrap();
    assert_eq!(farm.reward_asset, otoken.asset);
    // The farm is the oTOKEN's minter now.
    let minter: Option<MinterResponse> =
        suite.options_query(&otoken, &QueryMsg::Minter {}).unwrap();
    assert_eq!(minter.map(|m| m.minter), Some(farm.addr.to_string()));
    assert_eq!(suite.add_pool_lp(&stk, pair(), 1).unwrap(), 0);
    suite.stake("alice", 0, 100).unwrap();
    suite.stake("bob", 0, 300).unwrap();

    // 1,800 s: 18,000 emitted, alice 100/400 = 4,500, bob 300/400 = 13,500.
    suite.advance_seconds(1_800);
    assert_eq!(suite.claim_all("alice").unwrap(), 4_500);
    assert_eq!(suite.claim_all("bob").unwrap(), 13_500);
    assert_eq!(suite.options_balance(&otoken, "alice").unwrap(), 4_500);
    assert_eq!(suite.options_balance(&otoken, "bob").unwrap(), 13_500);
    assert_eq!(suite.options_supply(&otoken).unwrap(), 18_000);
    let books = suite.check_conservation_bounded(&["alice", "bob"]).unwrap();
    // emitted 18,000 = claimed 18,000 + nothing pending or undistributed.
    assert_eq!(
        (books.totals.emitted.u128(), books.totals.claimed.u128()),
        (18_000, 18_000)
    );
    assert_eq!((books.pending, books.slack), (0, 0));

    // alice exercises 1,000 of her 4,500. The pool has been at 100 for the whole 1,800 s
    // window; the TWAP reads at most 100 * 1.0012e-12 + 1 wei low (docs/amm.md), so the
    // strike is within 9.02e-11 below 90 and the payment is ceil(1,000 * strike) = 90,000.
    let outcome = suite
        .exercise(&otoken, "alice", ExerciseArgs::new(1_000, 90_000))
        .unwrap();
    assert_eq!((outcome.payment, outcome.refund), (90_000, 0));
    assert_eq!(suite.balance_of(&treasury, &usdc).unwrap(), 90_000);
    assert_eq!(suite.balance("alice", &usdc).unwrap(), 1_000_000 - 90_000);
    assert_eq!(suite.balance("alice", &lit).unwrap(), 1_000);
    assert_eq!(suite.options_balance(&otoken, "alice").unwrap(), 3_500);
    // bob burns 500 without exercising.
    let bob = suite.addr("bob");
    let burn = ExecuteMsg::Burn {
        amount: Uint128::new(500),
    };
    suite.options_exec(&otoken, &bob, &burn, &[]).unwrap();

    // issued 18,000 = supply 16,500 (3,500 + 13,000) + exercised 1,000 + burned 500.
    let totals = suite.options_totals(&otoken).unwrap();
    let supply = suite.options_supply(&otoken).unwrap();
    assert_eq!(supply, 16_500);
    assert_eq!(
        (
            totals.issued.u128(),
            totals.exercised.u128(),
            totals.burned.u128()
        ),
        (18_000, 1_000, 500)
    );
    assert_eq!(
        totals.issued.u128(),
        supply + totals.exercised.u128() + totals.burned.u128()
    );
    assert_eq!(totals.paid_to_treasury.u128(), 90_000);

    // 100 s more: 1,000 emitted, alice 250, bob 750, settled by the exact check.
    suite.advance_seconds(100);
    let check = suite.assert_conservation(&["alice", "bob"]);
    assert_eq!(check.settled, 1_000);
    assert_eq!(check.after.totals.emitted.u128(), 19_000);
    assert_eq!(
        suite.options_balance(&otoken, "alice").unwrap(),
        3_500 + 250
    );
    assert_eq!(suite.options_balance(&otoken, "bob").unwrap(), 13_000 + 750);
    let totals = suite.options_totals(&otoken).unwrap();
    assert_eq!(totals.issued.u128(), 19_000);
    assert_eq!(
        totals.issued.u128(),
        suite.options_supply(&otoken).unwrap() + totals.exercised.u128() + totals.burned.u128()
    );
}

/// A lifetime cap of 5,000 oLIT, 10/s, alice alone with 100 staked. At 400 s she claims 4,000
/// and burns 1,000: supply 3,000, issued 4,000, so 1,000 more may ever be minted. At 700 s,
/// 3,000 are pending: the claim pays the 1,000 that fit and keeps 2,000 pending, and a claim
/// at the cap pays nothing and loses nothing: emitted 7,000 = claimed 5,000 + pending 2,000.
#[test]
fn a_claim_beyond_the_options_cap_pays_what_fits_and_keeps_the_rest() {
    let World {
        mut suite,
        otoken,
        stk,
        ..
    } = world(Some(5_000));
    let curve = Curve::Constant {
        rate: Uint128::new(10),
    };
    suite
        .deploy_options_farm(FarmOptions::mint_time("oLIT", curve), &otoken)
        .unwrap();
    suite.add_pool_lp(&stk, pair(), 1).unwrap();
    suite.stake("alice", 0, 100).unwrap();
    suite.advance_seconds(400);
    assert_eq!(suite.claim_all("alice").unwrap(), 4_000);
    let alice = suite.addr("alice");
    let burn = ExecuteMsg::Burn {
        amount: Uint128::new(1_000),
    };
    suite.options_exec(&otoken, &alice, &burn, &[]).unwrap();

    suite.advance_seconds(300);
    assert_eq!(suite.pending("alice", 0).unwrap(), 3_000);
    assert_eq!(suite.claim_all("alice").unwrap(), 1_000);
    assert_eq!(suite.pending("alice", 0).unwrap(), 2_000);
    assert_eq!(suite.claim_all("alice").unwrap(), 0);
    assert_eq!(
        suite.options_balance(&otoken, "alice").unwrap(),
        3_000 + 1_000
    );
    let totals = suite.options_totals(&otoken).unwrap();
    assert_eq!(totals.issued.u128(), 5_000);
    let books = suite.check_conservation_bounded(&["alice"]).unwrap();
    assert_eq!(
        (books.totals.emitted.u128(), books.totals.claimed.u128()),
        (7_000, 5_000)
    );
    assert_eq!(books.pending, 2_000);
}
