//! The bundled scenarios parse and check, with the values they declare converted to base units.
mod common;

use cosmwasm_std::Uint128;
use trellis_cli::scenario::{self, plan::*};
use trellis_types::farm::{Clock, Curve, Decay};

use common::bundled;

#[test]
fn quickstart_parses() {
    let plan = scenario::load(&bundled("quickstart.toml")).unwrap();
    assert_eq!(plan.name, "quickstart");
    assert_eq!(plan.clock, Clock::Time);
    // 30 days, sampled every 6 h: 120 steps + the start = 121 samples.
    assert_eq!((plan.duration_secs, plan.step_secs), (2_592_000, 21_600));
    assert_eq!(plan.sample_times().len(), 121);
    assert_eq!(plan.reward_token().symbol, "ALY");
    assert_eq!(plan.reward.source, SourcePlan::Mint);
    // 1 ALY/s with 6 decimals, weekly epochs, x0.99.
    assert_eq!(
        plan.schedule.curve,
        Curve::StepDecay {
            initial_rate: Uint128::new(1_000_000),
            epoch_length: 604_800,
            decay: Decay::Bps { factor_bps: 9_900 },
        }
    );
    let policy = plan.policy.unwrap();
    assert_eq!(plan.tokens[policy.protocol_token].symbol, "ALY");
    assert_eq!(
        (policy.max_solo_share_bps, policy.native_pairs_outweigh),
        (1_000, true)
    );
    let names: Vec<&str> = plan.pools.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["ALY-FUSD", "ALY-WFUSE", "WFUSE-FUSD", "ALY-solo"]);
    assert_eq!(plan.pools[3].pair, None);
    // Tokens: ALY, FUSD, WFUSE as declared, then one LP token per amm pool (18 decimals: its
    // supply is the invariant of the balances scaled to 18 decimals).
    let symbols: Vec<&str> = plan.tokens.iter().map(|t| t.symbol.as_str()).collect();
    assert_eq!(
        symbols,
        [
            "ALY",
            "FUSD",
            "WFUSE",
            "ALYFUSD-LP",
            "ALYWFUSE-LP",
            "WFUSE-FUSD-LP"
        ]
    );
    assert_eq!(plan.tokens[1].denom.as_deref(), Some("ufusd"));
    assert_eq!(
        (plan.tokens[5].decimals, plan.tokens[5].amm_pool),
        (18, Some(2))
    );
    // The LP farms stake the amm pools' LP tokens; their pairs are the pools' assets.
    assert_eq!(
        (plan.pools[0].staking, plan.pools[0].pair),
        (3, Some([0, 1]))
    );
    assert_eq!(
        (plan.pools[2].staking, plan.pools[2].pair),
        (5, Some([2, 1]))
    );
    // ALY/FUSD 80/20: 1.6M ALY and 100k FUSD (6 decimals), 10% of the 30 bps fee to `fees`.
    assert_eq!(
        plan.amm_pools[0],
        AmmPoolPlan {
            name: "ALY-FUSD".into(),
            assets: [0, 1],
            weights: [80, 20],
            swap_fee_bps: 30,
            lp_token: 3,
            initial_liquidity: [1_600_000_000_000, 100_000_000_000],
            protocol_fee: Some(ProtocolFeePlan {
                share_bps: 1_000,
                collector: "fees".into()
            }),
        }
    );
    // WFUSE has 18 decimals: 4M WFUSE = 4e24 base units.
    assert_eq!(
        plan.amm_pools[2].initial_liquidity,
        [4_000_000 * 10u128.pow(18), 200_000_000_000]
    );
    // Day 15 = 1_296_000 s.
    assert_eq!(
        plan.weight_changes,
        [WeightChange {
            at_secs: 1_296_000,
            pool: 2,
            weight: 250
        }]
    );
    assert_eq!(plan.users.len(), 5);
    let alice = &plan.users[0];
    // alice joins ALY-FUSD at 0 s with at most 40,000 ALY and 2,500 FUSD, then deposits all.
    assert_eq!(
        alice.actions[0].kind,
        ActionPlan::Join {
            amm_pool: 0,
            max_amounts: [Some(40_000_000_000), Some(2_500_000_000)]
        }
    );
    assert_eq!(
        alice.actions[1].kind,
        ActionPlan::Deposit {
            pool: 0,
            amount: None
        }
    );
    // Her second join takes whatever she has left of both.
    assert_eq!(
        alice.actions[2],
        Action {
            at_secs: 5 * 86_400,
            // Line 132 of quickstart.toml: `  { at = "5d", action = "join", ... }`.
            line: 132,
            kind: ActionPlan::Join {
                amm_pool: 0,
                max_amounts: [None, None]
            }
        }
    );
    assert_eq!(
        plan.users[1].actions[5].kind,
        ActionPlan::EmergencyWithdraw { pool: 1 }
    );
    assert_eq!(
        plan.users[2].actions[4].kind,
        ActionPlan::Exit {
            amm_pool: 2,
            amount: None
        }
    );
    // flow: random, seed 42, hourly over 30 days = 720 turns, the three pools, up to 1%.
    assert_eq!(plan.traders.len(), 2);
    let TraderKind::Random(flow) = &plan.traders[0].kind else {
        panic!("flow is random")
    };
    assert_eq!(
        (flow.seed, flow.every_secs, &flow.pools, flow.max_size_bps),
        (42, 3_600, &vec![0, 1, 2], 100)
    );
    assert_eq!(flow.times(plan.duration_secs).count(), 720);
    // whale: 20,000 FUSD (asset 1 of ALY-FUSD) sold on day 10 for at least 60,000 ALY.
    assert_eq!(
        plan.traders[1].kind,
        TraderKind::Scripted(vec![
            SwapPlan {
                at_secs: 864_000,
                // Lines 193 and 194 of quickstart.toml: the whale's two swaps.
                line: 193,
                amm_pool: 0,
                offer: 1,
                amount: 20_000_000_000,
                min_out: Some(60_000_000_000)
            },
            SwapPlan {
                at_secs: 1_728_000,
                line: 194,
                amm_pool: 1,
                offer: 0,
                amount: 50_000_000_000,
                min_out: None
            }
        ])
    );
}

#[test]
fn reserve_runout_parses() {
    let plan = scenario::load(&bundled("reserve_runout.toml")).unwrap();
    assert_eq!(plan.clock, Clock::Height);
    // 720 blocks of 5 s = 3600 s; steps of 20 blocks = 100 s: 37 samples.
    assert_eq!(
        (plan.duration_secs, plan.step_secs, plan.block_secs),
        (3_600, 100, 5)
    );
    assert_eq!(plan.sample_times().len(), 37);
    assert_eq!(
        plan.schedule.curve,
        Curve::Constant {
            rate: Uint128::new(100_000_000)
        }
    );
    assert_eq!(
        plan.reward.source,
        SourcePlan::Reserve {
            funding: vec![Funding {
                at_secs: 0,
                // `funding = [{ at = 0, ... }]` is line 41 of reserve_runout.toml.
                line: 41,
                amount: 50_000_000_000
            }]
        }
    );
    // Block 300 = 1500 s.
    assert_eq!(plan.users[0].actions[1].at_secs, 1_500);
    assert_eq!(plan.tokens[0].denom.as_deref(), Some("ufuse"));
}

#[test]
fn boost_modes_parses() {
    let plan = scenario::load(&bundled("boost_modes.toml")).unwrap();
    assert_eq!(
        plan.compare_boost,
        [BoostMode::None, BoostMode::Curve, BoostMode::Foo]
    );
    // The escrow locks the amm pool's LP token (token 2, after ALY and FUSD), default max time.
    let escrow = plan.escrow.unwrap();
    assert_eq!(plan.tokens[escrow.lock_token].symbol, "ALYFUSD-LP");
    assert_eq!(escrow.max_time_secs, None);
    assert_eq!(plan.split, SplitPlan::Allocation);
    assert_eq!(plan.pools[0].boost, Some(BoostMode::Curve));
    // alice (third user): 10,000 LP staked, 1,000 LP locked for 208 weeks = 125,798,400 s. LP
    // tokens have 18 decimals: 10,000 LP = 10^4 * 10^18 base units.
    let alice = &plan.users[2];
    assert_eq!(alice.name, "alice");
    assert_eq!(
        alice.actions[1].kind,
        ActionPlan::Deposit {
            pool: 0,
            amount: Some(10_000 * 10u128.pow(18))
        }
    );
    assert_eq!(
        alice.actions[2].kind,
        ActionPlan::Lock {
            amount: Some(1_000 * 10u128.pow(18)),
            lock_for_secs: 125_798_400
        }
    );
}
