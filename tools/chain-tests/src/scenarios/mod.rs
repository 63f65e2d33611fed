//! Scenarios written once for both chains.
pub mod farm;
pub mod pool;
