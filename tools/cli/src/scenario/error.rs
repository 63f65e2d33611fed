//! Scenario errors with their location: `file:line:col: field: message`.
use std::collections::HashMap;
use std::fmt;
use std::ops::Range;

/// An error in a scenario file, located at a line and column (1-based) and naming the field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScenarioError {
    pub file: String,
    pub line: usize,
    pub col: usize,
    /// Dotted path of the field, e.g. `users[1].actions[0].pool` (empty when unknown).
    pub field: String,
    pub message: String,
}

impl fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            // Not about a place in the file (e.g. the file cannot be read).
            write!(f, "{}: ", self.file)?;
        } else {
            write!(f, "{}:{}:{}: ", self.file, self.line, self.col)?;
        }
        if !self.field.is_empty() {
            write!(f, "{}: ", self.field)?;
        }
        write!(f, "{}", self.message)
    }
}

impl std::error::Error for ScenarioError {}

/// The source text of a scenario and its name, to turn byte spans into locations.
#[derive(Clone, Copy, Debug)]
pub struct Source<'a> {
    pub file: &'a str,
    pub text: &'a str,
}

impl Source<'_> {
    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let before = &self.text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
        let col = self.text[line_start..offset].chars().count() + 1;
        (line, col)
    }

    /// An error at `span` about `field`.
    pub fn error(
        &self,
        span: Range<usize>,
        field: impl Into<String>,
        message: impl Into<String>,
    ) -> ScenarioError {
        let (line, col) = self.line_col(span.start);
        ScenarioError {
            file: self.file.to_string(),
            line,
            col,
            field: field.into(),
            message: message.into(),
        }
    }

    /// A TOML syntax or shape error (from serde): located by its span, with the field found
    /// by reading the table headers and the key at that position.
    pub fn from_toml(&self, err: &toml::de::Error) -> ScenarioError {
        let span = err.span().unwrap_or(0..0);
        let field = field_at(self.text, span.start);
        self.error(span, field, plain_message(err.message().trim()))
    }
}

/// serde's wording for a value of the wrong type or out of range, said in the scenario's
/// terms: ``invalid value: integer `-3`, expected u64`` becomes `-3 is not a whole number ≥ 0`.
/// Other messages are kept.
pub fn plain_message(message: &str) -> String {
    let Some((found, expected)) = message.split_once(", expected ") else {
        return message.to_string();
    };
    let range = match expected {
        "u8" => "a whole number from 0 to 255",
        "u16" => "a whole number from 0 to 65535",
        "u32" => "a whole number from 0 to 4294967295",
        "u64" => "a whole number ≥ 0",
        "i32" => "a whole number from -2147483648 to 2147483647",
        _ => return message.to_string(),
    };
    let value = found
        .strip_prefix("invalid value: ")
        .or_else(|| found.strip_prefix("invalid type: "))
        .unwrap_or(found);
    // `integer `-3`` -> `-3`; `string "x"` -> `"x"`; `floating point `1.5`` -> `1.5`.
    let value = match value.split_once(' ') {
        Some((_, rest)) if value.starts_with("integer") || value.starts_with("string") => rest,
        _ => value.strip_prefix("floating point ").unwrap_or(value),
    };
    format!("{} is not {range}", value.trim_matches('`'))
}

/// The dotted field path at a byte offset: the enclosing `[table]` / `[[array]]` headers (with
/// array indices), the key of a multi-line array of inline tables (with the element index),
/// and the keys on that line up to the offset, e.g. `users[1].actions[0].amount`.
pub fn field_at(text: &str, offset: usize) -> String {
    let mut table = String::new();
    // Current index of each array of tables, by dotted name with resolved parents.
    let mut counters: HashMap<String, usize> = HashMap::new();
    let mut current: HashMap<String, usize> = HashMap::new();
    // Inside `key = [` ... `]` spanning lines: the key and the index of the current element.
    let mut array: Option<(String, Option<usize>)> = None;
    let mut line_start = 0usize;
    for line in text.split_inclusive('\n') {
        let line_end = line_start + line.len();
        let trimmed = line.trim();
        let is_header = trimmed.starts_with('[') && array.is_none();
        if is_header {
            let is_array = trimmed.starts_with("[[");
            let name = trimmed
                .trim_start_matches('[')
                .split(']')
                .next()
                .unwrap_or("")
                .trim()
                .to_string();
            let path = resolve(&name, &current);
            if is_array {
                let index = counters
                    .entry(path.clone())
                    .and_modify(|i| *i += 1)
                    .or_insert(0);
                current.insert(name.clone(), *index);
                table = format!("{path}[{index}]");
            } else {
                table = path;
            }
        } else if let Some((_, index)) = array.as_mut() {
            if trimmed.starts_with('{') {
                *index = Some(index.map_or(0, |i| i + 1));
            }
        }
        let here = offset < line_end || line_end == text.len();
        if here {
            if is_header {
                return table;
            }
            let column = offset.saturating_sub(line_start).min(line.len());
            let keys = keys_before(line, column);
            let mut path: Vec<String> = Vec::new();
            if !table.is_empty() {
                path.push(table.clone());
            }
            if let Some((key, index)) = &array {
                path.push(match index {
                    Some(i) => format!("{key}[{i}]"),
                    None => key.clone(),
                });
            }
            path.extend(keys);
            return path.join(".");
        }
        // Track multi-line arrays: `key = [` opens one unless it closes on the same line.
        if array.is_some() {
            if trimmed.starts_with(']') {
                array = None;
            }
        } else if let Some((key, value)) = line.split_once('=') {
            let value = value.trim();
            if value.starts_with('[') && !value.contains(']') {
                array = Some((key.trim().trim_matches('"').to_string(), None));
            }
        }
        line_start = line_end;
    }
    table
}

/// The keys leading to `column` on a line: the keys of the inline tables still open there and
/// the key whose value holds the column, or the key under the column (an unknown field's
/// span points at the key itself). `a = { b = 1, c = "x" }` at `"x"` gives `[a, c]`.
fn keys_before(line: &str, column: usize) -> Vec<String> {
    let is_key_char = |c: char| c.is_ascii_alphanumeric() || "_-\"".contains(c);
    let mut column = column.min(line.len());
    while !line.is_char_boundary(column) {
        column -= 1;
    }
    let after = &line[column..];
    let key_len = after.find(|c: char| !is_key_char(c)).unwrap_or(after.len());
    let under = (key_len > 0 && after[key_len..].trim_start().starts_with('='))
        .then(|| after[..key_len].trim_matches('"').to_string());

    let mut open: Vec<Option<String>> = Vec::new();
    let mut key: Option<String> = None;
    let mut in_string = false;
    let before = &line[..column];
    for (i, c) in before.char_indices() {
        match c {
            '"' => in_string = !in_string,
            _ if in_string => {}
            '=' => {
                let head = before[..i].trim_end();
                let start = head
                    .rfind(|c: char| !is_key_char(c))
                    .map(|j| j + 1)
                    .unwrap_or(0);
                let name = head[start..].trim_matches('"');
                key = (!name.is_empty()).then(|| name.to_string());
            }
            '{' => open.push(key.take()),
            '}' => {
                open.pop();
                key = None;
            }
            ',' => key = None,
            _ => {}
        }
    }
    let mut out: Vec<String> = open.into_iter().flatten().collect();
    if let Some(k) = under.or(key) {
        out.push(k);
    }
    out
}

/// `users.actions` -> `users[2].actions` when `users` is an array of tables now at index 2.
fn resolve(name: &str, current: &HashMap<String, usize>) -> String {
    let parts: Vec<&str> = name.split('.').map(str::trim).collect();
    let mut out = String::new();
    for (i, part) in parts.iter().enumerate() {
        if !out.is_empty() {
            out.push('.');
        }
        out.push_str(part);
        let prefix = parts[..=i].join(".");
        if i + 1 < parts.len() {
            if let Some(index) = current.get(&prefix) {
                out.push_str(&format!("[{index}]"));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "name = \"x\"\n[farm]\nclock = \"time\"\n[[users]]\nname = \"a\"\n[[users]]\nname = \"b\"\n[[users.actions]]\nat = 5\n[[users.actions]]\nat = 6\n";

    fn offset_of(needle: &str) -> usize {
        TEXT.find(needle).unwrap()
    }

    #[test]
    fn paths_follow_headers_and_array_indices() {
        assert_eq!(field_at(TEXT, offset_of("\"x\"")), "name");
        assert_eq!(field_at(TEXT, offset_of("\"time\"")), "farm.clock");
        assert_eq!(field_at(TEXT, offset_of("\"b\"")), "users[1].name");
        assert_eq!(field_at(TEXT, offset_of("5")), "users[1].actions[0].at");
        assert_eq!(field_at(TEXT, offset_of("6")), "users[1].actions[1].at");
    }

    #[test]
    fn paths_inside_inline_tables_and_arrays() {
        let text = "[[users]]\nname = \"a\"\nbalances = { \"LP\" = \"1x\" }\nactions = [\n  { at = 1, action = \"deposit\" },\n  { at = 2, actoin = \"claim\" },\n]\nlast = 3\n";
        let at = |needle: &str| field_at(text, text.find(needle).unwrap());
        assert_eq!(at("\"1x\""), "users[0].balances.LP");
        assert_eq!(at("\"deposit\""), "users[0].actions[0].action");
        assert_eq!(at("actoin"), "users[0].actions[1].actoin");
        assert_eq!(at("3"), "users[0].last");
    }

    #[test]
    fn serde_ranges_are_said_plainly() {
        assert_eq!(
            plain_message("invalid value: integer `-3`, expected u64"),
            "-3 is not a whole number ≥ 0"
        );
        assert_eq!(
            plain_message("invalid value: integer `70000`, expected u16"),
            "70000 is not a whole number from 0 to 65535"
        );
        assert_eq!(
            plain_message("invalid type: string \"x\", expected u32"),
            "\"x\" is not a whole number from 0 to 4294967295"
        );
        assert_eq!(
            plain_message("invalid type: floating point `1.5`, expected u8"),
            "1.5 is not a whole number from 0 to 255"
        );
        // Anything else is kept as serde wrote it.
        assert_eq!(
            plain_message("unknown variant `x`, expected `a` or `b`"),
            "unknown variant `x`, expected `a` or `b`"
        );
    }

    #[test]
    fn line_and_column_are_one_based() {
        let source = Source {
            file: "f.toml",
            text: TEXT,
        };
        assert_eq!(source.line_col(0), (1, 1));
        // `"time"` is on line 3 after `clock = `.
        assert_eq!(source.line_col(offset_of("\"time\"")), (3, 9));
        let err = source.error(
            offset_of("6")..offset_of("6") + 1,
            "users[1].actions[1].at",
            "boom",
        );
        assert_eq!(err.to_string(), "f.toml:11:6: users[1].actions[1].at: boom");
    }
}
