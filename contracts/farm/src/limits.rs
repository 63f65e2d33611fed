//! Named limits. Each bounds work done in one message or query.

/// Pools one `Claim` or `Pending` may list: bounds the loop in claim.
pub const MAX_CLAIM_POOLS: usize = 30;
/// Default and maximum page sizes of paginated queries.
pub const DEFAULT_LIMIT: u32 = 10;
pub const MAX_LIMIT: u32 = 100;
/// Largest pool weight. With rewards below 1e30 units per update and ACC_SCALE = 1e36,
/// `weight * reward_per_weight` stays far below 2^256.
pub const MAX_WEIGHT: u64 = 1_000_000_000;
/// Week boundaries one settlement of a gauge-split pool may cross (one controller query each
/// at most). A pool idle for longer needs `CheckpointPool` calls first.
pub const MAX_GAUGE_WEEKS_PER_SETTLE: u64 = 52;
/// Boosted positions one `LockChanged` notice refreshes (in pool id order). The others keep
/// their working balance until their owner acts on them or anyone `Kick`s them. Sized so a
/// notice stays well inside the escrow's listener gas limit.
pub const MAX_REFRESH_POOLS: usize = 10;
/// Pools one farm may hold. Farm-wide reports (`Totals`) and the owner's messages on the
/// undistributed books add up every pool's books, one read each.
pub const MAX_POOLS: u64 = 1_000;
