//! Minting, increasing, decreasing, collecting and burning, with hand-derived amounts.
//!
//! Prices used below (v3's `getSqrtRatioAtTick`, checked in `trellis_math`):
//! - tick 0: 2^96 = 79228162514264337593543950336 (price 1);
//! - tick -60: 78990846045029531151608375686; tick 60: 79466191966197645195421774833;
//! - tick 120: 79704936542881920863903188246.
mod common;
use common::*;
use cosmwasm_std::{Int128, Uint128, Uint256};
use trellis_types::cl_pool::*;

/// Price 1, [-60, 60], 1e6 of each desired.
/// - liquidity: min over the tokens of the liquidity each pays for,
///   token0: floor(1e6 * floor(2^96 * b / 2^96) / (b - 2^96)) = floor(1e6 * b / 238029451933307601877824497)
///   = 333850249; token1: floor(1e6 * 2^96 / (2^96 - a)) = floor(1e6 * 2^96 / 237316469234806441935574650)
///   = 333850249.
/// - amounts owed, rounded up: token0 = ceil(L * 2^96 * (b - 2^96) / b / 2^96) where the exact value
///   is 999999.99787..., so 1000000; token1 = ceil(L * (2^96 - a) / 2^96) = ceil(999999.99787...)
///   = 1000000.
#[test]
fn mint_in_range_takes_both_tokens_rounded_up() {
    let mut s = Suite::new(Spec::standard());
    let lp = s.addr("lp");
    let res = s.funded_mint(&lp, -60, 60, [E6, E6]).unwrap();
    assert_eq!(attr(&res, "liquidity").unwrap(), "333850249");
    assert_eq!(attr(&res, "amount_0").unwrap(), "1000000");
    assert_eq!(attr(&res, "amount_1").unwrap(), "1000000");
    let id = Suite::minted_id(&res);
    assert_eq!(id, "1");
    let p = s.position(&id);
    assert_eq!(p.owner, lp.to_string());
    assert_eq!((p.lower_tick, p.upper_tick), (-60, 60));
    assert_eq!(p.liquidity, Uint128::new(333_850_249));
    assert_eq!(p.tokens_owed, [Uint128::zero(); 2]);
    let state = s.state();
    assert_eq!(state.liquidity, Uint128::new(333_850_249));
    // The lower end adds the liquidity going up, the upper end removes it.
    assert_eq!(s.tick(-60).liquidity_net, Int128::new(333_850_249));
    assert_eq!(s.tick(60).liquidity_net, Int128::new(-333_850_249));
    assert_eq!(s.tick(60).liquidity_gross, Uint128::new(333_850_249));
    assert_eq!(s.balance(&s.pool.clone(), 0), E6);
    assert_eq!(s.balance(&s.pool.clone(), 1), E6);
    assert_eq!(s.balance(&lp, 0), 0);
}

/// Price 1 is below [60, 120]: only token0 counts.
/// - liquidity: floor(1e6 * floor(s60 * s120 / 2^96) / (s120 - s60))
///   = floor(1e6 * 79944398392805115537206921894 / 238744576684275668481413413) = 334853254;
/// - token0 owed: ceil(L * 2^96 * (s120 - s60) / s120 / s60), exactly 999999.99980958..., so 1000000;
/// - the 500000 ubbb attached are all refunded, and the in-range liquidity stays 0.
#[test]
fn mint_below_the_range_takes_token0_only_and_refunds_token1() {
    let mut s = Suite::new(Spec::standard());
    let lp = s.addr("lp");
    let res = s.funded_mint(&lp, 60, 120, [E6, 500_000]).unwrap();
    assert_eq!(attr(&res, "liquidity").unwrap(), "334853254");
    assert_eq!(attr(&res, "amount_0").unwrap(), "1000000");
    assert_eq!(attr(&res, "amount_1").unwrap(), "0");
    assert_eq!(s.balance(&lp, 1), 500_000);
    assert_eq!(s.balance(&s.pool.clone(), 1), 0);
    assert_eq!(s.state().liquidity, Uint128::zero());
}

/// Decreasing half of the [-60, 60] position, floor(333850249 / 2) = 166925124, credits
/// floor(499999.99743...) = 499999 of each token (rounded down: paid out); collect pays them and
/// the pool keeps 1 unit of each for the remaining liquidity's rounding.
#[test]
fn decrease_credits_rounded_down_and_collect_pays() {
    let mut s = Suite::new(Spec::standard());
    let lp = s.addr("lp");
    s.funded_mint(&lp, -60, 60, [E6, E6]).unwrap();
    let res = s
        .exec(
            &lp,
            &[],
            &ExecuteMsg::DecreaseLiquidity {
                token_id: "1".into(),
                liquidity: Uint128::new(166_925_124),
                amount_min: [Uint128::new(499_999); 2],
                deadline: None,
            },
        )
        .unwrap();
    assert_eq!(attr(&res, "amount_0").unwrap(), "499999");
    assert_eq!(attr(&res, "amount_1").unwrap(), "499999");
    let p = s.position("1");
    assert_eq!(p.liquidity, Uint128::new(333_850_249 - 166_925_124));
    assert_eq!(p.tokens_owed, [Uint128::new(499_999); 2]);
    assert_eq!(s.state().liquidity, Uint128::new(166_925_125));
    // Nothing is paid until collected.
    assert_eq!(s.balance(&lp, 0), 0);
    let collect = |amount_max| ExecuteMsg::Collect {
        token_id: "1".into(),
        recipient: None,
        amount_max,
    };
    // A cap pays part of what is owed.
    s.exec(
        &lp,
        &[],
        &collect(Some([Uint128::new(100), Uint128::zero()])),
    )
    .unwrap();
    assert_eq!(s.balance(&lp, 0), 100);
    assert_eq!(s.position("1").tokens_owed[0], Uint128::new(499_899));
    s.exec(&lp, &[], &collect(None)).unwrap();
    assert_eq!(s.balance(&lp, 0), 499_999);
    assert_eq!(s.balance(&lp, 1), 499_999);
    assert_eq!(s.position("1").tokens_owed, [Uint128::zero(); 2]);
}

/// Removing everything and collecting leaves an empty position, which burns: the NFT and the
/// position are gone, and the range ends (no longer used) are deleted.
#[test]
fn burn_an_emptied_position() {
    let mut s = Suite::new(Spec::standard());
    let lp = s.addr("lp");
    s.funded_mint(&lp, -60, 60, [E6, E6]).unwrap();
    s.exec(
        &lp,
        &[],
        &ExecuteMsg::DecreaseLiquidity {
            token_id: "1".into(),
            liquidity: Uint128::new(333_850_249),
            amount_min: [Uint128::zero(); 2],
            deadline: None,
        },
    )
    .unwrap();
    s.exec(
        &lp,
        &[],
        &ExecuteMsg::Collect {
            token_id: "1".into(),
            recipient: None,
            amount_max: None,
        },
    )
    .unwrap();
    // floor(999999.99787...) = 999999 of each back: the pool keeps the rounding unit.
    assert_eq!(s.balance(&lp, 0), 999_999);
    assert_eq!(s.balance(&lp, 1), 999_999);
    let ticks: TicksResponse = s.q(&QueryMsg::Ticks {
        start_after: None,
        limit: None,
    });
    assert!(ticks.ticks.is_empty());
    s.exec(
        &lp,
        &[],
        &ExecuteMsg::Burn {
            token_id: "1".into(),
        },
    )
    .unwrap();
    assert!(s
        .try_q::<PositionResponse>(&QueryMsg::Position {
            token_id: "1".into()
        })
        .is_err());
    let n: cw721::msg::NumTokensResponse = s.q(&QueryMsg::NumTokens {});
    assert_eq!(n.count, 0);
}

/// Increasing a position adds the same liquidity as a new mint of the same amounts would.
#[test]
fn increase_adds_liquidity_at_the_same_range() {
    let mut s = Suite::new(Spec::standard());
    let lp = s.addr("lp");
    s.funded_mint(&lp, -60, 60, [E6, E6]).unwrap();
    s.fund(&lp, 0, E6);
    s.fund(&lp, 1, E6);
    let funds = s.native_funds([E6, E6]);
    let res = s
        .exec(
            &lp,
            &funds,
            &ExecuteMsg::IncreaseLiquidity {
                token_id: "1".into(),
                amounts: AddAmounts {
                    desired: [Uint128::new(E6); 2],
                    min: [Uint128::zero(); 2],
                },
                deadline: None,
            },
        )
        .unwrap();
    assert_eq!(attr(&res, "liquidity").unwrap(), "333850249");
    assert_eq!(s.position("1").liquidity, Uint128::new(667_700_498));
    assert_eq!(s.state().liquidity, Uint128::new(667_700_498));
}

/// The pool can start without a price and be initialized once; the tick of 2^96 is 0.
#[test]
fn initialize_once() {
    let mut s = Suite::new(Spec::standard().price(None));
    assert!(!s.state().initialized);
    let anyone = s.addr("anyone");
    s.exec(
        &anyone,
        &[],
        &ExecuteMsg::Initialize {
            sqrt_price: Uint256::from(Q96),
        },
    )
    .unwrap();
    let state = s.state();
    assert!(state.initialized);
    assert_eq!(state.tick, 0);
}

/// The same flow with two cw20 assets: the pool pulls exactly what it uses.
#[test]
fn cw20_mint_pulls_exactly_the_amounts_used() {
    let mut s = Suite::new(Spec::standard().cw20());
    let lp = s.addr("lp");
    let res = s.funded_mint(&lp, 60, 120, [E6, 500_000]).unwrap();
    assert_eq!(attr(&res, "amount_0").unwrap(), "1000000");
    assert_eq!(s.balance(&s.pool.clone(), 0), E6);
    assert_eq!(s.balance(&s.pool.clone(), 1), 0);
    assert_eq!(s.balance(&lp, 1), 500_000);
}
