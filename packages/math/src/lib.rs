//! Pure integer math for Trellis. No storage, no chain: everything here is a function of its
//! arguments, unit-tested with hand-derived vectors and property tests.
pub mod accumulator;
pub mod boost;
pub mod cl;
pub mod error;
pub mod fixed_point;
pub mod floor_sum;
pub mod mul_div;
pub mod options;
pub mod oracle;
pub mod policy;
pub mod scaling;
pub mod schedule;
pub mod ve;
pub mod weighted;
pub mod weighted_liquidity;

pub use error::MathError;
pub use floor_sum::floor_sum;
pub use mul_div::Rounding;
