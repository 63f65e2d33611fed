//! trellis-router (under construction).
