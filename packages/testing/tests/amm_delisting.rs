//! A squatted pool delisted by the factory's owner, with the real pool, router and farm:
//! its LPs still exit, the router refuses it in explicit routes and never finds it, a farm
//! checking LP tokens against the factory cannot list it, and the protocol creates its own
//! pool with the same weights.
use cosmwasm_std::{Decimal, Uint128};
use trellis_testing::{AssetInfo, Curve, FactoryOptions, FarmOptions, PoolHandle, Suite};

const LIQUIDITY: u128 = 1_000_000;

struct World {
    suite: Suite,
    aly: AssetInfo,
    x: AssetInfo,
    y: AssetInfo,
    squat: PoolHandle,
}

fn half() -> [Decimal; 2] {
    [Decimal::percent(50), Decimal::percent(50)]
}

/// An open factory (protocol token ALY); "mallory" creates the X/Y 50/50 pool at the 30 bps
/// tier and "lp" joins it with 1,000,000 of each; the owner then delists it.
fn world() -> World {
    let mut suite = Suite::new();
    let aly = suite.register_native("ALY", "ualy");
    let x = suite.register_native("X", "ux");
    let y = suite.register_native("Y", "uy");
    suite
        .deploy_factory(FactoryOptions::new(aly.clone()))
        .unwrap();
    let squat = suite
        .create_weighted_pool("mallory", [x.clone(), y.clone()], half(), 30)
        .unwrap();
    suite.mint_native("lp", "ux", 2 * LIQUIDITY).unwrap();
    suite.mint_native("lp", "uy", 2 * LIQUIDITY).unwrap();
    suite
        .provide_liquidity("lp", &squat, [LIQUIDITY, LIQUIDITY])
        .unwrap();
    suite.deploy_router().unwrap();
    suite.delist_pool(&squat).unwrap();
    World {
        suite,
        aly,
        x,
        y,
        squat,
    }
}

#[test]
fn the_factory_reports_the_pool_delisted() {
    let w = world();
    let status = w.suite.pool_status(&w.squat).unwrap();
    assert!(!status.listed);
    assert_eq!(status.pool.address, w.squat.address.to_string());
    assert!(w
        .suite
        .pools_by_assets([w.x.clone(), w.y.clone()])
        .unwrap()
        .is_empty());
    // A query error reaches the caller as text: the factory's `PoolDelisted`.
    let err = w.suite.pool_by_lp_token(&w.squat.lp_token).unwrap_err();
    let expected = trellis_pool_factory::ContractError::PoolDelisted {
        pool: w.squat.address.to_string(),
        lp_token: Suite::cw20_addr(&w.squat.lp_token).unwrap().to_string(),
    };
    assert!(err.to_string().contains(&expected.to_string()), "{err:#}");
}

#[test]
fn lps_still_exit_a_delisted_pool() {
    let mut w = world();
    // The first join mints the invariant of 1e6 and 1e6 base units at 6 decimals, scaled to
    // 1e18 each: 1.0 as a fixed-point number, whose powers are exactly 1.0 (pow's special
    // case), so the supply is exactly 1e18 (1 LP at 18 decimals), of which 1,000
    // (MINIMUM_LIQUIDITY) stay with the pool: the LP holds 1e18 - 1,000.
    let held = 999_999_999_999_999_000;
    assert_eq!(w.suite.lp_balance("lp", &w.squat).unwrap(), held);
    w.suite.exit_pool("lp", &w.squat, held).unwrap();
    // Each asset: floor(1,000,000 * (1e18 - 1,000) / 1e18) = floor(999,999.999_999_999) =
    // 999,999, on top of the 1,000,000 the LP kept of its 2,000,000.
    assert_eq!(w.suite.balance("lp", &w.x).unwrap(), 1_999_999);
    assert_eq!(w.suite.balance("lp", &w.y).unwrap(), 1_999_999);
    assert_eq!(w.suite.lp_balance("lp", &w.squat).unwrap(), 0);
}

#[test]
fn the_router_refuses_and_never_finds_a_delisted_pool() {
    let mut w = world();
    w.suite.mint_native("alice", "ux", 10_000).unwrap();
    let route = vec![w.squat.hop_to(&w.y)];
    let err = w
        .suite
        .execute_route("alice", &w.x, 10_000, route.clone(), 1)
        .unwrap_err();
    assert_eq!(
        err.downcast::<trellis_router::ContractError>().unwrap(),
        trellis_router::ContractError::PoolDelisted {
            hop: 0,
            pool: w.squat.address.to_string(),
        }
    );
    assert_eq!(w.suite.balance("alice", &w.x).unwrap(), 10_000);
    assert!(w.suite.simulate_route(&w.x, 10_000, route).is_err());
    // The only X/Y pool is delisted and there is no ALY pool: no route at all.
    let err = w.suite.best_route(&w.x, 10_000, &w.y).unwrap_err();
    assert!(err.to_string().contains("no route"), "{err:#}");

    // The protocol's own X/Y 50/50 pool, refused as a duplicate before the delisting, now
    // exists (id 1), and route discovery finds it and only it.
    let own = w
        .suite
        .create_weighted_pool("owner", [w.x.clone(), w.y.clone()], half(), 30)
        .unwrap();
    assert_eq!(own.id, 1);
    w.suite
        .provide_liquidity("lp", &own, [LIQUIDITY, LIQUIDITY])
        .unwrap();
    let best = w.suite.best_route(&w.x, 10_000, &w.y).unwrap();
    assert_eq!(best.route, vec![own.hop_to(&w.y)]);
}

#[test]
fn a_farm_checking_the_factory_cannot_list_a_delisted_pool() {
    let mut w = world();
    let factory = w.suite.factory().addr.clone();
    let rate = Curve::Constant {
        rate: Uint128::new(10),
    };
    w.suite
        .deploy_farm(FarmOptions::reserve_time(w.aly.clone(), rate).lp_factory(factory))
        .unwrap();
    let err = w
        .suite
        .add_pool_lp(&w.squat.lp_token, [w.x.clone(), w.y.clone()], 40)
        .unwrap_err();
    assert_eq!(
        err.downcast::<trellis_farm::ContractError>().unwrap(),
        trellis_farm::ContractError::NotFactoryLpToken {
            lp_token: w.squat.lp_token.to_string(),
        }
    );
    // Listed again, the same LP token is accepted.
    w.suite.relist_pool(&w.squat).unwrap();
    w.suite
        .add_pool_lp(&w.squat.lp_token, [w.x.clone(), w.y.clone()], 40)
        .unwrap();
}
