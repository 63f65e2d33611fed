use cosmwasm_schema::cw_serde;
use cosmwasm_std::{Addr, Decimal, Uint128};
use cw_storage_plus::{Item, Map};

use crate::lines::LineBook;

#[cw_serde]
pub struct Config {
    pub voting_escrow: Addr,
    pub vote_delay: u64,
}

#[cw_serde]
pub struct GaugeInfo {
    pub gauge_type: u32,
    pub killed: bool,
    /// The latest cap set (applies from the week in `GAUGE_CAPS`).
    pub cap: Option<Decimal>,
    /// Bumped by `ChangeGaugeWeight` and `KillGauge`: votes cast under an older epoch no
    /// longer count in the gauge's line.
    pub epoch: u32,
}

#[cw_serde]
pub struct Vote {
    pub slope: Uint128,
    pub weight_bps: u16,
    pub end: u64,
    pub epoch: u32,
}

pub const CONFIG: Item<Config> = Item::new("config");
pub const NEXT_TYPE_ID: Item<u32> = Item::new("next_type_id");
/// Type id -> name.
pub const TYPE_NAMES: Map<u32, String> = Map::new("type_names");
/// (type id, week from which it applies) -> type weight.
pub const TYPE_WEIGHTS: Map<(u32, u64), Uint128> = Map::new("type_weights");
pub const GAUGES: Map<&str, GaugeInfo> = Map::new("gauges");
/// (gauge, week from which it applies) -> cap. Like every other change, a cap applies from
/// the next week, so the relative weight of a week that has started never changes (farms
/// read each week's weight once).
pub const GAUGE_CAPS: Map<(&str, u64), CapSetting> = Map::new("gauge_caps");

#[cw_serde]
pub struct CapSetting {
    pub cap: Option<Decimal>,
}
/// (user, gauge) -> the vote counting now (absent once removed).
pub const VOTES: Map<(&Addr, &str), Vote> = Map::new("votes");
/// (user, gauge) -> time of the last vote (kept after a removal, for the delay).
pub const LAST_VOTE: Map<(&Addr, &str), u64> = Map::new("last_vote");
/// User -> bps of the slope allocated.
pub const POWER_USED: Map<&Addr, u16> = Map::new("power_used");

/// Each gauge's weight line, keyed by gauge id.
pub const GAUGE_LINES: LineBook = LineBook::new("g_last", "g_hist", "g_chg");
/// Each type's sum of live gauge lines, keyed by the type id in decimal.
pub const TYPE_LINES: LineBook = LineBook::new("t_last", "t_hist", "t_chg");

/// The key of a type's line in [`TYPE_LINES`].
pub fn type_key(gauge_type: u32) -> String {
    gauge_type.to_string()
}
