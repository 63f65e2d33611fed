//! `trellis-bench`: check wasm artifacts like a chain on upload, and meter the gas of the
//! farm, the AMM, the vote-escrow family and the options token.
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;
use clap::{Args, Parser, Subcommand};
use trellis_bench::amm::params::DEFAULT_ORACLE_CAPACITY;
use trellis_bench::farm::{DEFAULT_MAX_SPREAD_PCT, DEFAULT_POOLS, DEFAULT_STAKERS};
use trellis_bench::{
    capabilities, check, print_amm_report, print_cl_report, print_options_report, print_report,
    print_tick_index_report, print_ve_report, run_all, run_amm_bench, run_cl_bench, run_farm_bench,
    run_options_bench, run_tick_index_bench, run_ve_bench, AmmBenchOptions, ClBenchOptions,
    FarmBenchOptions, OptionsBenchOptions, RunAllOptions, TickIndexOptions, VeBenchOptions,
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

/// Output and limits shared by the measuring commands.
#[derive(Args, Clone)]
struct RunArgs {
    /// JSON output file.
    #[arg(long, default_value = "bench/results.json")]
    out: PathBuf,
    /// Largest allowed gas spread per scaling operation, in percent.
    #[arg(long, default_value_t = DEFAULT_MAX_SPREAD_PCT)]
    max_spread: f64,
    /// No progress lines on stderr.
    #[arg(long)]
    quiet: bool,
}

/// Output of `ve` and `options`, whose rows are single measurements (no spread limit).
#[derive(Args, Clone)]
struct VeRunArgs {
    /// JSON output file.
    #[arg(long, default_value = "bench/results.json")]
    out: PathBuf,
    /// No progress lines on stderr.
    #[arg(long)]
    quiet: bool,
}

#[derive(Args, Clone)]
struct FarmArgs {
    /// The farm artifact (default: <artifacts-dir>/trellis_farm.wasm).
    #[arg(long)]
    artifact: Option<PathBuf>,
    /// Existing staker counts to measure with (comma-separated).
    #[arg(long, value_delimiter = ',', default_values_t = DEFAULT_STAKERS)]
    stakers: Vec<u64>,
    /// Pool counts to measure with (comma-separated).
    #[arg(long, value_delimiter = ',', default_values_t = DEFAULT_POOLS)]
    pools: Vec<u64>,
}

#[derive(Args, Clone)]
struct AmmArgs {
    /// The weighted pool artifact (default: <artifacts-dir>/trellis_weighted_pool.wasm).
    #[arg(long)]
    pool_artifact: Option<PathBuf>,
    /// The router artifact (default: <artifacts-dir>/trellis_router.wasm).
    #[arg(long)]
    router_artifact: Option<PathBuf>,
    /// The pools' oracle ring buffer size (the full buffer is filled and wrapped).
    #[arg(long, default_value_t = DEFAULT_ORACLE_CAPACITY)]
    oracle_capacity: u32,
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
        run: RunArgs,
        #[command(flatten)]
        farm: FarmArgs,
    },
    /// Measure the weighted pool's operations and oracle and the router's two-hop route.
    Amm {
        #[command(flatten)]
        common: Common,
        #[command(flatten)]
        run: RunArgs,
        #[command(flatten)]
        amm: AmmArgs,
    },
    /// Measure the voting escrow, gauge controller, fee distributor and boosted farm, run
    /// together (cross-contract queries and the escrow's notices run the real contracts).
    Ve {
        #[command(flatten)]
        common: Common,
        #[command(flatten)]
        run: VeRunArgs,
    },
    /// Measure the options token: exercises paid natively and through the cw20 hook, priced by
    /// a weighted pool's TWAP, and a farm claim minting it (every contract's real wasm).
    Options {
        #[command(flatten)]
        common: Common,
        #[command(flatten)]
        run: VeRunArgs,
    },
    /// Measure the concentrated-liquidity pool: position operations, swaps in one range and
    /// across 1, 10 and 100 ticks, farming marks, and the in-range swap with 10 and 10,000
    /// positions (fails over the spread limit). Not part of `all`.
    Cl {
        #[command(flatten)]
        common: Common,
        /// JSON output file.
        #[arg(long, default_value = "bench/cl.json")]
        out: PathBuf,
        /// Largest allowed gas spread of the in-range swap between position counts, in percent.
        #[arg(long, default_value_t = DEFAULT_MAX_SPREAD_PCT)]
        max_spread: f64,
        /// No progress lines on stderr.
        #[arg(long)]
        quiet: bool,
    },
    /// Compare the CL pool's two next-tick indexes: the default build (ordered range) and a
    /// `--features tick-bitmap` build (v3's bitmap), the same swaps and position operations
    /// on both (scripts/bench-tick-index.sh builds the bitmap and runs this). Not part of
    /// `all`.
    ClTickIndex {
        #[command(flatten)]
        common: Common,
        /// The default build (default: <artifacts-dir>/trellis_cl_pool.wasm).
        #[arg(long)]
        ordered: Option<PathBuf>,
        /// The `tick-bitmap` build.
        #[arg(long)]
        bitmap: PathBuf,
        /// JSON output file.
        #[arg(long, default_value = "bench/tick-index.json")]
        out: PathBuf,
        /// No progress lines on stderr.
        #[arg(long)]
        quiet: bool,
    },
    /// Measure the CL farming center: deposit, enter (eternal, limit), exit, claim, withdraw,
    /// and the pool's crossing hook over 1 and 10 farm ticks with one and two live farms, each
    /// with 10 and 10,000 other farmed positions (fails over the spread limit).
    ClFarming {
        #[command(flatten)]
        common: Common,
        /// JSON output file.
        #[arg(long, default_value = "bench/cl_farming.json")]
        out: PathBuf,
        /// Largest allowed gas spread of any row between position counts, in percent.
        #[arg(long, default_value_t = DEFAULT_MAX_SPREAD_PCT)]
        max_spread: f64,
        /// No progress lines on stderr.
        #[arg(long)]
        quiet: bool,
    },
    /// `check` on every artifact, then `farm`, `amm`, `ve`, `options`, `cl` and `cl-farming`;
    /// one combined JSON
    /// report.
    All {
        #[command(flatten)]
        common: Common,
        #[command(flatten)]
        run: RunArgs,
        #[command(flatten)]
        farm: FarmArgs,
        #[command(flatten)]
        amm: AmmArgs,
    },
}

fn farm_options(common: &Common, run: &RunArgs, args: &FarmArgs) -> FarmBenchOptions {
    let mut opts = FarmBenchOptions::new(
        common.artifacts_dir.clone(),
        capabilities(&common.capabilities),
    );
    if let Some(a) = &args.artifact {
        opts.artifact = a.clone();
    }
    opts.out = Some(run.out.clone());
    opts.stakers = args.stakers.clone();
    opts.pools = args.pools.clone();
    opts.max_spread_pct = run.max_spread;
    opts.progress = !run.quiet;
    opts
}

fn amm_options(common: &Common, run: &RunArgs, args: &AmmArgs) -> AmmBenchOptions {
    let mut opts = AmmBenchOptions::new(
        common.artifacts_dir.clone(),
        capabilities(&common.capabilities),
    );
    if let Some(a) = &args.pool_artifact {
        opts.pool_artifact = a.clone();
    }
    if let Some(a) = &args.router_artifact {
        opts.router_artifact = a.clone();
    }
    opts.out = Some(run.out.clone());
    opts.oracle_capacity = args.oracle_capacity;
    opts.max_spread_pct = run.max_spread;
    opts.progress = !run.quiet;
    opts
}

fn ve_options(common: &Common, out: &Path, quiet: bool) -> VeBenchOptions {
    let mut opts = VeBenchOptions::new(
        common.artifacts_dir.clone(),
        capabilities(&common.capabilities),
    );
    opts.out = Some(out.to_path_buf());
    opts.progress = !quiet;
    opts
}

fn options_options(common: &Common, out: &Path, quiet: bool) -> OptionsBenchOptions {
    let mut opts = OptionsBenchOptions::new(
        common.artifacts_dir.clone(),
        capabilities(&common.capabilities),
    );
    opts.out = Some(out.to_path_buf());
    opts.progress = !quiet;
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
        Command::Farm { common, run, farm } => {
            let opts = farm_options(&common, &run, &farm);
            let report = run_farm_bench(&opts)?;
            print_report(&report);
            if let Some(out) = &opts.out {
                println!("wrote {}", out.display());
            }
            report.ensure_flat()
        }
        Command::Amm { common, run, amm } => {
            let opts = amm_options(&common, &run, &amm);
            let report = run_amm_bench(&opts)?;
            print_amm_report(&report);
            if let Some(out) = &opts.out {
                println!("wrote {}", out.display());
            }
            report.ensure_flat()
        }
        Command::Ve { common, run } => {
            let opts = ve_options(&common, &run.out, run.quiet);
            let report = run_ve_bench(&opts)?;
            print_ve_report(&report);
            if let Some(out) = &opts.out {
                println!("wrote {}", out.display());
            }
            Ok(())
        }
        Command::Options { common, run } => {
            let opts = options_options(&common, &run.out, run.quiet);
            let report = run_options_bench(&opts)?;
            print_options_report(&report);
            if let Some(out) = &opts.out {
                println!("wrote {}", out.display());
            }
            Ok(())
        }
        Command::Cl {
            common,
            out,
            max_spread,
            quiet,
        } => {
            let mut opts = ClBenchOptions::new(
                common.artifacts_dir.clone(),
                capabilities(&common.capabilities),
            );
            opts.out = Some(out);
            opts.max_spread_pct = max_spread;
            opts.progress = !quiet;
            let report = run_cl_bench(&opts)?;
            print_cl_report(&report);
            if let Some(out) = &opts.out {
                println!("wrote {}", out.display());
            }
            report.ensure_flat()
        }
        Command::ClTickIndex {
            common,
            ordered,
            bitmap,
            out,
            quiet,
        } => {
            let opts = TickIndexOptions {
                ordered: ordered
                    .unwrap_or_else(|| common.artifacts_dir.join("trellis_cl_pool.wasm")),
                bitmap,
                out: Some(out),
                capabilities: capabilities(&common.capabilities),
                progress: !quiet,
            };
            let report = run_tick_index_bench(&opts)?;
            print_tick_index_report(&report);
            if let Some(out) = &opts.out {
                println!("wrote {}", out.display());
            }
            Ok(())
        }
        Command::ClFarming {
            common,
            out,
            max_spread,
            quiet,
        } => {
            let mut opts = trellis_bench::ClFarmingBenchOptions::new(
                &common.artifacts_dir,
                capabilities(&common.capabilities),
            );
            opts.out = Some(out);
            opts.max_spread_pct = max_spread;
            opts.progress = !quiet;
            let report = trellis_bench::run_cl_farming_bench(&opts)?;
            trellis_bench::print_cl_farming_report(&report);
            if let Some(out) = &opts.out {
                println!("wrote {}", out.display());
            }
            report.ensure_flat()
        }
        Command::All {
            common,
            run,
            farm,
            amm,
        } => {
            let opts = RunAllOptions {
                artifacts_dir: common.artifacts_dir.clone(),
                out: Some(run.out.clone()),
                farm: farm_options(&common, &run, &farm),
                amm: amm_options(&common, &run, &amm),
                ve: ve_options(&common, &run.out, run.quiet),
                options: options_options(&common, &run.out, run.quiet),
                cl: {
                    let mut cl = ClBenchOptions::new(
                        common.artifacts_dir.clone(),
                        capabilities(&common.capabilities),
                    );
                    cl.progress = !run.quiet;
                    cl
                },
                cl_farming: {
                    let mut cl_farming = trellis_bench::ClFarmingBenchOptions::new(
                        common.artifacts_dir.clone(),
                        capabilities(&common.capabilities),
                    );
                    cl_farming.progress = !run.quiet;
                    cl_farming
                },
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
