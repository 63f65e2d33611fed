//! The CL events of the timeline. At one moment they come after every other event: first the
//! positions' openings, decreases and closings (positions in file order), then the CL traders'
//! swaps (traders in file order, each trader's swaps in file order).
use super::timeline::{Event, EventKind};
use crate::scenario::cl_plan::{ClSwapPlan, ClTraderKind};
use crate::scenario::plan::Plan;

/// Ranks after the farm's and amm's events (0 to 3).
const POSITION_RANK: u8 = 4;
const TRADER_RANK: u8 = 5;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ClEvent {
    Open {
        position: usize,
    },
    Decrease {
        position: usize,
        share_bps: u16,
    },
    /// Remove all the liquidity, collect everything, burn the NFT.
    Close {
        position: usize,
    },
    /// A scripted CL trader's swap.
    Swap {
        trader: usize,
        swap: ClSwapPlan,
    },
    /// A random CL trader's turn (drawn when it runs: it depends on the price).
    RandomSwap {
        trader: usize,
    },
}

/// Every CL event with its moment and rank, in file order.
pub fn events(plan: &Plan) -> Vec<(u64, u8, Event)> {
    let mut out = Vec::new();
    let mut push = |at_secs: u64, rank: u8, event: ClEvent| {
        let kind = EventKind::Cl(event);
        out.push((at_secs, rank, Event { at_secs, kind }));
    };
    for (position, p) in plan.cl.positions.iter().enumerate() {
        push(p.open_at_secs, POSITION_RANK, ClEvent::Open { position });
        for d in &p.decreases {
            let share_bps = d.share_bps;
            push(
                d.at_secs,
                POSITION_RANK,
                ClEvent::Decrease {
                    position,
                    share_bps,
                },
            );
        }
        if let Some(at) = p.close_at_secs {
            push(at, POSITION_RANK, ClEvent::Close { position });
        }
    }
    for (trader, t) in plan.cl.traders.iter().enumerate() {
        match &t.kind {
            ClTraderKind::Scripted(swaps) => {
                for swap in swaps {
                    push(
                        swap.at_secs,
                        TRADER_RANK,
                        ClEvent::Swap {
                            trader,
                            swap: *swap,
                        },
                    );
                }
            }
            ClTraderKind::Random(r) => {
                for at in r.times(plan.duration_secs) {
                    push(at, TRADER_RANK, ClEvent::RandomSwap { trader });
                }
            }
        }
    }
    out
}
