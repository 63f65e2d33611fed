//! `trellis-bench`: check wasm artifacts like a chain on upload, and meter the farm's gas.
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::{Args, Parser, Subcommand};
use trellis_bench::farm::{DEFAULT_MAX_SPREAD_PCT, DEFAULT_POOLS, DEFAULT_STAKERS};
use trellis_bench::{
    capabilities, check, print_report, run_all, run_farm_bench, FarmBenchOptions, RunAllOptions,
    DEFAULT_CAPABILITIES,
};

#[derive(Parser)]
#[command(name = "trellis-bench", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Args, Clone)]
struct Common {
    /// Folder holding the wasm artifacts.
    #[arg(long, default_value = "artifacts")]
    artifacts_dir: PathBuf,
    /// Capabilities the chain offers (comma-separated), as wasmd's `AvailableCapabilities`.
    #[arg(long, default_value = DEFAULT_CAPABILITIES)]
    capabilities: String,
}

#[derive(Args, Clone)]
struct FarmArgs {
    /// The farm artifact (default: <artifacts-dir>/trellis_farm.wasm).
    #[arg(long)]
    artifact: Option<PathBuf>,
    /// JSON output file.
    #[arg(long, default_value = "bench/results.json")]
    out: PathBuf,
    /// Existing staker counts to measure with (comma-separated).
    #[arg(long, value_delimiter = ',', default_values_t = DEFAULT_STAKERS)]
    stakers: Vec<u64>,
    /// Pool counts to measure with (comma-separated).
    #[arg(long, value_delimiter = ',', default_values_t = DEFAULT_POOLS)]
    pools: Vec<u64>,
    /// Largest allowed gas spread per operation across configurations, in percent.
    #[arg(long, default_value_t = DEFAULT_MAX_SPREAD_PCT)]
    max_spread: f64,
    /// No progress lines on stderr.
    #[arg(long)]
    quiet: bool,
}

#[derive(Subcommand)]
enum Command {
    /// Check artifacts as a chain does on upload (check_wasm + compile) and instantiate each.
    Check {
        #[command(flatten)]
        common: Common,
        /// Files to check (default: every *.wasm in the artifacts folder).
        files: Vec<PathBuf>,
    },
    /// Measure the farm's operations in cosmwasm-vm across scaling configurations.
    Farm {
        #[command(flatten)]
        common: Common,
        #[command(flatten)]
        farm: FarmArgs,
    },
    /// `check` on every artifact, then `farm`; one combined JSON report.
    All {
        #[command(flatten)]
        common: Common,
        #[command(flatten)]
        farm: FarmArgs,
    },
}

fn farm_options(common: &Common, args: &FarmArgs) -> FarmBenchOptions {
    let mut opts = FarmBenchOptions::new(
        common.artifacts_dir.clone(),
        capabilities(&common.capabilities),
    );
    if let Some(a) = &args.artifact {
        opts.artifact = a.clone();
    }
    opts.out = Some(args.out.clone());
    opts.stakers = args.stakers.clone();
    opts.pools = args.pools.clone();
    opts.max_spread_pct = args.max_spread;
    opts.progress = !args.quiet;
    opts
}

fn run(cli: Cli) -> Result<()> {
    match cli.command {
        Command::Check { common, files } => {
            let paths = if files.is_empty() {
                check::list_artifacts(&common.artifacts_dir)?
            } else {
                files
            };
            check::run_check(&paths, &capabilities(&common.capabilities))?;
            Ok(())
        }
        Command::Farm { common, farm } => {
            let opts = farm_options(&common, &farm);
            let report = run_farm_bench(&opts)?;
            print_report(&report);
            if let Some(out) = &opts.out {
                println!("wrote {}", out.display());
            }
            report.ensure_flat()
        }
        Command::All { common, farm } => {
            let farm_opts = farm_options(&common, &farm);
            let opts = RunAllOptions {
                artifacts_dir: common.artifacts_dir.clone(),
                out: farm_opts.out.clone(),
                farm: farm_opts,
            };
            run_all(&opts).map(|_| ())
        }
    }
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
