//! Types shared by Trellis contracts and tools: assets and each contract's messages.
//! No storage and no chain access live here.
pub mod asset;
pub mod farm;

pub use asset::{Asset, AssetInfo};
