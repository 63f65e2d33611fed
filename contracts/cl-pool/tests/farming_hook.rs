//! The farming hook: nothing when no marked tick is crossed, one message listing the crossed
//! marked ticks in order otherwise, and a broken link (not a failed swap) when the hook fails.
mod common;
use common::*;
use cosmwasm_std::testing::{message_info, mock_dependencies, mock_env};
use cosmwasm_std::{coin, from_json, CosmosMsg, Empty, ReplyOn, Uint128, Uint256, WasmMsg};
use cw_multi_test::Executor;
use trellis_cl_pool::contract::{execute, instantiate};
use trellis_cl_pool::limits::{FARMING_HOOK_GAS_LIMIT, MAX_MARKS_PER_CALL, REPLY_FARMING_HOOK};
use trellis_cl_pool::ContractError;
use trellis_types::cl_pool::*;

/// A, B and a third position [-180, 180] at price 1, and a farming center.
fn farmed(center: Box<dyn cw_multi_test::Contract<Empty>>) -> (Suite, cosmwasm_std::Addr) {
    let mut s = Suite::new(Spec::standard());
    let lp = s.addr("lp");
    for (lower, upper) in [(-60, 60), (-120, 120), (-180, 180)] {
        s.funded_mint(&lp, lower, upper, [E6, E6]).unwrap();
    }
    let code = s.app.store_code(center);
    let owner = s.owner.clone();
    let center = s
        .app
        .instantiate_contract(code, owner, &Empty {}, &[], "center", None)
        .unwrap();
    s.set_center(&center);
    (s, center)
}

fn mark(s: &mut Suite, center: &cosmwasm_std::Addr, ticks: Vec<i32>, marked: bool) {
    s.exec(center, &[], &ExecuteMsg::SetFarmingMarks { ticks, marked })
        .unwrap();
}

fn hook_messages_to(res: &cw_multi_test::AppResponse, center: &cosmwasm_std::Addr) -> usize {
    res.events
        .iter()
        .filter(|e| {
            e.ty == "execute"
                && e.attributes
                    .iter()
                    .any(|a| a.key == "_contract_address" && a.value == center.as_str())
        })
        .count()
}

/// Marks on 120 only; a swap from tick 0 down to -71 crosses -60 (unmarked): no message, no
/// farming attribute, and the farming record is not touched.
#[test]
fn crossing_no_marked_tick_sends_nothing() {
    let (mut s, center) = farmed(recording_center());
    mark(&mut s, &center, vec![120], true);
    let trader = s.addr("trader");
    s.fund(&trader, 0, 2 * E6);
    let farming_before: FarmingResponse = s.q(&QueryMsg::Farming {});
    let res = s.swap_in(&trader, 0, 2 * E6, None).unwrap();
    let data = Suite::swap_data(&res);
    assert!(data.ticks_crossed >= 1);
    assert_eq!(hook_messages_to(&res, &center), 0);
    assert_eq!(attr(&res, "farming_ticks_crossed"), None);
    assert!(s.hook_calls(&center).is_empty());
    let farming_after: FarmingResponse = s.q(&QueryMsg::Farming {});
    // The link as before (the tick moved with the swap).
    assert_eq!(
        (farming_before.farming_center, farming_before.link_broken),
        (farming_after.farming_center, farming_after.link_broken)
    );
}

/// Marks on -60, -120 and -180 (and 60, which this swap does not reach); a swap down past
/// -180 crosses all three, and the center receives exactly one message listing them in
/// crossing order, the direction, the final tick and the block time.
#[test]
fn crossing_k_marked_ticks_sends_one_message_in_order() {
    let (mut s, center) = farmed(recording_center());
    mark(&mut s, &center, vec![-180, 60, -60, -120], true);
    let trader = s.addr("trader");
    s.fund(&trader, 0, 10 * E6);
    let res = s.swap_in(&trader, 0, 10 * E6, None).unwrap();
    let data = Suite::swap_data(&res);
    assert_eq!(hook_messages_to(&res, &center), 1);
    assert_eq!(attr(&res, "farming_ticks_crossed").unwrap(), "3");
    let calls = s.hook_calls(&center);
    assert_eq!(
        calls,
        vec![FarmingHookMsg::Crossed {
            ticks: vec![-60, -120, -180],
            zero_for_one: true,
            tick_after: data.tick_after,
            time: T0,
        }]
    );
    // Back up: crosses -180, -120, -60 upwards (and 0 is no tick); still one message.
    s.fund(&trader, 1, 10 * E6);
    let limit = Some(Uint256::from(Q96));
    s.swap_in(&trader, 1, 10 * E6, limit).unwrap();
    let calls = s.hook_calls(&center);
    assert_eq!(calls.len(), 2);
    let FarmingHookMsg::Crossed {
        ticks,
        zero_for_one,
        ..
    } = &calls[1];
    assert_eq!(ticks, &vec![-180, -120, -60]);
    assert!(!zero_for_one);
}

/// A marked tick with no liquidity keeps a record, so swaps stop there and report it.
#[test]
fn a_mark_on_an_unused_tick_is_still_crossed() {
    let (mut s, center) = farmed(recording_center());
    mark(&mut s, &center, vec![-240], true);
    let t = s.tick(-240);
    assert!(t.farming_mark);
    assert_eq!(t.liquidity_gross, Uint128::zero());
    let trader = s.addr("trader");
    s.fund(&trader, 0, 10 * E6);
    let res = s.swap_in(&trader, 0, 10 * E6, None).unwrap();
    // -60, -120, -180 (the positions' ends) and the mark at -240 are crossed.
    assert_eq!(Suite::swap_data(&res).ticks_crossed, 4);
    let FarmingHookMsg::Crossed { ticks, .. } = &s.hook_calls(&center)[0];
    assert_eq!(ticks, &vec![-240]);
    // Unmarking an unused tick deletes its record.
    mark(&mut s, &center, vec![-240], false);
    let ticks: TicksResponse = s.q(&QueryMsg::Ticks {
        start_after: Some(-300),
        limit: Some(1),
    });
    assert_eq!(ticks.ticks[0].tick, -180);
}

/// A center whose hook fails: the swap succeeds, the link is recorded as broken with an event,
/// and later swaps send nothing until the owner sets the center again.
#[test]
fn a_failing_hook_breaks_the_link_not_the_swap() {
    let (mut s, center) = farmed(failing_center());
    mark(&mut s, &center, vec![-60], true);
    let trader = s.addr("trader");
    s.fund(&trader, 0, 4 * E6);
    let res = s.swap_in(&trader, 0, 2 * E6, None).unwrap();
    assert!(res
        .events
        .iter()
        .any(|e| e.ty == "wasm-farming_hook_failed"));
    assert!(Suite::swap_data(&res).amount_out.u128() > 0);
    let farming: FarmingResponse = s.q(&QueryMsg::Farming {});
    assert!(farming.link_broken);
    // Move back up over -60 and down again: no hook while broken.
    s.fund(&trader, 1, 4 * E6);
    s.swap_in(&trader, 1, 4 * E6, Some(Uint256::from(Q96)))
        .unwrap();
    let res = s.swap_in(&trader, 0, 2 * E6, None).unwrap();
    assert_eq!(hook_messages_to(&res, &center), 0);
    s.set_center(&center);
    let farming: FarmingResponse = s.q(&QueryMsg::Farming {});
    assert!(!farming.link_broken);
}

/// Only the registered center may mark, with 1 to MAX_MARKS_PER_CALL valid ticks.
#[test]
fn only_the_center_marks() {
    let (mut s, center) = farmed(recording_center());
    let other = s.addr("other");
    s.refuse(
        &[],
        ContractError::NotFarmingCenter {
            sender: other.to_string(),
        },
        |s| {
            s.exec(
                &other,
                &[],
                &ExecuteMsg::SetFarmingMarks {
                    ticks: vec![60],
                    marked: true,
                },
            )
        },
    );
    for ticks in [vec![], vec![60; MAX_MARKS_PER_CALL + 1]] {
        let count = ticks.len();
        s.refuse(
            &[],
            ContractError::InvalidMarkCount {
                count,
                max: MAX_MARKS_PER_CALL,
            },
            |s| {
                s.exec(
                    &center,
                    &[],
                    &ExecuteMsg::SetFarmingMarks {
                        ticks,
                        marked: true,
                    },
                )
            },
        );
    }
    s.refuse(
        &[],
        ContractError::TickNotOnSpacing {
            tick: 30,
            tick_spacing: 60,
        },
        |s| {
            s.exec(
                &center,
                &[],
                &ExecuteMsg::SetFarmingMarks {
                    ticks: vec![60, 30],
                    marked: true,
                },
            )
        },
    );
    // And only the owner sets the center.
    s.refuse(&[], cw_ownable::OwnershipError::NotOwner.into(), |s| {
        s.exec(
            &other,
            &[],
            &ExecuteMsg::SetFarmingCenter {
                farming_center: Some(other.to_string()),
            },
        )
    });
}

/// cw-multi-test ignores sub-message gas limits, so the limit and reply mode are checked on the
/// response itself: one `WasmMsg::Execute` to the center, gas-limited, replying on error only.
#[test]
fn the_hook_is_gas_limited_and_replies_on_error() {
    let mut deps = mock_dependencies();
    let env = mock_env();
    let owner = deps.api.addr_make("owner");
    let center = deps.api.addr_make("center");
    let lp = deps.api.addr_make("lp");
    let msg = InstantiateMsg {
        assets: [
            trellis_types::AssetInfo::native("uaaa"),
            trellis_types::AssetInfo::native("ubbb"),
        ],
        fee_tier: FEE_TIERS[2],
        protocol_fee_share_bps: 0,
        fee_collector: None,
        owner: owner.to_string(),
        sqrt_price: Some(Uint256::from(Q96)),
        oracle: OracleConfig {
            capacity: 10,
            min_sample_spacing: 60,
        },
        collection_name: None,
        collection_symbol: None,
    };
    instantiate(deps.as_mut(), env.clone(), message_info(&owner, &[]), msg).unwrap();
    let run = |deps: &mut cosmwasm_std::OwnedDeps<_, _, _>, who, funds: &[_], msg| {
        execute(deps.as_mut(), env.clone(), message_info(who, funds), msg).unwrap()
    };
    run(
        &mut deps,
        &owner,
        &[],
        ExecuteMsg::SetFarmingCenter {
            farming_center: Some(center.to_string()),
        },
    );
    run(
        &mut deps,
        &lp,
        &[coin(E6, "uaaa"), coin(E6, "ubbb")],
        Suite::mint_msg(-60, 60, [E6, E6], [0, 0]),
    );
    run(
        &mut deps,
        &center,
        &[],
        ExecuteMsg::SetFarmingMarks {
            ticks: vec![-60],
            marked: true,
        },
    );
    let res = run(
        &mut deps,
        &lp,
        &[coin(2 * E6, "uaaa")],
        ExecuteMsg::SwapExactIn {
            sqrt_price_limit: None,
            min_out: None,
            recipient: None,
            deadline: None,
        },
    );
    let hooks: Vec<_> = res
        .messages
        .iter()
        .filter(|m| matches!(&m.msg, CosmosMsg::Wasm(WasmMsg::Execute { contract_addr, .. }) if contract_addr == center.as_str()))
        .collect();
    assert_eq!(hooks.len(), 1);
    let hook = hooks[0];
    assert_eq!(hook.gas_limit, Some(FARMING_HOOK_GAS_LIMIT));
    assert_eq!(hook.reply_on, ReplyOn::Error);
    assert_eq!(hook.id, REPLY_FARMING_HOOK);
    let CosmosMsg::Wasm(WasmMsg::Execute { msg, funds, .. }) = &hook.msg else {
        unreachable!()
    };
    assert!(funds.is_empty());
    let FarmingHookMsg::Crossed {
        ticks,
        zero_for_one,
        time,
        ..
    } = from_json(msg).unwrap();
    assert_eq!(ticks, vec![-60]);
    assert!(zero_for_one);
    assert_eq!(time, env.block.time.seconds());
}
