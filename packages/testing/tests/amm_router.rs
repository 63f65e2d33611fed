//! The router over real factory pools in cw-multi-test: the best route, multi-hop execution,
//! cw20 and native hops, and every refusal. Numbers are derived by hand in the comments.
//!
//! Every pool here is 50/50 with a 0.3% fee (30 bps) and no protocol share. With equal weights
//! the pool math's exponent is exactly 1, so a swap of `a` is the constant product with the
//! fee taken first:
//!   fee = ceil(a * 30 / 10_000),  n = a - fee,
//!   out = floor(bO * (1 - ceil(bI / (bI + n) at 1e18)))
//! The ceil of the ratio at 1e18 lowers `out` by less than bO * 1e-18 < 1e-8 here, so `out` is
//! `floor(bO * n / (bI + n))` whenever that quotient's fractional part is above 1e-8, as it is
//! in every case below (each is written out).
use cosmwasm_std::{coin, coins, Decimal, Uint128};
use cw_multi_test::Executor;
use cw_utils::PaymentError;
use trellis_router::ContractError;
use trellis_testing::{
    AssetInfo, ContractKind, FactoryOptions, Hop, PoolHandle, RouteResponse, Suite, TradeOptions,
    DEFAULT_ORACLE,
};
use trellis_types::router::ExecuteMsg;
use trellis_types::weighted_pool::{InstantiateMsg as PoolInstantiateMsg, WeightedAssetInfo};

const DEEP: u128 = 1_000_000_000;
const THIN: u128 = 10_000_000;
const FEE_BPS: u16 = 30;

/// ALY (the protocol token) is a cw20; X and Y are native. Deep X/ALY and ALY/Y pools, a thin
/// direct X/Y pool, and a router. Alice trades, Bob receives.
struct Market {
    suite: Suite,
    aly: AssetInfo,
    x: AssetInfo,
    y: AssetInfo,
    x_aly: PoolHandle,
    aly_y: PoolHandle,
    x_y: PoolHandle,
}

fn half() -> [Decimal; 2] {
    [Decimal::percent(50), Decimal::percent(50)]
}

fn market() -> Market {
    let mut suite = Suite::new();
    let aly = suite
        .create_cw20("ALY", &[("lp", 2 * DEEP), ("alice", 10_000_000)])
        .unwrap();
    let x = suite.register_native("X", "ux");
    let y = suite.register_native("Y", "uy");
    suite
        .deploy_factory(FactoryOptions::new(aly.clone()))
        .unwrap();
    let x_aly = suite
        .create_weighted_pool("lp", [x.clone(), aly.clone()], half(), FEE_BPS)
        .unwrap();
    let aly_y = suite
        .create_weighted_pool("lp", [aly.clone(), y.clone()], half(), FEE_BPS)
        .unwrap();
    let x_y = suite
        .create_weighted_pool("lp", [x.clone(), y.clone()], half(), FEE_BPS)
        .unwrap();
    suite.mint_native("lp", "ux", DEEP + THIN).unwrap();
    suite.mint_native("lp", "uy", DEEP + THIN).unwrap();
    suite.provide_liquidity("lp", &x_aly, [DEEP, DEEP]).unwrap();
    suite.provide_liquidity("lp", &aly_y, [DEEP, DEEP]).unwrap();
    suite.provide_liquidity("lp", &x_y, [THIN, THIN]).unwrap();
    suite.mint_native("alice", "ux", 10_000_000).unwrap();
    suite.mint_native("alice", "uy", 10_000_000).unwrap();
    suite.deploy_router().unwrap();
    Market {
        suite,
        aly,
        x,
        y,
        x_aly,
        aly_y,
        x_y,
    }
}

/// The router's typed error inside a failed execution.
fn router_err(err: anyhow::Error) -> ContractError {
    err.downcast()
        .unwrap_or_else(|err| panic!("not a router error: {err:#}"))
}

/// Balances that a refused route must leave as they were: Alice's, Bob's and the router's
/// in X, Y and ALY, and every pool's reserves.
fn snapshot(m: &Market) -> Vec<u128> {
    let router = m.suite.router().addr.clone();
    let mut out = vec![];
    for asset in [&m.x, &m.y, &m.aly] {
        out.push(m.suite.balance("alice", asset).unwrap());
        out.push(m.suite.balance("bob", asset).unwrap());
        out.push(m.suite.balance_of(&router, asset).unwrap());
    }
    for pool in [&m.x_aly, &m.aly_y, &m.x_y] {
        out.extend(m.suite.pool_reserves(pool).unwrap());
    }
    out
}

fn to_bob(m: &Market, min_out: u128) -> TradeOptions {
    TradeOptions::default()
        .min_out(min_out)
        .recipient(m.suite.addr("bob"))
}

/// 1_000_000 X to Y:
/// - direct, thin X/Y (1e7 / 1e7): fee = ceil(1e6 * 30 / 1e4) = 3_000, n = 997_000,
///   out = floor(1e7 * 997_000 / 10_997_000) = floor(906_610.89) = 906_610;
/// - X -> ALY in deep X/ALY (1e9 / 1e9): fee 3_000, n = 997_000,
///   out = floor(1e9 * 997_000 / 1_000_997_000) = floor(996_006.98) = 996_006;
///   then ALY -> Y in deep ALY/Y: fee = ceil(996_006 * 30 / 1e4) = ceil(2_988.02) = 2_989,
///   n = 993_017, out = floor(1e9 * 993_017 / 1_000_993_017) = floor(992_031.90) = 992_031.
///
/// The two hops through ALY pay 992_031 > 906_610.
const DIRECT_OUT: u128 = 906_610;
const HOP1_OUT: u128 = 996_006;
const TWO_HOP_OUT: u128 = 992_031;

#[test]
fn two_hops_through_aly_beat_a_thin_direct_pool() {
    let mut m = market();
    let direct = m
        .suite
        .simulate_route(&m.x, 1_000_000, vec![m.x_y.hop_to(&m.y)])
        .unwrap();
    assert_eq!(direct.amount_out.u128(), DIRECT_OUT);
    let two_hops = vec![m.x_aly.hop_to(&m.aly), m.aly_y.hop_to(&m.y)];
    let simulated = m
        .suite
        .simulate_route(&m.x, 1_000_000, two_hops.clone())
        .unwrap();
    let expected = RouteResponse {
        route: two_hops.clone(),
        amounts_out: vec![Uint128::new(HOP1_OUT), Uint128::new(TWO_HOP_OUT)],
        amount_out: Uint128::new(TWO_HOP_OUT),
    };
    assert_eq!(simulated, expected);
    assert_eq!(m.suite.best_route(&m.x, 1_000_000, &m.y).unwrap(), expected);

    // Executed with min_out = the simulated output, paid to Bob (native X, then cw20 ALY).
    let res = m
        .suite
        .execute_route_with("alice", &m.x, 1_000_000, two_hops, to_bob(&m, TWO_HOP_OUT))
        .unwrap();
    assert_eq!(m.suite.balance("bob", &m.y).unwrap(), TWO_HOP_OUT);
    assert_eq!(
        m.suite.balance("alice", &m.x).unwrap(),
        10_000_000 - 1_000_000
    );
    for asset in [&m.x, &m.y, &m.aly] {
        assert_eq!(m.suite.router_balance(asset).unwrap(), 0, "{asset}");
    }
    // X/ALY took the whole 1e6 X (no protocol share) and paid 996_006 ALY; ALY/Y took those
    // and paid 992_031 Y.
    assert_eq!(
        m.suite.pool_reserves(&m.x_aly).unwrap(),
        [DEEP + 1_000_000, DEEP - HOP1_OUT]
    );
    assert_eq!(
        m.suite.pool_reserves(&m.aly_y).unwrap(),
        [DEEP + HOP1_OUT, DEEP - TWO_HOP_OUT]
    );
    let attr = |key: &str| -> Vec<String> {
        res.events
            .iter()
            .flat_map(|e| e.attributes.iter())
            .filter(|a| a.key == key)
            .map(|a| a.value.clone())
            .collect()
    };
    assert_eq!(attr("route_amount_out"), vec![TWO_HOP_OUT.to_string()]);
    assert_eq!(attr("hops"), vec!["2".to_string()]);
    assert_eq!(
        attr("route"),
        vec![format!("{},{}", m.x_aly.address, m.aly_y.address)]
    );
}

#[test]
fn best_route_skips_candidates_over_the_trade_cap() {
    let m = market();
    // 5_000_000 X: direct, n = 5e6 - 15_000 = 4_985_000 > 30% of the thin 1e7 X: refused by
    // the pool, so skipped. Through ALY: fee 15_000, n = 4_985_000,
    // out = floor(1e9 * 4_985_000 / 1_004_985_000) = floor(4_960_273.04) = 4_960_273; then
    // fee = ceil(4_960_273 * 30 / 1e4) = ceil(14_880.82) = 14_881, n = 4_945_392,
    // out = floor(1e9 * 4_945_392 / 1_004_945_392) = floor(4_921_055.45) = 4_921_055.
    let best = m.suite.best_route(&m.x, 5_000_000, &m.y).unwrap();
    assert_eq!(
        best.route,
        vec![m.x_aly.hop_to(&m.aly), m.aly_y.hop_to(&m.y)]
    );
    assert_eq!(
        best.amounts_out,
        vec![Uint128::new(4_960_273), Uint128::new(4_921_055)]
    );
    // With ALY on one side only direct pools count: 2_000_000 ALY to X in X/ALY:
    // fee 6_000, n = 1_994_000, out = floor(1e9 * 1_994_000 / 1_001_994_000)
    // = floor(1_990_031.88) = 1_990_031.
    let best = m.suite.best_route(&m.aly, 2_000_000, &m.x).unwrap();
    assert_eq!(best.route, vec![m.x_aly.hop_to(&m.x)]);
    assert_eq!(best.amount_out.u128(), 1_990_031);
}

#[test]
fn best_route_refusals() {
    let mut m = market();
    let z = m.suite.register_native("Z", "uz");
    let query_err = |res: anyhow::Result<RouteResponse>| res.unwrap_err().to_string();
    assert!(query_err(m.suite.best_route(&m.x, 1_000, &z))
        .contains("no route from native:ux to native:uz"),);
    assert!(query_err(m.suite.best_route(&m.x, 1_000, &m.x))
        .contains("cannot route native:ux to itself"));
    assert!(query_err(m.suite.best_route(&m.x, 0, &m.y)).contains("greater than zero"));
    assert!(
        query_err(m.suite.simulate_route(&m.x, 0, vec![m.x_y.hop_to(&m.y)]))
            .contains("greater than zero")
    );
    // Even a pool that exists yields no route when every candidate fails: 4_000_000 X against
    // the thin pool is over its cap (n = 3_988_000 > 3e6), and there is no ALY path to Z.
    let x_z = m
        .suite
        .create_weighted_pool("lp", [m.x.clone(), z.clone()], half(), FEE_BPS)
        .unwrap();
    m.suite.mint_native("lp", "uz", THIN).unwrap();
    m.suite.mint_native("lp", "ux", THIN).unwrap();
    m.suite.provide_liquidity("lp", &x_z, [THIN, THIN]).unwrap();
    assert!(query_err(m.suite.best_route(&m.x, 4_000_000, &z)).contains("no route"));
}

#[test]
fn min_out_breach_reverts_every_hop() {
    let mut m = market();
    let before = snapshot(&m);
    let route = vec![m.x_aly.hop_to(&m.aly), m.aly_y.hop_to(&m.y)];
    let err = m
        .suite
        .execute_route_with("alice", &m.x, 1_000_000, route, to_bob(&m, TWO_HOP_OUT + 1))
        .unwrap_err();
    assert_eq!(
        router_err(err),
        ContractError::SlippageExceeded {
            minimum: Uint128::new(TWO_HOP_OUT + 1),
            actual: Uint128::new(TWO_HOP_OUT),
        }
    );
    assert_eq!(snapshot(&m), before);
}

#[test]
fn an_expired_deadline_is_refused() {
    let mut m = market();
    let before = snapshot(&m);
    let now = m.suite.time();
    let route = vec![m.x_y.hop_to(&m.y)];
    let err = m
        .suite
        .execute_route_with(
            "alice",
            &m.x,
            1_000_000,
            route.clone(),
            to_bob(&m, 1).deadline(now - 1),
        )
        .unwrap_err();
    assert_eq!(
        router_err(err),
        ContractError::DeadlineExpired {
            deadline: now - 1,
            now
        }
    );
    assert_eq!(snapshot(&m), before);
    // A deadline equal to the block time is still on time; the direct swap pays 906_610.
    m.suite
        .execute_route_with("alice", &m.x, 1_000_000, route, to_bob(&m, 1).deadline(now))
        .unwrap();
    assert_eq!(m.suite.balance("bob", &m.y).unwrap(), DIRECT_OUT);
}

#[test]
fn bad_routes_are_refused_with_the_hop_at_fault() {
    let mut m = market();
    let before = snapshot(&m);
    let (x, y, aly) = (m.x.clone(), m.y.clone(), m.aly.clone());
    let nowhere = m.suite.addr("nowhere").to_string();
    let mut refuse = |offer: &AssetInfo, route: Vec<Hop>| {
        router_err(
            m.suite
                .execute_route("alice", offer, 1_000, route, 1)
                .unwrap_err(),
        )
    };
    let pool = |p: &PoolHandle| p.address.to_string();

    assert_eq!(refuse(&x, vec![]), ContractError::EmptyRoute);
    let five = vec![m.x_aly.hop_to(&aly); 5];
    assert_eq!(
        refuse(&x, five),
        ContractError::TooManyHops { hops: 5, max: 4 }
    );
    // Hop 1's pool X/Y does not trade ALY, hop 0's output.
    assert_eq!(
        refuse(&x, vec![m.x_aly.hop_to(&aly), m.x_y.hop_to(&y)]),
        ContractError::BrokenChain {
            hop: 1,
            pool: pool(&m.x_y),
            previous_ask: aly.to_string(),
        }
    );
    // Y sent into X/ALY.
    assert_eq!(
        refuse(&y, vec![m.x_aly.hop_to(&x)]),
        ContractError::OfferNotInPool {
            hop: 0,
            pool: pool(&m.x_aly),
            offer: y.to_string(),
        }
    );
    // X/ALY asked for Y.
    assert_eq!(
        refuse(&x, vec![m.x_aly.hop_to(&y)]),
        ContractError::AskNotInPool {
            hop: 0,
            pool: pool(&m.x_aly),
            ask: y.to_string(),
        }
    );
    assert_eq!(
        refuse(&x, vec![m.x_aly.hop_to(&x)]),
        ContractError::SameAssetHop {
            hop: 0,
            asset: x.to_string(),
        }
    );
    assert_eq!(
        refuse(&x, vec![m.x_aly.hop_to(&aly), m.x_aly.hop_to(&x)]),
        ContractError::PoolRepeated {
            hop: 1,
            pool: pool(&m.x_aly),
        }
    );
    assert!(matches!(
        refuse(&x, vec![m.x_aly.hop_to(&AssetInfo::native(""))]),
        ContractError::InvalidAsset { asset, .. } if asset == "native:"
    ));
    // An address that is no contract at all.
    assert_eq!(
        refuse(
            &x,
            vec![Hop {
                pool: nowhere.clone(),
                ask: aly.clone()
            }]
        ),
        ContractError::UnknownPool {
            hop: 0,
            pool: nowhere
        }
    );
    assert_eq!(snapshot(&m), before);
}

#[test]
fn a_pool_the_factory_did_not_create_is_unknown() {
    let mut m = market();
    // The same code, the same assets, instantiated directly: it even answers PoolInfo, but
    // the factory has no record of it.
    let code_id = m.suite.code_ids().get(ContractKind::WeightedPool);
    let lp_code_id = m.suite.code_ids().get(ContractKind::Cw20Base);
    let owner = m.suite.owner.clone();
    let msg = PoolInstantiateMsg {
        assets: [m.x.clone(), m.aly.clone()].map(|info| WeightedAssetInfo {
            decimals: m.suite.asset_decimals(&info).unwrap(),
            info,
            weight: Decimal::percent(50),
        }),
        swap_fee_bps: 0,
        protocol_fee_share_bps: 0,
        fee_collector: None,
        owner: owner.to_string(),
        lp_token_code_id: lp_code_id,
        lp_token_name: None,
        lp_token_symbol: None,
        oracle: DEFAULT_ORACLE,
    };
    let stranger = m
        .suite
        .app
        .instantiate_contract(code_id, owner, &msg, &[], "stranger", None)
        .unwrap();
    let hop = Hop {
        pool: stranger.to_string(),
        ask: m.aly.clone(),
    };
    let err = m
        .suite
        .execute_route("alice", &m.x.clone(), 1_000, vec![hop], 1)
        .unwrap_err();
    assert_eq!(
        router_err(err),
        ContractError::UnknownPool {
            hop: 0,
            pool: stranger.to_string()
        }
    );
}

#[test]
fn wrong_funds_and_limits_are_refused() {
    let mut m = market();
    let before = snapshot(&m);
    let router = m.suite.router().addr.clone();
    let alice = m.suite.addr("alice");
    let msg = |min_out: u128, recipient: Option<String>| ExecuteMsg::ExecuteRoute {
        route: vec![m.x_y.hop_to(&m.y)],
        min_out: Uint128::new(min_out),
        recipient,
        deadline: None,
    };
    let mut run = |msg: ExecuteMsg, funds: &[cosmwasm_std::Coin]| {
        router_err(
            m.suite
                .app
                .execute_contract(alice.clone(), router.clone(), &msg, funds)
                .unwrap_err(),
        )
    };
    assert_eq!(
        run(msg(1, None), &[]),
        ContractError::Payment(PaymentError::NoFunds {})
    );
    assert_eq!(
        run(msg(1, None), &[coin(1_000, "ux"), coin(1_000, "uy")]),
        ContractError::Payment(PaymentError::MultipleDenoms {})
    );
    assert_eq!(
        run(msg(0, None), &coins(1_000, "ux")),
        ContractError::ZeroMinOut
    );
    assert!(matches!(
        run(msg(1, Some("bob".to_string())), &coins(1_000, "ux")),
        ContractError::InvalidAddress { field: "recipient", address, .. } if address == "bob"
    ));
    assert_eq!(
        run(msg(1, Some(router.to_string())), &coins(1_000, "ux")),
        ContractError::RouterAsRecipient
    );
    assert_eq!(snapshot(&m), before);
}

#[test]
fn a_failing_hop_fails_the_route() {
    let mut m = market();
    let before = snapshot(&m);
    // 4_000_000 X into the thin X/Y pool: n = 4_000_000 - 12_000 = 3_988_000 > 30% of 1e7.
    let err = m
        .suite
        .execute_route(
            "alice",
            &m.x.clone(),
            4_000_000,
            vec![m.x_y.hop_to(&m.y)],
            1,
        )
        .unwrap_err();
    let pool_err: trellis_weighted_pool::ContractError = err.downcast().unwrap();
    assert!(
        matches!(
            pool_err,
            trellis_weighted_pool::ContractError::TradeTooLarge { .. }
        ),
        "{pool_err}"
    );
    assert_eq!(snapshot(&m), before);
}

#[test]
fn a_cw20_offer_goes_through_the_hook() {
    let mut m = market();
    let alice_aly = m.suite.balance("alice", &m.aly).unwrap();
    // 2_000_000 ALY to X in X/ALY: fee 6_000, n = 1_994_000,
    // out = floor(1e9 * 1_994_000 / 1_001_994_000) = floor(1_990_031.88) = 1_990_031,
    // to Alice herself (no recipient given).
    let route = vec![m.x_aly.hop_to(&m.x)];
    let simulated = m
        .suite
        .simulate_route(&m.aly, 2_000_000, route.clone())
        .unwrap();
    assert_eq!(simulated.amount_out.u128(), 1_990_031);
    let alice_x = m.suite.balance("alice", &m.x).unwrap();
    m.suite
        .execute_route("alice", &m.aly.clone(), 2_000_000, route, 1_990_031)
        .unwrap();
    assert_eq!(m.suite.balance("alice", &m.x).unwrap(), alice_x + 1_990_031);
    assert_eq!(
        m.suite.balance("alice", &m.aly).unwrap(),
        alice_aly - 2_000_000
    );
    assert_eq!(m.suite.router_balance(&m.aly).unwrap(), 0);
    assert_eq!(m.suite.router_balance(&m.x).unwrap(), 0);
}

#[test]
fn a_cw20_first_hop_then_a_native_one() {
    let mut m = market();
    // ALY -> X in X/ALY: 2_000_000 ALY pays 1_990_031 X (as above), to the router;
    // X -> Y in the thin X/Y: fee = ceil(1_990_031 * 30 / 1e4) = ceil(5_970.09) = 5_971,
    // n = 1_984_060, out = floor(1e7 * 1_984_060 / 11_984_060) = floor(1_655_582.50)
    // = 1_655_582, to Bob.
    let route = vec![m.x_aly.hop_to(&m.x), m.x_y.hop_to(&m.y)];
    let simulated = m
        .suite
        .simulate_route(&m.aly, 2_000_000, route.clone())
        .unwrap();
    assert_eq!(
        simulated.amounts_out,
        vec![Uint128::new(1_990_031), Uint128::new(1_655_582)]
    );
    m.suite
        .execute_route_with(
            "alice",
            &m.aly.clone(),
            2_000_000,
            route,
            to_bob(&m, 1_655_582),
        )
        .unwrap();
    assert_eq!(m.suite.balance("bob", &m.y).unwrap(), 1_655_582);
    assert_eq!(m.suite.router_balance(&m.x).unwrap(), 0);
    assert_eq!(m.suite.router_balance(&m.aly).unwrap(), 0);
    assert_eq!(
        m.suite.pool_reserves(&m.x_y).unwrap(),
        [THIN + 1_990_031, THIN - 1_655_582]
    );
}

#[test]
fn a_native_first_hop_then_a_cw20_one() {
    let mut m = market();
    // X -> ALY (native offer, the pool's SwapResponse in the reply), then ALY -> Y (cw20
    // offer, measured by Bob's Y balance): the numbers of the first test, 996_006 then
    // 992_031; here without a recipient or min_out beyond 1, so Alice receives.
    let route = vec![m.x_aly.hop_to(&m.aly), m.aly_y.hop_to(&m.y)];
    let alice_y = m.suite.balance("alice", &m.y).unwrap();
    let res = m
        .suite
        .execute_route_with(
            "alice",
            &m.x.clone(),
            1_000_000,
            route,
            TradeOptions::default(),
        )
        .unwrap();
    assert_eq!(
        m.suite.balance("alice", &m.y).unwrap(),
        alice_y + TWO_HOP_OUT
    );
    let hop_outs: Vec<String> = res
        .events
        .iter()
        .filter(|e| {
            e.attributes
                .iter()
                .any(|a| a.key == "action" && a.value == "route_hop")
        })
        .flat_map(|e| e.attributes.iter().filter(|a| a.key == "amount_out"))
        .map(|a| a.value.clone())
        .collect();
    assert_eq!(
        hop_outs,
        vec![HOP1_OUT.to_string(), TWO_HOP_OUT.to_string()]
    );
}

#[test]
fn the_router_learns_the_protocol_token_from_the_factory() {
    let m = market();
    let config = m.suite.router_config().unwrap();
    assert_eq!(config.factory, m.suite.factory().addr.to_string());
    assert_eq!(config.protocol_token, m.aly);
}
