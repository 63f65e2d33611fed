//! The farm checks its LP pools against the pool factory (`lp_factory`): the staking token
//! must be a factory LP token and the declared pair that pool's pair, so a pool cannot pass
//! itself off as a native pair. Users stake the real LP tokens the pools mint.
use cosmwasm_std::{Decimal, Uint128, Uint256};
use trellis_farm::ContractError;
use trellis_testing::{AssetInfo, Curve, FactoryOptions, FarmOptions, PoolHandle, Suite};
use trellis_types::farm::PoolKind;

struct World {
    suite: Suite,
    aly: AssetInfo,
    usdc: AssetInfo,
    atom: AssetInfo,
    /// ALY/USDC 80/20: a native pair.
    aly_usdc: PoolHandle,
    /// USDC/ATOM 50/50: not native.
    usdc_atom: PoolHandle,
}

fn constant(rate: u128) -> Curve {
    Curve::Constant {
        rate: Uint128::new(rate),
    }
}

/// A factory whose protocol token is ALY, its two pools, and a reserve farm paying 10 ALY/s
/// that checks LP pools with the factory.
fn world() -> World {
    let mut suite = Suite::new();
    let aly = suite.register_native("ALY", "ualy");
    let usdc = suite.register_native("USDC", "uusdc");
    let atom = suite.register_native("ATOM", "uatom");
    let factory = suite
        .deploy_factory(FactoryOptions::new(aly.clone()))
        .unwrap();
    let aly_usdc = suite
        .create_weighted_pool(
            "owner",
            [aly.clone(), usdc.clone()],
            [Decimal::percent(80), Decimal::percent(20)],
            30,
        )
        .unwrap();
    let usdc_atom = suite
        .create_weighted_pool(
            "owner",
            [usdc.clone(), atom.clone()],
            [Decimal::percent(50), Decimal::percent(50)],
            30,
        )
        .unwrap();
    suite
        .deploy_farm(FarmOptions::reserve_time(aly.clone(), constant(10)).lp_factory(factory.addr))
        .unwrap();
    World {
        suite,
        aly,
        usdc,
        atom,
        aly_usdc,
        usdc_atom,
    }
}

fn farm_error(err: anyhow::Error) -> ContractError {
    err.downcast().expect("a farm ContractError")
}

#[test]
fn factory_lp_tokens_with_their_pair_are_accepted_in_either_order() {
    let mut w = world();
    let id = w
        .suite
        .add_pool_lp(&w.aly_usdc.lp_token, [w.usdc.clone(), w.aly.clone()], 60)
        .unwrap();
    let other = w
        .suite
        .add_pool_lp(&w.usdc_atom.lp_token, [w.usdc.clone(), w.atom.clone()], 40)
        .unwrap();
    assert!(w.suite.farm_pool(id).unwrap().native);
    assert!(!w.suite.farm_pool(other).unwrap().native);
    let config = w.suite.farm_config().unwrap();
    assert_eq!(
        config.lp_factory.as_deref(),
        Some(w.suite.factory().addr.as_str())
    );
}

#[test]
fn a_wrong_pair_is_refused_so_a_pool_cannot_pose_as_native() {
    let mut w = world();
    // USDC/ATOM's LP token declared as an ALY pair would be classified native.
    let err = w
        .suite
        .add_pool_lp(&w.usdc_atom.lp_token, [w.aly.clone(), w.atom.clone()], 40)
        .unwrap_err();
    assert!(matches!(
        farm_error(err),
        ContractError::PairMismatch { .. }
    ));
    assert!(w.suite.farm_pools().unwrap().is_empty());
}

#[test]
fn tokens_that_are_not_factory_lp_tokens_are_refused() {
    let mut w = world();
    let fake = w.suite.create_cw20("FAKELP", &[("alice", 10)]).unwrap();
    let err = w
        .suite
        .add_pool_lp(&fake, [w.aly.clone(), w.usdc.clone()], 40)
        .unwrap_err();
    let AssetInfo::Cw20 { contract_addr } = &fake else {
        unreachable!("create_cw20 makes a cw20")
    };
    assert_eq!(
        farm_error(err),
        ContractError::NotFactoryLpToken {
            lp_token: format!("cw20:{contract_addr}"),
        }
    );
    // A native denom is never a factory LP token.
    let err = w
        .suite
        .add_pool_lp(&w.atom, [w.aly.clone(), w.usdc.clone()], 40)
        .unwrap_err();
    assert_eq!(
        farm_error(err),
        ContractError::NotFactoryLpToken {
            lp_token: "native:uatom".to_string(),
        }
    );
    // Solo pools are not LP pools: no factory check.
    w.suite
        .add_pool_lp(&w.aly_usdc.lp_token, [w.aly.clone(), w.usdc.clone()], 60)
        .unwrap();
    w.suite.add_pool(&w.atom, PoolKind::Solo, 10).unwrap();
    assert_eq!(w.suite.farm_pools().unwrap().len(), 2);
}

#[test]
fn the_factory_must_share_the_policy_protocol_token() {
    let mut w = world();
    let factory = w.suite.factory().addr.clone();
    // Default policy: protocol token = the reward, here ATOM, but the factory's is ALY.
    let err = w
        .suite
        .deploy_farm(FarmOptions::reserve_time(w.atom.clone(), constant(10)).lp_factory(factory))
        .unwrap_err();
    // The harness wraps instantiate errors in text, so compare the contract's message.
    let expected = ContractError::ProtocolTokenMismatch {
        factory: "native:ualy".to_string(),
        policy: "native:uatom".to_string(),
    };
    assert!(
        format!("{err:#}").contains(&expected.to_string()),
        "{err:#}"
    );
}

/// Alice joins ALY/USDC, stakes all her LP tokens and is the only staker of the only pool:
/// she earns the whole 10 ALY/s, 300 over 30 s, paid from the 1,000 funded. Spread over her
/// `lp` shares: `acc = floor(300 * 1e36 / lp)`, and she is credited `floor(lp * acc / 1e36)`,
/// which is 300 when `lp` divides 300e36 and 299 otherwise (one unit lost to rounding, booked
/// as undistributed).
#[test]
fn real_lp_tokens_are_staked_and_earn() {
    let mut w = world();
    let id = w
        .suite
        .add_pool_lp(&w.aly_usdc.lp_token, [w.aly.clone(), w.usdc.clone()], 60)
        .unwrap();
    w.suite.mint_native("treasury", "ualy", 1_000).unwrap();
    w.suite.fund("treasury", 1_000).unwrap();
    w.suite.mint_native("alice", "ualy", 800_000).unwrap();
    w.suite.mint_native("alice", "uusdc", 200_000).unwrap();
    let pool = w.aly_usdc.clone();
    w.suite
        .provide_liquidity("alice", &pool, [800_000, 200_000])
        .unwrap();
    let lp = w.suite.lp_balance("alice", &pool).unwrap();
    assert!(lp > 0);
    w.suite.stake("alice", id, lp).unwrap();
    w.suite.advance_seconds(30);
    let (emitted, lp_wide) = (Uint256::from(300u128), Uint256::from(lp));
    let scale = Uint256::from(10u128.pow(36));
    let acc = emitted * scale / lp_wide;
    let expected = Uint128::try_from(lp_wide * acc / scale).unwrap().u128();
    let exact = (emitted * scale) % lp_wide == Uint256::zero();
    assert_eq!(expected, if exact { 300 } else { 299 });
    assert_eq!(w.suite.pending("alice", id).unwrap(), expected);
    w.suite.claim("alice", &[id]).unwrap();
    assert_eq!(w.suite.balance("alice", &w.aly).unwrap(), expected);
    w.suite.unstake("alice", id, lp).unwrap();
    assert_eq!(w.suite.lp_balance("alice", &pool).unwrap(), lp);
}
