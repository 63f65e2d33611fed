//! Deploying an oTOKEN, funding its reserve, and a farm that pays its rewards in it.
use anyhow::{anyhow, Context, Result};
use cosmwasm_std::{coins, Addr};
use cw_multi_test::AppResponse;
use trellis_types::asset::AssetInfo;
use trellis_types::options_token::{
    Delivery, ExecuteMsg, InstantiateMsg, OracleConfig, ReceiveMsg,
};

use super::{OptionsTokenHandle, OptionsTokenOptions};
use crate::codes::ContractKind;
use crate::farm::{FarmHandle, FarmOptions, RewardOptions};
use crate::suite::Suite;

impl Suite {
    /// Instantiates an oTOKEN owned by the suite owner, who is also its minter (so that
    /// [`Suite::deploy_options_farm`] or a cw20 `UpdateMinter` can hand the role on), and
    /// registers it under its symbol. With `Delivery::Mint` it then makes the oTOKEN the
    /// minter of the underlying cw20, taking the role from the suite owner (create the
    /// underlying with `minter: Some(suite.owner)`).
    pub fn deploy_options_token(
        &mut self,
        options: OptionsTokenOptions,
    ) -> Result<OptionsTokenHandle> {
        let owner = self.owner.clone();
        let msg = InstantiateMsg {
            name: format!("{} option", options.symbol),
            symbol: options.symbol.clone(),
            decimals: options.decimals,
            owner: owner.to_string(),
            minter: Some(owner.to_string()),
            cap: options.cap,
            underlying: options.underlying.clone(),
            delivery: options.delivery.clone(),
            payment: options.payment.clone(),
            oracle: OracleConfig {
                pool: options.pool.to_string(),
                window_secs: options.window_secs,
                ago_secs: options.ago_secs,
            },
            multiplier_bps: options.multiplier_bps,
            min_price: options.min_price,
            treasury: options.treasury.to_string(),
        };
        let label = ContractKind::OptionsToken.label();
        let addr = self
            .instantiate_as_owner(ContractKind::OptionsToken, &msg, label)
            .map_err(|e| anyhow!("instantiating the options token {}: {e:#}", options.symbol))?;
        if options.delivery == Delivery::Mint {
            self.cw20_update_minter(&options.underlying, &owner, &addr)
                .context("making the options token the minter of its underlying")?;
        }
        let asset = AssetInfo::cw20(addr.to_string());
        self.tokens.insert(options.symbol.clone(), asset.clone());
        Ok(OptionsTokenHandle {
            addr,
            asset,
            symbol: options.symbol,
            underlying: options.underlying,
            payment: options.payment,
            delivery: options.delivery,
            treasury: options.treasury,
        })
    }

    /// Tops up a reserve-delivery oTOKEN with `amount` underlying from `from`: a cw20 `Send`
    /// with the `fund_reserve` hook, or native funds attached to `FundReserve`.
    pub fn fund_options_reserve(
        &mut self,
        otoken: &OptionsTokenHandle,
        from: &Addr,
        amount: u128,
    ) -> Result<AppResponse> {
        match &otoken.underlying {
            AssetInfo::Native { denom } => self.execute_contract(
                from.clone(),
                otoken.addr.clone(),
                &ExecuteMsg::FundReserve {},
                &coins(amount, denom),
            ),
            AssetInfo::Cw20 { .. } => self.cw20_send(
                from,
                &otoken.underlying,
                &otoken.addr,
                amount,
                &ReceiveMsg::FundReserve {},
            ),
        }
    }

    /// Deploys a farm (as [`Suite::deploy_farm`]) whose reward is minted `otoken`: claims send
    /// the oTOKEN cw20 `Mint`, and the farm becomes its minter. The suite owner must still be
    /// the oTOKEN's minter (as after [`Suite::deploy_options_token`]).
    pub fn deploy_options_farm(
        &mut self,
        options: FarmOptions,
        otoken: &OptionsTokenHandle,
    ) -> Result<FarmHandle> {
        let options = FarmOptions {
            reward: otoken.farm_reward(),
            ..options
        };
        self.deploy_farm(options)
    }

    /// The suite owner, while it is the oTOKEN's minter, mints `amount` to the named account
    /// (options outside any farm, e.g. to exercise them in a test).
    pub fn mint_options(
        &mut self,
        otoken: &OptionsTokenHandle,
        to: &str,
        amount: u128,
    ) -> Result<AppResponse> {
        let (owner, recipient) = (self.owner.clone(), self.addr(to).to_string());
        let msg = ExecuteMsg::Mint {
            recipient,
            amount: cosmwasm_std::Uint128::new(amount),
        };
        self.options_exec(otoken, &owner, &msg, &[])
    }

    /// Any oTOKEN message from `sender` with native `funds` (a contract error stays
    /// downcastable to `trellis_options_token::ContractError`).
    pub fn options_exec(
        &mut self,
        otoken: &OptionsTokenHandle,
        sender: &Addr,
        msg: &ExecuteMsg,
        funds: &[cosmwasm_std::Coin],
    ) -> Result<AppResponse> {
        self.execute_contract(sender.clone(), otoken.addr.clone(), msg, funds)
    }
}

impl OptionsTokenHandle {
    /// The farm reward that mints this oTOKEN (for `FarmOptions::reward`, e.g. with
    /// `deploy_ve_farm`).
    pub fn farm_reward(&self) -> RewardOptions {
        RewardOptions::Mint {
            symbol: self.symbol.clone(),
        }
    }
}
