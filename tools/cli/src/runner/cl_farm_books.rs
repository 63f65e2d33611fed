//! The CL farming state of a run that the chain does not keep: the center and its farm ids,
//! what each farm was funded with and refunded (measured on the maker's balances), each
//! entry's life (entered, exited, credited, its value x seconds for the APR), which positions
//! the center holds, what each owner claimed, and the log.
use cosmwasm_std::Uint256;
use trellis_testing::cl_farming::ClFarmingHandle;

use crate::model::cl_farm::{ClEntryStatus, ClFarmEventRecord};
use crate::scenario::cl_farm_plan::ClFarmsPlan;

/// The deployed farming center and its books.
#[derive(Default)]
pub struct ClFarmWorld {
    /// `None` without CL farms.
    pub center: Option<ClFarmingHandle>,
    /// The center's id of each planned farm.
    pub farm_ids: Vec<u64>,
    /// Block time (unix seconds) of the deployment block, `t = 0`.
    pub time_at_start: u64,
    pub farms: Vec<ClFarmBooks>,
    /// Per farmed position (plan order), per entry (plan order).
    pub entries: Vec<Vec<ClEntryBooks>>,
    /// Per farmed position: whether the center holds its NFT.
    pub deposited: Vec<bool>,
    pub claims: Vec<ClClaimBooks>,
    pub events: Vec<ClFarmEventRecord>,
    /// Disagreements found as they happen (an exit crediting other than its pending reward, a
    /// balance that moved by other than what was sent, ...).
    pub violations: Vec<String>,
}

/// What the maker paid into a farm and took back, per slot (reward, bonus).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ClFarmBooks {
    pub funded: [u128; 2],
    pub refunded: [u128; 2],
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClEntryBooks {
    pub status: ClEntryStatus,
    pub entered_at: Option<u64>,
    pub exited_at: Option<u64>,
    /// Effective liquidity in the farm.
    pub liquidity: u128,
    /// Credited by the exit.
    pub credited: [u128; 2],
    /// The position's value in token1 when it entered.
    pub value_at_entry: u128,
    /// The last value measured while farmed and when: it holds until the next measure.
    pub last_value: Option<(u64, u128)>,
    /// Σ value x seconds while farmed.
    pub value_secs: Uint256,
}

impl Default for ClEntryBooks {
    fn default() -> Self {
        ClEntryBooks {
            status: ClEntryStatus::Pending,
            entered_at: None,
            exited_at: None,
            liquidity: 0,
            credited: [0; 2],
            value_at_entry: 0,
            last_value: None,
            value_secs: Uint256::zero(),
        }
    }
}

impl ClEntryBooks {
    /// Adds the last value times the seconds since it was measured, then holds `value` from
    /// `t` on (`None` at the exit).
    pub fn measure(&mut self, t: u64, value: Option<u128>) {
        if let Some((since, last)) = self.last_value {
            self.value_secs =
                super::valuation::hold(self.value_secs, last, t.saturating_sub(since));
        }
        self.last_value = value.map(|v| (t, v));
    }
}

/// What `owner` claimed of token `token` (limit part, eternal part).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClClaimBooks {
    pub owner: String,
    pub token: usize,
    pub claimed: [u128; 2],
}

impl ClFarmWorld {
    /// Empty books for the plan's farms and entries.
    pub fn for_plan(plan: &ClFarmsPlan) -> ClFarmWorld {
        ClFarmWorld {
            farms: vec![ClFarmBooks::default(); plan.farms.len()],
            entries: plan
                .farmed
                .iter()
                .map(|f| vec![ClEntryBooks::default(); f.entries.len()])
                .collect(),
            deposited: vec![false; plan.farmed.len()],
            ..ClFarmWorld::default()
        }
    }

    /// The center (only called when the scenario has CL farms).
    pub fn center(&self) -> &ClFarmingHandle {
        self.center
            .as_ref()
            .expect("the farming center is deployed with the CL farms")
    }

    /// Adds a claim to the owner's tally of `token`.
    pub fn add_claim(&mut self, owner: &str, token: usize, claimed: [u128; 2]) {
        match self
            .claims
            .iter_mut()
            .find(|c| c.owner == owner && c.token == token)
        {
            Some(c) => c.claimed = [0, 1].map(|k| c.claimed[k] + claimed[k]),
            None => self.claims.push(ClClaimBooks {
                owner: owner.to_string(),
                token,
                claimed,
            }),
        }
    }

    /// Every owner's claims of `token`, (limit, eternal).
    pub fn claimed(&self, token: usize) -> [u128; 2] {
        self.claims
            .iter()
            .filter(|c| c.token == token)
            .fold([0; 2], |acc, c| [0, 1].map(|k| acc[k] + c.claimed[k]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_seconds_hold_each_value_until_the_next() {
        // 1000 from 10 s to 40 s, then 400 to the exit at 50 s: 30 000 + 4 000.
        let mut books = ClEntryBooks::default();
        books.measure(10, Some(1_000));
        books.measure(40, Some(400));
        books.measure(50, None);
        assert_eq!(books.value_secs, Uint256::from(34_000u128));
        // Nothing more after the exit.
        books.measure(90, None);
        assert_eq!(books.value_secs, Uint256::from(34_000u128));
    }
}
