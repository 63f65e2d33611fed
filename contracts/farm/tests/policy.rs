//! Seed 000's allocation policy: solo pools far below LP pools, native pairs strictly
//! heavier than non-native pairs. Refusals name the rule and the numbers.
mod common;
use common::*;
use cosmwasm_std::Uint128;
use trellis_farm::ContractError;
use trellis_types::farm::*;
use trellis_types::AssetInfo;

fn farm() -> Farm {
    Farm::new(
        Schedule::constant(0, Uint128::new(10)),
        mint_source(),
        policy(true),
    )
}

#[test]
fn solo_share_is_capped() {
    let mut f = farm();
    // A solo pool alone is 100% solo: above the 10% cap.
    let owner = f.owner.clone();
    f.refuse(
        &owner,
        &[],
        ExecuteMsg::AddPool {
            staking: AssetInfo::native(ALY),
            kind: PoolKind::Solo,
            weight: 10,
            tokenless_share_pct: None,
        },
        ContractError::SoloShareExceeded {
            solo_weight: 10,
            total_weight: 10,
            share_bps: 10_000,
            max_bps: 1_000,
        },
    );
    f.add_pool("lp0", lp(ALY, "ufusd"), 90).unwrap();
    // 10 of 100 is exactly 10%: allowed.
    f.add_pool(ALY, PoolKind::Solo, 10).unwrap();
    // 11 of 101 = 1089.1 bps, reported rounded up as 1090.
    f.refuse(
        &owner,
        &[],
        ExecuteMsg::SetWeight {
            pool_id: 1,
            weight: 11,
        },
        ContractError::SoloShareExceeded {
            solo_weight: 11,
            total_weight: 101,
            share_bps: 1_090,
            max_bps: 1_000,
        },
    );
    // Lowering the LP pool would push solo above the cap too: 10 of 89 = 1123.6 -> 1124 bps.
    f.refuse(
        &owner,
        &[],
        ExecuteMsg::SetWeight {
            pool_id: 0,
            weight: 79,
        },
        ContractError::SoloShareExceeded {
            solo_weight: 10,
            total_weight: 89,
            share_bps: 1_124,
            max_bps: 1_000,
        },
    );
    // Deactivating the only LP pool would leave solo at 100%.
    f.refuse(
        &owner,
        &[],
        ExecuteMsg::DeactivatePool { pool_id: 0 },
        ContractError::SoloShareExceeded {
            solo_weight: 10,
            total_weight: 10,
            share_bps: 10_000,
            max_bps: 1_000,
        },
    );
    let status: PolicyStatusResponse = f.q(QueryMsg::PolicyStatus {});
    assert_eq!(
        (status.lp_weight, status.solo_weight, status.solo_share_bps),
        (90, 10, 1_000)
    );
    assert!(status.satisfied);
}

#[test]
fn native_pairs_outweigh_every_other_pair() {
    let mut f = farm();
    let owner = f.owner.clone();
    f.add_pool("aly_fusd", lp(ALY, "ufusd"), 40).unwrap(); // 0, native
    f.add_pool("aly_wfuse", lp("uwfuse", ALY), 30).unwrap(); // 1, native (either side)
    f.add_pool("wfuse_fusd", lp("uwfuse", "ufusd"), 20).unwrap(); // 2, non-native
                                                                  // A non-native pair equal to the lightest native one is refused (strictly more).
    f.refuse(
        &owner,
        &[],
        ExecuteMsg::SetWeight {
            pool_id: 2,
            weight: 30,
        },
        ContractError::NativePairNotHeavier {
            native_pool: 1,
            native_weight: 30,
            other_pool: 2,
            other_weight: 30,
        },
    );
    // Lowering a native pair below the non-native one is refused.
    f.refuse(
        &owner,
        &[],
        ExecuteMsg::SetWeight {
            pool_id: 0,
            weight: 15,
        },
        ContractError::NativePairNotHeavier {
            native_pool: 0,
            native_weight: 15,
            other_pool: 2,
            other_weight: 20,
        },
    );
    // Adding a heavy non-native pair is refused against the lightest native (pool 1, 30).
    f.refuse(
        &owner,
        &[],
        ExecuteMsg::AddPool {
            staking: AssetInfo::native("x_y"),
            kind: lp("ux", "uy"),
            weight: 35,
            tokenless_share_pct: None,
        },
        ContractError::NativePairNotHeavier {
            native_pool: 1,
            native_weight: 30,
            other_pool: 3,
            other_weight: 35,
        },
    );
    // Raising the lightest native pair above the rest frees room: then 2 can go to 39.
    f.set_weight(1, 45).unwrap();
    f.set_weight(2, 39).unwrap();
    let status: PolicyStatusResponse = f.q(QueryMsg::PolicyStatus {});
    assert_eq!(status.min_native_lp_weight, Some(40));
    assert_eq!(status.max_non_native_lp_weight, Some(39));
    assert!(status.satisfied);
    // Deactivating the non-native pool removes it from the comparison.
    f.exec(&owner, &[], ExecuteMsg::DeactivatePool { pool_id: 2 })
        .unwrap();
    let status: PolicyStatusResponse = f.q(QueryMsg::PolicyStatus {});
    assert_eq!(status.max_non_native_lp_weight, None);
}

#[test]
fn rule_can_be_turned_off() {
    let mut f = Farm::new(
        Schedule::constant(0, Uint128::new(10)),
        mint_source(),
        policy(false),
    );
    f.add_pool("aly_fusd", lp(ALY, "ufusd"), 10).unwrap();
    f.add_pool("wfuse_fusd", lp("uwfuse", "ufusd"), 50).unwrap();
    let status: PolicyStatusResponse = f.q(QueryMsg::PolicyStatus {});
    assert!(status.satisfied);
}
