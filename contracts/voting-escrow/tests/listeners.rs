//! Listeners are told about every lock change, and a failing one never blocks the user.
mod common;
use common::*;
use cosmwasm_std::{
    coin, coins, to_json_binary, Binary, CosmosMsg, Deps, DepsMut, Empty, Env, MessageInfo, Reply,
    ReplyOn, Response, StdError, StdResult, SubMsgResult, Timestamp, WasmMsg,
};
use cw_multi_test::{App, AppBuilder, ContractWrapper, Executor};
use cw_storage_plus::Item;
use trellis_types::voting_escrow::*;
use trellis_types::AssetInfo;
use trellis_voting_escrow::contract::{self, reply};
use trellis_voting_escrow::limits::LISTENER_GAS_LIMIT;
use trellis_voting_escrow::listeners::LISTENER_REPLY_ID;
use trellis_voting_escrow::ContractError;

const WEEK: u64 = 604_800;

#[test]
fn each_lock_change_notifies_each_listener_with_a_guarded_submessage() {
    let mut ve = Ve::new();
    let owner = ve.owner.clone();
    let (l1, l2, alice) = (addr("l1"), addr("l2"), addr("alice"));
    for l in [&l1, &l2] {
        ve.exec(
            &owner,
            &[],
            ExecuteMsg::AddListener {
                address: l.to_string(),
            },
        )
        .unwrap();
    }
    let res = ve
        .create(&alice, 1_000_000_000_000, T0 + 10 * WEEK)
        .unwrap();
    assert_eq!(res.messages.len(), 2);
    for (sub, l) in res.messages.iter().zip([&l1, &l2]) {
        assert_eq!(sub.id, LISTENER_REPLY_ID);
        assert_eq!(sub.reply_on, ReplyOn::Error);
        assert_eq!(sub.gas_limit, Some(LISTENER_GAS_LIMIT));
        assert_eq!(sub.payload, Binary::from(l.as_bytes()));
        assert_eq!(
            sub.msg,
            CosmosMsg::Wasm(WasmMsg::Execute {
                contract_addr: l.to_string(),
                msg: to_json_binary(&ListenerMsg::LockChanged {
                    user: alice.to_string()
                })
                .unwrap(),
                funds: vec![],
            })
        );
    }
    // Withdrawing notifies too (after the transfer).
    ve.at(T0 + 10 * WEEK);
    let res = ve.withdraw(&alice).unwrap();
    assert_eq!(res.messages.len(), 3);
}

#[test]
fn a_failed_notification_is_recorded_and_swallowed() {
    let mut ve = Ve::new();
    let env = ve.env.clone();
    #[allow(deprecated)]
    let failed = Reply {
        id: LISTENER_REPLY_ID,
        payload: Binary::from(b"listener-x".as_slice()),
        gas_used: 0,
        result: SubMsgResult::Err("out of gas".into()),
    };
    let res = reply(ve.deps.as_mut(), env.clone(), failed).unwrap();
    assert_eq!(res.events.len(), 1);
    assert_eq!(res.events[0].ty, "trellis_ve_listener_failed");
    assert_eq!(res.events[0].attributes[0].value, "listener-x");
    assert_eq!(res.events[0].attributes[1].value, "out of gas");
    #[allow(deprecated)]
    let unknown = Reply {
        id: 99,
        payload: Binary::default(),
        gas_used: 0,
        result: SubMsgResult::Err("x".into()),
    };
    assert_eq!(
        reply(ve.deps.as_mut(), env, unknown).unwrap_err(),
        ContractError::UnknownReply { id: 99 }
    );
}

// --- A chain with a listener that always fails and one that records the last user. ---

const LAST_USER: Item<String> = Item::new("last_user");

fn fail_execute(_: DepsMut, _: Env, _: MessageInfo, _: ListenerMsg) -> StdResult<Response> {
    Err(StdError::generic_err("this listener always fails"))
}

fn record_execute(deps: DepsMut, _: Env, _: MessageInfo, msg: ListenerMsg) -> StdResult<Response> {
    let ListenerMsg::LockChanged { user } = msg;
    LAST_USER.save(deps.storage, &user)?;
    Ok(Response::new())
}

fn noop_instantiate(_: DepsMut, _: Env, _: MessageInfo, _: Empty) -> StdResult<Response> {
    Ok(Response::new())
}

fn last_user_query(deps: Deps, _: Env, _: Empty) -> StdResult<Binary> {
    to_json_binary(&LAST_USER.may_load(deps.storage)?)
}

#[test]
fn a_failing_listener_never_blocks_the_user() {
    let alice_name = "alice";
    let mut app: App = AppBuilder::new().build(|router, api, storage| {
        let alice = api.addr_make(alice_name);
        router
            .bank
            .init_balance(storage, &alice, coins(10_000_000_000, LP))
            .unwrap();
    });
    app.update_block(|b| b.time = Timestamp::from_seconds(T0));
    let alice = app.api().addr_make(alice_name);
    let owner = app.api().addr_make("owner");

    let ve_code = app.store_code(Box::new(
        ContractWrapper::new(contract::execute, contract::instantiate, contract::query)
            .with_reply(reply),
    ));
    let fail_code = app.store_code(Box::new(ContractWrapper::new(
        fail_execute,
        noop_instantiate,
        last_user_query,
    )));
    let record_code = app.store_code(Box::new(ContractWrapper::new(
        record_execute,
        noop_instantiate,
        last_user_query,
    )));
    let ve = app
        .instantiate_contract(
            ve_code,
            owner.clone(),
            &InstantiateMsg {
                owner: owner.to_string(),
                lock_token: AssetInfo::native(LP),
                max_time: None,
            },
            &[],
            "ve",
            None,
        )
        .unwrap();
    let failing = app
        .instantiate_contract(fail_code, owner.clone(), &Empty {}, &[], "fail", None)
        .unwrap();
    let recorder = app
        .instantiate_contract(record_code, owner.clone(), &Empty {}, &[], "rec", None)
        .unwrap();
    for l in [&failing, &recorder] {
        app.execute_contract(
            owner.clone(),
            ve.clone(),
            &ExecuteMsg::AddListener {
                address: l.to_string(),
            },
            &[],
        )
        .unwrap();
    }

    // 10 * MAXTIME = 1,261,440,000 locked: slope 10, until W + 10 weeks: 10 * 5,536,000.
    let res = app
        .execute_contract(
            alice.clone(),
            ve.clone(),
            &ExecuteMsg::CreateLock {
                unlock_time: T0 + 10 * WEEK,
            },
            &[coin(10 * MAXTIME as u128, LP)],
        )
        .unwrap();
    let failed: Vec<_> = res
        .events
        .iter()
        .filter(|e| e.ty == "wasm-trellis_ve_listener_failed")
        .collect();
    assert_eq!(failed.len(), 1);
    assert!(failed[0]
        .attributes
        .iter()
        .any(|a| a.key == "listener" && a.value == failing.as_str()));
    let power: PowerResponse = app
        .wrap()
        .query_wasm_smart(
            &ve,
            &QueryMsg::UserPower {
                user: alice.to_string(),
                time: None,
            },
        )
        .unwrap();
    assert_eq!(power.power.u128(), 55_360_000);
    // The healthy listener got its notification.
    let last: Option<String> = app.wrap().query_wasm_smart(&recorder, &Empty {}).unwrap();
    assert_eq!(last, Some(alice.to_string()));
    let balance = app.wrap().query_balance(&alice, LP).unwrap();
    assert_eq!(balance.amount.u128(), 10_000_000_000 - 10 * MAXTIME as u128);
}
