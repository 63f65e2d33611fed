//! trellis-weighted-pool (under construction).
