//! Storage layout. cw20 balances, allowances and token metadata live in cw20-base's own
//! items; the rest are `trellis_store` records (postcard, one-letter keys):
//!
//! | key | record | written by |
//! |---|---|---|
//! | `c` | [`Config`]: assets, delivery, oracle, multiplier, floor, treasury, cap | instantiate, `UpdateConfig` |
//! | `t` | [`Totals`]: the supply and payment books | mint, burn, exercise, reserve funding and withdrawal |
//!
//! The cw20 `total_supply` is not kept in cw20-base's `token_info` any more: it is
//! `issued - exercised - burned`, derived from [`Totals`] (see [`Totals::supply`]), so a
//! mint, a burn or an exercise writes the holder's balance and `t` only, never the token
//! metadata. `token_info` keeps the name, symbol, decimals and minter.
use cosmwasm_std::{Addr, Decimal, Uint128};
use serde::{Deserialize, Serialize};
use trellis_store::Item;
use trellis_types::options_token::Delivery;
use trellis_types::AssetInfo;

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Oracle {
    pub pool: Addr,
    pub window_secs: u64,
    pub ago_secs: u64,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Config {
    pub underlying: AssetInfo,
    pub delivery: Delivery,
    pub payment: AssetInfo,
    pub oracle: Oracle,
    pub multiplier_bps: u32,
    #[serde(with = "trellis_store::num::decimal")]
    pub min_price: Decimal,
    pub treasury: Addr,
    /// Most oTOKEN ever issued (exercised and burned ones included).
    #[serde(with = "trellis_store::num::opt_u128")]
    pub cap: Option<Uint128>,
}

/// Running totals: `issued = total_supply + exercised + burned`. Every underlying unit
/// delivered is one exercised option unit, so what was delivered is `exercised`.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct Totals {
    #[serde(with = "trellis_store::num::u128")]
    pub issued: Uint128,
    #[serde(with = "trellis_store::num::u128")]
    pub exercised: Uint128,
    #[serde(with = "trellis_store::num::u128")]
    pub burned: Uint128,
    #[serde(with = "trellis_store::num::u128")]
    pub paid_to_treasury: Uint128,
    /// Reserve delivery: funded and not yet delivered.
    #[serde(with = "trellis_store::num::u128")]
    pub reserve_available: Uint128,
}

impl Totals {
    /// oTOKEN in circulation: the cw20 `total_supply`.
    pub fn supply(&self) -> Uint128 {
        // exercised + burned never exceed issued: both only ever take from balances.
        self.issued - self.exercised - self.burned
    }
}

pub const CONFIG: Item<Config> = Item::new("c");
pub const TOTALS: Item<Totals> = Item::new("t");

/// The layout of 0.1.x (JSON under `options_config` / `options_totals`, and the supply
/// kept in cw20-base's `token_info`), read only by `migrate`.
pub mod legacy {
    use cosmwasm_schema::cw_serde;
    use cosmwasm_std::{Addr, Decimal, Uint128};
    use cw_storage_plus::Item;
    use trellis_types::options_token::Delivery;
    use trellis_types::AssetInfo;

    #[cw_serde]
    pub struct Oracle {
        pub pool: Addr,
        pub window_secs: u64,
        pub ago_secs: u64,
    }

    #[cw_serde]
    pub struct Config {
        pub underlying: AssetInfo,
        pub delivery: Delivery,
        pub payment: AssetInfo,
        pub oracle: Oracle,
        pub multiplier_bps: u32,
        pub min_price: Decimal,
        pub treasury: Addr,
        pub cap: Option<Uint128>,
    }

    #[cw_serde]
    #[derive(Default)]
    pub struct Totals {
        pub issued: Uint128,
        pub exercised: Uint128,
        pub burned: Uint128,
        pub paid_to_treasury: Uint128,
        pub underlying_delivered: Uint128,
        pub reserve_available: Uint128,
    }

    pub const CONFIG: Item<Config> = Item::new("options_config");
    pub const TOTALS: Item<Totals> = Item::new("options_totals");
}
