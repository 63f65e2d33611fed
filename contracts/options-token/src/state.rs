//! Storage layout. cw20 balances, allowances and token info live in cw20-base's own items.
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
    /// Most oTOKEN ever issued (exercised and burned ones included).
    pub cap: Option<Uint128>,
}

/// Running totals: `issued = total_supply + exercised + burned`.
#[cw_serde]
#[derive(Default)]
pub struct Totals {
    pub issued: Uint128,
    pub exercised: Uint128,
    pub burned: Uint128,
    pub paid_to_treasury: Uint128,
    pub underlying_delivered: Uint128,
    /// Reserve delivery: funded and not yet delivered.
    pub reserve_available: Uint128,
}

pub const CONFIG: Item<Config> = Item::new("options_config");
pub const TOTALS: Item<Totals> = Item::new("options_totals");
