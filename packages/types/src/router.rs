//! Messages of `contracts/router`: multi-hop swaps along a route of weighted pools, and the
//! best-route query (direct, or two hops through the protocol token: x <-> ALY <-> y).
use cosmwasm_schema::{cw_serde, QueryResponses};
use cosmwasm_std::Uint128;
use cw20::Cw20ReceiveMsg;
use cw_ownable::{cw_ownable_execute, cw_ownable_query};

use crate::asset::{Asset, AssetInfo};

/// The instantiating account becomes the router's owner (two-step cw-ownable), whose only
/// power is `Sweep`.
#[cw_serde]
pub struct InstantiateMsg {
    /// The pool factory: source of pools and of the protocol token.
    pub factory: String,
}

/// One hop: swap in `pool` for `ask` (the pool's other asset).
#[cw_serde]
pub struct Hop {
    pub pool: String,
    pub ask: AssetInfo,
}

#[cw_ownable_execute]
#[cw_serde]
pub enum ExecuteMsg {
    /// Swap the one native coin attached along `route`; fails unless the last hop pays at least
    /// `min_out` to `recipient` (default: the sender) before `deadline`.
    ExecuteRoute {
        route: Vec<Hop>,
        min_out: Uint128,
        recipient: Option<String>,
        deadline: Option<u64>,
    },
    /// cw20 entry: [`ReceiveMsg`] in `msg`.
    Receive(Cw20ReceiveMsg),
    /// Owner: send the router's whole balance of `asset` to `recipient`. The router holds
    /// nothing between messages, so anything it holds was sent to it by mistake.
    Sweep { asset: AssetInfo, recipient: String },
}

#[cw_serde]
pub enum ReceiveMsg {
    ExecuteRoute {
        route: Vec<Hop>,
        min_out: Uint128,
        recipient: Option<String>,
        deadline: Option<u64>,
    },
}

#[cw_ownable_query]
#[cw_serde]
#[derive(QueryResponses)]
pub enum QueryMsg {
    #[returns(ConfigResponse)]
    Config {},
    /// The output of `offer` along `route`, hop by hop.
    #[returns(RouteResponse)]
    SimulateRoute { offer: Asset, route: Vec<Hop> },
    /// The best route from `offer` to `ask` by simulated output: any direct pool, or two hops
    /// through the protocol token. Fails when there is none.
    #[returns(RouteResponse)]
    BestRoute { offer: Asset, ask: AssetInfo },
}

#[cw_serde]
pub struct ConfigResponse {
    pub factory: String,
    pub protocol_token: AssetInfo,
}

#[cw_serde]
pub struct RouteResponse {
    pub route: Vec<Hop>,
    /// Amount out of each hop; the last is the route's output.
    pub amounts_out: Vec<Uint128>,
    pub amount_out: Uint128,
}

/// `owner` gives a router deployed before it had one its owner (refused if it already has
/// one); otherwise leave it out.
#[cw_serde]
pub struct MigrateMsg {
    #[serde(default)]
    pub owner: Option<String>,
}
