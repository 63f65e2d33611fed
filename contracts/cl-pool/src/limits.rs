//! Named limits. Each bounds a fee, the work of one message or the size of a structure.

/// Most initialized ticks one swap crosses. A swap that would cross more stops before the next
/// one as a partial fill and refunds what it did not spend, so no swap runs out of gas walking
/// ticks (each crossing writes one tick record, about 0.1 KB).
pub const MAX_TICKS_CROSSED_PER_SWAP: u32 = 200;

/// The `tick-bitmap` variant only: most bitmap words a swap steps over with nothing
/// initialized in them (each costs a read), besides its crossings. A swap that reaches the
/// end of one more stops there as a partial fill, as at the tick bound. 256 words are
/// `65,536 * tick_spacing` ticks: at spacing 1 a price move of about 700x, at spacing 10 far
/// beyond any real move. A read of a missing word is 1,015 SDK gas: about 260,000 for all.
pub const MAX_EMPTY_WORDS_PER_SWAP: u32 = 256;

/// Most ticks one `SetFarmingMarks` may mark or unmark.
pub const MAX_MARKS_PER_CALL: usize = 50;

/// Gas the farming center's crossing hook may use (a sub-message gas limit). A hook that needs
/// more fails, and the pool records the link as broken instead of failing the swap.
pub const FARMING_HOOK_GAS_LIMIT: u64 = 2_000_000;

/// Largest share of the swap fee the protocol may take: half, as in the weighted pool.
pub const MAX_PROTOCOL_FEE_SHARE_BPS: u16 = 5_000;

/// Largest oracle ring buffer (lookups are binary searches, so this bounds storage, not gas).
pub const MAX_ORACLE_CAPACITY: u32 = 10_000;

/// Default and maximum page sizes of paginated queries.
pub const DEFAULT_LIMIT: u32 = 10;
pub const MAX_LIMIT: u32 = 100;

/// Reply id of the farming hook sub-message.
pub const REPLY_FARMING_HOOK: u64 = 1;
