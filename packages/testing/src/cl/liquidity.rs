//! A position's life: mint, increase, decrease, collect and burn. Natives are attached as
//! exactly the desired amounts (the pool refunds what it does not use); cw20s are approved for
//! the desired amounts and the pool pulls exactly what it uses (the rest of the allowance
//! stays).
use anyhow::{anyhow, Context, Result};
use cosmwasm_std::{from_json, Addr, Coin, Uint128};
use cw20::Cw20ExecuteMsg;
use cw_multi_test::AppResponse;
use trellis_types::asset::AssetInfo;
use trellis_types::cl_pool::{AddAmounts, ExecuteMsg, LiquidityResponse};

use super::ClPoolHandle;
use crate::suite::Suite;

/// The `LiquidityResponse` a direct call to the pool answered.
fn liquidity_data(res: &AppResponse) -> Result<LiquidityResponse> {
    let data = res
        .data
        .as_ref()
        .ok_or_else(|| anyhow!("the pool answered no liquidity data"))?;
    from_json(data).context("reading the pool's LiquidityResponse")
}

impl Suite {
    /// Executes a CL pool message from `sender` with `funds` (a contract error stays
    /// downcastable to `trellis_cl_pool::ContractError`).
    pub fn cl_exec(
        &mut self,
        sender: &Addr,
        pool: &ClPoolHandle,
        msg: &ExecuteMsg,
        funds: &[Coin],
    ) -> Result<AppResponse> {
        self.execute_contract(sender.clone(), pool.address.clone(), msg, funds)
    }

    /// Attaches the native `amounts` (pool order, sorted by denom as the bank wants) and
    /// approves the cw20 ones to the pool.
    fn cl_fund_addition(
        &mut self,
        sender: &Addr,
        pool: &ClPoolHandle,
        amounts: [u128; 2],
    ) -> Result<Vec<Coin>> {
        let mut funds = Vec::new();
        for (asset, amount) in pool.assets.iter().zip(amounts) {
            if amount == 0 {
                continue;
            }
            match asset {
                AssetInfo::Native { denom } => funds.push(Coin::new(amount, denom)),
                AssetInfo::Cw20 { contract_addr } => {
                    self.execute_contract(
                        sender.clone(),
                        Addr::unchecked(contract_addr),
                        &Cw20ExecuteMsg::IncreaseAllowance {
                            spender: pool.address.to_string(),
                            amount: Uint128::new(amount),
                            expires: None,
                        },
                        &[],
                    )?;
                }
            }
        }
        funds.sort_by(|a, b| a.denom.cmp(&b.denom));
        Ok(funds)
    }

    /// Mints a position over `[lower_tick, upper_tick)` to `user` with `desired` (pool order)
    /// and no minimums; returns its token id.
    pub fn cl_mint(
        &mut self,
        user: &str,
        pool: &ClPoolHandle,
        lower_tick: i32,
        upper_tick: i32,
        desired: [u128; 2],
    ) -> Result<String> {
        let amounts = AddAmounts {
            desired: desired.map(Uint128::new),
            min: [Uint128::zero(); 2],
        };
        let minted = self.cl_mint_with(user, pool, lower_tick, upper_tick, amounts, None, None)?;
        Ok(minted.token_id)
    }

    /// [`Suite::cl_mint`] with minimums, a recipient of the NFT and a deadline; returns the
    /// liquidity minted and the amounts paid (rounded up).
    #[allow(clippy::too_many_arguments)]
    pub fn cl_mint_with(
        &mut self,
        user: &str,
        pool: &ClPoolHandle,
        lower_tick: i32,
        upper_tick: i32,
        amounts: AddAmounts,
        recipient: Option<&Addr>,
        deadline: Option<u64>,
    ) -> Result<LiquidityResponse> {
        let sender = self.addr(user);
        let funds = self.cl_fund_addition(&sender, pool, amounts.desired.map(|a| a.u128()))?;
        let msg = ExecuteMsg::Mint {
            lower_tick,
            upper_tick,
            amounts,
            recipient: recipient.map(|r| r.to_string()),
            deadline,
        };
        let res = self.cl_exec(&sender, pool, &msg, &funds)?;
        liquidity_data(&res)
    }

    /// Adds liquidity to `token_id` at its range with `desired` (pool order), no minimums.
    pub fn cl_increase_liquidity(
        &mut self,
        user: &str,
        pool: &ClPoolHandle,
        token_id: &str,
        desired: [u128; 2],
    ) -> Result<LiquidityResponse> {
        let sender = self.addr(user);
        let funds = self.cl_fund_addition(&sender, pool, desired)?;
        let msg = ExecuteMsg::IncreaseLiquidity {
            token_id: token_id.to_string(),
            amounts: AddAmounts {
                desired: desired.map(Uint128::new),
                min: [Uint128::zero(); 2],
            },
            deadline: None,
        };
        let res = self.cl_exec(&sender, pool, &msg, &funds)?;
        liquidity_data(&res)
    }

    /// Removes `liquidity` from `token_id`, no minimums; the amounts (rounded down) become the
    /// position's tokens owed.
    pub fn cl_decrease_liquidity(
        &mut self,
        user: &str,
        pool: &ClPoolHandle,
        token_id: &str,
        liquidity: u128,
    ) -> Result<LiquidityResponse> {
        let sender = self.addr(user);
        let msg = ExecuteMsg::DecreaseLiquidity {
            token_id: token_id.to_string(),
            liquidity: Uint128::new(liquidity),
            amount_min: [Uint128::zero(); 2],
            deadline: None,
        };
        let res = self.cl_exec(&sender, pool, &msg, &[])?;
        liquidity_data(&res)
    }

    /// Collects everything `token_id` is owed (fees and decreased liquidity) to `user`.
    pub fn cl_collect(
        &mut self,
        user: &str,
        pool: &ClPoolHandle,
        token_id: &str,
    ) -> Result<AppResponse> {
        let sender = self.addr(user);
        let msg = ExecuteMsg::Collect {
            token_id: token_id.to_string(),
            recipient: None,
            amount_max: None,
        };
        self.cl_exec(&sender, pool, &msg, &[])
    }

    /// Burns an empty position (no liquidity, nothing owed) and its NFT.
    pub fn cl_burn(&mut self, user: &str, pool: &ClPoolHandle, token_id: &str) -> Result<()> {
        let sender = self.addr(user);
        let msg = ExecuteMsg::Burn {
            token_id: token_id.to_string(),
        };
        self.cl_exec(&sender, pool, &msg, &[])?;
        Ok(())
    }
}
