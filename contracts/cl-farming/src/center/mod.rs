//! The farming center: deposits of position NFTs, fee collection for them, withdrawals.
pub mod collect_fees;
pub mod deposit;
pub mod withdraw;
