//! Named limits. Each bounds work done in one message or query, or mirrors a pool limit so a
//! bad request is refused by the factory with its own typed error before any pool is made.

/// Pools one pair of assets may have (any weights). Bounds the duplicate check in `CreatePool`
/// and the `PoolsByAssets` / `Pool` lookups, and with it the router's best-route search
/// (at most `MAX_POOLS_PER_PAIR^2` two-hop candidates).
pub const MAX_POOLS_PER_PAIR: usize = 8;
/// Default and maximum page sizes of paginated queries.
pub const DEFAULT_LIMIT: u32 = 10;
pub const MAX_LIMIT: u32 = 100;
/// Largest protocol share of a swap fee, in basis points of the fee (the pool's
/// `MAX_PROTOCOL_FEE_SHARE_BPS`).
pub const MAX_PROTOCOL_FEE_SHARE_BPS: u16 = 5_000;
/// Largest swap fee a pool accepts, in basis points of the amount in: 10% (the pool's
/// `MAX_SWAP_FEE_BPS`).
pub const MAX_SWAP_FEE_BPS: u16 = 1_000;
/// Largest oracle ring buffer a pool accepts (the pool's `MAX_ORACLE_CAPACITY`).
pub const MAX_ORACLE_CAPACITY: u32 = 10_000;
/// Fee tiers one pool kind may have: bounds the tier check of every permissionless
/// `CreatePool`.
pub const MAX_FEE_TIERS: usize = 8;
