//! Storage layout, arranged by how often each record changes. Values are `trellis_store`
//! records (postcard); keys are short:
//!
//! | key | record | written by | read by |
//! |---|---|---|---|
//! | `c` | [`Config`] | instantiate, `SetIncentiveMaker` | makers' messages, deposits |
//! | `n` | farms created so far (the next id) | farm creation | farm creation |
//! | `pa` + pool address | [`PoolEntry`]: local index and live farms | first deposit or farm, farm creation, deactivation | every hook, deposit, enter |
//! | `pi` + index | the pool address | with `pa` | queries |
//! | `fi` + farm id | [`FarmInfo`]: what the maker set | creation, `SetRates` | every touch of the farm |
//! | `fs` + farm id | [`FarmState`]: the virtual pool and the farm's books | every touch of the farm | every touch |
//! | `fk` + kind + farm id | kind index | creation | `Farms` query |
//! | `vt` + farm id + tick | [`VirtualTick`] | entries and exits at that tick, crossings | crossings, growth inside |
//! | `d` + pool index + token id | [`Deposit`] with its farm entries | deposit, enter, exit, withdraw | every position message |
//! | `od` + owner + pool index + token id | owner index of deposits | deposit, withdraw | `Deposits` query |
//! | `b` + owner + token key | [`Balance`]: credited rewards | exits, claims | claims |
use cosmwasm_std::{Addr, Uint256};
use serde::{Deserialize, Serialize};
use trellis_store::{Item, Map};
use trellis_types::cl_farming::{FarmKind, Tiers};
use trellis_types::AssetInfo;

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Config {
    pub incentive_maker: Addr,
    pub factory: Addr,
}

/// A pool this center has seen: a short local index for keys, and its live farm of each kind
/// (`ONE_LIVE_FARM_PER_KIND`).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct PoolEntry {
    pub index: u32,
    /// By `FarmKind` (eternal, limit).
    pub live: [Option<u64>; 2],
}

/// What the incentive maker set: read by every touch, written at creation and by `SetRates`.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct FarmInfo {
    pub kind: FarmKind,
    pub pool: Addr,
    pub pool_index: u32,
    /// Reward, then bonus (absent: nothing is paid in slot 1).
    pub tokens: [Option<AssetInfo>; 2],
    pub schedule: Schedule,
    pub min_width: u32,
    pub tiers: Option<Tiers>,
    /// Ever funded, per slot.
    pub funded: [u128; 2],
}

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq)]
pub enum Schedule {
    /// Tokens per second, per slot.
    Eternal {
        rates: [u128; 2],
    },
    Limit {
        start: u64,
        end: u64,
    },
}

/// The virtual pool and the books: written on every touch of the farm.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct FarmState {
    /// The pool tick as last reported, or read at the last entry.
    pub tick: i32,
    /// Effective liquidity of the farm's positions whose range holds `tick`.
    pub liquidity: u128,
    /// Eternal: reward per unit of liquidity per slot. Limit: seconds per unit of liquidity in
    /// slot 0 (both slots share it). Q128.128, wrapping.
    #[serde(with = "trellis_store::num::u256_pair")]
    pub growth: [Uint256; 2],
    /// Accrued up to here.
    pub last_time: u64,
    /// Limit: campaign seconds with farmed liquidity in range.
    pub active_secs: u64,
    /// Eternal: not yet distributed. Limit: funded minus credited and refunded.
    pub reserve: [u128; 2],
    pub refunded: [u128; 2],
    /// Credited to owners by exits.
    pub credited: [u128; 2],
    pub positions: u64,
    /// Effective liquidity of the positions in the farm.
    pub total_liquidity: u128,
    /// Limit: every effective liquidity that entered (the pro-rata split's denominator; entries
    /// end at the start, so it no longer moves once anyone can exit).
    pub entered_liquidity: u128,
    pub deactivated_at: Option<u64>,
}

/// A tick of a virtual pool: the boundary of at least one farmed position.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct VirtualTick {
    pub liquidity_gross: u128,
    pub liquidity_net: i128,
    /// Growth on the other side of the tick from the price, per slot (flipped on crossing).
    #[serde(with = "trellis_store::num::u256_pair")]
    pub outside: [Uint256; 2],
}

/// A position held by the center, and the farms it is in.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Deposit {
    pub owner: Addr,
    pub lower: i32,
    pub upper: i32,
    pub liquidity: u128,
    /// By `FarmKind` (eternal, limit).
    pub farms: [Option<FarmEntry>; 2],
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct FarmEntry {
    pub farm_id: u64,
    /// The position's liquidity times its tier's multiplier.
    pub liquidity: u128,
    /// Growth inside the range when it entered, per slot.
    #[serde(with = "trellis_store::num::u256_pair")]
    pub inside_at_entry: [Uint256; 2],
    pub tokens_locked: u128,
}

/// Credited rewards of one owner in one token, by the kind of farm that credited them.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Balance {
    pub token: AssetInfo,
    pub limit: u128,
    pub eternal: u128,
}

pub const CONFIG: Item<Config> = Item::new("c");
pub const FARM_COUNT: Item<u64> = Item::new("n");
pub const POOLS: Map<&Addr, PoolEntry> = Map::new("pa");
pub const POOL_COUNT: Item<u32> = Item::new("pn");
pub const POOL_ADDRESSES: Map<u32, Addr> = Map::new("pi");
pub const FARM_INFO: Map<u64, FarmInfo> = Map::new("fi");
pub const FARM_STATE: Map<u64, FarmState> = Map::new("fs");
/// Index records hold a 1 (postcard writes `()` as no bytes, which storage refuses).
pub const FARMS_BY_KIND: Map<(u8, u64), u8> = Map::new("fk");
pub const VIRTUAL_TICKS: Map<(u64, i32), VirtualTick> = Map::new("vt");
pub const DEPOSITS: Map<(u32, &str), Deposit> = Map::new("d");
pub const OWNER_DEPOSITS: Map<(Addr, (u32, String)), u8> = Map::new("od");
pub const BALANCES: Map<(Addr, String), Balance> = Map::new("b");

/// Slot of a kind in `PoolEntry::live` and `Deposit::farms`.
pub fn slot(kind: FarmKind) -> usize {
    match kind {
        FarmKind::Eternal => 0,
        FarmKind::Limit => 1,
    }
}
