//! The creation gate: owner-only by default; when the owner opens creation, non-owners are
//! held to the fee tiers and the factory's oracle. Each refusal is typed and changes nothing.
mod common;

use common::*;
use cosmwasm_std::testing::{message_info, mock_dependencies, mock_env};
use cosmwasm_std::{from_json, to_json_binary, CosmosMsg, WasmMsg};
use cw_ownable::OwnershipError;
use trellis_pool_factory::contract::instantiate;
use trellis_pool_factory::limits::{MAX_FEE_TIERS, MAX_SWAP_FEE_BPS};
use trellis_pool_factory::ContractError;
use trellis_types::factory::{
    CreationRulesResponse, ExecuteMsg, InstantiateMsg, PoolKind, QueryMsg,
};
use trellis_types::weighted_pool::{InstantiateMsg as PoolInstantiateMsg, OracleConfig};
use trellis_types::AssetInfo;

fn ux() -> AssetInfo {
    AssetInfo::native("ux")
}

fn open_factory() -> Deps {
    let mut msg = instantiate_msg();
    msg.permissionless_creation = true;
    setup_with(msg).unwrap()
}

fn rules(deps: &Deps) -> CreationRulesResponse {
    q(
        deps,
        QueryMsg::CreationRules {
            kind: PoolKind::Weighted,
        },
    )
    .unwrap()
}

fn pool_msg_of(res: &cosmwasm_std::Response) -> PoolInstantiateMsg {
    let CosmosMsg::Wasm(WasmMsg::Instantiate { msg, .. }) = &res.messages[0].msg else {
        panic!("not an instantiate");
    };
    from_json(msg).unwrap()
}

#[test]
fn creation_is_owner_only_when_the_flag_is_left_out() {
    // An instantiate message written before the flag existed, or one that omits it.
    let json = String::from_utf8(to_json_binary(&instantiate_msg()).unwrap().to_vec()).unwrap();
    let without = json.replace(",\"permissionless_creation\":false", "");
    assert_ne!(json, without);
    let msg: InstantiateMsg = from_json(without.as_bytes()).unwrap();
    assert!(!msg.permissionless_creation);
    let mut deps = mock_dependencies();
    instantiate(
        deps.as_mut(),
        mock_env(),
        message_info(&addr("deployer"), &[]),
        msg,
    )
    .unwrap();
    let before = snapshot(&deps);
    let assets = [weighted(&ux(), 50), weighted(&aly(), 50)];
    assert_eq!(
        create(&mut deps, "mallory", assets, 30).unwrap_err(),
        ContractError::Ownership(OwnershipError::NotOwner)
    );
    assert_eq!(snapshot(&deps), before);
    // The defaults: tiers 30 and 100 bps, the factory's oracle (capacity 100, spacing 60 s).
    assert_eq!(
        rules(&deps),
        CreationRulesResponse {
            kind: PoolKind::Weighted,
            permissionless_creation: false,
            fee_tiers_bps: vec![30, 100],
            cl_fee_tiers: vec![],
            oracle: ORACLE,
        }
    );
}

#[test]
fn a_permissionless_creator_is_held_to_the_fee_tiers() {
    let mut deps = open_factory();
    let before = snapshot(&deps);
    let assets = [weighted(&ux(), 50), weighted(&aly(), 50)];
    // The squatter's 10% fee (the pool maximum) is not a tier; nor is 29 bps.
    for fee in [MAX_SWAP_FEE_BPS, 29] {
        assert_eq!(
            create(&mut deps, "mallory", assets.clone(), fee).unwrap_err(),
            ContractError::FeeTierNotAllowed {
                kind: "weighted",
                swap_fee_bps: fee,
                allowed: vec![30, 100],
            }
        );
    }
    assert_eq!(snapshot(&deps), before);
    // 100 bps is a tier: accepted, with the factory's oracle.
    let res = create(&mut deps, "mallory", assets.clone(), 100).unwrap();
    let msg = pool_msg_of(&res);
    assert_eq!((msg.swap_fee_bps, msg.oracle), (100, ORACLE));
}

#[test]
fn a_permissionless_creator_cannot_choose_the_oracle() {
    let mut deps = open_factory();
    let before = snapshot(&deps);
    // The squatter's oracle: one sample of a huge spacing, which serves no TWAP window.
    let squat = OracleConfig {
        capacity: 1,
        min_sample_spacing: u64::MAX,
    };
    let err = exec(
        &mut deps,
        "mallory",
        ExecuteMsg::CreatePool {
            assets: [weighted(&ux(), 50), weighted(&aly(), 50)],
            swap_fee_bps: 30,
            oracle: Some(squat),
        },
    )
    .unwrap_err();
    assert_eq!(err, ContractError::OracleNotConfigurable);
    assert_eq!(snapshot(&deps), before);
    // The owner may still give one.
    let owners = OracleConfig {
        capacity: 48,
        min_sample_spacing: 1_800,
    };
    let res = exec(
        &mut deps,
        "owner",
        ExecuteMsg::CreatePool {
            assets: [weighted(&ux(), 50), weighted(&aly(), 50)],
            swap_fee_bps: 1_000,
            oracle: Some(owners),
        },
    )
    .unwrap();
    let msg = pool_msg_of(&res);
    assert_eq!((msg.swap_fee_bps, msg.oracle), (1_000, owners));
}

#[test]
fn the_owner_sets_the_fee_tiers() {
    let mut deps = open_factory();
    let set = |deps: &mut Deps, sender: &str, tiers: Vec<u16>| {
        exec(
            deps,
            sender,
            ExecuteMsg::SetFeeTiers {
                kind: PoolKind::Weighted,
                fee_tiers_bps: tiers,
            },
        )
    };
    let before = snapshot(&deps);
    assert_eq!(
        set(&mut deps, "mallory", vec![1_000]).unwrap_err(),
        ContractError::Ownership(OwnershipError::NotOwner)
    );
    assert_eq!(
        set(&mut deps, "owner", vec![]).unwrap_err(),
        ContractError::NoFeeTiers
    );
    assert_eq!(
        set(&mut deps, "owner", vec![5; MAX_FEE_TIERS + 1]).unwrap_err(),
        ContractError::TooManyFeeTiers {
            count: 9,
            max: MAX_FEE_TIERS
        }
    );
    assert_eq!(
        set(&mut deps, "owner", vec![100, 30, 100]).unwrap_err(),
        ContractError::DuplicateFeeTier { fee_bps: 100 }
    );
    assert_eq!(
        set(&mut deps, "owner", vec![30, 1_001]).unwrap_err(),
        ContractError::SwapFeeTooHigh {
            swap_fee_bps: 1_001,
            max: 1_000
        }
    );
    assert_eq!(snapshot(&deps), before);

    let res = set(&mut deps, "owner", vec![100, 5]).unwrap();
    let attr = |key: &str| {
        res.attributes
            .iter()
            .find(|a| a.key == key)
            .unwrap()
            .value
            .clone()
    };
    assert_eq!(attr("old_fee_tiers_bps"), "30,100");
    assert_eq!(attr("fee_tiers_bps"), "5,100");
    assert_eq!(rules(&deps).fee_tiers_bps, vec![5, 100]);
    // 30 bps is no longer a tier.
    assert!(matches!(
        create(
            &mut deps,
            "mallory",
            [weighted(&ux(), 50), weighted(&aly(), 50)],
            30
        ),
        Err(ContractError::FeeTierNotAllowed {
            swap_fee_bps: 30,
            ..
        })
    ));
    assert!(create(
        &mut deps,
        "mallory",
        [weighted(&ux(), 50), weighted(&aly(), 50)],
        5
    )
    .is_ok());
}

#[test]
fn opening_and_closing_creation_is_an_owner_event() {
    let mut deps = setup();
    let toggle = |open: bool| ExecuteMsg::UpdateConfig {
        pool_code_id: None,
        lp_token_code_id: None,
        fee_collector: None,
        protocol_fee_share_bps: None,
        default_oracle: None,
        permissionless_creation: Some(open),
        cl_pool_code_id: None,
    };
    let res = exec(&mut deps, "owner", toggle(true)).unwrap();
    let attrs: Vec<(String, String)> = res
        .attributes
        .iter()
        .map(|a| (a.key.clone(), a.value.clone()))
        .collect();
    assert!(attrs.contains(&("old_permissionless_creation".into(), "false".into())));
    assert!(attrs.contains(&("permissionless_creation".into(), "true".into())));
    assert!(rules(&deps).permissionless_creation);
    exec(&mut deps, "owner", toggle(false)).unwrap();
    assert!(!rules(&deps).permissionless_creation);
}
