//! Execute handlers, one file per message.
pub mod checkpoint_token;
pub mod claim;
pub mod instantiate;
pub mod ownership;
pub mod sweep;
