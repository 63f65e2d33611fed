//! Swaps with hand-derived numbers. The book: price 1 (tick 0), fee 3000 pips (0.3%),
//! position A over [-60, 60] with L_A = 333850249 (1e6 of each token, see liquidity.rs) and, in
//! some tests, B over [-120, 120] with L_B = 167175499 (1e6 of each:
//! floor(1e6 * 2^96 / (2^96 - s(-120))) = 167175499, both tokens agreeing).
mod common;
use common::*;
use cosmwasm_std::{Uint128, Uint256};
use trellis_cl_pool::limits::MAX_TICKS_CROSSED_PER_SWAP;
use trellis_types::cl_pool::*;

const L_A: u128 = 333_850_249;
const L_B: u128 = 167_175_499;

fn one_position(spec: Spec) -> Suite {
    let mut s = Suite::new(spec);
    let lp = s.addr("lp");
    s.funded_mint(&lp, -60, 60, [E6, E6]).unwrap();
    s
}

fn two_positions(spec: Spec) -> Suite {
    let mut s = one_position(spec);
    let lp = s.addr("lp");
    let res = s.funded_mint(&lp, -120, 120, [E6, E6]).unwrap();
    assert_eq!(attr(&res, "liquidity").unwrap(), L_B.to_string());
    s
}

/// 1000 token0 in against L_A:
/// - fee off first: floor(1000 * 997000 / 1e6) = 997 moves the price to
///   ceil(L * 2^96 / (L + 997)) = 79227925910450593787583792970 (tick -1);
/// - input to that price, rounded up: 997; the rest, 3, is the fee;
/// - output: floor(L * (2^96 - p') / 2^96) = 996 token1;
/// - fee growth: floor(3 * 2^128 / L) = 3057799428997326853544218330941;
/// - the LP's fee, floor(growth * L / 2^128) = 2 (rounded down; 1 unit stays in the pool).
#[test]
fn exact_in_within_one_range() {
    let mut s = one_position(Spec::standard());
    let trader = s.addr("trader");
    s.fund(&trader, 0, 1_000);
    let res = s.swap_in(&trader, 0, 1_000, None).unwrap();
    let data = Suite::swap_data(&res);
    assert_eq!(data.amount_in, Uint128::new(1_000));
    assert_eq!(data.amount_out, Uint128::new(996));
    assert_eq!(data.fee, Uint128::new(3));
    assert_eq!(data.ticks_crossed, 0);
    assert!(!data.partial_fill);
    assert_eq!(
        data.sqrt_price_after,
        Uint256::from(79_227_925_910_450_593_787_583_792_970u128)
    );
    assert_eq!(data.tick_after, -1);
    assert_eq!(s.balance(&trader, 1), 996);
    assert_eq!(s.balance(&trader, 0), 0);
    let state = s.state();
    assert_eq!(state.liquidity, Uint128::new(L_A));
    assert_eq!(
        state.fee_growth_global[0],
        Uint256::from(3_057_799_428_997_326_853_544_218_330_941u128)
    );
    assert_eq!(state.fee_growth_global[1], Uint256::zero());
    let lp = s.addr("lp");
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
    assert_eq!(s.balance(&lp, 0), 2);
}

/// 500 token0 out for token1 against L_A (price up):
/// - the price moves to ceil(L * 2^96 * p / (L * 2^96 - 500 * p)) = 79228281172676919273121000946;
/// - input, rounded up: ceil(L * (p' - 2^96) / 2^96) = 501; fee ceil(501 * 3000 / 997000) = 2;
///   so 503 are taken and the rest of the 1000 sent is refunded (497).
#[test]
fn exact_out_refunds_the_excess() {
    let mut s = one_position(Spec::standard());
    let trader = s.addr("trader");
    s.fund(&trader, 1, 1_000);
    let res = s.swap_out(&trader, 1, 1_000, 500, None).unwrap();
    let data = Suite::swap_data(&res);
    assert_eq!(data.amount_out, Uint128::new(500));
    assert_eq!(data.amount_in, Uint128::new(503));
    assert_eq!(data.fee, Uint128::new(2));
    assert_eq!(
        data.sqrt_price_after,
        Uint256::from(79_228_281_172_676_919_273_121_000_946u128)
    );
    assert_eq!(attr(&res, "refund").unwrap(), "497");
    assert_eq!(s.balance(&trader, 1), 497);
    assert_eq!(s.balance(&trader, 0), 500);
}

/// 1.6e6 token0 in across tick -60 (A and B in range, L = 501025748):
/// - step 1 to s(-60): in ceil(L (2^96 - s) / ... ) = 1505259, fee ceil(1505259 * 3000 / 997000)
///   = 4530, out 1500749; crossing -60 removes L_A;
/// - step 2 with L_B: the remaining 90211 (fee 271) ends at tick -71;
/// - totals: 1600000 in, 1590103 out, fee 4801;
/// - fees credited: A floor(growth_inside_A * L_A / 2^128) = 3018, B 1782 (3018 + 1782 = 4800:
///   one unit of rounding stays in the pool).
#[test]
fn exact_in_crossing_one_tick() {
    let mut s = two_positions(Spec::standard());
    let trader = s.addr("trader");
    s.fund(&trader, 0, 1_600_000);
    let res = s.swap_in(&trader, 0, 1_600_000, None).unwrap();
    let data = Suite::swap_data(&res);
    assert_eq!(data.amount_in, Uint128::new(1_600_000));
    assert_eq!(data.amount_out, Uint128::new(1_590_103));
    assert_eq!(data.fee, Uint128::new(4_801));
    assert_eq!(data.ticks_crossed, 1);
    assert_eq!(data.tick_after, -71);
    assert_eq!(
        data.sqrt_price_after,
        Uint256::from(78_948_499_175_082_460_197_820_001_728u128)
    );
    assert_eq!(s.state().liquidity, Uint128::new(L_B));
    // Crossing flipped -60's outside growth: global at the crossing minus 0.
    assert_eq!(
        s.tick(-60).fee_growth_outside[0],
        Uint256::from(3_076_646_516_282_135_742_630_710_012_264_499u128)
    );
    let lp = s.addr("lp");
    for id in ["1", "2"] {
        s.exec(
            &lp,
            &[],
            &ExecuteMsg::Collect {
                token_id: id.into(),
                recipient: None,
                amount_max: None,
            },
        )
        .unwrap();
    }
    assert_eq!(s.balance(&lp, 0), 3_018 + 1_782);
}

/// 3e6 token0 in crosses -60 and -120 and then meets no liquidity: the price runs to the
/// default limit MIN_SQRT_PRICE + 1 = 4295128740 (tick -887272). Taken: 2015069 (fee 6046) for
/// 1999999 out (both positions' token1, less rounding); the 984931 left are refunded and the
/// response says it was a partial fill.
#[test]
fn partial_fill_refunds_what_was_not_spent() {
    let mut s = two_positions(Spec::standard());
    let trader = s.addr("trader");
    s.fund(&trader, 0, 3 * E6);
    let res = s.swap_in(&trader, 0, 3 * E6, None).unwrap();
    let data = Suite::swap_data(&res);
    assert_eq!(data.amount_in, Uint128::new(2_015_069));
    assert_eq!(data.amount_out, Uint128::new(1_999_999));
    assert_eq!(data.fee, Uint128::new(6_046));
    assert_eq!(data.ticks_crossed, 2);
    assert!(data.partial_fill);
    assert_eq!(data.sqrt_price_after, Uint256::from(4_295_128_740u128));
    assert_eq!(data.tick_after, -887_272);
    assert_eq!(attr(&res, "partial_fill").unwrap(), "true");
    assert_eq!(attr(&res, "refund").unwrap(), "984931");
    assert_eq!(s.balance(&trader, 0), 984_931);
    assert_eq!(s.balance(&trader, 1), 1_999_999);
    assert_eq!(s.state().liquidity, Uint128::zero());
}

/// A 20% protocol share of the 1.6e6 swap's fees: floor(4530 * 0.2) = 906 and
/// floor(271 * 0.2) = 54, 960 in all; the LPs' fees shrink to 2414 (A) and 1426 (B).
#[test]
fn protocol_share_is_collected_by_the_collector() {
    let mut s = two_positions(Spec::standard().protocol_share(2_000));
    let trader = s.addr("trader");
    s.fund(&trader, 0, 1_600_000);
    let data = Suite::swap_data(&s.swap_in(&trader, 0, 1_600_000, None).unwrap());
    assert_eq!(data.protocol_fee, Uint128::new(960));
    assert_eq!(
        s.state().protocol_fees_owed,
        [Uint128::new(960), Uint128::zero()]
    );
    let anyone = s.addr("anyone");
    s.exec(&anyone, &[], &ExecuteMsg::CollectProtocolFees {})
        .unwrap();
    assert_eq!(s.balance(&s.collector.clone(), 0), 960);
    let lp = s.addr("lp");
    for id in ["1", "2"] {
        s.exec(
            &lp,
            &[],
            &ExecuteMsg::Collect {
                token_id: id.into(),
                recipient: None,
                amount_max: None,
            },
        )
        .unwrap();
    }
    assert_eq!(s.balance(&lp, 0), 2_414 + 1_426);
}

/// The same exact-in swap through the cw20 hook, token1 in (price up): 1000 in, 996 out, fee 3.
#[test]
fn cw20_swap_through_the_receive_hook() {
    let mut s = one_position(Spec::standard().cw20());
    let trader = s.addr("trader");
    s.fund(&trader, 1, 1_000);
    let res = s.swap_in(&trader, 1, 1_000, None).unwrap();
    assert_eq!(attr(&res, "amount_out").unwrap(), "996");
    assert_eq!(s.balance(&trader, 0), 996);
    assert_eq!(s.balance(&trader, 1), 0);
}

/// The simulation answers exactly what the swap then does.
#[test]
fn simulation_matches_the_swap() {
    let mut s = two_positions(Spec::standard());
    let sim: SwapResponse = s.q(&QueryMsg::SimulateSwapExactIn {
        offer: s.assets[0].clone(),
        amount_in: Uint128::new(1_600_000),
        sqrt_price_limit: None,
    });
    let trader = s.addr("trader");
    s.fund(&trader, 0, 1_600_000);
    let data = Suite::swap_data(&s.swap_in(&trader, 0, 1_600_000, None).unwrap());
    assert_eq!(sim, data);
}

/// With more initialized ticks in the way than the bound, a swap stops on the first tick it
/// may not cross, reports it and refunds the rest. Spacing 1, 201 one-tick positions
/// [-k-1, -k] for k = 0..=200 below price 1 plus a wide one: going down crosses -1, -2, ...
#[test]
fn tick_bound_makes_a_partial_fill() {
    let mut s = Suite::new(Spec::standard().tier(100, 1));
    let lp = s.addr("lp");
    s.funded_mint(&lp, -10_000, 10_000, [E6, E6]).unwrap();
    for k in 0..=200 {
        s.funded_mint(&lp, -k - 1, -k, [0, 1_000]).unwrap();
    }
    let trader = s.addr("trader");
    s.fund(&trader, 0, 10 * E6);
    let res = s.swap_in(&trader, 0, 10 * E6, None).unwrap();
    let data = Suite::swap_data(&res);
    assert_eq!(data.ticks_crossed, MAX_TICKS_CROSSED_PER_SWAP);
    assert!(data.partial_fill);
    assert_eq!(attr(&res, "tick_bound_reached").unwrap(), "true");
    // Crossed -0 ... : the ticks 0, -1, ..., -199 (tick 0 is the first position's upper end),
    // and it sits on -200's price without crossing it, still counting -200 as in range.
    assert_eq!(data.tick_after, -200);
    let refund: u128 = attr(&res, "refund").unwrap().parse().unwrap();
    assert_eq!(refund, 10 * E6 - data.amount_in.u128());
    assert!(refund > 0);
    // The next swap goes on from there: it crosses -200 first.
    s.fund(&trader, 0, 1_000);
    let next = Suite::swap_data(&s.swap_in(&trader, 0, 1_000, None).unwrap());
    assert!(next.ticks_crossed >= 1);
}
