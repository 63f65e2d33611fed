//! Storage layout, split by how often a record changes (see the README, "Storage"). Values
//! are `trellis_store` records (postcard, integers as varints); keys are built as
//! `cw-storage-plus` builds them. Namespaces are short because key bytes are paid on every
//! write:
//!
//! | ns   | record                              | written by                          |
//! |------|-------------------------------------|-------------------------------------|
//! | `c`  | [`Config`]: token, max_time, listeners | instantiate, add/remove listener |
//! | `l`  | user -> [`Lock`]                    | the user's lock changes, withdraw   |
//! | `gp` | epoch -> global [`StoredPoint`]     | every lock change, checkpoint       |
//! | `sc` | week -> slope leaving the line (u128) | lock changes (the lock's end week) |
//! | `up` | (user, n) -> user [`StoredPoint`]   | the user's lock changes, withdraw   |
//!
//! There is no separate "newest point" or "epoch" record: the newest global point is the
//! last entry of `gp` and a user's newest point the last entry under its prefix of `up`,
//! both found with a one-step reverse range (an iterator step costs 30 SDK gas plus bytes,
//! a read 1,000), so a lock change writes each point once.
use cosmwasm_std::{Addr, Order, StdResult, Storage, Uint128};
use serde::{Deserialize, Serialize};
use trellis_math::ve::Line;
use trellis_store::{Item, Map};
use trellis_types::voting_escrow::Point;
use trellis_types::AssetInfo;

/// Set at instantiation; only the owner's listener changes write it again. Every user
/// action reads it once.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Config {
    pub lock_token: AssetInfo,
    pub max_time: u64,
    /// Contracts notified on every lock change (at most `MAX_LISTENERS`).
    pub listeners: Vec<Addr>,
}

/// A user's lock: `end` is week-rounded and strictly after the time it was set.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Lock {
    #[serde(with = "trellis_store::num::u128")]
    pub amount: Uint128,
    pub end: u64,
}

/// A point of a line as stored: bias and slope as varints.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Default)]
pub struct StoredPoint {
    pub bias: u128,
    pub slope: u128,
    pub ts: u64,
}

impl From<StoredPoint> for Line {
    fn from(p: StoredPoint) -> Line {
        Line {
            bias: p.bias,
            slope: p.slope,
            ts: p.ts,
        }
    }
}

impl From<&Line> for StoredPoint {
    fn from(l: &Line) -> StoredPoint {
        StoredPoint {
            bias: l.bias,
            slope: l.slope,
            ts: l.ts,
        }
    }
}

impl From<StoredPoint> for Point {
    fn from(p: StoredPoint) -> Point {
        Point {
            bias: Uint128::new(p.bias),
            slope: Uint128::new(p.slope),
            ts: p.ts,
        }
    }
}

pub const CONFIG: Item<Config> = Item::new("c");
pub const LOCKS: Map<&Addr, Lock> = Map::new("l");

/// Global points 0..=epoch with strictly increasing `ts`; the newest is the last entry.
pub const GLOBAL_POINTS: Map<u64, StoredPoint> = Map::new("gp");
/// Slope leaving the global line at a week boundary (the slopes of the locks ending there).
pub const SLOPE_CHANGES: Map<u64, u128> = Map::new("sc");
/// A user's points, indexed 1..=n with strictly increasing `ts`; the newest is the last.
pub const USER_POINTS: Map<(&Addr, u64), StoredPoint> = Map::new("up");

/// The newest global point and its index (there is always one: instantiation writes 0).
pub fn newest_global(storage: &dyn Storage) -> StdResult<(u64, StoredPoint)> {
    GLOBAL_POINTS
        .range(storage, None, None, Order::Descending)
        .next()
        .unwrap_or_else(|| Err(cosmwasm_std::StdError::not_found("global point")))
}

/// The user's newest point and its index, if the user ever had one.
pub fn newest_user(storage: &dyn Storage, user: &Addr) -> StdResult<Option<(u64, StoredPoint)>> {
    USER_POINTS
        .prefix_range(storage, user, None, None, Order::Descending)
        .next()
        .transpose()
}

/// The layout before 0.2.0 (cw-storage-plus JSON records), read only by `migrate`.
pub mod legacy {
    use cosmwasm_schema::cw_serde;
    use cosmwasm_std::{Addr, Uint128};
    use cw_storage_plus::{Item, Map};
    use trellis_types::voting_escrow::Point;
    use trellis_types::AssetInfo;

    #[cw_serde]
    pub struct Config {
        pub lock_token: AssetInfo,
        pub max_time: u64,
    }

    #[cw_serde]
    pub struct Lock {
        pub amount: Uint128,
        pub end: u64,
    }

    pub const CONFIG: Item<Config> = Item::new("config");
    pub const LOCKS: Map<&Addr, Lock> = Map::new("locks");
    pub const GLOBAL_EPOCH: Item<u64> = Item::new("global_epoch");
    pub const GLOBAL_POINTS: Map<u64, Point> = Map::new("global_points");
    pub const SLOPE_CHANGES: Map<u64, Uint128> = Map::new("slope_changes");
    pub const USER_EPOCH: Map<&Addr, u64> = Map::new("user_epoch");
    pub const USER_POINTS: Map<(&Addr, u64), Point> = Map::new("user_points");
    pub const LISTENERS: Item<Vec<Addr>> = Item::new("listeners");
}
