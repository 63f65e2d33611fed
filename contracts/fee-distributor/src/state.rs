//! Storage layout, split by how often a record changes (see the README, "Storage"). Values
//! are `trellis_store` records (postcard, integers as varints, no field names); keys are
//! built as `cw-storage-plus` builds them, with short namespaces:
//!
//! | ns  | record                                   | written by                         |
//! |-----|------------------------------------------|------------------------------------|
//! | `c` | [`Config`]: escrow, tokens, start        | instantiate only                   |
//! | `s` | [`Books`]: last_token_time, per-token booked / claimed | checkpoint, claim, failed transfer |
//! | `w` | week start -> [`Week`]: total power, per-token fees | checkpoint (the weeks it books) |
//! | `u` | user -> [`UserBook`]: cursor, per-token unpaid | claim, failed transfer        |
//!
//! Per-token vectors follow the config's token order, which never changes. A claim reads the
//! config, the books, its user record and the weeks it walks in one range (one iterator step
//! per stored week, 30 SDK gas plus bytes, where a read costs 1,000), and writes its user
//! record and the books.
use cosmwasm_std::{Addr, Uint128};
use serde::{Deserialize, Serialize};
use trellis_store::{Item, Map};
use trellis_types::AssetInfo;

/// Set at instantiation, never written again.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Config {
    pub voting_escrow: Addr,
    pub tokens: Vec<AssetInfo>,
    /// Week-aligned: the first week distributed, and every user's initial cursor.
    pub start_time: u64,
}

/// What a token's receipts became. `booked - claimed` is owed to holders and held back from
/// the next checkpoint; the balance above it is unbooked.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct TokenLedger {
    pub booked: u128,
    pub claimed: u128,
}

impl TokenLedger {
    pub fn owed(&self) -> Uint128 {
        // claimed <= booked while the escrow's user powers add up to at most its total; the
        // saturation only keeps a misreporting escrow from making this panic.
        Uint128::new(self.booked.saturating_sub(self.claimed))
    }
}

/// The books every checkpoint and claim change.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct Books {
    /// Receipts are booked up to this time (starts at `start_time`).
    pub last_token_time: u64,
    /// Per configured token, in config order.
    pub ledgers: Vec<TokenLedger>,
}

/// A week (keyed by its start) some checkpoint walked: the total ve power at its start,
/// cached the first time (the past does not change), and the fees booked into it per token.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct Week {
    pub total: u128,
    pub fees: Vec<u128>,
}

impl Week {
    pub fn has_fees(&self) -> bool {
        self.fees.iter().any(|f| *f != 0)
    }
}

/// A user's claim state.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct UserBook {
    /// First week start not yet claimed.
    pub cursor: u64,
    /// Per token: claimed amounts whose transfer failed, still owed to the user (part of
    /// `booked - claimed`) and paid by its next claim. Empty when all are zero.
    pub unpaid: Vec<u128>,
}

impl UserBook {
    pub fn unpaid(&self, i: usize) -> u128 {
        self.unpaid.get(i).copied().unwrap_or_default()
    }
}

pub const CONFIG: Item<Config> = Item::new("c");
pub const BOOKS: Item<Books> = Item::new("s");
pub const WEEKS: Map<u64, Week> = Map::new("w");
/// Absent before a user's first claim: its cursor is then the week of its first ve point
/// (see `claim_walk::initial_cursor`).
pub const USERS: Map<&Addr, UserBook> = Map::new("u");

/// The layout before 0.2.0 (cw-storage-plus JSON records), read only by `migrate`.
pub mod legacy {
    use cosmwasm_schema::cw_serde;
    use cosmwasm_std::{Addr, Uint128};
    use cw_storage_plus::{Item, Map};
    use trellis_types::AssetInfo;

    #[cw_serde]
    pub struct Config {
        pub voting_escrow: Addr,
        pub tokens: Vec<AssetInfo>,
        pub start_time: u64,
    }

    #[cw_serde]
    #[derive(Default)]
    pub struct TokenLedger {
        pub booked: Uint128,
        pub claimed: Uint128,
    }

    pub const CONFIG: Item<Config> = Item::new("config");
    pub const LAST_TOKEN_TIME: Item<u64> = Item::new("last_token_time");
    pub const LEDGER: Map<&str, TokenLedger> = Map::new("ledger");
    pub const TOKENS_PER_WEEK: Map<(&str, u64), Uint128> = Map::new("tokens_per_week");
    pub const TOTAL_POWER_AT: Map<u64, Uint128> = Map::new("total_power_at");
    pub const USER_CURSOR: Map<&Addr, u64> = Map::new("user_cursor");
    pub const UNPAID: Map<(&Addr, &str), Uint128> = Map::new("unpaid");
}
