//! Scenario files: the TOML format ([`spec`]), its scalar values ([`units`]), semantic checks
//! ([`validate`]) producing a runnable [`Plan`], and located errors ([`error`]).
pub mod cl_farm_plan;
pub mod cl_farm_spec;
pub mod cl_plan;
pub mod cl_price;
pub mod cl_spec;
pub mod error;
pub mod missing;
pub mod plan;
pub mod spec;
pub mod units;
pub mod validate;

use std::path::Path;

pub use error::{ScenarioError, Source};
pub use plan::Plan;

/// Parses and checks scenario text. `file` names it in errors; `default_name` is the
/// scenario name when the file has none.
pub fn parse(text: &str, file: &str, default_name: &str) -> Result<Plan, ScenarioError> {
    let src = Source { file, text };
    let spec: spec::ScenarioSpec = toml::from_str(text).map_err(|e| {
        let mut err = src.from_toml(&e);
        if e.message().starts_with("missing field") {
            let missing = missing::missing_fields(text);
            // More than the one serde names: list them all (paths are in the message).
            if missing.len() > 1 {
                err.field = String::new();
                err.message = format!("missing required fields: {}", missing.join(", "));
            }
        }
        err
    })?;
    validate::check(spec, src, default_name)
}

/// Reads, parses and checks a scenario file.
pub fn load(path: &Path) -> Result<Plan, ScenarioError> {
    let file = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| ScenarioError {
        file: file.clone(),
        line: 0,
        col: 0,
        field: String::new(),
        message: format!("cannot read the scenario: {e}"),
    })?;
    let default_name = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "scenario".to_string());
    parse(&text, &file, &default_name)
}
