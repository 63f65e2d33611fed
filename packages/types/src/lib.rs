//! Types shared by Trellis contracts and tools: assets and each contract's messages.
//! No storage and no chain access live here.
pub mod asset;
pub mod cl_farming;
pub mod cl_pool;
pub mod factory;
pub mod farm;
pub mod fee_distributor;
pub mod gauge_controller;
pub mod migrate;
pub mod options_token;
pub mod router;
pub mod voting_escrow;
pub mod weighted_pool;

pub use asset::{Asset, AssetInfo};
