//! Storage layout, arranged by how often each record changes (a write costs 2,000 SDK gas plus
//! 30 per byte):
//!
//! | record | key | written by | read by |
//! |---|---|---|---|
//! | [`Config`] | `config` | instantiate, fee settings (owner) | every action |
//! | [`PoolState`] | `pool` | every swap and in-range liquidity change | every action |
//! | [`TickInfo`] | `ticks` + tick (order-preserving i32) | range ends of a liquidity change, each crossing | swaps, fee growth inside |
//! | [`Position`] | `positions` + id | its own changes | its own changes |
//! | [`Farming`] | `farming` | owner, farming center, a failed hook | swaps that crossed a marked tick |
//! | [`ObservationRecord`] | `observations` + slot | at most once per block | TWAP queries |
//!
//! The hot records use one-letter field names and plain JSON numbers for `u128`/`i128` (the
//! bytes written are what a swap pays for); `Config` keeps readable names since swaps only read
//! it.
use cosmwasm_schema::cw_serde;
use cosmwasm_std::{Addr, Uint256};
use cw_storage_plus::{Item, Map};
use trellis_types::cl_pool::{FeeTier, OracleConfig};
use trellis_types::AssetInfo;

/// Set at instantiation; only the fee settings change later (owner).
#[cw_serde]
pub struct Config {
    pub assets: [AssetInfo; 2],
    pub fee_tier: FeeTier,
    /// v3's per-tick cap on gross liquidity, derived from the tick spacing.
    pub max_liquidity_per_tick: u128,
    pub protocol_fee_share_bps: u16,
    pub fee_collector: Option<Addr>,
    pub oracle: OracleConfig,
}

impl Config {
    /// The protocol's share actually taken: none while there is no collector.
    pub fn effective_protocol_share_bps(&self) -> u16 {
        if self.fee_collector.is_some() {
            self.protocol_fee_share_bps
        } else {
            0
        }
    }

    pub fn index_of(&self, asset: &AssetInfo) -> Option<usize> {
        self.assets.iter().position(|a| a == asset)
    }
}

/// Where the oracle's ring buffer stands; kept inside [`PoolState`] because it only changes
/// when an observation is written, which happens in the same action as a pool state write.
#[cw_serde]
#[derive(Copy, Default)]
pub struct OracleCursor {
    /// Slot of the newest observation.
    #[serde(rename = "n")]
    pub newest: u32,
    /// Observations kept (grows to the capacity, then the ring wraps).
    #[serde(rename = "c")]
    pub count: u32,
}

/// The swap path's state: one read and one write per swap.
#[cw_serde]
pub struct PoolState {
    #[serde(rename = "p")]
    pub sqrt_price: Uint256,
    /// The greatest tick at or below the price, except right after crossing a tick downwards,
    /// where it is that tick minus one (v3's convention).
    #[serde(rename = "t")]
    pub tick: i32,
    /// In-range liquidity.
    #[serde(rename = "l")]
    pub liquidity: u128,
    /// Q128.128 fees per unit of liquidity, wrapping (only differences are meaningful).
    #[serde(rename = "g")]
    pub fee_growth_global: [Uint256; 2],
    /// Protocol fees owed to the collector, held by the pool, outside every position.
    #[serde(rename = "f")]
    pub protocol_fees: [u128; 2],
    #[serde(rename = "o")]
    pub oracle: OracleCursor,
}

/// An initialized tick (some position starts or ends here) or a farm boundary.
#[cw_serde]
#[derive(Default)]
pub struct TickInfo {
    #[serde(rename = "g")]
    pub liquidity_gross: u128,
    /// Liquidity added when the price crosses this tick upwards (removed downwards).
    #[serde(rename = "n")]
    pub liquidity_net: i128,
    /// Fee growth on the other side of this tick from the current price, Q128.128, wrapping.
    #[serde(rename = "o")]
    pub fee_growth_outside: [Uint256; 2],
    /// A farm has a boundary here: crossing it is reported to the farming center.
    #[serde(rename = "m", default, skip_serializing_if = "is_false")]
    pub farming_mark: bool,
}

fn is_false(value: &bool) -> bool {
    !*value
}

impl TickInfo {
    /// A record is kept while positions use the tick or a farm marks it.
    pub fn is_needed(&self) -> bool {
        self.liquidity_gross > 0 || self.farming_mark
    }
}

#[cw_serde]
pub struct Position {
    #[serde(rename = "a")]
    pub lower_tick: i32,
    #[serde(rename = "b")]
    pub upper_tick: i32,
    #[serde(rename = "l")]
    pub liquidity: u128,
    #[serde(rename = "g")]
    pub fee_growth_inside_last: [Uint256; 2],
    #[serde(rename = "o")]
    pub tokens_owed: [u128; 2],
}

/// The farming link.
#[cw_serde]
#[derive(Default)]
pub struct Farming {
    pub center: Option<Addr>,
    /// Set by a failed hook; no hook is sent while it is set. Cleared by `SetFarmingCenter`.
    pub link_broken: bool,
}

/// One oracle observation.
#[cw_serde]
#[derive(Copy)]
pub struct ObservationRecord {
    /// Time the cumulatives are valid for (moved forward while the slot is the newest and
    /// younger than the minimum spacing).
    #[serde(rename = "t")]
    pub timestamp: u64,
    /// When the slot was opened: the spacing is measured from here.
    #[serde(rename = "s")]
    pub opened_at: u64,
    #[serde(rename = "k")]
    pub tick_cumulative: i64,
    #[serde(rename = "l")]
    pub seconds_per_liquidity_x128: Uint256,
}

pub const CONFIG: Item<Config> = Item::new("config");
/// Absent until the price is set.
pub const POOL: Item<PoolState> = Item::new("pool");
/// cw-storage-plus encodes i32 keys big-endian with the sign bit flipped, so the byte order is
/// the numeric order and a range walks ticks in price order.
pub const TICKS: Map<i32, TickInfo> = Map::new("ticks");
pub const POSITIONS: Map<u64, Position> = Map::new("positions");
/// The id of the next position (and its NFT's token id, in decimal).
pub const NEXT_POSITION_ID: Item<u64> = Item::new("next_position_id");
pub const FARMING: Item<Farming> = Item::new("farming");
pub const OBSERVATIONS: Map<u32, ObservationRecord> = Map::new("observations");

#[cfg(test)]
mod tests {
    use super::*;

    /// Bytes written per record for typical values (sqrt price near 2^96, fee growth near
    /// 2^110, liquidity near 1e12); docs/cl.md quotes these.
    #[test]
    fn hot_record_sizes() {
        let growth = Uint256::from(1u128 << 110);
        let pool = PoolState {
            sqrt_price: Uint256::from(79_228_162_514_264_337_593_543_950_336u128),
            tick: -12_345,
            liquidity: 1_000_000_000_000,
            fee_growth_global: [growth; 2],
            protocol_fees: [1_000_000, 1_000_000],
            oracle: OracleCursor {
                newest: 42,
                count: 100,
            },
        };
        let tick = TickInfo {
            liquidity_gross: 1_000_000_000_000,
            liquidity_net: -1_000_000_000_000,
            fee_growth_outside: [growth; 2],
            farming_mark: false,
        };
        let position = Position {
            lower_tick: -12_360,
            upper_tick: 12_360,
            liquidity: 1_000_000_000_000,
            fee_growth_inside_last: [growth; 2],
            tokens_owed: [1_000_000, 1_000_000],
        };
        let len = |v: &[u8]| v.len();
        let pool_len = len(&cosmwasm_std::to_json_vec(&pool).unwrap());
        let tick_len = len(&cosmwasm_std::to_json_vec(&tick).unwrap());
        let position_len = len(&cosmwasm_std::to_json_vec(&position).unwrap());
        assert_eq!((pool_len, tick_len, position_len), (189, 118, 142));
        // An unmarked tick does not store the mark at all.
        assert!(
            !String::from_utf8(cosmwasm_std::to_json_vec(&tick).unwrap())
                .unwrap()
                .contains("\"m\"")
        );
    }
}
