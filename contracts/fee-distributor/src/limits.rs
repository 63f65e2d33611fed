//! Named limits. Each bounds work done in one message or query.

/// Fee tokens per distributor: a checkpoint and a claim touch every token once per week walked.
pub const MAX_TOKENS: usize = 8;
/// Weeks one `CheckpointToken` books into (and total-power look-ups it may make). A longer gap
/// is booked over several calls; the rest waits, unbooked, for the next call.
pub const MAX_WEEKS_PER_CHECKPOINT: u64 = 52;
/// Weeks one `Claim` (or `Claimable`) walks from the user's cursor; the cursor is stored so the
/// next claim resumes there. Each week costs one `UserPower` query when it holds fees.
pub const MAX_WEEKS_PER_CLAIM: u32 = 50;
/// Default and maximum page sizes of paginated queries.
pub const DEFAULT_LIMIT: u32 = 10;
pub const MAX_LIMIT: u32 = 100;
