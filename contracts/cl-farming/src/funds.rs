//! Tokens in and out: funding and tier locks arrive as exactly the native coins owed (and
//! nothing else) or are pulled from cw20 allowances; payouts are plain transfers.
use cosmwasm_std::{to_json_binary, Addr, Coin, CosmosMsg, Env, MessageInfo, WasmMsg};
use cw20::Cw20ExecuteMsg;
use trellis_types::AssetInfo;

use crate::error::ContractError;

/// The messages that pull the cw20 parts of `owed` from the sender, after checking the native
/// parts were attached exactly (summed per denom) and nothing else was.
pub fn take(
    info: &MessageInfo,
    env: &Env,
    owed: &[(AssetInfo, u128)],
) -> Result<Vec<CosmosMsg>, ContractError> {
    let mut natives: Vec<Coin> = Vec::new();
    let mut pulls = Vec::new();
    for (asset, amount) in owed.iter().filter(|(_, amount)| *amount > 0) {
        match asset {
            AssetInfo::Native { denom } => match natives.iter_mut().find(|c| &c.denom == denom) {
                Some(coin) => coin.amount += cosmwasm_std::Uint128::new(*amount),
                None => natives.push(Coin::new(*amount, denom)),
            },
            AssetInfo::Cw20 { contract_addr } => pulls.push(
                WasmMsg::Execute {
                    contract_addr: contract_addr.clone(),
                    msg: to_json_binary(&Cw20ExecuteMsg::TransferFrom {
                        owner: info.sender.to_string(),
                        recipient: env.contract.address.to_string(),
                        amount: (*amount).into(),
                    })?,
                    funds: vec![],
                }
                .into(),
            ),
        }
    }
    let mut attached = info.funds.clone();
    attached.sort_by(|a, b| a.denom.cmp(&b.denom));
    natives.sort_by(|a, b| a.denom.cmp(&b.denom));
    if attached != natives {
        let list = |coins: &[Coin]| {
            coins
                .iter()
                .map(Coin::to_string)
                .collect::<Vec<_>>()
                .join(",")
        };
        return Err(ContractError::WrongFunds {
            expected: list(&natives),
            got: list(&attached),
        });
    }
    Ok(pulls)
}

/// A transfer of `amount` of `asset` to `recipient` (none for zero).
pub fn pay(
    asset: &AssetInfo,
    recipient: &Addr,
    amount: u128,
) -> Result<Option<CosmosMsg>, ContractError> {
    if amount == 0 {
        return Ok(None);
    }
    Ok(Some(asset.transfer_msg(recipient, amount.into())?))
}
