//! Writing entities inside one block's transaction.
use anyhow::Result;
use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};

use crate::amount;

/// A column value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    Text(String),
    Int(i64),
    Null,
}

impl Value {
    pub fn amount(a: u128) -> Value {
        Value::Text(amount::pad(a))
    }
    pub fn text(s: impl Into<String>) -> Value {
        Value::Text(s.into())
    }
    pub fn int(i: impl TryInto<i64>) -> Value {
        Value::Int(i.try_into().unwrap_or(i64::MAX))
    }
    pub fn bool(b: bool) -> Value {
        Value::Int(b as i64)
    }
    pub fn opt_text(s: Option<impl Into<String>>) -> Value {
        s.map_or(Value::Null, |s| Value::Text(s.into()))
    }
}

/// One block's transaction, with the block's height and time for `updated_*` columns.
pub struct Tx<'c> {
    inner: Transaction<'c, Any>,
    pub height: u64,
    pub time: u64,
}

impl<'c> Tx<'c> {
    pub(crate) fn new(inner: Transaction<'c, Any>) -> Self {
        Tx {
            inner,
            height: 0,
            time: 0,
        }
    }

    /// Inserts the row `id` of `table`, or updates the given columns of it, and stamps
    /// `updated_height`/`updated_time`. Columns not given keep their value (or default).
    pub async fn upsert(&mut self, table: &str, id: &str, columns: &[(&str, Value)]) -> Result<()> {
        let mut all: Vec<(&str, Value)> = columns.to_vec();
        all.push(("updated_height", Value::int(self.height)));
        all.push(("updated_time", Value::int(self.time)));
        self.write(table, id, &all, true).await
    }

    /// Appends a history row (its own `height`/`time` columns are given by the caller's
    /// columns or stamped here). Applying the same block twice cannot happen (the cursor
    /// refuses it), and the id is unique per event anyway.
    pub async fn append(&mut self, table: &str, id: &str, columns: &[(&str, Value)]) -> Result<()> {
        let mut all: Vec<(&str, Value)> = columns.to_vec();
        all.push(("height", Value::int(self.height)));
        all.push(("time", Value::int(self.time)));
        self.write(table, id, &all, false).await
    }

    async fn write(
        &mut self,
        table: &str,
        id: &str,
        columns: &[(&str, Value)],
        update: bool,
    ) -> Result<()> {
        let names: Vec<&str> = columns.iter().map(|(c, _)| *c).collect();
        let placeholders: Vec<String> = (2..=columns.len() + 1).map(|i| format!("${i}")).collect();
        let mut sql = format!(
            "INSERT INTO {table} (id, {}) VALUES ($1, {})",
            names.join(", "),
            placeholders.join(", ")
        );
        if update {
            let sets: Vec<String> = names
                .iter()
                .map(|c| format!("{c} = excluded.{c}"))
                .collect();
            sql.push_str(&format!(
                " ON CONFLICT (id) DO UPDATE SET {}",
                sets.join(", ")
            ));
        }
        let mut query = sqlx::query(&sql).bind(id.to_string());
        for (_, value) in columns {
            query = match value {
                Value::Text(s) => query.bind(s.clone()),
                Value::Int(i) => query.bind(*i),
                Value::Null => query.bind(Option::<String>::None),
            };
        }
        query.execute(&mut *self.inner).await?;
        Ok(())
    }

    /// The row `id` of `table`, if any.
    pub async fn load(&mut self, table: &str, id: &str) -> Result<Option<AnyRow>> {
        let sql = format!("SELECT * FROM {table} WHERE id = $1");
        Ok(sqlx::query(&sql)
            .bind(id.to_string())
            .fetch_optional(&mut *self.inner)
            .await?)
    }

    /// An amount column of row `id` (0 when the row does not exist yet).
    pub async fn amount(&mut self, table: &str, id: &str, column: &str) -> Result<u128> {
        let sql = format!("SELECT {column} FROM {table} WHERE id = $1");
        let row = sqlx::query(&sql)
            .bind(id.to_string())
            .fetch_optional(&mut *self.inner)
            .await?;
        Ok(match row {
            Some(r) => amount::parse(&r.get::<String, _>(0)).unwrap_or(0),
            None => 0,
        })
    }

    /// An integer column of row `id` (0 when the row does not exist yet).
    pub async fn int(&mut self, table: &str, id: &str, column: &str) -> Result<i64> {
        let sql = format!("SELECT {column} FROM {table} WHERE id = $1");
        let row = sqlx::query(&sql)
            .bind(id.to_string())
            .fetch_optional(&mut *self.inner)
            .await?;
        Ok(row.map(|r| r.get::<i64, _>(0)).unwrap_or(0))
    }

    /// A text column of row `id`.
    pub async fn text(&mut self, table: &str, id: &str, column: &str) -> Result<Option<String>> {
        let sql = format!("SELECT {column} FROM {table} WHERE id = $1");
        let row = sqlx::query(&sql)
            .bind(id.to_string())
            .fetch_optional(&mut *self.inner)
            .await?;
        Ok(row.and_then(|r| r.get::<Option<String>, _>(0)))
    }

    /// Adds `delta` to an amount column of row `id` (created when missing) and returns
    /// the new value.
    pub async fn add_amount(
        &mut self,
        table: &str,
        id: &str,
        column: &'static str,
        delta: u128,
    ) -> Result<u128> {
        let now = self.amount(table, id, column).await?;
        let new = now
            .checked_add(delta)
            .ok_or_else(|| anyhow::anyhow!("{table}.{column} of {id} overflows"))?;
        self.upsert(table, id, &[(column, Value::amount(new))])
            .await?;
        Ok(new)
    }

    /// Any statement, for the few writes that are not one row by id.
    pub async fn execute(&mut self, sql: &str, binds: &[Value]) -> Result<u64> {
        let mut query = sqlx::query(sql);
        for value in binds {
            query = match value {
                Value::Text(s) => query.bind(s.clone()),
                Value::Int(i) => query.bind(*i),
                Value::Null => query.bind(Option::<String>::None),
            };
        }
        Ok(query.execute(&mut *self.inner).await?.rows_affected())
    }

    pub async fn commit(self) -> Result<()> {
        self.inner.commit().await?;
        Ok(())
    }
}
