//! The reply to the LP token's instantiation, in the shapes chains send it: CosmWasm 2 chains
//! (and cw-multi-test) put the `MsgInstantiateContractResponse` in `msg_responses`, older
//! ones only in the deprecated `data`.
use cosmwasm_std::testing::{message_info, mock_dependencies, mock_env, MockApi, MockQuerier};
use cosmwasm_std::{
    from_json, Binary, Decimal, MemoryStorage, MsgResponse, OwnedDeps, Reply, SubMsgResponse,
    SubMsgResult,
};
use trellis_types::weighted_pool::{
    InstantiateMsg, OracleConfig, PoolInfoResponse, QueryMsg, WeightedAssetInfo,
};
use trellis_types::AssetInfo;
use trellis_weighted_pool::contract::{instantiate, query, reply};
use trellis_weighted_pool::execute::reply::INSTANTIATE_LP_TOKEN_REPLY_ID;
use trellis_weighted_pool::ContractError;

type Deps = OwnedDeps<MemoryStorage, MockApi, MockQuerier>;

fn instantiated() -> Deps {
    let mut deps = mock_dependencies();
    let owner = deps.api.addr_make("owner");
    let side = |denom: &str| WeightedAssetInfo {
        info: AssetInfo::native(denom),
        weight: Decimal::percent(50),
        decimals: 6,
    };
    let res = instantiate(
        deps.as_mut(),
        mock_env(),
        message_info(&owner, &[]),
        InstantiateMsg {
            assets: [side("uaaa"), side("ubbb")],
            swap_fee_bps: 30,
            protocol_fee_share_bps: 0,
            fee_collector: None,
            owner: owner.to_string(),
            lp_token_code_id: 7,
            lp_token_name: None,
            lp_token_symbol: None,
            oracle: OracleConfig {
                capacity: 10,
                min_sample_spacing: 60,
            },
        },
    )
    .unwrap();
    // One submessage: the LP token, replied to on success.
    assert_eq!(res.messages.len(), 1);
    assert_eq!(res.messages[0].id, INSTANTIATE_LP_TOKEN_REPLY_ID);
    deps
}

/// `MsgInstantiateContractResponse { address }` in protobuf: field 1, wire type 2 (0x0a),
/// then the length (one byte below 128) and the UTF-8 address.
fn encoded_response(address: &str) -> Binary {
    let mut bytes = vec![0x0a, address.len() as u8];
    bytes.extend_from_slice(address.as_bytes());
    Binary::new(bytes)
}

#[allow(deprecated)]
fn reply_with(data: Option<Binary>, msg_responses: Vec<MsgResponse>) -> Reply {
    Reply {
        id: INSTANTIATE_LP_TOKEN_REPLY_ID,
        payload: Binary::default(),
        gas_used: 0,
        result: SubMsgResult::Ok(SubMsgResponse {
            events: vec![],
            data,
            msg_responses,
        }),
    }
}

fn lp_token(deps: &Deps) -> String {
    let info: PoolInfoResponse =
        from_json(query(deps.as_ref(), mock_env(), QueryMsg::PoolInfo {}).unwrap()).unwrap();
    info.lp_token
}

#[test]
fn address_from_msg_responses() {
    let mut deps = instantiated();
    let token = deps.api.addr_make("lp-token").to_string();
    let msg = reply_with(
        None,
        vec![MsgResponse {
            type_url: "/cosmwasm.wasm.v1.MsgInstantiateContractResponse".into(),
            value: encoded_response(&token),
        }],
    );
    reply(deps.as_mut(), mock_env(), msg).unwrap();
    assert_eq!(lp_token(&deps), token);
}

#[test]
fn address_from_legacy_data() {
    let mut deps = instantiated();
    let token = deps.api.addr_make("lp-token").to_string();
    reply(
        deps.as_mut(),
        mock_env(),
        reply_with(Some(encoded_response(&token)), vec![]),
    )
    .unwrap();
    assert_eq!(lp_token(&deps), token);
}

#[test]
fn replies_it_does_not_expect() {
    let mut deps = instantiated();
    let mut msg = reply_with(None, vec![]);
    assert_eq!(
        reply(deps.as_mut(), mock_env(), msg.clone()).unwrap_err(),
        ContractError::MissingLpTokenAddress
    );
    msg.id = 99;
    assert_eq!(
        reply(deps.as_mut(), mock_env(), msg).unwrap_err(),
        ContractError::UnknownReplyId { id: 99 }
    );
}
