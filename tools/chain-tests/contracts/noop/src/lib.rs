//! Does nothing: every entry point accepts any JSON object and returns an empty response, so
//! a transaction calling it costs exactly what the chain charges around a contract call.
use cosmwasm_std::{Binary, Deps, DepsMut, Env, MessageInfo, Response, StdResult};

/// Any JSON object.
#[derive(serde::Deserialize)]
pub struct AnyMsg {}

#[cfg_attr(not(feature = "library"), cosmwasm_std::entry_point)]
pub fn instantiate(_: DepsMut, _: Env, _: MessageInfo, _: AnyMsg) -> StdResult<Response> {
    Ok(Response::new())
}

#[cfg_attr(not(feature = "library"), cosmwasm_std::entry_point)]
pub fn execute(_: DepsMut, _: Env, _: MessageInfo, _: AnyMsg) -> StdResult<Response> {
    Ok(Response::new())
}

#[cfg_attr(not(feature = "library"), cosmwasm_std::entry_point)]
pub fn query(_: Deps, _: Env, _: AnyMsg) -> StdResult<Binary> {
    Ok(Binary::default())
}
