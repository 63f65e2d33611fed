//! `trellis-bench cl-farming`: runs the farming center's compiled wasm
//! (`trellis_cl_farming.wasm`) in cosmwasm-vm and measures what each call costs (see
//! `docs/bench.md`, "What the CL farming bench measures"):
//!
//! - a position's life in the center: deposit (the pool's `ReceiveNft`), enter an eternal and a
//!   limit farm, exit, claim, withdraw;
//! - the pool's crossing hook (`Crossed`) reporting 1 and 10 farm ticks, with one live farm
//!   (eternal) and with both kinds live; a swap that crosses no marked tick sends no hook at
//!   all (the CL bench measures that swap), so its farming cost is zero;
//! - every row with 10 and with 10,000 other farmed positions in the center: the gas may not
//!   spread by more than the limit.
//!
//! The pool and the factory are answered by a mock querier (the pool's `Position`,
//! `PoolState` and `Farming`, the factory's `PoolStatus`). Each query a call makes is another
//! contract instance on a chain, so a row's SDK gas counts one instance per query on top of
//! the center's own.
use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use anyhow::{bail, ensure, Context, Result};
use cosmwasm_std::{
    coins, from_json, to_json_binary, Binary, ContractResult, QuerierResult, SystemError,
    SystemResult, Uint128, Uint256, WasmQuery,
};
use cosmwasm_vm::testing::{MockApi, MockQuerier};
use cw721::receiver::Cw721ReceiveMsg;
use serde::Serialize;
use trellis_types::cl_farming::{DepositMsg, ExecuteMsg, InstantiateMsg, RewardSpec};
use trellis_types::cl_pool::{
    FarmingResponse, PoolStateResponse, PositionResponse, QueryMsg as PoolQueryMsg, FEE_TIERS,
};
use trellis_types::factory::{
    PoolKind, PoolParams, PoolRecord, PoolStatusResponse, QueryMsg as FactoryQueryMsg,
};
use trellis_types::AssetInfo;

use crate::amm::report::{Figures, Row, SdkFigures};
use crate::check::ArtifactInfo;
use crate::cl::upload;
use crate::farm::{spread_pct, write_json, DEFAULT_MAX_SPREAD_PCT};
use crate::vm::{Code, Contract, Cost};

/// Other farmed positions in the center, for the flatness check.
pub const SCALING_POSITIONS: [u32; 2] = [10, 10_000];
/// Farm ticks a measured hook reports.
pub const HOOK_TICKS: [u32; 2] = [1, 10];
const SPACING: i32 = 60;
/// The measured position: wide around the price, so no hook crosses it.
const MEASURED: (i32, i32) = (-6_000, 6_000);
const LIQUIDITY: u128 = 1_000_000_000_000;
const REWARD_DENOM: &str = "urwd";
const FUNDING: u128 = 1_000_000_000_000_000_000;
/// The clock moves this far before each measured call.
const ADVANCE_SECS: u64 = 600;

#[derive(Clone, Debug)]
pub struct ClFarmingBenchOptions {
    pub artifact: PathBuf,
    pub out: Option<PathBuf>,
    pub max_spread_pct: f64,
    pub capabilities: HashSet<String>,
    pub progress: bool,
}

impl ClFarmingBenchOptions {
    pub fn new(artifacts_dir: impl Into<PathBuf>, capabilities: HashSet<String>) -> Self {
        ClFarmingBenchOptions {
            artifact: artifacts_dir.into().join("trellis_cl_farming.wasm"),
            out: Some(PathBuf::from("bench/cl_farming.json")),
            max_spread_pct: DEFAULT_MAX_SPREAD_PCT,
            capabilities,
            progress: true,
        }
    }
}

/// One configuration's rows.
#[derive(Clone, Debug, Serialize)]
pub struct ClFarmingGroup {
    pub other_positions: u32,
    pub rows: Vec<Row>,
}

/// One operation across the configurations.
#[derive(Clone, Debug, Serialize)]
pub struct ClFarmingSpread {
    pub op: String,
    pub gas_min: u64,
    pub gas_max: u64,
    pub gas_spread_pct: f64,
    pub storage_flat: bool,
}

#[derive(Clone, Debug, Serialize)]
pub struct ClFarmingReport {
    pub artifact: ArtifactInfo,
    pub groups: Vec<ClFarmingGroup>,
    pub spreads: Vec<ClFarmingSpread>,
    /// `(hook_10 - hook_1) / 9`, SDK gas, per live-farm configuration.
    pub sdk_gas_per_reported_tick: Vec<(String, f64)>,
    pub max_spread_pct_seen: f64,
    pub spread_limit_pct: f64,
    pub flat: bool,
}

impl ClFarmingReport {
    pub fn ensure_flat(&self) -> Result<()> {
        if self.flat {
            return Ok(());
        }
        bail!(
            "cl-farming: gas spread {:.2}% over the {}% limit between {:?} other positions",
            self.max_spread_pct_seen,
            self.spread_limit_pct,
            SCALING_POSITIONS
        )
    }
}

struct Actors {
    owner: String,
    maker: String,
    user: String,
    pool: String,
    factory: String,
    center: String,
}

impl Actors {
    fn new() -> Self {
        let api = MockApi::default();
        Actors {
            owner: api.addr_make("owner"),
            maker: api.addr_make("maker"),
            user: api.addr_make("farmer"),
            pool: api.addr_make("cl-pool"),
            factory: api.addr_make("factory"),
            center: api.addr_make("center"),
        }
    }
}

/// The range and liquidity of a token id: `m` the measured position, `l{k}` the ladder
/// `[60k, 60k + 60)`, `f{n}` the other positions, far below the price on 100 ranges.
fn position_of(token_id: &str) -> Option<(i32, i32, u128)> {
    if token_id == "m" {
        return Some((MEASURED.0, MEASURED.1, LIQUIDITY));
    }
    if let Some(k) = token_id.strip_prefix('l') {
        let k: i32 = k.parse().ok()?;
        return Some((SPACING * k, SPACING * (k + 1), LIQUIDITY));
    }
    let n: i32 = token_id.strip_prefix('f')?.parse().ok()?;
    let lower = -500_000 - SPACING * (n % 100) - SPACING;
    Some((lower, lower + SPACING, LIQUIDITY / 1_000))
}

fn answer<T: Serialize>(value: &T) -> QuerierResult {
    match to_json_binary(value) {
        Ok(bin) => SystemResult::Ok(ContractResult::Ok(bin)),
        Err(e) => SystemResult::Ok(ContractResult::Err(e.to_string())),
    }
}

fn querier(actors: &Actors, tick: Arc<Mutex<i32>>) -> MockQuerier {
    let (pool, factory, center) = (
        actors.pool.clone(),
        actors.factory.clone(),
        actors.center.clone(),
    );
    let mut querier = MockQuerier::new(&[]);
    querier.update_wasm(move |query| {
        let WasmQuery::Smart { contract_addr, msg } = query else {
            return SystemResult::Err(SystemError::UnsupportedRequest {
                kind: "smart queries only".to_string(),
            });
        };
        if contract_addr == &factory {
            return match from_json::<FactoryQueryMsg>(msg) {
                Ok(FactoryQueryMsg::PoolStatus { pool: asked }) if asked == pool => {
                    answer(&PoolStatusResponse {
                        pool: PoolRecord {
                            id: 0,
                            address: pool.clone(),
                            assets: [AssetInfo::native("uaaa"), AssetInfo::native("ubbb")],
                            params: PoolParams::Concentrated {
                                fee_tier: FEE_TIERS[2],
                            },
                        },
                        kind: PoolKind::Concentrated,
                        listed: true,
                    })
                }
                _ => SystemResult::Ok(ContractResult::Err("not a pool of this factory".into())),
            };
        }
        if contract_addr != &pool {
            return SystemResult::Err(SystemError::NoSuchContract {
                addr: contract_addr.clone(),
            });
        }
        match from_json::<PoolQueryMsg>(msg) {
            Ok(PoolQueryMsg::Position { token_id }) => match position_of(&token_id) {
                Some((lower, upper, liquidity)) => answer(&PositionResponse {
                    token_id,
                    owner: center.clone(),
                    lower_tick: lower,
                    upper_tick: upper,
                    liquidity: Uint128::new(liquidity),
                    fee_growth_inside_last: [Uint256::zero(); 2],
                    tokens_owed: [Uint128::zero(); 2],
                }),
                None => SystemResult::Ok(ContractResult::Err("no such position".into())),
            },
            Ok(PoolQueryMsg::PoolState {}) => answer(&PoolStateResponse {
                initialized: true,
                sqrt_price: Uint256::zero(),
                tick: *tick.lock().expect("tick lock"),
                liquidity: Uint128::zero(),
                fee_growth_global: [Uint256::zero(); 2],
                protocol_fees_owed: [Uint128::zero(); 2],
            }),
            Ok(PoolQueryMsg::Farming {}) => answer(&FarmingResponse {
                farming_center: Some(center.clone()),
                link_broken: false,
                tick: *tick.lock().expect("tick lock"),
            }),
            _ => SystemResult::Ok(ContractResult::Err(
                "the bench's pool does not answer this".into(),
            )),
        }
    });
    querier
}

/// The center with a pool at tick 0, an eternal farm, and `others` farmed positions.
struct World<'a> {
    center: Contract<'a>,
    actors: Actors,
    tick: Arc<Mutex<i32>>,
    eternal: u64,
    limit: Option<u64>,
}

impl<'a> World<'a> {
    fn new(code: &'a Code, others: u32, with_limit: bool) -> Result<Self> {
        let actors = Actors::new();
        let tick = Arc::new(Mutex::new(0));
        let mut center = Contract::with_querier(
            code,
            cosmwasm_std::Addr::unchecked(&actors.center),
            querier(&actors, tick.clone()),
        );
        center.instantiate(
            &actors.owner,
            &[],
            &InstantiateMsg {
                owner: actors.owner.clone(),
                incentive_maker: actors.maker.clone(),
                factory: actors.factory.clone(),
            },
        )?;
        let mut world = World {
            center,
            actors,
            tick,
            eternal: 0,
            limit: None,
        };
        world.eternal = world.create(false)?;
        if with_limit {
            world.limit = Some(world.create(true)?);
        }
        for n in 0..others {
            world.deposit(&format!("f{n}"), vec![world.eternal])?;
        }
        // The ladder the hooks cross: ticks 60..=660 in every live farm.
        let farms: Vec<u64> = std::iter::once(world.eternal).chain(world.limit).collect();
        for k in 1..=11 {
            world.deposit(&format!("l{k}"), farms.clone())?;
        }
        Ok(world)
    }

    fn create(&mut self, limit: bool) -> Result<u64> {
        let now = self.center.now().seconds();
        let reward = RewardSpec {
            token: AssetInfo::native(REWARD_DENOM),
            amount: FUNDING.into(),
        };
        let msg = if limit {
            ExecuteMsg::CreateLimitFarm {
                pool: self.actors.pool.clone(),
                reward,
                bonus: None,
                start: now + 100_000,
                end: now + 200_000,
                min_width: 0,
                tiers: None,
            }
        } else {
            ExecuteMsg::CreateEternalFarm {
                pool: self.actors.pool.clone(),
                reward,
                bonus: None,
                reward_rate: 1_000_000u128.into(),
                bonus_rate: Uint128::zero(),
                min_width: 0,
                tiers: None,
            }
        };
        let (res, _) = self
            .center
            .execute(&self.actors.maker, &coins(FUNDING, REWARD_DENOM), &msg)
            .context("creating a farm")?;
        let id = res
            .attributes
            .iter()
            .find(|a| a.key == "farm_id")
            .context("no farm id")?;
        Ok(id.value.parse()?)
    }

    fn deposit(&mut self, token_id: &str, enter: Vec<u64>) -> Result<Cost> {
        let msg = ExecuteMsg::ReceiveNft(Cw721ReceiveMsg {
            sender: self.actors.user.clone(),
            token_id: token_id.to_string(),
            msg: if enter.is_empty() {
                Binary::default()
            } else {
                to_json_binary(&DepositMsg { enter })?
            },
        });
        let pool = self.actors.pool.clone();
        Ok(self.center.execute(&pool, &[], &msg)?.1)
    }

    fn user(&mut self, msg: &ExecuteMsg) -> Result<Cost> {
        self.center.advance(100, ADVANCE_SECS);
        let user = self.actors.user.clone();
        Ok(self.center.execute(&user, &[], msg)?.1)
    }

    fn hook(&mut self, ticks: u32) -> Result<Cost> {
        self.center.advance(100, ADVANCE_SECS);
        let from = *self.tick.lock().expect("tick lock");
        let first = from.div_euclid(SPACING) + 1;
        let crossed: Vec<i32> = (first..first + ticks as i32).map(|k| k * SPACING).collect();
        let tick_after = crossed[crossed.len() - 1] + SPACING / 2;
        *self.tick.lock().expect("tick lock") = tick_after;
        let msg = ExecuteMsg::Crossed {
            ticks: crossed,
            zero_for_one: false,
            tick_after,
            time: self.center.now().seconds(),
        };
        let pool = self.actors.pool.clone();
        Ok(self.center.execute(&pool, &[], &msg)?.1)
    }
}

fn row(op: &str, description: &str, cost: &Cost, queries: u64) -> Row {
    let figures = Figures::of(cost);
    Row {
        op: op.to_string(),
        pool: None,
        description: description.to_string(),
        figures,
        sdk: SdkFigures::of(&figures, 1 + queries),
    }
}

fn group(code: &Code, others: u32, progress: bool) -> Result<Vec<Row>> {
    let mut rows = Vec::new();
    if progress {
        eprintln!("cl-farming: one live farm, {others} other positions");
    }
    let mut one = World::new(code, others, false)?;
    for ticks in HOOK_TICKS {
        let cost = one.hook(ticks)?;
        rows.push(row(
            &format!("hook_{ticks}_one_farm"),
            &format!("Crossed reporting {ticks} farm ticks, one live farm (eternal)"),
            &cost,
            0,
        ));
    }
    if progress {
        eprintln!("cl-farming: both kinds live, {others} other positions");
    }
    let mut both = World::new(code, others, true)?;
    for ticks in HOOK_TICKS {
        let cost = both.hook(ticks)?;
        rows.push(row(
            &format!("hook_{ticks}_two_farms"),
            &format!("Crossed reporting {ticks} farm ticks, eternal and limit live"),
            &cost,
            0,
        ));
    }
    let pool = both.actors.pool.clone();
    let (eternal, limit) = (both.eternal, both.limit.expect("limit farm"));
    both.center.advance(100, ADVANCE_SECS);
    let cost = both.deposit("m", vec![])?;
    rows.push(row(
        "deposit",
        "ReceiveNft from a pool the center knows (the position queried)",
        &cost,
        1,
    ));
    let enter = |farm_id| ExecuteMsg::EnterFarm {
        pool: pool.clone(),
        token_id: "m".to_string(),
        farm_id,
        tokens_locked: Uint128::zero(),
    };
    let cost = both.user(&enter(eternal))?;
    rows.push(row(
        "enter_eternal",
        "enter the eternal farm (the pool's tick and link in one query)",
        &cost,
        1,
    ));
    let cost = both.user(&enter(limit))?;
    rows.push(row(
        "enter_limit",
        "enter the limit farm before its start (one query)",
        &cost,
        1,
    ));
    let exit = |farm_id| ExecuteMsg::ExitFarm {
        pool: pool.clone(),
        token_id: "m".to_string(),
        farm_id,
    };
    let cost = both.user(&exit(eternal))?;
    rows.push(row(
        "exit_eternal",
        "exit the eternal farm, reward credited",
        &cost,
        0,
    ));
    let claim = ExecuteMsg::ClaimReward {
        reward_token: AssetInfo::native(REWARD_DENOM),
        recipient: None,
        amount_requested_limit: Uint128::zero(),
        amount_requested_eternal: Uint128::zero(),
    };
    let cost = both.user(&claim)?;
    rows.push(row(
        "claim",
        "claim the credited reward (one bank send)",
        &cost,
        0,
    ));
    both.center.advance(10_000, 200_000);
    let cost = both.user(&exit(limit))?;
    rows.push(row(
        "exit_limit",
        "exit the limit farm after its end",
        &cost,
        0,
    ));
    let withdraw = ExecuteMsg::WithdrawToken {
        pool,
        token_id: "m".to_string(),
        recipient: None,
    };
    let cost = both.user(&withdraw)?;
    rows.push(row("withdraw", "the NFT back to its owner", &cost, 0));
    Ok(rows)
}

pub fn run_cl_farming_bench(opts: &ClFarmingBenchOptions) -> Result<ClFarmingReport> {
    ensure!(
        opts.max_spread_pct.is_finite() && opts.max_spread_pct >= 0.0,
        "max spread must be a non-negative number"
    );
    let (artifact, code) = upload(&opts.artifact, &opts.capabilities)?;
    let mut groups = Vec::new();
    for others in SCALING_POSITIONS {
        groups.push(ClFarmingGroup {
            other_positions: others,
            rows: group(&code, others, opts.progress)?,
        });
    }
    let mut spreads = Vec::new();
    for (i, first) in groups[0].rows.iter().enumerate() {
        let gas: Vec<u64> = groups.iter().map(|g| g.rows[i].figures.gas).collect();
        let counts = |r: &Row| (r.figures.reads, r.figures.scans, r.figures.writes);
        let (gas_min, gas_max) = (
            *gas.iter().min().unwrap_or(&0),
            *gas.iter().max().unwrap_or(&0),
        );
        spreads.push(ClFarmingSpread {
            op: first.op.clone(),
            gas_min,
            gas_max,
            gas_spread_pct: spread_pct(gas_min, gas_max),
            storage_flat: groups.iter().all(|g| counts(&g.rows[i]) == counts(first)),
        });
    }
    let max_spread_pct_seen = spreads.iter().map(|s| s.gas_spread_pct).fold(0.0, f64::max);
    let per_tick = |name: &str| -> f64 {
        let rows = &groups[0].rows;
        let sdk = |op: String| {
            rows.iter()
                .find(|r| r.op == op)
                .map_or(0.0, |r| r.sdk.sdk_gas_estimate as f64)
        };
        (sdk(format!("hook_10_{name}")) - sdk(format!("hook_1_{name}"))) / 9.0
    };
    let sdk_gas_per_reported_tick = vec![
        ("one_farm".to_string(), per_tick("one_farm")),
        ("two_farms".to_string(), per_tick("two_farms")),
    ];
    let report = ClFarmingReport {
        artifact,
        groups,
        flat: max_spread_pct_seen <= opts.max_spread_pct,
        spreads,
        sdk_gas_per_reported_tick,
        max_spread_pct_seen,
        spread_limit_pct: opts.max_spread_pct,
    };
    if let Some(out) = &opts.out {
        write_json(out, &report)?;
    }
    Ok(report)
}

/// The rows of the first configuration, then the spreads.
pub fn print_cl_farming_report(report: &ClFarmingReport) {
    println!(
        "cl-farming bench: {} ({} bytes)",
        report.artifact.path, report.artifact.bytes
    );
    println!(
        "{:<20} {:>14} {:>7} {:>7} {:>9} {:>14}",
        "op", "vm gas", "reads", "writes", "bytes w", "sdk gas"
    );
    for row in &report.groups[0].rows {
        println!(
            "{:<20} {:>14} {:>7} {:>7} {:>9} {:>14}",
            row.op,
            row.figures.gas,
            row.figures.reads,
            row.figures.writes,
            row.figures.bytes_written,
            row.sdk.sdk_gas_estimate
        );
    }
    for (config, per_tick) in &report.sdk_gas_per_reported_tick {
        println!("hook, {config}: {per_tick:.0} SDK gas per reported farm tick");
    }
    println!(
        "largest spread between {:?} other positions: {:.3}% (limit {}%)",
        SCALING_POSITIONS, report.max_spread_pct_seen, report.spread_limit_pct
    );
}
