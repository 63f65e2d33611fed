//! Filled by the RPC helper: every row of every table, for comparing indexes.
