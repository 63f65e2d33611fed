//! `trellis-bench cl-tick-index`: the CL pool built twice, once finding the next initialized
//! tick with the ordered range over the tick records (the default) and once with v3's tick
//! bitmap (feature `tick-bitmap`), run through the same scenarios with the CL bench's
//! fixtures (`cl.rs`): see `docs/bench.md`, "What the CL bench measures", and `docs/cl.md`,
//! "Finding the next initialized tick".
//!
//! - swaps crossing 1, 10 and 100 adjacent initialized ticks (the CL bench's ladder);
//! - swaps crossing 1 and 10 initialized ticks [`FAR_WORDS`] bitmap words apart
//!   (`256 * spacing * FAR_WORDS` ticks), and swaps over 5 and 10 such gaps with nothing
//!   initialized, on a pool whose base position spans the whole range;
//! - a swap inside one range;
//! - mints that initialize two ticks (in two words, then in one), a mint at existing ticks,
//!   decreases that clear two ticks (one word kept, then two words emptied), one that clears
//!   none, and a burn.
//!
//! Each row has both builds' figures and SDK gas (`chain::call_sdk_gas`); the report adds
//! the marginal cost of an adjacent and of a far crossed tick, and of an empty word.
use std::collections::HashSet;
use std::path::PathBuf;

use anyhow::{anyhow, ensure, Context, Result};
use cosmwasm_std::Uint128;
use serde::Serialize;
use trellis_types::cl_pool::{ExecuteMsg, PositionResponse, QueryMsg, SwapResponse};

use crate::amm::report::Figures;
use crate::chain::call_sdk_gas;
use crate::check::{group_digits, ArtifactInfo};
use crate::cl::{
    crossing_swap_with_answer, in_range_swap, sqrt_price, upload, Pool, CROSSINGS, FEE_TIER,
    LADDER_AMOUNT, START_TICK, SWAP_AMOUNT,
};
use crate::farm::write_json;
use crate::vm::{Code, Cost};

/// The widest range on spacing 10 (`MIN_TICK`, `MAX_TICK` = -+887,272, rounded inward).
pub const FULL_RANGE: (i32, i32) = (-887_270, 887_270);
/// Bitmap words between two far initialized ticks.
pub const FAR_WORDS: i32 = 16;
/// Ticks between two far initialized ticks: `256 * 10 * 16 = 40,960` (a price factor of
/// about 60).
pub const FAR_GAP: i32 = 256 * FEE_TIER.tick_spacing * FAR_WORDS;
/// Far positions `[j * FAR_GAP, (j + 1) * FAR_GAP)` for `j = 1..=FAR_POSITIONS`.
pub const FAR_POSITIONS: i32 = 10;
/// Ticks crossed by the far crossing swaps.
pub const FAR_CROSSINGS: [u32; 2] = [1, 10];
/// Gaps of `FAR_GAP` ticks crossed by the empty-stretch swaps (80 and 160 bitmap words).
pub const EMPTY_GAPS: [u32; 2] = [5, 10];
/// Offered by the far and empty-stretch swaps: moving the price 409,600 ticks through the
/// full-range base position takes about 10^12 * 1.0001^204,800 = 7.8 * 10^20 of token1.
pub const FAR_OFFER: u128 = 1_000_000_000_000_000_000_000_000;

/// The storage key of bitmap word 0 (`b` + the i16 0, sign bit flipped): only a bitmap
/// build writes it.
const WORD_ZERO_KEY: [u8; 5] = [0, 1, b'b', 0x80, 0x00];

#[derive(Clone, Debug)]
pub struct TickIndexOptions {
    /// The default build (ordered range).
    pub ordered: PathBuf,
    /// The `tick-bitmap` build.
    pub bitmap: PathBuf,
    /// Where to write the JSON results (`None`: do not write).
    pub out: Option<PathBuf>,
    pub capabilities: HashSet<String>,
    pub progress: bool,
}

/// One build's figures for one call.
#[derive(Clone, Debug, Serialize)]
pub struct Variant {
    /// `chain::call_sdk_gas`: 60,000 instance, reads 1,000 + 3/byte, writes 2,000 +
    /// 30/byte, deletes 1,000, iterator steps 30 (+ 3/byte), VM gas / 140,000,000.
    pub sdk_gas: u64,
    #[serde(flatten)]
    pub figures: Figures,
    /// A swap's amounts, from its response.
    pub amount_in: Option<Uint128>,
    pub amount_out: Option<Uint128>,
}

impl Variant {
    fn of(cost: &Cost, swap: Option<&SwapResponse>) -> Self {
        Variant {
            sdk_gas: call_sdk_gas(cost.gas, &cost.storage),
            figures: Figures::of(cost),
            amount_in: swap.map(|s| s.amount_in),
            amount_out: swap.map(|s| s.amount_out),
        }
    }
}

/// One scenario on both builds.
#[derive(Clone, Debug, Serialize)]
pub struct IndexRow {
    pub op: String,
    /// `adjacent`, `far`, `empty`, `in_range` or `positions`.
    pub group: &'static str,
    pub description: String,
    pub ticks_crossed: Option<u32>,
    pub ordered: Variant,
    pub bitmap: Variant,
    /// `bitmap.sdk_gas - ordered.sdk_gas`.
    pub sdk_gas_delta: i64,
    pub vm_gas_delta: i64,
}

/// What one more unit of something costs, from two rows.
#[derive(Clone, Debug, Serialize)]
pub struct Marginal {
    pub what: String,
    /// `(row(to) - row(from)) / units`, and the rows used.
    pub from_op: String,
    pub to_op: String,
    pub units: u32,
    pub ordered_sdk_gas: f64,
    pub bitmap_sdk_gas: f64,
    pub ordered_vm_gas: f64,
    pub bitmap_vm_gas: f64,
}

#[derive(Clone, Debug, Serialize)]
pub struct TickIndexSettings {
    pub fee_pips: u32,
    pub tick_spacing: i32,
    pub start_tick: i32,
    pub full_range: (i32, i32),
    pub far_gap_ticks: i32,
    pub far_gap_words: i32,
    pub far_positions: i32,
    pub far_offer: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct TickIndexReport {
    pub ordered_artifact: ArtifactInfo,
    pub bitmap_artifact: ArtifactInfo,
    pub settings: TickIndexSettings,
    pub rows: Vec<IndexRow>,
    pub marginal: Vec<Marginal>,
}

/// One scenario's call on one build: its cost and, for a swap, its answer.
struct Measured {
    cost: Cost,
    swap: Option<SwapResponse>,
}

fn swap(swap: SwapResponse, cost: Cost) -> Measured {
    Measured {
        cost,
        swap: Some(swap),
    }
}

fn call(cost: Cost) -> Measured {
    Measured { cost, swap: None }
}

/// A pool at [`START_TICK`] with the full-range base position and, if `far`, the far
/// positions.
fn far_pool(code: &Code, far: bool) -> Result<Pool<'_>> {
    let mut pool = Pool::with_base(code, false, FULL_RANGE)?;
    if far {
        for j in 1..=FAR_POSITIONS {
            pool.mint(j * FAR_GAP, (j + 1) * FAR_GAP, [LADDER_AMOUNT; 2])?;
        }
    }
    pool.tick();
    Ok(pool)
}

/// Swaps [`FAR_OFFER`] up to `limit_tick` and checks it got there (no bound stopped it)
/// crossing `n` ticks; the rest of the offer is refunded.
fn swap_to(pool: &mut Pool, limit_tick: i32, n: u32) -> Result<Measured> {
    let (answer, _, cost) = pool.swap_up(FAR_OFFER, Some(limit_tick))?;
    ensure!(
        answer.ticks_crossed == n && answer.sqrt_price_after == sqrt_price(limit_tick)?,
        "the swap to tick {limit_tick} meant to cross {n} ticks crossed {} and stopped at {}",
        answer.ticks_crossed,
        answer.tick_after
    );
    Ok(swap(answer, cost))
}

/// Up across the first `n` far ticks, stopping 5 ticks past the last.
fn far_crossing(code: &Code, n: u32) -> Result<Measured> {
    let mut pool = far_pool(code, true)?;
    swap_to(&mut pool, n as i32 * FAR_GAP + 5, n)
}

/// Up over `gaps * FAR_GAP` ticks with nothing initialized.
fn empty_stretch(code: &Code, gaps: u32) -> Result<Measured> {
    let mut pool = far_pool(code, false)?;
    swap_to(&mut pool, gaps as i32 * FAR_GAP + 5, 0)
}

fn decrease_all(pool: &mut Pool, token_id: &str) -> Result<Cost> {
    let position: PositionResponse = pool.c.query(&QueryMsg::Position {
        token_id: token_id.to_string(),
    })?;
    pool.tick();
    let (_, cost) = pool.lp_exec(
        &[],
        &ExecuteMsg::DecreaseLiquidity {
            token_id: token_id.to_string(),
            liquidity: position.liquidity,
            amount_min: [Uint128::zero(); 2],
            deadline: None,
        },
    )?;
    Ok(cost)
}

/// The position rows, in order, on one pool with the base position (ticks -+100,000, words
/// 39 and -40). Tick -20 is word -1's bit 254; 30, 40 and 60 are word 0's bits 3, 4 and 6.
/// Returns whether the build wrote bitmap word 0.
fn position_ops(code: &Code) -> Result<(Vec<Measured>, bool)> {
    let mut pool = Pool::new(code, false)?;
    let amounts = [SWAP_AMOUNT; 2];
    let mut out = Vec::new();
    pool.tick();
    let (a, cost) = pool.mint(-20, 30, amounts)?;
    out.push(call(cost));
    let wrote_word = pool.c.peek(&WORD_ZERO_KEY).is_some();
    pool.tick();
    let (b, cost) = pool.mint(-20, 30, amounts)?;
    out.push(call(cost));
    pool.tick();
    let (c, cost) = pool.mint(40, 60, amounts)?;
    out.push(call(cost));
    out.push(call(decrease_all(&mut pool, &c)?));
    out.push(call(decrease_all(&mut pool, &a)?));
    out.push(call(decrease_all(&mut pool, &b)?));
    // What the decrease credited is paid out first (not measured).
    pool.tick();
    pool.lp_exec(
        &[],
        &ExecuteMsg::Collect {
            token_id: b.clone(),
            recipient: None,
            amount_max: None,
        },
    )?;
    pool.tick();
    let (_, cost) = pool.lp_exec(&[], &ExecuteMsg::Burn { token_id: b })?;
    out.push(call(cost));
    // The last decrease emptied both words.
    ensure!(
        pool.c.peek(&WORD_ZERO_KEY).is_none(),
        "bitmap word 0 left after its last tick was cleared"
    );
    Ok((out, wrote_word))
}

/// `(op, description)` of [`position_ops`]' calls, in order.
const POSITION_ROWS: [(&str, &str); 7] = [
    (
        "mint_new_ticks_two_words",
        "mint [-20, 30): two new ticks, in bitmap words -1 and 0 (both new)",
    ),
    (
        "mint_existing_ticks",
        "mint [-20, 30) again: both ticks exist, no flip",
    ),
    (
        "mint_new_ticks_one_word",
        "mint [40, 60) (above the price): two new ticks, both in word 0",
    ),
    (
        "decrease_clears_one_word",
        "decrease [40, 60) whole: ticks 40 and 60 cleared, word 0 keeps 30",
    ),
    (
        "decrease_keeps_ticks",
        "decrease the first [-20, 30) whole: the second keeps both ticks",
    ),
    (
        "decrease_clears_two_words",
        "decrease the second [-20, 30) whole: -20 and 30 cleared, words -1 and 0 removed",
    ),
    (
        "burn",
        "burn the emptied, collected position and its NFT (no tick work)",
    ),
];

/// Every scenario on one build, in the report's row order.
fn scenarios(code: &Code, label: &str, progress: bool) -> Result<(Vec<Measured>, bool)> {
    let say = |what: &str| {
        if progress {
            eprintln!("cl-tick-index [{label}]: {what}");
        }
    };
    let mut out = Vec::new();
    say("adjacent crossings");
    for n in CROSSINGS {
        let (answer, _, cost) = crossing_swap_with_answer(code, n, 0)?;
        out.push(swap(answer, cost));
    }
    say("far crossings");
    for n in FAR_CROSSINGS {
        out.push(far_crossing(code, n)?);
    }
    say("empty stretches");
    for gaps in EMPTY_GAPS {
        out.push(empty_stretch(code, gaps)?);
    }
    say("in-range swap");
    let mut pool = Pool::new(code, false)?;
    pool.lay_ladder()?;
    out.push(call(in_range_swap(&mut pool)?));
    say("position operations");
    let (ops, wrote_word) = position_ops(code)?;
    out.extend(ops);
    Ok((out, wrote_word))
}

/// `(op, group, description, ticks crossed)` of [`scenarios`]' rows, in order.
fn row_specs() -> Vec<(String, &'static str, String, Option<u32>)> {
    let mut specs = Vec::new();
    for n in CROSSINGS {
        specs.push((
            format!("swap_cross_{n}_adjacent"),
            "adjacent",
            format!("cross {n} initialized ticks 10 apart (the CL bench's ladder)"),
            Some(n),
        ));
    }
    for n in FAR_CROSSINGS {
        specs.push((
            format!("swap_cross_{n}_far"),
            "far",
            format!(
                "cross {n} initialized ticks {FAR_GAP} apart ({FAR_WORDS} bitmap words), \
                 full-range base"
            ),
            Some(n),
        ));
    }
    for gaps in EMPTY_GAPS {
        let ticks = gaps as i32 * FAR_GAP;
        specs.push((
            format!("swap_empty_{ticks}"),
            "empty",
            format!(
                "move the price {ticks} ticks ({} bitmap words) with nothing initialized, \
                 full-range base",
                gaps as i32 * FAR_WORDS
            ),
            Some(0),
        ));
    }
    specs.push((
        "swap_in_range".to_string(),
        "in_range",
        "the CL bench's in-range swap (ladder pool, no crossing)".to_string(),
        Some(0),
    ));
    for (op, description) in POSITION_ROWS {
        specs.push((op.to_string(), "positions", description.to_string(), None));
    }
    specs
}

fn marginal(rows: &[IndexRow], what: &str, from: &str, to: &str, units: u32) -> Result<Marginal> {
    let find = |op: &str| {
        rows.iter()
            .find(|r| r.op == op)
            .ok_or_else(|| anyhow!("no row {op}"))
    };
    let (a, b) = (find(from)?, find(to)?);
    let per = |x: u64, y: u64| (y as f64 - x as f64) / f64::from(units);
    Ok(Marginal {
        what: what.to_string(),
        from_op: from.to_string(),
        to_op: to.to_string(),
        units,
        ordered_sdk_gas: per(a.ordered.sdk_gas, b.ordered.sdk_gas),
        bitmap_sdk_gas: per(a.bitmap.sdk_gas, b.bitmap.sdk_gas),
        ordered_vm_gas: per(a.ordered.figures.gas, b.ordered.figures.gas),
        bitmap_vm_gas: per(a.bitmap.figures.gas, b.bitmap.figures.gas),
    })
}

/// Runs both builds through every scenario; writes the JSON if `opts.out` is set.
pub fn run_tick_index_bench(opts: &TickIndexOptions) -> Result<TickIndexReport> {
    let (ordered_artifact, ordered_code) = upload(&opts.ordered, &opts.capabilities)?;
    let (bitmap_artifact, bitmap_code) = upload(&opts.bitmap, &opts.capabilities)?;
    let (ordered, ordered_words) =
        scenarios(&ordered_code, "ordered", opts.progress).context("the ordered-range build")?;
    let (bitmap, bitmap_words) =
        scenarios(&bitmap_code, "bitmap", opts.progress).context("the bitmap build")?;
    ensure!(
        !ordered_words,
        "{} wrote bitmap words: it is not the default build",
        opts.ordered.display()
    );
    ensure!(
        bitmap_words,
        "{} wrote no bitmap word: build it with --features tick-bitmap",
        opts.bitmap.display()
    );
    let specs = row_specs();
    ensure!(specs.len() == ordered.len() && specs.len() == bitmap.len());
    let rows: Vec<IndexRow> = specs
        .into_iter()
        .zip(ordered.iter().zip(&bitmap))
        .map(|((op, group, description, ticks_crossed), (o, b))| {
            let (o, b) = (
                Variant::of(&o.cost, o.swap.as_ref()),
                Variant::of(&b.cost, b.swap.as_ref()),
            );
            IndexRow {
                op,
                group,
                description,
                ticks_crossed,
                sdk_gas_delta: b.sdk_gas as i64 - o.sdk_gas as i64,
                vm_gas_delta: b.figures.gas as i64 - o.figures.gas as i64,
                ordered: o,
                bitmap: b,
            }
        })
        .collect();
    let (first, last) = (CROSSINGS[0], CROSSINGS[CROSSINGS.len() - 1]);
    let (far_first, far_last) = (FAR_CROSSINGS[0], FAR_CROSSINGS[1]);
    let (gaps_first, gaps_last) = (EMPTY_GAPS[0], EMPTY_GAPS[1]);
    let empty_op = |gaps: u32| format!("swap_empty_{}", gaps as i32 * FAR_GAP);
    let marginal = vec![
        marginal(
            &rows,
            "adjacent crossed tick",
            &format!("swap_cross_{first}_adjacent"),
            &format!("swap_cross_{last}_adjacent"),
            last - first,
        )?,
        marginal(
            &rows,
            &format!("far crossed tick ({FAR_WORDS} words from the last)"),
            &format!("swap_cross_{far_first}_far"),
            &format!("swap_cross_{far_last}_far"),
            far_last - far_first,
        )?,
        marginal(
            &rows,
            "empty bitmap word (2,560 ticks) a swap moves over",
            &empty_op(gaps_first),
            &empty_op(gaps_last),
            (gaps_last - gaps_first) * FAR_WORDS as u32,
        )?,
    ];
    let report = TickIndexReport {
        ordered_artifact,
        bitmap_artifact,
        settings: TickIndexSettings {
            fee_pips: FEE_TIER.fee_pips,
            tick_spacing: FEE_TIER.tick_spacing,
            start_tick: START_TICK,
            full_range: FULL_RANGE,
            far_gap_ticks: FAR_GAP,
            far_gap_words: FAR_WORDS,
            far_positions: FAR_POSITIONS,
            far_offer: FAR_OFFER.to_string(),
        },
        rows,
        marginal,
    };
    if let Some(out) = &opts.out {
        write_json(out, &report)?;
    }
    Ok(report)
}

pub fn print_tick_index_report(r: &TickIndexReport) {
    println!(
        "{:<27} {:>9} {:>9} {:>8}  {:>11} {:>11}  {:>14} {:>14}",
        "cl tick index",
        "sdk ord",
        "sdk bmp",
        "delta",
        "ord r/i/w",
        "bmp r/i/w",
        "vm ord",
        "vm bmp"
    );
    let counts = |v: &Variant| {
        format!(
            "{}/{}/{}",
            v.figures.reads, v.figures.iter_steps, v.figures.writes
        )
    };
    for row in &r.rows {
        let same = match (row.ordered.amount_out, row.bitmap.amount_out) {
            (Some(o), Some(b)) if o != b => format!("  (out {o} vs {b})"),
            _ => String::new(),
        };
        println!(
            "{:<27} {:>9} {:>9} {:>+8}  {:>11} {:>11}  {:>14} {:>14}{same}",
            row.op,
            group_digits(row.ordered.sdk_gas),
            group_digits(row.bitmap.sdk_gas),
            row.sdk_gas_delta,
            counts(&row.ordered),
            counts(&row.bitmap),
            group_digits(row.ordered.figures.gas),
            group_digits(row.bitmap.figures.gas),
        );
    }
    for m in &r.marginal {
        println!(
            "  per {}: ordered {:.0} SDK gas ({:.0} VM), bitmap {:.0} SDK gas ({:.0} VM)",
            m.what, m.ordered_sdk_gas, m.ordered_vm_gas, m.bitmap_sdk_gas, m.bitmap_vm_gas
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout_is_consistent() {
        // The far positions and the longest stretch stay inside the full range, each far
        // tick is bit 0 of its word (compressed j * 4096 = 256 * 16 j), and the longest
        // stretch stays under the bitmap's bound on empty words (256).
        const {
            assert!((FAR_POSITIONS + 1) * FAR_GAP < FULL_RANGE.1);
            assert!(FULL_RANGE.1 % FEE_TIER.tick_spacing == 0);
            assert!(FAR_GAP / FEE_TIER.tick_spacing % 256 == 0);
        }
        assert!(FAR_CROSSINGS.iter().all(|&n| n as i32 <= FAR_POSITIONS));
        assert!(EMPTY_GAPS.iter().all(|&g| g as i32 * FAR_WORDS < 256));
        assert_eq!(row_specs().len(), 3 + 2 + 2 + 1 + POSITION_ROWS.len());
    }
}
