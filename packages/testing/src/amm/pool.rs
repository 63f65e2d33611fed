//! Weighted pools: liquidity, swaps, single-asset joins and exits, and the pool's queries.
//! Natives are attached as funds; cw20s go through an allowance (two-asset join) or a cw20
//! `Send` with the pool's hook (everything else).
use anyhow::Result;
use cosmwasm_std::{coins, Addr, Coin, Decimal256, Uint128};
use cw20::Cw20ExecuteMsg;
use cw_multi_test::AppResponse;
use trellis_types::asset::{Asset, AssetInfo};
use trellis_types::weighted_pool::{
    ExecuteMsg, ExitResponse, JoinResponse, PoolInfoResponse, PriceResponse, QueryMsg, ReceiveMsg,
    SwapResponse, TwapResponse,
};

use super::{swap_from_events, PoolHandle, TradeOptions};
use crate::suite::Suite;

fn amount(v: Option<u128>) -> Option<Uint128> {
    v.map(Uint128::new)
}

impl Suite {
    /// Executes a pool message from `sender` with `funds` (a contract error stays
    /// downcastable).
    pub fn pool_exec(
        &mut self,
        sender: &Addr,
        pool: &PoolHandle,
        msg: &ExecuteMsg,
        funds: &[Coin],
    ) -> Result<AppResponse> {
        self.execute_contract(sender.clone(), pool.address.clone(), msg, funds)
    }

    /// Sends `amount` of `asset` into the pool for a single-asset action: a native coin with
    /// `native_msg`, or a cw20 `Send` with `hook`.
    fn pool_send(
        &mut self,
        user: &str,
        pool: &PoolHandle,
        asset: &AssetInfo,
        amount: u128,
        native_msg: ExecuteMsg,
        hook: ReceiveMsg,
    ) -> Result<AppResponse> {
        let sender = self.addr(user);
        match asset {
            AssetInfo::Native { denom } => {
                self.pool_exec(&sender, pool, &native_msg, &coins(amount, denom))
            }
            AssetInfo::Cw20 { .. } => self.cw20_send(&sender, asset, &pool.address, amount, &hook),
        }
    }

    /// Proportional join of up to `amounts` (pool order) from the named account: natives
    /// attached, cw20s approved to the pool first. The first join sets the price.
    pub fn provide_liquidity(
        &mut self,
        user: &str,
        pool: &PoolHandle,
        amounts: [u128; 2],
    ) -> Result<AppResponse> {
        self.join_pool_with(user, pool, amounts, TradeOptions::default())
    }

    /// [`Suite::provide_liquidity`] with limits (`min_out` is the minimum LP out).
    pub fn join_pool_with(
        &mut self,
        user: &str,
        pool: &PoolHandle,
        amounts: [u128; 2],
        options: TradeOptions,
    ) -> Result<AppResponse> {
        let sender = self.addr(user);
        let mut funds: Vec<Coin> = Vec::new();
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
        // The bank expects coins sorted by denom.
        funds.sort_by(|a, b| a.denom.cmp(&b.denom));
        let msg = ExecuteMsg::Join {
            max_amounts: amounts.map(Uint128::new),
            min_lp_out: amount(options.min_out),
            recipient: options.recipient_string(),
            deadline: options.deadline,
        };
        self.pool_exec(&sender, pool, &msg, &funds)
    }

    /// Single-asset join with `amount` of `asset`.
    pub fn join_single(
        &mut self,
        user: &str,
        pool: &PoolHandle,
        asset: &AssetInfo,
        amount: u128,
    ) -> Result<AppResponse> {
        self.join_single_with(user, pool, asset, amount, TradeOptions::default())
    }

    /// [`Suite::join_single`] with limits (`min_out` is the minimum LP out).
    pub fn join_single_with(
        &mut self,
        user: &str,
        pool: &PoolHandle,
        asset: &AssetInfo,
        amount: u128,
        options: TradeOptions,
    ) -> Result<AppResponse> {
        let (min_lp_out, recipient, deadline) = (
            self::amount(options.min_out),
            options.recipient_string(),
            options.deadline,
        );
        self.pool_send(
            user,
            pool,
            asset,
            amount,
            ExecuteMsg::JoinSingle {
                min_lp_out,
                recipient: recipient.clone(),
                deadline,
            },
            ReceiveMsg::JoinSingle {
                min_lp_out,
                recipient,
                deadline,
            },
        )
    }

    /// Sells `amount` of `offer` for the pool's other asset; returns the pool's report.
    pub fn swap_exact_in(
        &mut self,
        user: &str,
        pool: &PoolHandle,
        offer: &AssetInfo,
        amount: u128,
    ) -> Result<SwapResponse> {
        self.swap_exact_in_with(user, pool, offer, amount, TradeOptions::default())
    }

    pub fn swap_exact_in_with(
        &mut self,
        user: &str,
        pool: &PoolHandle,
        offer: &AssetInfo,
        amount: u128,
        options: TradeOptions,
    ) -> Result<SwapResponse> {
        let (min_out, recipient, deadline) = (
            self::amount(options.min_out),
            options.recipient_string(),
            options.deadline,
        );
        let res = self.pool_send(
            user,
            pool,
            offer,
            amount,
            ExecuteMsg::SwapExactIn {
                min_out,
                recipient: recipient.clone(),
                deadline,
            },
            ReceiveMsg::SwapExactIn {
                min_out,
                recipient,
                deadline,
            },
        )?;
        swap_from_events(&res, &pool.address, &pool.assets)
    }

    /// Buys exactly `amount_out` of the pool's other asset, paying at most `max_in` of
    /// `offer` (the excess is refunded); returns the pool's report.
    pub fn swap_exact_out(
        &mut self,
        user: &str,
        pool: &PoolHandle,
        offer: &AssetInfo,
        max_in: u128,
        amount_out: u128,
    ) -> Result<SwapResponse> {
        self.swap_exact_out_with(
            user,
            pool,
            offer,
            max_in,
            amount_out,
            TradeOptions::default(),
        )
    }

    pub fn swap_exact_out_with(
        &mut self,
        user: &str,
        pool: &PoolHandle,
        offer: &AssetInfo,
        max_in: u128,
        amount_out: u128,
        options: TradeOptions,
    ) -> Result<SwapResponse> {
        let (amount_out, recipient, deadline) = (
            Uint128::new(amount_out),
            options.recipient_string(),
            options.deadline,
        );
        let res = self.pool_send(
            user,
            pool,
            offer,
            max_in,
            ExecuteMsg::SwapExactOut {
                amount_out,
                recipient: recipient.clone(),
                deadline,
            },
            ReceiveMsg::SwapExactOut {
                amount_out,
                recipient,
                deadline,
            },
        )?;
        swap_from_events(&res, &pool.address, &pool.assets)
    }

    /// Burns `lp_amount` of the pool's LP token for both assets in proportion.
    pub fn exit_pool(
        &mut self,
        user: &str,
        pool: &PoolHandle,
        lp_amount: u128,
    ) -> Result<AppResponse> {
        self.exit_pool_with(user, pool, lp_amount, TradeOptions::default())
    }

    /// [`Suite::exit_pool`] with limits (`min_amounts_out`, pool order).
    pub fn exit_pool_with(
        &mut self,
        user: &str,
        pool: &PoolHandle,
        lp_amount: u128,
        options: TradeOptions,
    ) -> Result<AppResponse> {
        let sender = self.addr(user);
        let hook = ReceiveMsg::Exit {
            min_amounts_out: options.min_amounts_out.map(|m| m.map(Uint128::new)),
            recipient: options.recipient_string(),
            deadline: options.deadline,
        };
        self.cw20_send(&sender, &pool.lp_token, &pool.address, lp_amount, &hook)
    }

    /// Burns `lp_amount` of the pool's LP token for `asset` alone.
    pub fn exit_single(
        &mut self,
        user: &str,
        pool: &PoolHandle,
        lp_amount: u128,
        asset: &AssetInfo,
    ) -> Result<AppResponse> {
        self.exit_single_with(user, pool, lp_amount, asset, TradeOptions::default())
    }

    /// [`Suite::exit_single`] with limits (`min_out` of `asset`).
    pub fn exit_single_with(
        &mut self,
        user: &str,
        pool: &PoolHandle,
        lp_amount: u128,
        asset: &AssetInfo,
        options: TradeOptions,
    ) -> Result<AppResponse> {
        let sender = self.addr(user);
        let hook = ReceiveMsg::ExitSingle {
            asset: asset.clone(),
            min_out: amount(options.min_out),
            recipient: options.recipient_string(),
            deadline: options.deadline,
        };
        self.cw20_send(&sender, &pool.lp_token, &pool.address, lp_amount, &hook)
    }

    // ---- queries ------------------------------------------------------------------------

    pub fn pool_query<T: serde::de::DeserializeOwned>(
        &self,
        pool: &PoolHandle,
        msg: &QueryMsg,
    ) -> Result<T> {
        Ok(self
            .app
            .wrap()
            .query_wasm_smart(pool.address.clone(), msg)?)
    }

    pub fn pool_info(&self, pool: &PoolHandle) -> Result<PoolInfoResponse> {
        self.pool_query(pool, &QueryMsg::PoolInfo {})
    }

    /// LP-owned balances (protocol fees owed excluded), pool order.
    pub fn pool_reserves(&self, pool: &PoolHandle) -> Result<[u128; 2]> {
        let info = self.pool_info(pool)?;
        Ok(info.assets.map(|a| a.balance.u128()))
    }

    /// Price of `base` in units of the pool's other asset.
    pub fn spot_price(&self, pool: &PoolHandle, base: &AssetInfo) -> Result<Decimal256> {
        let res: PriceResponse =
            self.pool_query(pool, &QueryMsg::SpotPrice { base: base.clone() })?;
        Ok(res.price)
    }

    /// Geometric TWAP of `base` over `[now - ago - window, now - ago]`.
    pub fn twap(
        &self,
        pool: &PoolHandle,
        base: &AssetInfo,
        window_secs: u64,
        ago_secs: u64,
    ) -> Result<TwapResponse> {
        self.pool_query(
            pool,
            &QueryMsg::Twap {
                base: base.clone(),
                window_secs,
                ago_secs,
            },
        )
    }

    pub fn simulate_swap_exact_in(
        &self,
        pool: &PoolHandle,
        offer: &AssetInfo,
        amount: u128,
    ) -> Result<SwapResponse> {
        self.pool_query(
            pool,
            &QueryMsg::SimulateSwapExactIn {
                offer: Asset {
                    info: offer.clone(),
                    amount: Uint128::new(amount),
                },
            },
        )
    }

    /// What buying `amount_out` of `ask` would cost.
    pub fn simulate_swap_exact_out(
        &self,
        pool: &PoolHandle,
        ask: &AssetInfo,
        amount_out: u128,
    ) -> Result<SwapResponse> {
        self.pool_query(
            pool,
            &QueryMsg::SimulateSwapExactOut {
                ask: Asset {
                    info: ask.clone(),
                    amount: Uint128::new(amount_out),
                },
            },
        )
    }

    pub fn simulate_join(&self, pool: &PoolHandle, max_amounts: [u128; 2]) -> Result<JoinResponse> {
        self.pool_query(
            pool,
            &QueryMsg::SimulateJoin {
                max_amounts: max_amounts.map(Uint128::new),
            },
        )
    }

    pub fn simulate_exit(&self, pool: &PoolHandle, lp_amount: u128) -> Result<ExitResponse> {
        self.pool_query(
            pool,
            &QueryMsg::SimulateExit {
                lp_amount: Uint128::new(lp_amount),
            },
        )
    }

    /// The named account's LP balance in `pool`.
    pub fn lp_balance(&self, user: &str, pool: &PoolHandle) -> Result<u128> {
        self.balance(user, &pool.lp_token)
    }
}
