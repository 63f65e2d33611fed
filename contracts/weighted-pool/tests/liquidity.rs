//! Joins and exits through the contract, with exact numbers: the first join and its locked
//! minimum, proportional joins (refunds, cw20 pulls) and exits, single-asset joins and exits
//! with their fees, for native and cw20 assets.
mod common;
use common::*;
use cosmwasm_std::from_json;
use trellis_types::weighted_pool::{ExitResponse, JoinResponse, QueryMsg};
use trellis_types::Asset;

/// Supply of a 50/50 first join of `x` and `x` with x = 1000e6: the invariant
/// sqrt(x * x) = 1e9 exactly, but each factor is `pow_down`(1e9 / 1e18, 0.5) * 1e18 =
/// 31_622_776_601_683.79 less pow's margin (relative 1e-14 plus one or two wei), i.e. a few
/// wei below the true 3.16e13; their product is 1e9 * (1 - ~2e-13), just below 1e9, and
/// floors to 999_999_999.
const SUPPLY_1000: u128 = 999_999_999;

#[test]
fn first_join_sets_the_supply_and_locks_the_minimum() {
    let mut s = Suite::new(PoolSpec::native(50, 50));
    let lp = s.addr("lp");
    s.fund(&lp, 0, 1000 * E6);
    s.fund(&lp, 1, 1000 * E6);
    let sim: JoinResponse = s.q(&QueryMsg::SimulateJoin {
        max_amounts: [u(1000 * E6), u(1000 * E6)],
    });
    let res = s.join(&lp, [1000 * E6, 1000 * E6]).unwrap();
    let data: JoinResponse = from_json(res.data.clone().unwrap()).unwrap();
    assert_eq!(data, sim);
    // The joiner gets the supply less the MINIMUM_LIQUIDITY of 1000 locked in the pool.
    assert_eq!(data.lp_out, u(SUPPLY_1000 - 1_000));
    assert_eq!(data.amounts_in, [u(1000 * E6), u(1000 * E6)]);
    assert_eq!(s.lp_balance(&lp), 999_998_999);
    let pool = s.pool.clone();
    assert_eq!(s.lp_balance(&pool), 1_000);
    assert_eq!(s.lp_supply(), SUPPLY_1000);
    assert_eq!(s.lp_total_supply(), SUPPLY_1000);
    assert_eq!(s.reserves(), [1000 * E6, 1000 * E6]);
    assert_eq!(s.attr(&res, "lp_locked"), "1000");
    assert_eq!(s.attr(&res, "lp_amount"), "999998999");
    assert_eq!(s.attr(&res, "lp_supply"), "999999999");
}

#[test]
fn proportional_join_takes_the_limiting_side_and_refunds_natives() {
    let mut s = Suite::new(PoolSpec::native(50, 50));
    s.funded_join(&s.addr("lp"), [1000 * E6, 1000 * E6])
        .unwrap();
    let user = s.addr("user");
    s.fund(&user, 0, 100 * E6);
    s.fund(&user, 1, 300 * E6);
    // lp_0 = floor(100e6 * 999_999_999 / 1000e6) = floor(99_999_999.9) = 99_999_999;
    // lp_1 = floor(300e6 * 999_999_999 / 1000e6) = 299_999_999; the smaller wins.
    // Paid: ceil(99_999_999 * 1000e6 / 999_999_999) = ceil(99_999_999.09) = 100_000_000 of
    // each (rounded up against the joiner); 200e6 of asset 1 comes back.
    let res = s.join(&user, [100 * E6, 300 * E6]).unwrap();
    let data: JoinResponse = from_json(res.data.clone().unwrap()).unwrap();
    assert_eq!(data.lp_out, u(99_999_999));
    assert_eq!(data.amounts_in, [u(100 * E6), u(100 * E6)]);
    assert_eq!(s.lp_balance(&user), 99_999_999);
    assert_eq!([s.balance(&user, 0), s.balance(&user, 1)], [0, 200 * E6]);
    assert_eq!(s.reserves(), [1100 * E6, 1100 * E6]);
    assert_eq!(s.lp_supply(), 1_099_999_998);
    assert_eq!([s.held(0), s.held(1)], s.reserves());

    // Exiting everything: floor(1100e6 * 99_999_999 / 1_099_999_998) = 99_999_999 of each,
    // one unit less than paid in: the round trip cannot make money.
    // (Exits run inside the LP token's Send, so their response data does not reach the
    // caller; the event carries the amounts.)
    let res = s
        .exit(&user, 99_999_999, Some([99_999_999, 99_999_999]))
        .unwrap();
    assert_eq!(s.attr(&res, "amount_out_0"), "99999999");
    assert_eq!(s.attr(&res, "amount_out_1"), "99999999");
    assert_eq!(
        [s.balance(&user, 0), s.balance(&user, 1)],
        [99_999_999, 200 * E6 + 99_999_999]
    );
    assert_eq!(s.lp_balance(&user), 0);
    assert_eq!(s.reserves(), [1000 * E6 + 1, 1000 * E6 + 1]);
    assert_eq!(s.lp_supply(), SUPPLY_1000);
    // The burned LP is gone from the token too.
    assert_eq!(s.lp_total_supply(), SUPPLY_1000);
    assert_eq!(s.attr(&res, "lp_amount"), "99999999");
}

#[test]
fn cw20_parts_are_pulled_exactly() {
    // Asset 0 is a cw20 (approved, pulled with TransferFrom), asset 1 native.
    let spec = PoolSpec::native(50, 50).assets(Side::Cw20("TKA"), Side::Native("ubbb"));
    let mut s = Suite::new(spec);
    let lp = s.addr("lp");
    s.funded_join(&lp, [1000 * E6, 1000 * E6]).unwrap();
    assert_eq!(s.lp_balance(&lp), SUPPLY_1000 - 1_000);
    assert_eq!([s.held(0), s.held(1)], [1000 * E6, 1000 * E6]);

    // Same numbers as the native case, with the cw20 as the limiting side this time:
    // max [300e6, 100e6] takes 100e6 of each, so only 100e6 of the 300e6 approved is pulled.
    let user = s.addr("user");
    s.fund(&user, 0, 300 * E6);
    s.fund(&user, 1, 100 * E6);
    s.join(&user, [300 * E6, 100 * E6]).unwrap();
    assert_eq!(s.lp_balance(&user), 99_999_999);
    assert_eq!([s.balance(&user, 0), s.balance(&user, 1)], [200 * E6, 0]);
    let cosmwasm_std::Addr { .. } = s.pool.clone();
    let allowance: cw20::AllowanceResponse = s
        .app
        .wrap()
        .query_wasm_smart(
            match &s.assets[0] {
                trellis_types::AssetInfo::Cw20 { contract_addr } => contract_addr.clone(),
                trellis_types::AssetInfo::Native { .. } => unreachable!(),
            },
            &cw20::Cw20QueryMsg::Allowance {
                owner: user.to_string(),
                spender: s.pool.to_string(),
            },
        )
        .unwrap();
    assert_eq!(allowance.allowance, u(200 * E6));
    assert_eq!([s.held(0), s.held(1)], [1100 * E6, 1100 * E6]);
    assert_eq!(s.reserves(), [1100 * E6, 1100 * E6]);
}

#[test]
fn single_asset_join_and_exit_with_fees() {
    // 50/50 seeded 100e6 / 100e6: supply 99_999_999 (as SUPPLY_1000: factors 1e13 less a
    // few wei, product 1e8 * (1 - ~4e-13), floored). Fee 30 bps, protocol share 20%.
    let mut s = Suite::new(PoolSpec::native(50, 50).fee(30, 2_000));
    s.funded_join(&s.addr("lp"), [100 * E6, 100 * E6]).unwrap();
    assert_eq!(s.lp_supply(), 99_999_999);
    let user = s.addr("user");
    s.fund(&user, 0, 21_031_548);

    // Join with 21_031_548 of asset 0. Half of it is what a proportional join would take and
    // is fee-free; the taxable half is ceil(21_031_548 * 0.5) = 10_515_774, its fee
    // ceil(10_515_774 * 30 / 1e4) = ceil(31_547.3) = 31_548. The balance ratio is
    // (100e6 + 21_031_548 - 31_548) / 100e6 = 1.21 exactly, whose square root is 1.1;
    // pow_down takes its margin (about 11_001 wei of 1e18) off 1.1e18, so
    // lp_out = floor(99_999_999 * (0.1 - 1.1e-14)) = floor(9_999_999.9 - 0.000001) =
    // 9_999_999. Protocol share: floor(31_548 * 0.2) = 6_309, kept out of the balance.
    let sim: JoinResponse = s.q(&QueryMsg::SimulateJoinSingle {
        offer: Asset {
            info: s.assets[0].clone(),
            amount: u(21_031_548),
        },
    });
    let res = s
        .join_single(&user, 0, 21_031_548, Some(9_999_999))
        .unwrap();
    let data: JoinResponse = from_json(res.data.clone().unwrap()).unwrap();
    assert_eq!(data, sim);
    assert_eq!(
        (data.lp_out, data.amounts_in, data.fee, data.protocol_fee),
        (u(9_999_999), [u(21_031_548), u(0)], u(31_548), u(6_309))
    );
    assert_eq!(s.lp_balance(&user), 9_999_999);
    assert_eq!(s.reserves(), [100 * E6 + 21_031_548 - 6_309, 100 * E6]);
    assert_eq!(s.fees_owed(), [6_309, 0]);
    assert_eq!(s.lp_supply(), 109_999_998);

    // Exit those 9_999_999 LP as asset 1 only. For w = 0.5 the exponent 1 / w = 2 is exact:
    // invariant ratio = ceil(99_999_999 / 109_999_998 * 1e18) = 909_090_916_528_925_756,
    // balance ratio = ceil(that^2 / 1e18) = 826_446_294_515_402_257,
    // gross = floor(100e6 * (1 - 0.826_446_294_515_402_257)) = floor(17_355_370.55) =
    // 17_355_370 (the exact 100e6 * (1 - (99_999_999 / 109_999_998)^2) is 17_355_370.548).
    // Taxable half ceil(17_355_370 / 2) = 8_677_685, fee ceil(8_677_685 * 0.003) =
    // ceil(26_033.06) = 26_034, paid 17_355_370 - 26_034 = 17_329_336; protocol share
    // floor(26_034 * 0.2) = 5_206 leaves the balance: 100e6 - 17_329_336 - 5_206.
    let sim: ExitResponse = s.q(&QueryMsg::SimulateExitSingle {
        lp_amount: u(9_999_999),
        asset: s.assets[1].clone(),
    });
    assert_eq!(
        (sim.amounts_out, sim.fee, sim.protocol_fee),
        ([u(0), u(17_329_336)], u(26_034), u(5_206))
    );
    let res = s
        .exit_single(&user, 9_999_999, 1, Some(17_329_336))
        .unwrap();
    assert_eq!(s.attr(&res, "fee"), "26034");
    assert_eq!(s.attr(&res, "protocol_fee"), "5206");
    assert_eq!(s.balance(&user, 1), 17_329_336);
    assert_eq!(s.reserves(), [121_025_239, 82_665_458]);
    assert_eq!(s.fees_owed(), [6_309, 5_206]);
    assert_eq!(s.lp_supply(), 99_999_999);
    assert_eq!(s.lp_total_supply(), 99_999_999);
    // Books and holdings agree: what the pool holds is the balance plus what it owes.
    for i in 0..2 {
        assert_eq!(s.held(i), s.reserves()[i] + s.fees_owed()[i]);
    }
    assert_eq!(s.attr(&res, "amount_out"), "17329336");

    // Collecting pays both owed amounts exactly.
    let collector = s.collector.clone();
    s.collect().unwrap();
    assert_eq!(
        [s.balance(&collector, 0), s.balance(&collector, 1)],
        [6_309, 5_206]
    );
    assert_eq!(s.fees_owed(), [0, 0]);
}

#[test]
fn single_asset_join_through_the_cw20_hook() {
    // The same join as above with asset 0 a cw20 sent through the hook.
    let spec = PoolSpec::native(50, 50)
        .fee(30, 2_000)
        .assets(Side::Cw20("TKA"), Side::Native("ubbb"));
    let mut s = Suite::new(spec);
    s.funded_join(&s.addr("lp"), [100 * E6, 100 * E6]).unwrap();
    let user = s.addr("user");
    s.fund(&user, 0, 21_031_548);
    s.join_single(&user, 0, 21_031_548, None).unwrap();
    assert_eq!(s.lp_balance(&user), 9_999_999);
    assert_eq!(s.balance(&user, 0), 0);
    assert_eq!(s.reserves(), [121_025_239, 100 * E6]);
    assert_eq!(s.held(0), 121_031_548);
}

#[test]
fn proportional_exit_rounds_down() {
    // From 1000e6 / 1000e6 with supply 999_999_999, exiting 333 LP pays
    // floor(1000e6 * 333 / 999_999_999) = floor(333.0000003) = 333 of each.
    let mut s = Suite::new(PoolSpec::native(50, 50));
    let lp = s.addr("lp");
    s.funded_join(&lp, [1000 * E6, 1000 * E6]).unwrap();
    let sim: ExitResponse = s.q(&QueryMsg::SimulateExit { lp_amount: u(333) });
    assert_eq!(sim.amounts_out, [u(333), u(333)]);
    s.exit(&lp, 333, None).unwrap();
    assert_eq!([s.balance(&lp, 0), s.balance(&lp, 1)], [333, 333]);
    // Then 1 LP of 999_999_666 is worth floor(999_999_667 / 999_999_666) = 1 unit of each.
    s.exit(&lp, 1, None).unwrap();
    assert_eq!([s.balance(&lp, 0), s.balance(&lp, 1)], [334, 334]);
    assert_eq!(s.reserves(), [1000 * E6 - 334, 1000 * E6 - 334]);
    assert_eq!(s.lp_supply(), SUPPLY_1000 - 334);
}

#[test]
fn eighty_twenty_first_join() {
    // 80/20 with 1000e6 of each: invariant 1000e6^0.8 * 1000e6^0.2 = 1e9 exactly. The factors
    // are (1e-9)^0.8 * 1e18 = 6.3e10 and (1e-9)^0.2 * 1e18 = 1.58e16, each rounded down by
    // at most two or three wei plus 1e-14 relative: at most 5e-11 relative in all, i.e. less
    // than 0.05 units of 1e9. So the supply floors to 999_999_999.
    let mut s = Suite::new(PoolSpec::native(80, 20));
    let lp = s.addr("lp");
    s.funded_join(&lp, [1000 * E6, 1000 * E6]).unwrap();
    assert_eq!(s.lp_supply(), 999_999_999);
    assert_eq!(s.lp_balance(&lp), 999_998_999);
}
