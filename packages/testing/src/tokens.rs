//! Tokens: cw20-base contracts and native bank denoms, balances and transfers.
use anyhow::{anyhow, Result};
use cosmwasm_std::{coins, to_json_binary, Addr, Binary, Uint128};
use cw20::{
    BalanceResponse, Cw20Coin, Cw20ExecuteMsg, Cw20QueryMsg, MinterResponse, TokenInfoResponse,
};
use cw_multi_test::{AppResponse, BankSudo, Executor, SudoMsg};
use trellis_types::asset::AssetInfo;

use crate::codes::ContractKind;
use crate::suite::Suite;

/// Decimals of a native denom not registered otherwise: Cosmos micro denoms (`uatom`).
pub const NATIVE_DECIMALS: u8 = 6;

/// Options of a cw20 token beyond its symbol and balances.
#[derive(Clone, Debug)]
pub struct Cw20Options {
    pub name: Option<String>,
    pub decimals: u8,
    /// The minter; `None` makes a fixed-supply token.
    pub minter: Option<Addr>,
}

impl Default for Cw20Options {
    fn default() -> Self {
        Cw20Options {
            name: None,
            decimals: 6,
            minter: None,
        }
    }
}

impl Suite {
    /// Instantiates a cw20-base token (6 decimals, no minter) with initial balances given by
    /// account name, and registers it under `symbol`.
    pub fn create_cw20(&mut self, symbol: &str, balances: &[(&str, u128)]) -> Result<AssetInfo> {
        let balances: Vec<(Addr, u128)> = balances
            .iter()
            .map(|(name, amount)| (self.addr(name), *amount))
            .collect();
        self.create_cw20_with(symbol, &balances, Cw20Options::default())
    }

    /// Instantiates a cw20-base token with explicit options and balances by address.
    pub fn create_cw20_with(
        &mut self,
        symbol: &str,
        balances: &[(Addr, u128)],
        options: Cw20Options,
    ) -> Result<AssetInfo> {
        let mut initial: Vec<Cw20Coin> = Vec::new();
        for (addr, amount) in balances {
            // cw20-base stores one balance per address: merge repeated holders.
            match initial.iter_mut().find(|c| c.address == addr.as_str()) {
                Some(coin) => coin.amount += Uint128::new(*amount),
                None => initial.push(Cw20Coin {
                    address: addr.to_string(),
                    amount: Uint128::new(*amount),
                }),
            }
        }
        let msg = cw20_base::msg::InstantiateMsg {
            name: options.name.unwrap_or_else(|| format!("{symbol} token")),
            symbol: symbol.to_string(),
            decimals: options.decimals,
            initial_balances: initial,
            mint: options.minter.map(|minter| MinterResponse {
                minter: minter.to_string(),
                cap: None,
            }),
            marketing: None,
        };
        let addr = self
            .instantiate_as_owner(ContractKind::Cw20Base, &msg, symbol)
            .map_err(|e| anyhow!("instantiating cw20 {symbol}: {e:#}"))?;
        let asset = AssetInfo::cw20(addr.to_string());
        self.tokens.insert(symbol.to_string(), asset.clone());
        Ok(asset)
    }

    /// Registers a native denom under `symbol` (no chain action: denoms exist once minted).
    pub fn register_native(&mut self, symbol: &str, denom: &str) -> AssetInfo {
        let asset = AssetInfo::native(denom);
        self.tokens.insert(symbol.to_string(), asset.clone());
        asset
    }

    /// [`Suite::register_native`] for a denom whose base unit is not a micro unit (e.g. an
    /// 18-decimal bridged token): pools created over it declare these decimals.
    pub fn register_native_with_decimals(
        &mut self,
        symbol: &str,
        denom: &str,
        decimals: u8,
    ) -> AssetInfo {
        self.native_decimals.insert(denom.to_string(), decimals);
        self.register_native(symbol, denom)
    }

    /// Decimals of an asset, as a pool creator declares them: a cw20 token's own (its
    /// `TokenInfo`), a native denom's as registered, else [`NATIVE_DECIMALS`].
    pub fn asset_decimals(&self, asset: &AssetInfo) -> Result<u8> {
        match asset {
            AssetInfo::Native { denom } => Ok(self
                .native_decimals
                .get(denom)
                .copied()
                .unwrap_or(NATIVE_DECIMALS)),
            AssetInfo::Cw20 { contract_addr } => {
                let info: TokenInfoResponse = self
                    .app
                    .wrap()
                    .query_wasm_smart(contract_addr, &Cw20QueryMsg::TokenInfo {})?;
                Ok(info.decimals)
            }
        }
    }

    /// The asset registered under `symbol` by `create_cw20` or `register_native`.
    pub fn token(&self, symbol: &str) -> Result<AssetInfo> {
        self.tokens
            .get(symbol)
            .cloned()
            .ok_or_else(|| anyhow!("unknown token {symbol}"))
    }

    /// The cw20 contract address of an asset, or an error for a native one.
    pub fn cw20_addr(asset: &AssetInfo) -> Result<Addr> {
        match asset {
            AssetInfo::Cw20 { contract_addr } => Ok(Addr::unchecked(contract_addr)),
            AssetInfo::Native { denom } => Err(anyhow!("{denom} is a native denom, not a cw20")),
        }
    }

    /// Creates `amount` of a native denom in the named account (bank sudo mint).
    pub fn mint_native(&mut self, user: &str, denom: &str, amount: u128) -> Result<AppResponse> {
        let to = self.addr(user);
        self.mint_native_to(&to, denom, amount)
    }

    pub fn mint_native_to(&mut self, to: &Addr, denom: &str, amount: u128) -> Result<AppResponse> {
        self.app.sudo(SudoMsg::Bank(BankSudo::Mint {
            to_address: to.to_string(),
            amount: coins(amount, denom),
        }))
    }

    /// The named account's balance of `asset`.
    pub fn balance(&self, user: &str, asset: &AssetInfo) -> Result<u128> {
        self.balance_of(&self.addr(user), asset)
    }

    /// Any address's balance of `asset`.
    pub fn balance_of(&self, addr: &Addr, asset: &AssetInfo) -> Result<u128> {
        match asset {
            AssetInfo::Native { denom } => {
                Ok(self.app.wrap().query_balance(addr, denom)?.amount.u128())
            }
            AssetInfo::Cw20 { contract_addr } => {
                let res: BalanceResponse = self.app.wrap().query_wasm_smart(
                    contract_addr,
                    &Cw20QueryMsg::Balance {
                        address: addr.to_string(),
                    },
                )?;
                Ok(res.balance.u128())
            }
        }
    }

    /// Total supply of a cw20 token.
    pub fn cw20_supply(&self, asset: &AssetInfo) -> Result<u128> {
        let addr = Suite::cw20_addr(asset)?;
        let info: cw20::TokenInfoResponse = self
            .app
            .wrap()
            .query_wasm_smart(addr, &Cw20QueryMsg::TokenInfo {})?;
        Ok(info.total_supply.u128())
    }

    /// Transfers `amount` of `asset` between addresses (bank send or cw20 transfer).
    pub fn transfer(
        &mut self,
        from: &Addr,
        to: &Addr,
        asset: &AssetInfo,
        amount: u128,
    ) -> Result<AppResponse> {
        match asset {
            AssetInfo::Native { denom } => {
                self.app
                    .send_tokens(from.clone(), to.clone(), &coins(amount, denom))
            }
            AssetInfo::Cw20 { contract_addr } => self.execute_contract(
                from.clone(),
                Addr::unchecked(contract_addr),
                &Cw20ExecuteMsg::Transfer {
                    recipient: to.to_string(),
                    amount: Uint128::new(amount),
                },
                &[],
            ),
        }
    }

    /// A cw20 `Send` of `amount` to `contract` with a hook message.
    pub fn cw20_send<M: serde::Serialize>(
        &mut self,
        from: &Addr,
        token: &AssetInfo,
        contract: &Addr,
        amount: u128,
        msg: &M,
    ) -> Result<AppResponse> {
        let token = Suite::cw20_addr(token)?;
        let msg: Binary = to_json_binary(msg)?;
        self.execute_contract(
            from.clone(),
            token,
            &Cw20ExecuteMsg::Send {
                contract: contract.to_string(),
                amount: Uint128::new(amount),
                msg,
            },
            &[],
        )
    }

    /// Hands the minter role of a cw20 from `current` to `new_minter`.
    pub fn cw20_update_minter(
        &mut self,
        token: &AssetInfo,
        current: &Addr,
        new_minter: &Addr,
    ) -> Result<AppResponse> {
        let token = Suite::cw20_addr(token)?;
        self.execute_contract(
            current.clone(),
            token,
            &Cw20ExecuteMsg::UpdateMinter {
                new_minter: Some(new_minter.to_string()),
            },
            &[],
        )
    }
}
