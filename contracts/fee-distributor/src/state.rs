//! Storage layout. Token-keyed maps use `AssetInfo::key()` (`native:<denom>` / `cw20:<addr>`).
use cosmwasm_schema::cw_serde;
use cosmwasm_std::{Addr, Uint128};
use cw_storage_plus::{Item, Map};
use trellis_types::AssetInfo;

#[cw_serde]
pub struct Config {
    pub voting_escrow: Addr,
    pub tokens: Vec<AssetInfo>,
    /// Week-aligned: the first week distributed, and every user's initial cursor.
    pub start_time: u64,
}

/// What a token's receipts became. `booked - claimed` is owed to holders and held back from
/// the next checkpoint; the balance above it is unbooked.
#[cw_serde]
#[derive(Default)]
pub struct TokenLedger {
    pub booked: Uint128,
    pub claimed: Uint128,
}

impl TokenLedger {
    pub fn owed(&self) -> Uint128 {
        // claimed <= booked while the escrow's user powers add up to at most its total; the
        // saturation only keeps a misreporting escrow from making this panic.
        self.booked.saturating_sub(self.claimed)
    }
}

pub const CONFIG: Item<Config> = Item::new("config");
/// Receipts are booked up to this time (starts at `start_time`).
pub const LAST_TOKEN_TIME: Item<u64> = Item::new("last_token_time");
pub const LEDGER: Map<&str, TokenLedger> = Map::new("ledger");
/// (token key, week start) -> fees booked into that week.
pub const TOKENS_PER_WEEK: Map<(&str, u64), Uint128> = Map::new("tokens_per_week");
/// Week start -> total ve power at that instant, cached the first time fees are booked there
/// (the past does not change, so one query per week is enough).
pub const TOTAL_POWER_AT: Map<u64, Uint128> = Map::new("total_power_at");
/// User -> first week start not yet claimed (absent: the week of the user's first ve point,
/// see `claim_walk::initial_cursor`).
pub const USER_CURSOR: Map<&Addr, u64> = Map::new("user_cursor");
/// (user, token key) -> claimed amount whose transfer failed: still owed to the user (part of
/// `booked - claimed`) and paid by its next claim.
pub const UNPAID: Map<(&Addr, &str), Uint128> = Map::new("unpaid");
