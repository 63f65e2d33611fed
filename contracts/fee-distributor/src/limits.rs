//! Named limits. Each bounds work done in one message or query.

/// Fee tokens per distributor: a checkpoint and a claim touch every token once per week walked.
pub const MAX_TOKENS: usize = 8;
/// Weeks one `CheckpointToken` books into (their total powers come in one escrow query, so
/// this stays below the escrow's `MAX_TIMES_PER_QUERY`). A longer gap
/// is booked over several calls; the rest waits, unbooked, for the next call.
pub const MAX_WEEKS_PER_CHECKPOINT: u64 = 52;
/// Weeks one `Claim` (or `Claimable`) walks from the user's cursor; the cursor is stored so the
/// next claim resumes there. The powers of the weeks with fees come in one escrow query.
pub const MAX_WEEKS_PER_CLAIM: u32 = 50;
/// Latest `start_time`, in weeks after the current week: a distributor cannot be set up to
/// hold every fee back for longer than this.
pub const MAX_START_AHEAD_WEEKS: u64 = 4;
/// Default and maximum page sizes of paginated queries.
pub const DEFAULT_LIMIT: u32 = 10;
pub const MAX_LIMIT: u32 = 100;

// A checkpoint's and a claim's weeks each fit one batched escrow query.
const _: () = assert!(
    MAX_WEEKS_PER_CHECKPOINT as usize <= trellis_types::voting_escrow::MAX_TIMES_PER_QUERY
        && MAX_WEEKS_PER_CLAIM as usize <= trellis_types::voting_escrow::MAX_TIMES_PER_QUERY
);
