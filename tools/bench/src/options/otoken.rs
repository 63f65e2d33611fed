//! An oTOKEN instance of the options world: the contract's own messages for deployment,
//! reserve funding and its queries; cw20 use goes through [`Cw20Token`].
use std::rc::Rc;

use anyhow::Result;
use cosmwasm_std::{Addr, Coin, Uint128};
use trellis_types::options_token::{
    Delivery, ExecuteMsg, InstantiateMsg, OracleConfig, QueryMsg, SimulateExerciseResponse,
    StrikePriceResponse, TotalsResponse,
};
use trellis_types::AssetInfo;

use crate::options::cw20_token::Cw20Token;
use crate::options::params::{
    min_price, MULTIPLIER_BPS, TWAP_AGO_SECS, TWAP_WINDOW_SECS, UNDERLYING_DENOM,
};
use crate::ve::world::World;
use crate::vm::Code;

/// Who runs an instance and what it sells for what.
pub struct OTokenSetup<'a> {
    pub label: &'a str,
    pub symbol: &'a str,
    pub address: Addr,
    pub owner: &'a str,
    /// `None`: the owner mints.
    pub minter: Option<String>,
    pub cap: Option<u128>,
    pub payment: AssetInfo,
    pub pool: &'a Addr,
    pub treasury: &'a str,
}

pub struct OToken {
    pub address: Addr,
    pub token: Cw20Token,
}

impl OToken {
    /// Instantiates an instance selling the native underlying from a reserve, priced by
    /// `setup.pool`'s TWAP at the group's multiplier, window and minimum price.
    pub fn deploy(world: &World, code: &Rc<Code>, setup: OTokenSetup) -> Result<Self> {
        let msg = InstantiateMsg {
            name: format!("Trellis option {}", setup.symbol),
            symbol: setup.symbol.to_string(),
            decimals: 6,
            owner: setup.owner.to_string(),
            minter: setup.minter,
            cap: setup.cap.map(Uint128::new),
            underlying: AssetInfo::native(UNDERLYING_DENOM),
            delivery: Delivery::Reserve,
            payment: setup.payment,
            oracle: OracleConfig {
                pool: setup.pool.to_string(),
                window_secs: TWAP_WINDOW_SECS,
                ago_secs: TWAP_AGO_SECS,
            },
            multiplier_bps: MULTIPLIER_BPS,
            min_price: min_price(),
            treasury: setup.treasury.to_string(),
        };
        world.instantiate(code, setup.label, &setup.address, setup.owner, &msg)?;
        Ok(OToken {
            token: Cw20Token {
                address: setup.address.clone(),
            },
            address: setup.address,
        })
    }

    /// Tops the reserve up with `amount` of the native underlying.
    pub fn fund_reserve(&self, world: &World, funder: &str, amount: u128) -> Result<()> {
        world.execute(
            &self.address,
            funder,
            &[Coin::new(amount, UNDERLYING_DENOM)],
            &ExecuteMsg::FundReserve {},
        )?;
        Ok(())
    }

    pub fn totals(&self, world: &World) -> Result<TotalsResponse> {
        world.query(&self.address, &QueryMsg::Totals {})
    }

    pub fn strike(&self, world: &World) -> Result<StrikePriceResponse> {
        world.query(&self.address, &QueryMsg::StrikePrice {})
    }

    pub fn simulate(&self, world: &World, amount: u128) -> Result<SimulateExerciseResponse> {
        world.query(
            &self.address,
            &QueryMsg::SimulateExercise {
                amount: Uint128::new(amount),
            },
        )
    }
}
