//! `CreatePool` and its reply on mock dependencies: the submessage sent, the chain's two reply
//! encodings, duplicates, the per-pair limit and the lookups.
mod common;

use common::*;
use cosmwasm_std::testing::mock_env;
use cosmwasm_std::{
    from_json, Binary, CosmosMsg, Decimal, Reply, ReplyOn, SubMsgResponse, SubMsgResult, WasmMsg,
};
use trellis_pool_factory::contract::reply;
use trellis_pool_factory::limits::MAX_POOLS_PER_PAIR;
use trellis_pool_factory::ContractError;
use trellis_types::factory::{
    ConfigResponse, ExecuteMsg, PoolParams, PoolRecord, PoolsResponse, QueryMsg,
};
use trellis_types::weighted_pool::{InstantiateMsg as PoolInstantiateMsg, OracleConfig};
use trellis_types::AssetInfo;

fn ux() -> AssetInfo {
    AssetInfo::native("ux")
}

fn pools_by_assets(deps: &Deps, assets: [AssetInfo; 2]) -> Vec<PoolRecord> {
    q::<PoolsResponse>(deps, QueryMsg::PoolsByAssets { assets })
        .unwrap()
        .pools
}

#[test]
fn create_pool_instantiates_the_pool_with_the_factory_settings() {
    let mut deps = setup();
    let assets = [weighted(&ux(), 80), weighted(&aly(), 20)];
    let res = create(&mut deps, "owner", assets.clone(), 30).unwrap();
    assert_eq!(res.messages.len(), 1);
    let sub = &res.messages[0];
    assert_eq!((sub.id, sub.reply_on.clone()), (1, ReplyOn::Success));
    let CosmosMsg::Wasm(WasmMsg::Instantiate {
        admin,
        code_id,
        msg,
        funds,
        ..
    }) = &sub.msg
    else {
        panic!("not an instantiate: {:?}", sub.msg);
    };
    assert_eq!(admin, &Some(addr("owner").to_string()));
    assert_eq!(*code_id, 7);
    assert!(funds.is_empty());
    let msg: PoolInstantiateMsg = from_json(msg).unwrap();
    assert_eq!(
        msg,
        PoolInstantiateMsg {
            assets,
            swap_fee_bps: 30,
            protocol_fee_share_bps: 2_000,
            fee_collector: Some(addr("collector").to_string()),
            owner: addr("owner").to_string(),
            lp_token_code_id: 3,
            lp_token_name: None,
            lp_token_symbol: None,
            oracle: ORACLE,
        }
    );
}

#[test]
fn an_oracle_given_at_creation_overrides_the_default() {
    let mut deps = setup();
    let oracle = OracleConfig {
        capacity: 24,
        min_sample_spacing: 3_600,
    };
    let res = exec(
        &mut deps,
        "owner",
        ExecuteMsg::CreatePool {
            assets: [weighted(&ux(), 50), weighted(&aly(), 50)],
            swap_fee_bps: 0,
            oracle: Some(oracle),
        },
    )
    .unwrap();
    let CosmosMsg::Wasm(WasmMsg::Instantiate { msg, .. }) = &res.messages[0].msg else {
        panic!("not an instantiate");
    };
    let msg: PoolInstantiateMsg = from_json(msg).unwrap();
    assert_eq!(msg.oracle, oracle);
}

#[test]
fn a_renounced_factory_makes_ownerless_pools() {
    let mut deps = setup();
    exec(
        &mut deps,
        "owner",
        ExecuteMsg::UpdateConfig {
            pool_code_id: None,
            lp_token_code_id: None,
            fee_collector: None,
            protocol_fee_share_bps: None,
            default_oracle: None,
            permissionless_creation: Some(true),
            cl_pool_code_id: None,
        },
    )
    .unwrap();
    exec(
        &mut deps,
        "owner",
        ExecuteMsg::UpdateOwnership(cw_ownable::Action::RenounceOwnership),
    )
    .unwrap();
    let res = create(
        &mut deps,
        "anyone",
        [weighted(&ux(), 50), weighted(&aly(), 50)],
        30,
    )
    .unwrap();
    let CosmosMsg::Wasm(WasmMsg::Instantiate { admin, msg, .. }) = &res.messages[0].msg else {
        panic!("not an instantiate");
    };
    assert_eq!(admin, &None);
    let msg: PoolInstantiateMsg = from_json(msg).unwrap();
    assert_eq!(msg.owner, mock_env().contract.address.to_string());
}

#[test]
fn the_reply_registers_the_pool_in_both_chain_encodings() {
    for (format, name) in [
        (ReplyFormat::MsgResponses, "pool-a"),
        (ReplyFormat::LegacyData, "pool-b"),
    ] {
        let mut deps = setup();
        let assets = [weighted(&ux(), 80), weighted(&aly(), 20)];
        create(&mut deps, "owner", assets.clone(), 30).unwrap();
        answer_pool_info(&mut deps);
        let pool = addr(name);
        let res = reply_instantiated(&mut deps, &pool, format).unwrap();
        let lp_token = lp_of(pool.as_str()).to_string();
        let expected = PoolRecord {
            id: 0,
            address: pool.to_string(),
            assets: assets.map(|a| a.info),
            params: PoolParams::Weighted {
                lp_token: lp_token.clone(),
                weights: [Decimal::percent(80), Decimal::percent(20)],
                swap_fee_bps: 30,
            },
        };
        let attr = |key: &str| {
            res.attributes
                .iter()
                .find(|a| a.key == key)
                .map(|a| a.value.clone())
                .unwrap()
        };
        assert_eq!(attr("action"), "register_pool");
        assert_eq!(attr("pool_id"), "0");
        assert_eq!(attr("pool_address"), pool.as_str());
        assert_eq!(attr("lp_token"), lp_token);
        assert_eq!(attr("kind"), "weighted");
        assert_eq!(attr("asset_0"), "native:ux");
        assert_eq!(attr("weight_0"), "0.8");
        assert_eq!(attr("asset_1"), "native:ualy");
        assert_eq!(attr("weight_1"), "0.2");
        assert_eq!(
            pools_by_assets(&deps, [ux(), aly()]),
            vec![expected.clone()]
        );
        let by_lp: PoolRecord = q(
            &deps,
            QueryMsg::PoolByLpToken {
                lp_token: lp_token.clone(),
            },
        )
        .unwrap();
        assert_eq!(by_lp, expected);
        let config: ConfigResponse = q(&deps, QueryMsg::Config {}).unwrap();
        assert_eq!(config.pool_count, 1);
        // The pending creation is gone: a second reply has nothing to record.
        assert_eq!(
            reply_instantiated(&mut deps, &pool, format).unwrap_err(),
            ContractError::NoPendingPool
        );
    }
}

#[test]
fn bad_replies_are_typed_errors() {
    let mut deps = setup();
    create(
        &mut deps,
        "owner",
        [weighted(&ux(), 50), weighted(&aly(), 50)],
        30,
    )
    .unwrap();
    let forged = |id: u64, response: SubMsgResponse| Reply {
        id,
        payload: Binary::default(),
        gas_used: 0,
        result: SubMsgResult::Ok(response),
    };
    #[allow(deprecated)]
    let empty = SubMsgResponse {
        events: vec![],
        data: None,
        msg_responses: vec![],
    };
    assert_eq!(
        reply(deps.as_mut(), mock_env(), forged(9, empty.clone())).unwrap_err(),
        ContractError::UnknownReplyId { id: 9 }
    );
    assert_eq!(
        reply(deps.as_mut(), mock_env(), forged(1, empty)).unwrap_err(),
        ContractError::MissingPoolAddress {
            reason: "no MsgInstantiateContractResponse".to_string()
        }
    );
}

#[test]
fn duplicates_are_refused_in_either_order() {
    let mut deps = setup();
    let first =
        create_and_register(&mut deps, [weighted(&ux(), 80), weighted(&aly(), 20)], "p0").unwrap();
    let before = snapshot(&deps);
    let duplicate = ContractError::DuplicatePool {
        existing: 0,
        address: first.to_string(),
        assets: "native:ux,native:ualy".to_string(),
    };
    assert_eq!(
        create(
            &mut deps,
            "owner",
            [weighted(&ux(), 80), weighted(&aly(), 20)],
            30
        )
        .unwrap_err(),
        duplicate
    );
    // The same pool described from the other side: ALY 20%, X 80%.
    assert_eq!(
        create(
            &mut deps,
            "owner",
            [weighted(&aly(), 20), weighted(&ux(), 80)],
            30
        )
        .unwrap_err(),
        ContractError::DuplicatePool {
            existing: 0,
            address: first.to_string(),
            assets: "native:ualy,native:ux".to_string(),
        }
    );
    // A different fee does not make a different pool.
    assert!(matches!(
        create(
            &mut deps,
            "owner",
            [weighted(&ux(), 80), weighted(&aly(), 20)],
            100
        ),
        Err(ContractError::DuplicatePool { existing: 0, .. })
    ));
    assert_eq!(snapshot(&deps), before);
    // ALY 80%, X 20% is another pool; so is 50/50.
    create_and_register(&mut deps, [weighted(&aly(), 80), weighted(&ux(), 20)], "p1").unwrap();
    create_and_register(&mut deps, [weighted(&ux(), 50), weighted(&aly(), 50)], "p2").unwrap();
    assert_eq!(pools_by_assets(&deps, [aly(), ux()]).len(), 3);
}

#[test]
fn a_pair_holds_at_most_max_pools_per_pair() {
    let mut deps = setup();
    // Eight distinct splits of X/ALY: 10/90, 20/80, ..., 80/20.
    for (i, x_percent) in (1..=MAX_POOLS_PER_PAIR as u64).map(|i| (i, i * 10)) {
        let assets = [
            weighted(&ux(), x_percent),
            weighted(&aly(), 100 - x_percent),
        ];
        create_and_register(&mut deps, assets, &format!("pool{i}")).unwrap();
    }
    assert_eq!(
        pools_by_assets(&deps, [ux(), aly()]).len(),
        MAX_POOLS_PER_PAIR
    );
    let before = snapshot(&deps);
    assert_eq!(
        create(
            &mut deps,
            "owner",
            [weighted(&ux(), 90), weighted(&aly(), 10)],
            30
        )
        .unwrap_err(),
        ContractError::TooManyPoolsForPair {
            assets: "native:ux,native:ualy".to_string(),
            max: 8
        }
    );
    assert_eq!(snapshot(&deps), before);
    // Other pairs are not affected.
    create_and_register(
        &mut deps,
        [weighted(&AssetInfo::native("uy"), 90), weighted(&aly(), 10)],
        "other",
    )
    .unwrap();
}

#[test]
fn lookups_by_weights_lp_token_and_native_pair() {
    let mut deps = setup();
    let y = AssetInfo::native("uy");
    let p0 =
        create_and_register(&mut deps, [weighted(&ux(), 80), weighted(&aly(), 20)], "p0").unwrap();
    create_and_register(&mut deps, [weighted(&ux(), 50), weighted(&y, 50)], "p1").unwrap();

    let pool = |deps: &Deps, assets: [AssetInfo; 2], weights: [u64; 2]| {
        q::<PoolRecord>(
            deps,
            QueryMsg::Pool {
                assets,
                weights: weights.map(Decimal::percent),
            },
        )
    };
    // Weights follow the order of the assets asked.
    assert_eq!(
        pool(&deps, [ux(), aly()], [80, 20]).unwrap().address,
        p0.to_string()
    );
    assert_eq!(
        pool(&deps, [aly(), ux()], [20, 80]).unwrap().address,
        p0.to_string()
    );
    assert_eq!(
        pool(&deps, [aly(), ux()], [80, 20]).unwrap_err(),
        ContractError::PoolNotFound {
            assets: "native:ualy,native:ux".to_string(),
            weights: "0.8,0.2".to_string(),
        }
    );
    assert_eq!(
        pool(&deps, [ux(), ux()], [50, 50]).unwrap_err(),
        ContractError::IdenticalAssets {
            asset: "native:ux".to_string()
        }
    );
    assert_eq!(
        q::<PoolRecord>(
            &deps,
            QueryMsg::PoolByLpToken {
                lp_token: p0.to_string()
            }
        )
        .unwrap_err(),
        ContractError::UnknownLpToken {
            lp_token: p0.to_string()
        }
    );
    let native = |deps: &Deps, assets| q::<bool>(deps, QueryMsg::IsNativePair { assets }).unwrap();
    assert!(native(&deps, [ux(), aly()]));
    assert!(native(&deps, [aly(), y.clone()]));
    assert!(!native(&deps, [ux(), y.clone()]));
    assert!(pools_by_assets(&deps, [aly(), y]).is_empty());
}
