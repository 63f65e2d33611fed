//! Named limits and rules.

/// Seed 003's rule: one live farm of each kind per pool. Live means accepting entries and
/// accruing: an eternal farm until it is deactivated, a limit farm until its end or its
/// deactivation. Kept as a named rule (`PoolEntry::live` holds one id per kind) so it can be
/// relaxed later by making that slot a bounded list.
pub const ONE_LIVE_FARM_PER_KIND: bool = true;

/// Tiers a farm may name.
pub const MAX_TIERS: usize = 3;
/// Tier multipliers, basis points: 1x to 5x.
pub const MIN_MULTIPLIER_BPS: u32 = 10_000;
pub const MAX_MULTIPLIER_BPS: u32 = 50_000;
/// The longest limit campaign, seconds (one year): bounds nothing on chain, but refuses a
/// mistyped end that would lock positions for ever.
pub const MAX_LIMIT_DURATION_SECS: u64 = 365 * 24 * 3600;
/// Ticks one hook may report (the pool's own bound on crossed ticks per swap).
pub const MAX_REPORTED_TICKS: usize = 200;
/// Default and maximum page sizes of paginated queries.
pub const DEFAULT_LIMIT: u32 = 10;
pub const MAX_LIMIT: u32 = 100;
