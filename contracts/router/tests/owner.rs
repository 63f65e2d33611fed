//! The router's owner (the instantiating account, two-step transfer) and its one power,
//! `Sweep` of assets sent to the router by mistake; ownership given to routers migrated from
//! a build without it; instantiation takes no funds. Refusals change nothing.
use cosmwasm_std::testing::{
    message_info, mock_dependencies, mock_env, MockApi, MockQuerier, MockStorage,
};
use cosmwasm_std::{
    coins, from_json, to_json_binary, Addr, BankMsg, ContractResult, CosmosMsg, Empty, Order,
    OwnedDeps, Storage, SystemResult, WasmQuery,
};
use cw_ownable::{Action, Ownership, OwnershipError};
use cw_utils::PaymentError;
use trellis_router::contract::{execute, instantiate, migrate, query, CONTRACT_NAME};
use trellis_router::state::{RouteInFlight, ROUTE_IN_FLIGHT};
use trellis_router::ContractError;
use trellis_types::factory::{ConfigResponse as FactoryConfig, QueryMsg as FactoryQueryMsg};
use trellis_types::router::{ExecuteMsg, InstantiateMsg, MigrateMsg, QueryMsg};
use trellis_types::weighted_pool::OracleConfig;
use trellis_types::AssetInfo;

type Deps = OwnedDeps<MockStorage, MockApi, MockQuerier, Empty>;

fn addr(name: &str) -> Addr {
    MockApi::default().addr_make(name)
}

fn answer_factory(deps: &mut Deps) {
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
            protocol_token: AssetInfo::native("ualy"),
            fee_collector: None,
            protocol_fee_share_bps: 0,
            default_oracle: OracleConfig {
                capacity: 10,
                min_sample_spacing: 60,
            },
            permissionless: false,
            pool_count: 0,
            cl_pool_code_id: None,
        };
        SystemResult::Ok(ContractResult::Ok(to_json_binary(&config).unwrap()))
    });
}

fn init_msg() -> InstantiateMsg {
    InstantiateMsg {
        factory: addr("factory").to_string(),
    }
}

/// A router instantiated by "deployer", holding 777 `ustray` sent by mistake.
fn setup() -> Deps {
    let mut deps = mock_dependencies();
    answer_factory(&mut deps);
    instantiate(
        deps.as_mut(),
        mock_env(),
        message_info(&addr("deployer"), &[]),
        init_msg(),
    )
    .unwrap();
    let router = mock_env().contract.address;
    deps.querier
        .bank
        .update_balance(router, coins(777, "ustray"));
    deps
}

fn snapshot(deps: &Deps) -> Vec<(Vec<u8>, Vec<u8>)> {
    deps.storage.range(None, None, Order::Ascending).collect()
}

fn exec(
    deps: &mut Deps,
    sender: &str,
    msg: ExecuteMsg,
) -> Result<cosmwasm_std::Response, ContractError> {
    execute(
        deps.as_mut(),
        mock_env(),
        message_info(&addr(sender), &[]),
        msg,
    )
}

fn sweep_msg(denom: &str) -> ExecuteMsg {
    ExecuteMsg::Sweep {
        asset: AssetInfo::native(denom),
        recipient: addr("rescue").to_string(),
    }
}

fn owner_of(deps: &Deps) -> Option<Addr> {
    let ownership: Ownership<Addr> =
        from_json(query(deps.as_ref(), mock_env(), QueryMsg::Ownership {}).unwrap()).unwrap();
    ownership.owner
}

#[test]
fn the_deployer_owns_the_router_and_sweeps_strays() {
    let mut deps = setup();
    assert_eq!(owner_of(&deps), Some(addr("deployer")));
    let before = snapshot(&deps);
    assert_eq!(
        exec(&mut deps, "mallory", sweep_msg("ustray")).unwrap_err(),
        ContractError::Ownership(OwnershipError::NotOwner)
    );
    assert_eq!(
        exec(&mut deps, "deployer", sweep_msg("uother")).unwrap_err(),
        ContractError::NothingToSweep {
            asset: "native:uother".to_string()
        }
    );
    assert_eq!(snapshot(&deps), before);
    // All 777 go to the recipient.
    let res = exec(&mut deps, "deployer", sweep_msg("ustray")).unwrap();
    assert_eq!(
        res.messages[0].msg,
        CosmosMsg::Bank(BankMsg::Send {
            to_address: addr("rescue").to_string(),
            amount: coins(777, "ustray"),
        })
    );
    assert_eq!(snapshot(&deps), before);
}

#[test]
fn nothing_is_swept_while_a_route_is_in_flight() {
    let mut deps = setup();
    let flight = RouteInFlight {
        hops: vec![],
        amount_in: 1u128.into(),
        amounts_out: vec![],
        recipient: addr("bob"),
        min_out: 1u128.into(),
        deadline: None,
        ask_balance_before: None,
        offer_balance_before: None,
    };
    ROUTE_IN_FLIGHT.save(&mut deps.storage, &flight).unwrap();
    let before = snapshot(&deps);
    assert_eq!(
        exec(&mut deps, "deployer", sweep_msg("ustray")).unwrap_err(),
        ContractError::RouteInProgress
    );
    assert_eq!(snapshot(&deps), before);
}

#[test]
fn ownership_moves_in_two_steps() {
    let mut deps = setup();
    exec(
        &mut deps,
        "deployer",
        ExecuteMsg::UpdateOwnership(Action::TransferOwnership {
            new_owner: addr("dao").to_string(),
            expiry: None,
        }),
    )
    .unwrap();
    assert_eq!(owner_of(&deps), Some(addr("deployer")));
    exec(
        &mut deps,
        "dao",
        ExecuteMsg::UpdateOwnership(Action::AcceptOwnership),
    )
    .unwrap();
    assert_eq!(owner_of(&deps), Some(addr("dao")));
    assert_eq!(
        exec(&mut deps, "deployer", sweep_msg("ustray")).unwrap_err(),
        ContractError::Ownership(OwnershipError::NotOwner)
    );
    assert!(exec(&mut deps, "dao", sweep_msg("ustray")).is_ok());
}

#[test]
fn a_router_without_an_owner_gets_one_by_migration() {
    let mut deps = setup();
    // What an earlier build stored: no ownership item.
    deps.storage.remove(b"ownership");
    cw2::set_contract_version(&mut deps.storage, CONTRACT_NAME, "0.0.1").unwrap();
    let before = snapshot(&deps);
    assert_eq!(
        migrate(deps.as_mut(), mock_env(), MigrateMsg { owner: None }).unwrap_err(),
        ContractError::MigrationNeedsOwner
    );
    assert_eq!(snapshot(&deps), before);
    let dao = addr("dao").to_string();
    migrate(
        deps.as_mut(),
        mock_env(),
        MigrateMsg {
            owner: Some(dao.clone()),
        },
    )
    .unwrap();
    assert_eq!(owner_of(&deps), Some(addr("dao")));
    // Ownership is never replaced by a migration.
    let before = snapshot(&deps);
    assert_eq!(
        migrate(
            deps.as_mut(),
            mock_env(),
            MigrateMsg {
                owner: Some(addr("mallory").to_string()),
            },
        )
        .unwrap_err(),
        ContractError::OwnerAlreadySet { owner: dao }
    );
    assert_eq!(snapshot(&deps), before);
}

#[test]
fn instantiate_refuses_funds() {
    let mut deps = mock_dependencies();
    answer_factory(&mut deps);
    let err = instantiate(
        deps.as_mut(),
        mock_env(),
        message_info(&addr("deployer"), &coins(1, "ualy")),
        init_msg(),
    )
    .unwrap_err();
    assert_eq!(err, ContractError::Payment(PaymentError::NonPayable {}));
}
