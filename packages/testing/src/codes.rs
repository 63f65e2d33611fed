//! The contracts stored in the embedded chain, and their code ids.
//!
//! To add a contract (weighted pool, voting escrow, ...): add a [`ContractKind`] variant, a
//! wrapper function below, and a line in [`CodeIds::store_all`]. Domain helpers then go in
//! their own module with an `impl Suite` block, like `farm.rs`.
use cosmwasm_std::Empty;
use cw_multi_test::{App, Contract, ContractWrapper};

/// Every contract the harness knows how to deploy.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ContractKind {
    Cw20Base,
    Farm,
    WeightedPool,
    PoolFactory,
    Router,
    VotingEscrow,
    GaugeController,
    FeeDistributor,
    OptionsToken,
    ClPool,
    ClFarming,
}

impl ContractKind {
    /// All kinds, in the order their code is stored.
    pub const ALL: [ContractKind; 11] = [
        ContractKind::Cw20Base,
        ContractKind::Farm,
        ContractKind::WeightedPool,
        ContractKind::PoolFactory,
        ContractKind::Router,
        ContractKind::VotingEscrow,
        ContractKind::GaugeController,
        ContractKind::FeeDistributor,
        ContractKind::OptionsToken,
        ContractKind::ClPool,
        ContractKind::ClFarming,
    ];

    /// The contract's code, wrapped for cw-multi-test.
    pub fn contract(self) -> Box<dyn Contract<Empty>> {
        match self {
            ContractKind::Cw20Base => cw20_base_contract(),
            ContractKind::Farm => farm_contract(),
            ContractKind::WeightedPool => weighted_pool_contract(),
            ContractKind::PoolFactory => pool_factory_contract(),
            ContractKind::Router => router_contract(),
            ContractKind::VotingEscrow => voting_escrow_contract(),
            ContractKind::GaugeController => gauge_controller_contract(),
            ContractKind::FeeDistributor => fee_distributor_contract(),
            ContractKind::OptionsToken => options_token_contract(),
            ContractKind::ClPool => cl_pool_contract(),
            ContractKind::ClFarming => cl_farming_contract(),
        }
    }

    /// A short label used when instantiating.
    pub fn label(self) -> &'static str {
        match self {
            ContractKind::Cw20Base => "cw20-base",
            ContractKind::Farm => "trellis-farm",
            ContractKind::WeightedPool => "trellis-weighted-pool",
            ContractKind::PoolFactory => "trellis-pool-factory",
            ContractKind::Router => "trellis-router",
            ContractKind::VotingEscrow => "trellis-voting-escrow",
            ContractKind::GaugeController => "trellis-gauge-controller",
            ContractKind::FeeDistributor => "trellis-fee-distributor",
            ContractKind::OptionsToken => "trellis-options-token",
            ContractKind::ClPool => "trellis-cl-pool",
            ContractKind::ClFarming => "trellis-cl-farming",
        }
    }
}

/// Code ids of the stored contracts.
#[derive(Clone, Debug, Default)]
pub struct CodeIds {
    ids: Vec<(ContractKind, u64)>,
}

impl CodeIds {
    /// Stores every contract of [`ContractKind::ALL`] in `app`.
    pub fn store_all(app: &mut App) -> Self {
        let ids = ContractKind::ALL
            .iter()
            .map(|kind| (*kind, app.store_code(kind.contract())))
            .collect();
        CodeIds { ids }
    }

    /// The code id of `kind`.
    pub fn get(&self, kind: ContractKind) -> u64 {
        self.ids
            .iter()
            .find(|(k, _)| *k == kind)
            .map(|(_, id)| *id)
            .unwrap_or_else(|| panic!("contract {kind:?} was not stored"))
    }
}

/// cw20-base, the reference fungible token.
pub fn cw20_base_contract() -> Box<dyn Contract<Empty>> {
    Box::new(ContractWrapper::new(
        cw20_base::contract::execute,
        cw20_base::contract::instantiate,
        cw20_base::contract::query,
    ))
}

/// The Trellis farm.
pub fn farm_contract() -> Box<dyn Contract<Empty>> {
    Box::new(
        ContractWrapper::new(
            trellis_farm::contract::execute,
            trellis_farm::contract::instantiate,
            trellis_farm::contract::query,
        )
        .with_migrate(trellis_farm::contract::migrate),
    )
}

/// The Trellis weighted pool (instantiated by the factory, which stores its code id).
pub fn weighted_pool_contract() -> Box<dyn Contract<Empty>> {
    Box::new(
        ContractWrapper::new(
            trellis_weighted_pool::contract::execute,
            trellis_weighted_pool::contract::instantiate,
            trellis_weighted_pool::contract::query,
        )
        .with_reply(trellis_weighted_pool::contract::reply)
        .with_migrate(trellis_weighted_pool::contract::migrate),
    )
}

/// The Trellis pool factory.
pub fn pool_factory_contract() -> Box<dyn Contract<Empty>> {
    Box::new(
        ContractWrapper::new(
            trellis_pool_factory::contract::execute,
            trellis_pool_factory::contract::instantiate,
            trellis_pool_factory::contract::query,
        )
        .with_reply(trellis_pool_factory::contract::reply)
        .with_migrate(trellis_pool_factory::contract::migrate),
    )
}

/// The Trellis router.
pub fn router_contract() -> Box<dyn Contract<Empty>> {
    Box::new(
        ContractWrapper::new(
            trellis_router::contract::execute,
            trellis_router::contract::instantiate,
            trellis_router::contract::query,
        )
        .with_reply(trellis_router::contract::reply)
        .with_migrate(trellis_router::contract::migrate),
    )
}

/// The Trellis voting escrow (its reply entry point answers failed listener notifications).
pub fn voting_escrow_contract() -> Box<dyn Contract<Empty>> {
    Box::new(
        ContractWrapper::new(
            trellis_voting_escrow::contract::execute,
            trellis_voting_escrow::contract::instantiate,
            trellis_voting_escrow::contract::query,
        )
        .with_reply(trellis_voting_escrow::contract::reply)
        .with_migrate(trellis_voting_escrow::contract::migrate),
    )
}

/// The Trellis gauge controller.
pub fn gauge_controller_contract() -> Box<dyn Contract<Empty>> {
    Box::new(
        ContractWrapper::new(
            trellis_gauge_controller::contract::execute,
            trellis_gauge_controller::contract::instantiate,
            trellis_gauge_controller::contract::query,
        )
        .with_migrate(trellis_gauge_controller::contract::migrate),
    )
}

/// The Trellis fee distributor.
pub fn fee_distributor_contract() -> Box<dyn Contract<Empty>> {
    Box::new(
        ContractWrapper::new(
            trellis_fee_distributor::contract::execute,
            trellis_fee_distributor::contract::instantiate,
            trellis_fee_distributor::contract::query,
        )
        .with_reply(trellis_fee_distributor::contract::reply)
        .with_migrate(trellis_fee_distributor::contract::migrate),
    )
}

/// The Trellis options token (oTOKEN): a cw20 call option on the protocol token.
pub fn options_token_contract() -> Box<dyn Contract<Empty>> {
    Box::new(
        ContractWrapper::new(
            trellis_options_token::contract::execute,
            trellis_options_token::contract::instantiate,
            trellis_options_token::contract::query,
        )
        .with_migrate(trellis_options_token::contract::migrate),
    )
}

/// The Trellis concentrated-liquidity pool (its reply entry point answers a failed farming
/// hook).
pub fn cl_pool_contract() -> Box<dyn Contract<Empty>> {
    Box::new(
        ContractWrapper::new(
            trellis_cl_pool::contract::execute,
            trellis_cl_pool::contract::instantiate,
            trellis_cl_pool::contract::query,
        )
        .with_reply(trellis_cl_pool::contract::reply)
        .with_migrate(trellis_cl_pool::contract::migrate),
    )
}

/// The Trellis farming center for CL positions (its reply entry point credits a failed
/// return of locked tier tokens).
pub fn cl_farming_contract() -> Box<dyn Contract<Empty>> {
    Box::new(
        ContractWrapper::new(
            trellis_cl_farming::contract::execute,
            trellis_cl_farming::contract::instantiate,
            trellis_cl_farming::contract::query,
        )
        .with_reply(trellis_cl_farming::contract::reply)
        .with_migrate(trellis_cl_farming::contract::migrate),
    )
}
