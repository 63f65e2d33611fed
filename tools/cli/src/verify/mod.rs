//! `trellis index verify --database DB`: every indexed figure against the contracts' own
//! queries at the same height. The index records the scenario it came from; verify runs that
//! scenario again on a fresh embedded chain (runs are deterministic) and, at the end of the
//! run, when the chain stands at the height the index stops at, queries every contract the
//! index knows and compares.
pub mod cl;
pub mod farm;
pub mod pools;
pub mod ve;

use std::fmt::Display;

use anyhow::{bail, Context, Result};
use sqlx::any::AnyRow;
use sqlx::Row;
use tokio::runtime::Runtime;
use trellis_indexer::amount;
use trellis_indexer::db::Db;
use trellis_testing::RecordedTx;

use crate::runner::deploy::World;
use crate::runner::ChainTap;
use crate::scenario::plan::Plan;

/// The index under check, and what was found.
pub struct Verifier {
    runtime: Runtime,
    db: Db,
    /// Figures compared.
    pub compared: u64,
    /// Each difference: entity, field, indexed value, chain value.
    pub differences: Vec<String>,
}

impl Verifier {
    pub fn open(database: &str) -> Result<Verifier> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()?;
        let db = runtime.block_on(Db::open(database))?;
        Ok(Verifier {
            runtime,
            db,
            compared: 0,
            differences: Vec::new(),
        })
    }

    /// The scenario file the index was built from (`trellis sim --index`).
    pub fn scenario(&self) -> Result<String> {
        match self.runtime.block_on(self.db.meta("scenario"))? {
            Some(file) => Ok(file),
            None => bail!(
                "the index has no scenario: verify checks indexes built by `trellis sim --index`"
            ),
        }
    }

    /// All rows of a query on the index.
    pub fn rows(&self, sql: &str) -> Result<Vec<AnyRow>> {
        self.runtime
            .block_on(sqlx::query(sql).fetch_all(self.db.pool()))
            .with_context(|| format!("reading the index: {sql}"))
    }

    /// All rows of a query with text parameters `$1, $2, …`.
    pub fn rows_with(&self, sql: &str, params: &[&str]) -> Result<Vec<AnyRow>> {
        let mut query = sqlx::query(sql);
        for p in params {
            query = query.bind(p.to_string());
        }
        self.runtime
            .block_on(query.fetch_all(self.db.pool()))
            .with_context(|| format!("reading the index: {sql}"))
    }

    /// Compares one figure.
    pub fn check<T: PartialEq + Display>(&mut self, what: &str, indexed: T, chain: T) {
        self.compared += 1;
        if indexed != chain {
            self.differences
                .push(format!("{what}: indexed {indexed}, chain {chain}"));
        }
    }
}

/// An amount column of a row.
pub fn amount_of(row: &AnyRow, column: &str) -> u128 {
    amount::parse(&row.get::<String, _>(column)).unwrap_or(u128::MAX)
}

pub fn text_of(row: &AnyRow, column: &str) -> String {
    row.get::<String, _>(column)
}

pub fn int_of(row: &AnyRow, column: &str) -> i64 {
    row.get::<i64, _>(column)
}

impl ChainTap for Verifier {
    fn deployed(&mut self, _: &World, _: &Plan) -> Result<()> {
        Ok(())
    }

    fn transactions(&mut self, _: Vec<RecordedTx>) -> Result<()> {
        Ok(())
    }

    fn finished(&mut self, world: &World) -> Result<()> {
        let cursor = self
            .runtime
            .block_on(self.db.cursor())?
            .context("the index is empty")?;
        let height = world.suite.height();
        if cursor.height != height {
            bail!(
                "the index stops at height {}, the scenario's chain at {height}: not the same run",
                cursor.height
            );
        }
        farm::check(self, world)?;
        pools::check(self, world)?;
        cl::check(self, world)?;
        ve::check(self, world)?;
        Ok(())
    }
}
