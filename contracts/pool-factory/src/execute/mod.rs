//! Execute handlers, one file per concern.
pub mod admin;
pub mod create_cl_pool;
pub mod create_pool;
pub mod instantiate;
pub mod listing;
pub mod new_pool;
