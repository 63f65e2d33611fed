//! A cw20-like token whose transfers can be switched off: for the tests that show a failing
//! reward or tier token never keeps a position in the farming center. It keeps balances,
//! honours `TransferFrom` without allowances (test support only) and answers `Balance`.
use cosmwasm_schema::cw_serde;
use cosmwasm_std::{
    to_json_binary, Binary, Deps, DepsMut, Empty, Env, MessageInfo, Response, StdError, StdResult,
    Uint128,
};
use cw20::{BalanceResponse, Cw20ExecuteMsg, Cw20QueryMsg};
use cw_multi_test::{Contract, ContractWrapper};
use cw_storage_plus::{Item, Map};

#[cw_serde]
pub struct PausableInstantiate {
    pub balances: Vec<(String, Uint128)>,
}

#[cw_serde]
#[serde(untagged)]
pub enum PausableExecute {
    Pause { pause: bool },
    Cw20(Cw20ExecuteMsg),
}

const PAUSED: Item<bool> = Item::new("paused");
const BALANCES: Map<&str, Uint128> = Map::new("balances");

fn move_tokens(deps: DepsMut, from: &str, to: &str, amount: Uint128) -> StdResult<Response> {
    if PAUSED.load(deps.storage)? {
        return Err(StdError::generic_err("token paused"));
    }
    let have = BALANCES.may_load(deps.storage, from)?.unwrap_or_default();
    BALANCES.save(deps.storage, from, &have.checked_sub(amount)?)?;
    let theirs = BALANCES.may_load(deps.storage, to)?.unwrap_or_default();
    BALANCES.save(deps.storage, to, &(theirs + amount))?;
    Ok(Response::new())
}

fn instantiate(
    deps: DepsMut,
    _: Env,
    _: MessageInfo,
    msg: PausableInstantiate,
) -> StdResult<Response> {
    PAUSED.save(deps.storage, &false)?;
    for (holder, amount) in msg.balances {
        BALANCES.save(deps.storage, &holder, &amount)?;
    }
    Ok(Response::new())
}

fn execute(deps: DepsMut, _: Env, info: MessageInfo, msg: PausableExecute) -> StdResult<Response> {
    match msg {
        PausableExecute::Pause { pause } => {
            PAUSED.save(deps.storage, &pause)?;
            Ok(Response::new())
        }
        PausableExecute::Cw20(Cw20ExecuteMsg::Transfer { recipient, amount }) => {
            move_tokens(deps, info.sender.as_str(), &recipient, amount)
        }
        PausableExecute::Cw20(Cw20ExecuteMsg::TransferFrom {
            owner,
            recipient,
            amount,
        }) => move_tokens(deps, &owner, &recipient, amount),
        PausableExecute::Cw20(_) => Err(StdError::generic_err("not supported")),
    }
}

fn query(deps: Deps, _: Env, msg: Cw20QueryMsg) -> StdResult<Binary> {
    match msg {
        Cw20QueryMsg::Balance { address } => to_json_binary(&BalanceResponse {
            balance: BALANCES
                .may_load(deps.storage, &address)?
                .unwrap_or_default(),
        }),
        _ => Err(StdError::generic_err("not supported")),
    }
}

pub fn pausable_token_contract() -> Box<dyn Contract<Empty>> {
    Box::new(ContractWrapper::new(execute, instantiate, query))
}
