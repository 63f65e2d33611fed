//! Storage layout.
use cosmwasm_schema::cw_serde;
use cosmwasm_std::{Addr, Uint128};
use cw_storage_plus::Item;
use trellis_types::factory::PoolKind;
use trellis_types::AssetInfo;

#[cw_serde]
pub struct Config {
    pub factory: Addr,
    /// Learned from the factory at instantiation: the hub of two-hop routes.
    pub protocol_token: AssetInfo,
}

/// A validated hop: the pool is a factory pool trading both assets.
#[cw_serde]
pub struct RouteHop {
    pub pool: Addr,
    /// The factory's word for the pool's kind: it decides the swap message.
    pub kind: PoolKind,
    pub offer: AssetInfo,
    pub ask: AssetInfo,
}

/// A route between its first submessage and the reply to its last hop.
#[cw_serde]
pub struct RouteInFlight {
    pub hops: Vec<RouteHop>,
    pub amount_in: Uint128,
    /// Output of each finished hop; its length is the index of the hop under way.
    pub amounts_out: Vec<Uint128>,
    pub recipient: Addr,
    pub min_out: Uint128,
    pub deadline: Option<u64>,
    /// The hop receiver's balance of the ask asset before the hop under way, recorded when the
    /// hop's offer is a cw20 (its pool's response data does not reach the router).
    pub ask_balance_before: Option<Uint128>,
    /// The router's balance of the offer asset before a concentrated hop, holding its input:
    /// a concentrated pool that stops early (price end, tick bound) refunds the rest to the
    /// router, and the reply refuses that (`PartialFill`) rather than strand it.
    #[serde(default)]
    pub offer_balance_before: Option<Uint128>,
}

impl RouteInFlight {
    /// Index of the hop under way.
    pub fn current(&self) -> usize {
        self.amounts_out.len()
    }

    pub fn is_last(&self, hop: usize) -> bool {
        hop + 1 == self.hops.len()
    }

    /// What hop `hop` sends to its pool.
    pub fn input_of(&self, hop: usize) -> Uint128 {
        match hop {
            0 => self.amount_in,
            _ => self.amounts_out[hop - 1],
        }
    }

    /// Who hop `hop`'s pool pays: the router until the last hop, then the recipient.
    pub fn receiver_of(&self, hop: usize, router: &Addr) -> Addr {
        if self.is_last(hop) {
            self.recipient.clone()
        } else {
            router.clone()
        }
    }
}

pub const CONFIG: Item<Config> = Item::new("config");
/// Set when a route starts, removed by the reply to its last hop (same transaction).
pub const ROUTE_IN_FLIGHT: Item<RouteInFlight> = Item::new("route_in_flight");
