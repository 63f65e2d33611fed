//! Positions in farms: entering, exiting, and what an entry earned.
pub mod enter;
pub mod exit;
pub mod settle;
