//! The subcommands of `trellis`.
pub mod bench;
pub mod sim;
