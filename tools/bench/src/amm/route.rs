//! The router's two-hop route X -> ALY -> Y, run call by call as a chain runs one
//! `ExecuteRoute` transaction: the router's execute returns hop 0's submessage; its bytes go
//! unchanged to the pool it names (sender: the router, with the coins attached); the pool's
//! response becomes the reply the chain sends the router (its `SwapResponse` as the data of
//! a `MsgExecuteContractResponse`); the reply returns hop 1's submessage; and so on until a
//! reply sends nothing more. The router's queries are answered by [`FactoryFixture`].
//!
//! Bank transfers are not simulated: native pools and the router keep their balances in
//! storage or take the amounts from the messages, so no call reads a bank balance.
use anyhow::{anyhow, bail, ensure, Context, Result};
use cosmwasm_std::{
    from_json, Addr, BankMsg, Binary, BlockInfo, Coin, CosmosMsg, ReplyOn, Response, Uint128,
    WasmMsg,
};
use cosmwasm_vm::testing::MockApi;
use trellis_types::factory::{ConfigResponse, PoolParams, PoolRecord};
use trellis_types::router::{
    ConfigResponse as RouterConfig, ExecuteMsg, Hop, InstantiateMsg, QueryMsg,
};
use trellis_types::weighted_pool::{OracleConfig, QueryMsg as PoolQueryMsg, SwapResponse};
use trellis_types::{Asset, AssetInfo};

use crate::amm::factory_fixture::{FactoryFixture, KnownPool};
use crate::amm::params::{
    min_out_with_slippage, ACTION_AMOUNT, DEADLINE_SECS, LP_TOKEN_CODE_ID, OP_ADVANCE_BLOCKS,
    OP_ADVANCE_SECS, PROTOCOL_DENOM, PROTOCOL_FEE_SHARE_BPS, ROUTE_ALY_Y, ROUTE_X_ALY,
};
use crate::amm::pool::{Actors, Pool};
use crate::amm::report::{RouteReport, Row};
use crate::chain;
use crate::vm::{Code, Contract};

/// Code id the factory's config reports for pools (informational: nothing checks it).
const POOL_CODE_ID: u64 = 1;

fn known_pool(id: u64, pool: &mut Pool) -> Result<KnownPool> {
    let info = pool.info()?;
    Ok(KnownPool {
        record: PoolRecord {
            id,
            address: pool.address().to_string(),
            assets: info.assets.clone().map(|a| a.info),
            params: PoolParams::Weighted {
                lp_token: info.lp_token.clone(),
                weights: info.assets.clone().map(|a| a.weight),
                swap_fee_bps: info.swap_fee_bps,
            },
        },
        info,
    })
}

fn simulate(pool: &mut Pool, denom: &str, amount: Uint128) -> Result<SwapResponse> {
    pool.contract.query(&PoolQueryMsg::SimulateSwapExactIn {
        offer: Asset {
            info: AssetInfo::native(denom),
            amount,
        },
    })
}

/// A hop the router asked the chain to run: its submessage's reply id and payload, and the
/// call it makes.
struct HopCall {
    id: u64,
    payload: Binary,
    contract_addr: String,
    msg: Binary,
    funds: Vec<Coin>,
}

/// The one submessage a router response carries, or `None` when the route is done.
fn next_hop(res: &Response) -> Result<Option<HopCall>> {
    match res.messages.as_slice() {
        [] => Ok(None),
        [sub] => {
            ensure!(
                matches!(sub.reply_on, ReplyOn::Success | ReplyOn::Always),
                "the router's hop asks for no reply on success"
            );
            let CosmosMsg::Wasm(WasmMsg::Execute {
                contract_addr,
                msg,
                funds,
            }) = &sub.msg
            else {
                bail!("the router's hop is not a WasmMsg::Execute: {:?}", sub.msg);
            };
            Ok(Some(HopCall {
                id: sub.id,
                payload: sub.payload.clone(),
                contract_addr: contract_addr.clone(),
                msg: msg.clone(),
                funds: funds.clone(),
            }))
        }
        more => bail!(
            "the router returned {} messages, expected one hop",
            more.len()
        ),
    }
}

/// The amount of `denom` a response sends to `to` with `BankMsg::Send`.
fn paid_to(res: &Response, to: &str, denom: &str) -> u128 {
    res.messages
        .iter()
        .filter_map(|sub| match &sub.msg {
            CosmosMsg::Bank(BankMsg::Send { to_address, amount }) if to_address == to => Some(
                amount
                    .iter()
                    .filter(|c| c.denom == denom)
                    .map(|c| c.amount.u128())
                    .sum::<u128>(),
            ),
            _ => None,
        })
        .sum()
}

/// Deploys the two pools and the router, then runs and measures one two-hop route.
pub fn measure_route(
    pool_code: &Code,
    router_code: &Code,
    oracle: OracleConfig,
    block: &BlockInfo,
) -> Result<RouteReport> {
    let api = MockApi::default();
    let actors = Actors::new(&api);
    let (first, _) = Pool::deploy(pool_code, ROUTE_X_ALY, oracle, block, &actors, &api)?;
    let (second, _) = Pool::deploy(pool_code, ROUTE_ALY_Y, oracle, block, &actors, &api)?;
    let mut pools = [first, second];

    // The pools were instantiated by the factory (`actors.creator`).
    let fixture = FactoryFixture {
        address: actors.creator.clone(),
        config: ConfigResponse {
            pool_code_id: POOL_CODE_ID,
            lp_token_code_id: LP_TOKEN_CODE_ID,
            protocol_token: AssetInfo::native(PROTOCOL_DENOM),
            fee_collector: Some(actors.fee_collector.clone()),
            protocol_fee_share_bps: PROTOCOL_FEE_SHARE_BPS,
            default_oracle: oracle,
            permissionless: true,
            pool_count: 2,
            cl_pool_code_id: None,
        },
        pools: vec![known_pool(1, &mut pools[0])?, known_pool(2, &mut pools[1])?],
    };
    let router_addr = Addr::unchecked(api.addr_make("router"));
    let mut router = Contract::with_querier(router_code, router_addr.clone(), fixture.querier());
    router.set_block(block.clone());
    let init = InstantiateMsg {
        factory: actors.creator.clone(),
    };
    let (_, instantiate) = router
        .instantiate(&actors.owner, &[], &init)
        .context("instantiate the router")?;
    let config: RouterConfig = router.query(&QueryMsg::Config {})?;
    ensure!(
        config.protocol_token == AssetInfo::native(PROTOCOL_DENOM),
        "the router learned protocol token {} from the factory",
        config.protocol_token
    );

    // One clock for the three contracts: the route's block, one spacing later.
    router.advance(OP_ADVANCE_BLOCKS, OP_ADVANCE_SECS);
    for pool in &mut pools {
        pool.contract.set_block(router.block().clone());
    }
    let [x, hub] = ROUTE_X_ALY.denoms;
    let y = ROUTE_ALY_Y.denoms[1];
    let amount_in = Uint128::new(ACTION_AMOUNT);
    let expected_hub = simulate(&mut pools[0], x, amount_in)?.amount_out;
    let expected_out = simulate(&mut pools[1], hub, expected_hub)?.amount_out;
    let msg = ExecuteMsg::ExecuteRoute {
        route: vec![
            Hop {
                pool: pools[0].address().to_string(),
                ask: AssetInfo::native(hub),
            },
            Hop {
                pool: pools[1].address().to_string(),
                ask: AssetInfo::native(y),
            },
        ],
        min_out: min_out_with_slippage(expected_out),
        recipient: None,
        deadline: Some(router.now().seconds() + DEADLINE_SECS),
    };
    let trader = actors.trader.as_str();
    let (mut res, cost) = router
        .execute(trader, &[Coin::new(amount_in, x)], &msg)
        .context("router execute")?;
    let mut parts = vec![Row::new(
        "router_execute",
        None,
        "ExecuteRoute: validates both hops (two factory PoolsByAssets queries), sends hop 0",
        &cost,
    )];

    let mut outs = Vec::new();
    let mut last_pool_response = None;
    for hop in 0..pools.len() {
        let call = next_hop(&res)?.ok_or_else(|| anyhow!("the route stopped after {hop} hops"))?;
        let pool = pools
            .iter_mut()
            .find(|p| p.address().as_str() == call.contract_addr)
            .ok_or_else(|| anyhow!("hop {hop} calls unknown contract {}", call.contract_addr))?;
        let (pool_res, pool_cost) = pool
            .contract
            .execute_raw(router_addr.as_str(), &call.funds, &call.msg)
            .with_context(|| format!("hop {hop}: the pool's swap"))?;
        let swap: SwapResponse = from_json(
            pool_res
                .data
                .as_ref()
                .ok_or_else(|| anyhow!("hop {hop}: the pool set no data"))?,
        )?;
        outs.push(swap.amount_out);
        parts.push(Row::new(
            format!("hop_{hop}_pool_swap"),
            Some(pool.spec.label),
            format!(
                "pool SwapExactIn from the router: {} -> {}",
                swap.offer, swap.ask
            ),
            &pool_cost,
        ));
        let reply = chain::execute_reply(
            call.id,
            call.payload,
            &router_addr,
            pool.address(),
            &call.funds,
            &pool_res,
            pool_cost.gas,
        );
        let (reply_res, reply_cost) = router
            .reply(&reply)
            .with_context(|| format!("hop {hop}: the router's reply"))?;
        parts.push(Row::new(
            format!("hop_{hop}_router_reply"),
            None,
            if hop + 1 == pools.len() {
                "reply to the last hop: checks min out, clears the route in flight".to_string()
            } else {
                format!(
                    "reply to hop {hop}: reads the SwapResponse, sends hop {}",
                    hop + 1
                )
            },
            &reply_cost,
        ));
        res = reply_res;
        last_pool_response = Some(pool_res);
    }
    ensure!(
        next_hop(&res)?.is_none(),
        "the router sent more hops than the route has"
    );
    ensure!(
        outs == [expected_hub, expected_out],
        "the hops paid {outs:?}, the pools simulated [{expected_hub}, {expected_out}]"
    );
    let paid = last_pool_response
        .as_ref()
        .map(|r| paid_to(r, trader, y))
        .unwrap_or_default();
    ensure!(
        paid == expected_out.u128(),
        "the last pool paid the trader {paid}{y}, expected {expected_out}{y}"
    );

    let total = Row::sum(
        "route_two_hop",
        None,
        "the whole ExecuteRoute transaction: router execute, two pool swaps, two router replies",
        &parts,
    );
    Ok(RouteReport {
        path: format!("{x} -> {hub} -> {y}"),
        amount_in: amount_in.to_string(),
        amount_out: expected_out.to_string(),
        total,
        parts,
        setup: vec![Row::new(
            "router_instantiate",
            None,
            "instantiate the router: one factory Config query",
            &instantiate,
        )],
    })
}
