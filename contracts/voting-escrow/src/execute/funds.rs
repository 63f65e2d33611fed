use cosmwasm_std::{Coin, MessageInfo, Uint128};
use trellis_types::AssetInfo;

use crate::error::ContractError;

/// The amount of a native lock token attached: exactly one coin of its denom. A cw20 lock
/// token must come through `Receive`, so any native message for it is refused.
pub fn native_payment(
    info: &MessageInfo,
    lock_token: &AssetInfo,
) -> Result<Uint128, ContractError> {
    let wrong = || ContractError::WrongFunds {
        expected: lock_token.to_string(),
        got: describe(&info.funds),
    };
    let AssetInfo::Native { denom } = lock_token else {
        return Err(wrong());
    };
    match info.funds.as_slice() {
        [] => Err(ContractError::ZeroAmount),
        [c] if &c.denom == denom => {
            if c.amount.is_zero() {
                Err(ContractError::ZeroAmount)
            } else {
                Ok(c.amount)
            }
        }
        _ => Err(wrong()),
    }
}

fn describe(funds: &[Coin]) -> String {
    if funds.is_empty() {
        return "nothing".to_string();
    }
    funds
        .iter()
        .map(|c| c.to_string())
        .collect::<Vec<_>>()
        .join(",")
}
