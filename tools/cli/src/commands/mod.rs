//! The subcommands of `trellis`.
pub mod bench;
pub mod chain;
pub mod index;
pub mod serve;
pub mod sim;
pub mod verify;
