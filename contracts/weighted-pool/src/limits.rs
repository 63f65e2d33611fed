//! Named limits and fixed parameters. Each bounds a fee, a storage structure or the work done
//! in one query.

/// Largest swap fee accepted at creation: 10%. Anything above is a misconfiguration, not a
/// market.
pub const MAX_SWAP_FEE_BPS: u16 = 1_000;
/// Largest share of the swap fee the protocol may take: half, so LPs always keep most of it.
pub const MAX_PROTOCOL_FEE_SHARE_BPS: u16 = 5_000;
/// Largest TWAP ring buffer. Lookups are binary searches (O(log capacity) reads), so this
/// bounds storage rather than gas; 10_000 samples at a 60 s spacing cover about a week.
pub const MAX_ORACLE_CAPACITY: u32 = 10_000;
/// Default and maximum page sizes of paginated queries (oracle samples).
pub const DEFAULT_LIMIT: u32 = 10;
pub const MAX_LIMIT: u32 = 100;
/// Decimals of the LP token: the first supply is the invariant over balances scaled to 18
/// decimals, so the LP token has 18 too. (Legacy pools keep their 6-decimal token.)
pub const LP_TOKEN_DECIMALS: u8 = 18;
