//! `report.json`: the whole [`SimReport`] (amounts as base-unit strings).
use anyhow::Result;

use crate::model::SimReport;

pub fn render(report: &SimReport) -> Result<String> {
    Ok(serde_json::to_string_pretty(report)? + "\n")
}
