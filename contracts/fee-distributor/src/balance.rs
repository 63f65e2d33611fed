//! The contract's own balance of a fee token: what a checkpoint compares with what it owes.
use cosmwasm_std::{Addr, QuerierWrapper, StdResult, Uint128};
use trellis_types::AssetInfo;

pub fn balance_of(
    querier: &QuerierWrapper,
    token: &AssetInfo,
    holder: &Addr,
) -> StdResult<Uint128> {
    match token {
        AssetInfo::Native { denom } => Ok(querier.query_balance(holder, denom)?.amount),
        AssetInfo::Cw20 { contract_addr } => {
            let res: cw20::BalanceResponse = querier.query_wasm_smart(
                contract_addr,
                &cw20::Cw20QueryMsg::Balance {
                    address: holder.to_string(),
                },
            )?;
            Ok(res.balance)
        }
    }
}
