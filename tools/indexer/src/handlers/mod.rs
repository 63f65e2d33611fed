//! One module per contract: each maps its contract's `wasm` events to entity updates. A
//! handler returns `Ok(true)` when it used the event, `Ok(false)` for actions that change no
//! entity (admin and query-like actions), and an error when an event it needs lacks an
//! attribute: the block is then not applied, rather than indexed wrong.
pub mod cl_farming;
pub mod cl_pool;
pub mod farm;
pub mod fee_distributor;
pub mod gauge_controller;
pub mod options_token;
pub mod pool_factory;
pub mod router;
pub mod voting_escrow;
pub mod weighted_pool;

use anyhow::Result;

use crate::block::WasmEvent;
use crate::db::Tx;
use crate::registry::{ContractKind, Registry};

/// Pass one over a block: contracts created in it that later handlers must know.
pub async fn discover(
    tx: &mut Tx<'_>,
    registry: &mut Registry,
    kind: ContractKind,
    event: &WasmEvent,
) -> Result<()> {
    match kind {
        ContractKind::PoolFactory => pool_factory::discover(tx, registry, event).await,
        _ => Ok(()),
    }
}

/// Pass two: the event's entity updates.
pub async fn handle(tx: &mut Tx<'_>, kind: ContractKind, event: &WasmEvent) -> Result<bool> {
    match kind {
        ContractKind::Farm => farm::handle(tx, event).await,
        ContractKind::WeightedPool => weighted_pool::handle(tx, event).await,
        ContractKind::PoolFactory => pool_factory::handle(tx, event).await,
        ContractKind::Router => router::handle(tx, event).await,
        ContractKind::VotingEscrow => voting_escrow::handle(tx, event).await,
        ContractKind::FeeDistributor => fee_distributor::handle(tx, event).await,
        ContractKind::GaugeController => gauge_controller::handle(tx, event).await,
        ContractKind::OptionsToken => options_token::handle(tx, event).await,
        ContractKind::ClPool => cl_pool::handle(tx, event).await,
        ContractKind::ClFarming => cl_farming::handle(tx, event).await,
    }
}

/// The id of a history row: unique per event of the chain.
pub fn event_id(tx: &Tx<'_>, event: &WasmEvent) -> String {
    format!("{}-{}", tx.height, event.index)
}

/// A `Swap` row from a pool's swap event (weighted and CL pools name the attributes alike).
pub async fn record_swap(
    tx: &mut Tx<'_>,
    event: &WasmEvent,
    id: &str,
    pool_kind: &str,
) -> Result<()> {
    tx.append(
        "swaps",
        id,
        &[
            ("pool", crate::db::Value::text(&event.contract)),
            ("pool_kind", crate::db::Value::text(pool_kind)),
            ("sender", crate::db::Value::text(event.get("sender")?)),
            ("recipient", crate::db::Value::text(event.get("recipient")?)),
            (
                "offer_token",
                crate::db::Value::text(crate::tokens::id_of(event.get("offer_asset")?)),
            ),
            (
                "ask_token",
                crate::db::Value::text(crate::tokens::id_of(event.get("ask_asset")?)),
            ),
            (
                "offer_amount",
                crate::db::Value::amount(event.amount("amount_in")?),
            ),
            (
                "return_amount",
                crate::db::Value::amount(event.amount("amount_out")?),
            ),
            ("fee", crate::db::Value::amount(event.amount("fee")?)),
        ],
    )
    .await
}
