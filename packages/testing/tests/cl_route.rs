//! Routes through concentrated and weighted pools of one factory, in cw-multi-test: mixed
//! routes both ways (native and cw20 offers into a CL pool), best-route discovery across both
//! kinds, and the refusals (partial fill, slippage, deadline), each leaving every balance as it
//! was. Numbers are derived by hand in the comments.
//!
//! The book:
//! - X/ALY concentrated pool created through the factory, fee 3000 pips, spacing 60, price 1,
//!   X is token0. One position [-60, 60] with 1e6 of each: L = 333850249 (derived in
//!   `tests/cl_pool.rs`, `mint_at_price_one_takes_both_tokens_rounded_up`).
//! - ALY/Y weighted 50/50, 30 bps, 1e9 of each (DEEP): a swap of `a` pays
//!   floor(1e9 * n / (1e9 + n)) with n = a - ceil(a * 30 / 10_000) (see `tests/amm_router.rs`;
//!   every quotient below has a fractional part far above that file's 1e-8 margin).
//! - X/ALY weighted 50/50, 30 bps, 1e4 of each (THIN): the worse first hop.
use cosmwasm_std::Uint128;
use trellis_router::ContractError;
use trellis_testing::{
    AssetInfo, ClPoolHandle, ClPoolOptions, FactoryOptions, Hop, PoolHandle, Suite, TradeOptions,
};
use trellis_types::factory::PoolKind;

const E6: u128 = 1_000_000;
const DEEP: u128 = 1_000_000_000;
const THIN: u128 = 10_000;

struct Market {
    suite: Suite,
    aly: AssetInfo,
    x: AssetInfo,
    y: AssetInfo,
    cl: ClPoolHandle,
    aly_y: PoolHandle,
    x_aly_thin: PoolHandle,
}

fn half() -> [cosmwasm_std::Decimal; 2] {
    [cosmwasm_std::Decimal::percent(50); 2]
}

fn market() -> Market {
    let mut suite = Suite::new();
    let aly = suite
        .create_cw20("ALY", &[("lp", E6 + DEEP + THIN), ("alice", E6)])
        .unwrap();
    let x = suite.register_native("X", "ux");
    let y = suite.register_native("Y", "uy");
    suite
        .deploy_factory(FactoryOptions::new(aly.clone()))
        .unwrap();
    let cl = suite
        .create_cl_pool_via_factory(
            "owner",
            ClPoolOptions::new([x.clone(), aly.clone()], 3_000, 60).at_tick(0),
            None,
        )
        .unwrap();
    let aly_y = suite
        .create_weighted_pool("lp", [aly.clone(), y.clone()], half(), 30)
        .unwrap();
    let x_aly_thin = suite
        .create_weighted_pool("lp", [x.clone(), aly.clone()], half(), 30)
        .unwrap();
    suite.mint_native("lp", "ux", E6 + THIN).unwrap();
    suite.mint_native("lp", "uy", DEEP).unwrap();
    suite.cl_mint("lp", &cl, -60, 60, [E6, E6]).unwrap();
    suite.provide_liquidity("lp", &aly_y, [DEEP, DEEP]).unwrap();
    suite
        .provide_liquidity("lp", &x_aly_thin, [THIN, THIN])
        .unwrap();
    suite.mint_native("alice", "ux", 100 * E6).unwrap();
    suite.mint_native("alice", "uy", E6).unwrap();
    suite.deploy_router().unwrap();
    Market {
        suite,
        aly,
        x,
        y,
        cl,
        aly_y,
        x_aly_thin,
    }
}

fn hop(pool: &str, ask: &AssetInfo) -> Hop {
    Hop {
        pool: pool.to_string(),
        ask: ask.clone(),
    }
}

fn router_err(err: anyhow::Error) -> ContractError {
    err.downcast()
        .unwrap_or_else(|err| panic!("not a router error: {err:#}"))
}

/// Alice's, Bob's and the router's X, Y and ALY, and every pool's holdings.
fn snapshot(m: &Market) -> Vec<u128> {
    let router = m.suite.router().addr.clone();
    let holders = [
        m.suite.addr("alice"),
        m.suite.addr("bob"),
        router,
        m.cl.address.clone(),
        m.aly_y.address.clone(),
        m.x_aly_thin.address.clone(),
    ];
    let mut out = Vec::new();
    for holder in &holders {
        for asset in [&m.x, &m.y, &m.aly] {
            out.push(m.suite.balance_of(holder, asset).unwrap());
        }
    }
    out
}

#[test]
fn the_factory_lists_the_cl_pool_next_to_the_weighted_ones() {
    let m = market();
    let pools = m
        .suite
        .pools_by_assets([m.aly.clone(), m.x.clone()])
        .unwrap();
    let kinds: Vec<(String, PoolKind)> = pools
        .iter()
        .map(|p| (p.address.clone(), p.kind()))
        .collect();
    assert_eq!(
        kinds,
        vec![
            (m.cl.address.to_string(), PoolKind::Concentrated),
            (m.x_aly_thin.address.to_string(), PoolKind::Weighted),
        ]
    );
    // The factory is the CL pool's creator; the pool works: its state is price 1 with L.
    let state = m.suite.cl_pool_state(&m.cl).unwrap();
    assert_eq!(
        (state.tick, state.liquidity),
        (0, Uint128::new(333_850_249))
    );
}

/// X -> ALY in the CL pool (native offer), then ALY -> Y in the weighted pool (cw20 offer):
/// - hop 0: 1000 X at price 1 pays 996 ALY (fee 3; `tests/cl_pool.rs`,
///   `swap_within_the_range_pays_the_lp_its_fee`);
/// - hop 1: 996 ALY: fee ceil(2.988) = 3, n = 993, floor(993e9 / (1e9 + 993)) =
///   floor(992.99901) = 992 Y, paid to Bob.
#[test]
fn a_route_from_a_cl_pool_into_a_weighted_pool() {
    let mut m = market();
    let route = vec![
        hop(m.cl.address.as_str(), &m.aly),
        hop(m.aly_y.address.as_str(), &m.y),
    ];
    let sim = m.suite.simulate_route(&m.x, 1_000, route.clone()).unwrap();
    assert_eq!(sim.amounts_out, vec![Uint128::new(996), Uint128::new(992)]);
    let bob = m.suite.addr("bob");
    let options = TradeOptions::default().min_out(992).recipient(bob);
    m.suite
        .execute_route_with("alice", &m.x.clone(), 1_000, route, options)
        .unwrap();
    assert_eq!(m.suite.balance("bob", &m.y).unwrap(), 992);
    assert_eq!(m.suite.balance("alice", &m.x).unwrap(), 100 * E6 - 1_000);
    for asset in [&m.x, &m.y, &m.aly] {
        assert_eq!(m.suite.router_balance(asset).unwrap(), 0);
    }
}

/// Y -> ALY in the weighted pool (native offer), then ALY -> X in the CL pool (cw20 offer,
/// token1 in, price up):
/// - hop 0: 1000 Y: fee 3, n = 997, floor(997e9 / (1e9 + 997)) = floor(996.999) = 996 ALY;
/// - hop 1: 996 token1: after the fee floor(996 * 997000 / 1e6) = 993; the price rises to
///   2^96 + floor(993 * 2^96 / L) = 79228398169518788712695969866; out, rounded down,
///   floor(floor(L * 2^96 * (p' - 2^96) / p') / 2^96) = 992 X.
#[test]
fn a_route_from_a_weighted_pool_into_a_cl_pool_with_a_cw20_offer() {
    let mut m = market();
    let route = vec![
        hop(m.aly_y.address.as_str(), &m.aly),
        hop(m.cl.address.as_str(), &m.x),
    ];
    let sim = m.suite.simulate_route(&m.y, 1_000, route.clone()).unwrap();
    assert_eq!(sim.amounts_out, vec![Uint128::new(996), Uint128::new(992)]);
    let x_before = m.suite.balance("alice", &m.x).unwrap();
    m.suite
        .execute_route("alice", &m.y.clone(), 1_000, route, 992)
        .unwrap();
    assert_eq!(m.suite.balance("alice", &m.x).unwrap(), x_before + 992);
    assert_eq!(
        m.suite.cl_pool_state(&m.cl).unwrap().sqrt_price,
        cosmwasm_std::Uint256::from_u128(79_228_398_169_518_788_712_695_969_866)
    );
    for asset in [&m.x, &m.y, &m.aly] {
        assert_eq!(m.suite.router_balance(asset).unwrap(), 0);
    }
}

/// Best route for 1000 X -> Y (no direct pool; two hops through ALY):
/// - through the CL pool: 996 ALY, then 992 Y (above);
/// - through the thin weighted pool: fee 3, floor(1e4 * 997 / 10997) = floor(906.61) = 906
///   ALY, then fee ceil(2.718) = 3, floor(903e9 / (1e9 + 903)) = 902 Y.
///
/// The CL route wins, and the best route executes to exactly its quote.
#[test]
fn best_route_discovery_covers_both_kinds() {
    let mut m = market();
    let best = m.suite.best_route(&m.x, 1_000, &m.y).unwrap();
    assert_eq!(
        best.route,
        vec![
            hop(m.cl.address.as_str(), &m.aly),
            hop(m.aly_y.address.as_str(), &m.y)
        ]
    );
    assert_eq!(best.amounts_out, vec![Uint128::new(996), Uint128::new(992)]);
    let thin = vec![
        hop(m.x_aly_thin.address.as_str(), &m.aly),
        hop(m.aly_y.address.as_str(), &m.y),
    ];
    let other = m.suite.simulate_route(&m.x, 1_000, thin).unwrap();
    assert_eq!(
        other.amounts_out,
        vec![Uint128::new(906), Uint128::new(902)]
    );
    let (x, y) = (m.x.clone(), m.y.clone());
    let (quoted, _) = m
        .suite
        .swap_best_route("alice", &x, 1_000, &y, 992)
        .unwrap();
    assert_eq!(quoted.amount_out, Uint128::new(992));
    assert_eq!(m.suite.balance("alice", &m.y).unwrap(), E6 + 992);
}

/// 3000 X is more than the CL range holds: below tick -60 there is no liquidity, so the pool
/// would stop at the price end with X left over, which it refunds to its sender. The router
/// refuses such a hop in simulation and execution (nothing stranded, nothing moved) and best
/// route discovery skips the pool: the thin weighted pool is then the only way.
#[test]
fn a_cl_hop_that_would_fill_partly_is_refused_and_skipped() {
    let mut m = market();
    let sim = m
        .suite
        .cl_simulate_swap_exact_in(&m.cl, &m.x, 3 * E6, None)
        .unwrap();
    assert!(sim.partial_fill);
    let route = vec![hop(m.cl.address.as_str(), &m.aly)];
    let err = m
        .suite
        .simulate_route(&m.x, 3 * E6, route.clone())
        .unwrap_err();
    assert!(err.to_string().contains("would fill only part"), "{err}");
    let before = snapshot(&m);
    let err = m
        .suite
        .execute_route("alice", &m.x.clone(), 3 * E6, route, 1)
        .unwrap_err();
    assert_eq!(
        router_err(err),
        ContractError::PartialFill {
            hop: 0,
            pool: m.cl.address.to_string(),
        }
    );
    assert_eq!(snapshot(&m), before);
    // 3e6 X is also over the thin weighted pool's 30% cap (3e6 > 0.3 * 1e4): no route at all.
    let best = m.suite.best_route(&m.x, 3 * E6, &m.aly).unwrap_err();
    assert!(best.to_string().contains("no route"), "{best}");
}

#[test]
fn slippage_and_deadline_refusals_change_nothing() {
    let mut m = market();
    let route = vec![
        hop(m.cl.address.as_str(), &m.aly),
        hop(m.aly_y.address.as_str(), &m.y),
    ];
    let before = snapshot(&m);
    // 992 is what the route pays (above).
    let err = m
        .suite
        .execute_route("alice", &m.x.clone(), 1_000, route.clone(), 993)
        .unwrap_err();
    assert_eq!(
        router_err(err),
        ContractError::SlippageExceeded {
            minimum: Uint128::new(993),
            actual: Uint128::new(992),
        }
    );
    assert_eq!(snapshot(&m), before);
    let now = m.suite.time();
    let options = TradeOptions::default().deadline(now - 1);
    let err = m
        .suite
        .execute_route_with("alice", &m.x.clone(), 1_000, route, options)
        .unwrap_err();
    assert_eq!(
        router_err(err),
        ContractError::DeadlineExpired {
            deadline: now - 1,
            now,
        }
    );
    assert_eq!(snapshot(&m), before);
}
