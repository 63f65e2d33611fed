//! The run's events in execution order. Events at the same moment run in this order:
//! reserve funding, then weight changes, then traders' swaps (traders in file order, each
//! trader's swaps in file order), then user actions (users in file order, each user's actions
//! in file order), then the CL events ([`super::cl_timeline`]), then the CL farming events
//! ([`super::cl_farm_timeline`]).
use crate::scenario::plan::{ActionPlan, Plan, SourcePlan, SwapPlan, TraderKind};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EventKind {
    Fund {
        amount: u128,
        line: usize,
    },
    SetWeight {
        pool: usize,
        weight: u64,
    },
    /// A scripted trader's swap.
    Swap {
        trader: usize,
        swap: SwapPlan,
    },
    /// A random trader's turn: the swap is drawn when it runs (it depends on the reserves).
    RandomSwap {
        trader: usize,
    },
    User {
        user: usize,
        action: ActionPlan,
        /// The action's line in the scenario file.
        line: usize,
    },
    /// A CL position change or swap (see [`super::cl_timeline`]).
    Cl(super::cl_timeline::ClEvent),
    /// A CL farming action (see [`super::cl_farm_timeline`]).
    ClFarm(super::cl_farm_timeline::ClFarmEvent),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    pub at_secs: u64,
    pub kind: EventKind,
}

/// Every event of the plan, sorted by time then by the order above (stable).
pub fn events(plan: &Plan) -> Vec<Event> {
    let mut events: Vec<(u64, u8, Event)> = Vec::new();
    if let SourcePlan::Reserve { funding } = &plan.reward.source {
        for f in funding {
            let kind = EventKind::Fund {
                amount: f.amount,
                line: f.line,
            };
            events.push((
                f.at_secs,
                0,
                Event {
                    at_secs: f.at_secs,
                    kind,
                },
            ));
        }
    }
    for w in &plan.weight_changes {
        let kind = EventKind::SetWeight {
            pool: w.pool,
            weight: w.weight,
        };
        events.push((
            w.at_secs,
            1,
            Event {
                at_secs: w.at_secs,
                kind,
            },
        ));
    }
    for (trader, t) in plan.traders.iter().enumerate() {
        let moments: Vec<(u64, EventKind)> = match &t.kind {
            TraderKind::Scripted(swaps) => swaps
                .iter()
                .map(|swap| {
                    (
                        swap.at_secs,
                        EventKind::Swap {
                            trader,
                            swap: *swap,
                        },
                    )
                })
                .collect(),
            TraderKind::Random(r) => r
                .times(plan.duration_secs)
                .map(|at| (at, EventKind::RandomSwap { trader }))
                .collect(),
        };
        for (at_secs, kind) in moments {
            events.push((at_secs, 2, Event { at_secs, kind }));
        }
    }
    for (user, u) in plan.users.iter().enumerate() {
        for a in &u.actions {
            let kind = EventKind::User {
                user,
                action: a.kind.clone(),
                line: a.line,
            };
            events.push((
                a.at_secs,
                3,
                Event {
                    at_secs: a.at_secs,
                    kind,
                },
            ));
        }
    }
    events.extend(super::cl_timeline::events(plan));
    events.extend(super::cl_farm_timeline::events(plan));
    // `sort_by_key` is stable: file order is kept within a moment and a category.
    events.sort_by_key(|(at, rank, _)| (*at, *rank));
    events.into_iter().map(|(_, _, e)| e).collect()
}

/// Every moment the runner stops at: the sample times and the event times, ascending.
pub fn stops(plan: &Plan, events: &[Event]) -> Vec<u64> {
    let mut stops: Vec<u64> = plan.sample_times();
    stops.extend(events.iter().map(|e| e.at_secs));
    stops.sort_unstable();
    stops.dedup();
    stops
}
