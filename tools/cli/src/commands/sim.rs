//! `trellis sim <scenario.toml> [--out DIR]`: run a scenario, print the summary, write the report.
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;
use clap::Args;

use crate::runner::{ChainTap, Taps};
use crate::sim_index::SimIndex;
use crate::sim_record::{ChainRecorder, BLOCKS_FILE};
use crate::{progress, report, runner, scenario, table};

/// Exit code when the scenario file is wrong or an action fails on chain.
pub const EXIT_ERROR: u8 = 1;
/// Exit code when a conservation check fails.
pub const EXIT_NOT_CONSERVED: u8 = 3;

#[derive(Debug, Args)]
pub struct SimArgs {
    /// The scenario file (TOML, see docs/sim.md).
    pub scenario: PathBuf,
    /// Output folder (default: out/NAME/, NAME being the scenario name).
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Do not draw the progress bar.
    #[arg(long, short)]
    pub quiet: bool,
    /// Index the run's chain into this database as it executes (a new SQLite file, or a
    /// postgres:// URL to an empty database); `trellis serve --database DB` serves it.
    #[arg(long, value_name = "DB")]
    pub index: Option<String>,
    /// Write the run's chain into this folder (`blocks.jsonl` and the `contracts.toml` of
    /// `trellis index run`), to serve it again with `trellis chain replay`.
    #[arg(long, value_name = "DIR")]
    pub record_chain: Option<PathBuf>,
}

pub fn run(args: &SimArgs) -> Result<ExitCode> {
    let plan = match scenario::load(&args.scenario) {
        Ok(plan) => plan,
        Err(e) => {
            eprintln!("error: {e}");
            return Ok(ExitCode::from(EXIT_ERROR));
        }
    };
    let mut index = match &args.index {
        Some(database) => match SimIndex::open(database) {
            Ok(index) => Some(index),
            Err(e) => {
                eprintln!("error: index {database}: {e:#}");
                return Ok(ExitCode::from(EXIT_ERROR));
            }
        },
        None => None,
    };
    let mut recorder = match &args.record_chain {
        Some(dir) => match ChainRecorder::create(dir) {
            Ok(recorder) => Some(recorder),
            Err(e) => {
                eprintln!("error: record chain: {e:#}");
                return Ok(ExitCode::from(EXIT_ERROR));
            }
        },
        None => None,
    };
    let bar = progress::bar(!args.quiet && progress::visible());
    let mut taps: Vec<&mut dyn ChainTap> = Vec::new();
    if let Some(index) = index.as_mut() {
        taps.push(index);
    }
    if let Some(recorder) = recorder.as_mut() {
        taps.push(recorder);
    }
    let result = runner::run_tapped(&plan, &bar, &mut Taps(taps));
    bar.finish_and_clear();
    let report = match result {
        Ok(report) => report,
        Err(e) => {
            eprintln!("error: scenario {}: {e:#}", plan.name);
            return Ok(ExitCode::from(EXIT_ERROR));
        }
    };
    let dir = args
        .out
        .clone()
        .unwrap_or_else(|| Path::new("out").join(&plan.name));
    // The report is written before anything is printed, so a closed stdout (`| head`) never
    // loses it.
    let written = report::write_all(&report, &dir)?;
    let mut text = table::summary(&report);
    text.push_str(&format!("\nReport written to {}/\n", dir.display()));
    for path in written {
        text.push_str(&format!("  {}\n", path.display()));
    }
    if let (Some(index), Some(database)) = (&index, &args.index) {
        text.push_str(&format!(
            "Indexed {} blocks ({} events) into {database} in {:.2} s of indexing ({:.0} \
             events/s)\n",
            index.blocks,
            index.events,
            index.applying.as_secs_f64(),
            index.events_per_sec()
        ));
    }
    if let (Some(recorder), Some(dir)) = (&recorder, &args.record_chain) {
        text.push_str(&format!(
            "Recorded {} blocks into {}/{BLOCKS_FILE}; serve them with `trellis chain replay`\n",
            recorder.blocks,
            dir.display()
        ));
    }
    print_stdout(&text)?;
    if report.conserved() {
        Ok(ExitCode::SUCCESS)
    } else {
        eprintln!("error: conservation violated (see above)");
        Ok(ExitCode::from(EXIT_NOT_CONSERVED))
    }
}

/// Prints to stdout; a reader that went away (broken pipe) is not an error.
fn print_stdout(text: &str) -> Result<()> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(e) if e.kind() != ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}
