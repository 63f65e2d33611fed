//! Vote escrow, gauge controller and fee distributor, deployed and driven through the suite,
//! plus the farm helpers that boosts and gauge splits need.
//!
//! Unlike the farm and the amm, these contracts are addressed through handles the helpers
//! take as arguments (a scenario may run several escrows or controllers side by side):
//! - this file: options and handles;
//! - `escrow`: deploying the voting escrow, locks (cw20 `Send` hook or native funds),
//!   listeners, checkpoints and powers;
//! - `gauges`: deploying the gauge controller, types, gauges, votes, weights;
//! - `fees`: deploying the fee distributor, fee checkpoints and claims;
//! - `farm`: farms boosted by an escrow or split by gauges (deploy, pools, kick, working
//!   balances).
//!
//! ```
//! use trellis_testing::ve::EscrowOptions;
//! use trellis_testing::Suite;
//!
//! let mut suite = Suite::new();
//! let lp = suite.create_cw20("LPV", &[("alice", 126_144_000_000)]).unwrap();
//! let ve = suite.deploy_voting_escrow(EscrowOptions::new(lp)).unwrap();
//! // The longest lock (126,144,000 s) from 1,700,000,000 ends at 1,825,891,200 (rounded down
//! // to a week); slope = 126,144,000,000 / 126,144,000 = 1,000, power = 1,000 * 125,891,200.
//! let end = suite.time() + ve.max_time;
//! suite.create_lock(&ve, "alice", 126_144_000_000, end).unwrap();
//! assert_eq!(suite.ve_power(&ve, "alice").unwrap(), 125_891_200_000);
//! ```
mod escrow;
mod farm;
mod fees;
mod gauges;

use cosmwasm_std::Addr;
use trellis_types::asset::AssetInfo;

pub use trellis_types::gauge_controller::MAX_VOTE_BPS;
pub use trellis_types::voting_escrow::WEEK;

/// How to instantiate a voting escrow (owned by the suite owner).
#[derive(Clone, Debug, PartialEq)]
pub struct EscrowOptions {
    /// The token locked: a cw20 (an LP token, typically) or a native denom.
    pub lock_token: AssetInfo,
    /// Longest lock in seconds; `None`: the contract's default (4 x 365 days).
    pub max_time: Option<u64>,
}

impl EscrowOptions {
    pub fn new(lock_token: AssetInfo) -> Self {
        EscrowOptions {
            lock_token,
            max_time: None,
        }
    }

    pub fn max_time(mut self, secs: u64) -> Self {
        self.max_time = Some(secs);
        self
    }
}

/// A deployed voting escrow.
#[derive(Clone, Debug, PartialEq)]
pub struct EscrowHandle {
    pub addr: Addr,
    pub lock_token: AssetInfo,
    /// As the contract reports it (the default filled in).
    pub max_time: u64,
}

/// A deployed gauge controller.
#[derive(Clone, Debug, PartialEq)]
pub struct ControllerHandle {
    pub addr: Addr,
    /// The escrow whose slopes the votes weigh.
    pub escrow: Addr,
}

/// A deployed fee distributor.
#[derive(Clone, Debug, PartialEq)]
pub struct FeeDistributorHandle {
    pub addr: Addr,
    /// The fee tokens, in the distributor's order.
    pub tokens: Vec<AssetInfo>,
    /// The first week distributed (rounded down to a week).
    pub start_time: u64,
}
