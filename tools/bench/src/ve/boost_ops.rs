//! The boosted farm's rows: a farm whose pools use Curve's boost (40% of a stake counts
//! without ve power) and which the escrow notifies of lock changes. Each boosted action asks
//! the escrow for the user's and the total power (`PowerShare`); the lock-change rows are the
//! escrow's `IncreaseAmount` plus its `LockChanged` notice to the farm, run as the
//! submessage it is (the escrow's listener gas limit, failure replied to), with the
//! farm's query back into the escrow.
//!
//! Timeline (B_k is the k-th week boundary after the start, t0); stake unit S:
//! - t0: escrow, farm (time clock, constant rate, native reserve) registered as the escrow's
//!   listener, N + 1 boosted LP pools of equal weight (ids 0..=N, N = `MAX_REFRESH_POOLS`);
//!   locks: a whale (3 units, 4 years), alice (until B_2), uno, multi and checker (4 years);
//!   stakes: 9 S of an unlocked staker and uno's S in pool 0, multi's S in pools 0..N,
//!   checker's S in every pool;
//! - one block apart: alice deposits S into pool 0, then claims it; uno and multi add to
//!   their locks (notices refreshing 1 and N positions); checker does too (unmeasured: only
//!   its first N positions may be refreshed, not the one in pool N);
//! - after B_2 (alice's lock over): anyone kicks alice in pool 0 (her boost falls to 40%).
use std::rc::Rc;

use anyhow::{anyhow, ensure, Result};
use cosmwasm_std::{Addr, BlockInfo, Coin, Uint128};
use cosmwasm_vm::testing::MockApi;
use trellis_math::boost::{working_balance, CURVE_TOKENLESS_SHARE_PCT};
use trellis_types::farm::{
    AllocationPolicy, Clock, Curve, ExecuteMsg, InstantiateMsg, PoolKind, PoolResponse,
    PositionResponse, QueryMsg, RewardSource, Schedule,
};
use trellis_types::voting_escrow::{
    ExecuteMsg as EscrowMsg, PowerShareResponse, QueryMsg as EscrowQuery,
};
use trellis_types::AssetInfo;

use crate::chain::GAS_MULTIPLIER;
use crate::ve::escrow::Escrow;
use crate::ve::params::{boundary, BLOCK_SECONDS, LOCK_AMOUNT, LOCK_DENOM, MAX_LOCK_SECONDS};
use crate::ve::report::VeRow;
use crate::ve::world::{Tx, World};
use crate::vm::Code;

/// Boosted positions one notice refreshes: mirrors `MAX_REFRESH_POOLS` in
/// `contracts/farm/src/limits.rs`, and the run fails if the farm refreshes more or fewer.
pub const MAX_REFRESH_POOLS: u64 = 10;
/// The escrow's gas limit for each listener notice, in SDK gas: mirrors
/// `LISTENER_GAS_LIMIT` in `contracts/voting-escrow/src/limits.rs` (checked on every notice).
pub const LISTENER_GAS_LIMIT: u64 = 1_000_000;
/// The protocol token: every pool's pair holds it, and the reward is paid in it.
const PROTOCOL_DENOM: &str = "utrls";
/// The stake unit: 1,000 LP tokens of 6 decimals.
const STAKE: u128 = 1_000_000_000;
/// What the unlocked staker holds in pool 0.
const UNLOCKED_STAKE: u128 = 9 * STAKE;
const POOL_WEIGHT: u64 = 100;
/// Reward per second for the whole farm, and the reserve behind it.
const RATE: u128 = 1_000_000_000;
const FUND: u128 = 1_000_000_000_000_000_000;

fn native(denom: &str) -> AssetInfo {
    AssetInfo::native(denom)
}

fn pool_denom(pool: u64) -> String {
    format!("ulp-{pool}")
}

struct Farm {
    address: Addr,
    escrow: Addr,
}

impl Farm {
    fn deploy(world: &World, code: &Rc<Code>, api: &MockApi, escrow: &Escrow) -> Result<Self> {
        let address = Addr::unchecked(api.addr_make("boosted-farm"));
        let owner = api.addr_make("farm-owner");
        let msg = InstantiateMsg {
            owner: owner.clone(),
            clock: Clock::Time,
            schedule: Schedule {
                start: world.now(),
                end: None,
                curve: Curve::Constant {
                    rate: Uint128::new(RATE),
                },
            },
            reward: RewardSource::Reserve {
                asset: native(PROTOCOL_DENOM),
            },
            policy: AllocationPolicy {
                protocol_token: native(PROTOCOL_DENOM),
                max_solo_share_bps: 1_000,
                native_pairs_outweigh: true,
            },
            lp_factory: None,
            voting_escrow: Some(escrow.address.to_string()),
            split: None,
        };
        world.instantiate(code, "farm", &address, &owner, &msg)?;
        world.execute(
            &address,
            &owner,
            &[Coin::new(FUND, PROTOCOL_DENOM)],
            &ExecuteMsg::Fund {},
        )?;
        // Pool ids count from 0 in the order pools are added.
        for pool_id in 0..=MAX_REFRESH_POOLS {
            let msg = ExecuteMsg::AddPool {
                staking: native(&pool_denom(pool_id)),
                kind: PoolKind::Lp {
                    pair: [native(PROTOCOL_DENOM), native(&format!("uquote-{pool_id}"))],
                },
                weight: POOL_WEIGHT,
                tokenless_share_pct: Some(CURVE_TOKENLESS_SHARE_PCT),
            };
            let tx = world.execute(&address, &owner, &[], &msg)?;
            ensure!(
                tx.attribute("pool_id")? == pool_id.to_string(),
                "the farm gave pool {pool_id} the id {}",
                tx.attribute("pool_id")?
            );
        }
        escrow.add_listener(world, &address)?;
        Ok(Farm {
            address,
            escrow: escrow.address.clone(),
        })
    }

    fn deposit(&self, world: &World, user: &str, pool_id: u64, amount: u128) -> Result<Tx> {
        world.execute(
            &self.address,
            user,
            &[Coin::new(amount, pool_denom(pool_id))],
            &ExecuteMsg::Deposit {
                pool_id,
                recipient: None,
            },
        )
    }

    fn position(&self, world: &World, user: &str, pool_id: u64) -> Result<PositionResponse> {
        world.query(
            &self.address,
            &QueryMsg::Position {
                pool_id,
                user: user.to_string(),
            },
        )
    }

    /// The working balance Curve's formula gives `user` in `pool_id` now, from the escrow's
    /// powers and the pool's stake as they stand.
    fn expected_working(&self, world: &World, user: &str, pool_id: u64) -> Result<Uint128> {
        let powers: PowerShareResponse = world.query(
            &self.escrow,
            &EscrowQuery::PowerShare {
                user: user.to_string(),
            },
        )?;
        let pool: PoolResponse = world.query(&self.address, &QueryMsg::Pool { pool_id })?;
        let staked = self.position(world, user, pool_id)?.staked;
        Ok(working_balance(
            staked,
            pool.total_staked,
            powers.user_power,
            powers.total_power,
            pool.tokenless_share_pct,
        )?)
    }

    /// Whether `user`'s working balance in `pool_id` is what the formula gives now.
    fn is_current(&self, world: &World, user: &str, pool_id: u64) -> Result<bool> {
        Ok(self.position(world, user, pool_id)?.working
            == self.expected_working(world, user, pool_id)?)
    }

    /// Checks the boost is current and above the tokenless part (at most the stake: a
    /// small share of a big pool reaches the full boost).
    fn ensure_boosted(&self, world: &World, user: &str, pool_id: u64) -> Result<()> {
        let p = self.position(world, user, pool_id)?;
        let expected = self.expected_working(world, user, pool_id)?;
        let floor = p.staked.multiply_ratio(CURVE_TOKENLESS_SHARE_PCT, 100u8);
        ensure!(
            p.working == expected && p.working > floor && p.working <= p.staked,
            "{user}'s working balance in pool {pool_id} is {}, formula {expected}, stake {}",
            p.working,
            p.staked
        );
        Ok(())
    }
}

/// The escrow's `IncreaseAmount` for `user`, which notifies the farm; checks the notice ran
/// as the escrow's submessage and fits its gas limit, and returns its row's note.
pub fn lock_change(world: &World, escrow: &Escrow, user: &str) -> Result<(Tx, String)> {
    let tx = world.execute(
        &escrow.address,
        user,
        &[Coin::new(LOCK_AMOUNT, LOCK_DENOM)],
        &EscrowMsg::IncreaseAmount {},
    )?;
    let notice = tx
        .calls
        .iter()
        .find(|c| c.contract == "farm")
        .ok_or_else(|| anyhow!("the escrow sent the farm no notice"))?;
    ensure!(
        notice.gas_limit_sdk == Some(LISTENER_GAS_LIMIT),
        "the notice ran with gas limit {:?} SDK gas, expected {LISTENER_GAS_LIMIT}",
        notice.gas_limit_sdk
    );
    ensure!(
        notice.figures.gas <= LISTENER_GAS_LIMIT * GAS_MULTIPLIER,
        "the notice's VM gas exceeds the listener limit"
    );
    let note = format!(
        "notice ~{} SDK gas est. of the {} limit{}",
        notice.sdk_gas_estimate,
        LISTENER_GAS_LIMIT,
        if notice.fits_limit() { "" } else { " (OVER)" }
    );
    Ok((tx, note))
}

pub fn measure_boost_ops(
    escrow_code: &Rc<Code>,
    farm_code: &Rc<Code>,
    block: &BlockInfo,
) -> Result<Vec<VeRow>> {
    let api = MockApi::default();
    let world = World::new(block.clone());
    let escrow = Escrow::deploy(&world, escrow_code, &api)?;
    let farm = Farm::deploy(&world, farm_code, &api, &escrow)?;
    let t0 = world.now();
    let n = MAX_REFRESH_POOLS;
    let [whale, alice, uno, multi, checker, unlocked, keeper] = [
        "whale", "alice", "uno", "multi", "checker", "unlocked", "keeper",
    ]
    .map(|s| api.addr_make(s));
    escrow.create_lock(&world, &whale, 3 * LOCK_AMOUNT, t0 + MAX_LOCK_SECONDS)?;
    escrow.create_lock(&world, &alice, LOCK_AMOUNT, boundary(t0, 2))?;
    for user in [&uno, &multi, &checker] {
        escrow.create_lock(&world, user, LOCK_AMOUNT, t0 + MAX_LOCK_SECONDS)?;
    }
    farm.deposit(&world, &unlocked, 0, UNLOCKED_STAKE)?;
    farm.deposit(&world, &uno, 0, STAKE)?;
    for pool_id in 0..n {
        farm.deposit(&world, &multi, pool_id, STAKE)?;
    }
    for pool_id in 0..=n {
        farm.deposit(&world, &checker, pool_id, STAKE)?;
    }

    let mut rows = Vec::new();
    world.advance(1, BLOCK_SECONDS);
    let tx = farm.deposit(&world, &alice, 0, STAKE)?;
    farm.ensure_boosted(&world, &alice, 0)?;
    rows.push(VeRow::new(
        "boosted_deposit",
        "first deposit into a 40%-tokenless pool: escrow PowerShare queried, working balance set",
        tx.calls,
    ));

    world.advance(1, BLOCK_SECONDS);
    let pending = farm.position(&world, &alice, 0)?.pending;
    ensure!(
        !pending.is_zero(),
        "alice has nothing pending after a block"
    );
    let held = world.balance(&Addr::unchecked(&alice), PROTOCOL_DENOM);
    let tx = world.execute(
        &farm.address,
        &alice,
        &[],
        &ExecuteMsg::Claim {
            pool_ids: vec![0],
            recipient: None,
        },
    )?;
    let paid = world.balance(&Addr::unchecked(&alice), PROTOCOL_DENOM) - held;
    ensure!(
        paid == pending.u128(),
        "alice was paid {paid}, {pending} was pending"
    );
    rows.push(VeRow::new(
        "boosted_claim",
        "claim from a boosted pool (reserve bank send)",
        tx.calls,
    ));

    for (user, pools, op) in [
        (&uno, 1, "lock_change_notice_1_pool".to_string()),
        (&multi, n, format!("lock_change_notice_{n}_pools")),
    ] {
        world.advance(1, BLOCK_SECONDS);
        let (tx, note) = lock_change(&world, &escrow, user)?;
        for pool_id in 0..pools {
            farm.ensure_boosted(&world, user, pool_id)?;
        }
        rows.push(VeRow::new(
            op,
            format!(
                "IncreaseAmount by a user with boosted positions in {pools} pool(s) + the \
                 farm's LockChanged notice refreshing them; {note}"
            ),
            tx.calls,
        ));
    }

    // The bound: checker's positions in pools 0..N follow its lock, the one in pool N not.
    world.advance(1, BLOCK_SECONDS);
    lock_change(&world, &escrow, &checker)?;
    for pool_id in 0..n {
        farm.ensure_boosted(&world, &checker, pool_id)?;
    }
    ensure!(
        !farm.is_current(&world, &checker, n)?,
        "the notice refreshed more than {n} positions: MAX_REFRESH_POOLS changed?"
    );

    let after_lock = boundary(t0, 2) + BLOCK_SECONDS;
    world.advance(
        (after_lock - world.now()) / BLOCK_SECONDS,
        after_lock - world.now(),
    );
    let tx = world.execute(
        &farm.address,
        &keeper,
        &[],
        &ExecuteMsg::Kick {
            user: alice.clone(),
            pool_id: 0,
        },
    )?;
    let working = farm.position(&world, &alice, 0)?.working;
    // No power left: only the tokenless 40% of the stake counts.
    ensure!(
        working.u128() == STAKE * u128::from(CURVE_TOKENLESS_SHARE_PCT) / 100,
        "alice's working balance after the kick is {working}"
    );
    rows.push(VeRow::new(
        "kick",
        "a keeper resets an expired lock's boost (allowed: power zero, boost lowered): escrow \
         PowerShare queried, working to 40%",
        tx.calls,
    ));
    Ok(rows)
}
