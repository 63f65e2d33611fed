//! How Trellis contracts keep state: the same keys as `cw-storage-plus`, with values in a
//! compact binary encoding instead of JSON. A chain charges 30 SDK gas per byte written,
//! and JSON spells a 256-bit number as up to 78 decimal digits plus its field name; here
//! a record is its fields in order, integers as varints and 256-bit numbers as big-endian
//! bytes without leading zeros.
//!
//! - [`codec`]: encode and decode one value.
//! - [`num`]: serde adapters for `Uint128` / `Uint256` fields (`#[serde(with = ...)]`).
//! - [`Item`] / [`Map`]: typed storage slots, drop-in for the `cw-storage-plus` ones.
//!
//! Messages and query responses stay JSON; only stored values change. The encoding is not
//! self-describing: adding, removing or reordering a stored field is a layout change that
//! needs a migration, exactly like changing a field's type.
pub mod codec;
pub mod num;
mod table;

pub use table::{Entries, Item, Map};
