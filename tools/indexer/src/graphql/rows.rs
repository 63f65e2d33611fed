//! Reading entities: The Graph's `where`, `orderBy`, `first` and `skip` turned into one SQL
//! statement with bind parameters (table and column names come from the catalog only).
use std::collections::HashMap;

use anyhow::{bail, Result};
use sqlx::any::AnyRow;
use sqlx::Row;

use crate::amount;
use crate::catalog::{Entity, FieldType};
use crate::db::{Db, Value};

/// Page size when `first` is not given, and the most `first` may ask.
pub const DEFAULT_FIRST: i64 = 100;
pub const MAX_FIRST: i64 = 1_000;

/// One entity row, by column.
#[derive(Clone, Debug, Default)]
pub struct EntityRow {
    pub entity: &'static str,
    pub cells: HashMap<&'static str, Cell>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cell {
    Text(String),
    Int(i64),
    Null,
}

/// A filter's comparison.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    Eq,
    Not,
    In,
    NotIn,
    Gt,
    Lt,
    Gte,
    Lte,
}

impl Op {
    pub const ALL: [(Op, &'static str); 8] = [
        (Op::Eq, ""),
        (Op::Not, "_not"),
        (Op::In, "_in"),
        (Op::NotIn, "_not_in"),
        (Op::Gt, "_gt"),
        (Op::Lt, "_lt"),
        (Op::Gte, "_gte"),
        (Op::Lte, "_lte"),
    ];

    /// The comparisons a field type offers (booleans: equality and lists only).
    pub fn applies_to(self, ty: FieldType) -> bool {
        ty != FieldType::Boolean || matches!(self, Op::Eq | Op::Not | Op::In)
    }
}

/// One condition of a `where`: a column, a comparison and its value(s) (`None`: null).
#[derive(Clone, Debug)]
pub struct Condition {
    pub column: &'static str,
    pub op: Op,
    pub values: Option<Vec<Value>>,
}

/// A page request.
#[derive(Clone, Debug)]
pub struct Page {
    pub first: i64,
    pub skip: i64,
    pub order_by: &'static str,
    pub descending: bool,
}

/// The stored form of a filter value given as text (amounts are padded).
pub fn stored(ty: FieldType, raw: &str) -> Result<Value> {
    Ok(match ty {
        FieldType::BigInt => match amount::pad_decimal(raw) {
            Some(padded) => Value::Text(padded),
            None => bail!("{raw:?} is not a BigInt (a decimal amount below 2^128)"),
        },
        FieldType::Int | FieldType::BigIntNumber => match raw.trim().parse::<i64>() {
            Ok(i) => Value::Int(i),
            Err(_) => bail!("{raw:?} is not an integer"),
        },
        FieldType::Boolean => match raw {
            "true" => Value::Int(1),
            "false" => Value::Int(0),
            _ => bail!("{raw:?} is not a Boolean"),
        },
        _ => Value::Text(raw.to_string()),
    })
}

/// The rows of `entity` matching `conditions`, one page of them.
pub async fn fetch(
    db: &Db,
    entity: &'static Entity,
    conditions: &[Condition],
    page: &Page,
) -> Result<Vec<EntityRow>> {
    let mut binds: Vec<Value> = Vec::new();
    let mut clauses: Vec<String> = Vec::new();
    for c in conditions {
        clauses.push(clause(c, &mut binds));
    }
    let mut sql = format!("SELECT * FROM {}", entity.table);
    if !clauses.is_empty() {
        sql.push_str(" WHERE ");
        sql.push_str(&clauses.join(" AND "));
    }
    let direction = if page.descending { "DESC" } else { "ASC" };
    // Ties are broken by id, so pages never overlap.
    sql.push_str(&format!(" ORDER BY {} {direction}", page.order_by));
    if page.order_by != "id" {
        sql.push_str(&format!(", id {direction}"));
    }
    binds.push(Value::Int(page.first));
    binds.push(Value::Int(page.skip));
    sql.push_str(&format!(
        " LIMIT ${} OFFSET ${}",
        binds.len() - 1,
        binds.len()
    ));
    let mut query = sqlx::query(&sql);
    for value in &binds {
        query = match value {
            Value::Text(s) => query.bind(s.clone()),
            Value::Int(i) => query.bind(*i),
            Value::Null => query.bind(Option::<String>::None),
        };
    }
    let rows = query.fetch_all(db.pool()).await?;
    Ok(rows.iter().map(|r| decode(entity, r)).collect())
}

/// One row by id.
pub async fn by_id(db: &Db, entity: &'static Entity, id: &str) -> Result<Option<EntityRow>> {
    let condition = Condition {
        column: "id",
        op: Op::Eq,
        values: Some(vec![Value::Text(id.to_string())]),
    };
    let page = Page {
        first: 1,
        skip: 0,
        order_by: "id",
        descending: false,
    };
    Ok(fetch(db, entity, &[condition], &page)
        .await?
        .into_iter()
        .next())
}

fn placeholder(binds: &mut Vec<Value>, value: Value) -> String {
    binds.push(value);
    format!("${}", binds.len())
}

fn clause(c: &Condition, binds: &mut Vec<Value>) -> String {
    let column = c.column;
    let Some(values) = &c.values else {
        return match c.op {
            Op::Not => format!("{column} IS NOT NULL"),
            _ => format!("{column} IS NULL"),
        };
    };
    match c.op {
        Op::In | Op::NotIn => {
            if values.is_empty() {
                return if c.op == Op::In { "1 = 0" } else { "1 = 1" }.to_string();
            }
            let list: Vec<String> = values
                .iter()
                .map(|v| placeholder(binds, v.clone()))
                .collect();
            let not = if c.op == Op::NotIn { "NOT " } else { "" };
            format!("{column} {not}IN ({})", list.join(", "))
        }
        op => {
            let sign = match op {
                Op::Eq => "=",
                Op::Not => "<>",
                Op::Gt => ">",
                Op::Lt => "<",
                Op::Gte => ">=",
                _ => "<=",
            };
            let value = values.first().cloned().unwrap_or(Value::Null);
            format!("{column} {sign} {}", placeholder(binds, value))
        }
    }
}

fn decode(entity: &'static Entity, row: &AnyRow) -> EntityRow {
    let mut cells = HashMap::new();
    for field in entity.fields {
        let cell = match field.ty {
            FieldType::Int | FieldType::BigIntNumber | FieldType::Boolean => row
                .try_get::<Option<i64>, _>(field.column)
                .ok()
                .flatten()
                .map_or(Cell::Null, Cell::Int),
            _ => row
                .try_get::<Option<String>, _>(field.column)
                .ok()
                .flatten()
                .map_or(Cell::Null, Cell::Text),
        };
        cells.insert(field.column, cell);
    }
    EntityRow {
        entity: entity.name,
        cells,
    }
}
