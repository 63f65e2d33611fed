//! The checked CL farming part of a [`super::Plan`]: the farming center's incentive maker, its
//! farms (names resolved to indices, amounts and rates in base units, times in seconds since
//! deployment) and each farmed position's entries, exits, claims and fee collections.
use cosmwasm_std::Uint256;

use super::cl_plan::ClPlan;

/// The incentive maker's account when the scenario names none.
pub const DEFAULT_INCENTIVE_MAKER: &str = "maker";

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClFarmsPlan {
    /// The account that creates, funds, tops up and refunds the farms.
    pub maker: String,
    pub farms: Vec<ClFarmPlan>,
    /// One per farmed position, in file order.
    pub farmed: Vec<ClFarmedPlan>,
}

impl Default for ClFarmsPlan {
    fn default() -> Self {
        ClFarmsPlan {
            maker: DEFAULT_INCENTIVE_MAKER.to_string(),
            farms: Vec::new(),
            farmed: Vec::new(),
        }
    }
}

impl ClFarmsPlan {
    pub fn is_empty(&self) -> bool {
        self.farms.is_empty()
    }

    /// What the maker receives at deployment, (token index, base units): every creation and
    /// top-up it funds.
    pub fn maker_funding(&self) -> Vec<(usize, u128)> {
        let mut out = Vec::new();
        for farm in &self.farms {
            for (token, amount) in farm.funding() {
                add(&mut out, token, amount);
            }
        }
        out
    }

    /// What the owner `owner` receives at deployment: the tier tokens every entry of its
    /// positions locks.
    pub fn owner_locks(&self, cl: &ClPlan, owner: &str) -> Vec<(usize, u128)> {
        let mut out = Vec::new();
        for farmed in self.farmed.iter() {
            if cl.positions[farmed.position].owner != owner {
                continue;
            }
            for entry in &farmed.entries {
                if let Some(tiers) = &self.farms[entry.farm].tiers {
                    add(&mut out, tiers.token, entry.tokens_locked);
                }
            }
        }
        out
    }

    /// The farming plan of CL position `position`, if it is farmed.
    pub fn of_position(&self, position: usize) -> Option<&ClFarmedPlan> {
        self.farmed.iter().find(|f| f.position == position)
    }
}

fn add(out: &mut Vec<(usize, u128)>, token: usize, amount: u128) {
    if amount == 0 {
        return;
    }
    match out.iter_mut().find(|(t, _)| *t == token) {
        Some((_, total)) => *total += amount,
        None => out.push((token, amount)),
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClFarmPlan {
    pub name: String,
    /// Index into the CL pools.
    pub pool: usize,
    pub reward: ClFarmTokenPlan,
    pub bonus: Option<ClFarmTokenPlan>,
    pub min_width: u32,
    pub tiers: Option<ClTiersPlan>,
    pub terms: ClFarmTerms,
}

impl ClFarmPlan {
    pub fn is_limit(&self) -> bool {
        matches!(self.terms, ClFarmTerms::Limit { .. })
    }

    pub fn kind_name(&self) -> &'static str {
        if self.is_limit() {
            "limit"
        } else {
            "eternal"
        }
    }

    /// The tokens paid, reward then bonus.
    pub fn tokens(&self) -> Vec<&ClFarmTokenPlan> {
        std::iter::once(&self.reward).chain(&self.bonus).collect()
    }

    /// Everything the farm is funded with over the run, (token, base units): its creation and
    /// its top-ups.
    pub fn funding(&self) -> Vec<(usize, u128)> {
        let mut out = Vec::new();
        for (slot, token) in self.tokens().into_iter().enumerate() {
            let mut total = token.amount;
            if let ClFarmTerms::Eternal { add_rewards, .. } = &self.terms {
                total += add_rewards.iter().map(|a| a.amounts[slot]).sum::<u128>();
            }
            out.push((token.token, total));
        }
        out
    }
}

/// A token a farm pays: funded with `amount` at creation, valued at `price` for the APR.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClFarmTokenPlan {
    /// Index into the tokens.
    pub token: usize,
    pub amount: u128,
    pub price: TokenPrice,
}

/// A price as an exact ratio of base units: `numerator / denominator` base units of the pool's
/// token1 per base unit of the token. A display price `p = digits / 10^scale` of a token of
/// `d` decimals in a token1 of `d1` decimals is `digits * 10^d1 / (10^scale * 10^d)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TokenPrice {
    pub numerator: Uint256,
    pub denominator: Uint256,
}

impl TokenPrice {
    /// The same price, however it was written (`0.5` and `0.50`).
    pub fn same_as(&self, other: &TokenPrice) -> bool {
        self.numerator.full_mul(other.denominator) == other.numerator.full_mul(self.denominator)
    }

    /// `floor(amount * numerator / denominator)`: what `amount` base units are worth in
    /// token1 base units (saturating at `Uint256::MAX`, far above any amount of the run).
    pub fn value(&self, amount: u128) -> Uint256 {
        Uint256::from(amount)
            .full_mul(self.numerator)
            .checked_div(self.denominator.into())
            .ok()
            .and_then(|v| Uint256::try_from(v).ok())
            .unwrap_or(Uint256::MAX)
    }
}

/// Liquidity multipliers: locking at least `amount` of `token` counts the position's
/// liquidity times `multiplier_bps / 10000`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClTiersPlan {
    pub token: usize,
    /// (amount, multiplier_bps), both strictly increasing.
    pub levels: Vec<(u128, u32)>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ClFarmTerms {
    /// Base units per second of the reward and the bonus (0 without a bonus).
    Eternal {
        rates: [u128; 2],
        set_rates: Vec<ClSetRatesPlan>,
        add_rewards: Vec<ClAddRewardsPlan>,
    },
    /// The campaign, seconds since deployment.
    Limit { start_secs: u64, end_secs: u64 },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClSetRatesPlan {
    pub at_secs: u64,
    /// Line in the scenario file (1-based) that a failure on chain names.
    pub line: usize,
    pub rates: [u128; 2],
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClAddRewardsPlan {
    pub at_secs: u64,
    /// Line in the scenario file (1-based) that a failure on chain names.
    pub line: usize,
    /// Reward and bonus, base units.
    pub amounts: [u128; 2],
}

/// One farmed position: deposited in the center at its first entry, withdrawn after its last
/// exit (or by the final settlement).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClFarmedPlan {
    /// Index into the CL positions.
    pub position: usize,
    /// Line of its `position` in the scenario file (1-based): a failed claim or fee
    /// collection names it.
    pub line: usize,
    pub entries: Vec<ClEntryPlan>,
    pub claim_at_secs: Vec<u64>,
    pub collect_fees_at_secs: Vec<u64>,
}

impl ClFarmedPlan {
    /// When the NFT goes to the center: the first entry.
    pub fn deposit_at(&self) -> u64 {
        self.entries
            .iter()
            .map(|e| e.enter_at_secs)
            .min()
            .unwrap_or(0)
    }

    /// When the NFT comes back: the last exit, or `None` when an entry lasts to the end (the
    /// final settlement withdraws it).
    pub fn withdraw_at(&self) -> Option<u64> {
        self.entries
            .iter()
            .map(|e| e.exit_at_secs)
            .collect::<Option<Vec<u64>>>()
            .and_then(|exits| exits.into_iter().max())
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClEntryPlan {
    /// Index into the CL farms.
    pub farm: usize,
    /// Line of its `farm` in the scenario file (1-based): a failed entry or exit names it.
    pub line: usize,
    pub enter_at_secs: u64,
    /// `None`: the final settlement exits.
    pub exit_at_secs: Option<u64>,
    /// Tier tokens locked, base units (0 without tiers).
    pub tokens_locked: u128,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prices_value_base_units_exactly() {
        // 0.25 BBB (6 decimals) per TRL (6 decimals): 25 * 10^6 / (10^2 * 10^6).
        let price = TokenPrice {
            numerator: Uint256::from(25u128 * 1_000_000),
            denominator: Uint256::from(100u128 * 1_000_000),
        };
        assert_eq!(price.value(1_000_003), Uint256::from(250_000u128));
        assert_eq!(price.value(3), Uint256::zero());
    }

    #[test]
    fn deposits_span_first_entry_to_last_exit() {
        let entry = |enter, exit| ClEntryPlan {
            farm: 0,
            line: 1,
            enter_at_secs: enter,
            exit_at_secs: exit,
            tokens_locked: 0,
        };
        let mut farmed = ClFarmedPlan {
            position: 0,
            line: 1,
            entries: vec![entry(50, Some(90)), entry(10, Some(70))],
            claim_at_secs: Vec::new(),
            collect_fees_at_secs: Vec::new(),
        };
        assert_eq!((farmed.deposit_at(), farmed.withdraw_at()), (10, Some(90)));
        farmed.entries[1].exit_at_secs = None;
        assert_eq!(farmed.withdraw_at(), None);
    }
}
