use std::fmt;

use cosmwasm_schema::cw_serde;
use cosmwasm_std::{
    to_json_binary, Addr, Api, BankMsg, Coin, CosmosMsg, StdError, StdResult, Uint128, WasmMsg,
};

/// A token: a native bank denom or a cw20 contract.
#[cw_serde]
#[derive(Eq, PartialOrd, Ord, Hash)]
pub enum AssetInfo {
    Native { denom: String },
    Cw20 { contract_addr: String },
}

impl AssetInfo {
    pub fn native(denom: impl Into<String>) -> Self {
        AssetInfo::Native {
            denom: denom.into(),
        }
    }

    pub fn cw20(addr: impl Into<String>) -> Self {
        AssetInfo::Cw20 {
            contract_addr: addr.into(),
        }
    }

    /// Checks the denom or address and returns the canonical form to store.
    pub fn validate(&self, api: &dyn Api) -> StdResult<AssetInfo> {
        match self {
            AssetInfo::Native { denom } => {
                if denom.is_empty() {
                    return Err(StdError::generic_err("empty native denom"));
                }
                Ok(self.clone())
            }
            AssetInfo::Cw20 { contract_addr } => Ok(AssetInfo::Cw20 {
                contract_addr: api.addr_validate(contract_addr)?.to_string(),
            }),
        }
    }

    /// A unique string key for storage maps: `native:<denom>` or `cw20:<addr>`.
    pub fn key(&self) -> String {
        self.to_string()
    }

    pub fn is_cw20(&self, addr: &Addr) -> bool {
        matches!(self, AssetInfo::Cw20 { contract_addr } if contract_addr == addr.as_str())
    }

    /// A message paying `amount` of this asset to `recipient`.
    pub fn transfer_msg(&self, recipient: &Addr, amount: Uint128) -> StdResult<CosmosMsg> {
        Ok(match self {
            AssetInfo::Native { denom } => BankMsg::Send {
                to_address: recipient.to_string(),
                amount: vec![Coin::new(amount, denom.clone())],
            }
            .into(),
            AssetInfo::Cw20 { contract_addr } => WasmMsg::Execute {
                contract_addr: contract_addr.clone(),
                msg: to_json_binary(&cw20::Cw20ExecuteMsg::Transfer {
                    recipient: recipient.to_string(),
                    amount,
                })?,
                funds: vec![],
            }
            .into(),
        })
    }
}

impl fmt::Display for AssetInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AssetInfo::Native { denom } => write!(f, "native:{denom}"),
            AssetInfo::Cw20 { contract_addr } => write!(f, "cw20:{contract_addr}"),
        }
    }
}

/// An amount of a token.
#[cw_serde]
pub struct Asset {
    pub info: AssetInfo,
    pub amount: Uint128,
}

/// `recipient` if given (validated), else `default` (the sender, or the owner acting): the
/// rule every message with an optional recipient follows.
pub fn recipient_or(api: &dyn Api, recipient: Option<String>, default: &Addr) -> StdResult<Addr> {
    match recipient {
        Some(r) => api.addr_validate(&r),
        None => Ok(default.clone()),
    }
}
