//! Spends gas until the chain stops it: every execute writes one storage entry after another
//! and never returns. Whatever message it is sent (a lock-change notice, a farming hook) it
//! accepts, so the caller's sub-message fails only by running out of gas.
use cosmwasm_std::{Binary, Deps, DepsMut, Env, MessageInfo, Response, StdResult};

/// Any JSON object: the hog does not care what it is told.
#[derive(serde::Deserialize)]
pub struct AnyMsg {}

#[cfg_attr(not(feature = "library"), cosmwasm_std::entry_point)]
pub fn instantiate(_: DepsMut, _: Env, _: MessageInfo, _: AnyMsg) -> StdResult<Response> {
    Ok(Response::new())
}

#[cfg_attr(not(feature = "library"), cosmwasm_std::entry_point)]
pub fn execute(deps: DepsMut, _: Env, _: MessageInfo, _: AnyMsg) -> StdResult<Response> {
    // Each write costs gas; u64::MAX of them is more than any gas limit.
    for i in 0..u64::MAX {
        deps.storage.set(&i.to_be_bytes(), b"spent");
    }
    Ok(Response::new())
}

#[cfg_attr(not(feature = "library"), cosmwasm_std::entry_point)]
pub fn query(_: Deps, _: Env, _: AnyMsg) -> StdResult<Binary> {
    Ok(Binary::default())
}
