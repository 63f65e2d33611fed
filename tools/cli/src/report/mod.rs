//! Writes a [`SimReport`] into an output folder: `report.json`, `timeseries.csv`,
//! `users.csv`, `events.csv`, `pools.csv`, `amm_events.csv`, `ve.csv`, `working.csv`,
//! `options.csv`, `exercises.csv`, `cl_pools.csv`, `cl_positions.csv`, `cl_events.csv`,
//! `cl_farms.csv`, `cl_farm_entries.csv`, `cl_farm_events.csv`, `farm_pools.csv` and
//! `report.html`.
pub mod chart;
pub mod cl_band_chart;
pub mod cl_charts;
pub mod cl_csv;
pub mod cl_farm_charts;
pub mod cl_farm_csv;
pub mod cl_farm_tables;
pub mod cl_tables;
pub mod csv;
pub mod event_markers;
pub mod html;
pub mod html_amm;
pub mod json;
pub mod options_charts;
pub mod options_csv;
pub mod options_tables;
pub mod svg;
pub mod value_charts;
pub mod value_csv;
pub mod value_tables;
pub mod ve_charts;
pub mod ve_csv;
pub mod ve_tables;

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::model::SimReport;

/// Columns of the per-user table, shared by the terminal summary and the HTML report.
pub const USER_COLUMNS: [&str; 7] = [
    "user",
    "pool",
    "staked",
    "earned",
    "claimed",
    "settled",
    "forfeited",
];

/// The files written, in order.
pub const FILES: [&str; 18] = [
    "report.json",
    "timeseries.csv",
    "users.csv",
    "events.csv",
    "pools.csv",
    "amm_events.csv",
    "ve.csv",
    "working.csv",
    "options.csv",
    "exercises.csv",
    "cl_pools.csv",
    "cl_positions.csv",
    "cl_events.csv",
    "cl_farms.csv",
    "cl_farm_entries.csv",
    "cl_farm_events.csv",
    "farm_pools.csv",
    "report.html",
];

/// Writes every output file into `dir` (created if needed) and returns their paths.
pub fn write_all(report: &SimReport, dir: &Path) -> Result<Vec<PathBuf>> {
    fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let contents = [
        json::render(report)?,
        csv::timeseries(report),
        csv::users(report),
        csv::events(report),
        csv::pools(report),
        csv::amm_events(report),
        ve_csv::ve(report),
        ve_csv::working(report),
        options_csv::options(report),
        options_csv::exercises(report),
        cl_csv::pools(report),
        cl_csv::positions(report),
        cl_csv::events(report),
        cl_farm_csv::farms(report),
        cl_farm_csv::entries(report),
        cl_farm_csv::events(report),
        value_csv::farm_pools(report),
        html::render(report),
    ];
    let mut written = Vec::new();
    for (name, content) in FILES.iter().zip(contents) {
        let path = dir.join(name);
        fs::write(&path, content).with_context(|| format!("writing {}", path.display()))?;
        written.push(path);
    }
    Ok(written)
}
