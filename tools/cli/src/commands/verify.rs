//! `trellis index verify --database DB`: see [`crate::verify`].
use std::process::ExitCode;

use anyhow::Result;
use indicatif::ProgressBar;

use super::index::VerifyArgs;
use crate::verify::Verifier;
use crate::{runner, scenario};

/// Exit code when the index differs from the chain.
pub const EXIT_DIFFERENT: u8 = 3;

pub fn run(args: &VerifyArgs) -> Result<ExitCode> {
    let mut verifier = Verifier::open(&args.database)?;
    let file = verifier.scenario()?;
    let plan = match scenario::load(std::path::Path::new(&file)) {
        Ok(plan) => plan,
        Err(e) => anyhow::bail!("the index's scenario {file}: {e}"),
    };
    runner::run_tapped(&plan, &ProgressBar::hidden(), &mut verifier)?;
    if verifier.differences.is_empty() {
        println!(
            "{}: {} figures match the contracts' queries at the index's height",
            args.database, verifier.compared
        );
        Ok(ExitCode::SUCCESS)
    } else {
        for d in &verifier.differences {
            eprintln!("  {d}");
        }
        eprintln!(
            "error: {} of {} figures differ from the chain",
            verifier.differences.len(),
            verifier.compared
        );
        Ok(ExitCode::from(EXIT_DIFFERENT))
    }
}
