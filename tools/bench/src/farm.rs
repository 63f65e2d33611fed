//! `trellis-bench farm`: runs the farm contract's compiled wasm in cosmwasm-vm and measures
//! each operation in several scaling configurations (existing stakers x pools).
//!
//! Method (see `docs/bench.md`):
//! - Every call gets a fresh instance from the pinned module, as on a chain; state lives in
//!   a counting storage that moves from instance to instance.
//! - Stakers and pools are created by really executing `AddPool` / `Deposit` / cw20
//!   `Receive` through the VM.
//! - The configurations differ only in how many stakers and pools exist. Everything the
//!   measured pool sees is the same: its total stake (the other stakers share a fixed
//!   total), its emission (the schedule rate is scaled with the pool count so the reward per
//!   unit of weight is the same), the block times and the acting addresses. So any gas
//!   difference between configurations comes from the counts themselves: an operation that
//!   loops over stakers or pools shows up as a spread.
use std::collections::HashSet;
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{anyhow, bail, ensure, Context, Result};
use cosmwasm_std::{to_json_binary, Coin, Uint128};
use cosmwasm_vm::testing::MockApi;
use cw20::Cw20ReceiveMsg;
use serde::Serialize;
use trellis_types::farm::{
    AllocationPolicy, Clock, Curve, ExecuteMsg, InstantiateMsg, PoolKind, PoolResponse,
    PoolsResponse, PositionResponse, QueryMsg, ReceiveMsg, RewardSource, Schedule,
};
use trellis_types::AssetInfo;

use crate::chain::{call_sdk_gas, INSTANCE_COST};
use crate::check::{artifact_info, group_digits, list_artifacts, ArtifactInfo};
use crate::farm_floor::{floor_sdk_gas, FloorKeys};
use crate::vm::{Code, Contract, Cost, CALL_GAS_LIMIT};

/// Default scaling configurations (docs/bench.md, "Flatness requirement").
pub const DEFAULT_STAKERS: [u64; 2] = [10, 10_000];
pub const DEFAULT_POOLS: [u64; 2] = [1, 200];
/// Largest gas spread across configurations allowed per operation, in percent.
pub const DEFAULT_MAX_SPREAD_PCT: f64 = 2.0;

/// Bounds on the configurations a user may ask for, so every setup loop is bounded.
pub const MAX_STAKERS: u64 = 100_000;
pub const MAX_POOLS: u64 = 1_000;
pub const MAX_CONFIG_VALUES: usize = 8;

/// The protocol token (also the reward token, paid from a native reserve).
const PROTOCOL_DENOM: &str = "utrls";
/// The other asset of every LP pair.
const QUOTE_DENOM: &str = "uusdc";
/// Every pool's weight, and the measured pool's weight after `set_weight`.
const POOL_WEIGHT: u64 = 100;
const NEW_WEIGHT: u64 = 2 * POOL_WEIGHT;
/// Solo pools may hold at most 10% of the weight (there are none here).
const MAX_SOLO_SHARE_BPS: u32 = 1_000;
/// Schedule rate per pool per second. The farm's rate is this times the pool count, so
/// each pool (all weigh the same) gets this much per second in every configuration.
const RATE_PER_POOL: u128 = 1_000_000_000_000;
/// Reserve funded before anything else: covers the whole run many times over.
const FUND_AMOUNT: u128 = 1_000_000_000_000_000_000_000_000_000;
/// Total stake of the pre-existing stakers in the measured pool, in every configuration.
const EXISTING_STAKE: u128 = 1_000_000_000_000;
/// What the acting stakers (the first existing staker, the newcomer) deposit and withdraw.
const ACTION_AMOUNT: u128 = 1_000_000;
/// One block: height + 1, time + 6 s. The clock moves one block before every measured call.
const BLOCK_SECONDS: u64 = 6;
/// Progress lines on stderr during long setups.
const PROGRESS_EVERY: u64 = 2_000;

/// A measured operation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Op {
    Instantiate,
    AddPool,
    FirstDeposit,
    LaterDeposit,
    Withdraw,
    Claim,
    SetWeight,
    EmergencyWithdraw,
    Cw20HookDeposit,
}

impl Op {
    pub const ALL: [Op; 9] = [
        Op::Instantiate,
        Op::AddPool,
        Op::FirstDeposit,
        Op::LaterDeposit,
        Op::Withdraw,
        Op::Claim,
        Op::SetWeight,
        Op::EmergencyWithdraw,
        Op::Cw20HookDeposit,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Op::Instantiate => "instantiate",
            Op::AddPool => "add_pool",
            Op::FirstDeposit => "first_deposit",
            Op::LaterDeposit => "later_deposit",
            Op::Withdraw => "withdraw",
            Op::Claim => "claim",
            Op::SetWeight => "set_weight",
            Op::EmergencyWithdraw => "emergency_withdraw",
            Op::Cw20HookDeposit => "cw20_hook_deposit",
        }
    }

    pub fn describe(self) -> &'static str {
        match self {
            Op::Instantiate => {
                "instantiate the farm (Time clock, constant schedule, native reserve)"
            }
            Op::AddPool => "owner adds one more native LP pool",
            Op::FirstDeposit => "native Deposit by an address with no position yet",
            Op::LaterDeposit => "native Deposit by an existing staker",
            Op::Withdraw => "existing staker withdraws part of its stake",
            Op::Claim => "existing staker claims the measured pool's pending reward",
            Op::SetWeight => "owner changes the measured pool's weight",
            Op::EmergencyWithdraw => "existing staker takes all principal out, forfeiting reward",
            Op::Cw20HookDeposit => {
                "cw20 Receive{Deposit} from the pool's cw20 staking token, new staker"
            }
        }
    }
}

impl fmt::Display for Op {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One scaling configuration.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Config {
    /// Stakers with a position in the measured pool before the measured calls.
    pub stakers: u64,
    /// Pools in the farm before the measured calls (the measured pool included).
    pub pools: u64,
}

impl fmt::Display for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} stakers x {} pools", self.stakers, self.pools)
    }
}

/// How the measured pool takes its staking token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Staking {
    /// A native LP denom, staked with `Deposit` and attached coins.
    Native,
    /// A cw20 LP token, staked with a cw20 `Send` (the farm's `Receive`).
    Cw20,
}

#[derive(Clone, Debug)]
pub struct FarmBenchOptions {
    /// The farm artifact to run.
    pub artifact: PathBuf,
    /// Folder whose `*.wasm` sizes are reported.
    pub artifacts_dir: PathBuf,
    /// Where to write the JSON results (`None`: do not write).
    pub out: Option<PathBuf>,
    pub stakers: Vec<u64>,
    pub pools: Vec<u64>,
    pub max_spread_pct: f64,
    pub capabilities: HashSet<String>,
    /// Progress lines on stderr.
    pub progress: bool,
}

impl FarmBenchOptions {
    pub fn new(artifacts_dir: impl Into<PathBuf>, capabilities: HashSet<String>) -> Self {
        let artifacts_dir = artifacts_dir.into();
        FarmBenchOptions {
            artifact: artifacts_dir.join("trellis_farm.wasm"),
            artifacts_dir,
            out: Some(PathBuf::from("bench/results.json")),
            stakers: DEFAULT_STAKERS.to_vec(),
            pools: DEFAULT_POOLS.to_vec(),
            max_spread_pct: DEFAULT_MAX_SPREAD_PCT,
            capabilities,
            progress: true,
        }
    }

    fn configs(&self) -> Result<Vec<Config>> {
        ensure!(
            !self.stakers.is_empty() && self.stakers.len() <= MAX_CONFIG_VALUES,
            "give 1 to {MAX_CONFIG_VALUES} staker counts"
        );
        ensure!(
            !self.pools.is_empty() && self.pools.len() <= MAX_CONFIG_VALUES,
            "give 1 to {MAX_CONFIG_VALUES} pool counts"
        );
        for &s in &self.stakers {
            ensure!(
                (1..=MAX_STAKERS).contains(&s),
                "staker count {s} out of range 1..={MAX_STAKERS}"
            );
        }
        for &p in &self.pools {
            ensure!(
                (1..=MAX_POOLS).contains(&p),
                "pool count {p} out of range 1..={MAX_POOLS}"
            );
        }
        ensure!(
            self.max_spread_pct.is_finite() && self.max_spread_pct >= 0.0,
            "max spread must be a non-negative number"
        );
        let mut out = Vec::new();
        for &stakers in &self.stakers {
            for &pools in &self.pools {
                let c = Config { stakers, pools };
                if !out.contains(&c) {
                    out.push(c);
                }
            }
        }
        Ok(out)
    }
}

/// One measured call: the operation, its cost and, for user operations, its storage floor.
type Measured = (Op, Cost, Option<u64>);

/// One operation in one configuration.
#[derive(Clone, Debug, Serialize)]
pub struct Measurement {
    pub stakers: u64,
    pub pools: u64,
    /// CosmWasm gas (VM units; wasmd divides by 140,000,000 for SDK gas).
    pub gas: u64,
    /// Part of `gas` reported by the backend as used externally (storage, queries).
    pub gas_external: u64,
    /// Storage `get` calls.
    pub reads: u64,
    /// Range scans opened and iterator steps taken.
    pub scans: u64,
    pub iter_steps: u64,
    /// `set` plus `remove` calls.
    pub writes: u64,
    pub sets: u64,
    pub removes: u64,
    /// Key + value bytes of all `set` calls.
    pub bytes_written: u64,
    /// Key + value bytes returned by reads and iterator steps.
    pub bytes_read: u64,
    /// SDK gas: the instance, the KV store's costs of the counts above, and the VM gas / 140M
    /// (`chain::call_sdk_gas`).
    pub sdk_gas_estimate: u64,
    /// User operations: the SDK gas of what the operation logically must read and write
    /// (`farm_floor.rs`).
    pub storage_floor: Option<u64>,
    /// `(sdk_gas_estimate - 60,000) / (storage_floor - 60,000)`: above the instance cost,
    /// which no layout changes.
    pub floor_ratio: Option<f64>,
}

impl Measurement {
    fn new(config: Config, cost: &Cost, floor: Option<u64>) -> Self {
        let s = &cost.storage;
        let sdk_gas_estimate = call_sdk_gas(cost.gas, s);
        Measurement {
            sdk_gas_estimate,
            storage_floor: floor,
            floor_ratio: floor.map(|f| above_instance_ratio(sdk_gas_estimate, f)),
            stakers: config.stakers,
            pools: config.pools,
            gas: cost.gas,
            gas_external: cost.gas_external,
            reads: s.reads,
            scans: s.scans,
            iter_steps: s.iter_steps,
            writes: s.writes(),
            sets: s.sets,
            removes: s.removes,
            bytes_written: s.bytes_written,
            bytes_read: s.bytes_read,
        }
    }
}

/// `(a - instance) / (b - instance)`.
fn above_instance_ratio(a: u64, b: u64) -> f64 {
    let (a, b) = (
        a.saturating_sub(INSTANCE_COST),
        b.saturating_sub(INSTANCE_COST),
    );
    if b == 0 {
        return f64::INFINITY;
    }
    // SDK gas figures are far below 2^53, so the conversions are exact.
    a as f64 / b as f64
}

/// SDK gas of Astroport's `incentives` contract (v5.13.1, built with our release profile) on
/// the same native-LP operation, measured by the team in this harness with the same cost table
/// (issue 10). A reference, not re-measured here.
pub fn astroport_sdk_gas(op: Op) -> Option<u64> {
    match op {
        Op::FirstDeposit => Some(86_732),
        Op::LaterDeposit => Some(88_205),
        Op::Claim | Op::Withdraw => Some(88_322),
        _ => None,
    }
}

/// All configurations of one operation.
#[derive(Clone, Debug, Serialize)]
pub struct OpReport {
    pub op: Op,
    pub description: &'static str,
    pub results: Vec<Measurement>,
    pub gas_min: u64,
    pub gas_max: u64,
    /// `(max - min) / min` in percent.
    pub gas_spread_pct: f64,
    /// Reads, scans and writes (the counts, not the bytes) are the same in every
    /// configuration. Iterator steps may differ where a bounded scan finds fewer entries.
    pub storage_flat: bool,
    pub within_limit: bool,
    /// `astroport_sdk_gas`, where measured.
    pub astroport_sdk_gas: Option<u64>,
    /// The largest `sdk_gas_estimate` across configurations over Astroport's, both above the
    /// instance cost.
    pub vs_astroport: Option<f64>,
    /// The largest `floor_ratio` across configurations.
    pub max_floor_ratio: Option<f64>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Settings {
    pub clock: &'static str,
    pub block_seconds: u64,
    pub pool_weight: u64,
    pub new_weight: u64,
    pub rate_per_pool_per_second: String,
    pub existing_stake_total: String,
    pub action_amount: String,
    pub max_solo_share_bps: u32,
    pub call_gas_limit: u64,
    pub capabilities: Vec<String>,
}

/// Everything the farm bench found, as written to `bench/results.json`.
#[derive(Clone, Debug, Serialize)]
pub struct FarmReport {
    pub artifact: ArtifactInfo,
    pub artifacts: Vec<ArtifactInfo>,
    pub configs: Vec<Config>,
    pub settings: Settings,
    pub ops: Vec<OpReport>,
    pub max_spread_pct: f64,
    pub max_spread_op: Option<Op>,
    pub spread_limit_pct: f64,
    /// No operation's gas spread exceeds the limit.
    pub flat: bool,
}

impl FarmReport {
    /// Operations whose spread exceeds the limit.
    pub fn over_limit(&self) -> Vec<&OpReport> {
        self.ops.iter().filter(|o| !o.within_limit).collect()
    }

    /// `Err` naming every operation over the spread limit.
    pub fn ensure_flat(&self) -> Result<()> {
        let over = self.over_limit();
        if over.is_empty() {
            return Ok(());
        }
        let list: Vec<String> = over
            .iter()
            .map(|o| format!("{} {:.2}%", o.op, o.gas_spread_pct))
            .collect();
        bail!(
            "gas spread over {}% across configurations: {}",
            self.spread_limit_pct,
            list.join(", ")
        )
    }
}

/// The actors of one run, as valid bech32 addresses.
struct Actors {
    owner: String,
    newcomer: String,
    lp_cw20: String,
}

impl Actors {
    fn new(api: &MockApi) -> Self {
        Actors {
            owner: api.addr_make("owner"),
            newcomer: api.addr_make("newcomer"),
            lp_cw20: api.addr_make("lp-token-cw20"),
        }
    }
}

fn staker_addr(api: &MockApi, i: u64) -> String {
    api.addr_make(&format!("staker-{i}"))
}

fn native(denom: &str) -> AssetInfo {
    AssetInfo::native(denom)
}

fn lp_kind(other: AssetInfo) -> PoolKind {
    PoolKind::Lp {
        pair: [native(PROTOCOL_DENOM), other],
    }
}

/// The stake of existing staker `i` of `n`: staker 0 holds `ACTION_AMOUNT`, the others
/// share the rest of `EXISTING_STAKE` (the last one takes the remainder).
fn existing_stake(i: u64, n: u64) -> u128 {
    if i == 0 {
        return ACTION_AMOUNT;
    }
    let others = u128::from(n - 1);
    let rest = EXISTING_STAKE - ACTION_AMOUNT;
    let each = rest / others;
    if i == n - 1 {
        rest - each * (others - 1)
    } else {
        each
    }
}

/// One farm deployment under test.
struct Farm<'a> {
    contract: Contract<'a>,
    api: MockApi,
    actors: Actors,
    pool_id: u64,
    staking: Staking,
    config: Config,
}

impl<'a> Farm<'a> {
    fn staking_asset(&self) -> AssetInfo {
        staking_asset(self.staking, &self.actors)
    }

    fn exec(&mut self, sender: &str, funds: &[Coin], msg: &ExecuteMsg, what: &str) -> Result<Cost> {
        self.contract
            .execute(sender, funds, msg)
            .map(|(_, cost)| cost)
            .with_context(|| format!("{what} ({})", self.config))
    }

    fn deposit(&mut self, staker: &str, amount: u128, what: &str) -> Result<Cost> {
        let pool_id = self.pool_id;
        match self.staking {
            Staking::Native => {
                let denom = match self.staking_asset() {
                    AssetInfo::Native { denom } => denom,
                    AssetInfo::Cw20 { .. } => bail!("native pool with a cw20 staking asset"),
                };
                let msg = ExecuteMsg::Deposit {
                    pool_id,
                    recipient: None,
                };
                self.exec(staker, &[Coin::new(amount, denom)], &msg, what)
            }
            Staking::Cw20 => {
                let msg = ExecuteMsg::Receive(Cw20ReceiveMsg {
                    sender: staker.to_string(),
                    amount: Uint128::new(amount),
                    msg: to_json_binary(&ReceiveMsg::Deposit {
                        pool_id,
                        recipient: None,
                    })?,
                });
                let token = self.actors.lp_cw20.clone();
                self.exec(&token, &[], &msg, what)
            }
        }
    }

    fn pool(&mut self) -> Result<PoolResponse> {
        self.contract
            .query(&QueryMsg::Pool {
                pool_id: self.pool_id,
            })
            .context("query pool")
    }

    fn position(&mut self, user: &str) -> Result<PositionResponse> {
        self.contract
            .query(&QueryMsg::Position {
                pool_id: self.pool_id,
                user: user.to_string(),
            })
            .context("query position")
    }

    fn next_block(&mut self) {
        self.contract.advance(1, BLOCK_SECONDS);
    }

    /// Runs a user operation of `user` on the measured pool and returns its cost with its
    /// storage floor (`farm_floor.rs`): read sizes before the call, write sizes after.
    fn with_floor(
        &mut self,
        user: &str,
        op: impl FnOnce(&mut Self) -> Result<Cost>,
    ) -> Result<(Cost, u64)> {
        let keys = FloorKeys::new(&self.api, self.pool_id, user)?;
        let read = keys.read_bytes(&self.contract);
        let cost = op(self)?;
        let written = keys.written_bytes(&self.contract);
        Ok((cost, floor_sdk_gas(read, written)))
    }
}

fn staking_asset(staking: Staking, actors: &Actors) -> AssetInfo {
    match staking {
        Staking::Native => native("ulp-measured"),
        Staking::Cw20 => AssetInfo::cw20(actors.lp_cw20.clone()),
    }
}

/// Instantiates, funds, adds the measured pool and the other pools, and creates the stakers.
/// Returns the farm ready for measured calls and the cost of `instantiate`.
fn deploy<'a>(
    code: &'a Code,
    config: Config,
    staking: Staking,
    progress: bool,
) -> Result<(Farm<'a>, Cost)> {
    let api = MockApi::default();
    let actors = Actors::new(&api);
    let mut contract = Contract::new(code);
    let start = contract.now().seconds();
    let rate = RATE_PER_POOL
        .checked_mul(u128::from(config.pools))
        .ok_or_else(|| anyhow!("schedule rate overflows"))?;
    let init = InstantiateMsg {
        owner: actors.owner.clone(),
        clock: Clock::Time,
        schedule: Schedule {
            start,
            end: None,
            curve: Curve::Constant {
                rate: Uint128::new(rate),
            },
        },
        reward: RewardSource::Reserve {
            asset: native(PROTOCOL_DENOM),
        },
        policy: AllocationPolicy {
            protocol_token: native(PROTOCOL_DENOM),
            max_solo_share_bps: MAX_SOLO_SHARE_BPS,
            native_pairs_outweigh: true,
        },
        lp_factory: None,
        voting_escrow: None,
        split: None,
    };
    let (_, instantiate_cost) = contract
        .instantiate(&actors.owner, &[], &init)
        .with_context(|| format!("instantiate ({config})"))?;

    let mut farm = Farm {
        contract,
        api,
        actors,
        pool_id: 0,
        staking,
        config,
    };
    let owner = farm.actors.owner.clone();
    farm.exec(
        &owner,
        &[Coin::new(FUND_AMOUNT, PROTOCOL_DENOM)],
        &ExecuteMsg::Fund {},
        "fund the reserve",
    )?;

    // The measured pool first, so it has the same id in every configuration.
    let measured = farm.staking_asset();
    farm.exec(
        &owner,
        &[],
        &ExecuteMsg::AddPool {
            staking: measured.clone(),
            kind: lp_kind(native(QUOTE_DENOM)),
            weight: POOL_WEIGHT,
            tokenless_share_pct: None,
        },
        "add the measured pool",
    )?;
    let first: PoolsResponse = farm.contract.query(&QueryMsg::Pools {
        start_after: None,
        limit: Some(1),
    })?;
    let pool = first
        .pools
        .first()
        .ok_or_else(|| anyhow!("the farm lists no pool after AddPool"))?;
    ensure!(
        pool.staking == measured,
        "first pool stakes {} instead of {measured}",
        pool.staking
    );
    farm.pool_id = pool.pool_id;

    for i in 1..config.pools {
        let msg = ExecuteMsg::AddPool {
            staking: native(&format!("ulp-{i}")),
            kind: lp_kind(native(&format!("uquote-{i}"))),
            weight: POOL_WEIGHT,
            tokenless_share_pct: None,
        };
        farm.exec(&owner, &[], &msg, &format!("add pool {i}"))?;
    }

    // All stakers arrive in the block after instantiation.
    farm.next_block();
    for i in 0..config.stakers {
        let staker = staker_addr(&farm.api, i);
        let amount = existing_stake(i, config.stakers);
        farm.deposit(&staker, amount, &format!("setup deposit of staker {i}"))?;
        if progress && (i + 1).is_multiple_of(PROGRESS_EVERY) {
            eprintln!("  [{config}, {staking:?}] {} stakers deposited", i + 1);
        }
    }
    let pool = farm.pool()?;
    let expected = if config.stakers == 1 {
        ACTION_AMOUNT
    } else {
        EXISTING_STAKE
    };
    ensure!(
        pool.total_staked.u128() == expected,
        "measured pool holds {} after setup, expected {expected}",
        pool.total_staked
    );
    Ok((farm, instantiate_cost))
}

/// Runs the native-staking operations in one configuration.
fn measure_native(code: &Code, config: Config, progress: bool) -> Result<Vec<Measured>> {
    let (mut farm, instantiate) = deploy(code, config, Staking::Native, progress)?;
    let mut out = vec![(Op::Instantiate, instantiate, None)];
    let staker0 = staker_addr(&farm.api, 0);
    let newcomer = farm.actors.newcomer.clone();
    let owner = farm.actors.owner.clone();
    let pool_id = farm.pool_id;

    farm.next_block();
    let (cost, floor) = farm.with_floor(&newcomer, |f| {
        f.deposit(&newcomer, ACTION_AMOUNT, "first deposit")
    })?;
    out.push((Op::FirstDeposit, cost, Some(floor)));

    farm.next_block();
    let (cost, floor) = farm.with_floor(&staker0, |f| {
        f.deposit(&staker0, ACTION_AMOUNT, "later deposit")
    })?;
    out.push((Op::LaterDeposit, cost, Some(floor)));

    farm.next_block();
    let msg = ExecuteMsg::Withdraw {
        pool_id,
        amount: Uint128::new(ACTION_AMOUNT),
        recipient: None,
    };
    let (cost, floor) = farm.with_floor(&staker0, |f| f.exec(&staker0, &[], &msg, "withdraw"))?;
    out.push((Op::Withdraw, cost, Some(floor)));

    farm.next_block();
    let pending = farm.position(&staker0)?.pending;
    ensure!(
        !pending.is_zero(),
        "staker 0 has no pending reward before claim ({config}): rewards did not accrue"
    );
    let msg = ExecuteMsg::Claim {
        pool_ids: vec![pool_id],
        recipient: None,
    };
    let (cost, floor) = farm.with_floor(&staker0, |f| f.exec(&staker0, &[], &msg, "claim"))?;
    out.push((Op::Claim, cost, Some(floor)));
    let after = farm.position(&staker0)?;
    ensure!(
        after.claimed >= pending,
        "claim paid {} but {pending} was pending ({config})",
        after.claimed
    );

    farm.next_block();
    let msg = ExecuteMsg::SetWeight {
        pool_id,
        weight: NEW_WEIGHT,
    };
    out.push((
        Op::SetWeight,
        farm.exec(&owner, &[], &msg, "set weight")?,
        None,
    ));
    ensure!(
        farm.pool()?.weight == NEW_WEIGHT,
        "set_weight did not change the weight ({config})"
    );

    farm.next_block();
    let msg = ExecuteMsg::EmergencyWithdraw {
        pool_id,
        recipient: None,
    };
    let (cost, floor) = farm.with_floor(&staker0, |f| {
        f.exec(&staker0, &[], &msg, "emergency withdraw")
    })?;
    out.push((Op::EmergencyWithdraw, cost, Some(floor)));
    ensure!(
        farm.position(&staker0)?.staked.is_zero(),
        "emergency withdraw left stake behind ({config})"
    );

    farm.next_block();
    let msg = ExecuteMsg::AddPool {
        staking: native("ulp-added"),
        kind: lp_kind(native("uquote-added")),
        weight: POOL_WEIGHT,
        tokenless_share_pct: None,
    };
    out.push((Op::AddPool, farm.exec(&owner, &[], &msg, "add pool")?, None));
    Ok(out)
}

/// Runs the cw20-hook deposit in one configuration (a farm whose measured pool stakes a cw20).
fn measure_cw20(code: &Code, config: Config, progress: bool) -> Result<Vec<Measured>> {
    let (mut farm, _) = deploy(code, config, Staking::Cw20, progress)?;
    let newcomer = farm.actors.newcomer.clone();
    farm.next_block();
    let (cost, floor) = farm.with_floor(&newcomer, |f| {
        f.deposit(&newcomer, ACTION_AMOUNT, "cw20 hook deposit")
    })?;
    ensure!(
        farm.position(&newcomer)?.staked.u128() == ACTION_AMOUNT,
        "cw20 hook deposit not credited ({config})"
    );
    Ok(vec![(Op::Cw20HookDeposit, cost, Some(floor))])
}

/// `(max - min) / min` in percent (infinite when only `min` is zero).
pub(crate) fn spread_pct(min: u64, max: u64) -> f64 {
    if min == 0 {
        return if max == 0 { 0.0 } else { f64::INFINITY };
    }
    // Gas figures are far below 2^53, so the conversion is exact.
    (max - min) as f64 * 100.0 / min as f64
}

fn summarize(op: Op, results: Vec<Measurement>, limit: f64) -> OpReport {
    let gas_min = results.iter().map(|m| m.gas).min().unwrap_or(0);
    let gas_max = results.iter().map(|m| m.gas).max().unwrap_or(0);
    let gas_spread_pct = spread_pct(gas_min, gas_max);
    // Counts only: bytes written vary a little with the width of the numbers stored.
    let storage_flat = results
        .windows(2)
        .all(|w| (w[0].reads, w[0].writes, w[0].scans) == (w[1].reads, w[1].writes, w[1].scans));
    let sdk_max = results
        .iter()
        .map(|m| m.sdk_gas_estimate)
        .max()
        .unwrap_or(0);
    let astroport = astroport_sdk_gas(op);
    let max_floor_ratio = results
        .iter()
        .filter_map(|m| m.floor_ratio)
        .fold(None, |acc: Option<f64>, r| {
            Some(acc.map_or(r, |a| a.max(r)))
        });
    OpReport {
        op,
        description: op.describe(),
        results,
        gas_min,
        gas_max,
        gas_spread_pct,
        storage_flat,
        within_limit: gas_spread_pct <= limit,
        astroport_sdk_gas: astroport,
        vs_astroport: astroport.map(|a| above_instance_ratio(sdk_max, a)),
        max_floor_ratio,
    }
}

/// Sizes of the artifacts in `dir` (empty if the folder is missing).
pub fn artifact_sizes(dir: &Path) -> Result<Vec<ArtifactInfo>> {
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    list_artifacts(dir)?
        .iter()
        .map(|p| artifact_info(p).map(|(info, _)| info))
        .collect()
}

/// Runs the whole farm bench. Writes the JSON report if `opts.out` is set, and returns it
/// whether or not the spreads are within the limit (see `FarmReport::ensure_flat`).
pub fn run_farm_bench(opts: &FarmBenchOptions) -> Result<FarmReport> {
    let configs = opts.configs()?;
    let (artifact, wasm) = artifact_info(&opts.artifact)
        .with_context(|| "the farm artifact is missing: run scripts/build-wasm.sh".to_string())?;
    let code = Code::upload(&wasm, &opts.capabilities)
        .with_context(|| format!("uploading {}", opts.artifact.display()))?;

    let mut per_op: Vec<(Op, Vec<Measurement>)> =
        Op::ALL.iter().map(|&op| (op, Vec::new())).collect();
    for &config in &configs {
        if opts.progress {
            eprintln!("running {config}");
        }
        let mut costs = measure_native(&code, config, opts.progress)?;
        costs.extend(measure_cw20(&code, config, opts.progress)?);
        for (op, cost, floor) in costs {
            let slot = per_op
                .iter_mut()
                .find(|(o, _)| *o == op)
                .ok_or_else(|| anyhow!("unknown op {op}"))?;
            slot.1.push(Measurement::new(config, &cost, floor));
        }
    }

    let ops: Vec<OpReport> = per_op
        .into_iter()
        .map(|(op, results)| summarize(op, results, opts.max_spread_pct))
        .collect();
    let (max_spread_pct, max_spread_op) = ops
        .iter()
        .map(|o| (o.gas_spread_pct, Some(o.op)))
        .fold((0.0, None), |acc, x| if x.0 > acc.0 { x } else { acc });
    let flat = ops.iter().all(|o| o.within_limit);
    let mut capabilities: Vec<String> = opts.capabilities.iter().cloned().collect();
    capabilities.sort();
    let report = FarmReport {
        artifact,
        artifacts: artifact_sizes(&opts.artifacts_dir)?,
        configs,
        settings: Settings {
            clock: "time",
            block_seconds: BLOCK_SECONDS,
            pool_weight: POOL_WEIGHT,
            new_weight: NEW_WEIGHT,
            rate_per_pool_per_second: RATE_PER_POOL.to_string(),
            existing_stake_total: EXISTING_STAKE.to_string(),
            action_amount: ACTION_AMOUNT.to_string(),
            max_solo_share_bps: MAX_SOLO_SHARE_BPS,
            call_gas_limit: CALL_GAS_LIMIT,
            capabilities,
        },
        ops,
        max_spread_pct,
        max_spread_op,
        spread_limit_pct: opts.max_spread_pct,
        flat,
    };
    if let Some(out) = &opts.out {
        write_json(out, &report)?;
    }
    Ok(report)
}

/// Writes `value` as pretty JSON, creating the parent folder.
pub fn write_json<T: Serialize>(path: &Path, value: &T) -> Result<()> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent).with_context(|| format!("creating {}", parent.display()))?;
    }
    let mut json = serde_json::to_string_pretty(value)?;
    json.push('\n');
    fs::write(path, json).with_context(|| format!("writing {}", path.display()))
}

/// Prints the table, the spreads and the artifact sizes.
pub fn print_report(report: &FarmReport) {
    println!(
        "{:<20} {:>8} {:>6} {:>14} {:>9} {:>6} {:>5} {:>7} {:>7} {:>9} {:>9} {:>6}",
        "op",
        "stakers",
        "pools",
        "gas",
        "gas_ext",
        "reads",
        "iter",
        "writes",
        "bytes",
        "sdk_gas",
        "floor",
        "ratio"
    );
    for op in &report.ops {
        for m in &op.results {
            println!(
                "{:<20} {:>8} {:>6} {:>14} {:>9} {:>6} {:>5} {:>7} {:>7} {:>9} {:>9} {:>6}",
                op.op.name(),
                m.stakers,
                m.pools,
                group_digits(m.gas),
                group_digits(m.gas_external),
                m.reads,
                m.iter_steps,
                m.writes,
                m.bytes_written,
                group_digits(m.sdk_gas_estimate),
                m.storage_floor.map(group_digits).unwrap_or_default(),
                m.floor_ratio.map(|r| format!("{r:.2}")).unwrap_or_default()
            );
        }
    }
    println!();
    println!("SDK gas above the 60,000 instance cost, against Astroport's incentives (reference):");
    for op in &report.ops {
        if let (Some(a), Some(r)) = (op.astroport_sdk_gas, op.vs_astroport) {
            let ours = op
                .results
                .iter()
                .map(|m| m.sdk_gas_estimate)
                .max()
                .unwrap_or(0);
            println!(
                "  {:<20} {:>7} vs {:>7}  {:.2}x",
                op.op.name(),
                group_digits(ours.saturating_sub(INSTANCE_COST)),
                group_digits(a.saturating_sub(INSTANCE_COST)),
                r
            );
        }
    }
    println!();
    println!(
        "gas spread across configurations (limit {}%):",
        report.spread_limit_pct
    );
    for op in &report.ops {
        println!(
            "  {:<20} {:>7.3}%  {}{}",
            op.op.name(),
            op.gas_spread_pct,
            if op.within_limit { "ok" } else { "OVER LIMIT" },
            if op.storage_flat {
                ""
            } else {
                "  (storage read/write counts differ between configurations)"
            }
        );
    }
    match report.max_spread_op {
        Some(op) => println!("max spread: {:.3}% ({op})", report.max_spread_pct),
        None => println!("max spread: 0%"),
    }
    println!();
    println!("artifacts:");
    for a in &report.artifacts {
        println!("  {:<32} {:>12} bytes", a.name, group_digits(a.bytes));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn existing_stake_sums_to_total() {
        for n in [2u64, 3, 10, 7_777, 10_000] {
            let sum: u128 = (0..n).map(|i| existing_stake(i, n)).sum();
            assert_eq!(sum, EXISTING_STAKE, "n = {n}");
            assert_eq!(existing_stake(0, n), ACTION_AMOUNT);
        }
        assert_eq!(existing_stake(0, 1), ACTION_AMOUNT);
    }

    #[test]
    fn spread() {
        assert_eq!(spread_pct(100, 102), 2.0);
        assert_eq!(spread_pct(0, 0), 0.0);
        assert!(spread_pct(0, 1).is_infinite());
    }

    #[test]
    fn configs_are_bounded_and_deduplicated() {
        let mut o = FarmBenchOptions::new("artifacts", HashSet::new());
        assert_eq!(o.configs().unwrap().len(), 4);
        o.stakers = vec![10, 10];
        assert_eq!(o.configs().unwrap().len(), 2);
        o.stakers = vec![MAX_STAKERS + 1];
        assert!(o.configs().is_err());
        o.stakers = vec![0];
        assert!(o.configs().is_err());
    }
}
