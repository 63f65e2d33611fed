//! The bundled scenarios parse and check, with the values they declare converted to base units.
use std::path::PathBuf;

use cosmwasm_std::Uint128;
use trellis_cli::scenario::{self, plan::*};
use trellis_types::farm::{Clock, Curve, Decay};

fn bundled(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../scenarios")
        .join(name)
}

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
    assert_eq!(
        plan.tokens[plan.pools[2].staking].denom.as_deref(),
        Some("factory/volt/wfuse-fusd-lp")
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
    let bob = &plan.users[1];
    // bob: 5000 ALYWFUSE-LP (6 decimals) deposited at 1 h into pool 1.
    assert_eq!(
        bob.actions[0],
        Action {
            at_secs: 3_600,
            kind: ActionPlan::Deposit {
                pool: 1,
                amount: 5_000_000_000
            }
        }
    );
    assert_eq!(
        bob.actions[3].kind,
        ActionPlan::EmergencyWithdraw { pool: 1 }
    );
    assert_eq!(
        plan.users[2].actions[1].kind,
        ActionPlan::Withdraw {
            pool: 2,
            amount: None
        }
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
                amount: 50_000_000_000
            }]
        }
    );
    // Block 300 = 1500 s.
    assert_eq!(plan.users[0].actions[1].at_secs, 1_500);
    assert_eq!(plan.tokens[0].denom.as_deref(), Some("ufuse"));
}
