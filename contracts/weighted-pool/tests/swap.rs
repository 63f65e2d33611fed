//! Swaps through the contract: exact numbers, fees, the protocol share and its collection,
//! exact-out refunds, native and cw20 assets, and the response data a router reads.
mod common;
use common::*;
use cosmwasm_std::from_json;
use trellis_types::weighted_pool::{ExecuteMsg, QueryMsg, SwapResponse};
use trellis_types::{Asset, AssetInfo};

/// A pool seeded with `amounts` by "lp".
fn seeded(spec: PoolSpec, amounts: [u128; 2]) -> Suite {
    let mut s = Suite::new(spec);
    let lp = s.addr("lp");
    s.funded_join(&lp, amounts).unwrap();
    s
}

#[test]
fn fifty_fifty_without_fee_is_constant_product() {
    // 100/100 (6-decimal units), 10 in, fee 0. Constant product: out = 100 * 10 / 110 =
    // 9.090909...e6 units. The math: base = ceil(100 / 110 * 1e18) = 909_090_909_090_909_091,
    // exponent w_in / w_out = 1 exactly (no pow error), 1 - base = 90_909_090_909_090_909,
    // out = floor(100e6 * 90_909_090_909_090_909 / 1e18) = floor(9_090_909.0909...) =
    // 9_090_909. Rounding up the base only shrinks the output, so it is <= the exact
    // 9_090_909.09 and here equal to its floor.
    let mut s = seeded(PoolSpec::native(50, 50), [100 * E6, 100 * E6]);
    let trader = s.addr("trader");
    s.fund(&trader, 0, 10 * E6);
    let res = s.swap_in(&trader, 0, 10 * E6, None).unwrap();
    assert_eq!(s.balance(&trader, 1), 9_090_909);
    assert_eq!(s.balance(&trader, 0), 0);
    assert_eq!(s.reserves(), [110 * E6, 100 * E6 - 9_090_909]);
    // The books match what the pool holds.
    assert_eq!([s.held(0), s.held(1)], s.reserves());
    // Response data for routers.
    let data: SwapResponse = from_json(res.data.clone().unwrap()).unwrap();
    assert_eq!(
        data,
        SwapResponse {
            offer: AssetInfo::native("uaaa"),
            ask: AssetInfo::native("ubbb"),
            amount_in: u(10 * E6),
            amount_out: u(9_090_909),
            fee: u(0),
            protocol_fee: u(0),
        }
    );
    assert_eq!(s.attr(&res, "action"), "swap_exact_in");
    assert_eq!(s.attr(&res, "amount_out"), "9090909");
    assert_eq!(s.attr(&res, "reserve_0"), "110000000");
    assert_eq!(s.attr(&res, "reserve_1"), "90909091");
}

#[test]
fn swap_fee_with_protocol_share_and_collection() {
    // 1000/1000, fee 30 bps, protocol share 20%.
    // fee = ceil(100e6 * 30 / 1e4) = 300_000 exactly; 99_700_000 is swapped.
    // base = ceil(1000 / 1099.7 * 1e18) = ceil(909_338_910_611_985_086.8...) =
    // 909_338_910_611_985_087; exponent 1; 1 - base = 90_661_089_388_014_913;
    // out = floor(1000e6 * 0.090_661_089_388_014_913) = 90_661_089 (exact constant product
    // 1000 * 99.7 / 1099.7 = 90.661089388e6, floored).
    // protocol fee = floor(300_000 * 2000 / 1e4) = 60_000, owed and not in the balance:
    // reserve 0 = 1000e6 + 100e6 - 60_000 = 1_099_940_000.
    let mut s = seeded(
        PoolSpec::native(50, 50).fee(30, 2_000),
        [1000 * E6, 1000 * E6],
    );
    let trader = s.addr("trader");
    s.fund(&trader, 0, 100 * E6);
    let sim: SwapResponse = s.q(&QueryMsg::SimulateSwapExactIn {
        offer: Asset {
            info: s.assets[0].clone(),
            amount: u(100 * E6),
        },
    });
    let res = s.swap_in(&trader, 0, 100 * E6, Some(90_661_089)).unwrap();
    let data: SwapResponse = from_json(res.data.clone().unwrap()).unwrap();
    assert_eq!(data, sim, "the simulation is what the swap did");
    assert_eq!(data.amount_out, u(90_661_089));
    assert_eq!(data.fee, u(300_000));
    assert_eq!(data.protocol_fee, u(60_000));
    assert_eq!(s.balance(&trader, 1), 90_661_089);
    assert_eq!(s.reserves(), [1_099_940_000, 1000 * E6 - 90_661_089]);
    assert_eq!(s.fees_owed(), [60_000, 0]);
    // The pool holds balance + owed fees.
    assert_eq!(s.held(0), 1_100_000_000);
    assert_eq!(s.attr(&res, "protocol_fee"), "60000");

    // Anyone collects; the collector gets exactly the owed 60_000 and nothing is owed after.
    let collector = s.collector.clone();
    s.collect().unwrap();
    assert_eq!(s.balance(&collector, 0), 60_000);
    assert_eq!(s.balance(&collector, 1), 0);
    assert_eq!(s.fees_owed(), [0, 0]);
    assert_eq!(s.held(0), 1_099_940_000);
    assert_eq!(s.reserves(), [1_099_940_000, 909_338_911]);
}

#[test]
fn without_collector_the_protocol_share_stays_with_lps() {
    // Same swap as above, share 20% configured but no collector: nothing is owed and the
    // whole 100e6 enters the balance.
    let mut s = seeded(
        PoolSpec::native(50, 50).fee(30, 2_000).no_collector(),
        [1000 * E6, 1000 * E6],
    );
    let trader = s.addr("trader");
    s.fund(&trader, 0, 100 * E6);
    let res = s.swap_in(&trader, 0, 100 * E6, None).unwrap();
    let data: SwapResponse = from_json(res.data.clone().unwrap()).unwrap();
    assert_eq!((data.fee, data.protocol_fee), (u(300_000), u(0)));
    assert_eq!(s.reserves(), [1_100_000_000, 909_338_911]);
    assert_eq!(s.fees_owed(), [0, 0]);
}

#[test]
fn exact_out_refunds_the_excess_native() {
    // 1000/1000, fee 30 bps, share 20%; buy 100e6 of asset 1 paying at most 120e6 of asset 0.
    // before fee: base = ceil(1000 / 900 * 1e18) = 1_111_111_111_111_111_112, exponent 1,
    // in = ceil(1000e6 * 0.111_111_111_111_111_112) = ceil(111_111_111.11) = 111_111_112.
    // with fee: ceil(111_111_112 * 1e4 / 9_970) = ceil(111_445_448.35) = 111_445_449;
    // fee = 111_445_449 - 111_111_112 = 334_337; protocol = floor(334_337 * 0.2) = 66_867.
    // refund = 120e6 - 111_445_449 = 8_554_551.
    let mut s = seeded(
        PoolSpec::native(50, 50).fee(30, 2_000),
        [1000 * E6, 1000 * E6],
    );
    let trader = s.addr("trader");
    s.fund(&trader, 0, 120 * E6);
    let res = s.swap_out(&trader, 0, 120 * E6, 100 * E6).unwrap();
    let data: SwapResponse = from_json(res.data.clone().unwrap()).unwrap();
    assert_eq!(
        (data.amount_in, data.amount_out, data.fee, data.protocol_fee),
        (u(111_445_449), u(100 * E6), u(334_337), u(66_867))
    );
    assert_eq!(s.balance(&trader, 0), 8_554_551);
    assert_eq!(s.balance(&trader, 1), 100 * E6);
    assert_eq!(s.reserves(), [1000 * E6 + 111_445_449 - 66_867, 900 * E6]);
    assert_eq!(s.fees_owed(), [66_867, 0]);
    assert_eq!(s.attr(&res, "refund"), "8554551");
}

#[test]
fn cw20_swaps_both_ways_and_exact_out_refund() {
    // Asset 0 is a cw20, asset 1 native; 100/100 without fee.
    let spec = PoolSpec::native(50, 50).assets(Side::Cw20("TKA"), Side::Native("ubbb"));
    let mut s = seeded(spec, [100 * E6, 100 * E6]);
    let trader = s.addr("trader");
    // cw20 in through the hook: 10 in gives 9_090_909 as in the native case above.
    s.fund(&trader, 0, 10 * E6);
    // (A hook runs inside the token's Send, whose response carries no data: the event does.)
    let res = s.swap_in(&trader, 0, 10 * E6, None).unwrap();
    assert_eq!(s.balance(&trader, 1), 9_090_909);
    assert_eq!(s.attr(&res, "offer_asset"), s.assets[0].to_string());
    assert_eq!(s.attr(&res, "amount_out"), "9090909");

    // Now 110e6 / 90_909_091. Buy back exactly 10e6 of the cw20 with at most 9_090_909
    // native: in = ceil(90_909_091 * (ceil(110 / 100 * 1e18) - 1e18) / 1e18) =
    // ceil(90_909_091 * 0.1) = ceil(9_090_909.1) = 9_090_910 > 9_090_909: refused.
    s.refuse(
        &[&trader],
        trellis_weighted_pool::ContractError::MaxInExceeded {
            maximum: u(9_090_909),
            actual: u(9_090_910),
        },
        |s| s.swap_out(&trader, 1, 9_090_909, 10 * E6),
    );
    // Buy 5e6 of the cw20 instead, sending all 9_090_909: base = ceil(110 / 105 * 1e18) =
    // 1_047_619_047_619_047_620, in = ceil(90_909_091 * 0.047_619_047_619_047_620) =
    // ceil(4_329_004.333...) = 4_329_005; refund 9_090_909 - 4_329_005 = 4_761_904.
    s.swap_out(&trader, 1, 9_090_909, 5 * E6).unwrap();
    assert_eq!(s.balance(&trader, 0), 5 * E6);
    assert_eq!(s.balance(&trader, 1), 4_761_904);
    assert_eq!(s.reserves(), [105 * E6, 90_909_091 + 4_329_005]);
    assert_eq!([s.held(0), s.held(1)], s.reserves());

    // cw20 exact-out refund: buy 1e6 native paying at most 2e6 of the cw20, from
    // 105e6 / 95_238_096. Exact cost 105e6 * 1e6 / 94_238_096 = 1_114_199.08; the math:
    // base = ceil(95_238_096 / 94_238_096 * 1e18) = 1_010_611_419_823_252_796,
    // in = ceil(105e6 * 0.010_611_419_823_252_796) = ceil(1_114_199.08) = 1_114_200.
    // Refund 2e6 - 1_114_200 = 885_800 of the cw20, to the sender.
    let sim: SwapResponse = s.q(&QueryMsg::SimulateSwapExactOut {
        ask: Asset {
            info: s.assets[1].clone(),
            amount: u(E6),
        },
    });
    assert_eq!(
        (sim.amount_in, sim.offer.clone()),
        (u(1_114_200), s.assets[0].clone())
    );
    s.fund(&trader, 0, 2 * E6);
    let res = s.swap_out(&trader, 0, 2 * E6, E6).unwrap();
    assert_eq!(s.attr(&res, "refund"), "885800");
    assert_eq!(s.balance(&trader, 0), 5 * E6 + 885_800);
    assert_eq!(s.balance(&trader, 1), 4_761_904 + E6);
    assert_eq!(s.reserves(), [105 * E6 + 1_114_200, 95_238_096 - E6]);
    assert_eq!([s.held(0), s.held(1)], s.reserves());
}

#[test]
fn swap_to_another_recipient() {
    let mut s = seeded(PoolSpec::native(50, 50), [100 * E6, 100 * E6]);
    let (trader, friend) = (s.addr("trader"), s.addr("friend"));
    s.fund(&trader, 0, 10 * E6);
    let res = s
        .exec(
            &trader,
            &[cosmwasm_std::coin(10 * E6, "uaaa")],
            &ExecuteMsg::SwapExactIn {
                min_out: None,
                recipient: Some(friend.to_string()),
                deadline: Some(T0),
            },
        )
        .unwrap();
    assert_eq!(s.balance(&friend, 1), 9_090_909);
    assert_eq!(s.balance(&trader, 1), 0);
    assert_eq!(s.attr(&res, "recipient"), friend.as_str());
    assert_eq!(s.attr(&res, "sender"), trader.as_str());
}
