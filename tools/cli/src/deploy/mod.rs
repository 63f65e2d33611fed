//! `trellis deploy`: a deployment file's contracts on a live chain, in order, wired, recorded.
//!
//! - [`file`]: the deployment file (chain, gas price, contracts and wiring steps).
//! - [`record`]: what is deployed already (code ids, checksums, addresses, steps done): a
//!   rerun skips all of it.
//! - [`run`]: the steps, printed (`--dry-run`) or sent.
pub mod file;
pub mod record;
pub mod run;
