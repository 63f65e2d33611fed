//! `trellis-bench check`: what a chain does with a wasm blob on upload (`StoreCode`):
//! static checks (`check_wasm`: exports, imports, capabilities, limits, no floats, ...),
//! compilation with the metering middleware, and, beyond the chain, one instantiation of
//! the module to prove it links and loads.
use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use cosmwasm_std::Checksum;
use serde::Serialize;

use crate::vm::{new_backend, Code, CALL_GAS_LIMIT};

/// One artifact's size and checksum.
#[derive(Clone, Debug, Serialize)]
pub struct ArtifactInfo {
    pub name: String,
    pub path: String,
    pub bytes: u64,
    pub sha256: String,
}

/// The outcome of checking one artifact.
#[derive(Clone, Debug, Serialize)]
pub struct CheckResult {
    pub artifact: ArtifactInfo,
    pub ok: bool,
    /// Capabilities the contract requires (`requires_*` exports), sorted.
    pub required_capabilities: Vec<String>,
    pub error: Option<String>,
}

/// Size and sha256 of a file.
pub fn artifact_info(path: &Path) -> Result<(ArtifactInfo, Vec<u8>)> {
    let wasm = fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    let info = ArtifactInfo {
        name,
        path: path.display().to_string(),
        bytes: u64::try_from(wasm.len()).unwrap_or(u64::MAX),
        sha256: Checksum::generate(&wasm).to_hex(),
    };
    Ok((info, wasm))
}

/// The `*.wasm` files directly in `dir`, sorted by name.
pub fn list_artifacts(dir: &Path) -> Result<Vec<PathBuf>> {
    let entries =
        fs::read_dir(dir).with_context(|| format!("listing artifacts in {}", dir.display()))?;
    let mut out = Vec::new();
    for entry in entries {
        let path = entry?.path();
        if path.is_file() && path.extension().is_some_and(|e| e == "wasm") {
            out.push(path);
        }
    }
    out.sort();
    Ok(out)
}

fn check_one(wasm: &[u8], capabilities: &HashSet<String>) -> Result<Vec<String>> {
    let code = Code::upload(wasm, capabilities).context("upload check (check_wasm + compile)")?;
    let instance = code
        .instance(new_backend(), CALL_GAS_LIMIT)
        .context("instantiating the compiled module")?;
    let mut required: Vec<String> = instance.required_capabilities().into_iter().collect();
    required.sort();
    // Hand the backend back; nothing ran, so there is nothing to look at.
    drop(instance.recycle());
    Ok(required)
}

/// Checks every file in `paths`. Never stops early: every artifact gets its line.
pub fn check_artifacts(paths: &[PathBuf], capabilities: &HashSet<String>) -> Vec<CheckResult> {
    let mut results = Vec::with_capacity(paths.len());
    for path in paths {
        let result = match artifact_info(path) {
            Err(e) => CheckResult {
                artifact: ArtifactInfo {
                    name: path.display().to_string(),
                    path: path.display().to_string(),
                    bytes: 0,
                    sha256: String::new(),
                },
                ok: false,
                required_capabilities: Vec::new(),
                error: Some(format!("{e:#}")),
            },
            Ok((info, wasm)) => match check_one(&wasm, capabilities) {
                Ok(required) => CheckResult {
                    artifact: info,
                    ok: true,
                    required_capabilities: required,
                    error: None,
                },
                Err(e) => CheckResult {
                    artifact: info,
                    ok: false,
                    required_capabilities: Vec::new(),
                    error: Some(format!("{e:#}")),
                },
            },
        };
        results.push(result);
    }
    results
}

/// One line per artifact: name, size, OK/FAIL (and why).
pub fn print_check_results(results: &[CheckResult]) {
    let width = results
        .iter()
        .map(|r| r.artifact.name.len())
        .max()
        .unwrap_or(0);
    for r in results {
        let size = format!("{} bytes", group_digits(r.artifact.bytes));
        if r.ok {
            let caps = if r.required_capabilities.is_empty() {
                String::new()
            } else {
                format!("  requires: {}", r.required_capabilities.join(","))
            };
            println!("{:<width$}  {:>15}  OK{caps}", r.artifact.name, size);
        } else {
            println!(
                "{:<width$}  {:>15}  FAIL: {}",
                r.artifact.name,
                size,
                r.error.as_deref().unwrap_or("unknown error")
            );
        }
    }
}

/// Checks, prints, and fails when any artifact failed or there was none.
pub fn run_check(paths: &[PathBuf], capabilities: &HashSet<String>) -> Result<Vec<CheckResult>> {
    if paths.is_empty() {
        bail!("no wasm artifacts to check (run scripts/build-wasm.sh first)");
    }
    let results = check_artifacts(paths, capabilities);
    print_check_results(&results);
    let failed = results.iter().filter(|r| !r.ok).count();
    if failed > 0 {
        bail!("{failed} of {} artifact(s) failed the check", results.len());
    }
    Ok(results)
}

/// `1234567` -> `1,234,567`.
pub fn group_digits(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_digits() {
        assert_eq!(group_digits(0), "0");
        assert_eq!(group_digits(999), "999");
        assert_eq!(group_digits(1000), "1,000");
        assert_eq!(group_digits(1234567), "1,234,567");
    }
}
