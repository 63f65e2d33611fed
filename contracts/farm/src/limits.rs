//! Named limits. Each bounds work done in one message or query.

/// Pools one `Claim` or `Pending` may list: bounds the loop in claim.
pub const MAX_CLAIM_POOLS: usize = 30;
/// Default and maximum page sizes of paginated queries.
pub const DEFAULT_LIMIT: u32 = 10;
pub const MAX_LIMIT: u32 = 100;
/// Largest pool weight. With rewards below 1e30 units per update and ACC_SCALE = 1e36,
/// `weight * reward_per_weight` stays far below 2^256.
pub const MAX_WEIGHT: u64 = 1_000_000_000;
