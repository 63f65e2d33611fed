//! The subcommands of `trellis`.
pub mod bench;
pub mod bench_chain;
pub mod chain;
pub mod deploy;
pub mod index;
pub mod serve;
pub mod sim;
pub mod verify;
