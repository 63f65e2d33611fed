//! The `trellis` command line: `trellis sim` runs a scenario file against the real contracts on
//! an embedded chain (cw-multi-test, through `trellis-testing`) and writes a report;
//! `trellis bench` (feature `bench`) meters gas in cosmwasm-vm.
//!
//! Flow of `sim`: [`scenario`] (TOML -> checked [`scenario::Plan`]) -> [`runner`] (deploy the
//! tokens, the amm pools and the farm; timeline of actions and swaps, samples, settlement ->
//! [`model::SimReport`]) -> [`table`] (printed summary) and
//! [`report`] (JSON, CSV, HTML with SVG charts).
pub mod commands;
pub mod deploy;
pub mod format;
pub mod model;
pub mod progress;
pub mod report;
pub mod runner;
pub mod scenario;
pub mod sim_chain;
pub mod sim_index;
pub mod sim_record;
pub mod table;
pub mod verify;
