//! Spot price and the geometric TWAP oracle: exact means over held prices, interpolation,
//! `ago_secs`, the ring buffer's wrap and pagination, and windows the buffer does not cover.
//!
//! Log prices are stored at 1e-12, rounded down. Two values recur below (digits from a
//! calculator, floored): ln(1.331) = 3 ln(1.1) = 0.285930539412974580... -> l = 285_930_539_412,
//! and ln(4) = 1.386294361119890618... -> L = 1_386_294_361_119. Neither is within 1e-6 units
//! of an integer, so the 1e-18 error of `ln` cannot change the floor.
mod common;
use common::*;
use cosmwasm_std::{Decimal256, Int128};
use trellis_types::weighted_pool::{
    OracleSample, OracleSamplesResponse, PriceResponse, QueryMsg, TwapResponse,
};
use trellis_types::AssetInfo;
use trellis_weighted_pool::ContractError;

const L_1331: i128 = 285_930_539_412;
const L_4: i128 = 1_386_294_361_119;

fn spot(s: &Suite, base: usize) -> Decimal256 {
    let r: PriceResponse = s.q(&QueryMsg::SpotPrice {
        base: s.assets[base].clone(),
    });
    r.price
}

fn twap(s: &Suite, base: usize, window_secs: u64, ago_secs: u64) -> TwapResponse {
    s.q(&QueryMsg::Twap {
        base: s.assets[base].clone(),
        window_secs,
        ago_secs,
    })
}

fn twap_err(s: &Suite, window_secs: u64, ago_secs: u64, expected: ContractError) {
    let err = s
        .try_q::<TwapResponse>(&QueryMsg::Twap {
            base: s.assets[0].clone(),
            window_secs,
            ago_secs,
        })
        .unwrap_err();
    assert!(
        err.to_string().contains(&expected.to_string()),
        "{err} should be {expected}"
    );
}

fn atomics(d: Decimal256) -> u128 {
    cosmwasm_std::Uint128::try_from(d.atomics()).unwrap().u128()
}

/// `|got - exact| <= exact * (1 + 2 / window) * 1e-12 + 2 wei`: the documented bound (the
/// log's 1e-12 resolution, plus the floors of interpolation and the mean).
fn within_bound(got: u128, exact: u128, window: u64) {
    let tolerance = exact / 1_000_000_000_000 * (window as u128 + 2) / window as u128 + 2;
    assert!(
        got.abs_diff(exact) <= tolerance,
        "{got} vs {exact}: off by {} > {tolerance}",
        got.abs_diff(exact)
    );
}

#[test]
fn spot_price_of_an_eighty_twenty_pool() {
    // (b_quote / w_quote) / (b_base / w_base): 400 at 80% against 100 at 20% is
    // (100 / 0.2) / (400 / 0.8) = 500 / 500 = 1 for asset 0, and 1 for asset 1.
    let mut s = Suite::new(PoolSpec::native(80, 20));
    s.funded_join(&s.addr("lp"), [400 * E6, 100 * E6]).unwrap();
    assert_eq!(spot(&s, 0), Decimal256::one());
    assert_eq!(spot(&s, 1), Decimal256::one());

    // 1000 at 80% against 50 at 20%: asset 0 costs (50 / 0.2) / (1000 / 0.8) = 250 / 1250 =
    // 0.2 of asset 1, and asset 1 costs 1250 / 250 = 5 of asset 0. Both divisions are exact.
    let mut s = Suite::new(PoolSpec::native(80, 20));
    s.funded_join(&s.addr("lp"), [1000 * E6, 50 * E6]).unwrap();
    assert_eq!(spot(&s, 0), Decimal256::percent(20));
    assert_eq!(spot(&s, 1), Decimal256::from_ratio(5u8, 1u8));

    // An asset that is not in the pool.
    let err = s
        .try_q::<PriceResponse>(&QueryMsg::SpotPrice {
            base: AssetInfo::native("uzzz"),
        })
        .unwrap_err();
    assert!(err
        .to_string()
        .contains("native:uzzz is not an asset of this pool"));
}

/// 50/50 pool of 1000e6 / 1000e6 (price 1) joined at T0; at T0 + 1200 two single-asset joins
/// (no fee) add 300e6 and then 31e6 of asset 1, moving the price of asset 0 to
/// 1331 / 1000 = 1.331 = 1.1^3; then 600 s pass.
fn price_path() -> Suite {
    let mut s = Suite::new(PoolSpec::native(50, 50));
    s.funded_join(&s.addr("lp"), [1000 * E6, 1000 * E6])
        .unwrap();
    s.advance(1200);
    let user = s.addr("user");
    s.fund(&user, 1, 331 * E6);
    s.join_single(&user, 1, 300 * E6, None).unwrap();
    s.join_single(&user, 1, 31 * E6, None).unwrap();
    assert_eq!(s.reserves(), [1000 * E6, 1331 * E6]);
    s.advance(600);
    s
}

#[test]
fn twap_is_the_geometric_time_weighted_mean() {
    let s = price_path();
    let now = s.now();
    assert_eq!(now, T0 + 1800);
    // Samples: (T0, 0) from the first join; at T0 + 1200 the first join of the block records
    // the price that held before it, ln(1) = 0 exactly (same balance and weight on both
    // sides), for 1200 s: (T0 + 1200, 0). The second join in that block records nothing.
    let samples: OracleSamplesResponse = s.q(&QueryMsg::OracleSamples {
        start_after: None,
        limit: None,
    });
    let zero = Int128::zero();
    assert_eq!(
        samples.samples,
        vec![
            OracleSample {
                timestamp: T0,
                log_price_cumulative: zero,
            },
            OracleSample {
                timestamp: T0 + 1200,
                log_price_cumulative: zero,
            },
        ]
    );

    // Price 1 for 1200 s then 1.331 for 600 s: geometric mean 1^(2/3) * 1.331^(1/3) = 1.1.
    // The end of the window is extrapolated from the newest sample with the current price:
    // c_end = 0 + l * 600; mean = floor(600 * l * 1e6 / 1800) = 95_310_179_804_000_000
    // (1e18 units, exact), and e^0.095310179804 * 1e18 = 1_099_999_999_999_642_653.95.
    let r = twap(&s, 0, 1800, 0);
    assert_eq!((r.start, r.end), (T0, T0 + 1800));
    assert_eq!(atomics(r.price), 1_099_999_999_999_642_653);
    within_bound(atomics(r.price), 1_100_000_000_000_000_000, 1800);

    // Asset 1's price is the inverse, 1 / 1.1 = 0.909090...: the negated mean
    // -95_310_179_804_000_000 gives e^-0.095310179804 * 1e18 = 909_090_909_091_204_418.2.
    let r = twap(&s, 1, 1800, 0);
    assert_eq!(atomics(r.price), 909_090_909_091_204_418);
    within_bound(atomics(r.price), 909_090_909_090_909_090, 1800);

    // The last 600 s only: 1.331. mean = l * 1e6 -> e^0.285930539412 * 1e18 =
    // 1_330_999_999_998_702_833.8.
    let r = twap(&s, 0, 600, 0);
    assert_eq!(atomics(r.price), 1_330_999_999_998_702_833);
    within_bound(atomics(r.price), 1_331_000_000_000_000_000, 600);

    // The last 900 s: the start (T0 + 900) is interpolated between (T0, 0) and
    // (T0 + 1200, 0), exactly 0 since one price held across. 1^(1/3) * 1.331^(2/3) = 1.21:
    // mean = floor(600 * l * 1e6 / 900) = 190_620_359_608_000_000 ->
    // 1_209_999_999_999_213_838.7.
    let r = twap(&s, 0, 900, 0);
    assert_eq!(atomics(r.price), 1_209_999_999_999_213_838);
    within_bound(atomics(r.price), 1_210_000_000_000_000_000, 900);

    // ago_secs: [T0, T0 + 1200] ends 600 s ago and saw only the price 1: both cumulatives
    // are 0 and e^0 = 1 exactly.
    let r = twap(&s, 0, 1200, 600);
    assert_eq!((r.start, r.end), (T0, T0 + 1200));
    assert_eq!(r.price, Decimal256::one());

    // The spot price is 1.331 exactly: (1331e6 / 0.5) / (1000e6 / 0.5).
    assert_eq!(spot(&s, 0), Decimal256::from_ratio(1331u32, 1000u32));
}

#[test]
fn windows_the_oracle_cannot_serve() {
    let s = price_path();
    // One second before the first sample.
    twap_err(
        &s,
        1801,
        0,
        ContractError::OracleWindowNotCovered {
            requested: T0 - 1,
            oldest: T0,
        },
    );
    twap_err(
        &s,
        600,
        1201,
        ContractError::OracleWindowNotCovered {
            requested: T0 - 1,
            oldest: T0,
        },
    );
    twap_err(&s, 0, 0, ContractError::ZeroTwapWindow);
    let now = s.now();
    twap_err(
        &s,
        1,
        now + 1,
        ContractError::TwapWindowOutOfRange {
            window_secs: 1,
            ago_secs: now + 1,
            now,
        },
    );
    twap_err(
        &s,
        now + 1,
        0,
        ContractError::TwapWindowOutOfRange {
            window_secs: now + 1,
            ago_secs: 0,
            now,
        },
    );
    // Before any liquidity there is no price at all.
    let empty = Suite::new(PoolSpec::native(50, 50));
    twap_err(&empty, 1, 0, ContractError::EmptyPool);
}

#[test]
fn moving_the_newest_sample_costs_at_most_one_spacing_at_the_window_start() {
    // As `price_path`, then at T0 + 1230 a proportional join of [1000e6, 1331e6] (which
    // takes exactly that, keeping the price 1.331): the slot opened at T0 + 1200 is 30 s old,
    // younger than the 60 s spacing, so it is moved to T0 + 1230 with cumulative 30 * l.
    let mut s = Suite::new(PoolSpec::native(50, 50));
    s.funded_join(&s.addr("lp"), [1000 * E6, 1000 * E6])
        .unwrap();
    s.advance(1200);
    let user = s.addr("user");
    s.fund(&user, 1, 331 * E6);
    s.join_single(&user, 1, 300 * E6, None).unwrap();
    s.join_single(&user, 1, 31 * E6, None).unwrap();
    s.advance(30);
    s.funded_join(&user, [1000 * E6, 1331 * E6]).unwrap();
    assert_eq!(s.reserves(), [2000 * E6, 2662 * E6]);
    s.advance(570);
    let samples: OracleSamplesResponse = s.q(&QueryMsg::OracleSamples {
        start_after: Some(T0),
        limit: None,
    });
    assert_eq!(
        samples.samples,
        vec![OracleSample {
            timestamp: T0 + 1230,
            log_price_cumulative: Int128::new(30 * L_1331),
        }]
    );
    // The window [T0 + 1200, T0 + 1800] saw 1.331 throughout, but its start now falls
    // between (T0, 0) and (T0 + 1230, 30 l) and is interpolated as if the price had been
    // constant there: c_start = floor(30 * l * 1200 / 1230) = 8_368_698_714_497 instead of 0.
    // c_end = 30 l + 570 l = 171_558_323_647_200. mean = floor((c_end - c_start) * 1e6 / 600)
    // = 271_982_708_221_171_666 -> e^0.271982708221171666 * 1e18 = 1_312_564_304_543_222_944.8.
    // The error stays within one spacing: the result lies between 1.331^(540/600) = 1.2935
    // (the whole spacing at the old price) and 1.331.
    let r = twap(&s, 0, 600, 0);
    assert_eq!(atomics(r.price), 1_312_564_304_543_222_944);
    assert!(atomics(r.price) > 1_293_481_584_348_762_921 && atomics(r.price) < 1_331 * E18 / 1000);
}

#[test]
fn ring_buffer_wraps_and_pages_by_timestamp() {
    // Capacity 3, spacing 60. A 50/50 pool of 100e6 / 400e6 prices asset 0 at 4, and every
    // later join of [100e6, 400e6] takes exactly that (the supply grows by the same
    // 199_999_999 each time), so the price stays 4 and each second adds L to the cumulative.
    let mut s = Suite::new(PoolSpec::native(50, 50).oracle(3, 60));
    let lp = s.addr("lp");
    s.funded_join(&lp, [100 * E6, 400 * E6]).unwrap();
    // T0: first sample (T0, 0). Then, at each offset: +10 moves it (10 < 60) to (T0+10, 10L);
    // +100 opens (T0+100, 100L); +130 moves that one (30 < 60); +200 opens (T0+200, 200L);
    // +300 opens (T0+300, 300L), overwriting the oldest slot.
    for offset in [10, 100, 130, 200, 300] {
        let at = T0 + offset;
        let now = s.now();
        s.advance(at - now);
        s.funded_join(&lp, [100 * E6, 400 * E6]).unwrap();
    }
    assert_eq!(s.reserves(), [600 * E6, 2400 * E6]);
    let sample = |t: u64| OracleSample {
        timestamp: T0 + t,
        log_price_cumulative: Int128::new(t as i128 * L_4),
    };
    let page = |start_after: Option<u64>, limit: Option<u32>| {
        let r: OracleSamplesResponse = s.q(&QueryMsg::OracleSamples { start_after, limit });
        r.samples
    };
    assert_eq!(
        page(None, None),
        vec![sample(130), sample(200), sample(300)]
    );
    assert_eq!(page(None, Some(2)), vec![sample(130), sample(200)]);
    assert_eq!(
        page(Some(T0 + 130), Some(2)),
        vec![sample(200), sample(300)]
    );
    assert_eq!(page(Some(T0 + 150), None), vec![sample(200), sample(300)]);
    assert_eq!(page(Some(T0 + 300), None), vec![]);

    // At T0 + 300 a 170 s window starts exactly at the oldest sample: mean = L, and
    // e^1.386294361119 * 1e18 = 3_999_999_999_996_437_524.7 (4 less the log's truncation).
    let r = twap(&s, 0, 170, 0);
    assert_eq!(atomics(r.price), 3_999_999_999_996_437_524);
    within_bound(atomics(r.price), 4 * E18, 170);
    // [T0 + 150, T0 + 250]: both ends interpolated, exactly since one price held: mean L.
    assert_eq!(
        atomics(twap(&s, 0, 100, 50).price),
        3_999_999_999_996_437_524
    );
    // One second more reaches before the oldest sample kept.
    twap_err(
        &s,
        171,
        0,
        ContractError::OracleWindowNotCovered {
            requested: T0 + 129,
            oldest: T0 + 130,
        },
    );
}
