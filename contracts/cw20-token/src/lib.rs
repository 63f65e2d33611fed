//! cw20-base's entry points, unchanged. cw20-base is pulled in as a library (its own entry
//! points are off in the workspace, so that contracts embedding it do not export them twice);
//! this crate exports them again so that `scripts/build-wasm.sh` gives the chain a cw20 code
//! to store. The weighted pools instantiate their LP tokens from it.
#[cfg(not(feature = "library"))]
pub mod entry {
    use cosmwasm_std::{entry_point, Binary, Deps, DepsMut, Env, MessageInfo, Response};
    use cw20_base::msg::{ExecuteMsg, InstantiateMsg, QueryMsg};
    use cw20_base::ContractError;

    #[entry_point]
    pub fn instantiate(
        deps: DepsMut,
        env: Env,
        info: MessageInfo,
        msg: InstantiateMsg,
    ) -> Result<Response, ContractError> {
        cw20_base::contract::instantiate(deps, env, info, msg)
    }

    #[entry_point]
    pub fn execute(
        deps: DepsMut,
        env: Env,
        info: MessageInfo,
        msg: ExecuteMsg,
    ) -> Result<Response, ContractError> {
        cw20_base::contract::execute(deps, env, info, msg)
    }

    #[entry_point]
    pub fn query(deps: Deps, env: Env, msg: QueryMsg) -> cosmwasm_std::StdResult<Binary> {
        cw20_base::contract::query(deps, env, msg)
    }
}
