//! Named limits. Each bounds work done in one message or query.
use trellis_math::ve::WEEK;

/// Week boundaries one message may walk a weight line across. A gauge or type left idle
/// longer needs `Checkpoint` calls first.
pub const MAX_WEEKS_PER_CHECKPOINT: u64 = 52;
/// Week boundaries a query may walk a line forward past its last stored point. Every
/// scheduled change lies within `MAX_VOTE_HORIZON` of a vote, so a walk with a non-zero slope
/// ends within this many weeks of the last point.
pub const MAX_QUERY_WEEKS: u64 = 520;
/// Longest a vote may still run after the next week (8 years of ve `max_time`, rounded up to
/// whole weeks): bounds the scheduled slope changes a kill or weight change clears.
pub const MAX_VOTE_HORIZON: u64 = 418 * WEEK;
/// Gauge types: the total weight query loops over all of them.
pub const MAX_GAUGE_TYPES: u32 = 16;
/// Longest gauge id and type name, in bytes.
pub const MAX_GAUGE_ID_LEN: usize = 128;
pub const MAX_TYPE_NAME_LEN: usize = 64;
/// Default and maximum page sizes of paginated queries.
pub const DEFAULT_LIMIT: u32 = 10;
pub const MAX_LIMIT: u32 = 100;
