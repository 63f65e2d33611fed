//! The real-chain suite's harness. A scenario is written once against [`Ledger`] and run
//! twice:
//!
//! 1. on wasmd ([`real::RealLedger`]): the optimized artifacts, real transactions, real
//!    blocks, whose heights and times are recorded for every step;
//! 2. on cw-multi-test ([`embedded::EmbeddedLedger`]) with the contracts compiled natively,
//!    each step at the height and time the real chain gave it.
//!
//! Every figure the scenario observes (queries, balances, the contracts' events) is
//! compared after both runs ([`compare`]): a difference is a finding about the contracts or
//! about where the two environments differ. Scenarios also assert their hand-derived
//! numbers on each run.
pub mod artifacts;
pub mod compare;
pub mod embedded;
pub mod ledger;
pub mod real;
pub mod scenarios;

pub use compare::{assert_same, run_on_both};
pub use ledger::{Ledger, Moment, Observations, Step};
