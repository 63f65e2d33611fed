//! trellis-pool-factory (under construction).
