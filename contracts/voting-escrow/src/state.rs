//! Storage layout.
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

/// A user's lock: `end` is week-rounded and strictly after the time it was set.
#[cw_serde]
pub struct Lock {
    pub amount: Uint128,
    pub end: u64,
}

pub const CONFIG: Item<Config> = Item::new("config");
pub const LOCKS: Map<&Addr, Lock> = Map::new("locks");

/// Index of the newest global point; points 0..=epoch have strictly increasing `ts`.
pub const GLOBAL_EPOCH: Item<u64> = Item::new("global_epoch");
pub const GLOBAL_POINTS: Map<u64, Point> = Map::new("global_points");
/// Slope leaving the global line at a week boundary (the slopes of the locks ending there).
pub const SLOPE_CHANGES: Map<u64, Uint128> = Map::new("slope_changes");

/// Number of points of a user (points are indexed 1..=n, strictly increasing `ts`).
pub const USER_EPOCH: Map<&Addr, u64> = Map::new("user_epoch");
pub const USER_POINTS: Map<(&Addr, u64), Point> = Map::new("user_points");

pub const LISTENERS: Item<Vec<Addr>> = Item::new("listeners");
