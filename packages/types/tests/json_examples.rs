//! The JSON examples of `docs/examples/` against the contracts' schemas and message types.
//!
//! For every contract, each example message is
//! * validated against the contract's generated schema (`contracts/<name>/schema/*.json`, its
//!   `instantiate` / `execute` / `query` / `migrate` part) with the `boon` JSON-schema
//!   validator; hook payloads and cw20-token's messages, which have no schema file, against the
//!   schema generated from their Rust type here;
//! * parsed into the Rust message type the way the contract parses it (`cosmwasm_std::from_json`)
//!   and written back: everything the example says must come back unchanged;
//! * checked for bech32 addresses (`wasm1...`, 20 or 32 bytes) and base64 payloads, which are
//!   validated in turn as the hook message they carry.
//!
//! Coverage: every variant a schema lists has an example, every field of every object an
//! example reaches is shown at least once, and every entry point of a schema file has examples.
//! All problems are collected and reported together, each naming the contract, the message
//! and the validator's or parser's error.
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use cosmwasm_std::testing::MockApi;
use cosmwasm_std::{Api, Binary, Coin};
use schemars::JsonSchema;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;
use trellis_types as t;

/// Where a kind of message finds its schema.
enum SchemaSource {
    /// The part of the contract's schema file under this key.
    File(&'static str),
    /// Generated from the Rust type (hooks, and contracts without a schema file).
    Generated(Value),
}

/// One kind of message a contract takes (a key of its examples file).
struct Kind {
    key: &'static str,
    source: SchemaSource,
    /// Parses an example as the contract does and writes it back as JSON.
    roundtrip: fn(&Value) -> Result<Value, String>,
}

struct Contract {
    /// `docs/examples/<name>.json`.
    name: &'static str,
    /// The generated schema, relative to the repository root.
    schema_file: Option<&'static str>,
    kinds: Vec<Kind>,
}

fn roundtrip<T: DeserializeOwned + Serialize>(example: &Value) -> Result<Value, String> {
    let bytes = serde_json::to_vec(example).map_err(|e| e.to_string())?;
    let msg: T = cosmwasm_std::from_json(&bytes).map_err(|e| e.to_string())?;
    let back = cosmwasm_std::to_json_vec(&msg).map_err(|e| e.to_string())?;
    serde_json::from_slice(&back).map_err(|e| e.to_string())
}

fn generated<T: JsonSchema>() -> SchemaSource {
    SchemaSource::Generated(serde_json::to_value(cosmwasm_schema::schema_for!(T)).unwrap())
}

macro_rules! file_kind {
    ($key:literal, $ty:ty) => {
        Kind {
            key: $key,
            source: SchemaSource::File($key),
            roundtrip: roundtrip::<$ty>,
        }
    };
}

macro_rules! generated_kind {
    ($key:literal, $ty:ty) => {
        Kind {
            key: $key,
            source: generated::<$ty>(),
            roundtrip: roundtrip::<$ty>,
        }
    };
}

/// The four entry points every Trellis contract's schema file describes.
macro_rules! entry_points {
    ($m:ident) => {
        vec![
            file_kind!("instantiate", t::$m::InstantiateMsg),
            file_kind!("execute", t::$m::ExecuteMsg),
            file_kind!("query", t::$m::QueryMsg),
            file_kind!("migrate", t::$m::MigrateMsg),
        ]
    };
}

fn contracts() -> Vec<Contract> {
    let with = |mut kinds: Vec<Kind>, extra: Vec<Kind>| {
        kinds.extend(extra);
        kinds
    };
    vec![
        Contract {
            name: "farm",
            schema_file: Some("contracts/farm/schema/trellis-farm.json"),
            kinds: with(
                entry_points!(farm),
                vec![generated_kind!("cw20_hook", t::farm::ReceiveMsg)],
            ),
        },
        Contract {
            name: "weighted-pool",
            schema_file: Some("contracts/weighted-pool/schema/trellis-weighted-pool.json"),
            kinds: with(
                entry_points!(weighted_pool),
                vec![generated_kind!("cw20_hook", t::weighted_pool::ReceiveMsg)],
            ),
        },
        Contract {
            name: "pool-factory",
            schema_file: Some("contracts/pool-factory/schema/trellis-pool-factory.json"),
            kinds: entry_points!(factory),
        },
        Contract {
            name: "router",
            schema_file: Some("contracts/router/schema/trellis-router.json"),
            kinds: with(
                entry_points!(router),
                vec![generated_kind!("cw20_hook", t::router::ReceiveMsg)],
            ),
        },
        Contract {
            name: "voting-escrow",
            schema_file: Some("contracts/voting-escrow/schema/trellis-voting-escrow.json"),
            kinds: with(
                entry_points!(voting_escrow),
                vec![
                    generated_kind!("cw20_hook", t::voting_escrow::ReceiveMsg),
                    generated_kind!("listener_notice", t::voting_escrow::ListenerMsg),
                ],
            ),
        },
        Contract {
            name: "gauge-controller",
            schema_file: Some("contracts/gauge-controller/schema/trellis-gauge-controller.json"),
            kinds: entry_points!(gauge_controller),
        },
        Contract {
            name: "fee-distributor",
            schema_file: Some("contracts/fee-distributor/schema/trellis-fee-distributor.json"),
            kinds: entry_points!(fee_distributor),
        },
        Contract {
            name: "options-token",
            schema_file: Some("contracts/options-token/schema/trellis-options-token.json"),
            kinds: with(
                entry_points!(options_token),
                vec![generated_kind!("cw20_hook", t::options_token::ReceiveMsg)],
            ),
        },
        Contract {
            name: "cl-pool",
            schema_file: Some("contracts/cl-pool/schema/trellis-cl-pool.json"),
            kinds: with(
                entry_points!(cl_pool),
                vec![
                    generated_kind!("cw20_hook", t::cl_pool::ReceiveMsg),
                    generated_kind!("farming_hook", t::cl_pool::FarmingHookMsg),
                ],
            ),
        },
        Contract {
            name: "cl-farming",
            schema_file: Some("contracts/cl-farming/schema/trellis-cl-farming.json"),
            kinds: with(
                entry_points!(cl_farming),
                vec![generated_kind!("cw721_hook", t::cl_farming::DepositMsg)],
            ),
        },
        // cw20-base unchanged: no schema file in the repository, so the schemas come from the
        // very types its entry points take. It has no migrate entry point.
        Contract {
            name: "cw20-token",
            schema_file: None,
            kinds: vec![
                generated_kind!("instantiate", cw20_base::msg::InstantiateMsg),
                generated_kind!("execute", cw20_base::msg::ExecuteMsg),
                generated_kind!("query", cw20_base::msg::QueryMsg),
            ],
        },
    ]
}

/// Keys of an example entry besides `msg`.
const ENTRY_KEYS: [&str; 5] = ["description", "sender", "funds", "embedded", "msg"];
/// Keys of an examples file besides the kinds.
const FILE_KEYS: [&str; 3] = ["contract", "schema", "types"];

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()))
}

/// A compiled schema of one kind, with its JSON for the coverage walk.
struct Compiled {
    schemas: boon::Schemas,
    index: boon::SchemaIndex,
    /// Each variant's own branch of a `oneOf`, for errors that name only that branch.
    variants: BTreeMap<String, boon::SchemaIndex>,
    json: Value,
}

impl Compiled {
    /// The validator's error, if any; against the variant's branch when there is one, since
    /// a failed `oneOf` lists every branch's complaint.
    fn validate(&self, msg: &Value) -> Result<(), String> {
        if self.schemas.validate(msg, self.index).is_ok() {
            return Ok(());
        }
        let branch = variant_of(msg).and_then(|v| self.variants.get(&v));
        let index = branch.copied().unwrap_or(self.index);
        match self.schemas.validate(msg, index) {
            Err(e) => Err(format!("{e:#}")),
            // Valid against its branch alone: it must match another branch too.
            Ok(()) => Err(format!(
                "{:#}",
                self.schemas.validate(msg, self.index).unwrap_err()
            )),
        }
    }
}

/// An integer `format` schemars writes: the value fits `T`. (boon ignores formats it does not
/// know, and schemars gives unsigned integers a minimum but no maximum.)
fn fits_integer<T: TryFrom<i128>>(v: &Value) -> Result<(), Box<dyn std::error::Error>> {
    let Some(n) = v.as_number() else {
        return Ok(()); // `format` applies to numbers only; `type` rejects the rest
    };
    let n = n
        .as_i64()
        .map(i128::from)
        .or_else(|| n.as_u64().map(i128::from))
        .ok_or_else(|| format!("{n} is not an integer"))?;
    T::try_from(n)
        .map(|_| ())
        .map_err(|_| format!("{n} is out of range").into())
}

macro_rules! integer_formats {
    ($($name:literal => $ty:ty),* $(,)?) => {
        [$(boon::Format { name: $name, func: |v| fits_integer::<$ty>(v) }),*]
    };
}

fn compile(schema: &Value, url: &str) -> Result<Compiled, String> {
    let mut compiler = boon::Compiler::new();
    compiler.enable_format_assertions();
    for format in integer_formats! {
        "uint8" => u8,
        "uint16" => u16,
        "uint32" => u32,
        "uint64" => u64,
        "int8" => i8,
        "int16" => i16,
        "int32" => i32,
        "int64" => i64,
    } {
        compiler.register_format(format);
    }
    compiler
        .add_resource(url, schema.clone())
        .map_err(|e| e.to_string())?;
    let mut schemas = boon::Schemas::new();
    let index = compiler
        .compile(url, &mut schemas)
        .map_err(|e| format!("{e:#}"))?;
    let mut variants = BTreeMap::new();
    for (i, branch) in schema["oneOf"].as_array().into_iter().flatten().enumerate() {
        let branch_index = compiler
            .compile(&format!("{url}#/oneOf/{i}"), &mut schemas)
            .map_err(|e| format!("{e:#}"))?;
        for name in variant_names(&serde_json::json!({ "oneOf": [branch] })) {
            variants.insert(name, branch_index);
        }
    }
    Ok(Compiled {
        schemas,
        index,
        variants,
        json: schema.clone(),
    })
}

/// The variant names a schema lists: the properties of its `oneOf` objects and its string
/// `enum`s. Empty for a struct.
fn variant_names(schema: &Value) -> Vec<String> {
    let mut names = Vec::new();
    for branch in schema["oneOf"].as_array().into_iter().flatten() {
        if let Some(values) = branch["enum"].as_array() {
            names.extend(values.iter().filter_map(|v| v.as_str().map(String::from)));
        } else if let Some(props) = branch["properties"].as_object() {
            names.extend(props.keys().cloned());
        }
    }
    names
}

/// The variant an example message is: its single key, or the string itself.
fn variant_of(msg: &Value) -> Option<String> {
    match msg {
        Value::String(s) => Some(s.clone()),
        Value::Object(o) if o.len() == 1 => o.keys().next().cloned(),
        _ => None,
    }
}

/// Which properties of each object schema the examples reach, and which they show.
#[derive(Default)]
struct FieldCoverage {
    /// Schema pointer -> (a readable path, the schema's properties, the keys shown).
    objects: BTreeMap<String, (String, BTreeSet<String>, BTreeSet<String>)>,
}

fn resolve<'a>(root: &'a Value, node: &'a Value, ptr: &str) -> (&'a Value, String) {
    match node["$ref"].as_str() {
        Some(r) => {
            let target = r.strip_prefix('#').expect("local $ref only");
            let found = root
                .pointer(target)
                .unwrap_or_else(|| panic!("dangling $ref {r}"));
            resolve(root, found, r)
        }
        None => (node, ptr.to_string()),
    }
}

/// Whether `inst` fits `node` by its shape (type, required and allowed keys, enum): enough to
/// tell apart the branches of the `anyOf` / `oneOf` that schemars writes.
fn fits(root: &Value, node: &Value, inst: &Value) -> bool {
    let (node, _) = resolve(root, node, "");
    if let Some(all) = node["allOf"].as_array() {
        if !all.iter().all(|n| fits(root, n, inst)) {
            return false;
        }
    }
    for key in ["anyOf", "oneOf"] {
        if let Some(any) = node[key].as_array() {
            if !any.iter().any(|n| fits(root, n, inst)) {
                return false;
            }
        }
    }
    if let Some(values) = node["enum"].as_array() {
        if !values.contains(inst) {
            return false;
        }
    }
    let types: Vec<&str> = match &node["type"] {
        Value::String(s) => vec![s.as_str()],
        Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
        _ => vec![],
    };
    if !types.is_empty() {
        let ok = types.iter().any(|ty| match *ty {
            "null" => inst.is_null(),
            "boolean" => inst.is_boolean(),
            "string" => inst.is_string(),
            "integer" => inst.is_i64() || inst.is_u64(),
            "number" => inst.is_number(),
            "array" => inst.is_array(),
            "object" => inst.is_object(),
            _ => false,
        });
        if !ok {
            return false;
        }
    }
    if let (Some(obj), true) = (inst.as_object(), node.get("properties").is_some()) {
        let props = node["properties"].as_object().unwrap();
        let required = node["required"].as_array().into_iter().flatten();
        if !required
            .filter_map(Value::as_str)
            .all(|k| obj.contains_key(k))
        {
            return false;
        }
        if node["additionalProperties"] == Value::Bool(false)
            && !obj.keys().all(|k| props.contains_key(k))
        {
            return false;
        }
    }
    true
}

impl FieldCoverage {
    fn walk(&mut self, root: &Value, node: &Value, ptr: &str, path: &str, inst: &Value) {
        let (node, ptr) = resolve(root, node, ptr);
        for key in ["allOf", "anyOf", "oneOf"] {
            for (i, branch) in node[key].as_array().into_iter().flatten().enumerate() {
                if key == "allOf" || fits(root, branch, inst) {
                    self.walk(root, branch, &format!("{ptr}/{key}/{i}"), path, inst);
                }
            }
        }
        if let (Some(props), Some(obj)) = (node["properties"].as_object(), inst.as_object()) {
            let entry = self.objects.entry(ptr.clone()).or_insert_with(|| {
                (
                    path.to_string(),
                    props.keys().cloned().collect(),
                    BTreeSet::new(),
                )
            });
            // A field counts as shown once an example gives it a value (`null` shows nothing).
            entry.2.extend(
                obj.iter()
                    .filter(|(_, v)| !v.is_null())
                    .map(|(k, _)| k.clone()),
            );
            for (k, v) in obj {
                if let Some(sub) = props.get(k) {
                    let sub_path = if path.is_empty() {
                        k.clone()
                    } else {
                        format!("{path}.{k}")
                    };
                    self.walk(root, sub, &format!("{ptr}/properties/{k}"), &sub_path, v);
                }
            }
        }
        if let Some(items) = inst.as_array() {
            match &node["items"] {
                Value::Array(tuple) => {
                    for (i, (sub, v)) in tuple.iter().zip(items).enumerate() {
                        self.walk(root, sub, &format!("{ptr}/items/{i}"), path, v);
                    }
                }
                sub @ Value::Object(_) => {
                    for v in items {
                        self.walk(root, sub, &format!("{ptr}/items"), path, v);
                    }
                }
                _ => {}
            }
        }
    }

    /// Readable paths of the fields no example shows, per object.
    fn missing(&self) -> Vec<String> {
        self.objects
            .values()
            .filter_map(|(path, props, seen)| {
                let missing: Vec<&String> = props.difference(seen).collect();
                (!missing.is_empty()).then(|| {
                    let at = if path.is_empty() { "(top level)" } else { path };
                    format!("{at}: {missing:?}")
                })
            })
            .collect()
    }
}

/// Every value of the example is in what the Rust type wrote back (which may add defaults and
/// `null`s for fields the example leaves out).
fn contained(example: &Value, back: &Value, at: &str) -> Result<(), String> {
    match (example, back) {
        (Value::Object(a), Value::Object(b)) => {
            for (k, v) in a {
                match b.get(k) {
                    Some(w) => contained(v, w, &format!("{at}.{k}"))?,
                    None => return Err(format!("{at}.{k} was dropped by the Rust type")),
                }
            }
            Ok(())
        }
        (Value::Array(a), Value::Array(b)) if a.len() == b.len() => a
            .iter()
            .zip(b)
            .enumerate()
            .try_for_each(|(i, (v, w))| contained(v, w, &format!("{at}[{i}]"))),
        _ if example == back => Ok(()),
        _ => Err(format!(
            "{at}: the example says {example}, the Rust type writes {back}"
        )),
    }
}

/// Every `wasm1...` string is a valid bech32 address of an account (20 bytes) or a contract
/// (32 bytes).
fn check_addresses(value: &Value, at: &str, problems: &mut Vec<String>) {
    match value {
        Value::String(s) if s.starts_with("wasm1") => {
            let api = MockApi::default().with_prefix("wasm");
            match api.addr_canonicalize(s) {
                Ok(c) if c.len() == 20 || c.len() == 32 => {}
                Ok(c) => problems.push(format!("{at}: {s} is {} bytes, not 20 or 32", c.len())),
                Err(e) => problems.push(format!("{at}: {s} is no valid address: {e}")),
            }
        }
        Value::Array(a) => a
            .iter()
            .enumerate()
            .for_each(|(i, v)| check_addresses(v, &format!("{at}[{i}]"), problems)),
        Value::Object(o) => o
            .iter()
            .for_each(|(k, v)| check_addresses(v, &format!("{at}.{k}"), problems)),
        _ => {}
    }
}

/// The examples of every contract, loaded and compiled.
struct Loaded {
    contracts: Vec<Contract>,
    files: BTreeMap<&'static str, Value>,
    compiled: BTreeMap<(&'static str, &'static str), Compiled>,
}

/// Validates one message of `contract`'s `kind`; returns the problems.
fn check_message(
    loaded: &Loaded,
    contract: &Contract,
    kind: &Kind,
    msg: &Value,
    coverage: Option<&mut FieldCoverage>,
) -> Vec<String> {
    let mut problems = Vec::new();
    let compiled = &loaded.compiled[&(contract.name, kind.key)];
    if let Err(e) = compiled.validate(msg) {
        problems.push(format!("schema: {e}"));
    }
    match (kind.roundtrip)(msg) {
        Ok(back) => {
            if let Err(e) = contained(msg, &back, "msg") {
                problems.push(format!("Rust type: {e}"));
            }
        }
        Err(e) => problems.push(format!("Rust type: {e}")),
    }
    check_addresses(msg, "msg", &mut problems);
    if let Some(coverage) = coverage {
        coverage.walk(&compiled.json, &compiled.json, "#", "", msg);
    }
    problems
}

fn load() -> Loaded {
    let root = repo_root();
    let contracts = contracts();
    let mut files = BTreeMap::new();
    let mut compiled = BTreeMap::new();
    for c in &contracts {
        let file = read_json(&root.join(format!("docs/examples/{}.json", c.name)));
        let schema_file = c.schema_file.map(|p| read_json(&root.join(p)));
        for kind in &c.kinds {
            let schema = match &kind.source {
                SchemaSource::File(key) => schema_file.as_ref().unwrap()[*key].clone(),
                SchemaSource::Generated(v) => v.clone(),
            };
            assert!(
                schema.is_object(),
                "{}: no `{}` schema in {:?}",
                c.name,
                kind.key,
                c.schema_file
            );
            let url = format!("https://trellis.invalid/{}/{}.json", c.name, kind.key);
            let schema = compile(&schema, &url).unwrap_or_else(|e| {
                panic!("{} {}: schema does not compile: {e}", c.name, kind.key)
            });
            compiled.insert((c.name, kind.key), schema);
        }
        files.insert(c.name, file);
    }
    Loaded {
        contracts,
        files,
        compiled,
    }
}

/// `contract/kind` named by an example's `embedded`.
fn find_kind<'a>(loaded: &'a Loaded, name: &str) -> Option<(&'a Contract, &'a Kind)> {
    let (contract, kind) = name.split_once('/')?;
    let c = loaded.contracts.iter().find(|c| c.name == contract)?;
    Some((c, c.kinds.iter().find(|k| k.key == kind)?))
}

/// The base64 `msg` a message carries (cw20 `Send`, `Receive`, cw721 `SendNft`, `ReceiveNft`).
fn carried_payload(msg: &Value) -> Option<&str> {
    msg.as_object()?.values().next()?.get("msg")?.as_str()
}

fn check_contract(loaded: &Loaded, contract: &Contract) -> Vec<String> {
    let mut problems = Vec::new();
    let file = &loaded.files[contract.name];
    let Some(obj) = file.as_object() else {
        return vec![format!(
            "{}: the examples file is not an object",
            contract.name
        )];
    };
    // The file's own fields.
    if obj.get("contract").and_then(Value::as_str) != Some(contract.name) {
        problems.push(format!(
            "{}: `contract` must be {:?}",
            contract.name, contract.name
        ));
    }
    let schema_field = obj.get("schema").and_then(Value::as_str);
    if schema_field != contract.schema_file && contract.schema_file.is_some() {
        problems.push(format!(
            "{}: `schema` must name {:?}",
            contract.name, contract.schema_file
        ));
    }
    for key in obj.keys() {
        if !FILE_KEYS.contains(&key.as_str()) && !contract.kinds.iter().any(|k| k.key == key) {
            problems.push(format!("{}: unknown key `{key}`", contract.name));
        }
    }
    // Every entry point of the schema file has a kind here (a new `sudo` would need one).
    if let Some(path) = contract.schema_file {
        let schema = read_json(&repo_root().join(path));
        for entry in ["instantiate", "execute", "query", "migrate", "sudo"] {
            if schema[entry].is_object() && !contract.kinds.iter().any(|k| k.key == entry) {
                problems.push(format!(
                    "{}: the schema has a `{entry}` entry point that no examples cover",
                    contract.name
                ));
            }
        }
    }

    for kind in &contract.kinds {
        let ctx = format!("{} {}", contract.name, kind.key);
        let Some(entries) = obj.get(kind.key).and_then(Value::as_array) else {
            problems.push(format!(
                "{ctx}: no examples (an array under `{}`)",
                kind.key
            ));
            continue;
        };
        if entries.is_empty() {
            problems.push(format!("{ctx}: no examples"));
        }
        let compiled = &loaded.compiled[&(contract.name, kind.key)];
        let mut coverage = FieldCoverage::default();
        let mut shown = BTreeSet::new();
        for (i, entry) in entries.iter().enumerate() {
            let variant = variant_of(&entry["msg"]).filter(|_| !compiled.variants.is_empty());
            let at = match &variant {
                Some(v) => format!("{ctx} #{i} `{v}`"),
                None => format!("{ctx} #{i}"),
            };
            shown.extend(variant);
            let Some(e) = entry.as_object() else {
                problems.push(format!("{at}: an example is an object"));
                continue;
            };
            for key in e.keys() {
                if !ENTRY_KEYS.contains(&key.as_str()) {
                    problems.push(format!("{at}: unknown key `{key}`"));
                }
            }
            let text = |k: &str| e.get(k).and_then(Value::as_str).unwrap_or("").trim();
            if text("description").is_empty() {
                problems.push(format!("{at}: no `description`"));
            }
            // Who sends it: every message but a query, which anyone may make.
            let needs_sender = kind.key != "query";
            if needs_sender && text("sender").is_empty() {
                problems.push(format!("{at}: no `sender` (who may send it)"));
            }
            if !needs_sender && e.contains_key("sender") {
                problems.push(format!("{at}: a query has no `sender`"));
            }
            if let Some(funds) = e.get("funds") {
                match serde_json::from_value::<Vec<Coin>>(funds.clone()) {
                    Ok(coins) if !coins.is_empty() && coins.iter().all(|c| !c.denom.is_empty()) => {
                    }
                    Ok(_) => problems.push(format!("{at}: `funds` must list coins")),
                    Err(err) => problems.push(format!("{at}: `funds`: {err}")),
                }
            }
            let Some(msg) = e.get("msg") else {
                problems.push(format!("{at}: no `msg`"));
                continue;
            };
            for p in check_message(loaded, contract, kind, msg, Some(&mut coverage)) {
                problems.push(format!("{at}: {p}"));
            }
            // A carried payload is decoded and checked as the hook message it is.
            match (
                carried_payload(msg),
                e.get("embedded").and_then(Value::as_str),
            ) {
                (None, None) => {}
                (None, Some(_)) => problems.push(format!("{at}: `embedded` but no base64 `msg`")),
                (Some(_), None) => problems.push(format!(
                    "{at}: carries a base64 `msg`: name its type in `embedded` (\"contract/kind\")"
                )),
                (Some(b64), Some(name)) => match find_kind(loaded, name) {
                    None => problems.push(format!("{at}: `embedded`: no such kind {name:?}")),
                    Some((hc, hk)) => match Binary::from_base64(b64) {
                        Err(err) => problems.push(format!("{at}: `msg` is not base64: {err}")),
                        Ok(bytes) => match serde_json::from_slice::<Value>(&bytes) {
                            Err(err) => {
                                problems.push(format!("{at}: `msg` decodes to no JSON: {err}"))
                            }
                            Ok(inner) => {
                                for p in check_message(loaded, hc, hk, &inner, None) {
                                    problems.push(format!("{at}: embedded {name} {inner}: {p}"));
                                }
                            }
                        },
                    },
                },
            }
        }
        // Every variant the schema lists has an example.
        for name in variant_names(&compiled.json) {
            if !shown.contains(&name) {
                problems.push(format!("{ctx}: no example of `{name}`"));
            }
        }
        // Every field of every object reached is shown at least once.
        for m in coverage.missing() {
            problems.push(format!("{ctx}: fields never shown: {m}"));
        }
    }
    problems
}

#[test]
fn every_message_has_a_valid_example() {
    let loaded = load();
    let mut problems = Vec::new();
    for contract in &loaded.contracts {
        problems.extend(check_contract(&loaded, contract));
    }
    let mut report = String::new();
    for p in &problems {
        writeln!(report, "- {}", p.replace('\n', "\n    ")).unwrap();
    }
    assert!(
        problems.is_empty(),
        "{} problem(s) in docs/examples:\n{report}",
        problems.len()
    );
}

/// The examples folder holds one file per contract and a README linking each, nothing else.
#[test]
fn the_examples_folder_matches_the_contracts() {
    let dir = repo_root().join("docs/examples");
    let names: BTreeSet<String> = contracts()
        .iter()
        .map(|c| format!("{}.json", c.name))
        .collect();
    let mut found = BTreeSet::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        if name != "README.md" {
            found.insert(name);
        }
    }
    assert_eq!(found, names, "docs/examples/ files vs contracts");
    let readme = std::fs::read_to_string(dir.join("README.md")).unwrap();
    for name in &names {
        assert!(
            readme.contains(&format!("({name})")),
            "docs/examples/README.md does not link {name}"
        );
    }
    // Every contract folder is documented.
    let mut folders = BTreeSet::new();
    for entry in std::fs::read_dir(repo_root().join("contracts")).unwrap() {
        let entry = entry.unwrap();
        if entry.path().join("Cargo.toml").exists() {
            folders.insert(format!("{}.json", entry.file_name().into_string().unwrap()));
        }
    }
    assert_eq!(folders, names, "contracts/ folders vs docs/examples/ files");
}

/// The checks themselves catch what they are for.
#[test]
fn the_checks_fail_on_bad_examples() {
    let loaded = load();
    let farm = loaded.contracts.iter().find(|c| c.name == "farm").unwrap();
    let execute = farm.kinds.iter().find(|k| k.key == "execute").unwrap();
    let good = serde_json::json!({"set_weight": {"pool_id": 1, "weight": 300}});
    assert!(check_message(&loaded, farm, execute, &good, None).is_empty());
    // Unknown variant, wrong type, out-of-range integer, bad address, unknown field.
    for bad in [
        serde_json::json!({"set_weights": {"pool_id": 1, "weight": 300}}),
        serde_json::json!({"set_weight": {"pool_id": "1", "weight": 300}}),
        serde_json::json!({"add_pool": {"staking": {"native": {"denom": "uatom"}},
            "kind": "solo", "weight": 1, "tokenless_share_pct": 256}}),
        serde_json::json!({"kick": {"user": "wasm1sueadu53rfkelzjkqmx97h0yf8jq7ejdep27cv",
            "pool_id": 1}}),
        serde_json::json!({"set_weight": {"pool_id": 1, "weight": 300, "extra": true}}),
    ] {
        assert!(
            !check_message(&loaded, farm, execute, &bad, None).is_empty(),
            "accepted {bad}"
        );
    }
    // A missing variant and a field never shown are reported.
    let mut coverage = FieldCoverage::default();
    let compiled = &loaded.compiled[&("farm", "execute")];
    let deposit = serde_json::json!({"deposit": {"pool_id": 1}});
    coverage.walk(&compiled.json, &compiled.json, "#", "", &deposit);
    assert_eq!(coverage.missing(), ["deposit: [\"recipient\"]"]);
    assert!(variant_names(&compiled.json).contains(&"add_pool".to_string()));
}
