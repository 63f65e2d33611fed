//! Message handlers, one file per concern.
pub mod admin;
pub mod checkpoint;
pub mod funds;
pub mod instantiate;
pub mod lock;
pub mod receive;
pub mod withdraw;
