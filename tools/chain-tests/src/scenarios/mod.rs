//! Scenarios written once for both chains.
pub mod cl;
pub mod farm;
pub mod fees;
pub mod gauges;
pub mod options;
pub mod pool;
pub mod support;
