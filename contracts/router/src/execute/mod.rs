//! Execute handlers, one file per concern.
pub mod execute_route;
pub mod instantiate;
pub mod sweep;
