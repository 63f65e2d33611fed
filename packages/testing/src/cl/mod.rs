//! Concentrated-liquidity pools (`contracts/cl-pool`), deployed and driven through the suite.
//! - this file: the pool's options, its handle and the limits of a swap;
//! - `create`: instantiating a pool (the suite owner owns it);
//! - `liquidity`: mint, increase, decrease, collect and burn a position;
//! - `swap`: exact-in and exact-out swaps either way, and a swap to a target tick;
//! - `position_nft`: transferring a position's NFT and sending it to a contract;
//! - `query`: the pool's state and config, a position, a tick, an NFT's owner;
//! - `events`: reading a swap's outcome from the pool's event.
//!
//! Natives are attached as funds; cw20s are approved to the pool (mints and increases, which
//! pull exactly what they use) or sent with the pool's hook (swaps). The helpers never fund an
//! account: mint natives with [`Suite::mint_native`] or create cw20s with balances first.
//!
//! ```
//! use trellis_testing::{ClPoolOptions, Suite};
//!
//! let mut suite = Suite::new();
//! let aaa = suite.register_native("AAA", "uaaa");
//! let bbb = suite.register_native("BBB", "ubbb");
//! // Fee 3000 pips (0.3%), spacing 60, price 1 (tick 0).
//! let pool = suite
//!     .create_cl_pool(ClPoolOptions::new([aaa, bbb], 3_000, 60).at_tick(0))
//!     .unwrap();
//! suite.mint_native("lp", "uaaa", 1_000_000).unwrap();
//! suite.mint_native("lp", "ubbb", 1_000_000).unwrap();
//! let token_id = suite
//!     .cl_mint("lp", &pool, -60, 60, [1_000_000, 1_000_000])
//!     .unwrap();
//! assert_eq!(token_id, "1");
//! assert_eq!(suite.cl_position(&pool, &token_id).unwrap().liquidity.u128(), 333_850_249);
//! ```
mod create;
mod events;
mod liquidity;
mod position_nft;
mod query;
mod swap;

use cosmwasm_std::{Addr, Uint128, Uint256};
use trellis_types::asset::AssetInfo;
use trellis_types::cl_pool::FeeTier;
use trellis_types::weighted_pool::OracleConfig;

pub use events::cl_swap_from_events;

/// How to instantiate a CL pool.
#[derive(Clone, Debug, PartialEq)]
pub struct ClPoolOptions {
    /// token0 and token1, in this order.
    pub assets: [AssetInfo; 2],
    pub fee_tier: FeeTier,
    /// Initial Q64.96 sqrt price; `None` leaves the pool uninitialized.
    pub sqrt_price: Option<Uint256>,
    pub fee_collector: Option<Addr>,
    /// Share of every swap fee owed to `fee_collector`, in basis points of the fee.
    pub protocol_fee_share_bps: u16,
    pub oracle: OracleConfig,
}

impl ClPoolOptions {
    /// `fee_pips` (hundredths of a bip) with `tick_spacing`, uninitialized, no protocol fee,
    /// the AMM's [`crate::DEFAULT_ORACLE`].
    pub fn new(assets: [AssetInfo; 2], fee_pips: u32, tick_spacing: i32) -> Self {
        ClPoolOptions {
            assets,
            fee_tier: FeeTier {
                fee_pips,
                tick_spacing,
            },
            sqrt_price: None,
            fee_collector: None,
            protocol_fee_share_bps: 0,
            oracle: crate::amm::DEFAULT_ORACLE,
        }
    }

    /// Starts at this Q64.96 sqrt price.
    pub fn at_sqrt_price(mut self, sqrt_price: Uint256) -> Self {
        self.sqrt_price = Some(sqrt_price);
        self
    }

    /// Starts at the sqrt price of `tick` (`trellis_math::cl::sqrt_price_at_tick`).
    ///
    /// Panics when `tick` is outside [`trellis_math::cl::MIN_TICK`, `MAX_TICK`].
    pub fn at_tick(self, tick: i32) -> Self {
        let sqrt_price = trellis_math::cl::sqrt_price_at_tick(tick)
            .unwrap_or_else(|e| panic!("no sqrt price at tick {tick}: {e}"));
        self.at_sqrt_price(sqrt_price)
    }

    pub fn fee_collector(mut self, collector: Addr, protocol_fee_share_bps: u16) -> Self {
        self.fee_collector = Some(collector);
        self.protocol_fee_share_bps = protocol_fee_share_bps;
        self
    }

    pub fn oracle(mut self, oracle: OracleConfig) -> Self {
        self.oracle = oracle;
        self
    }
}

/// A CL pool as the harness knows it. The pool is also its positions' cw721 collection.
#[derive(Clone, Debug, PartialEq)]
pub struct ClPoolHandle {
    pub address: Addr,
    /// In the pool's order: `assets[0]` is token0.
    pub assets: [AssetInfo; 2],
    pub fee_tier: FeeTier,
}

impl ClPoolHandle {
    /// Position of `asset` in the pool.
    pub fn index_of(&self, asset: &AssetInfo) -> Option<usize> {
        self.assets.iter().position(|a| a == asset)
    }
}

/// Optional limits of a CL swap. `recipient` defaults to the trader, `deadline` is a block
/// time in seconds, `min_out` applies to exact-in swaps only.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ClSwapOptions {
    pub sqrt_price_limit: Option<Uint256>,
    pub min_out: Option<u128>,
    pub recipient: Option<Addr>,
    pub deadline: Option<u64>,
}

impl ClSwapOptions {
    pub fn sqrt_price_limit(mut self, sqrt_price: Uint256) -> Self {
        self.sqrt_price_limit = Some(sqrt_price);
        self
    }

    pub fn min_out(mut self, amount: u128) -> Self {
        self.min_out = Some(amount);
        self
    }

    pub fn recipient(mut self, recipient: Addr) -> Self {
        self.recipient = Some(recipient);
        self
    }

    pub fn deadline(mut self, unix_secs: u64) -> Self {
        self.deadline = Some(unix_secs);
        self
    }

    fn min_out_amount(&self) -> Option<Uint128> {
        self.min_out.map(Uint128::new)
    }

    fn recipient_string(&self) -> Option<String> {
        self.recipient.as_ref().map(|r| r.to_string())
    }
}
