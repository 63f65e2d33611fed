//! The deployment file (TOML):
//!
//! ```toml
//! chain_id = "trellis-local-1"
//! rpc = "http://127.0.0.1:26657"
//! fee_denom = "stake"
//! gas_price = 0.0
//! prefix = "wasm"
//! artifacts = "artifacts"            # optional
//!
//! [[contract]]
//! name = "escrow"
//! kind = "voting_escrow"             # one artifact of scripts/build-wasm.sh
//! msg = { owner = "${deployer}", lock_token = { native = { denom = "ulit" } } }
//!
//! [[execute]]                        # wiring, after every contract exists
//! contract = "escrow"
//! msg = { add_listener = { address = "${farm}" } }
//! ```
//!
//! In any string of a message, `${deployer}` is the deploying account and `${name}` the
//! address of contract `name` (deployed earlier in the file).
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use serde::Deserialize;
use serde_json::Value;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeploymentFile {
    pub chain_id: String,
    pub rpc: String,
    pub fee_denom: String,
    pub gas_price: f64,
    #[serde(default = "default_prefix")]
    pub prefix: String,
    #[serde(default = "default_artifacts")]
    pub artifacts: PathBuf,
    #[serde(default, rename = "contract")]
    pub contracts: Vec<ContractSpec>,
    #[serde(default, rename = "execute")]
    pub executes: Vec<ExecuteSpec>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContractSpec {
    pub name: String,
    /// The artifact: `farm` is `trellis_farm.wasm`.
    pub kind: String,
    pub msg: toml::Value,
    /// The contract's admin (may migrate it): the deployer unless set; "none" for no admin.
    pub admin: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExecuteSpec {
    pub contract: String,
    pub msg: toml::Value,
}

fn default_prefix() -> String {
    "wasm".to_string()
}

fn default_artifacts() -> PathBuf {
    PathBuf::from("artifacts")
}

/// The artifacts `kind` may name.
pub const KINDS: &[&str] = &[
    "farm",
    "weighted_pool",
    "pool_factory",
    "router",
    "voting_escrow",
    "gauge_controller",
    "fee_distributor",
    "options_token",
    "cl_pool",
    "cl_farming",
    "cw20_token",
];

impl DeploymentFile {
    pub fn load(path: &Path) -> Result<Self> {
        let text =
            std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        let file: Self =
            toml::from_str(&text).with_context(|| format!("parsing {}", path.display()))?;
        file.check()?;
        Ok(file)
    }

    fn check(&self) -> Result<()> {
        let mut seen: Vec<&str> = Vec::new();
        for c in &self.contracts {
            if !KINDS.contains(&c.kind.as_str()) {
                bail!(
                    "contract {}: kind \"{}\" is not one of {}",
                    c.name,
                    c.kind,
                    KINDS.join(", ")
                );
            }
            if c.name == "deployer" || seen.contains(&c.name.as_str()) {
                bail!("contract name \"{}\" is reserved or used twice", c.name);
            }
            seen.push(&c.name);
        }
        for e in &self.executes {
            if !seen.contains(&e.contract.as_str()) {
                bail!("execute: no contract named \"{}\" in the file", e.contract);
            }
        }
        if !(self.gas_price >= 0.0 && self.gas_price.is_finite()) {
            bail!("gas_price must be a number >= 0");
        }
        Ok(())
    }
}

impl ContractSpec {
    pub fn artifact(&self) -> String {
        format!("trellis_{}.wasm", self.kind)
    }
}

/// The message as JSON with `${...}` replaced through `resolve` (None: left as written).
pub fn substitute(msg: &toml::Value, resolve: &dyn Fn(&str) -> Option<String>) -> Result<Value> {
    let json = serde_json::to_value(msg)?;
    Ok(walk(json, resolve))
}

fn walk(value: Value, resolve: &dyn Fn(&str) -> Option<String>) -> Value {
    match value {
        Value::String(s) => Value::String(replace_refs(&s, resolve)),
        Value::Array(items) => Value::Array(items.into_iter().map(|v| walk(v, resolve)).collect()),
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(k, v)| (k, walk(v, resolve)))
                .collect(),
        ),
        other => other,
    }
}

/// `text` with each `${name}` that `resolve` knows replaced.
pub fn replace_refs(text: &str, resolve: &dyn Fn(&str) -> Option<String>) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("${") {
        let Some(len) = rest[start..].find('}') else {
            break;
        };
        let name = &rest[start + 2..start + len];
        out.push_str(&rest[..start]);
        match resolve(name) {
            Some(value) => out.push_str(&value),
            None => out.push_str(&rest[start..start + len + 1]),
        }
        rest = &rest[start + len + 1..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_are_replaced_and_unknown_ones_kept() {
        let msg: toml::Value = toml::from_str(
            r#"owner = "${deployer}"
listeners = ["${farm}", "x${nope}y"]"#,
        )
        .unwrap();
        let resolve = |name: &str| match name {
            "deployer" => Some("wasm1me".to_string()),
            "farm" => Some("wasm1farm".to_string()),
            _ => None,
        };
        let json = substitute(&msg, &resolve).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"owner": "wasm1me", "listeners": ["wasm1farm", "x${nope}y"]})
        );
    }
}
