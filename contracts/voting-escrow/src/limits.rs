//! Named limits. Each bounds work done in one message or query.
use trellis_math::ve::WEEK;

/// Week boundaries one message may walk the global line across (execute paths). A gap
/// longer than this needs `Checkpoint {}` calls first (see the crate docs).
pub const MAX_WEEKS_PER_CHECKPOINT: u64 = 52;
/// Shortest and longest `max_time` accepted at instantiation. The longest bounds the query
/// walk: every lock ends within `max_time` of the last point, so a total-power query crosses
/// at most `max_time / WEEK + 1` boundaries (209 with the 4-year default, 418 at this cap).
pub const MIN_MAX_TIME: u64 = WEEK;
pub const MAX_MAX_TIME: u64 = 8 * 365 * 86_400;
/// Contracts notified on every lock change.
pub const MAX_LISTENERS: usize = 5;
/// Gas each listener notification may use; beyond it the notification fails (ignored).
pub const LISTENER_GAS_LIMIT: u64 = 1_000_000;
/// Default and maximum page sizes of paginated queries.
pub const DEFAULT_LIMIT: u32 = 10;
pub const MAX_LIMIT: u32 = 100;
