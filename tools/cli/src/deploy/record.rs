//! The deployment record: what is on the chain already. Written after every step, so a
//! deployment stopped half-way resumes where it stopped.
use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};

#[derive(Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct Record {
    pub chain_id: String,
    /// By artifact file name.
    pub codes: BTreeMap<String, StoredCode>,
    /// By contract name.
    pub contracts: BTreeMap<String, DeployedContract>,
    /// Wiring steps done, by their index in the file and a digest of their message.
    pub executed: Vec<String>,
}

#[derive(Debug, Serialize, Deserialize, PartialEq, Clone)]
pub struct StoredCode {
    pub code_id: u64,
    pub checksum: String,
}

#[derive(Debug, Serialize, Deserialize, PartialEq, Clone)]
pub struct DeployedContract {
    pub address: String,
    pub code_id: u64,
    pub checksum: String,
}

impl Record {
    pub fn load_or_new(path: &Path, chain_id: &str) -> Result<Self> {
        if !path.exists() {
            return Ok(Record {
                chain_id: chain_id.to_string(),
                ..Default::default()
            });
        }
        let text = std::fs::read_to_string(path)?;
        let record: Record =
            serde_json::from_str(&text).with_context(|| format!("parsing {}", path.display()))?;
        anyhow::ensure!(
            record.chain_id == chain_id,
            "{} records chain {}, the file deploys to {chain_id}",
            path.display(),
            record.chain_id
        );
        Ok(record)
    }

    pub fn save(&self, path: &Path) -> Result<()> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let tmp = path.with_extension("json.tmp");
        std::fs::write(&tmp, serde_json::to_string_pretty(self)? + "\n")?;
        std::fs::rename(&tmp, path)?;
        Ok(())
    }
}
