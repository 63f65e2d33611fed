//! `scenarios/cl.toml` parses, with its prices turned into ticks on the spacing and its amounts
//! into base units.
mod common;

use cosmwasm_std::Uint256;
use trellis_cli::scenario::cl_plan::*;
use trellis_cli::scenario::plan::ProtocolFeePlan;
use trellis_cli::scenario::{self};
use trellis_types::cl_pool::FeeTier;

use common::{bundled, DAY};

/// 100,000 of a 6-decimal token.
const FULL: u128 = 100_000_000_000;

#[test]
fn the_cl_scenario_parses() {
    let plan = scenario::load(&bundled("cl.toml")).unwrap();
    assert_eq!(plan.name, "cl");
    assert_eq!((plan.duration_secs, plan.step_secs), (30 * DAY, 7_200));
    let symbols: Vec<&str> = plan.tokens.iter().map(|t| t.symbol.as_str()).collect();
    assert_eq!(symbols, ["TRL", "TRL-LP", "AAA", "BBB"]);

    // Price 1.0: sqrt price 2^96, tick 0; fee 3000 pips takes the standard spacing 60.
    let pool = &plan.cl.pools[0];
    assert_eq!(pool.assets, [2, 3]);
    assert_eq!(
        pool.fee_tier,
        FeeTier {
            fee_pips: 3_000,
            tick_spacing: 60
        }
    );
    assert_eq!(
        (pool.sqrt_price, pool.tick),
        (Uint256::from(1u128 << 96), 0)
    );
    assert_eq!(
        pool.protocol_fee,
        Some(ProtocolFeePlan {
            share_bps: 1_000,
            collector: "fees".to_string()
        })
    );

    // Prices round outwards to the spacing: 0.99 is tick -100.5 (down to -120), 1.01 tick
    // 99.5 (up to 120), 1.02 tick 198.0 (down to 180), 1.06 tick 582.7 (up to 600), 0.94
    // tick -618.8 (down to -660), 0.98 tick -202.0 (up to -180).
    let ranges: Vec<(&str, i32, i32)> = plan
        .cl
        .positions
        .iter()
        .map(|p| (p.name.as_str(), p.lower_tick, p.upper_tick))
        .collect();
    assert_eq!(
        ranges,
        [
            ("narrow", -120, 120),
            ("wide", -1_200, 1_200),
            ("above", 180, 600),
            ("below", -660, -180)
        ]
    );
    let narrow = &plan.cl.positions[0];
    // `name = "narrow"` is line 61 of cl.toml.
    assert_eq!(narrow.line, 61);
    assert_eq!(narrow.amounts, [FULL, FULL]);
    assert_eq!(
        narrow.decreases,
        [ClDecreasePlan {
            at_secs: 12 * DAY,
            // `decreases = [{ at = "12d", ... }]` is line 67 of cl.toml.
            line: 67,
            share_bps: 5_000
        }]
    );
    assert_eq!(narrow.close_at_secs, Some(24 * DAY));
    assert_eq!(plan.cl.positions[2].open_at_secs, DAY);
    assert_eq!(plan.cl.positions[3].amounts, [0, FULL]);
    // `lp-edges` owns two positions and gets what both deposit at most.
    assert_eq!(
        plan.cl.owner_funding("lp-edges"),
        [(2, FULL), (3, 2 * FULL)]
    );

    let walker = &plan.cl.traders[0];
    assert_eq!(
        walker.kind,
        ClTraderKind::Random(ClRandomPlan {
            seed: 11,
            every_secs: 3_600,
            pools: vec![0],
            max_ticks: 40
        })
    );
    // The whale's targets are sqrt prices: 1.0 back at exactly 2^96.
    let ClTraderKind::Scripted(swaps) = &plan.cl.traders[1].kind else {
        panic!("the whale is scripted");
    };
    assert_eq!(swaps.len(), 3);
    assert_eq!(
        swaps[2],
        ClSwapPlan {
            at_secs: 22 * DAY,
            // `{ at = "22d", pool = "AAA-BBB", to_price = "1.0" }` is line 106.
            line: 106,
            pool: 0,
            kind: ClSwapKind::ToSqrtPrice {
                sqrt_price: Uint256::from(1u128 << 96)
            }
        }
    );
}
