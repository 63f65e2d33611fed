//! Concentrated pools through the factory: the same gate, duplicate rule (one listed pool per
//! pair and fee) and per-pair limit as weighted pools, their own fee tiers, and records that
//! sit next to weighted ones in every list. Every refusal is typed and changes nothing.
mod common;

use common::*;
use cosmwasm_std::testing::{message_info, mock_env};
use cosmwasm_std::{coins, from_json, CosmosMsg, Decimal, Response, Uint256, WasmMsg};
use cw_ownable::OwnershipError;
use cw_utils::PaymentError;
use trellis_math::cl::{MAX_SQRT_PRICE, MIN_SQRT_PRICE};
use trellis_pool_factory::contract::execute;
use trellis_pool_factory::limits::{MAX_FEE_TIERS, MAX_POOLS_PER_PAIR};
use trellis_pool_factory::ContractError;
use trellis_types::cl_pool::{FeeTier, InstantiateMsg as ClInstantiateMsg, FEE_TIERS};
use trellis_types::factory::{
    CreationRulesResponse, ExecuteMsg, PoolKind, PoolParams, PoolRecord, PoolStatusResponse,
    PoolsResponse, QueryMsg,
};
use trellis_types::AssetInfo;

fn ux() -> AssetInfo {
    AssetInfo::native("ux")
}

fn uy() -> AssetInfo {
    AssetInfo::native("uy")
}

fn tier(fee_pips: u32, tick_spacing: i32) -> FeeTier {
    FeeTier {
        fee_pips,
        tick_spacing,
    }
}

fn open_factory() -> Deps {
    let mut msg = instantiate_msg();
    msg.permissionless_creation = true;
    setup_with(msg).unwrap()
}

fn cl_msg_of(res: &Response) -> (u64, ClInstantiateMsg) {
    let CosmosMsg::Wasm(WasmMsg::Instantiate { code_id, msg, .. }) = &res.messages[0].msg else {
        panic!("not an instantiate");
    };
    (*code_id, from_json(msg).unwrap())
}

fn cl_rules(deps: &Deps) -> CreationRulesResponse {
    q(
        deps,
        QueryMsg::CreationRules {
            kind: PoolKind::Concentrated,
        },
    )
    .unwrap()
}

#[test]
fn the_owner_creates_a_cl_pool_with_the_factory_settings() {
    let mut deps = setup();
    // sqrt(1) * 2^96: price 1.
    let price_one = Uint256::from_u128(1u128 << 96);
    let res = exec(
        &mut deps,
        "owner",
        ExecuteMsg::CreateClPool {
            assets: [ux(), aly()],
            fee_tier: TIER_3000,
            sqrt_price: Some(price_one),
            oracle: None,
        },
    )
    .unwrap();
    let (code_id, msg) = cl_msg_of(&res);
    assert_eq!(code_id, CL_POOL_CODE_ID);
    assert_eq!(
        msg,
        ClInstantiateMsg {
            // The creator's order: ux is token0.
            assets: [ux(), aly()],
            fee_tier: TIER_3000,
            protocol_fee_share_bps: 2_000,
            fee_collector: Some(addr("collector").to_string()),
            owner: addr("owner").to_string(),
            sqrt_price: Some(price_one),
            oracle: ORACLE,
            collection_name: None,
            collection_symbol: None,
        }
    );
    let pool = addr("cl-pool");
    let res = reply_instantiated(&mut deps, &pool, ReplyFormat::MsgResponses).unwrap();
    let attr = |key: &str| {
        res.attributes
            .iter()
            .find(|a| a.key == key)
            .map(|a| a.value.clone())
    };
    assert_eq!(attr("kind").as_deref(), Some("concentrated"));
    assert_eq!(attr("fee_pips").as_deref(), Some("3000"));
    assert_eq!(attr("tick_spacing").as_deref(), Some("60"));
    assert_eq!(attr("lp_token"), None);

    let expected = PoolRecord {
        id: 0,
        address: pool.to_string(),
        assets: [ux(), aly()],
        params: PoolParams::Concentrated {
            fee_tier: TIER_3000,
        },
    };
    // Found by pair and fee in either order, in the pair's list and the id list.
    for assets in [[ux(), aly()], [aly(), ux()]] {
        let found: PoolRecord = q(
            &deps,
            QueryMsg::ClPool {
                assets: assets.clone(),
                fee_pips: 3_000,
            },
        )
        .unwrap();
        assert_eq!(found, expected);
        let pair: PoolsResponse = q(&deps, QueryMsg::PoolsByAssets { assets }).unwrap();
        assert_eq!(pair.pools, vec![expected.clone()]);
    }
    let all: PoolsResponse = q(
        &deps,
        QueryMsg::Pools {
            start_after: None,
            limit: None,
        },
    )
    .unwrap();
    assert_eq!(all.pools, vec![expected.clone()]);
    let status: PoolStatusResponse = q(
        &deps,
        QueryMsg::PoolStatus {
            pool: pool.to_string(),
        },
    )
    .unwrap();
    assert_eq!(
        status,
        PoolStatusResponse {
            pool: expected,
            kind: PoolKind::Concentrated,
            listed: true,
        }
    );
    // No other fee, and the pool is no LP token (a farm cannot list it as one).
    assert_eq!(
        q::<PoolRecord>(
            &deps,
            QueryMsg::ClPool {
                assets: [ux(), aly()],
                fee_pips: 500,
            },
        )
        .unwrap_err(),
        ContractError::ClPoolNotFound {
            assets: "native:ux,native:ualy".to_string(),
            fee_pips: 500,
        }
    );
    assert!(matches!(
        q::<PoolRecord>(
            &deps,
            QueryMsg::PoolByLpToken {
                lp_token: pool.to_string(),
            },
        )
        .unwrap_err(),
        ContractError::UnknownLpToken { .. }
    ));
}

#[test]
fn one_listed_cl_pool_per_pair_and_fee() {
    let mut deps = setup();
    let first = create_cl_and_register(&mut deps, [ux(), aly()], TIER_3000, "cl-a").unwrap();
    let before = snapshot(&deps);
    // The same fee in the other order, or at another spacing, is the same pool.
    // (The error names the pair as requested.)
    for (assets, fee_tier, label) in [
        ([aly(), ux()], TIER_3000, "native:ualy,native:ux"),
        ([ux(), aly()], tier(3_000, 10), "native:ux,native:ualy"),
    ] {
        assert_eq!(
            create_cl(&mut deps, "owner", assets, fee_tier).unwrap_err(),
            ContractError::DuplicatePool {
                existing: 0,
                address: first.to_string(),
                assets: label.to_string(),
            }
        );
        assert_eq!(snapshot(&deps), before);
    }
    // Another fee, and a weighted pool of the same pair, are other pools.
    create_cl_and_register(&mut deps, [ux(), aly()], tier(500, 10), "cl-b").unwrap();
    create_and_register(&mut deps, [weighted(&ux(), 50), weighted(&aly(), 50)], "w").unwrap();
    let pair: PoolsResponse = q(
        &deps,
        QueryMsg::PoolsByAssets {
            assets: [ux(), aly()],
        },
    )
    .unwrap();
    let kinds: Vec<PoolKind> = pair.pools.iter().map(PoolRecord::kind).collect();
    assert_eq!(
        kinds,
        vec![
            PoolKind::Concentrated,
            PoolKind::Concentrated,
            PoolKind::Weighted
        ]
    );

    // Delisting frees the fee; relisting the old one then clashes with its replacement.
    exec(
        &mut deps,
        "owner",
        ExecuteMsg::DelistPool {
            pool: first.to_string(),
        },
    )
    .unwrap();
    let replacement = create_cl_and_register(&mut deps, [aly(), ux()], TIER_3000, "cl-c").unwrap();
    let before = snapshot(&deps);
    assert_eq!(
        exec(
            &mut deps,
            "owner",
            ExecuteMsg::RelistPool {
                pool: first.to_string(),
            },
        )
        .unwrap_err(),
        ContractError::DuplicatePool {
            existing: 3,
            address: replacement.to_string(),
            // The relisted record's own order.
            assets: "native:ux,native:ualy".to_string(),
        }
    );
    assert_eq!(snapshot(&deps), before);
}

#[test]
fn cl_pools_count_against_the_pair_limit() {
    let mut deps = setup();
    // MAX_POOLS_PER_PAIR concentrated pools at distinct fees fill the pair.
    for i in 0..MAX_POOLS_PER_PAIR {
        let fee_tier = tier(100 * (i as u32 + 1), 1);
        create_cl_and_register(&mut deps, [ux(), uy()], fee_tier, &format!("cl-{i}")).unwrap();
    }
    let before = snapshot(&deps);
    assert_eq!(
        create(
            &mut deps,
            "owner",
            [weighted(&ux(), 50), weighted(&uy(), 50)],
            30
        )
        .unwrap_err(),
        ContractError::TooManyPoolsForPair {
            assets: "native:ux,native:uy".to_string(),
            max: MAX_POOLS_PER_PAIR,
        }
    );
    assert_eq!(
        create_cl(&mut deps, "owner", [ux(), uy()], tier(10_000, 200)).unwrap_err(),
        ContractError::TooManyPoolsForPair {
            assets: "native:ux,native:uy".to_string(),
            max: MAX_POOLS_PER_PAIR,
        }
    );
    assert_eq!(snapshot(&deps), before);
}

#[test]
fn non_owners_are_held_to_the_cl_tiers_and_the_factory_oracle() {
    // Closed: owner only.
    let mut deps = setup();
    let before = snapshot(&deps);
    assert_eq!(
        create_cl(&mut deps, "alice", [ux(), aly()], TIER_3000).unwrap_err(),
        ContractError::Ownership(OwnershipError::NotOwner)
    );
    assert_eq!(snapshot(&deps), before);

    let mut deps = open_factory();
    assert_eq!(
        cl_rules(&deps),
        CreationRulesResponse {
            kind: PoolKind::Concentrated,
            permissionless_creation: true,
            fee_tiers_bps: vec![],
            cl_fee_tiers: FEE_TIERS.to_vec(),
            oracle: ORACLE,
        }
    );
    let before = snapshot(&deps);
    // A standard fee at a non-standard spacing, and a fee that is no tier.
    for fee_tier in [tier(3_000, 1), tier(2_500, 60)] {
        assert_eq!(
            create_cl(&mut deps, "alice", [ux(), aly()], fee_tier).unwrap_err(),
            ContractError::ClFeeTierNotAllowed {
                fee_pips: fee_tier.fee_pips,
                tick_spacing: fee_tier.tick_spacing,
                allowed: "100/1,500/10,3000/60,10000/200".to_string(),
            }
        );
    }
    let own_oracle = ExecuteMsg::CreateClPool {
        assets: [ux(), aly()],
        fee_tier: TIER_3000,
        sqrt_price: None,
        oracle: Some(ORACLE),
    };
    assert_eq!(
        exec(&mut deps, "alice", own_oracle).unwrap_err(),
        ContractError::OracleNotConfigurable
    );
    assert_eq!(snapshot(&deps), before);
    // At a tier, anyone may; the owner may use any tier a pool accepts.
    let res = create_cl(&mut deps, "alice", [ux(), aly()], tier(500, 10)).unwrap();
    assert_eq!(cl_msg_of(&res).1.oracle, ORACLE);
    reply_instantiated(&mut deps, &addr("cl-a"), ReplyFormat::MsgResponses).unwrap();
    create_cl_and_register(&mut deps, [ux(), aly()], tier(2_500, 50), "cl-b").unwrap();
}

#[test]
fn bad_cl_requests_are_typed_errors_that_change_nothing() {
    let mut deps = setup();
    let before = snapshot(&deps);
    let request = |assets: [AssetInfo; 2], fee_tier: FeeTier, sqrt_price: Option<Uint256>| {
        ExecuteMsg::CreateClPool {
            assets,
            fee_tier,
            sqrt_price,
            oracle: None,
        }
    };
    let cases = [
        (
            request([ux(), aly()], tier(1_000_000, 60), None),
            ContractError::ClFeeTooHigh {
                fee_pips: 1_000_000,
                max: 999_999,
            },
        ),
        (
            request([ux(), aly()], tier(3_000, 0), None),
            ContractError::TickSpacingOutOfRange {
                tick_spacing: 0,
                max: 16_384,
            },
        ),
        (
            request([ux(), aly()], tier(3_000, 16_385), None),
            ContractError::TickSpacingOutOfRange {
                tick_spacing: 16_385,
                max: 16_384,
            },
        ),
        (
            request([ux(), ux()], TIER_3000, None),
            ContractError::IdenticalAssets {
                asset: "native:ux".to_string(),
            },
        ),
        (
            request(
                [ux(), aly()],
                TIER_3000,
                Some(MIN_SQRT_PRICE - Uint256::one()),
            ),
            ContractError::SqrtPriceOutOfRange {
                sqrt_price: MIN_SQRT_PRICE - Uint256::one(),
            },
        ),
        // The upper end is open, as in the pool.
        (
            request([ux(), aly()], TIER_3000, Some(MAX_SQRT_PRICE)),
            ContractError::SqrtPriceOutOfRange {
                sqrt_price: MAX_SQRT_PRICE,
            },
        ),
    ];
    for (msg, expected) in cases {
        assert_eq!(exec(&mut deps, "owner", msg).unwrap_err(), expected);
        assert_eq!(snapshot(&deps), before);
    }
    let bad_cw20 = request([AssetInfo::cw20("Not An Address"), aly()], TIER_3000, None);
    assert!(matches!(
        exec(&mut deps, "owner", bad_cw20).unwrap_err(),
        ContractError::InvalidAsset { .. }
    ));
    let paid = execute(
        deps.as_mut(),
        mock_env(),
        message_info(&addr("owner"), &coins(1, "ux")),
        request([ux(), aly()], TIER_3000, None),
    )
    .unwrap_err();
    assert_eq!(paid, ContractError::Payment(PaymentError::NonPayable {}));
    assert_eq!(snapshot(&deps), before);

    // A factory without the CL code creates weighted pools only.
    let mut msg = instantiate_msg();
    msg.cl_pool_code_id = None;
    let mut deps = setup_with(msg).unwrap();
    let before = snapshot(&deps);
    assert_eq!(
        create_cl(&mut deps, "owner", [ux(), aly()], TIER_3000).unwrap_err(),
        ContractError::ClPoolsNotEnabled
    );
    assert_eq!(snapshot(&deps), before);
}

#[test]
fn the_owner_sets_the_cl_tiers_and_bad_lists_change_nothing() {
    let mut deps = open_factory();
    let set = |fee_tiers: Vec<FeeTier>| ExecuteMsg::SetClFeeTiers { fee_tiers };
    let before = snapshot(&deps);
    let too_many: Vec<FeeTier> = (1..=MAX_FEE_TIERS as u32 + 1)
        .map(|i| tier(i * 100, 1))
        .collect();
    let cases = [
        (set(vec![]), ContractError::NoFeeTiers),
        (
            set(too_many),
            ContractError::TooManyFeeTiers {
                count: MAX_FEE_TIERS + 1,
                max: MAX_FEE_TIERS,
            },
        ),
        (
            set(vec![tier(500, 10), tier(500, 60)]),
            ContractError::DuplicateClFeeTier { fee_pips: 500 },
        ),
        (
            set(vec![tier(1_000_000, 1)]),
            ContractError::ClFeeTooHigh {
                fee_pips: 1_000_000,
                max: 999_999,
            },
        ),
    ];
    for (msg, expected) in cases {
        assert_eq!(exec(&mut deps, "owner", msg).unwrap_err(), expected);
        assert_eq!(snapshot(&deps), before);
    }
    assert_eq!(
        exec(&mut deps, "alice", set(vec![tier(500, 10)])).unwrap_err(),
        ContractError::Ownership(OwnershipError::NotOwner)
    );
    // Basis-point tiers are for weighted pools only.
    assert_eq!(
        exec(
            &mut deps,
            "owner",
            ExecuteMsg::SetFeeTiers {
                kind: PoolKind::Concentrated,
                fee_tiers_bps: vec![30],
            },
        )
        .unwrap_err(),
        ContractError::WrongFeeTierMessage {
            kind: "concentrated"
        }
    );
    assert_eq!(snapshot(&deps), before);

    // Stored by fee, whatever the order given.
    let res = exec(&mut deps, "owner", set(vec![tier(2_500, 50), tier(100, 1)])).unwrap();
    assert!(res
        .attributes
        .iter()
        .any(|a| a.key == "fee_tiers" && a.value == "100/1,2500/50"));
    assert_eq!(
        cl_rules(&deps).cl_fee_tiers,
        vec![tier(100, 1), tier(2_500, 50)]
    );
    create_cl(&mut deps, "alice", [ux(), aly()], tier(2_500, 50)).unwrap();
    assert!(matches!(
        create_cl(&mut deps, "alice", [ux(), uy()], TIER_3000).unwrap_err(),
        ContractError::ClFeeTierNotAllowed { .. }
    ));
}

#[test]
fn weighted_records_keep_the_layout_earlier_builds_wrote() {
    let mut deps = setup();
    let pool =
        create_and_register(&mut deps, [weighted(&ux(), 80), weighted(&aly(), 20)], "w").unwrap();
    // Byte for byte the record a weighted-only build stored, so readers of either build agree
    // and no migration rewrites the registry.
    let raw = deps_raw_record(&deps, 0);
    let expected = format!(
        "{{\"id\":0,\"address\":\"{pool}\",\"lp_token\":\"{lp}\",\"assets\":[{{\"info\":{{\"native\":{{\"denom\":\"ux\"}}}},\"weight\":\"0.8\"}},{{\"info\":{{\"native\":{{\"denom\":\"ualy\"}}}},\"weight\":\"0.2\"}}],\"swap_fee_bps\":30}}",
        lp = lp_of(pool.as_str())
    );
    assert_eq!(raw, expected);
    let record: PoolRecord = q(
        &deps,
        QueryMsg::PoolByLpToken {
            lp_token: lp_of(pool.as_str()).to_string(),
        },
    )
    .unwrap();
    assert_eq!(
        record.params,
        PoolParams::Weighted {
            lp_token: lp_of(pool.as_str()).to_string(),
            weights: [Decimal::percent(80), Decimal::percent(20)],
            swap_fee_bps: 30,
        }
    );
}

/// The stored JSON of pool `id` (cw-storage-plus: a 2-byte namespace length, the namespace,
/// the big-endian id).
fn deps_raw_record(deps: &Deps, id: u64) -> String {
    use cosmwasm_std::Storage;
    let mut key = vec![0u8, 5];
    key.extend_from_slice(b"pools");
    key.extend_from_slice(&id.to_be_bytes());
    String::from_utf8(deps.storage.get(&key).unwrap()).unwrap()
}

/// A factory whose config was stored by a build without concentrated pools (no
/// `cl_pool_code_id` field) reads it as `None`, refuses CL pools with a typed error, and
/// creates them once the owner sets the code.
#[test]
fn a_factory_stored_before_cl_pools_enables_them_with_update_config() {
    use cosmwasm_std::Storage;
    let mut deps = setup();
    let stored = String::from_utf8(deps.storage.get(b"config").unwrap()).unwrap();
    let old = stored.replace(",\"cl_pool_code_id\":9", "");
    assert_ne!(stored, old);
    deps.storage.set(b"config", old.as_bytes());
    let config: trellis_types::factory::ConfigResponse = q(&deps, QueryMsg::Config {}).unwrap();
    assert_eq!(config.cl_pool_code_id, None);
    assert_eq!(
        create_cl(&mut deps, "owner", [ux(), aly()], TIER_3000).unwrap_err(),
        ContractError::ClPoolsNotEnabled
    );
    let enable = ExecuteMsg::UpdateConfig {
        pool_code_id: None,
        lp_token_code_id: None,
        fee_collector: None,
        protocol_fee_share_bps: None,
        default_oracle: None,
        permissionless_creation: None,
        cl_pool_code_id: Some(12),
    };
    assert_eq!(
        exec(&mut deps, "alice", enable.clone()).unwrap_err(),
        ContractError::Ownership(OwnershipError::NotOwner)
    );
    exec(&mut deps, "owner", enable).unwrap();
    let res = create_cl(&mut deps, "owner", [ux(), aly()], TIER_3000).unwrap();
    assert_eq!(cl_msg_of(&res).0, 12);
}
