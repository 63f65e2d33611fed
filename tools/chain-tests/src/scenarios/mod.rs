//! Scenarios written once for both chains.
pub mod cl;
pub mod farm;
pub mod pool;
