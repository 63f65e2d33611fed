//! CL swaps: the asset offered decides the direction (token0 in moves the price down). A native
//! coin is attached, a cw20 is sent with the pool's hook; what is not spent is refunded.
use anyhow::{anyhow, bail, Result};
use cosmwasm_std::{coins, Uint128};
use trellis_types::asset::AssetInfo;
use trellis_types::cl_pool::{ExecuteMsg, ReceiveMsg, SwapResponse};

use super::{cl_swap_from_events, ClPoolHandle, ClSwapOptions};
use crate::suite::Suite;

impl Suite {
    /// Sends `amount` of `offer` into the pool: a native coin with `native_msg`, or a cw20
    /// `Send` with `hook`; returns the pool's report of the swap.
    fn cl_swap_send(
        &mut self,
        user: &str,
        pool: &ClPoolHandle,
        offer: &AssetInfo,
        amount: u128,
        native_msg: ExecuteMsg,
        hook: ReceiveMsg,
    ) -> Result<SwapResponse> {
        if pool.index_of(offer).is_none() {
            bail!("{offer} is not an asset of CL pool {}", pool.address);
        }
        let sender = self.addr(user);
        let res = match offer {
            AssetInfo::Native { denom } => {
                self.cl_exec(&sender, pool, &native_msg, &coins(amount, denom))?
            }
            AssetInfo::Cw20 { .. } => {
                self.cw20_send(&sender, offer, &pool.address, amount, &hook)?
            }
        };
        cl_swap_from_events(&res, &pool.address, &pool.assets)
    }

    /// Sells `amount` of `offer` for the pool's other asset, down to the end of the price range.
    pub fn cl_swap_exact_in(
        &mut self,
        user: &str,
        pool: &ClPoolHandle,
        offer: &AssetInfo,
        amount: u128,
    ) -> Result<SwapResponse> {
        self.cl_swap_exact_in_with(user, pool, offer, amount, ClSwapOptions::default())
    }

    pub fn cl_swap_exact_in_with(
        &mut self,
        user: &str,
        pool: &ClPoolHandle,
        offer: &AssetInfo,
        amount: u128,
        options: ClSwapOptions,
    ) -> Result<SwapResponse> {
        let (sqrt_price_limit, min_out, recipient, deadline) = (
            options.sqrt_price_limit,
            options.min_out_amount(),
            options.recipient_string(),
            options.deadline,
        );
        self.cl_swap_send(
            user,
            pool,
            offer,
            amount,
            ExecuteMsg::SwapExactIn {
                sqrt_price_limit,
                min_out,
                recipient: recipient.clone(),
                deadline,
            },
            ReceiveMsg::SwapExactIn {
                sqrt_price_limit,
                min_out,
                recipient,
                deadline,
            },
        )
    }

    /// Buys `amount_out` of the pool's other asset paying at most `max_in` of `offer` (the
    /// excess is refunded).
    pub fn cl_swap_exact_out(
        &mut self,
        user: &str,
        pool: &ClPoolHandle,
        offer: &AssetInfo,
        max_in: u128,
        amount_out: u128,
    ) -> Result<SwapResponse> {
        self.cl_swap_exact_out_with(
            user,
            pool,
            offer,
            max_in,
            amount_out,
            ClSwapOptions::default(),
        )
    }

    /// [`Suite::cl_swap_exact_out`] with a price limit, recipient and deadline (`min_out` does
    /// not apply).
    pub fn cl_swap_exact_out_with(
        &mut self,
        user: &str,
        pool: &ClPoolHandle,
        offer: &AssetInfo,
        max_in: u128,
        amount_out: u128,
        options: ClSwapOptions,
    ) -> Result<SwapResponse> {
        let (amount_out, sqrt_price_limit, recipient, deadline) = (
            Uint128::new(amount_out),
            options.sqrt_price_limit,
            options.recipient_string(),
            options.deadline,
        );
        self.cl_swap_send(
            user,
            pool,
            offer,
            max_in,
            ExecuteMsg::SwapExactOut {
                amount_out,
                sqrt_price_limit,
                recipient: recipient.clone(),
                deadline,
            },
            ReceiveMsg::SwapExactOut {
                amount_out,
                sqrt_price_limit,
                recipient,
                deadline,
            },
        )
    }

    /// Moves the price to the sqrt price of `target_tick`: `user` sells their whole balance of
    /// token0 (target below the current price) or token1 (above) with the target as the price
    /// limit; the pool takes what reaching it costs and refunds the rest. The whole balance is
    /// offered because, past the last liquidity, v3's loop moves the price only while some input
    /// is left. Fails, doing nothing, when the pool's simulation of that swap stops short of
    /// the target (not enough balance, or the tick bound).
    pub fn cl_swap_to_tick(
        &mut self,
        user: &str,
        pool: &ClPoolHandle,
        target_tick: i32,
    ) -> Result<SwapResponse> {
        let target = trellis_math::cl::sqrt_price_at_tick(target_tick)
            .map_err(|e| anyhow!("no sqrt price at tick {target_tick}: {e}"))?;
        let current = self.cl_pool_state(pool)?.sqrt_price;
        let offer = match target.cmp(&current) {
            std::cmp::Ordering::Less => pool.assets[0].clone(),
            std::cmp::Ordering::Greater => pool.assets[1].clone(),
            std::cmp::Ordering::Equal => bail!("the price is already at tick {target_tick}"),
        };
        let balance = self.balance(user, &offer)?;
        if balance == 0 {
            bail!("{user} holds no {offer} to move the price to tick {target_tick}");
        }
        let plan = self.cl_simulate_swap_exact_in(pool, &offer, balance, Some(target))?;
        if plan.sqrt_price_after != target {
            bail!(
                "selling {balance} {offer} stops at sqrt price {} (tick {}), short of tick \
                 {target_tick}",
                plan.sqrt_price_after,
                plan.tick_after
            );
        }
        let options = ClSwapOptions::default().sqrt_price_limit(target);
        self.cl_swap_exact_in_with(user, pool, &offer, balance, options)
    }
}
