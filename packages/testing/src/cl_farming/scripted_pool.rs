//! A scripted concentrated pool for farming tests: positions with exactly the liquidity a test
//! names, a tick the test moves, and the real pool's farming protocol (marks set only by the
//! registered center; one `Crossed` message per move that passes marked ticks, as a
//! sub-message whose failure breaks the link). With it the hand-derived cases use round
//! liquidities (1000, 3000) and the proptests reach 1 and 2^127; `tests/cl_farming_pool.rs`
//! runs the same center on the real `contracts/cl-pool`.
//!
//! Also a scripted factory that lists the scripted pools as concentrated pools.
use cosmwasm_schema::cw_serde;
use cosmwasm_std::{
    to_json_binary, Addr, Binary, Deps, DepsMut, Empty, Env, MessageInfo, Order, Reply, Response,
    StdError, StdResult, SubMsg, Uint128, Uint256, WasmMsg,
};
use cw721::receiver::Cw721ReceiveMsg;
use cw_multi_test::{Contract, ContractWrapper};
use cw_storage_plus::{Bound, Item, Map};
use trellis_types::cl_pool::{FarmingResponse, PoolStateResponse, PositionResponse};
use trellis_types::factory::{PoolKind, PoolParams, PoolRecord, PoolStatusResponse};

#[cw_serde]
pub struct ScriptedInstantiate {
    pub tick: i32,
}

#[cw_serde]
pub enum ScriptedExecute {
    /// A position owned by `owner` with exactly `liquidity`.
    Mint {
        token_id: String,
        owner: String,
        lower: i32,
        upper: i32,
        liquidity: Uint128,
    },
    /// Moves the price to `tick`, reporting the marked ticks passed to the center.
    MoveTo {
        tick: i32,
    },
    SetFarmingCenter {
        farming_center: Option<String>,
    },
    SetFarmingMarks {
        ticks: Vec<i32>,
        marked: bool,
    },
    TransferNft {
        recipient: String,
        token_id: String,
    },
    SendNft {
        contract: String,
        token_id: String,
        msg: Binary,
    },
    /// Pays nothing: only counts collections (`collects` query).
    Collect {
        token_id: String,
        recipient: Option<String>,
        amount_max: Option<[Uint128; 2]>,
    },
}

#[cw_serde]
pub enum ScriptedQuery {
    Position {
        token_id: String,
    },
    PoolState {},
    Farming {},
    /// Marked ticks, ascending.
    Marks {},
    /// (token id, recipient) of every `Collect`.
    Collects {},
    OwnerOf {
        token_id: String,
    },
}

/// The center's hook message, as the real pool sends it.
#[cw_serde]
enum HookMsg {
    Crossed {
        ticks: Vec<i32>,
        zero_for_one: bool,
        tick_after: i32,
        time: u64,
    },
}

#[cw_serde]
struct Position {
    owner: Addr,
    lower: i32,
    upper: i32,
    liquidity: Uint128,
}

const TICK: Item<i32> = Item::new("tick");
const CENTER: Item<Option<Addr>> = Item::new("center");
const BROKEN: Item<bool> = Item::new("broken");
const MARKS: Map<i32, ()> = Map::new("marks");
const POSITIONS: Map<&str, Position> = Map::new("positions");
const COLLECTS: Item<Vec<(String, String)>> = Item::new("collects");
const REPLY_HOOK: u64 = 1;

fn instantiate(
    deps: DepsMut,
    _: Env,
    _: MessageInfo,
    msg: ScriptedInstantiate,
) -> StdResult<Response> {
    TICK.save(deps.storage, &msg.tick)?;
    CENTER.save(deps.storage, &None)?;
    BROKEN.save(deps.storage, &false)?;
    COLLECTS.save(deps.storage, &vec![])?;
    Ok(Response::new())
}

fn owned(deps: &DepsMut, token_id: &str, sender: &Addr) -> StdResult<Position> {
    let position = POSITIONS.load(deps.storage, token_id)?;
    if position.owner != *sender {
        return Err(StdError::generic_err("not the owner"));
    }
    Ok(position)
}

fn execute(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: ScriptedExecute,
) -> StdResult<Response> {
    match msg {
        ScriptedExecute::Mint {
            token_id,
            owner,
            lower,
            upper,
            liquidity,
        } => {
            let owner = deps.api.addr_validate(&owner)?;
            POSITIONS.save(
                deps.storage,
                &token_id,
                &Position {
                    owner,
                    lower,
                    upper,
                    liquidity,
                },
            )?;
            Ok(Response::new())
        }
        ScriptedExecute::MoveTo { tick } => {
            let from = TICK.load(deps.storage)?;
            TICK.save(deps.storage, &tick)?;
            let down = tick < from;
            let (low, high) = if down { (tick, from) } else { (from, tick) };
            let order = if down {
                Order::Descending
            } else {
                Order::Ascending
            };
            let crossed: Vec<i32> = MARKS
                .keys(
                    deps.storage,
                    Some(Bound::exclusive(low)),
                    Some(Bound::inclusive(high)),
                    order,
                )
                .collect::<StdResult<_>>()?;
            let center = CENTER.load(deps.storage)?;
            let broken = BROKEN.load(deps.storage)?;
            let mut response = Response::new().add_attribute("crossed", crossed.len().to_string());
            if let (Some(center), false, false) = (center, broken, crossed.is_empty()) {
                let hook = HookMsg::Crossed {
                    ticks: crossed,
                    zero_for_one: down,
                    tick_after: tick,
                    time: env.block.time.seconds(),
                };
                let msg = WasmMsg::Execute {
                    contract_addr: center.to_string(),
                    msg: to_json_binary(&hook)?,
                    funds: vec![],
                };
                response = response.add_submessage(SubMsg::reply_on_error(msg, REPLY_HOOK));
            }
            Ok(response)
        }
        ScriptedExecute::SetFarmingCenter { farming_center } => {
            let center = farming_center
                .map(|c| deps.api.addr_validate(&c))
                .transpose()?;
            CENTER.save(deps.storage, &center)?;
            BROKEN.save(deps.storage, &false)?;
            Ok(Response::new())
        }
        ScriptedExecute::SetFarmingMarks { ticks, marked } => {
            if CENTER.load(deps.storage)? != Some(info.sender.clone()) {
                return Err(StdError::generic_err("not the farming center"));
            }
            for tick in ticks {
                if marked {
                    MARKS.save(deps.storage, tick, &())?;
                } else {
                    MARKS.remove(deps.storage, tick);
                }
            }
            Ok(Response::new())
        }
        ScriptedExecute::TransferNft {
            recipient,
            token_id,
        } => {
            let mut position = owned(&deps, &token_id, &info.sender)?;
            position.owner = deps.api.addr_validate(&recipient)?;
            POSITIONS.save(deps.storage, &token_id, &position)?;
            Ok(Response::new())
        }
        ScriptedExecute::SendNft {
            contract,
            token_id,
            msg,
        } => {
            let mut position = owned(&deps, &token_id, &info.sender)?;
            let contract = deps.api.addr_validate(&contract)?;
            position.owner = contract.clone();
            POSITIONS.save(deps.storage, &token_id, &position)?;
            let receive = Cw721ReceiveMsg {
                sender: info.sender.to_string(),
                token_id,
                msg,
            };
            Ok(Response::new().add_message(receive.into_cosmos_msg(contract.to_string())?))
        }
        ScriptedExecute::Collect {
            token_id,
            recipient,
            ..
        } => {
            owned(&deps, &token_id, &info.sender)?;
            let recipient = recipient.unwrap_or_else(|| info.sender.to_string());
            COLLECTS.update(deps.storage, |mut list| -> StdResult<_> {
                list.push((token_id, recipient));
                Ok(list)
            })?;
            Ok(Response::new())
        }
    }
}

fn reply(deps: DepsMut, _: Env, msg: Reply) -> StdResult<Response> {
    assert_eq!(msg.id, REPLY_HOOK);
    BROKEN.save(deps.storage, &true)?;
    Ok(Response::new().add_attribute("farming_hook_failed", "true"))
}

fn query(deps: Deps, _: Env, msg: ScriptedQuery) -> StdResult<Binary> {
    match msg {
        ScriptedQuery::Position { token_id } => {
            let p = POSITIONS.load(deps.storage, &token_id)?;
            to_json_binary(&PositionResponse {
                token_id,
                owner: p.owner.to_string(),
                lower_tick: p.lower,
                upper_tick: p.upper,
                liquidity: p.liquidity,
                fee_growth_inside_last: [Uint256::zero(); 2],
                tokens_owed: [Uint128::zero(); 2],
            })
        }
        ScriptedQuery::PoolState {} => to_json_binary(&PoolStateResponse {
            initialized: true,
            sqrt_price: Uint256::zero(),
            tick: TICK.load(deps.storage)?,
            liquidity: Uint128::zero(),
            fee_growth_global: [Uint256::zero(); 2],
            protocol_fees_owed: [Uint128::zero(); 2],
        }),
        ScriptedQuery::Farming {} => to_json_binary(&FarmingResponse {
            farming_center: CENTER.load(deps.storage)?.map(|c| c.to_string()),
            link_broken: BROKEN.load(deps.storage)?,
            tick: TICK.load(deps.storage)?,
        }),
        ScriptedQuery::Marks {} => to_json_binary(
            &MARKS
                .keys(deps.storage, None, None, Order::Ascending)
                .collect::<StdResult<Vec<i32>>>()?,
        ),
        ScriptedQuery::Collects {} => to_json_binary(&COLLECTS.load(deps.storage)?),
        ScriptedQuery::OwnerOf { token_id } => {
            to_json_binary(&POSITIONS.load(deps.storage, &token_id)?.owner)
        }
    }
}

pub fn scripted_pool_contract() -> Box<dyn Contract<Empty>> {
    Box::new(ContractWrapper::new(execute, instantiate, query).with_reply(reply))
}

#[cw_serde]
pub struct ScriptedFactoryInstantiate {}

#[cw_serde]
pub enum ScriptedFactoryExecute {
    /// Lists `pool` as a concentrated pool (or delists it).
    List { pool: String, listed: bool },
}

#[cw_serde]
pub enum ScriptedFactoryQuery {
    PoolStatus { pool: String },
}

const LISTED: Map<&str, bool> = Map::new("listed");

fn factory_instantiate(
    _: DepsMut,
    _: Env,
    _: MessageInfo,
    _: ScriptedFactoryInstantiate,
) -> StdResult<Response> {
    Ok(Response::new())
}

fn factory_execute(
    deps: DepsMut,
    _: Env,
    _: MessageInfo,
    msg: ScriptedFactoryExecute,
) -> StdResult<Response> {
    let ScriptedFactoryExecute::List { pool, listed } = msg;
    LISTED.save(deps.storage, &pool, &listed)?;
    Ok(Response::new())
}

fn factory_query(deps: Deps, _: Env, msg: ScriptedFactoryQuery) -> StdResult<Binary> {
    let ScriptedFactoryQuery::PoolStatus { pool } = msg;
    let listed = LISTED
        .may_load(deps.storage, &pool)?
        .ok_or_else(|| StdError::generic_err("not a pool of this factory"))?;
    to_json_binary(&PoolStatusResponse {
        pool: PoolRecord {
            id: 0,
            address: pool,
            assets: [
                trellis_types::AssetInfo::native("ua"),
                trellis_types::AssetInfo::native("ub"),
            ],
            params: PoolParams::Concentrated {
                fee_tier: trellis_types::cl_pool::FEE_TIERS[2],
            },
        },
        kind: PoolKind::Concentrated,
        listed,
    })
}

pub fn scripted_factory_contract() -> Box<dyn Contract<Empty>> {
    Box::new(ContractWrapper::new(
        factory_execute,
        factory_instantiate,
        factory_query,
    ))
}
