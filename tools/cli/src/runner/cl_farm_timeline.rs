//! The CL farming events of the timeline. At one moment they come after every other event
//! (so a position opened at that moment can enter, and one decreased or closed then still has
//! its NFT), in this order: the incentive maker's rate changes and top-ups (farms in file
//! order), then the exits, the entries, the fee collections and the claims (farmed positions
//! in file order, entries in file order).
use super::timeline::{Event, EventKind};
use crate::scenario::cl_farm_plan::ClFarmTerms;
use crate::scenario::plan::Plan;

/// Ranks after the CL positions' and traders' events (4 and 5).
const MAKER_RANK: u8 = 6;
const EXIT_RANK: u8 = 7;
const ENTER_RANK: u8 = 8;
const COLLECT_RANK: u8 = 9;
const CLAIM_RANK: u8 = 10;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ClFarmEvent {
    SetRates {
        farm: usize,
        rates: [u128; 2],
        line: usize,
    },
    AddRewards {
        farm: usize,
        amounts: [u128; 2],
        line: usize,
    },
    /// Entry `entry` of farmed position `farmed` leaves its farm (the NFT is withdrawn after
    /// the position's last exit).
    Exit {
        farmed: usize,
        entry: usize,
    },
    /// Entry `entry` of farmed position `farmed` enters its farm (the NFT is deposited first
    /// when the center does not hold it yet).
    Enter {
        farmed: usize,
        entry: usize,
    },
    CollectFees {
        farmed: usize,
    },
    /// The owner of farmed position `farmed` claims every token its farms pay.
    Claim {
        farmed: usize,
    },
}

/// Every CL farming event with its moment and rank, in file order.
pub fn events(plan: &Plan) -> Vec<(u64, u8, Event)> {
    let mut out = Vec::new();
    let mut push = |at_secs: u64, rank: u8, event: ClFarmEvent| {
        let kind = EventKind::ClFarm(event);
        out.push((at_secs, rank, Event { at_secs, kind }));
    };
    for (farm, f) in plan.cl_farms.farms.iter().enumerate() {
        if let ClFarmTerms::Eternal {
            set_rates,
            add_rewards,
            ..
        } = &f.terms
        {
            for s in set_rates {
                let (rates, line) = (s.rates, s.line);
                let event = ClFarmEvent::SetRates { farm, rates, line };
                push(s.at_secs, MAKER_RANK, event);
            }
            for a in add_rewards {
                let (amounts, line) = (a.amounts, a.line);
                let event = ClFarmEvent::AddRewards {
                    farm,
                    amounts,
                    line,
                };
                push(a.at_secs, MAKER_RANK, event);
            }
        }
    }
    for (farmed, f) in plan.cl_farms.farmed.iter().enumerate() {
        for (entry, e) in f.entries.iter().enumerate() {
            push(
                e.enter_at_secs,
                ENTER_RANK,
                ClFarmEvent::Enter { farmed, entry },
            );
            if let Some(at) = e.exit_at_secs {
                push(at, EXIT_RANK, ClFarmEvent::Exit { farmed, entry });
            }
        }
        for at in &f.collect_fees_at_secs {
            push(*at, COLLECT_RANK, ClFarmEvent::CollectFees { farmed });
        }
        for at in &f.claim_at_secs {
            push(*at, CLAIM_RANK, ClFarmEvent::Claim { farmed });
        }
    }
    out
}
