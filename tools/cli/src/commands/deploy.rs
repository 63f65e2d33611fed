//! `trellis deploy FILE`: see [`crate::deploy`].
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::Args;

use crate::deploy::file::DeploymentFile;
use crate::deploy::record::Record;
use crate::deploy::run;

#[derive(Debug, Args)]
pub struct DeployArgs {
    /// The deployment file (TOML): chain, gas price, contracts, wiring.
    pub file: PathBuf,
    /// The deployment record (default: deployments/<chain_id>.json beside the file).
    #[arg(long)]
    pub record: Option<PathBuf>,
    /// Print every message that would be sent; send nothing (needs no key).
    #[arg(long)]
    pub dry_run: bool,
}

pub fn run(args: &DeployArgs) -> Result<ExitCode> {
    let file = DeploymentFile::load(&args.file)?;
    let base = args
        .file
        .parent()
        .map(|p| p.to_path_buf())
        .unwrap_or_default();
    let record_path = args.record.clone().unwrap_or_else(|| {
        base.join("deployments")
            .join(format!("{}.json", file.chain_id))
    });
    let mut record = Record::load_or_new(&record_path, &file.chain_id)?;
    if args.dry_run {
        run::dry_run(&file, &base, &record)?;
        return Ok(ExitCode::SUCCESS);
    }
    let mnemonic = run::mnemonic_from_env()?;
    let runtime = tokio::runtime::Runtime::new()?;
    runtime.block_on(run::deploy(
        &file,
        &base,
        &mut record,
        &record_path,
        &mnemonic,
    ))?;
    println!("recorded in {}", record_path.display());
    Ok(ExitCode::SUCCESS)
}
