//! Named limits. Each bounds work done in one message or query.

/// Hops one route may have: bounds the submessage chain of `ExecuteRoute` and the queries of
/// `SimulateRoute`.
pub const MAX_HOPS: usize = 4;
/// Pools of one pair considered by `BestRoute` (the factory keeps at most this many per pair,
/// `MAX_POOLS_PER_PAIR`; the router caps it again so its own bound does not depend on that).
/// `BestRoute` simulates at most `N + N + N * N` swaps.
pub const MAX_POOLS_PER_PAIR: usize = 8;
