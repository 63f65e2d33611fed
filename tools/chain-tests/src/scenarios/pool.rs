//! The AMM: a factory, two weighted pools it creates (80/20 ulit/uusdc and 50/50 uweth/ulit,
//! both with swap fees and a protocol share), joins, swaps both ways, a two-hop route through
//! the router, the TWAP oracle after pauses, full exits and the protocol fees collected, with
//! five refused messages. Every amount is checked against the pools' documented formulas
//! (`packages/math/src/{weighted,weighted_liquidity,oracle,fixed_point}.rs`, `docs/amm.md`)
//! on whichever chain it runs; `tests/pool.rs` runs it on both and compares.
//!
//! The amounts are chosen so that the numbers can be derived by hand:
//!
//! * first joins of powers of two (in 1e18 units): `pow` is then exact (`ln(2^k)` is
//!   `k * LN2_36` with no series term, `exp(j * LN2_36)` is exactly `2^j`), so the initial
//!   supply is the exact invariant less `pow_down`'s documented margin;
//! * swaps whose exponent `w_in / w_out` is 1 (50/50) or 4 (80/20, selling the 80% asset):
//!   `pow_up` takes its exact special cases (`x`, and `x^4` as two rounded-up squarings);
//! * the one swap whose exponent is 0.25 (buying the 80% asset) goes through `ln`/`exp`: it is
//!   checked with exact 512-bit integers against the invariant, from both sides, to within
//!   the documented `pow` margin (relative 1e-14).
//!
//! Every step below states its rounding direction: amounts in and fees round up, amounts out,
//! LP tokens and protocol shares round down.
use std::str::FromStr;

use super::support::{events, native};
use crate::compare::Scenario;
use crate::{Ledger, Observations, Step};
use anyhow::{Context, Result};
use cosmwasm_std::{to_json_binary, Decimal, Decimal256, Uint128, Uint512};
use serde_json::{json, to_value, Value};
use trellis_testing::ContractKind;
use trellis_types::factory::{
    ExecuteMsg as FactoryMsg, InstantiateMsg as FactoryInit, QueryMsg as FactoryQuery,
};
use trellis_types::router::{
    ExecuteMsg as RouterMsg, Hop, InstantiateMsg as RouterInit, QueryMsg as RouterQuery,
};
use trellis_types::weighted_pool::{
    ExecuteMsg as PoolMsg, OracleConfig, QueryMsg as PoolQuery, ReceiveMsg, WeightedAssetInfo,
};
use trellis_types::Asset;

const E18: u128 = 1_000_000_000_000_000_000;
/// The protocol's share of every swap fee (20%), paid to `collector`.
const SHARE_BPS: u128 = 2_000;
/// Pool A, 80/20 ulit/uusdc, and pool B, 50/50 uweth/ulit.
const FEE_A_BPS: u16 = 30;
const FEE_B_BPS: u16 = 100;
/// LP tokens the first join mints to the pool itself, never redeemable.
const MINIMUM_LIQUIDITY: u128 = 1_000;

// ---- Pool A (asset 0 ulit, weight 0.8; asset 1 uusdc, weight 0.2), first join -----------
//
// Alice joins with 32e18 ulit and 1024e18 uusdc: the price of ulit is
// (1024 / 0.2) / (32 / 0.8) = 5120 / 40 = 128 uusdc.
// Supply = invariant = mul_down(pow_down(32, 0.8), pow_down(1024, 0.2)) (in 1e18 units):
//   32^0.8 = 2^4 = 16 exactly (ln 32 = 5 LN2_36, times 0.8 = 4 LN2_36, exp gives 2^4), and
//   pow_down subtracts the margin ceil(16e18 * 1e4 / 1e18) + 1 = 160_001: 16e18 - 160_001;
//   1024^0.2 = 2^2 = 4: 4e18 - (40_000 + 1) = 4e18 - 40_001;
//   mul_down: (16e18 - 160_001)(4e18 - 40_001) / 1e18 = 64e18 - 640_016 - 640_004
//   + 6_400_200_001e-18, floored: 64e18 - 1_280_020.
const A_JOIN: [u128; 2] = [32 * E18, 1024 * E18];
const A_SUPPLY_0: u128 = 64 * E18 - 1_280_020;
/// Alice's first LP: the supply less the locked minimum.
const A_ALICE_LP_0: u128 = A_SUPPLY_0 - MINIMUM_LIQUIDITY; // 63_999_999_999_998_718_980

// ---- Pool B (asset 0 uweth, 0.5; asset 1 ulit, 0.5), first join --------------------------
//
// 4e18 uweth and 16e18 ulit: price of uweth 4 ulit. Supply: 4^0.5 = 2 (margin 20_001),
// 16^0.5 = 4 (margin 40_001): (2e18 - 20_001)(4e18 - 40_001) / 1e18 = 8e18 - 80_002 - 80_004
// + 800_060_001e-18, floored: 8e18 - 160_006.
const B_JOIN: [u128; 2] = [4 * E18, 16 * E18];
const B_SUPPLY_0: u128 = 8 * E18 - 160_006;
const B_ALICE_LP: u128 = B_SUPPLY_0 - MINIMUM_LIQUIDITY; // 7_999_999_999_999_838_994

// ---- Swap 1: bob sells 1e18 ulit in pool A (exponent 0.8 / 0.2 = 4, exact path) ---------
//
// fee = ceil(1e18 * 30 / 1e4) = 3e15 exactly; protocol = floor(3e15 * 2_000 / 1e4) = 6e14;
// swapped: 1e18 - 3e15 = 997e15.
// base = div_up(32e18, 32.997e18) = ceil(969_785_131_981_695_305.63) = 969_785_131_981_695_306
// base^2 = mul_up = ceil(940_483_202_212_754_183.83) = 940_483_202_212_754_184
// base^4 = mul_up = ceil(884_508_653_644_356_276.46) = 884_508_653_644_356_277
// out = mul_down(1024e18, 1e18 - 884_508_653_644_356_277) = 1024 * 115_491_346_355_643_723
//     = 118_263_138_668_179_172_352 (exact: 1024 (1 - (32 / 32.997)^4) = 118.2631386681791746e18,
//     so the pool keeps 2_255 wei of rounding).
const SWAP1_IN: u128 = E18;
const SWAP1_FEE: u128 = 3_000_000_000_000_000;
const SWAP1_PROTOCOL: u128 = 600_000_000_000_000;
const SWAP1_OUT: u128 = 118_263_138_668_179_172_352;
/// The LPs' balances after it: ulit 32e18 + 1e18 - 6e14, uusdc 1024e18 - SWAP1_OUT.
const A_AFTER_SWAP1: [u128; 2] = [32_999_400_000_000_000_000, 905_736_861_331_820_827_648];

// ---- Join 2: alice joins pool A proportionally with at most 8e18 ulit and 300e18 uusdc ----
//
// LP per side (floor): 8e18 * A_SUPPLY_0 / 32.9994e18 = floor(15_515_433_613_944_185_647.01)
// and 300e18 * A_SUPPLY_0 / 905.73..e18 = floor(21_198_209_788_842_422_387.85); the smaller,
// ulit's, limits: lp = 15_515_433_613_944_185_647. Paid (ceil): lp * b / supply =
// ceil(7_999_999_999_999_999_999.99) = 8e18 ulit and ceil(219_576_564_745_254_962_853.22) =
// 219_576_564_745_254_962_854 uusdc; the unused 300e18 - that = 80_423_435_254_745_037_146
// uusdc is refunded.
const JOIN2_MAX: [u128; 2] = [8 * E18, 300 * E18];
const JOIN2_LP: u128 = 15_515_433_613_944_185_647;
const JOIN2_IN: [u128; 2] = [8 * E18, 219_576_564_745_254_962_854];
const JOIN2_REFUND: u128 = 80_423_435_254_745_037_146;
const A_AFTER_JOIN2: [u128; 2] = [40_999_400_000_000_000_000, 1_125_313_426_077_075_790_502];
const A_SUPPLY_2: u128 = A_SUPPLY_0 + JOIN2_LP; // 79_515_433_613_942_905_627

// ---- The route: carol sells 0.5e18 uweth, pool B (uweth -> ulit), then pool A (-> uusdc) ---
//
// Hop 1, pool B, exponent 0.5 / 0.5 = 1 (pow_up returns the base): fee = ceil(5e17 * 100 /
// 1e4) = 5e15, protocol floor(5e15 * 0.2) = 1e15, swapped 495e15.
// base = div_up(4e18, 4.495e18) = ceil(889_877_641_824_249_165.74) = 889_877_641_824_249_166;
// out = mul_down(16e18, 110_122_358_175_750_834) = 16 * 110_122_358_175_750_834 =
// 1_761_957_730_812_013_344 ulit (exact 16 * 0.495 / 4.495 = 1.7619577308120133481e18).
const ROUTE_IN: u128 = 500_000_000_000_000_000;
const HOP1_FEE: u128 = 5_000_000_000_000_000;
const HOP1_PROTOCOL: u128 = 1_000_000_000_000_000;
const HOP1_OUT: u128 = 1_761_957_730_812_013_344;
const B_AFTER_HOP1: [u128; 2] = [4_499_000_000_000_000_000, 14_238_042_269_187_986_656];
// Hop 2, pool A, exponent 4: fee = ceil(HOP1_OUT * 30 / 1e4) = ceil(5_285_873_192_436_040.03)
// = 5_285_873_192_436_041; protocol = floor(1_057_174_638_487_208.2) = 1_057_174_638_487_208;
// swapped 1_756_671_857_619_577_303.
// base = div_up(40.9994e18, 40.9994e18 + swapped) = ceil(958_914_096_143_597_904.39)
//      = 958_914_096_143_597_905; squared up: ceil(919_516_243_782_893_326.54) =
//      919_516_243_782_893_327; squared up again: ceil(845_510_122_580_601_311.04) =
//      845_510_122_580_601_312;
// out = mul_down(1_125_313_426_077_075_790_502, 154_489_877_419_398_688)
//     = floor(173_849_533_253_051_005_879.84) = 173_849_533_253_051_005_879 uusdc
//     (exact: 173_849_533_253_051_010_341.4).
const HOP2_FEE: u128 = 5_285_873_192_436_041;
const HOP2_PROTOCOL: u128 = 1_057_174_638_487_208;
const ROUTE_OUT: u128 = 173_849_533_253_051_005_879;
const A_AFTER_ROUTE: [u128; 2] = [42_760_300_556_173_526_136, 951_463_892_824_024_784_623];
/// Spot price of ulit in uusdc then: floor(951.46..e18 * 0.8 * 1e18 / (42.76..e18 * 0.2))
/// = floor(89_004_415_820_146_241_961.04).
const SPOT_A_AFTER_ROUTE: u128 = 89_004_415_820_146_241_961;

// ---- Swap 2: bob sells 100e18 uusdc in pool A (exponent 0.2 / 0.8 = 0.25: ln/exp path) ---
//
// fee = ceil(100e18 * 30 / 1e4) = 3e17, protocol 6e16, swapped 99.7e18; the amount out is
// bounded, not derived (see `check_swap2`).
const SWAP2_IN: u128 = 100 * E18;
const SWAP2_FEE: u128 = 300_000_000_000_000_000;
const SWAP2_PROTOCOL: u128 = 60_000_000_000_000_000;

// ---- Swap 3: bob sells 1e18 ulit in pool B (exponent 1) ----------------------------------
//
// fee = ceil(1e18 * 100 / 1e4) = 1e16, protocol 2e15, swapped 99e16.
// base = div_up(14.238..e18, 14.238..e18 + 0.99e18) = ceil(934_988_360_125_376_095.43) =
// 934_988_360_125_376_096; out = mul_down(4.499e18, 65_011_639_874_623_904) =
// floor(292_487_367_795_932_944.10) = 292_487_367_795_932_944 uweth (exact ...946.6).
const SWAP3_IN: u128 = E18;
const SWAP3_FEE: u128 = 10_000_000_000_000_000;
const SWAP3_PROTOCOL: u128 = 2_000_000_000_000_000;
const SWAP3_OUT: u128 = 292_487_367_795_932_944;
const B_AFTER_SWAP3: [u128; 2] = [4_206_512_632_204_067_056, 15_236_042_269_187_986_656];

// ---- Alice's full exit of pool B ---------------------------------------------------------
//
// floor(b * B_ALICE_LP / B_SUPPLY_0): floor(4_206_512_632_204_066_530.19) uweth and
// floor(15_236_042_269_187_984_751.49) ulit; what stays backs the 1_000 locked LP tokens:
// 526 uweth and 1_905 ulit.
const B_EXIT: [u128; 2] = [4_206_512_632_204_066_530, 15_236_042_269_187_984_751];
const B_STAYS: [u128; 2] = [526, 1_905];

// ---- Log prices (the oracle's `log_price`: ln(price of asset 0 in asset 1), 1e-12 units,
// floored). Each is ln((b1 * w0) / (b0 * w1)) from the balances above; the contract's two
// floored 1e-18 logs put it within 1e-18 of the true value, and every fractional part below
// is far from an integer, so the floor is the true one.
/// ln 128 = 7 ln 2 = 4.852030263919_617...
const LOG_A0: i128 = 4_852_030_263_919;
/// After swap 1: ln(905.73..e18 * 0.8 / (32.9994e18 * 0.2)) = ln 109.78828237262748 =
/// 4.698553805462_885...; join 2 moves the ratio by 6e-20: still 4.698553805462_885...
const LOG_A1: i128 = 4_698_553_805_462;
const LOG_A2: i128 = 4_698_553_805_462;
/// After the route: ln 89.00441582014624 = 4.488685984458_008...
const LOG_A3: i128 = 4_488_685_984_458;
/// ln 4 = 1.386294361119_890...
const LOG_B0: i128 = 1_386_294_361_119;
/// After hop 1: ln(14.238..e18 / 4.499e18) = ln 3.164712662633471 = 1.152062265577_053...
const LOG_B1: i128 = 1_152_062_265_577;

// ---- TWAPs over windows in which one price held: exp(log * 1e-12), floored at 1e18 (exp
// is within 1e-33 relative before its floor; none of these is near an integer).
/// e^4.852030263919 = 128 e^(-0.617e-12) = 127.999999999921002762_16...
const TWAP_A0: u128 = 127_999_999_999_921_002_762;
/// The inverse reads the negated log: e^-4.852030263919 = 0.007812500000004821_61 (1/128 reads
/// high, as the docs say).
const TWAP_A0_INV: u128 = 7_812_500_000_004_821;
/// e^4.698553805462 = 109.788282372530251901_17...
const TWAP_A1: u128 = 109_788_282_372_530_251_901;
/// e^1.386294361119 = 3.999999999996437524_66...
const TWAP_B0: u128 = 3_999_999_999_996_437_524;

pub struct PoolScenario;

/// A `Uint128` or `Decimal256` field of an answer (a decimal string).
fn int(v: &Value) -> Result<u128> {
    v.as_str()
        .with_context(|| format!("not a string: {v}"))?
        .parse()
        .with_context(|| format!("not an integer: {v}"))
}

/// A `Decimal256` answer in atomics (1e18 units).
fn decimal(v: &Value) -> Result<u128> {
    let d = Decimal256::from_str(v.as_str().with_context(|| format!("not a decimal: {v}"))?)?;
    Ok(Uint128::try_from(d.atomics())?.u128())
}

/// The value of `key` in the transaction's events, as an integer.
fn attr(step: &Step, key: &str) -> Result<u128> {
    step.attr(key)
        .with_context(|| format!("no {key} in {:?}", step.events))?
        .parse()
        .with_context(|| format!("{key} is not an integer"))
}

/// Every value of `key` in the transaction's events, in order.
fn attrs<'a>(step: &'a Step, key: &str) -> Vec<&'a str> {
    step.events
        .iter()
        .flat_map(|(_, attrs)| attrs.iter())
        .filter(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
        .collect()
}

fn balances(info: &Value) -> Result<[u128; 2]> {
    Ok([
        int(&info["assets"][0]["balance"])?,
        int(&info["assets"][1]["balance"])?,
    ])
}

fn fees_owed(info: &Value) -> Result<[u128; 2]> {
    Ok([
        int(&info["assets"][0]["protocol_fees_owed"])?,
        int(&info["assets"][1]["protocol_fees_owed"])?,
    ])
}

/// `value` with each raw `address` replaced by `<name>`, as the ledgers name addresses: for
/// the events of the transaction that created a contract, before it had a name.
fn named(value: Value, names: &[(&str, &str)]) -> Value {
    let mut text = value.to_string();
    for (address, name) in names {
        text = text.replace(address, &format!("<{name}>"));
    }
    serde_json::from_str(&text).expect("still JSON")
}

/// A refused transaction's error, with the addresses it names (the contracts' errors name
/// pools) replaced by their names, as the ledgers do in every answer but errors.
fn failed(result: std::result::Result<Step, String>, names: &[(String, String)]) -> Value {
    let pairs: Vec<(&str, &str)> = names
        .iter()
        .map(|(a, n)| (a.as_str(), n.as_str()))
        .collect();
    named(json!({ "failed": result.err() }), &pairs)
}

async fn pool_info<L: Ledger>(
    l: &mut L,
    obs: &mut Observations,
    label: &str,
    pool: &str,
) -> Result<Value> {
    let info = l.query(pool, &to_value(PoolQuery::PoolInfo {})?).await?;
    obs.push(format!("{label}: {pool}"), info.clone());
    Ok(info)
}

/// The cw20 balance of `who` on the LP token `lp`.
async fn lp_balance<L: Ledger>(l: &mut L, lp: &str, who: &str) -> Result<u128> {
    let address = l.addr(who);
    let answer = l
        .query(lp, &json!({ "balance": { "address": address } }))
        .await?;
    int(&answer["balance"])
}

async fn lp_supply<L: Ledger>(l: &mut L, lp: &str) -> Result<u128> {
    let answer = l.query(lp, &json!({ "token_info": {} })).await?;
    int(&answer["total_supply"])
}

/// Sends `amount` of the LP token `lp` to `pool` with the exit hook (cw20 `Send`).
async fn exit<L: Ledger>(
    l: &mut L,
    who: &str,
    lp: &str,
    pool: &str,
    amount: u128,
    min_amounts_out: Option<[u128; 2]>,
) -> Result<std::result::Result<Step, String>> {
    let hook = ReceiveMsg::Exit {
        min_amounts_out: min_amounts_out.map(|m| m.map(Uint128::new)),
        recipient: None,
        deadline: None,
    };
    let pool_address = l.addr(pool);
    let send = json!({ "send": {
        "contract": pool_address,
        "amount": amount.to_string(),
        "msg": to_json_binary(&hook)?,
    }});
    l.try_execute(who, lp, &send, &[]).await
}

fn swap_msg(min_out: Option<u128>) -> Result<Value> {
    Ok(to_value(PoolMsg::SwapExactIn {
        min_out: min_out.map(Uint128::new),
        recipient: None,
        deadline: None,
    })?)
}

fn simulate(denom: &str, amount: u128) -> Result<Value> {
    Ok(to_value(PoolQuery::SimulateSwapExactIn {
        offer: Asset {
            info: native(denom),
            amount: amount.into(),
        },
    })?)
}

fn twap_query(base: &str, window_secs: u64) -> Result<Value> {
    Ok(to_value(PoolQuery::Twap {
        base: native(base),
        window_secs,
        ago_secs: 0,
    })?)
}

/// The oracle samples the documented rule writes for balance changes at `times` (block
/// seconds), where `logs[k]` is the log price after change `k`: the first change opens
/// `(t0, 0)`; a later change in a later second carries the cumulative forward with the price
/// before it, `c + log * (t - newest)`, and (the sample spacing being 1 s) opens a sample;
/// a change in the same second as the newest sample writes nothing.
fn expected_samples(times: &[u64], logs: &[i128]) -> Vec<(u64, i128)> {
    let mut samples = vec![(times[0], 0i128)];
    for (k, &t) in times.iter().enumerate().skip(1) {
        let (newest, c) = *samples.last().expect("one");
        if t > newest {
            samples.push((t, c + logs[k - 1] * i128::from(t - newest)));
        }
    }
    samples
}

/// The integral of the log price over `[from, to]` for the same changes (the last price
/// holds on). With a 1 s spacing the price is constant between two samples, so the oracle's
/// interpolation between them is exact and `c(to) - c(from)` is this integral.
fn log_area(times: &[u64], logs: &[i128], from: u64, to: u64) -> i128 {
    (0..times.len())
        .map(|k| {
            let start = times[k].max(from);
            let end = times.get(k + 1).copied().unwrap_or(u64::MAX).min(to);
            logs[k] * i128::from(end.saturating_sub(start))
        })
        .sum()
}

/// A TWAP over a window with several prices: the mean log is `floor(area * 1e6 / window)` at
/// 1e18 (exact from the integral); the price is `exp` of it, checked against f64 within a
/// relative 1e-14 (f64's own error is near 1e-16 here).
fn check_twap(answer: &Value, times: &[u64], logs: &[i128], label: &str) -> Result<()> {
    let (start, end) = (
        answer["start"].as_u64().context("start")?,
        answer["end"].as_u64().context("end")?,
    );
    let window = i128::from(end - start);
    let mean = (log_area(times, logs, start, end) * 1_000_000).div_euclid(window);
    let expected = (mean as f64 / 1e18).exp() * 1e18;
    let got = decimal(&answer["price"])? as f64;
    assert!(
        ((got - expected) / expected).abs() < 1e-14,
        "{label}: TWAP {got} over [{start}, {end}], expected exp({mean}e-18) = {expected}"
    );
    Ok(())
}

fn pow4(x: Uint512) -> Uint512 {
    let sq = x * x;
    sq * sq
}

/// Swap 2 sells uusdc (weight 0.2) for ulit (0.8) in pool A: the exponent 0.25 goes through
/// `ln`/`exp`, so its output is bounded with exact integers rather than derived. Raised to the
/// 5th power the invariant `b_usdc^0.2 * b_lit^0.8` is `b_usdc * b_lit^4`:
/// * the pool never loses: `(bI + swapped) (bO - out)^4 >= bI bO^4` (the out amount rounds
///   down and `pow_up` is above the true power);
/// * it keeps at most the documented margin: `pow_up` is within a relative 1e-14 (plus 1 wei)
///   of the true power and the base is rounded up by at most 1e-18, so `out` is at most
///   `bO * (1e-14 + 3e-18) + 1` below the exact output, less than `bO / 5e13 + 2`; paying
///   `out + that + 1` would break the invariant.
fn check_swap2(out: u128) {
    let (b_in, b_out) = (A_AFTER_ROUTE[1], A_AFTER_ROUTE[0]);
    let swapped = SWAP2_IN - SWAP2_FEE;
    let invariant = |paid: u128| Uint512::from(b_in + swapped) * pow4(Uint512::from(b_out - paid));
    let before = Uint512::from(b_in) * pow4(Uint512::from(b_out));
    assert!(
        invariant(out) >= before,
        "swap 2 paid {out}: the invariant shrank"
    );
    let margin = b_out / 50_000_000_000_000 + 2;
    assert!(
        invariant(out + margin + 1) < before,
        "swap 2 paid {out}, more than {margin} below the exact output"
    );
    // And the plain float formula agrees: 42.76..e18 (1 - (951.46 / 1051.16)^0.25).
    let approx = b_out as f64 * (1.0 - (b_in as f64 / (b_in + swapped) as f64).powf(0.25));
    assert!(
        (out as f64 - approx).abs() / approx < 1e-12,
        "{out} vs {approx}"
    );
}

impl Scenario for PoolScenario {
    const DENOMS: &'static [&'static str] = &["ulit", "uusdc", "uweth", "ufoo"];

    async fn run<L: Ledger>(&self, l: &mut L) -> Result<Observations> {
        let mut obs = Observations::default();
        // What each account is given; everything is accounted for at the end.
        let funded: [(&str, [u128; 3]); 4] = [
            ("owner", [1, 0, 0]),
            ("alice", [100 * E18, 2_000 * E18, 10 * E18]),
            ("bob", [10 * E18, 500 * E18, 0]),
            ("carol", [0, 0, E18]),
        ];
        let denoms = ["ulit", "uusdc", "uweth"];
        for (who, amounts) in funded {
            let funds: Vec<(&str, u128)> = denoms
                .iter()
                .zip(amounts)
                .filter(|(_, a)| *a > 0)
                .map(|(d, a)| (*d, a))
                .collect();
            l.fund(who, &funds).await?;
        }
        // A coin no pool trades, for a refused swap.
        l.fund("bob", &[("ufoo", E18)]).await?;
        let owner = l.addr("owner");
        let collector = l.addr("collector");

        // ---- The factory, the router and the two pools -----------------------------------
        let factory = FactoryInit {
            owner: owner.clone(),
            pool_code_id: l.code_id(ContractKind::WeightedPool),
            lp_token_code_id: l.code_id(ContractKind::Cw20Base),
            protocol_token: native("ulit"),
            fee_collector: Some(collector.clone()),
            protocol_fee_share_bps: SHARE_BPS as u16,
            // One sample per second of balance changes: every price segment has its own.
            default_oracle: OracleConfig {
                capacity: 64,
                min_sample_spacing: 1,
            },
            permissionless_creation: false,
            cl_pool_code_id: None,
        };
        let factory_address = l
            .instantiate(
                "owner",
                ContractKind::PoolFactory,
                "factory",
                &to_value(factory)?,
                &[],
            )
            .await?;
        let router = RouterInit {
            factory: factory_address,
        };
        l.instantiate(
            "owner",
            ContractKind::Router,
            "router",
            &to_value(router)?,
            &[],
        )
        .await?;
        let weighted = |a: &str, wa: u64, b: &str, wb: u64| {
            [
                WeightedAssetInfo {
                    info: native(a),
                    weight: Decimal::percent(wa),
                    // Amounts below are sized as 18-decimal tokens: factor 1, so the
                    // derivations are in the assets' own units.
                    decimals: 18,
                },
                WeightedAssetInfo {
                    info: native(b),
                    weight: Decimal::percent(wb),
                    // Amounts below are sized as 18-decimal tokens: factor 1, so the
                    // derivations are in the assets' own units.
                    decimals: 18,
                },
            ]
        };
        let create = |assets, swap_fee_bps| {
            to_value(FactoryMsg::CreatePool {
                assets,
                swap_fee_bps,
                oracle: None,
            })
        };
        for (pool, lp, assets, fee) in [
            (
                "pool_a",
                "lp_a",
                weighted("ulit", 80, "uusdc", 20),
                FEE_A_BPS,
            ),
            (
                "pool_b",
                "lp_b",
                weighted("uweth", 50, "ulit", 50),
                FEE_B_BPS,
            ),
        ] {
            let created = l
                .execute("owner", "factory", &create(assets, fee)?, &[])
                .await?;
            let pool_address = created.attr("pool_address").context("pool_address")?;
            let lp_address = created.attr("lp_token").context("lp_token")?;
            let names = [(pool_address, pool), (lp_address, lp)];
            obs.push(format!("{pool} created"), named(events(&created), &names));
            let (pool_address, lp_address) = (pool_address.to_string(), lp_address.to_string());
            l.name_contract(pool, &pool_address);
            l.name_contract(lp, &lp_address);
        }
        let names: Vec<(String, String)> = [
            "factory",
            "router",
            "pool_a",
            "lp_a",
            "pool_b",
            "lp_b",
            "owner",
            "alice",
            "bob",
            "carol",
            "collector",
        ]
        .into_iter()
        .map(|name| (l.addr(name), name.to_string()))
        .collect();
        // Refused, on both chains: the same assets and weights again.
        let again = create(weighted("uusdc", 20, "ulit", 80), 100)?;
        let refused = l.try_execute("owner", "factory", &again, &[]).await?;
        obs.push("duplicate pool", failed(refused, &names));
        let pools = l
            .query(
                "factory",
                &to_value(FactoryQuery::Pools {
                    start_after: None,
                    limit: None,
                })?,
            )
            .await?;
        // The factory's records name the pools and LP tokens the pools themselves report.
        let records = pools["pools"].as_array().context("pools")?;
        let listed: Vec<(&Value, &Value)> = records
            .iter()
            .map(|r| (&r["address"], &r["params"]["weighted"]["lp_token"]))
            .collect();
        assert_eq!(
            listed,
            vec![
                (&json!("<pool_a>"), &json!("<lp_a>")),
                (&json!("<pool_b>"), &json!("<lp_b>"))
            ]
        );
        obs.push("factory pools", pools);
        let config = l
            .query("router", &to_value(RouterQuery::Config {})?)
            .await?;
        obs.push("router config", config);

        // ---- First joins ----------------------------------------------------------------
        let join = |max: [u128; 2], min_lp_out: Option<u128>| {
            to_value(PoolMsg::Join {
                max_amounts: max.map(Uint128::new),
                min_lp_out: min_lp_out.map(Uint128::new),
                recipient: None,
                deadline: None,
            })
        };
        let join_a = l
            .execute(
                "alice",
                "pool_a",
                &join(A_JOIN, None)?,
                &[("ulit", A_JOIN[0]), ("uusdc", A_JOIN[1])],
            )
            .await?;
        obs.push("alice's first join of pool A", events(&join_a));
        assert_eq!(attr(&join_a, "lp_supply")?, A_SUPPLY_0);
        assert_eq!(attr(&join_a, "lp_locked")?, MINIMUM_LIQUIDITY);
        let join_b = l
            .execute(
                "alice",
                "pool_b",
                &join(B_JOIN, None)?,
                &[("uweth", B_JOIN[0]), ("ulit", B_JOIN[1])],
            )
            .await?;
        obs.push("alice's first join of pool B", events(&join_b));
        assert_eq!(attr(&join_b, "lp_supply")?, B_SUPPLY_0);
        for (lp, who, expected) in [
            ("lp_a", "alice", A_ALICE_LP_0),
            ("lp_a", "pool_a", MINIMUM_LIQUIDITY),
            ("lp_b", "alice", B_ALICE_LP),
            ("lp_b", "pool_b", MINIMUM_LIQUIDITY),
        ] {
            let got = lp_balance(l, lp, who).await?;
            assert_eq!(got, expected, "{who}'s {lp}");
            obs.push(
                format!("{who}'s {lp} after the first joins"),
                got.to_string(),
            );
        }
        let info = pool_info(l, &mut obs, "after the first joins", "pool_a").await?;
        assert_eq!(balances(&info)?, A_JOIN);
        assert_eq!(int(&info["lp_supply"])?, A_SUPPLY_0);
        let spot = l
            .query(
                "pool_a",
                &to_value(PoolQuery::SpotPrice {
                    base: native("ulit"),
                })?,
            )
            .await?;
        // (1024e18 * 0.8 * 1e18) / (32e18 * 0.2): exactly 128.
        assert_eq!(decimal(&spot["price"])?, 128 * E18);
        obs.push("spot price of ulit", spot);

        // ---- The oracle while the first prices hold ------------------------------------
        l.pause(3).await?;
        for (pool, base, expected) in [
            ("pool_a", "ulit", TWAP_A0),
            ("pool_a", "uusdc", TWAP_A0_INV),
            ("pool_b", "uweth", TWAP_B0),
        ] {
            // At least 3 s after the joins: a 2 s window ending now holds one price, so
            // c(end) - c(start) = log * 2 and the mean is the log itself.
            let twap = l.query(pool, &twap_query(base, 2)?).await?;
            assert!(twap["start"].as_u64().context("start")? > join_b.at.secs());
            assert_eq!(decimal(&twap["price"])?, expected, "{pool} TWAP of {base}");
            obs.push(format!("{pool} TWAP of {base} after the joins"), twap);
        }

        // ---- Swap 1: ulit for uusdc in pool A -------------------------------------------
        // Refused, on both chains: a coin the pool does not trade.
        let refused = l
            .try_execute("bob", "pool_a", &swap_msg(None)?, &[("ufoo", E18)])
            .await?;
        obs.push("swap of ufoo in pool A", failed(refused, &names));
        let sim = l.query("pool_a", &simulate("ulit", SWAP1_IN)?).await?;
        assert_eq!(int(&sim["amount_out"])?, SWAP1_OUT);
        assert_eq!(int(&sim["fee"])?, SWAP1_FEE);
        assert_eq!(int(&sim["protocol_fee"])?, SWAP1_PROTOCOL);
        obs.push("simulated swap 1", sim);
        // Refused, on both chains: one wei more than the swap pays.
        let greedy = swap_msg(Some(SWAP1_OUT + 1))?;
        let refused = l
            .try_execute("bob", "pool_a", &greedy, &[("ulit", SWAP1_IN)])
            .await?;
        obs.push("swap 1 with min_out one above", failed(refused, &names));
        let swap1 = l
            .execute(
                "bob",
                "pool_a",
                &swap_msg(Some(SWAP1_OUT))?,
                &[("ulit", SWAP1_IN)],
            )
            .await?;
        obs.push("swap 1", events(&swap1));
        assert_eq!(attr(&swap1, "amount_out")?, SWAP1_OUT);
        let info = pool_info(l, &mut obs, "after swap 1", "pool_a").await?;
        assert_eq!(balances(&info)?, A_AFTER_SWAP1);
        assert_eq!(fees_owed(&info)?, [SWAP1_PROTOCOL, 0]);
        l.pause(3).await?;
        let twap = l.query("pool_a", &twap_query("ulit", 2)?).await?;
        assert!(twap["start"].as_u64().context("start")? > swap1.at.secs());
        assert_eq!(decimal(&twap["price"])?, TWAP_A1);
        obs.push("pool A TWAP after swap 1", twap);

        // ---- Join 2: proportional, limited by ulit, the unused uusdc refunded ----------
        let sim = l
            .query(
                "pool_a",
                &to_value(PoolQuery::SimulateJoin {
                    max_amounts: JOIN2_MAX.map(Uint128::new),
                })?,
            )
            .await?;
        assert_eq!(int(&sim["lp_out"])?, JOIN2_LP);
        obs.push("simulated join 2", sim);
        let usdc_before = l.balance("alice", "uusdc").await?;
        let join2 = l
            .execute(
                "alice",
                "pool_a",
                &join(JOIN2_MAX, Some(JOIN2_LP))?,
                &[("ulit", JOIN2_MAX[0]), ("uusdc", JOIN2_MAX[1])],
            )
            .await?;
        obs.push("join 2", events(&join2));
        assert_eq!(
            l.balance("alice", "uusdc").await?,
            usdc_before - JOIN2_IN[1],
            "alice paid exactly what join 2 used: {} refunded",
            JOIN2_REFUND
        );
        assert_eq!(JOIN2_MAX[1] - JOIN2_IN[1], JOIN2_REFUND);
        let alice_lp_a = lp_balance(l, "lp_a", "alice").await?;
        assert_eq!(alice_lp_a, A_ALICE_LP_0 + JOIN2_LP);
        obs.push("alice's lp_a after join 2", alice_lp_a.to_string());
        let info = pool_info(l, &mut obs, "after join 2", "pool_a").await?;
        assert_eq!(balances(&info)?, A_AFTER_JOIN2);
        assert_eq!(int(&info["lp_supply"])?, A_SUPPLY_2);

        // ---- The route: uweth -> ulit (pool B) -> uusdc (pool A) ------------------------
        let (pool_a, pool_b) = (l.addr("pool_a"), l.addr("pool_b"));
        let route = vec![
            Hop {
                pool: pool_b,
                ask: native("ulit"),
            },
            Hop {
                pool: pool_a,
                ask: native("uusdc"),
            },
        ];
        let offer = Asset {
            info: native("uweth"),
            amount: ROUTE_IN.into(),
        };
        let simulated = l
            .query(
                "router",
                &to_value(RouterQuery::SimulateRoute {
                    offer: offer.clone(),
                    route: route.clone(),
                })?,
            )
            .await?;
        assert_eq!(int(&simulated["amounts_out"][0])?, HOP1_OUT);
        assert_eq!(int(&simulated["amount_out"])?, ROUTE_OUT);
        obs.push("simulated route", simulated);
        // No uweth/uusdc pool: the best route is the two hops through the protocol token.
        let best = l
            .query(
                "router",
                &to_value(RouterQuery::BestRoute {
                    offer,
                    ask: native("uusdc"),
                })?,
            )
            .await?;
        let route_named = named(
            to_value(&route)?,
            &[(&route[0].pool, "pool_b"), (&route[1].pool, "pool_a")],
        );
        assert_eq!(best["route"], route_named);
        assert_eq!(int(&best["amount_out"])?, ROUTE_OUT);
        obs.push("best route", best);
        let execute_route = |min_out: u128| {
            to_value(RouterMsg::ExecuteRoute {
                route: route.clone(),
                min_out: min_out.into(),
                recipient: None,
                deadline: None,
            })
        };
        // Refused, on both chains: the whole route reverts when the last hop pays one wei
        // less than the minimum.
        let refused = l
            .try_execute(
                "carol",
                "router",
                &execute_route(ROUTE_OUT + 1)?,
                &[("uweth", ROUTE_IN)],
            )
            .await?;
        obs.push("route with min_out one above", failed(refused, &names));
        assert_eq!(l.balance("carol", "uweth").await?, E18, "nothing moved");
        let routed = l
            .execute(
                "carol",
                "router",
                &execute_route(ROUTE_OUT)?,
                &[("uweth", ROUTE_IN)],
            )
            .await?;
        obs.push("the route", events(&routed));
        assert_eq!(attr(&routed, "route_amount_out")?, ROUTE_OUT);
        // Each hop's pool charged its own fee, and the second hop swapped what the first paid.
        let fees = [HOP1_FEE, HOP2_FEE].map(|f| f.to_string());
        assert_eq!(attrs(&routed, "fee"), fees.each_ref().map(String::as_str));
        let hop_in = [ROUTE_IN, HOP1_OUT].map(|f| f.to_string());
        let hop_out = [HOP1_OUT, ROUTE_OUT].map(|f| f.to_string());
        let hops: Vec<(&str, &str)> = routed
            .events
            .iter()
            .filter(|(_, a)| a.iter().any(|(k, v)| k == "action" && v == "route_hop"))
            .map(|(_, a)| {
                let get = |key: &str| {
                    a.iter()
                        .find(|(k, _)| k == key)
                        .map(|(_, v)| v.as_str())
                        .unwrap_or_default()
                };
                (get("amount_in"), get("amount_out"))
            })
            .collect();
        assert_eq!(
            hops,
            vec![
                (hop_in[0].as_str(), hop_out[0].as_str()),
                (hop_in[1].as_str(), hop_out[1].as_str())
            ]
        );
        assert_eq!(l.balance("carol", "uusdc").await?, ROUTE_OUT);
        assert_eq!(l.balance("carol", "uweth").await?, E18 - ROUTE_IN);
        for denom in denoms {
            assert_eq!(l.balance("router", denom).await?, 0, "router holds {denom}");
        }
        let info = pool_info(l, &mut obs, "after the route", "pool_a").await?;
        assert_eq!(balances(&info)?, A_AFTER_ROUTE);
        assert_eq!(fees_owed(&info)?, [SWAP1_PROTOCOL + HOP2_PROTOCOL, 0]);
        let info = pool_info(l, &mut obs, "after the route", "pool_b").await?;
        assert_eq!(balances(&info)?, B_AFTER_HOP1);
        assert_eq!(fees_owed(&info)?, [HOP1_PROTOCOL, 0]);
        let spot = l
            .query(
                "pool_a",
                &to_value(PoolQuery::SpotPrice {
                    base: native("ulit"),
                })?,
            )
            .await?;
        assert_eq!(decimal(&spot["price"])?, SPOT_A_AFTER_ROUTE);
        obs.push("spot price of ulit after the route", spot);

        // ---- The oracle over several prices ----------------------------------------------
        l.pause(2).await?;
        let a_times = [
            join_a.at.secs(),
            swap1.at.secs(),
            join2.at.secs(),
            routed.at.secs(),
        ];
        let a_logs = [LOG_A0, LOG_A1, LOG_A2, LOG_A3];
        let b_times = [join_b.at.secs(), routed.at.secs()];
        let b_logs = [LOG_B0, LOG_B1];
        // Since the first join, at least: a window from 2 s or more after it until now.
        let twap = l
            .query("pool_a", &twap_query("ulit", a_times[3] - a_times[0])?)
            .await?;
        check_twap(&twap, &a_times, &a_logs, "pool A")?;
        obs.push("pool A TWAP since the first join", twap);
        let twap = l
            .query("pool_b", &twap_query("uweth", b_times[1] - b_times[0])?)
            .await?;
        check_twap(&twap, &b_times, &b_logs, "pool B")?;
        obs.push("pool B TWAP since the first join", twap);

        // ---- Swap 2: uusdc for ulit in pool A (bounded) ---------------------------------
        let swap2 = l
            .execute("bob", "pool_a", &swap_msg(None)?, &[("uusdc", SWAP2_IN)])
            .await?;
        obs.push("swap 2", events(&swap2));
        let swap2_out = attr(&swap2, "amount_out")?;
        assert_eq!(attr(&swap2, "fee")?, SWAP2_FEE);
        assert_eq!(attr(&swap2, "protocol_fee")?, SWAP2_PROTOCOL);
        check_swap2(swap2_out);
        let info = pool_info(l, &mut obs, "after swap 2", "pool_a").await?;
        let a_final = [
            A_AFTER_ROUTE[0] - swap2_out,
            A_AFTER_ROUTE[1] + SWAP2_IN - SWAP2_PROTOCOL,
        ];
        let a_fees = [SWAP1_PROTOCOL + HOP2_PROTOCOL, SWAP2_PROTOCOL];
        assert_eq!(balances(&info)?, a_final);
        assert_eq!(fees_owed(&info)?, a_fees);
        // The bank holds the LPs' balances and the fees owed, nothing else.
        for (i, denom) in ["ulit", "uusdc"].into_iter().enumerate() {
            assert_eq!(l.balance("pool_a", denom).await?, a_final[i] + a_fees[i]);
        }

        // Every sample so far, exactly: one per second with a balance change.
        let a_samples = l
            .query(
                "pool_a",
                &to_value(PoolQuery::OracleSamples {
                    start_after: None,
                    limit: Some(100),
                })?,
            )
            .await?;
        let mut times = a_times.to_vec();
        times.push(swap2.at.secs());
        let want: Vec<Value> = expected_samples(&times, &a_logs)
            .into_iter()
            .map(|(t, c)| json!({ "timestamp": t, "log_price_cumulative": c.to_string() }))
            .collect();
        assert_eq!(a_samples["samples"], json!(want), "pool A's samples");
        obs.push("pool A's oracle samples", a_samples);

        // ---- Swap 3: ulit for uweth in pool B ------------------------------------------
        let swap3 = l
            .execute("bob", "pool_b", &swap_msg(None)?, &[("ulit", SWAP3_IN)])
            .await?;
        obs.push("swap 3", events(&swap3));
        assert_eq!(attr(&swap3, "amount_out")?, SWAP3_OUT);
        assert_eq!(attr(&swap3, "fee")?, SWAP3_FEE);
        let info = pool_info(l, &mut obs, "after swap 3", "pool_b").await?;
        assert_eq!(balances(&info)?, B_AFTER_SWAP3);
        assert_eq!(fees_owed(&info)?, [HOP1_PROTOCOL, SWAP3_PROTOCOL]);
        let b_samples = l
            .query(
                "pool_b",
                &to_value(PoolQuery::OracleSamples {
                    start_after: None,
                    limit: Some(100),
                })?,
            )
            .await?;
        let times = [b_times[0], b_times[1], swap3.at.secs()];
        let want: Vec<Value> = expected_samples(&times, &b_logs)
            .into_iter()
            .map(|(t, c)| json!({ "timestamp": t, "log_price_cumulative": c.to_string() }))
            .collect();
        assert_eq!(b_samples["samples"], json!(want), "pool B's samples");
        obs.push("pool B's oracle samples", b_samples);

        // ---- Full exits ------------------------------------------------------------------
        // Pool A: alice burns all her LP; floor(b * lp / supply) of each asset.
        // (multiply_ratio floors, with the product in 256 bits.)
        let a_exit = a_final.map(|b| {
            Uint128::new(b)
                .multiply_ratio(alice_lp_a, A_SUPPLY_2)
                .u128()
        });
        let sim = l
            .query(
                "pool_a",
                &to_value(PoolQuery::SimulateExit {
                    lp_amount: alice_lp_a.into(),
                })?,
            )
            .await?;
        assert_eq!(sim["amounts_out"], json!(a_exit.map(|a| a.to_string())));
        obs.push("simulated exit of pool A", sim);
        // Refused, on both chains (through the LP token's Send): one wei more ulit than the
        // exit pays.
        let refused = exit(
            l,
            "alice",
            "lp_a",
            "pool_a",
            alice_lp_a,
            Some([a_exit[0] + 1, a_exit[1]]),
        )
        .await?;
        obs.push(
            "exit with min_amounts_out one above",
            failed(refused, &names),
        );
        let exit_a = exit(l, "alice", "lp_a", "pool_a", alice_lp_a, Some(a_exit))
            .await?
            .map_err(anyhow::Error::msg)?;
        obs.push("alice exits pool A", events(&exit_a));
        let exit_b = exit(l, "alice", "lp_b", "pool_b", B_ALICE_LP, None)
            .await?
            .map_err(anyhow::Error::msg)?;
        obs.push("alice exits pool B", events(&exit_b));
        assert_eq!(attr(&exit_b, "amount_out_0")?, B_EXIT[0]);
        assert_eq!(attr(&exit_b, "amount_out_1")?, B_EXIT[1]);
        let collect = to_value(PoolMsg::CollectProtocolFees {})?;
        let collect_a = l.execute("bob", "pool_a", &collect, &[]).await?;
        obs.push("protocol fees of pool A", events(&collect_a));
        let collect_b = l.execute("bob", "pool_b", &collect, &[]).await?;
        obs.push("protocol fees of pool B", events(&collect_b));

        // ---- What stays, and where everything went ---------------------------------------
        let a_stays = [a_final[0] - a_exit[0], a_final[1] - a_exit[1]];
        let info_a = pool_info(l, &mut obs, "at the end", "pool_a").await?;
        let info_b = pool_info(l, &mut obs, "at the end", "pool_b").await?;
        assert_eq!(balances(&info_a)?, a_stays);
        assert_eq!(balances(&info_b)?, B_STAYS);
        assert_eq!(fees_owed(&info_a)?, [0, 0]);
        assert_eq!(fees_owed(&info_b)?, [0, 0]);
        for (pool, lp) in [("pool_a", "lp_a"), ("pool_b", "lp_b")] {
            // Only the locked minimum is left, held by the pool itself.
            assert_eq!(lp_supply(l, lp).await?, MINIMUM_LIQUIDITY, "{lp} supply");
            assert_eq!(lp_balance(l, lp, pool).await?, MINIMUM_LIQUIDITY);
            assert_eq!(lp_balance(l, lp, "alice").await?, 0);
        }
        // Pool A: in = out + what stays, per asset, from the amounts of each step.
        let a_in = [
            A_JOIN[0] + SWAP1_IN + JOIN2_IN[0] + HOP1_OUT,
            A_JOIN[1] + JOIN2_IN[1] + SWAP2_IN,
        ];
        let a_out = [
            swap2_out + a_exit[0] + a_fees[0],
            SWAP1_OUT + ROUTE_OUT + a_exit[1] + a_fees[1],
        ];
        // Pool B (asset 0 uweth, asset 1 ulit).
        let b_in = [B_JOIN[0] + ROUTE_IN, B_JOIN[1] + SWAP3_IN];
        let b_out = [
            SWAP3_OUT + B_EXIT[0] + HOP1_PROTOCOL,
            HOP1_OUT + B_EXIT[1] + SWAP3_PROTOCOL,
        ];
        let mut stays = Vec::new();
        for (pool, assets, ins, outs, left) in [
            ("pool_a", ["ulit", "uusdc"], a_in, a_out, a_stays),
            ("pool_b", ["uweth", "ulit"], b_in, b_out, B_STAYS),
        ] {
            for i in 0..2 {
                let bank = l.balance(pool, assets[i]).await?;
                assert_eq!(bank, left[i], "{pool}'s bank balance of {}", assets[i]);
                assert_eq!(ins[i], outs[i] + bank, "{pool}: in = out + stays");
                stays.push(json!([pool, assets[i], bank.to_string()]));
            }
        }
        obs.push("what stays in the pools", json!(stays));
        // The collector got exactly the protocol shares.
        let collected = [a_fees[0] + SWAP3_PROTOCOL, a_fees[1], HOP1_PROTOCOL];
        // Nothing was created or destroyed: every account's and contract's balance adds up
        // to what was funded, denom by denom.
        let holders = [
            "owner",
            "alice",
            "bob",
            "carol",
            "collector",
            "factory",
            "router",
            "pool_a",
            "pool_b",
        ];
        for (d, denom) in denoms.into_iter().enumerate() {
            let got = l.balance("collector", denom).await?;
            assert_eq!(got, collected[d], "collector's {denom}");
            let mut total = 0;
            let mut each = Vec::new();
            for who in holders {
                let b = l.balance(who, denom).await?;
                total += b;
                each.push(json!([who, b.to_string()]));
            }
            let given: u128 = funded.iter().map(|(_, a)| a[d]).sum();
            assert_eq!(total, given, "{denom}: created or destroyed");
            obs.push(format!("{denom} balances at the end"), json!(each));
        }
        // Alice's side of it: everything she put in, less what the pools keep for the
        // locked LP, plus her share of the trades (checked above through the pools).
        let alice_lit = l.balance("alice", "ulit").await?;
        assert_eq!(
            alice_lit,
            100 * E18 - A_JOIN[0] - JOIN2_IN[0] - B_JOIN[1] + a_exit[0] + B_EXIT[1]
        );
        assert!(
            a_times[0] + 3 <= a_times[1] && a_times[1] + 3 <= a_times[2],
            "a pause did not move the clock"
        );
        Ok(obs)
    }
}
