//! Joins and exits through the contract, with exact numbers: the first join and its locked
//! minimum, proportional joins (refunds, cw20 pulls) and exits, single-asset joins and exits
//! with their fees, for native and cw20 assets.
mod common;
use common::*;
use cosmwasm_std::from_json;
use trellis_types::weighted_pool::{ExitResponse, JoinResponse, QueryMsg};
use trellis_types::Asset;

/// Supply of a 50/50 first join of `x` and `x` with x = 1000e6 base units at 6 decimals.
/// Scaled to 18 decimals each is 1000e18, i.e. 1000 as a 1e18 fixed-point number, so the
/// true invariant is 1000 LP = 1000e18. Each factor is pow_down(1000, 0.5): raw =
/// floor(sqrt(1000) * 1e18) = 31_622_776_601_683_793_319, margin = ceil(raw * 1e4 / 1e18) + 1
/// = 316_228 + 1, so 31_622_776_601_683_477_090; the supply is that squared / 1e18, floored:
/// 999_999_999_999_979_999_859 (1000e18 less about 2e-14 relative, the two margins).
const SUPPLY_1000: u128 = 999_999_999_999_979_999_859;

/// The LP a 1000e6 / 1000e6 seeder holds: the supply less the locked 1000.
const SEEDER_LP: u128 = SUPPLY_1000 - 1_000;

/// LP of a 100e6 / 100e6 join into that pool: floor(100e6 * S / 1000e6) = floor(S / 10).
const USER_LP: u128 = 99_999_999_999_997_999_985;

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
    assert_eq!(data.lp_out, u(SEEDER_LP));
    assert_eq!(data.amounts_in, [u(1000 * E6), u(1000 * E6)]);
    assert_eq!(s.lp_balance(&lp), 999_999_999_999_979_998_859);
    let pool = s.pool.clone();
    assert_eq!(s.lp_balance(&pool), 1_000);
    assert_eq!(s.lp_supply(), SUPPLY_1000);
    assert_eq!(s.lp_total_supply(), SUPPLY_1000);
    assert_eq!(s.reserves(), [1000 * E6, 1000 * E6]);
    assert_eq!(s.attr(&res, "lp_locked"), "1000");
    assert_eq!(s.attr(&res, "lp_amount"), "999999999999979998859");
    assert_eq!(s.attr(&res, "lp_supply"), "999999999999979999859");
}

#[test]
fn mixed_decimals_give_the_supply_in_whole_tokens() {
    // 50/50 of 4 WFUSE (18 decimals: 4e18 base units, factor 1) and 16 FUSD (6 decimals:
    // 16e6, factor 1e12, scaled 16e18): sqrt(4 * 16) = 8 LP. 4 and 16 are powers of two, so
    // both square roots are exact: 2e18 - (ceil(2e18 * 1e4 / 1e18) + 1) = 2e18 - 20_001 and
    // 4e18 - 40_001; their product / 1e18, floored, is 8e18 - 80_002 - 80_004 + 0 (the
    // 20_001 * 40_001 / 1e18 term is below one) = 8e18 - 160_006.
    // Without the scaling the raw 4e18 and 16e6 would give sqrt(6.4e25) = 8e12 "LP".
    let mut s = Suite::new(PoolSpec::native(50, 50).decimals(18, 6));
    let lp = s.addr("lp");
    s.funded_join(&lp, [4 * E18, 16 * E6]).unwrap();
    assert_eq!(s.lp_supply(), 8 * E18 - 160_006);
    assert_eq!(s.lp_balance(&lp), 8 * E18 - 161_006);
    assert_eq!(s.lp_decimals(), 18);

    // Proportional joins and exits stay in each asset's own units: a quarter of the supply,
    // lp = floor(1e18 * S / 4e18) = floor(S / 4) = 2e18 - 40_002 (S / 4 = 2e18 - 40_001.5),
    // costs ceil(lp * 4e18 / S) of WFUSE and ceil(lp * 16e6 / S) of FUSD. lp / S is 1/4 less
    // 0.5 / S, so these are ceil(1e18 - 2e18 / S) = ceil(1e18 - 0.25) = 1e18 and
    // ceil(4e6 - 8e6 / S) = 4e6.
    let user = s.addr("user");
    s.fund(&user, 0, E18);
    s.fund(&user, 1, 4 * E6);
    s.join(&user, [E18, 4 * E6]).unwrap();
    assert_eq!(s.lp_balance(&user), 2 * E18 - 40_002);
    assert_eq!([s.balance(&user, 0), s.balance(&user, 1)], [0, 0]);
    assert_eq!(s.reserves(), [5 * E18, 20 * E6]);
}

#[test]
fn proportional_join_takes_the_limiting_side_and_refunds_natives() {
    let mut s = Suite::new(PoolSpec::native(50, 50));
    s.funded_join(&s.addr("lp"), [1000 * E6, 1000 * E6])
        .unwrap();
    let user = s.addr("user");
    s.fund(&user, 0, 100 * E6);
    s.fund(&user, 1, 300 * E6);
    // lp_0 = floor(100e6 * S / 1000e6) = floor(S / 10) = 99_999_999_999_997_999_985 (S ends
    // in 9: S / 10 is ...985.9); lp_1 = floor(3 * S / 10) = 299_999_999_999_993_999_957; the
    // smaller wins. Paid: ceil(lp_0 * 1000e6 / S) = ceil(1e8 - 0.9e9 / S) = 100_000_000 of
    // each (rounded up against the joiner); 200e6 of asset 1 comes back.
    let res = s.join(&user, [100 * E6, 300 * E6]).unwrap();
    let data: JoinResponse = from_json(res.data.clone().unwrap()).unwrap();
    assert_eq!(data.lp_out, u(USER_LP));
    assert_eq!(data.amounts_in, [u(100 * E6), u(100 * E6)]);
    assert_eq!(s.lp_balance(&user), USER_LP);
    assert_eq!([s.balance(&user, 0), s.balance(&user, 1)], [0, 200 * E6]);
    assert_eq!(s.reserves(), [1100 * E6, 1100 * E6]);
    // S + lp_0.
    assert_eq!(s.lp_supply(), 1_099_999_999_999_977_999_844);
    assert_eq!([s.held(0), s.held(1)], s.reserves());

    // Exiting everything: lp_0 / (S + lp_0) = (S - 9) / (11 S - 9) is just below 1 / 11, so
    // floor(1100e6 * lp_0 / (S + lp_0)) = floor(1e8 - ~1e-12) = 99_999_999 of each, one unit
    // less than paid in: the round trip cannot make money.
    // (Exits run inside the LP token's Send, so their response data does not reach the
    // caller; the event carries the amounts.)
    let res = s
        .exit(&user, USER_LP, Some([99_999_999, 99_999_999]))
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
    assert_eq!(s.attr(&res, "lp_amount"), "99999999999997999985");
}

#[test]
fn cw20_parts_are_pulled_exactly() {
    // Asset 0 is a cw20 (approved, pulled with TransferFrom), asset 1 native.
    let spec = PoolSpec::native(50, 50).assets(Side::Cw20("TKA"), Side::Native("ubbb"));
    let mut s = Suite::new(spec);
    let lp = s.addr("lp");
    s.funded_join(&lp, [1000 * E6, 1000 * E6]).unwrap();
    assert_eq!(s.lp_balance(&lp), SEEDER_LP);
    assert_eq!([s.held(0), s.held(1)], [1000 * E6, 1000 * E6]);

    // Same numbers as the native case, with the cw20 as the limiting side this time:
    // max [300e6, 100e6] takes 100e6 of each, so only 100e6 of the 300e6 approved is pulled.
    let user = s.addr("user");
    s.fund(&user, 0, 300 * E6);
    s.fund(&user, 1, 100 * E6);
    s.join(&user, [300 * E6, 100 * E6]).unwrap();
    assert_eq!(s.lp_balance(&user), USER_LP);
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

/// LP minted for 210_315_480 of asset 0 into the 1000e6 / 1000e6 pool at 30 bps (derived in
/// `single_asset_join_and_exit_with_fees`).
const SINGLE_LP: u128 = 100_000_002_727_259_720_985;

#[test]
fn single_asset_join_and_exit_with_fees() {
    // 50/50 seeded 1000e6 / 1000e6: supply S = SUPPLY_1000. Fee 30 bps, protocol share 20%.
    let mut s = Suite::new(PoolSpec::native(50, 50).fee(30, 2_000));
    s.funded_join(&s.addr("lp"), [1000 * E6, 1000 * E6])
        .unwrap();
    assert_eq!(s.lp_supply(), SUPPLY_1000);
    let user = s.addr("user");
    s.fund(&user, 0, 210_315_480);

    // Join with 210_315_480 of asset 0. Half of it is what a proportional join would take and
    // is fee-free; the taxable half is ceil(210_315_480 * 0.5) = 105_157_740, its fee
    // ceil(105_157_740 * 30 / 1e4) = ceil(315_473.22) = 315_474. Balance ratio
    // floor((1000e6 + 210_315_480 - 315_474) / 1000e6 * 1e18) = 1_210_000_006_000_000_000;
    // its square root floor(sqrt(1.210000006) * 1e18) = 1_100_000_002_727_272_723 less the
    // margin ceil(1_100_000_002_727_272_723 * 1e4 / 1e18) + 1 = 11_002 is
    // 1_100_000_002_727_261_721; lp_out = floor(S * 0.100_000_002_727_261_721) =
    // 100_000_002_727_259_720_985. Protocol share: floor(315_474 * 0.2) = 63_094, kept out of
    // the balance. (The LP math is a ratio of asset 0's own balance: no scaling involved.)
    let sim: JoinResponse = s.q(&QueryMsg::SimulateJoinSingle {
        offer: Asset {
            info: s.assets[0].clone(),
            amount: u(210_315_480),
        },
    });
    let res = s
        .join_single(&user, 0, 210_315_480, Some(SINGLE_LP))
        .unwrap();
    let data: JoinResponse = from_json(res.data.clone().unwrap()).unwrap();
    assert_eq!(data, sim);
    assert_eq!(
        (data.lp_out, data.amounts_in, data.fee, data.protocol_fee),
        (u(SINGLE_LP), [u(210_315_480), u(0)], u(315_474), u(63_094))
    );
    assert_eq!(s.lp_balance(&user), SINGLE_LP);
    assert_eq!(s.reserves(), [1000 * E6 + 210_315_480 - 63_094, 1000 * E6]);
    assert_eq!(s.fees_owed(), [63_094, 0]);
    // S + SINGLE_LP.
    assert_eq!(s.lp_supply(), 1_100_000_002_727_239_720_844);

    // Exit those LP as asset 1 only. For w = 0.5 the exponent 1 / w = 2 is exact:
    // invariant ratio = ceil(S / (S + SINGLE_LP) * 1e18) = 909_090_906_836_973_790,
    // balance ratio = ceil(that^2 / 1e18) = 826_446_276_893_671_359,
    // gross = floor(1000e6 * 0.173_553_723_106_328_641) = 173_553_723.
    // Taxable half ceil(173_553_723 / 2) = 86_776_862, fee ceil(86_776_862 * 0.003) =
    // ceil(260_330.59) = 260_331, paid 173_553_723 - 260_331 = 173_293_392; protocol share
    // floor(260_331 * 0.2) = 52_066 leaves the balance: 1000e6 - 173_293_392 - 52_066.
    let sim: ExitResponse = s.q(&QueryMsg::SimulateExitSingle {
        lp_amount: u(SINGLE_LP),
        asset: s.assets[1].clone(),
    });
    assert_eq!(
        (sim.amounts_out, sim.fee, sim.protocol_fee),
        ([u(0), u(173_293_392)], u(260_331), u(52_066))
    );
    let res = s
        .exit_single(&user, SINGLE_LP, 1, Some(173_293_392))
        .unwrap();
    assert_eq!(s.attr(&res, "fee"), "260331");
    assert_eq!(s.attr(&res, "protocol_fee"), "52066");
    assert_eq!(s.balance(&user, 1), 173_293_392);
    assert_eq!(s.reserves(), [1_210_252_386, 826_654_542]);
    assert_eq!(s.fees_owed(), [63_094, 52_066]);
    assert_eq!(s.lp_supply(), SUPPLY_1000);
    assert_eq!(s.lp_total_supply(), SUPPLY_1000);
    // Books and holdings agree: what the pool holds is the balance plus what it owes.
    for i in 0..2 {
        assert_eq!(s.held(i), s.reserves()[i] + s.fees_owed()[i]);
    }
    assert_eq!(s.attr(&res, "amount_out"), "173293392");

    // Collecting pays both owed amounts exactly.
    let collector = s.collector.clone();
    s.collect().unwrap();
    assert_eq!(
        [s.balance(&collector, 0), s.balance(&collector, 1)],
        [63_094, 52_066]
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
    s.funded_join(&s.addr("lp"), [1000 * E6, 1000 * E6])
        .unwrap();
    let user = s.addr("user");
    s.fund(&user, 0, 210_315_480);
    s.join_single(&user, 0, 210_315_480, None).unwrap();
    assert_eq!(s.lp_balance(&user), SINGLE_LP);
    assert_eq!(s.balance(&user, 0), 0);
    assert_eq!(s.reserves(), [1_210_252_386, 1000 * E6]);
    assert_eq!(s.held(0), 1_210_315_480);
}

#[test]
fn proportional_exit_rounds_down() {
    // From 1000e6 / 1000e6 with supply S, exiting 333e12 LP (333 base units' worth at 1e12 LP
    // per unit) pays floor(1000e6 * 333e12 / S) = floor(333.000_000_000_006_7) = 333 of each.
    let mut s = Suite::new(PoolSpec::native(50, 50));
    let lp = s.addr("lp");
    s.funded_join(&lp, [1000 * E6, 1000 * E6]).unwrap();
    let sim: ExitResponse = s.q(&QueryMsg::SimulateExit {
        lp_amount: u(333 * E12),
    });
    assert_eq!(sim.amounts_out, [u(333), u(333)]);
    s.exit(&lp, 333 * E12, None).unwrap();
    assert_eq!([s.balance(&lp, 0), s.balance(&lp, 1)], [333, 333]);
    // Then 1e12 LP of S - 333e12 = 999_999_666_999_979_999_859 is worth
    // floor(999_999_667 * 1e12 / 999_999_666_999_979_999_859) = floor(1.000_000_001) = 1 unit
    // of each.
    s.exit(&lp, E12, None).unwrap();
    assert_eq!([s.balance(&lp, 0), s.balance(&lp, 1)], [334, 334]);
    assert_eq!(s.reserves(), [1000 * E6 - 334, 1000 * E6 - 334]);
    assert_eq!(s.lp_supply(), SUPPLY_1000 - 334 * E12);
}

#[test]
fn eighty_twenty_first_join() {
    // 80/20 with 1000e6 of each at 6 decimals, scaled to 1000e18: invariant
    // 1000^0.8 * 1000^0.2 = 1000 LP exactly, less the margins. pow_down(1000, 0.8): raw
    // floor(251.188_643_150_958_011_108e18) less ceil(raw * 1e4 / 1e18) + 1 = 2_511_888, i.e.
    // 251_188_643_150_955_499_220; pow_down(1000, 0.2): 3_981_071_705_534_972_507 less 39_812,
    // 3_981_071_705_534_932_695. Product / 1e18, floored: 999_999_999_999_979_999_493.
    let mut s = Suite::new(PoolSpec::native(80, 20));
    let lp = s.addr("lp");
    s.funded_join(&lp, [1000 * E6, 1000 * E6]).unwrap();
    assert_eq!(s.lp_supply(), 999_999_999_999_979_999_493);
    assert_eq!(s.lp_balance(&lp), 999_999_999_999_979_998_493);
}
