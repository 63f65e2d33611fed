//! A tiny cw20 stand-in whose transfers can be switched off: it keeps balances, mints on
//! request and answers `Balance`, and while `broken` it refuses every `Transfer`, as a token
//! that paused or blacklisted the distributor would.
use cosmwasm_schema::cw_serde;
use cosmwasm_std::{
    to_json_binary, Binary, Deps, DepsMut, Empty, Env, MessageInfo, Response, StdError, StdResult,
    Uint128,
};
use cw20::{BalanceResponse, Cw20QueryMsg};
use cw_multi_test::{Contract, ContractWrapper};
use cw_storage_plus::{Item, Map};

const BALANCES: Map<&str, Uint128> = Map::new("balances");
const BROKEN: Item<bool> = Item::new("broken");

#[cw_serde]
pub struct InstantiateMsg {}

#[cw_serde]
pub enum ExecuteMsg {
    /// The cw20 `Transfer` the distributor sends.
    Transfer {
        recipient: String,
        amount: Uint128,
    },
    Mint {
        recipient: String,
        amount: Uint128,
    },
    SetBroken {
        broken: bool,
    },
}

fn instantiate(deps: DepsMut, _: Env, _: MessageInfo, _: InstantiateMsg) -> StdResult<Response> {
    BROKEN.save(deps.storage, &false)?;
    Ok(Response::new())
}

fn add(deps: &mut DepsMut, who: &str, amount: Uint128) -> StdResult<()> {
    let balance = BALANCES.may_load(deps.storage, who)?.unwrap_or_default();
    BALANCES.save(deps.storage, who, &(balance + amount))
}

fn execute(mut deps: DepsMut, _: Env, info: MessageInfo, msg: ExecuteMsg) -> StdResult<Response> {
    match msg {
        ExecuteMsg::Transfer { recipient, amount } => {
            if BROKEN.load(deps.storage)? {
                return Err(StdError::generic_err("transfers are paused"));
            }
            let from = info.sender.to_string();
            let balance = BALANCES.may_load(deps.storage, &from)?.unwrap_or_default();
            BALANCES.save(deps.storage, &from, &balance.checked_sub(amount)?)?;
            add(&mut deps, &recipient, amount)?;
        }
        ExecuteMsg::Mint { recipient, amount } => add(&mut deps, &recipient, amount)?,
        ExecuteMsg::SetBroken { broken } => BROKEN.save(deps.storage, &broken)?,
    }
    Ok(Response::new())
}

fn query(deps: Deps, _: Env, msg: Cw20QueryMsg) -> StdResult<Binary> {
    match msg {
        Cw20QueryMsg::Balance { address } => to_json_binary(&BalanceResponse {
            balance: BALANCES
                .may_load(deps.storage, &address)?
                .unwrap_or_default(),
        }),
        _ => Err(StdError::generic_err("broken cw20: not implemented")),
    }
}

pub fn broken_cw20_contract() -> Box<dyn Contract<Empty>> {
    Box::new(ContractWrapper::new(execute, instantiate, query))
}
