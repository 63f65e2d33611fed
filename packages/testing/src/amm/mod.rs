//! The AMM: the pool factory, weighted pools and the router, deployed and driven through the
//! suite.
//! - this file: options, handles and the limits shared by trades;
//! - `factory`: deploying the factory, creating pools, the factory's queries;
//! - `pool`: liquidity, swaps, single-asset joins and exits, the pool's queries;
//! - `router`: deploying the router, executing and simulating routes, the best route;
//! - `events`: reading a swap's outcome from the pool's event.
//!
//! ```
//! use cosmwasm_std::Decimal;
//! use trellis_testing::{AssetInfo, FactoryOptions, Suite};
//!
//! let mut suite = Suite::new();
//! let aly = suite.register_native("ALY", "ualy");
//! let atom = suite.register_native("ATOM", "uatom");
//! suite.deploy_factory(FactoryOptions::new(aly.clone())).unwrap();
//! let pool = suite
//!     .create_weighted_pool(
//!         "owner",
//!         [atom.clone(), aly.clone()],
//!         [Decimal::percent(80), Decimal::percent(20)],
//!         30,
//!     )
//!     .unwrap();
//! suite.mint_native("alice", "uatom", 4_000_000).unwrap();
//! suite.mint_native("alice", "ualy", 1_000_000).unwrap();
//! suite.provide_liquidity("alice", &pool, [4_000_000, 1_000_000]).unwrap();
//! // (4 / 0.8) / (1 / 0.2) = 1 ALY per ATOM.
//! assert_eq!(suite.spot_price(&pool, &atom).unwrap().to_string(), "1");
//! ```
pub(crate) mod events;
mod factory;
mod pool;
mod router;

use cosmwasm_std::{Addr, Decimal};
use trellis_types::asset::AssetInfo;
use trellis_types::router::Hop;
use trellis_types::weighted_pool::OracleConfig;

pub use events::swap_from_events;

/// Oracle of pools created without one: 1_000 samples at least a minute apart (about 16 h).
pub const DEFAULT_ORACLE: OracleConfig = OracleConfig {
    capacity: 1_000,
    min_sample_spacing: 60,
};

/// How to instantiate a pool factory. The suite owner owns it (and so every pool it creates).
#[derive(Clone, Debug, PartialEq)]
pub struct FactoryOptions {
    /// The protocol token (ALY): pairs with it are native, routes hop through it.
    pub protocol_token: AssetInfo,
    pub fee_collector: Option<Addr>,
    /// Share of every swap fee owed to `fee_collector`, in basis points of the fee.
    pub protocol_fee_share_bps: u16,
    pub default_oracle: OracleConfig,
    /// When false only the suite owner may create pools; when true others may, at the
    /// factory's fee tiers (by default 30 and 100 bps) and with its oracle.
    pub permissionless_creation: bool,
}

impl FactoryOptions {
    /// No fee collector, [`DEFAULT_ORACLE`], anyone may create pools (at the fee tiers).
    pub fn new(protocol_token: AssetInfo) -> Self {
        FactoryOptions {
            protocol_token,
            fee_collector: None,
            protocol_fee_share_bps: 0,
            default_oracle: DEFAULT_ORACLE,
            permissionless_creation: true,
        }
    }

    pub fn fee_collector(mut self, collector: Addr, protocol_fee_share_bps: u16) -> Self {
        self.fee_collector = Some(collector);
        self.protocol_fee_share_bps = protocol_fee_share_bps;
        self
    }

    pub fn oracle(mut self, oracle: OracleConfig) -> Self {
        self.default_oracle = oracle;
        self
    }

    /// Only the suite owner may create pools.
    pub fn owner_only(mut self) -> Self {
        self.permissionless_creation = false;
        self
    }
}

/// A deployed factory as the harness knows it.
#[derive(Clone, Debug, PartialEq)]
pub struct FactoryHandle {
    pub addr: Addr,
    pub protocol_token: AssetInfo,
}

/// A pool created through the factory.
#[derive(Clone, Debug, PartialEq)]
pub struct PoolHandle {
    pub id: u64,
    pub address: Addr,
    /// The pool's cw20 LP token.
    pub lp_token: AssetInfo,
    /// In the pool's order.
    pub assets: [AssetInfo; 2],
    pub weights: [Decimal; 2],
    pub swap_fee_bps: u16,
}

impl PoolHandle {
    /// Position of `asset` in the pool.
    pub fn index_of(&self, asset: &AssetInfo) -> Option<usize> {
        self.assets.iter().position(|a| a == asset)
    }

    /// The pool's other asset, if `asset` is one of its two.
    pub fn other(&self, asset: &AssetInfo) -> Option<&AssetInfo> {
        self.index_of(asset).map(|i| &self.assets[1 - i])
    }

    /// A router hop through this pool asking for `ask`.
    pub fn hop_to(&self, ask: &AssetInfo) -> Hop {
        Hop {
            pool: self.address.to_string(),
            ask: ask.clone(),
        }
    }
}

/// A deployed router.
#[derive(Clone, Debug, PartialEq)]
pub struct RouterHandle {
    pub addr: Addr,
}

/// Optional limits of a trade. Each action uses the fields that apply to it: `min_out` is the
/// minimum amount (or LP amount) of a single-output action, `min_amounts_out` the minimums of a
/// proportional exit (pool order). `recipient` defaults to the trader, `deadline` is a block
/// time in seconds.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TradeOptions {
    pub min_out: Option<u128>,
    pub min_amounts_out: Option<[u128; 2]>,
    pub recipient: Option<Addr>,
    pub deadline: Option<u64>,
}

impl TradeOptions {
    pub fn min_out(mut self, amount: u128) -> Self {
        self.min_out = Some(amount);
        self
    }

    pub fn min_amounts_out(mut self, amounts: [u128; 2]) -> Self {
        self.min_amounts_out = Some(amounts);
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

    pub(crate) fn recipient_string(&self) -> Option<String> {
        self.recipient.as_ref().map(|r| r.to_string())
    }
}
