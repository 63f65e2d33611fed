//! Storage layout, arranged by how often each record changes (a write costs 2,000 SDK gas plus
//! 30 per byte, key included). Values are `trellis_store` records (postcard: fields in order,
//! no names, integers as varints, 256-bit numbers as big-endian bytes without leading zeros);
//! keys are one letter:
//!
//! | key | record | written by | read by |
//! |---|---|---|---|
//! | `c` | [`Config`]: assets, fee tier, tick cap, fee settings, oracle settings | instantiate, `UpdateFeeConfig` | every action |
//! | `p` | [`PoolState`]: price, tick, in-range liquidity, fee growth, protocol fees, oracle cursor and newest observation | every swap and in-range liquidity change | every action |
//! | `t` + tick | [`TickInfo`] (order-preserving i32 key) | range ends of a liquidity change, each crossing, farming marks | swaps, fee growth inside |
//! | `q` + id | [`Position`] | its own changes | its own changes |
//! | `i` | the next position id | mint | mint |
//! | `f` | [`Farming`] | owner, a failed hook | swaps that crossed a marked tick |
//! | `o` + slot | closed [`ObservationRecord`]s | a change that opens a new oracle slot | TWAP queries |
//! | `b` + word | `tick-bitmap` builds only: v3's bitmap words (`tick_index::bitmap`) | a tick gaining or losing its record | swaps |
//!
//! The newest observation lives in `p`, not in `o`: it moves with every block whose actions
//! change the tick or the in-range liquidity, which are exactly the actions that write `p`, so
//! keeping it there saves a read and (while the slot stays open) a write. A record's ticks stay
//! inside it: they never change, but every action on a position needs them with the rest.
//!
//! The cw721 collection (owners, approvals, token count) keeps cw721-base's own layout.
use cosmwasm_std::{Addr, Uint256};
use serde::{Deserialize, Serialize};
use trellis_store::{Item, Map};
use trellis_types::cl_pool::{FeeTier, OracleConfig};
use trellis_types::AssetInfo;

/// Set at instantiation; only the fee settings change later (owner).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
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
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Default)]
pub struct OracleCursor {
    /// Slot of the newest observation.
    pub newest: u32,
    /// Observations kept (grows to the capacity, then the ring wraps).
    pub count: u32,
}

/// The swap path's state: one read and one write per swap.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct PoolState {
    #[serde(with = "trellis_store::num::u256")]
    pub sqrt_price: Uint256,
    /// The greatest tick at or below the price, except right after crossing a tick downwards,
    /// where it is that tick minus one (v3's convention).
    pub tick: i32,
    /// In-range liquidity.
    pub liquidity: u128,
    /// Q128.128 fees per unit of liquidity, wrapping (only differences are meaningful).
    #[serde(with = "trellis_store::num::u256_pair")]
    pub fee_growth_global: [Uint256; 2],
    /// Protocol fees owed to the collector, held by the pool, outside every position.
    pub protocol_fees: [u128; 2],
    pub oracle: OracleCursor,
    /// The observation in slot `oracle.newest`; that slot of [`OBSERVATIONS`] is stale.
    pub newest: ObservationRecord,
}

/// An initialized tick (some position starts or ends here) or a farm boundary.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct TickInfo {
    pub liquidity_gross: u128,
    /// Liquidity added when the price crosses this tick upwards (removed downwards).
    pub liquidity_net: i128,
    /// Fee growth on the other side of this tick from the current price, Q128.128, wrapping.
    #[serde(with = "trellis_store::num::u256_pair")]
    pub fee_growth_outside: [Uint256; 2],
    /// A farm has a boundary here: crossing it is reported to the farming center.
    pub farming_mark: bool,
}

impl TickInfo {
    /// A record is kept while positions use the tick or a farm marks it.
    pub fn is_needed(&self) -> bool {
        self.liquidity_gross > 0 || self.farming_mark
    }
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Position {
    pub lower_tick: i32,
    pub upper_tick: i32,
    pub liquidity: u128,
    #[serde(with = "trellis_store::num::u256_pair")]
    pub fee_growth_inside_last: [Uint256; 2],
    pub tokens_owed: [u128; 2],
}

/// The farming link.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct Farming {
    pub center: Option<Addr>,
    /// Set by a failed hook; no hook is sent while it is set. Cleared by `SetFarmingCenter`.
    pub link_broken: bool,
}

/// One oracle observation.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Default)]
pub struct ObservationRecord {
    /// Time the cumulatives are valid for (moved forward while the slot is the newest and
    /// younger than the minimum spacing).
    pub timestamp: u64,
    /// When the slot was opened: the spacing is measured from here.
    pub opened_at: u64,
    pub tick_cumulative: i64,
    #[serde(with = "trellis_store::num::u256")]
    pub seconds_per_liquidity_x128: Uint256,
}

pub const CONFIG: Item<Config> = Item::new("c");
/// Absent until the price is set.
pub const POOL: Item<PoolState> = Item::new("p");
/// cw-storage-plus encodes i32 keys big-endian with the sign bit flipped, so the byte order is
/// the numeric order and a range walks ticks in price order.
pub const TICKS: Map<i32, TickInfo> = Map::new("t");
pub const POSITIONS: Map<u64, Position> = Map::new("q");
/// The id of the next position (and its NFT's token id, in decimal).
pub const NEXT_POSITION_ID: Item<u64> = Item::new("i");
pub const FARMING: Item<Farming> = Item::new("f");
/// Closed observations by ring slot (the newest is in [`PoolState::newest`]).
pub const OBSERVATIONS: Map<u32, ObservationRecord> = Map::new("o");

/// The layout of 0.1.x (JSON values under long keys, one-letter field names on the hot
/// records), read only by `migrate` and its tests.
pub mod legacy {
    use cosmwasm_schema::cw_serde;
    use cosmwasm_std::{Addr, Uint256};
    use cw_storage_plus::{Item, Map};
    use trellis_types::cl_pool::{FeeTier, OracleConfig};
    use trellis_types::AssetInfo;

    #[cw_serde]
    pub struct Config {
        pub assets: [AssetInfo; 2],
        pub fee_tier: FeeTier,
        pub max_liquidity_per_tick: u128,
        pub protocol_fee_share_bps: u16,
        pub fee_collector: Option<Addr>,
        pub oracle: OracleConfig,
    }

    #[cw_serde]
    #[derive(Copy, Default)]
    pub struct OracleCursor {
        #[serde(rename = "n")]
        pub newest: u32,
        #[serde(rename = "c")]
        pub count: u32,
    }

    #[cw_serde]
    pub struct PoolState {
        #[serde(rename = "p")]
        pub sqrt_price: Uint256,
        #[serde(rename = "t")]
        pub tick: i32,
        #[serde(rename = "l")]
        pub liquidity: u128,
        #[serde(rename = "g")]
        pub fee_growth_global: [Uint256; 2],
        #[serde(rename = "f")]
        pub protocol_fees: [u128; 2],
        #[serde(rename = "o")]
        pub oracle: OracleCursor,
    }

    #[cw_serde]
    #[derive(Default)]
    pub struct TickInfo {
        #[serde(rename = "g")]
        pub liquidity_gross: u128,
        #[serde(rename = "n")]
        pub liquidity_net: i128,
        #[serde(rename = "o")]
        pub fee_growth_outside: [Uint256; 2],
        #[serde(rename = "m", default, skip_serializing_if = "is_false")]
        pub farming_mark: bool,
    }

    fn is_false(value: &bool) -> bool {
        !*value
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

    #[cw_serde]
    #[derive(Default)]
    pub struct Farming {
        pub center: Option<Addr>,
        pub link_broken: bool,
    }

    #[cw_serde]
    #[derive(Copy)]
    pub struct ObservationRecord {
        #[serde(rename = "t")]
        pub timestamp: u64,
        #[serde(rename = "s")]
        pub opened_at: u64,
        #[serde(rename = "k")]
        pub tick_cumulative: i64,
        #[serde(rename = "l")]
        pub seconds_per_liquidity_x128: Uint256,
    }

    pub const CONFIG: Item<Config> = Item::new("config");
    pub const POOL: Item<PoolState> = Item::new("pool");
    pub const TICKS: Map<i32, TickInfo> = Map::new("ticks");
    pub const POSITIONS: Map<u64, Position> = Map::new("positions");
    pub const NEXT_POSITION_ID: Item<u64> = Item::new("next_position_id");
    pub const FARMING: Item<Farming> = Item::new("farming");
    pub const OBSERVATIONS: Map<u32, ObservationRecord> = Map::new("observations");

    #[cfg(test)]
    mod tests {
        use super::*;

        /// Bytes written per record by 0.1.x for typical values (sqrt price near 2^96, fee
        /// growth near 2^110, liquidity near 1e12).
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use trellis_store::codec::encode;

    /// The same typical values as `legacy::tests::hot_record_sizes` (sqrt price near 2^96,
    /// fee growth 2^110, liquidity 1e12, fees owed 1e6), now:
    /// - a u256 is a length byte and its significant bytes: 2^96 has 13, 2^110 has 14, zero 0;
    /// - a u128 / u32 / u64 is a LEB128 varint (7 bits a byte): 1e12 < 2^42 takes 6 bytes,
    ///   1e6 < 2^21 takes 3, 42 and 100 take 1; signed ones zigzag first (-12345 -> 24689,
    ///   3 bytes; -1e12 -> 2e12 - 1 < 2^41, 6 bytes; 1,700,000,000 < 2^35, 5 bytes);
    /// - a bool is 1 byte.
    ///
    /// Pool: 14 (price) + 3 (tick) + 6 (liquidity) + 2 x 15 (growth) + 2 x 3 (fees) + 1 + 1
    /// (cursor) + observation [5 + 5 + 5 (tick cumulative -1,234,567,890 -> zigzag < 2^32) + 15
    /// (2^105 per liquidity: 14 bytes)] = 61 + 30 = 91 (JSON pool alone: 189, its observation 100+).
    /// Tick: 6 + 6 + 30 + 1 = 43 (JSON 118). Position: 3 + 3 + 6 + 30 + 6 = 48 (JSON 142).
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
            newest: ObservationRecord {
                timestamp: 1_700_000_000,
                opened_at: 1_700_000_000,
                tick_cumulative: -1_234_567_890,
                seconds_per_liquidity_x128: Uint256::from(1u128 << 105),
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
        let sizes = (
            encode(&pool).unwrap().len(),
            encode(&tick).unwrap().len(),
            encode(&position).unwrap().len(),
        );
        assert_eq!(sizes, (91, 43, 48));
        assert_eq!(
            trellis_store::codec::decode::<PoolState>(&encode(&pool).unwrap()).unwrap(),
            pool
        );
    }
}
