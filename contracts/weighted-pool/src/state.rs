//! Storage layout. The pool's math lives in `outcome.rs` and the oracle's in `oracle.rs`; this
//! file only says where things are kept.
use cosmwasm_schema::cw_serde;
use cosmwasm_std::{Addr, Decimal, Uint128};
use cw_storage_plus::{Item, Map};
use trellis_types::weighted_pool::OracleConfig;
use trellis_types::AssetInfo;

#[cw_serde]
pub struct Config {
    /// Validated assets in pool order.
    pub assets: [AssetInfo; 2],
    /// Normalized weights in pool order (each >= 1%, summing to exactly 1).
    pub weights: [Decimal; 2],
    pub swap_fee_bps: u16,
    pub protocol_fee_share_bps: u16,
    pub fee_collector: Option<Addr>,
    pub oracle: OracleConfig,
}

impl Config {
    /// Weights as the 1e18 fixed-point integers `trellis_math` works with.
    pub fn weight_atomics(&self) -> [Uint128; 2] {
        [self.weights[0].atomics(), self.weights[1].atomics()]
    }

    /// The protocol's share of swap fees actually taken: none while there is no collector
    /// (the whole fee then stays with liquidity providers).
    pub fn effective_protocol_share_bps(&self) -> u16 {
        if self.fee_collector.is_some() {
            self.protocol_fee_share_bps
        } else {
            0
        }
    }

    /// Position of `asset` in the pool, if it is one of the two.
    pub fn index_of(&self, asset: &AssetInfo) -> Option<usize> {
        self.assets.iter().position(|a| a == asset)
    }
}

/// What the pool holds, tracked here rather than read from bank or cw20 balances, so that
/// donations cannot move the price and owed protocol fees never count as liquidity.
#[cw_serde]
#[derive(Default)]
pub struct Reserves {
    /// Balances owned by liquidity providers, pool order.
    pub balances: [Uint128; 2],
    /// Protocol fees owed to the collector, pool order; held by the pool, excluded from
    /// `balances`.
    pub fees_owed: [Uint128; 2],
    /// LP tokens in existence: the pool is the token's only minter and burns what it redeems.
    pub lp_supply: Uint128,
}

impl Reserves {
    /// Nothing has been deposited yet: the next join is the first one.
    pub fn is_empty(&self) -> bool {
        self.lp_supply.is_zero()
    }
}

/// One TWAP sample: the cumulative of `ln(price of asset 0 in asset 1)` (in `LOG_SCALE`
/// units) times seconds, up to `timestamp`.
#[cw_serde]
#[derive(Copy)]
pub struct Sample {
    /// Time the cumulative is valid for; moved forward while the slot is the newest and
    /// younger than the minimum spacing.
    pub timestamp: u64,
    /// Time this slot was opened: the spacing is measured from here, so moving the
    /// timestamp forward cannot keep a slot open for ever.
    pub opened_at: u64,
    pub cumulative: i128,
}

/// Where the ring buffer stands. `count` grows up to the capacity, then the ring wraps.
#[cw_serde]
#[derive(Copy, Default)]
pub struct OracleCursor {
    /// Slot of the newest sample (meaningless while `count` is 0).
    pub newest: u32,
    pub count: u32,
}

pub const CONFIG: Item<Config> = Item::new("config");
pub const RESERVES: Item<Reserves> = Item::new("reserves");
/// Set by the reply to the LP token's instantiation.
pub const LP_TOKEN: Item<Addr> = Item::new("lp_token");
pub const ORACLE_CURSOR: Item<OracleCursor> = Item::new("oracle_cursor");
/// Ring buffer slot -> sample; slots are `0..capacity`.
pub const ORACLE_SAMPLES: Map<u32, Sample> = Map::new("oracle_samples");
