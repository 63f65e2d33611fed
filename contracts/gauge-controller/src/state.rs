//! Storage layout, split by how often a record changes (see the README, "Storage"). Values
//! are `trellis_store` records (postcard, integers as varints, no field names); keys are
//! built as `cw-storage-plus` builds them, with short namespaces (listed below).
//!
//! Admin records (config, types, gauges, caps) are only read by votes. A vote writes its
//! vote record (which also keeps the time of the last vote), the user's power used, and the
//! newest point and one slope change of the gauge's and the type's lines (`lines`).
use cosmwasm_std::{Addr, Decimal, Uint128};
use serde::{Deserialize, Serialize};
use trellis_store::{Item, Map};

use crate::lines::LineBook;

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Config {
    pub voting_escrow: Addr,
    pub vote_delay: u64,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct GaugeInfo {
    pub gauge_type: u32,
    pub killed: bool,
    /// The latest cap set (applies from the week in `GAUGE_CAPS`).
    #[serde(with = "trellis_store::num::opt_decimal")]
    pub cap: Option<Decimal>,
    /// Bumped by `ChangeGaugeWeight` and `KillGauge`: votes cast under an older epoch no
    /// longer count in the gauge's line.
    pub epoch: u32,
}

/// A user's vote for a gauge. A removed vote keeps its record with `weight_bps` 0 (and no
/// slope), for `last`, the time the vote delay counts from.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Vote {
    #[serde(with = "trellis_store::num::u128")]
    pub slope: Uint128,
    pub weight_bps: u16,
    pub end: u64,
    pub epoch: u32,
    /// Time of the last vote for this gauge.
    pub last: u64,
}

impl Vote {
    /// Whether the record holds a vote (not only the time of a removed one).
    pub fn is_live(&self) -> bool {
        self.weight_bps > 0
    }
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct CapSetting {
    #[serde(with = "trellis_store::num::opt_decimal")]
    pub cap: Option<Decimal>,
}

/// `c`: set at instantiation.
pub const CONFIG: Item<Config> = Item::new("c");
/// `nt`: the next type id.
pub const NEXT_TYPE_ID: Item<u32> = Item::new("nt");
/// Type id -> name.
pub const TYPE_NAMES: Map<u32, String> = Map::new("tn");
/// (type id, week from which it applies) -> type weight.
pub const TYPE_WEIGHTS: Map<(u32, u64), u128> = Map::new("tw");
pub const GAUGES: Map<&str, GaugeInfo> = Map::new("g");
/// (gauge, week from which it applies) -> cap. Like every other change, a cap applies from
/// the next week, so the relative weight of a week that has started never changes (farms
/// read each week's weight once).
pub const GAUGE_CAPS: Map<(&str, u64), CapSetting> = Map::new("gc");
/// (user, gauge) -> the vote and the time of the last vote.
pub const VOTES: Map<(&Addr, &str), Vote> = Map::new("v");
/// User -> bps of the slope allocated.
pub const POWER_USED: Map<&Addr, u16> = Map::new("pu");

/// [`GAUGES`] and [`VOTES`] with owned keys (same bytes), for ranges bounded by a caller's
/// string.
pub const GAUGES_OWNED: Map<String, GaugeInfo> = Map::new("g");
pub const VOTES_OWNED: Map<(Addr, String), Vote> = Map::new("v");

/// Each gauge's weight line, keyed by gauge id.
pub const GAUGE_LINES: LineBook = LineBook::new("gh", "gs");
/// Each type's sum of live gauge lines, keyed by the type id in decimal.
pub const TYPE_LINES: LineBook = LineBook::new("th", "ts");

/// The key of a type's line in [`TYPE_LINES`].
pub fn type_key(gauge_type: u32) -> String {
    gauge_type.to_string()
}

/// The layout before 0.2.0 (cw-storage-plus JSON records), read only by `migrate`.
pub mod legacy {
    use cosmwasm_schema::cw_serde;
    use cosmwasm_std::{Addr, Decimal, Uint128};
    use cw_storage_plus::{Item, Map};

    #[cw_serde]
    pub struct Config {
        pub voting_escrow: Addr,
        pub vote_delay: u64,
    }

    #[cw_serde]
    pub struct GaugeInfo {
        pub gauge_type: u32,
        pub killed: bool,
        pub cap: Option<Decimal>,
        pub epoch: u32,
    }

    #[cw_serde]
    pub struct Vote {
        pub slope: Uint128,
        pub weight_bps: u16,
        pub end: u64,
        pub epoch: u32,
    }

    #[cw_serde]
    pub struct CapSetting {
        pub cap: Option<Decimal>,
    }

    #[cw_serde]
    #[derive(Copy, Default)]
    pub struct StoredLine {
        pub bias: Uint128,
        pub slope: Uint128,
        pub ts: u64,
    }

    pub const CONFIG: Item<Config> = Item::new("config");
    pub const NEXT_TYPE_ID: Item<u32> = Item::new("next_type_id");
    pub const TYPE_NAMES: Map<u32, String> = Map::new("type_names");
    pub const TYPE_WEIGHTS: Map<(u32, u64), Uint128> = Map::new("type_weights");
    pub const GAUGES: Map<&str, GaugeInfo> = Map::new("gauges");
    pub const GAUGE_CAPS: Map<(&str, u64), CapSetting> = Map::new("gauge_caps");
    pub const VOTES: Map<(&Addr, &str), Vote> = Map::new("votes");
    pub const LAST_VOTE: Map<(&Addr, &str), u64> = Map::new("last_vote");
    pub const POWER_USED: Map<&Addr, u16> = Map::new("power_used");
    /// (last, history, changes) namespaces of the gauge lines and of the type lines.
    pub const LINE_BOOKS: [(&str, &str, &str); 2] =
        [("g_last", "g_hist", "g_chg"), ("t_last", "t_hist", "t_chg")];

    pub fn last(ns: &'static str) -> Map<String, StoredLine> {
        Map::new(ns)
    }
    pub fn history(ns: &'static str) -> Map<(String, u64), StoredLine> {
        Map::new(ns)
    }
    pub fn changes(ns: &'static str) -> Map<(String, u64), Uint128> {
        Map::new(ns)
    }
}
