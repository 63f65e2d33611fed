//! The oracle rows. A 50/50 pool's ring buffer is filled past its capacity (it wraps), then
//! the same three swaps run on it and on a twin holding one sample (its first join's), with
//! the same balances and the same time since the newest sample:
//!
//! - the first swap of a block a spacing after the newest slot opened: opens a new slot;
//! - a second swap in that block: writes no sample;
//! - the first swap of the next block (6 s later): moves the newest slot forward.
//!
//! Each pair is a scaling group: the cost must not grow with the buffer. The twin is joined
//! with the full pool's balances as they stand after the fill, so the trades compute the
//! same amounts (checked); only the buffer and the widths of a few stored numbers (the
//! cumulative, the fees owed, the LP supply) differ. The TWAP queries run on the full
//! buffer.
use anyhow::{ensure, Result};
use cosmwasm_std::BlockInfo;
use cosmwasm_vm::testing::MockApi;
use trellis_types::weighted_pool::{OracleConfig, SwapResponse};

use crate::amm::params::{
    fill_swaps, ACTION_AMOUNT, BLOCK_SECONDS, OP_ADVANCE_BLOCKS, ORACLE_FRESH, ORACLE_FULL,
    ORACLE_SPACING_SECS, PROGRESS_EVERY, TWAP_AGO_SECS, TWAP_WINDOW_SECS,
};
use crate::amm::pool::{Actors, Pool, PoolSpec};
use crate::amm::report::{Figures, Row, ScalingPoint, ScalingReport};
use crate::vm::{Code, Cost};

pub struct OracleResults {
    pub rows: Vec<Row>,
    pub scaling: Vec<ScalingReport>,
    pub twap: Vec<Row>,
}

/// The three measured swaps, in order.
const SWAPS: [(&str, &str); 3] = [
    (
        "swap_new_slot",
        "first swap of a block, a spacing after the newest slot opened: writes a new sample",
    ),
    (
        "swap_same_block",
        "second swap in the same block: the block's opening price is recorded, no write",
    ),
    (
        "swap_moved_slot",
        "first swap of the next block (6 s, under the spacing): moves the newest sample",
    ),
];

/// One pool's three swaps, with the buffer's sample counts before each.
struct SwapRun {
    points: Vec<(u32, u64, Cost)>,
    swaps: Vec<SwapResponse>,
}

fn run_swaps(pool: &mut Pool, trader: &str, capacity: u32, written: u64) -> Result<SwapRun> {
    let kept = |written: u64| u32::try_from(written).unwrap_or(u32::MAX).min(capacity);
    let mut run = SwapRun {
        points: Vec::new(),
        swaps: Vec::new(),
    };
    // Samples written before each swap: the first opens a slot, the others write none.
    let before = [written, written + 1, written + 1];
    for (i, written_before) in before.into_iter().enumerate() {
        match i {
            0 => pool
                .contract
                .advance(OP_ADVANCE_BLOCKS, ORACLE_SPACING_SECS),
            2 => pool.contract.advance(1, BLOCK_SECONDS),
            _ => {}
        }
        let (swap, cost) = pool.swap_exact_in(trader, 0, ACTION_AMOUNT)?;
        run.points
            .push((kept(written_before), written_before, cost));
        run.swaps.push(swap);
    }
    Ok(run)
}

/// Fills a buffer past its capacity, then measures the swaps and TWAP queries.
pub fn measure_oracle(
    code: &Code,
    capacity: u32,
    block: &BlockInfo,
    limit_pct: f64,
    progress: bool,
) -> Result<OracleResults> {
    let api = MockApi::default();
    let actors = Actors::new(&api);
    let trader = actors.trader.as_str();
    let oracle = OracleConfig {
        capacity,
        min_sample_spacing: ORACLE_SPACING_SECS,
    };
    let (mut full, _) = Pool::deploy(code, ORACLE_FULL, oracle, block, &actors, &api)?;
    let first_sample = full.contract.now().seconds();

    // Each fill swap is a spacing after the previous one, so each opens a slot. Alternate
    // directions keep the price near 1.
    let fills = fill_swaps(capacity);
    for i in 0..fills {
        full.contract
            .advance(OP_ADVANCE_BLOCKS, ORACLE_SPACING_SECS);
        full.swap_plain(trader, usize::from(i % 2 == 1), ACTION_AMOUNT)?;
        if progress && (i + 1) % PROGRESS_EVERY == 0 {
            eprintln!("  oracle buffer: {} of {fills} fill swaps", i + 1);
        }
    }
    let written = fills + 1;
    // Wrapped: the oldest sample kept is the one written `written - capacity` spacings after
    // the first join's.
    let dropped = written - u64::from(capacity);
    let oldest = full.oldest_sample_time()?;
    ensure!(
        oldest == first_sample + dropped * ORACLE_SPACING_SECS,
        "oldest sample at {oldest}, expected {} after {written} samples in a ring of {capacity}",
        first_sample + dropped * ORACLE_SPACING_SECS
    );

    let now = full.contract.now().seconds();
    let mut twap = Vec::new();
    for (op, ago, description) in [
        (
            "twap_30m",
            0,
            "TWAP query, 30-minute window ending now: one binary search, the end extrapolated",
        ),
        (
            "twap_30m_6h_ago",
            TWAP_AGO_SECS,
            "TWAP query, 30-minute window ending 6 h ago: two binary searches",
        ),
    ] {
        let (answer, cost) = full.twap(TWAP_WINDOW_SECS, ago)?;
        ensure!(
            answer.end == now - ago && answer.start == now - ago - TWAP_WINDOW_SECS,
            "twap answered [{}, {}]",
            answer.start,
            answer.end
        );
        twap.push(Row::new(op, Some(ORACLE_FULL.label), description, &cost));
    }

    let fresh_spec = PoolSpec {
        balances: full.balances()?,
        ..ORACLE_FRESH
    };
    let (mut fresh, _) = Pool::deploy(
        code,
        fresh_spec,
        oracle,
        full.contract.block(),
        &actors,
        &api,
    )?;
    let fresh_run = run_swaps(&mut fresh, trader, capacity, 1)?;
    let full_run = run_swaps(&mut full, trader, capacity, written)?;
    ensure!(
        fresh_run.swaps == full_run.swaps,
        "the twin pools' swaps differ: {:?} vs {:?}",
        fresh_run.swaps,
        full_run.swaps
    );

    let mut rows = Vec::new();
    let mut scaling = Vec::new();
    for (i, (op, description)) in SWAPS.iter().enumerate() {
        let points: Vec<ScalingPoint> = [&fresh_run, &full_run]
            .iter()
            .map(|run| {
                let (samples_kept, samples_written, cost) = &run.points[i];
                ScalingPoint {
                    samples_kept: *samples_kept,
                    samples_written: *samples_written,
                    figures: Figures::of(cost),
                }
            })
            .collect();
        rows.push(Row::new(
            *op,
            Some(ORACLE_FULL.label),
            *description,
            &full_run.points[i].2,
        ));
        scaling.push(ScalingReport::new(*op, *description, points, limit_pct));
    }
    Ok(OracleResults {
        rows,
        scaling,
        twap,
    })
}
