//! Trellis' indexer: turns the contracts' events into SQL tables (SQLite by default,
//! PostgreSQL at scale) and serves them over GraphQL in The Graph's conventions.
//!
//! - [`source`]: where blocks come from (the embedded chain, a CometBFT RPC endpoint).
//! - [`apply`]: each block applied in one transaction with the cursor.
//! - [`handlers`]: one module per contract, events to entities.
//! - [`catalog`]: the entities and their fields, which drive the API.
//! - [`graphql`]: `trellis serve`.
pub mod amount;
pub mod apply;
pub mod block;
pub mod catalog;
pub mod db;
pub mod dump;
pub mod graphql;
pub mod handlers;
pub mod registry;
pub mod source;
pub mod tokens;

pub use apply::{Applied, Indexer};
pub use block::{Block, ChainEvent, WasmEvent};
pub use registry::ContractKind;
