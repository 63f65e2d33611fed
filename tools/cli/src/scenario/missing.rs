//! Every required field a scenario lacks, so a sparse or empty file is told all of them at
//! once rather than one per run (serde stops at the first).
use toml::{Table, Value};

/// Required fields by table: the table's path (`[]` marks an array of tables) and the keys
/// it must have. Mirrors the fields of `spec`, `cl_spec` and `cl_farm_spec` that are neither
/// `Option` nor defaulted; a test removes each key of every bundled scenario in turn and
/// checks this list against what serde then asks for.
const REQUIRED: &[(&str, &[&str])] = &[
    ("", &["duration", "step", "tokens", "farm", "pools"]),
    ("farm", &["clock", "reward", "schedule"]),
    ("farm.reward", &["source", "token"]),
    ("farm.reward.funding[]", &["at", "amount"]),
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
    ("traders[].scripted[]", &["at", "pool", "offer", "amount"]),
    (
        "traders[].random",
        &["seed", "every", "pools", "max_size_bps"],
    ),
    ("escrow", &["lock_token"]),
    ("gauges", &["types"]),
    ("gauges.types[]", &["name", "weight"]),
    (
        "options",
        &[
            "symbol",
            "underlying",
            "payment",
            "pool",
            "window",
            "multiplier_bps",
            "delivery",
        ],
    ),
    ("cl_pools[]", &["name", "assets", "fee_pips"]),
    ("cl_positions[]", &["name", "owner", "pool", "amounts"]),
    ("cl_positions[].decreases[]", &["at", "share_bps"]),
    ("cl_traders[]", &["name"]),
    ("cl_traders[].scripted[]", &["at", "pool"]),
    (
        "cl_traders[].random",
        &["seed", "every", "pools", "max_ticks"],
    ),
    (
        "cl_farms[]",
        &["name", "kind", "pool", "reward", "reward_price_in_token1"],
    ),
    ("cl_farms[].reward", &["token", "amount"]),
    ("cl_farms[].bonus", &["token", "amount"]),
    ("cl_farms[].tiers", &["token", "levels"]),
    ("cl_farms[].tiers.levels[]", &["amount", "multiplier_bps"]),
    ("cl_farms[].set_rates[]", &["at", "reward_rate"]),
    ("cl_farms[].add_rewards[]", &["at"]),
    ("cl_farming[]", &["position", "entries"]),
    ("cl_farming[].entries[]", &["farm", "enter_at"]),
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

    use toml_edit::{DocumentMut, Item, TableLike};

    /// Every table of every bundled scenario, each key removed in turn: serde asks for the
    /// key exactly when [`REQUIRED`] lists it at that table's path. The keys are removed from
    /// the text in place (toml_edit), so inline tables stay inline, as in the file.
    #[test]
    fn the_list_matches_what_serde_requires() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../scenarios");
        let mut checked = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().and_then(|e| e.to_str()) != Some("toml") {
                continue;
            }
            let doc: DocumentMut = std::fs::read_to_string(&path).unwrap().parse().unwrap();
            let mut tables = Vec::new();
            every_table(doc.as_table(), "", "", &mut tables);
            for (pattern, at, keys) in tables {
                for key in keys {
                    let mut without = doc.clone();
                    table_at(without.as_table_mut(), &at).remove(&key);
                    let text = without.to_string();
                    let asked = toml::from_str::<crate::scenario::spec::ScenarioSpec>(&text)
                        .err()
                        .is_some_and(|e| e.message() == format!("missing field `{key}`"));
                    let listed = REQUIRED
                        .iter()
                        .any(|(p, ks)| *p == pattern && ks.contains(&key.as_str()));
                    assert_eq!(asked, listed, "{}: {pattern} {key}", path.display());
                    checked += 1;
                }
            }
        }
        // The bundled scenarios hold hundreds of keys; a walk that found none proves nothing.
        assert!(checked > 100, "only {checked} keys checked");
    }

    fn join(a: &str, b: &str) -> String {
        if a.is_empty() {
            b.to_string()
        } else {
            format!("{a}.{b}")
        }
    }

    /// The tables of an item: itself, or each element of an array of tables.
    fn tables_in(item: &Item) -> Vec<&dyn TableLike> {
        match item {
            Item::ArrayOfTables(a) => a.iter().map(|t| t as &dyn TableLike).collect(),
            Item::Value(toml_edit::Value::Array(a)) => a
                .iter()
                .filter_map(|v| v.as_inline_table().map(|t| t as &dyn TableLike))
                .collect(),
            other => other.as_table_like().into_iter().collect(),
        }
    }

    /// (path pattern with `[]`, resolved path, keys) of `table` and every table under it.
    fn every_table(
        table: &dyn TableLike,
        pattern: &str,
        at: &str,
        out: &mut Vec<(String, String, Vec<String>)>,
    ) {
        out.push((
            pattern.to_string(),
            at.to_string(),
            table.iter().map(|(k, _)| k.to_string()).collect(),
        ));
        for (key, item) in table.iter() {
            let is_array = matches!(
                item,
                Item::ArrayOfTables(_) | Item::Value(toml_edit::Value::Array(_))
            );
            for (i, t) in tables_in(item).into_iter().enumerate() {
                let (p, a) = if is_array {
                    (format!("{key}[]"), format!("{key}[{i}]"))
                } else {
                    (key.to_string(), key.to_string())
                };
                every_table(t, &join(pattern, &p), &join(at, &a), out);
            }
        }
    }

    /// The table at the resolved path `at` (`users[2].actions[0]`).
    fn table_at<'a>(mut table: &'a mut dyn TableLike, at: &str) -> &'a mut dyn TableLike {
        for part in at.split('.').filter(|p| !p.is_empty()) {
            let (name, index) = match part.split_once('[') {
                Some((name, i)) => (
                    name,
                    Some(i.trim_end_matches(']').parse::<usize>().unwrap()),
                ),
                None => (part, None),
            };
            let item = table.get_mut(name).unwrap();
            table = match (item, index) {
                (Item::ArrayOfTables(a), Some(i)) => a.get_mut(i).unwrap(),
                (Item::Value(toml_edit::Value::Array(a)), Some(i)) => {
                    a.get_mut(i).unwrap().as_inline_table_mut().unwrap()
                }
                (item, None) => item.as_table_like_mut().unwrap(),
                _ => panic!("no table at {at}"),
            };
        }
        table
    }
}
