//! Farms: creation by the incentive maker, their reserves and rates, deactivation, refunds.
pub mod create;
pub mod lifecycle;
pub mod load;
pub mod reserves;
