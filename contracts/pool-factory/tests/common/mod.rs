//! A factory on mock dependencies: the pool is never run, its instantiation reply is forged
//! in the chain's own encoding and its `PoolInfo` answered by a mock querier. The integration
//! tests in `packages/testing/tests/amm_factory.rs` run the real pool.
#![allow(dead_code)]
use cosmwasm_std::testing::{
    message_info, mock_dependencies, mock_env, MockApi, MockQuerier, MockStorage,
};
use cosmwasm_std::{
    from_json, to_json_binary, Addr, Binary, ContractResult, Decimal, Empty, MsgResponse,
    OwnedDeps, Reply, Response, SubMsgResponse, SubMsgResult, SystemResult, Uint128, WasmQuery,
};
use trellis_pool_factory::contract::{execute, instantiate, query, reply};
use trellis_pool_factory::ContractError;
use trellis_types::cl_pool::FeeTier;
use trellis_types::factory::{ExecuteMsg, InstantiateMsg, QueryMsg};
use trellis_types::weighted_pool::{
    OracleConfig, PoolAsset, PoolInfoResponse, QueryMsg as PoolQueryMsg, WeightedAssetInfo,
};
use trellis_types::AssetInfo;

pub type Deps = OwnedDeps<MockStorage, MockApi, MockQuerier, Empty>;

pub const ORACLE: OracleConfig = OracleConfig {
    capacity: 100,
    min_sample_spacing: 60,
};

pub fn addr(name: &str) -> Addr {
    MockApi::default().addr_make(name)
}

pub fn aly() -> AssetInfo {
    AssetInfo::native("ualy")
}

pub fn weighted(info: &AssetInfo, percent: u64) -> WeightedAssetInfo {
    WeightedAssetInfo {
        info: info.clone(),
        weight: Decimal::percent(percent),
        decimals: 6,
    }
}

pub fn instantiate_msg() -> InstantiateMsg {
    InstantiateMsg {
        owner: addr("owner").to_string(),
        pool_code_id: 7,
        lp_token_code_id: 3,
        protocol_token: aly(),
        fee_collector: Some(addr("collector").to_string()),
        protocol_fee_share_bps: 2_000,
        default_oracle: ORACLE,
        permissionless_creation: false,
        cl_pool_code_id: Some(CL_POOL_CODE_ID),
    }
}

/// The code id `instantiate_msg` gives concentrated pools.
pub const CL_POOL_CODE_ID: u64 = 9;

/// v3's 0.3% tier.
pub const TIER_3000: FeeTier = FeeTier {
    fee_pips: 3_000,
    tick_spacing: 60,
};

/// `CreateClPool` with no initial price and the factory's oracle.
pub fn create_cl(
    deps: &mut Deps,
    sender: &str,
    assets: [AssetInfo; 2],
    fee_tier: FeeTier,
) -> Result<Response, ContractError> {
    exec(
        deps,
        sender,
        ExecuteMsg::CreateClPool {
            assets,
            fee_tier,
            sqrt_price: None,
            oracle: None,
        },
    )
}

/// `CreateClPool` by the owner, then its reply: the pool is registered at `pool_name`. A
/// concentrated pool is not queried by the reply (it has no LP token).
pub fn create_cl_and_register(
    deps: &mut Deps,
    assets: [AssetInfo; 2],
    fee_tier: FeeTier,
    pool_name: &str,
) -> Result<Addr, ContractError> {
    create_cl(deps, "owner", assets, fee_tier)?;
    let pool = addr(pool_name);
    reply_instantiated(deps, &pool, ReplyFormat::MsgResponses)?;
    Ok(pool)
}

pub fn setup_with(msg: InstantiateMsg) -> Result<Deps, ContractError> {
    let mut deps = mock_dependencies();
    instantiate(
        deps.as_mut(),
        mock_env(),
        message_info(&addr("deployer"), &[]),
        msg,
    )?;
    Ok(deps)
}

pub fn setup() -> Deps {
    setup_with(instantiate_msg()).unwrap()
}

pub fn exec(deps: &mut Deps, sender: &str, msg: ExecuteMsg) -> Result<Response, ContractError> {
    execute(
        deps.as_mut(),
        mock_env(),
        message_info(&addr(sender), &[]),
        msg,
    )
}

pub fn create(
    deps: &mut Deps,
    sender: &str,
    assets: [WeightedAssetInfo; 2],
    swap_fee_bps: u16,
) -> Result<Response, ContractError> {
    exec(
        deps,
        sender,
        ExecuteMsg::CreatePool {
            assets,
            swap_fee_bps,
            oracle: None,
        },
    )
}

pub fn q<T: serde::de::DeserializeOwned>(deps: &Deps, msg: QueryMsg) -> Result<T, ContractError> {
    query(deps.as_ref(), mock_env(), msg).map(|bin| from_json(bin).unwrap())
}

/// `MsgInstantiateContractResponse { contract_address }` in protobuf: field 1, wire type 2
/// (tag 0x0a), a one-byte length (addresses here are shorter than 128 bytes), the bytes.
pub fn instantiate_response(address: &str) -> Binary {
    let mut bytes = vec![0x0a, address.len() as u8];
    bytes.extend_from_slice(address.as_bytes());
    Binary::new(bytes)
}

/// How the chain reports the instantiation: CosmWasm 2 (`msg_responses`) or older (`data`).
#[derive(Clone, Copy)]
pub enum ReplyFormat {
    MsgResponses,
    LegacyData,
}

/// Answers `PoolInfo` of every pool with the LP token `lp_of(pool)`.
pub fn answer_pool_info(deps: &mut Deps) {
    deps.querier.update_wasm(|query| match query {
        WasmQuery::Smart { contract_addr, msg } => {
            let PoolQueryMsg::PoolInfo {} = from_json(msg).unwrap() else {
                panic!("unexpected pool query");
            };
            let asset = |info: AssetInfo| PoolAsset {
                info,
                weight: Decimal::percent(50),
                balance: Uint128::zero(),
                protocol_fees_owed: Uint128::zero(),
            };
            let info = PoolInfoResponse {
                assets: [asset(AssetInfo::native("x")), asset(AssetInfo::native("y"))],
                lp_token: lp_of(contract_addr).to_string(),
                lp_supply: Uint128::zero(),
                swap_fee_bps: 30,
                protocol_fee_share_bps: 0,
                fee_collector: None,
                oracle: ORACLE,
            };
            SystemResult::Ok(ContractResult::Ok(to_json_binary(&info).unwrap()))
        }
        _ => panic!("unexpected wasm query"),
    });
}

/// The LP token the mock reports for `pool`.
pub fn lp_of(pool: &str) -> Addr {
    MockApi::default().addr_make(&format!("lp-of-{pool}"))
}

/// Forges the reply to the pending pool instantiation, as the chain would send it.
pub fn reply_instantiated(
    deps: &mut Deps,
    pool: &Addr,
    format: ReplyFormat,
) -> Result<Response, ContractError> {
    let encoded = instantiate_response(pool.as_str());
    #[allow(deprecated)]
    let response = match format {
        ReplyFormat::MsgResponses => SubMsgResponse {
            events: vec![],
            data: None,
            msg_responses: vec![MsgResponse {
                type_url: "/cosmwasm.wasm.v1.MsgInstantiateContractResponse".to_string(),
                value: encoded,
            }],
        },
        ReplyFormat::LegacyData => SubMsgResponse {
            events: vec![],
            data: Some(encoded),
            msg_responses: vec![],
        },
    };
    reply(
        deps.as_mut(),
        mock_env(),
        Reply {
            id: 1,
            payload: Binary::default(),
            gas_used: 0,
            result: SubMsgResult::Ok(response),
        },
    )
}

/// `CreatePool` by the owner, then its reply: the pool is registered at `pool_name`.
pub fn create_and_register(
    deps: &mut Deps,
    assets: [WeightedAssetInfo; 2],
    pool_name: &str,
) -> Result<Addr, ContractError> {
    create(deps, "owner", assets, 30)?;
    let pool = addr(pool_name);
    answer_pool_info(deps);
    reply_instantiated(deps, &pool, ReplyFormat::MsgResponses)?;
    Ok(pool)
}

pub type Snapshot = Vec<(Vec<u8>, Vec<u8>)>;

/// Every key and value in the factory's storage.
pub fn snapshot(deps: &Deps) -> Snapshot {
    use cosmwasm_std::{Order, Storage};
    deps.storage.range(None, None, Order::Ascending).collect()
}
