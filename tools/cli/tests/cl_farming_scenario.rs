//! `scenarios/cl_farming.toml` parses to the farms, entries and amounts derived in its header:
//! rates and amounts in base units (6 decimals everywhere), moments in seconds, prices as
//! exact ratios of base units, the maker's and the owners' genesis funding.
mod common;

use cosmwasm_std::Uint256;
use trellis_cli::scenario::cl_farm_plan::*;
use trellis_cli::scenario::{self};

use common::{bundled, DAY};

/// One display unit of a 6-decimal token.
const E6: u128 = 1_000_000;

#[test]
fn the_cl_farming_scenario_parses() {
    let plan = scenario::load(&bundled("cl_farming.toml")).unwrap();
    assert_eq!(plan.name, "cl_farming");
    assert_eq!((plan.duration_secs, plan.step_secs), (20 * DAY, 7_200));
    let symbols: Vec<&str> = plan.tokens.iter().map(|t| t.symbol.as_str()).collect();
    assert_eq!(
        symbols,
        ["TRL", "TRL-LP", "AAA", "BBB", "INC", "BNS", "LCK"]
    );
    let (inc, bns, lck) = (4, 5, 6);
    let farms = &plan.cl_farms;
    assert_eq!(farms.maker, "maker");
    assert_eq!(farms.farms.len(), 2);

    // 0.5 BBB per INC: digits 5 at scale 1, so 5 * 10^6 / (10^1 * 10^6) base units of BBB
    // per base unit of INC; 0.2 BBB per BNS likewise 2 * 10^6 / (10 * 10^6).
    let price = |digits: u128| TokenPrice {
        numerator: Uint256::from(digits * E6),
        denominator: Uint256::from(10 * E6),
    };
    let eternal = &farms.farms[0];
    assert_eq!((eternal.name.as_str(), eternal.pool), ("eternal", 0));
    assert_eq!(
        eternal.reward,
        ClFarmTokenPlan {
            token: inc,
            amount: 30_000 * E6,
            price: price(5)
        }
    );
    assert_eq!(
        eternal.bonus,
        Some(ClFarmTokenPlan {
            token: bns,
            amount: 5_000 * E6,
            price: price(2)
        })
    );
    assert_eq!(eternal.min_width, 120);
    // 100 LCK for 1.5x, 1,000 LCK for 2x.
    assert_eq!(
        eternal.tiers,
        Some(ClTiersPlan {
            token: lck,
            levels: vec![(100 * E6, 15_000), (1_000 * E6, 20_000)]
        })
    );
    // 0.02 INC and 0.005 BNS a second are 20,000 and 5,000 base units; on day 12 they become
    // 15,000 and 4,000; the day-10 top-up adds 10,000 INC and 2,000 BNS.
    assert_eq!(
        eternal.terms,
        ClFarmTerms::Eternal {
            rates: [20_000, 5_000],
            set_rates: vec![ClSetRatesPlan {
                at_secs: 12 * DAY,
                // `set_rates = [{ at = "12d", ... }]` is line 139 of cl_farming.toml.
                line: 139,
                rates: [15_000, 4_000]
            }],
            add_rewards: vec![ClAddRewardsPlan {
                at_secs: 10 * DAY,
                // `add_rewards = [{ at = "10d", ... }]`: line 138.
                line: 138,
                amounts: [10_000 * E6, 2_000 * E6]
            }],
        }
    );
    assert_eq!(eternal.funding(), [(inc, 40_000 * E6), (bns, 7_000 * E6)]);

    let campaign = &farms.farms[1];
    assert!(campaign.is_limit() && campaign.bonus.is_none() && campaign.tiers.is_none());
    assert_eq!(
        campaign.terms,
        ClFarmTerms::Limit {
            start_secs: DAY,
            end_secs: 15 * DAY
        }
    );
    // The maker receives every creation and top-up: 30,000 + 10,000 + 20,000 INC, 7,000 BNS.
    assert_eq!(
        farms.maker_funding(),
        [(inc, 60_000 * E6), (bns, 7_000 * E6)]
    );
    // Only `narrow`'s owner locks tier tokens: 1,000 LCK.
    assert_eq!(
        farms.owner_locks(&plan.cl, "lp-narrow"),
        [(lck, 1_000 * E6)]
    );
    assert_eq!(farms.owner_locks(&plan.cl, "lp-wide"), []);

    // The four farmed positions: in the center from the first entry to the last exit.
    // Each entry's line is its `{ farm = ... }` line in cl_farming.toml.
    let entry = |farm, line, enter, exit, locked| ClEntryPlan {
        farm,
        line,
        enter_at_secs: enter,
        exit_at_secs: exit,
        tokens_locked: locked,
    };
    let farmed = &farms.farmed;
    let positions: Vec<usize> = farmed.iter().map(|f| f.position).collect();
    assert_eq!(positions, [0, 1, 2, 3]);
    // Their `position = ...` lines.
    let lines: Vec<usize> = farmed.iter().map(|f| f.line).collect();
    assert_eq!(lines, [151, 156, 165, 169]);
    assert_eq!(farmed[0].entries, [entry(0, 152, 0, None, 1_000 * E6)]);
    assert_eq!(farmed[0].collect_fees_at_secs, [10 * DAY]);
    assert_eq!(
        farmed[1].entries,
        [
            entry(0, 158, 0, None, 0),
            entry(1, 159, 43_200, Some(15 * DAY), 0)
        ]
    );
    assert_eq!(
        (
            farmed[1].collect_fees_at_secs.clone(),
            farmed[1].claim_at_secs.clone()
        ),
        (vec![7 * DAY], vec![16 * DAY])
    );
    assert_eq!(farmed[2].entries, [entry(1, 166, 7_200, None, 0)]);
    assert_eq!(farmed[3].entries, [entry(0, 170, 0, Some(18 * DAY), 0)]);
    let spans: Vec<(u64, Option<u64>)> = farmed
        .iter()
        .map(|f| (f.deposit_at(), f.withdraw_at()))
        .collect();
    assert_eq!(
        spans,
        [(0, None), (0, None), (7_200, None), (0, Some(18 * DAY))]
    );
    // `below` closes on day 19, after it is withdrawn on day 18.
    assert_eq!(plan.cl.positions[3].close_at_secs, Some(19 * DAY));
}
