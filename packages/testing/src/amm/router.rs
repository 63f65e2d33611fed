//! The router: deployment, routes executed and simulated, and the best route.
use anyhow::{anyhow, Result};
use cosmwasm_std::{coins, Addr, Uint128};
use cw_multi_test::AppResponse;
use trellis_types::asset::{Asset, AssetInfo};
use trellis_types::router::{
    ConfigResponse, ExecuteMsg, Hop, InstantiateMsg, QueryMsg, ReceiveMsg, RouteResponse,
};

use super::{RouterHandle, TradeOptions};
use crate::codes::ContractKind;
use crate::suite::Suite;

impl Suite {
    /// Instantiates a router on the current factory and makes it the suite's current router.
    pub fn deploy_router(&mut self) -> Result<RouterHandle> {
        let msg = InstantiateMsg {
            factory: self.factory().addr.to_string(),
        };
        let addr = self
            .instantiate_as_owner(ContractKind::Router, &msg, ContractKind::Router.label())
            .map_err(|e| anyhow!("instantiating the router: {e:#}"))?;
        let handle = RouterHandle { addr };
        self.router = Some(handle.clone());
        Ok(handle)
    }

    /// The current router. Panics when there is none.
    pub fn router(&self) -> &RouterHandle {
        self.router
            .as_ref()
            .expect("no router deployed: call deploy_router first")
    }

    pub fn select_router(&mut self, router: RouterHandle) {
        self.router = Some(router);
    }

    /// Swaps `amount` of `offer` from the named account along `route`, requiring at least
    /// `min_out` (> 0) at the end; the sender receives the output.
    pub fn execute_route(
        &mut self,
        user: &str,
        offer: &AssetInfo,
        amount: u128,
        route: Vec<Hop>,
        min_out: u128,
    ) -> Result<AppResponse> {
        let options = TradeOptions::default().min_out(min_out);
        self.execute_route_with(user, offer, amount, route, options)
    }

    /// [`Suite::execute_route`] with a recipient and deadline. `min_out` defaults to 1 (any
    /// output), the least the router accepts. A native offer is attached as one coin, a cw20
    /// offer sent with the router's hook.
    pub fn execute_route_with(
        &mut self,
        user: &str,
        offer: &AssetInfo,
        amount: u128,
        route: Vec<Hop>,
        options: TradeOptions,
    ) -> Result<AppResponse> {
        let sender = self.addr(user);
        let router = self.router().addr.clone();
        let (min_out, recipient, deadline) = (
            Uint128::new(options.min_out.unwrap_or(1)),
            options.recipient_string(),
            options.deadline,
        );
        match offer {
            AssetInfo::Native { denom } => {
                let msg = ExecuteMsg::ExecuteRoute {
                    route,
                    min_out,
                    recipient,
                    deadline,
                };
                self.execute_contract(sender, router, &msg, &coins(amount, denom))
            }
            AssetInfo::Cw20 { .. } => {
                let hook = ReceiveMsg::ExecuteRoute {
                    route,
                    min_out,
                    recipient,
                    deadline,
                };
                self.cw20_send(&sender, offer, &router, amount, &hook)
            }
        }
    }

    /// Finds the best route for `amount` of `offer` into `ask` and executes it with `min_out`.
    /// Returns the route as simulated and the execution's response.
    pub fn swap_best_route(
        &mut self,
        user: &str,
        offer: &AssetInfo,
        amount: u128,
        ask: &AssetInfo,
        min_out: u128,
    ) -> Result<(RouteResponse, AppResponse)> {
        let best = self.best_route(offer, amount, ask)?;
        let res = self.execute_route(user, offer, amount, best.route.clone(), min_out)?;
        Ok((best, res))
    }

    pub fn router_query<T: serde::de::DeserializeOwned>(&self, msg: &QueryMsg) -> Result<T> {
        let router = self.router().addr.clone();
        Ok(self.app.wrap().query_wasm_smart(router, msg)?)
    }

    pub fn router_config(&self) -> Result<ConfigResponse> {
        self.router_query(&QueryMsg::Config {})
    }

    /// The output of `amount` of `offer` along `route`, hop by hop.
    pub fn simulate_route(
        &self,
        offer: &AssetInfo,
        amount: u128,
        route: Vec<Hop>,
    ) -> Result<RouteResponse> {
        self.router_query(&QueryMsg::SimulateRoute {
            offer: Asset {
                info: offer.clone(),
                amount: Uint128::new(amount),
            },
            route,
        })
    }

    /// The best direct or two-hop (through the protocol token) route.
    pub fn best_route(
        &self,
        offer: &AssetInfo,
        amount: u128,
        ask: &AssetInfo,
    ) -> Result<RouteResponse> {
        self.router_query(&QueryMsg::BestRoute {
            offer: Asset {
                info: offer.clone(),
                amount: Uint128::new(amount),
            },
            ask: ask.clone(),
        })
    }

    /// The router's holdings of `asset` (zero after every complete route).
    pub fn router_balance(&self, asset: &AssetInfo) -> Result<u128> {
        let router: Addr = self.router().addr.clone();
        self.balance_of(&router, asset)
    }
}
