//! A cw20 contract of the options world, driven with cw20's own messages. The oTOKEN wasm is a
//! full cw20 (cw20-base inside), so any of its instances can serve as a plain token.
use anyhow::Result;
use cosmwasm_std::{to_json_binary, Addr, Uint128};
use cw20::{BalanceResponse, Cw20ExecuteMsg, Cw20QueryMsg, TokenInfoResponse};
use serde::Serialize;
use trellis_types::AssetInfo;

use crate::ve::world::{Tx, World};

#[derive(Clone, Debug)]
pub struct Cw20Token {
    pub address: Addr,
}

impl Cw20Token {
    pub fn asset(&self) -> AssetInfo {
        AssetInfo::cw20(self.address.as_str())
    }

    pub fn balance(&self, world: &World, holder: &str) -> Result<u128> {
        let res: BalanceResponse = world.query(
            &self.address,
            &Cw20QueryMsg::Balance {
                address: holder.to_string(),
            },
        )?;
        Ok(res.balance.u128())
    }

    pub fn total_supply(&self, world: &World) -> Result<u128> {
        let res: TokenInfoResponse = world.query(&self.address, &Cw20QueryMsg::TokenInfo {})?;
        Ok(res.total_supply.u128())
    }

    pub fn mint(&self, world: &World, minter: &str, recipient: &str, amount: u128) -> Result<Tx> {
        let msg = Cw20ExecuteMsg::Mint {
            recipient: recipient.to_string(),
            amount: Uint128::new(amount),
        };
        world.execute(&self.address, minter, &[], &msg)
    }

    pub fn increase_allowance(
        &self,
        world: &World,
        owner: &str,
        spender: &Addr,
        amount: u128,
    ) -> Result<Tx> {
        let msg = Cw20ExecuteMsg::IncreaseAllowance {
            spender: spender.to_string(),
            amount: Uint128::new(amount),
            expires: None,
        };
        world.execute(&self.address, owner, &[], &msg)
    }

    /// cw20 `Send`: moves `amount` to `contract` and calls its `Receive` with `hook`.
    pub fn send<H: Serialize>(
        &self,
        world: &World,
        sender: &str,
        contract: &Addr,
        amount: u128,
        hook: &H,
    ) -> Result<Tx> {
        let msg = Cw20ExecuteMsg::Send {
            contract: contract.to_string(),
            amount: Uint128::new(amount),
            msg: to_json_binary(hook)?,
        };
        world.execute(&self.address, sender, &[], &msg)
    }
}
