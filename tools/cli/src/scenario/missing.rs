//! Every required field a scenario lacks, so a sparse or empty file is told all of them at
//! once rather than one per run (serde stops at the first).
use toml::{Table, Value};

/// Required fields by table: the table's path (`[]` marks an array of tables) and the keys
/// it must have. Mirrors the fields of `spec` that are neither `Option` nor defaulted.
const REQUIRED: &[(&str, &[&str])] = &[
    ("", &["duration", "step", "tokens", "farm", "pools"]),
    ("farm", &["clock", "reward", "schedule"]),
    ("farm.reward", &["source", "token"]),
    ("farm.schedule", &["curve"]),
    ("tokens[]", &["symbol", "kind", "decimals"]),
    ("pools[]", &["name", "kind", "staking"]),
    ("weight_changes[]", &["at", "pool", "weight"]),
    ("users[]", &["name"]),
    ("users[].actions[]", &["at", "action"]),
    (
        "amm_pools[]",
        &[
            "name",
            "assets",
            "weights",
            "swap_fee_bps",
            "lp_token",
            "initial_liquidity",
        ],
    ),
    ("traders[]", &["name"]),
];

/// The dotted paths of the required fields missing from `text` (`farm.clock`,
/// `pools[1].staking`), in the order of [`REQUIRED`]; empty when `text` is not TOML.
pub fn missing_fields(text: &str) -> Vec<String> {
    let Ok(root) = text.parse::<Table>() else {
        return Vec::new();
    };
    let mut missing = Vec::new();
    for (path, keys) in REQUIRED {
        for (at, table) in tables_at(&root, path) {
            for key in *keys {
                if !table.contains_key(*key) {
                    missing.push(if at.is_empty() {
                        key.to_string()
                    } else {
                        format!("{at}.{key}")
                    });
                }
            }
        }
    }
    missing
}

/// The tables at `path` with their resolved paths (`users[2].actions[0]`).
fn tables_at<'a>(root: &'a Table, path: &str) -> Vec<(String, &'a Table)> {
    let mut found = vec![(String::new(), root)];
    if path.is_empty() {
        return found;
    }
    for part in path.split('.') {
        let (key, is_array) = match part.strip_suffix("[]") {
            Some(key) => (key, true),
            None => (part, false),
        };
        let mut next = Vec::new();
        for (at, table) in &found {
            let joined = |suffix: String| {
                if at.is_empty() {
                    suffix
                } else {
                    format!("{at}.{suffix}")
                }
            };
            match (table.get(key), is_array) {
                (Some(Value::Table(t)), false) => next.push((joined(key.to_string()), t)),
                (Some(Value::Array(items)), true) => {
                    for (i, item) in items.iter().enumerate() {
                        if let Value::Table(t) = item {
                            next.push((joined(format!("{key}[{i}]")), t));
                        }
                    }
                }
                _ => {}
            }
        }
        found = next;
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_tables_and_arrays_are_walked() {
        let text = "duration = 1\nstep = 1\n[farm]\nclock = \"time\"\n[farm.reward]\nsource = \"mint\"\n[[pools]]\nname = \"a\"\n[[pools]]\nkind = \"solo\"\n";
        assert_eq!(
            missing_fields(text),
            [
                "tokens",
                "farm.schedule",
                "farm.reward.token",
                "pools[0].kind",
                "pools[0].staking",
                "pools[1].name",
                "pools[1].staking",
            ]
        );
    }
}
