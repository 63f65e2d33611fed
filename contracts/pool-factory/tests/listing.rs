//! Delisting: the owner takes a (squatted) pool out of the lists routers and farms read, can
//! then create the protocol's own pool with the same weights, and can list a pool again when
//! there is room. Each refusal is typed and changes nothing.
mod common;

use common::*;
use cosmwasm_std::Addr;
use cw_ownable::OwnershipError;
use trellis_pool_factory::state::POOL_BY_ADDRESS;
use trellis_pool_factory::ContractError;
use trellis_types::factory::{
    ExecuteMsg, PoolKind, PoolRecord, PoolStatusResponse, PoolsResponse, QueryMsg,
};
use trellis_types::AssetInfo;

fn ux() -> AssetInfo {
    AssetInfo::native("ux")
}

/// An open factory where "mallory" squatted the X/ALY 50/50 pool (id 0, at "squat").
fn squatted() -> (Deps, Addr) {
    let mut msg = instantiate_msg();
    msg.permissionless_creation = true;
    let mut deps = setup_with(msg).unwrap();
    create(
        &mut deps,
        "mallory",
        [weighted(&ux(), 50), weighted(&aly(), 50)],
        30,
    )
    .unwrap();
    answer_pool_info(&mut deps);
    let pool = addr("squat");
    reply_instantiated(&mut deps, &pool, ReplyFormat::MsgResponses).unwrap();
    (deps, pool)
}

fn status(deps: &Deps, pool: &Addr) -> PoolStatusResponse {
    q(
        deps,
        QueryMsg::PoolStatus {
            pool: pool.to_string(),
        },
    )
    .unwrap()
}

fn delist(deps: &mut Deps, sender: &str, pool: &Addr) -> Result<(), ContractError> {
    exec(
        deps,
        sender,
        ExecuteMsg::DelistPool {
            pool: pool.to_string(),
        },
    )
    .map(|_| ())
}

fn relist(deps: &mut Deps, sender: &str, pool: &Addr) -> Result<(), ContractError> {
    exec(
        deps,
        sender,
        ExecuteMsg::RelistPool {
            pool: pool.to_string(),
        },
    )
    .map(|_| ())
}

fn pair_pools(deps: &Deps) -> Vec<PoolRecord> {
    q::<PoolsResponse>(
        deps,
        QueryMsg::PoolsByAssets {
            assets: [ux(), aly()],
        },
    )
    .unwrap()
    .pools
}

#[test]
fn a_squatted_pool_blocks_the_protocol_until_delisted() {
    let (mut deps, squat) = squatted();
    // Today's refusal: the protocol's own 50/50 pool is a duplicate of the squatter's.
    assert!(matches!(
        create(
            &mut deps,
            "owner",
            [weighted(&ux(), 50), weighted(&aly(), 50)],
            30
        ),
        Err(ContractError::DuplicatePool { existing: 0, .. })
    ));

    delist(&mut deps, "owner", &squat).unwrap();
    let record = status(&deps, &squat);
    assert_eq!(
        (record.pool.id, record.kind, record.listed),
        (0, PoolKind::Weighted, false)
    );
    assert!(pair_pools(&deps).is_empty());
    // The farm's check: the squatter's LP token is refused.
    assert_eq!(
        q::<PoolRecord>(
            &deps,
            QueryMsg::PoolByLpToken {
                lp_token: lp_of(squat.as_str()).to_string()
            }
        )
        .unwrap_err(),
        ContractError::PoolDelisted {
            pool: squat.to_string(),
            lp_token: lp_of(squat.as_str()).to_string(),
        }
    );
    let delisted: PoolsResponse = q(
        &deps,
        QueryMsg::DelistedPools {
            start_after: None,
            limit: None,
        },
    )
    .unwrap();
    assert_eq!(delisted.pools, vec![record.pool.clone()]);
    // Every pool ever created is still in `Pools`.
    let all: PoolsResponse = q(
        &deps,
        QueryMsg::Pools {
            start_after: None,
            limit: None,
        },
    )
    .unwrap();
    assert_eq!(all.pools.len(), 1);

    // Now the protocol's pool with the same weights is created (id 1) and is the pair's only one.
    let own = create_and_register(
        &mut deps,
        [weighted(&ux(), 50), weighted(&aly(), 50)],
        "own",
    )
    .unwrap();
    let listed = pair_pools(&deps);
    assert_eq!(listed.len(), 1);
    assert_eq!(
        (listed[0].id, listed[0].address.clone()),
        (1, own.to_string())
    );
    assert!(status(&deps, &own).listed);

    // Relisting the squatter would duplicate pool 1: refused, nothing changes.
    let before = snapshot(&deps);
    assert_eq!(
        relist(&mut deps, "owner", &squat).unwrap_err(),
        ContractError::DuplicatePool {
            existing: 1,
            address: own.to_string(),
            assets: "native:ux,native:ualy".to_string(),
        }
    );
    assert_eq!(snapshot(&deps), before);
}

#[test]
fn delisting_is_owner_only_and_checks_the_pool() {
    let (mut deps, squat) = squatted();
    let before = snapshot(&deps);
    assert_eq!(
        delist(&mut deps, "mallory", &squat).unwrap_err(),
        ContractError::Ownership(OwnershipError::NotOwner)
    );
    assert_eq!(
        relist(&mut deps, "mallory", &squat).unwrap_err(),
        ContractError::Ownership(OwnershipError::NotOwner)
    );
    // A contract the factory did not create: the mock answers `PoolInfo` for any address,
    // with an LP token the factory never registered.
    let stranger = addr("stranger");
    assert_eq!(
        delist(&mut deps, "owner", &stranger).unwrap_err(),
        ContractError::UnknownPool {
            pool: stranger.to_string()
        }
    );
    assert_eq!(
        exec(
            &mut deps,
            "owner",
            ExecuteMsg::DelistPool {
                pool: "not-an-address".to_string()
            }
        )
        .unwrap_err(),
        ContractError::UnknownPool {
            pool: "not-an-address".to_string()
        }
    );
    assert_eq!(
        relist(&mut deps, "owner", &squat).unwrap_err(),
        ContractError::AlreadyListed {
            pool: squat.to_string()
        }
    );
    assert_eq!(snapshot(&deps), before);

    delist(&mut deps, "owner", &squat).unwrap();
    let before = snapshot(&deps);
    assert_eq!(
        delist(&mut deps, "owner", &squat).unwrap_err(),
        ContractError::AlreadyDelisted {
            pool: squat.to_string()
        }
    );
    assert_eq!(snapshot(&deps), before);
}

#[test]
fn a_relisted_pool_is_back_in_every_list() {
    let (mut deps, squat) = squatted();
    delist(&mut deps, "owner", &squat).unwrap();
    relist(&mut deps, "owner", &squat).unwrap();
    assert!(status(&deps, &squat).listed);
    assert_eq!(pair_pools(&deps).len(), 1);
    let by_lp: PoolRecord = q(
        &deps,
        QueryMsg::PoolByLpToken {
            lp_token: lp_of(squat.as_str()).to_string(),
        },
    )
    .unwrap();
    assert_eq!(by_lp.address, squat.to_string());
    let delisted: PoolsResponse = q(
        &deps,
        QueryMsg::DelistedPools {
            start_after: None,
            limit: None,
        },
    )
    .unwrap();
    assert!(delisted.pools.is_empty());
}

#[test]
fn delisted_pools_free_the_pair_limit_and_relisting_respects_it() {
    let mut deps = setup();
    // Eight X/ALY splits 10/90 .. 80/20 fill the pair (MAX_POOLS_PER_PAIR = 8).
    let pools: Vec<Addr> = (1..=8u64)
        .map(|i| {
            create_and_register(
                &mut deps,
                [weighted(&ux(), i * 10), weighted(&aly(), 100 - i * 10)],
                &format!("p{i}"),
            )
            .unwrap()
        })
        .collect();
    delist(&mut deps, "owner", &pools[0]).unwrap();
    assert_eq!(pair_pools(&deps).len(), 7);
    // The freed slot takes a ninth split, 90/10.
    create_and_register(&mut deps, [weighted(&ux(), 90), weighted(&aly(), 10)], "p9").unwrap();
    let before = snapshot(&deps);
    assert_eq!(
        relist(&mut deps, "owner", &pools[0]).unwrap_err(),
        ContractError::TooManyPoolsForPair {
            assets: "native:ux,native:ualy".to_string(),
            max: 8
        }
    );
    assert_eq!(snapshot(&deps), before);
}

#[test]
fn pools_registered_before_the_address_index_are_found_through_their_lp_token() {
    let (mut deps, squat) = squatted();
    // What an earlier build stored: no address index.
    POOL_BY_ADDRESS.remove(&mut deps.storage, &squat);
    assert_eq!(status(&deps, &squat).pool.id, 0);
    delist(&mut deps, "owner", &squat).unwrap();
    assert!(!status(&deps, &squat).listed);
}
