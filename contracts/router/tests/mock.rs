//! The router's entry points on mock dependencies: what multi-test cannot provoke (a route
//! already in flight, forged replies in both chain encodings) and migration. The routes
//! themselves run against real pools in `packages/testing/tests/amm_router.rs`.
use cosmwasm_std::testing::{
    message_info, mock_dependencies, mock_env, MockApi, MockQuerier, MockStorage,
};
use cosmwasm_std::{
    coins, from_json, to_json_binary, Addr, Binary, ContractResult, Empty, MsgResponse, Order,
    OwnedDeps, Reply, Response, Storage, SubMsgResponse, SubMsgResult, SystemResult, Uint128,
    WasmQuery,
};
use cw20::Cw20ReceiveMsg;
use cw_utils::PaymentError;
use trellis_router::contract::{
    execute, instantiate, migrate, query, reply, CONTRACT_NAME, CONTRACT_VERSION,
};
use trellis_router::state::{RouteHop, RouteInFlight, ROUTE_IN_FLIGHT};
use trellis_router::ContractError;
use trellis_types::factory::{
    ConfigResponse as FactoryConfig, PoolKind, QueryMsg as FactoryQueryMsg,
};
use trellis_types::migrate::MigrationRefused;
use trellis_types::router::{ConfigResponse, ExecuteMsg, InstantiateMsg, MigrateMsg, QueryMsg};
use trellis_types::weighted_pool::{OracleConfig, SwapResponse};
use trellis_types::AssetInfo;

type Deps = OwnedDeps<MockStorage, MockApi, MockQuerier, Empty>;

fn addr(name: &str) -> Addr {
    MockApi::default().addr_make(name)
}

fn aly() -> AssetInfo {
    AssetInfo::cw20(addr("aly").to_string())
}

/// A router whose factory (the mock querier) reports ALY as the protocol token.
fn setup() -> Deps {
    let mut deps = mock_dependencies();
    deps.querier.update_wasm(|query| {
        let WasmQuery::Smart { msg, .. } = query else {
            panic!("unexpected query");
        };
        let FactoryQueryMsg::Config {} = from_json(msg).unwrap() else {
            panic!("unexpected factory query");
        };
        let config = FactoryConfig {
            pool_code_id: 1,
            lp_token_code_id: 2,
            protocol_token: aly(),
            fee_collector: None,
            protocol_fee_share_bps: 0,
            default_oracle: OracleConfig {
                capacity: 10,
                min_sample_spacing: 60,
            },
            permissionless: true,
            pool_count: 0,
            cl_pool_code_id: None,
        };
        SystemResult::Ok(ContractResult::Ok(to_json_binary(&config).unwrap()))
    });
    let msg = InstantiateMsg {
        factory: addr("factory").to_string(),
    };
    instantiate(
        deps.as_mut(),
        mock_env(),
        message_info(&addr("deployer"), &[]),
        msg,
    )
    .unwrap();
    deps
}

fn snapshot(deps: &Deps) -> Vec<(Vec<u8>, Vec<u8>)> {
    deps.storage.range(None, None, Order::Ascending).collect()
}

/// A one-hop route of native X into Y through `pool`, paying Bob at least `min_out`.
fn in_flight(min_out: u128) -> RouteInFlight {
    RouteInFlight {
        hops: vec![RouteHop {
            pool: addr("pool"),
            kind: PoolKind::Weighted,
            offer: AssetInfo::native("ux"),
            ask: AssetInfo::native("uy"),
        }],
        amount_in: Uint128::new(1_000),
        amounts_out: vec![],
        recipient: addr("bob"),
        min_out: Uint128::new(min_out),
        deadline: None,
        ask_balance_before: None,
        offer_balance_before: None,
    }
}

/// Protobuf `MsgExecuteContractResponse { data }`: field 1, wire type 2 (tag 0x0a), the length
/// as a varint, the bytes.
fn execute_response(data: &[u8]) -> Binary {
    let mut out = vec![0x0a];
    let mut len = data.len();
    while len >= 0x80 {
        out.push((len as u8 & 0x7f) | 0x80);
        len >>= 7;
    }
    out.push(len as u8);
    out.extend_from_slice(data);
    Binary::new(out)
}

fn swap_data(amount_out: u128) -> Vec<u8> {
    to_json_binary(&SwapResponse {
        offer: AssetInfo::native("ux"),
        ask: AssetInfo::native("uy"),
        amount_in: Uint128::new(1_000),
        amount_out: Uint128::new(amount_out),
        fee: Uint128::new(3),
        protocol_fee: Uint128::zero(),
    })
    .unwrap()
    .to_vec()
}

#[allow(deprecated)]
fn hop_reply(id: u64, msg_responses: Vec<MsgResponse>, data: Option<Binary>) -> Reply {
    Reply {
        id,
        payload: Binary::default(),
        gas_used: 0,
        result: SubMsgResult::Ok(SubMsgResponse {
            events: vec![],
            data,
            msg_responses,
        }),
    }
}

fn attr(res: &Response, key: &str) -> Option<String> {
    res.attributes
        .iter()
        .find(|a| a.key == key)
        .map(|a| a.value.clone())
}

#[test]
fn instantiate_learns_the_protocol_token() {
    let deps = setup();
    let config: ConfigResponse =
        from_json(query(deps.as_ref(), mock_env(), QueryMsg::Config {}).unwrap()).unwrap();
    assert_eq!(
        config,
        ConfigResponse {
            factory: addr("factory").to_string(),
            protocol_token: aly(),
        }
    );
    let version = cw2::get_contract_version(&deps.storage).unwrap();
    assert_eq!(
        (version.contract.as_str(), version.version.as_str()),
        (CONTRACT_NAME, CONTRACT_VERSION)
    );
}

#[test]
fn instantiate_refuses_a_bad_factory_and_funds() {
    let mut deps = mock_dependencies();
    let msg = InstantiateMsg {
        factory: "factory".to_string(),
    };
    let err = instantiate(
        deps.as_mut(),
        mock_env(),
        message_info(&addr("d"), &[]),
        msg,
    );
    assert!(matches!(
        err.unwrap_err(),
        ContractError::InvalidAddress { field: "factory", address, .. } if address == "factory"
    ));
    let msg = InstantiateMsg {
        factory: addr("factory").to_string(),
    };
    let err = instantiate(
        deps.as_mut(),
        mock_env(),
        message_info(&addr("d"), &coins(1, "ux")),
        msg,
    );
    assert_eq!(
        err.unwrap_err(),
        ContractError::Payment(PaymentError::NonPayable {})
    );
}

#[test]
fn a_route_in_flight_blocks_another() {
    let mut deps = setup();
    ROUTE_IN_FLIGHT
        .save(&mut deps.storage, &in_flight(1))
        .unwrap();
    let before = snapshot(&deps);
    let msg = ExecuteMsg::ExecuteRoute {
        route: vec![],
        min_out: Uint128::one(),
        recipient: None,
        deadline: None,
    };
    let err = execute(
        deps.as_mut(),
        mock_env(),
        message_info(&addr("alice"), &coins(10, "ux")),
        msg,
    );
    assert_eq!(err.unwrap_err(), ContractError::RouteInProgress);
    assert_eq!(snapshot(&deps), before);
}

#[test]
fn the_cw20_hook_takes_no_native_funds() {
    let mut deps = setup();
    let hook = Cw20ReceiveMsg {
        sender: addr("alice").to_string(),
        amount: Uint128::new(10),
        msg: Binary::default(),
    };
    let err = execute(
        deps.as_mut(),
        mock_env(),
        message_info(&addr("aly"), &coins(1, "ux")),
        ExecuteMsg::Receive(hook),
    );
    assert_eq!(
        err.unwrap_err(),
        ContractError::Payment(PaymentError::NonPayable {})
    );
}

#[test]
fn stray_replies_are_typed_errors() {
    let mut deps = setup();
    assert_eq!(
        reply(deps.as_mut(), mock_env(), hop_reply(7, vec![], None)).unwrap_err(),
        ContractError::UnknownReplyId { id: 7 }
    );
    assert_eq!(
        reply(deps.as_mut(), mock_env(), hop_reply(1, vec![], None)).unwrap_err(),
        ContractError::NoRouteInFlight
    );
    // A native hop whose pool sent no SwapResponse.
    ROUTE_IN_FLIGHT
        .save(&mut deps.storage, &in_flight(1))
        .unwrap();
    assert_eq!(
        reply(deps.as_mut(), mock_env(), hop_reply(1, vec![], None)).unwrap_err(),
        ContractError::MissingSwapResponse {
            hop: 0,
            pool: addr("pool").to_string()
        }
    );
}

#[test]
fn the_swap_response_is_read_in_both_chain_encodings() {
    let type_url = "/cosmwasm.wasm.v1.MsgExecuteContractResponse".to_string();
    let cases = [
        // CosmWasm 2 chains: msg_responses.
        hop_reply(
            1,
            vec![MsgResponse {
                type_url: type_url.clone(),
                value: execute_response(&swap_data(906)),
            }],
            None,
        ),
        // Older chains: the deprecated data field.
        hop_reply(1, vec![], Some(execute_response(&swap_data(906)))),
    ];
    for forged in cases {
        let mut deps = setup();
        ROUTE_IN_FLIGHT
            .save(&mut deps.storage, &in_flight(906))
            .unwrap();
        let res = reply(deps.as_mut(), mock_env(), forged.clone()).unwrap();
        assert_eq!(attr(&res, "route_amount_out").as_deref(), Some("906"));
        assert_eq!(attr(&res, "recipient"), Some(addr("bob").to_string()));
        // The route is over.
        assert!(!ROUTE_IN_FLIGHT.exists(&deps.storage));

        // The same reply against min_out 907 fails the route.
        ROUTE_IN_FLIGHT
            .save(&mut deps.storage, &in_flight(907))
            .unwrap();
        assert_eq!(
            reply(deps.as_mut(), mock_env(), forged).unwrap_err(),
            ContractError::SlippageExceeded {
                minimum: Uint128::new(907),
                actual: Uint128::new(906),
            }
        );
    }
}

#[test]
fn migrate_refuses_downgrades_and_other_contracts() {
    let mut deps = setup();
    assert!(migrate(deps.as_mut(), mock_env(), MigrateMsg { owner: None }).is_ok());
    cw2::set_contract_version(&mut deps.storage, CONTRACT_NAME, "99.0.0").unwrap();
    let before = snapshot(&deps);
    assert_eq!(
        migrate(deps.as_mut(), mock_env(), MigrateMsg { owner: None }).unwrap_err(),
        ContractError::InvalidMigration(MigrationRefused {
            from_name: CONTRACT_NAME.to_string(),
            from_version: "99.0.0".to_string(),
            to_name: CONTRACT_NAME.to_string(),
            to_version: CONTRACT_VERSION.to_string(),
        })
    );
    assert_eq!(snapshot(&deps), before);
    cw2::set_contract_version(&mut deps.storage, "crates.io:other", "0.1.0").unwrap();
    assert!(matches!(
        migrate(deps.as_mut(), mock_env(), MigrateMsg { owner: None }).unwrap_err(),
        ContractError::InvalidMigration(MigrationRefused { from_name, .. }) if from_name == "crates.io:other"
    ));
    cw2::set_contract_version(&mut deps.storage, CONTRACT_NAME, "0.0.1").unwrap();
    migrate(deps.as_mut(), mock_env(), MigrateMsg { owner: None }).unwrap();
    assert_eq!(
        cw2::get_contract_version(&deps.storage).unwrap().version,
        CONTRACT_VERSION
    );
}
