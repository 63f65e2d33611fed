//! Storage layout. The pool's math lives in `outcome.rs` and the oracle's in `oracle.rs`; this
//! file only says where things are kept.
//!
//! Records are split by how often they change, and stored with `trellis_store` (postcard:
//! integers as varints, fields in order, no names):
//!
//! | key | record | written by |
//! |---|---|---|
//! | `c` | [`Config`]: assets, weights, fees, oracle settings | instantiate, `UpdateFeeConfig` |
//! | `l` | the LP token's address | the instantiate reply |
//! | `p` | [`Pool`]: reserves, the oracle cursor and the newest sample | every balance change |
//! | `o` + slot | [`Sample`]: closed ring-buffer samples | a balance change that opens a new slot |
//!
//! A swap reads `c` and `p` and writes `p` (plus one closed sample when it opens a new
//! oracle slot). The newest sample lives in `p`, not in `o`: it moves with every block that
//! trades, so keeping it beside the reserves saves a read and a write per swap.
use cosmwasm_std::{Addr, Decimal, Uint128};
use serde::{Deserialize, Serialize};
use trellis_math::scaling::SCALED_DECIMALS;
use trellis_store::{Item, Map};
use trellis_types::weighted_pool::OracleConfig;
use trellis_types::AssetInfo;

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Config {
    /// Validated assets in pool order.
    pub assets: [AssetInfo; 2],
    /// Normalized weights in pool order (each >= 1%, summing to exactly 1).
    #[serde(with = "trellis_store::num::decimal_pair")]
    pub weights: [Decimal; 2],
    pub swap_fee_bps: u16,
    pub protocol_fee_share_bps: u16,
    pub fee_collector: Option<Addr>,
    pub oracle: OracleConfig,
    /// Each asset's decimals, pool order (two bytes: this record is read anyway, so the
    /// scaling factors `10^(18 - decimals)` cost no extra read). `None` is a legacy pool,
    /// created before decimals were declared: its LP supply was minted over raw base units
    /// with a 6-decimal LP token, so it keeps factor 1 for both assets.
    pub decimals: Option<[u8; 2]>,
}

impl Config {
    /// Decimals the invariant scales from: the declared ones, or 18 (factor 1, no scaling)
    /// for a legacy pool, which so behaves exactly as before.
    pub fn scaling_decimals(&self) -> [u8; 2] {
        self.decimals.unwrap_or([SCALED_DECIMALS; 2])
    }

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
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct Reserves {
    /// Balances owned by liquidity providers, pool order.
    #[serde(with = "trellis_store::num::u128_pair")]
    pub balances: [Uint128; 2],
    /// Protocol fees owed to the collector, pool order; held by the pool, excluded from
    /// `balances`.
    #[serde(with = "trellis_store::num::u128_pair")]
    pub fees_owed: [Uint128; 2],
    /// LP tokens in existence: the pool is the token's only minter and burns what it redeems.
    #[serde(with = "trellis_store::num::u128")]
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
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Default)]
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
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Default)]
pub struct OracleCursor {
    /// Slot of the newest sample (meaningless while `count` is 0).
    pub newest: u32,
    pub count: u32,
}

/// Everything a balance change writes, in one record.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct Pool {
    pub reserves: Reserves,
    pub cursor: OracleCursor,
    /// The sample in slot `cursor.newest` (all zero while `cursor.count` is 0). Slot
    /// `cursor.newest` of [`ORACLE_SAMPLES`] is stale: this is the one to read.
    pub newest: Sample,
}

/// Set at creation; only the owner's fee update rewrites it.
pub const CONFIG: Item<Config> = Item::new("c");
/// Reserves and the oracle's head: the only record a swap writes (but see `ORACLE_SAMPLES`).
pub const POOL: Item<Pool> = Item::new("p");
/// Set by the reply to the LP token's instantiation.
pub const LP_TOKEN: Item<Addr> = Item::new("l");
/// Ring buffer slot -> sample, closed samples only; slots are `0..capacity`. Written once
/// per sample, when the next slot opens.
pub const ORACLE_SAMPLES: Map<u32, Sample> = Map::new("o");

/// The config record of 0.2.x: the current one without `decimals` (postcard has no field
/// names, so the missing field is a short record rather than an absent key). Read only by
/// `migrate`, which rewrites it with `decimals: None` (legacy).
pub mod v0_2 {
    use cosmwasm_std::{Addr, Decimal};
    use serde::{Deserialize, Serialize};
    use trellis_store::Item;
    use trellis_types::weighted_pool::OracleConfig;
    use trellis_types::AssetInfo;

    #[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
    pub struct Config {
        pub assets: [AssetInfo; 2],
        #[serde(with = "trellis_store::num::decimal_pair")]
        pub weights: [Decimal; 2],
        pub swap_fee_bps: u16,
        pub protocol_fee_share_bps: u16,
        pub fee_collector: Option<Addr>,
        pub oracle: OracleConfig,
    }

    /// Same key as the current `CONFIG`.
    pub const CONFIG: Item<Config> = Item::new("c");
}

/// The layout of 0.1.x (JSON values under long keys), read only by `migrate`.
pub mod legacy {
    use cosmwasm_schema::cw_serde;
    use cosmwasm_std::{Addr, Decimal, Uint128};
    use cw_storage_plus::{Item, Map};
    use trellis_types::weighted_pool::OracleConfig;
    use trellis_types::AssetInfo;

    #[cw_serde]
    pub struct Config {
        pub assets: [AssetInfo; 2],
        pub weights: [Decimal; 2],
        pub swap_fee_bps: u16,
        pub protocol_fee_share_bps: u16,
        pub fee_collector: Option<Addr>,
        pub oracle: OracleConfig,
    }

    #[cw_serde]
    #[derive(Default)]
    pub struct Reserves {
        pub balances: [Uint128; 2],
        pub fees_owed: [Uint128; 2],
        pub lp_supply: Uint128,
    }

    #[cw_serde]
    #[derive(Copy)]
    pub struct Sample {
        pub timestamp: u64,
        pub opened_at: u64,
        pub cumulative: i128,
    }

    #[cw_serde]
    #[derive(Copy, Default)]
    pub struct OracleCursor {
        pub newest: u32,
        pub count: u32,
    }

    pub const CONFIG: Item<Config> = Item::new("config");
    pub const RESERVES: Item<Reserves> = Item::new("reserves");
    pub const LP_TOKEN: Item<Addr> = Item::new("lp_token");
    pub const ORACLE_CURSOR: Item<OracleCursor> = Item::new("oracle_cursor");
    pub const ORACLE_SAMPLES: Map<u32, Sample> = Map::new("oracle_samples");
}
