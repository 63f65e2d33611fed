//! The strike's oracle: a window of at least 30 minutes, and a pool whose ring buffer is sure
//! to reach back over window + ago, checked when the oracle is set (instantiate and
//! `UpdateConfig`). Every refusal is typed and leaves storage unchanged.
mod common;

use common::*;
use trellis_options_token::ContractError;
use trellis_types::options_token::*;
use trellis_types::weighted_pool::OracleConfig as PoolOracle;

fn with_oracle(window_secs: u64, ago_secs: u64) -> InstantiateMsg {
    let mut msg = lit_msg();
    msg.oracle.window_secs = window_secs;
    msg.oracle.ago_secs = ago_secs;
    msg
}

fn oracle_update(window_secs: u64, ago_secs: u64) -> ExecuteMsg {
    ExecuteMsg::UpdateConfig {
        multiplier_bps: None,
        oracle: Some(OracleConfig {
            pool: addr("pool").to_string(),
            window_secs,
            ago_secs,
        }),
        min_price: None,
        treasury: None,
    }
}

/// 32 samples at least 60 s apart: sure to hold (32 - 2) * 60 = 1,800 s, exactly the minimum
/// window.
const TIGHT: PoolOracle = PoolOracle {
    capacity: 32,
    min_sample_spacing: 60,
};

#[test]
fn the_window_floor_is_thirty_minutes() {
    assert_eq!(MIN_WINDOW_SECS, 1_800);
    // The old floor, 300 s, is refused now; so is one second short of 1,800.
    for window in [300, 1_799] {
        assert_eq!(
            Opt::try_new(with_oracle(window, 0)).err().unwrap(),
            ContractError::WindowTooShort {
                window_secs: window,
                min: 1_800
            }
        );
    }
    let mut o = Opt::new(with_oracle(1_800, 0));
    let owner = o.owner.clone();
    o.refuse(
        &owner,
        &[],
        oracle_update(300, 0),
        ContractError::WindowTooShort {
            window_secs: 300,
            min: 1_800,
        },
    );
}

#[test]
fn a_pool_oracle_that_cannot_cover_the_window_is_refused_at_instantiate() {
    // Window 1,800 + ago 0 = 1,800 s needed, 1,800 s guaranteed: accepted.
    assert!(Opt::try_new_with_pool_oracle(with_oracle(1_800, 0), TIGHT).is_ok());
    // Window 1,800 + ago 60 = 1,860 s needed, 60 s more than the 1,800 guaranteed.
    assert_eq!(
        Opt::try_new_with_pool_oracle(with_oracle(1_800, 60), TIGHT)
            .err()
            .unwrap(),
        ContractError::OracleHistoryTooShort {
            pool: addr("pool").to_string(),
            capacity: 32,
            min_sample_spacing: 60,
            covered_secs: 1_800,
            needed_secs: 1_860,
        }
    );
    // The squatter's oracle: one sample of an enormous spacing guarantees (1 - 2 -> 0) * s = 0 s.
    let squat = PoolOracle {
        capacity: 1,
        min_sample_spacing: u64::MAX,
    };
    assert_eq!(
        Opt::try_new_with_pool_oracle(with_oracle(1_800, 0), squat)
            .err()
            .unwrap(),
        ContractError::OracleHistoryTooShort {
            pool: addr("pool").to_string(),
            capacity: 1,
            min_sample_spacing: u64::MAX,
            covered_secs: 0,
            needed_secs: 1_800,
        }
    );
    // capacity * spacing would have passed the 1,860 s case (32 * 60 = 1,920), yet a busy pool
    // holds as little as 1,800 s (+ under one spacing), so the stricter bound decides.
}

#[test]
fn a_config_change_is_checked_against_the_pool_oracle() {
    let mut o = Opt::try_new_with_pool_oracle(with_oracle(1_800, 0), TIGHT).unwrap();
    let owner = o.owner.clone();
    // A longer window, 2,400 s, needs 2,400 > 1,800 guaranteed.
    o.refuse(
        &owner,
        &[],
        oracle_update(2_400, 0),
        ContractError::OracleHistoryTooShort {
            pool: addr("pool").to_string(),
            capacity: 32,
            min_sample_spacing: 60,
            covered_secs: 1_800,
            needed_secs: 2_400,
        },
    );
    // A pool with 100 samples 60 s apart guarantees 98 * 60 = 5,880 s: 2,400 + 3,480 = 5,880
    // passes, one second more does not.
    o.pool.borrow_mut().oracle = POOL_ORACLE;
    o.refuse(
        &owner,
        &[],
        oracle_update(2_400, 3_481),
        ContractError::OracleHistoryTooShort {
            pool: addr("pool").to_string(),
            capacity: 100,
            min_sample_spacing: 60,
            covered_secs: 5_880,
            needed_secs: 5_881,
        },
    );
    o.exec(&owner, &[], oracle_update(2_400, 3_480)).unwrap();
    let config: ConfigResponse = o.q(QueryMsg::Config {});
    assert_eq!(
        (config.oracle.window_secs, config.oracle.ago_secs),
        (2_400, 3_480)
    );
}
