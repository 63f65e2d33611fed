//! `trellis-bench cl`: runs the concentrated-liquidity pool's compiled wasm
//! (`trellis_cl_pool.wasm`) in cosmwasm-vm and measures what each call costs (see
//! `docs/bench.md`, "What the CL bench measures"):
//!
//! - a position's life: mint (a new range), increase, decrease, collect, burn;
//! - a swap inside one initialized range, and swaps crossing 1, 10 and 100 initialized ticks
//!   (100 adjacent narrow positions laid out above the price), with the gas per crossed tick;
//! - the 10-tick swap with its ten ticks marked by a registered farming center, against the
//!   same swap with no marks (the hook submessage is not executed, its count and size are
//!   reported);
//! - the in-range swap with 10 and with 10,000 positions in the pool, far from the price: its
//!   gas may not spread by more than the limit.
//!
//! Both assets are native denoms; the pool never queries the bank, so no balances are set.
//! Every measured call is the first of its block, after one oracle sample spacing.
use std::collections::HashSet;
use std::path::{Path, PathBuf};

use anyhow::{anyhow, bail, ensure, Context, Result};
use cosmwasm_std::{from_json, Addr, Coin, CosmosMsg, Response, Uint128, Uint256, WasmMsg};
use cosmwasm_vm::testing::MockApi;
use serde::Serialize;
use trellis_types::cl_pool::{
    AddAmounts, ExecuteMsg, FeeTier, InstantiateMsg, LiquidityResponse, PositionResponse, QueryMsg,
    SwapResponse,
};
use trellis_types::weighted_pool::OracleConfig;
use trellis_types::AssetInfo;

use crate::amm::report::{Figures, Row, SdkFigures};
use crate::check::{artifact_info, group_digits, ArtifactInfo};
use crate::farm::{spread_pct, write_json, DEFAULT_MAX_SPREAD_PCT};
use crate::vm::{Code, Contract, Cost};

/// token0 and token1 (sorted, as a chain wants funds).
pub const DENOMS: [&str; 2] = ["uaaa", "ubbb"];
/// 0.05% fee, spacing 10.
pub const FEE_TIER: FeeTier = FeeTier {
    fee_pips: 500,
    tick_spacing: 10,
};
/// The pool starts at this tick, between the base range's ticks and below the ladder.
pub const START_TICK: i32 = 5;
/// The wide position every pool holds, so a swap always has liquidity.
pub const BASE_RANGE: (i32, i32) = (-100_000, 100_000);
pub const BASE_AMOUNT: u128 = 1_000_000_000_000;
/// Narrow adjacent positions `[k*10, k*10+10)` for `k = 1..=LADDER`: `LADDER + 1` initialized
/// ticks above the price.
pub const LADDER: i32 = 100;
pub const LADDER_AMOUNT: u128 = 1_000_000;
/// Ticks crossed by the crossing swaps.
pub const CROSSINGS: [u32; 3] = [1, 10, 100];
/// Amount of the in-range swap (token1 in, price up, far from the next tick).
pub const SWAP_AMOUNT: u128 = 1_000_000;
/// Offered by a crossing swap; it stops at its price limit and the rest is refunded.
pub const CROSSING_OFFER: u128 = 1_000_000_000_000;
/// Positions in the pool for the scaling group, far below the price.
pub const SCALING_POSITIONS: [u32; 2] = [10, 10_000];
/// Far positions: `[FAR_TOP - 20k - 10, FAR_TOP - 20k)`, two fresh ticks each.
pub const FAR_TOP: i32 = -50_000;
pub const FAR_AMOUNT: u128 = 1_000;
/// Oracle: the AMM's default (1,000 samples, 60 s).
pub const ORACLE: OracleConfig = OracleConfig {
    capacity: 1_000,
    min_sample_spacing: 60,
};
/// The clock moves one sample spacing (and 10 blocks) before each measured call.
pub const OP_ADVANCE_SECS: u64 = 60;
pub const OP_ADVANCE_BLOCKS: u64 = 10;

#[derive(Clone, Debug)]
pub struct ClBenchOptions {
    pub artifact: PathBuf,
    /// Where to write the JSON results (`None`: do not write).
    pub out: Option<PathBuf>,
    /// Largest gas spread allowed for the scaling group, in percent.
    pub max_spread_pct: f64,
    pub capabilities: HashSet<String>,
    pub progress: bool,
}

impl ClBenchOptions {
    pub fn new(artifacts_dir: impl Into<PathBuf>, capabilities: HashSet<String>) -> Self {
        ClBenchOptions {
            artifact: artifacts_dir.into().join("trellis_cl_pool.wasm"),
            out: Some(PathBuf::from("bench/cl.json")),
            max_spread_pct: DEFAULT_MAX_SPREAD_PCT,
            capabilities,
            progress: true,
        }
    }
}

/// One crossing swap.
#[derive(Clone, Debug, Serialize)]
pub struct CrossingRow {
    pub ticks_crossed: u32,
    #[serde(flatten)]
    pub row: Row,
}

/// The marked-ticks swap against the unmarked one.
#[derive(Clone, Debug, Serialize)]
pub struct MarksReport {
    pub marked_ticks: u32,
    pub unmarked: Row,
    pub marked: Row,
    /// Submessages of each swap's response (the hook is one, not executed here).
    pub unmarked_submessages: usize,
    pub marked_submessages: usize,
    /// Bytes of the hook's `FarmingHookMsg` JSON.
    pub hook_msg_bytes: usize,
    pub hook_gas_limit: Option<u64>,
    /// `marked.gas - unmarked.gas`.
    pub extra_gas: i64,
}

#[derive(Clone, Debug, Serialize)]
pub struct ClScalingPoint {
    pub positions: u32,
    #[serde(flatten)]
    pub figures: Figures,
    #[serde(flatten)]
    pub sdk: SdkFigures,
}

#[derive(Clone, Debug, Serialize)]
pub struct ClScalingReport {
    pub op: String,
    pub description: String,
    pub results: Vec<ClScalingPoint>,
    pub gas_min: u64,
    pub gas_max: u64,
    pub gas_spread_pct: f64,
    pub storage_flat: bool,
    pub within_limit: bool,
}

#[derive(Clone, Debug, Serialize)]
pub struct ClSettings {
    pub denoms: [&'static str; 2],
    pub fee_pips: u32,
    pub tick_spacing: i32,
    pub start_tick: i32,
    pub base_range: (i32, i32),
    pub ladder_positions: i32,
    pub swap_amount: String,
    pub oracle_capacity: u32,
    pub oracle_min_sample_spacing: u64,
    pub seconds_between_ops: u64,
}

/// Everything the CL bench found.
#[derive(Clone, Debug, Serialize)]
pub struct ClReport {
    pub artifact: ArtifactInfo,
    pub settings: ClSettings,
    pub position_ops: Vec<Row>,
    pub swap_in_range: Row,
    pub crossing: Vec<CrossingRow>,
    /// `(gas(100) - gas(1)) / 99`.
    pub gas_per_crossed_tick: f64,
    /// `chain::sdk_gas_estimate` per crossed tick, the same difference.
    pub sdk_gas_per_crossed_tick: f64,
    pub marks: MarksReport,
    pub scaling: ClScalingReport,
    pub spread_limit_pct: f64,
    pub flat: bool,
}

impl ClReport {
    /// `Err` when the in-range swap's gas spread between position counts is over the limit.
    pub fn ensure_flat(&self) -> Result<()> {
        if self.flat {
            return Ok(());
        }
        bail!(
            "cl: {} gas spread {:.2}% over the {}% limit between {:?} positions",
            self.scaling.op,
            self.scaling.gas_spread_pct,
            self.spread_limit_pct,
            SCALING_POSITIONS
        )
    }
}

struct Actors {
    owner: String,
    lp: String,
    trader: String,
    center: String,
}

impl Actors {
    fn new() -> Self {
        let api = MockApi::default();
        Actors {
            owner: api.addr_make("owner"),
            lp: api.addr_make("provider"),
            trader: api.addr_make("trader"),
            center: api.addr_make("farming-center"),
        }
    }
}

fn data<T: serde::de::DeserializeOwned>(res: &Response, what: &str) -> Result<T> {
    let d = res
        .data
        .as_ref()
        .ok_or_else(|| anyhow!("{what}: no response data"))?;
    from_json(d).with_context(|| format!("{what}: parsing the response data"))
}

fn funds(amounts: [u128; 2]) -> Vec<Coin> {
    DENOMS
        .iter()
        .zip(amounts)
        .filter(|(_, a)| *a > 0)
        .map(|(d, a)| Coin::new(a, *d))
        .collect()
}

fn add_amounts(desired: [u128; 2]) -> AddAmounts {
    AddAmounts {
        desired: desired.map(Uint128::new),
        min: [Uint128::zero(); 2],
    }
}

pub(crate) fn sqrt_price(tick: i32) -> Result<Uint256> {
    trellis_math::cl::sqrt_price_at_tick(tick).map_err(|e| anyhow!("sqrt price at {tick}: {e}"))
}

/// One CL pool on its own chain, with the bench's actors.
pub(crate) struct Pool<'a> {
    pub(crate) c: Contract<'a>,
    a: Actors,
}

impl<'a> Pool<'a> {
    /// A pool at [`START_TICK`] holding the base position.
    pub(crate) fn new(code: &'a Code, with_center: bool) -> Result<Self> {
        Self::with_base(code, with_center, BASE_RANGE)
    }

    /// A pool at [`START_TICK`] holding [`BASE_AMOUNT`] of each asset over `base`.
    pub(crate) fn with_base(code: &'a Code, with_center: bool, base: (i32, i32)) -> Result<Self> {
        let a = Actors::new();
        let mut c = Contract::at(
            code,
            Addr::unchecked(MockApi::default().addr_make("cl-pool")),
        );
        c.instantiate(
            &a.owner,
            &[],
            &InstantiateMsg {
                assets: DENOMS.map(|d| AssetInfo::Native {
                    denom: d.to_string(),
                }),
                fee_tier: FEE_TIER,
                protocol_fee_share_bps: 0,
                fee_collector: None,
                owner: a.owner.clone(),
                sqrt_price: Some(sqrt_price(START_TICK)?),
                oracle: ORACLE,
                collection_name: None,
                collection_symbol: None,
            },
        )
        .context("instantiating the CL pool")?;
        let mut pool = Pool { c, a };
        pool.mint(base.0, base.1, [BASE_AMOUNT; 2])?;
        if with_center {
            let center = pool.a.center.clone();
            let owner = pool.a.owner.clone();
            pool.c.execute(
                &owner,
                &[],
                &ExecuteMsg::SetFarmingCenter {
                    farming_center: Some(center),
                },
            )?;
        }
        Ok(pool)
    }

    pub(crate) fn tick(&mut self) {
        self.c.advance(OP_ADVANCE_BLOCKS, OP_ADVANCE_SECS);
    }

    pub(crate) fn mint(
        &mut self,
        lower: i32,
        upper: i32,
        desired: [u128; 2],
    ) -> Result<(String, Cost)> {
        let lp = self.a.lp.clone();
        let (res, cost) = self
            .c
            .execute(
                &lp,
                &funds(desired),
                &ExecuteMsg::Mint {
                    lower_tick: lower,
                    upper_tick: upper,
                    amounts: add_amounts(desired),
                    recipient: None,
                    deadline: None,
                },
            )
            .with_context(|| format!("minting [{lower}, {upper})"))?;
        let minted: LiquidityResponse = data(&res, "mint")?;
        ensure!(
            !minted.liquidity.is_zero(),
            "mint [{lower}, {upper}) minted no liquidity"
        );
        Ok((minted.token_id, cost))
    }

    pub(crate) fn lp_exec(&mut self, funds: &[Coin], msg: &ExecuteMsg) -> Result<(Response, Cost)> {
        let lp = self.a.lp.clone();
        self.c.execute(&lp, funds, msg)
    }

    /// Sells `amount` of token1 for token0 (price up), up to `limit_tick` if set.
    pub(crate) fn swap_up(
        &mut self,
        amount: u128,
        limit_tick: Option<i32>,
    ) -> Result<(SwapResponse, Response, Cost)> {
        let trader = self.a.trader.clone();
        let sqrt_price_limit = limit_tick.map(sqrt_price).transpose()?;
        let (res, cost) = self.c.execute(
            &trader,
            &[Coin::new(amount, DENOMS[1])],
            &ExecuteMsg::SwapExactIn {
                sqrt_price_limit,
                min_out: None,
                recipient: None,
                deadline: None,
            },
        )?;
        let swap: SwapResponse = data(&res, "swap")?;
        ensure!(!swap.amount_out.is_zero(), "the swap paid nothing");
        Ok((swap, res, cost))
    }

    /// The ladder `[k*10, k*10+10)`, `k = 1..=LADDER`.
    pub(crate) fn lay_ladder(&mut self) -> Result<()> {
        let s = FEE_TIER.tick_spacing;
        for k in 1..=LADDER {
            self.mint(k * s, (k + 1) * s, [LADDER_AMOUNT; 2])?;
        }
        Ok(())
    }

    /// `n` far positions below the price, two fresh ticks each.
    fn lay_far(&mut self, n: u32) -> Result<()> {
        for k in 0..n as i32 {
            let upper = FAR_TOP - 20 * k;
            self.mint(upper - 10, upper, [FAR_AMOUNT; 2])?;
        }
        Ok(())
    }
}

fn position_ops(code: &Code) -> Result<Vec<Row>> {
    let mut pool = Pool::new(code, false)?;
    let mut rows = Vec::new();
    pool.tick();
    let (token_id, cost) = pool.mint(-20, 30, [SWAP_AMOUNT; 2])?;
    rows.push(Row::new(
        "mint",
        None,
        "mint [-20, 30) around the price: two new ticks, a position, its NFT; unused coin refunded",
        &cost,
    ));
    pool.tick();
    let (_, cost) = pool.lp_exec(
        &funds([SWAP_AMOUNT; 2]),
        &ExecuteMsg::IncreaseLiquidity {
            token_id: token_id.clone(),
            amounts: add_amounts([SWAP_AMOUNT; 2]),
            deadline: None,
        },
    )?;
    rows.push(Row::new(
        "increase",
        None,
        "increase the position at its range, unused coin refunded",
        &cost,
    ));
    // Fees for the position to collect (not measured).
    pool.tick();
    pool.swap_up(SWAP_AMOUNT, None)?;
    let position: PositionResponse = pool.c.query(&QueryMsg::Position {
        token_id: token_id.clone(),
    })?;
    pool.tick();
    let (_, cost) = pool.lp_exec(
        &[],
        &ExecuteMsg::DecreaseLiquidity {
            token_id: token_id.clone(),
            liquidity: position.liquidity,
            amount_min: [Uint128::zero(); 2],
            deadline: None,
        },
    )?;
    rows.push(Row::new(
        "decrease",
        None,
        "decrease the position's whole liquidity (credited to tokens owed, fees included)",
        &cost,
    ));
    pool.tick();
    let (res, cost) = pool.lp_exec(
        &[],
        &ExecuteMsg::Collect {
            token_id: token_id.clone(),
            recipient: None,
            amount_max: None,
        },
    )?;
    ensure!(!res.messages.is_empty(), "collect paid nothing");
    rows.push(Row::new(
        "collect",
        None,
        "collect everything owed (one bank send)",
        &cost,
    ));
    pool.tick();
    let (_, cost) = pool.lp_exec(&[], &ExecuteMsg::Burn { token_id })?;
    rows.push(Row::new(
        "burn",
        None,
        "burn the empty position and its NFT (its two ticks are cleared)",
        &cost,
    ));
    Ok(rows)
}

pub(crate) fn in_range_swap(pool: &mut Pool) -> Result<Cost> {
    pool.tick();
    let (swap, _, cost) = pool.swap_up(SWAP_AMOUNT, None)?;
    ensure!(
        swap.ticks_crossed == 0,
        "the in-range swap crossed {} ticks",
        swap.ticks_crossed
    );
    Ok(cost)
}

/// A pool with the ladder, optionally with a farming center and marks on the first `marks`
/// ladder ticks, swapped across `n` ticks.
fn crossing_swap(code: &Code, n: u32, marks: u32) -> Result<(Response, Cost)> {
    crossing_swap_with_answer(code, n, marks).map(|(_, res, cost)| (res, cost))
}

/// [`crossing_swap`] with the swap's answer.
pub(crate) fn crossing_swap_with_answer(
    code: &Code,
    n: u32,
    marks: u32,
) -> Result<(SwapResponse, Response, Cost)> {
    let mut pool = Pool::new(code, true)?;
    pool.lay_ladder()?;
    let s = FEE_TIER.tick_spacing;
    if marks > 0 {
        let center = pool.a.center.clone();
        pool.c.execute(
            &center,
            &[],
            &ExecuteMsg::SetFarmingMarks {
                ticks: (1..=marks as i32).map(|k| k * s).collect(),
                marked: true,
            },
        )?;
    }
    pool.tick();
    let (swap, res, cost) = pool.swap_up(CROSSING_OFFER, Some(n as i32 * s + s / 2))?;
    ensure!(
        swap.ticks_crossed == n,
        "the swap meant to cross {n} ticks crossed {}",
        swap.ticks_crossed
    );
    Ok((swap, res, cost))
}

fn marks_report(code: &Code) -> Result<MarksReport> {
    let n = 10;
    let (res0, cost0) = crossing_swap(code, n, 0)?;
    let (res1, cost1) = crossing_swap(code, n, n)?;
    let hook = res1
        .messages
        .iter()
        .find_map(|m| match &m.msg {
            CosmosMsg::Wasm(WasmMsg::Execute { msg, .. }) => Some((msg.len(), m.gas_limit)),
            _ => None,
        })
        .ok_or_else(|| anyhow!("the marked swap sent no hook"))?;
    Ok(MarksReport {
        marked_ticks: n,
        unmarked: Row::new(
            "swap_cross_10_unmarked",
            None,
            "cross 10 ticks, farming center set, no marks",
            &cost0,
        ),
        marked: Row::new(
            "swap_cross_10_marked",
            None,
            "cross 10 marked ticks: one FarmingHookMsg submessage (not executed)",
            &cost1,
        ),
        unmarked_submessages: res0.messages.len(),
        marked_submessages: res1.messages.len(),
        hook_msg_bytes: hook.0,
        hook_gas_limit: hook.1,
        extra_gas: cost1.gas as i64 - cost0.gas as i64,
    })
}

fn scaling(code: &Code, limit_pct: f64, progress: bool) -> Result<ClScalingReport> {
    let mut results = Vec::new();
    for n in SCALING_POSITIONS {
        if progress {
            eprintln!("cl: in-range swap with {n} far positions");
        }
        let mut pool = Pool::new(code, false)?;
        pool.lay_far(n)?;
        let cost = in_range_swap(&mut pool)?;
        let figures = Figures::of(&cost);
        results.push(ClScalingPoint {
            positions: n,
            figures,
            sdk: SdkFigures::of(&figures, 1),
        });
    }
    let gas_min = results.iter().map(|p| p.figures.gas).min().unwrap_or(0);
    let gas_max = results.iter().map(|p| p.figures.gas).max().unwrap_or(0);
    let gas_spread_pct = spread_pct(gas_min, gas_max);
    let counts = |f: &Figures| (f.reads, f.scans, f.writes);
    let storage_flat = results
        .windows(2)
        .all(|w| counts(&w[0].figures) == counts(&w[1].figures));
    Ok(ClScalingReport {
        op: "swap_in_range".into(),
        description: "in-range swap with far positions (not crossed) in the pool".into(),
        results,
        gas_min,
        gas_max,
        gas_spread_pct,
        storage_flat,
        within_limit: gas_spread_pct <= limit_pct,
    })
}

pub(crate) fn upload(path: &Path, capabilities: &HashSet<String>) -> Result<(ArtifactInfo, Code)> {
    let (info, wasm) = artifact_info(path)
        .with_context(|| format!("{} is missing: run scripts/build-wasm.sh", path.display()))?;
    let code = Code::upload(&wasm, capabilities)
        .with_context(|| format!("uploading {}", path.display()))?;
    Ok((info, code))
}

/// Runs the CL bench; writes the JSON if `opts.out` is set. The spread is checked by
/// [`ClReport::ensure_flat`].
pub fn run_cl_bench(opts: &ClBenchOptions) -> Result<ClReport> {
    ensure!(
        opts.max_spread_pct.is_finite() && opts.max_spread_pct >= 0.0,
        "max spread must be a non-negative number"
    );
    let (artifact, code) = upload(&opts.artifact, &opts.capabilities)?;
    if opts.progress {
        eprintln!("cl: position operations");
    }
    let position_ops = position_ops(&code)?;
    let mut pool = Pool::new(&code, false)?;
    pool.lay_ladder()?;
    let swap_in_range = Row::new(
        "swap_in_range",
        None,
        format!(
            "sell {SWAP_AMOUNT} {} inside one range, no tick crossed",
            DENOMS[1]
        ),
        &in_range_swap(&mut pool)?,
    );
    let mut crossing = Vec::new();
    for n in CROSSINGS {
        if opts.progress {
            eprintln!("cl: swap crossing {n} ticks");
        }
        let (_, cost) = crossing_swap(&code, n, 0)?;
        crossing.push(CrossingRow {
            ticks_crossed: n,
            row: Row::new(
                format!("swap_cross_{n}"),
                None,
                format!("cross {n} initialized ticks (price limit mid-range), rest refunded"),
                &cost,
            ),
        });
    }
    let first = &crossing[0];
    let last = &crossing[crossing.len() - 1];
    let dn = f64::from(last.ticks_crossed - first.ticks_crossed);
    let gas_per_crossed_tick = (last.row.figures.gas as f64 - first.row.figures.gas as f64) / dn;
    let sdk_gas_per_crossed_tick =
        (last.row.sdk.sdk_gas_estimate as f64 - first.row.sdk.sdk_gas_estimate as f64) / dn;
    if opts.progress {
        eprintln!("cl: marked vs unmarked crossing");
    }
    let marks = marks_report(&code)?;
    let scaling = scaling(&code, opts.max_spread_pct, opts.progress)?;
    let report = ClReport {
        artifact,
        settings: ClSettings {
            denoms: DENOMS,
            fee_pips: FEE_TIER.fee_pips,
            tick_spacing: FEE_TIER.tick_spacing,
            start_tick: START_TICK,
            base_range: BASE_RANGE,
            ladder_positions: LADDER,
            swap_amount: SWAP_AMOUNT.to_string(),
            oracle_capacity: ORACLE.capacity,
            oracle_min_sample_spacing: ORACLE.min_sample_spacing,
            seconds_between_ops: OP_ADVANCE_SECS,
        },
        position_ops,
        swap_in_range,
        crossing,
        gas_per_crossed_tick,
        sdk_gas_per_crossed_tick,
        flat: scaling.within_limit,
        marks,
        scaling,
        spread_limit_pct: opts.max_spread_pct,
    };
    if let Some(out) = &opts.out {
        write_json(out, &report)?;
    }
    Ok(report)
}

const LABEL_WIDTH: usize = 30;

fn print_header(first: &str) {
    println!(
        "{:<LABEL_WIDTH$} {:>14} {:>9} {:>6} {:>5} {:>7} {:>7} {:>9} {:>9} {:>6}",
        first, "gas", "gas_ext", "reads", "iter", "writes", "bytes", "sdk_est", "floor", "ratio"
    );
}

fn print_figures(label: &str, f: &Figures, s: &SdkFigures) {
    println!(
        "{:<LABEL_WIDTH$} {:>14} {:>9} {:>6} {:>5} {:>7} {:>7} {:>9} {:>9} {:>6.2}",
        label,
        group_digits(f.gas),
        group_digits(f.gas_external),
        f.reads,
        f.iter_steps,
        f.writes,
        f.bytes_written,
        group_digits(s.sdk_gas_estimate),
        group_digits(s.distinct_access_floor),
        s.floor_ratio
    );
}

fn print_row(row: &Row) {
    print_figures(&row.op, &row.figures, &row.sdk);
}

pub fn print_cl_report(r: &ClReport) {
    print_header("cl pool (native assets)");
    for row in &r.position_ops {
        print_row(row);
    }
    print_row(&r.swap_in_range);
    for c in &r.crossing {
        print_row(&c.row);
    }
    println!(
        "  per crossed tick: {} gas, {} SDK gas (estimate)",
        group_digits(r.gas_per_crossed_tick.round() as u64),
        group_digits(r.sdk_gas_per_crossed_tick.round() as u64)
    );
    println!();
    print_header("farming marks");
    print_row(&r.marks.unmarked);
    print_row(&r.marks.marked);
    println!(
        "  submessages {} -> {}; hook msg {} bytes, gas limit {:?}; extra gas {}",
        r.marks.unmarked_submessages,
        r.marks.marked_submessages,
        r.marks.hook_msg_bytes,
        r.marks.hook_gas_limit,
        r.marks.extra_gas
    );
    println!();
    print_header("positions in the pool");
    for p in &r.scaling.results {
        print_figures(
            &format!("{} [{} positions]", r.scaling.op, p.positions),
            &p.figures,
            &p.sdk,
        );
    }
    println!(
        "gas spread {:.3}% (limit {}%): {}{}",
        r.scaling.gas_spread_pct,
        r.spread_limit_pct,
        if r.scaling.within_limit {
            "ok"
        } else {
            "OVER LIMIT"
        },
        if r.scaling.storage_flat {
            ""
        } else {
            "  (storage read/write counts differ)"
        }
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout_is_consistent() {
        // The price sits inside the base range, below the ladder and above the far positions.
        const {
            assert!(BASE_RANGE.0 < START_TICK && START_TICK < FEE_TIER.tick_spacing);
            assert!(FAR_TOP < START_TICK);
        }
        // The largest crossing stays on the ladder.
        assert!(CROSSINGS.iter().all(|&n| n as i32 <= LADDER));
        assert!(SCALING_POSITIONS
            .iter()
            .all(|&n| FAR_TOP - 20 * n as i32 > trellis_math::cl::MIN_TICK));
        assert_eq!(funds([0, 5]), vec![Coin::new(5u128, DENOMS[1])]);
    }
}
