//! The database: SQLite (a file, the default) or PostgreSQL, through sqlx's `Any` driver so
//! one code path serves both. Migrations are versioned files in `migrations/`, run on open.
pub mod write;

use std::str::FromStr;

use anyhow::{Context, Result};
use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{AnyPool, Row};

pub use write::{Tx, Value};

/// Which engine a database runs on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

/// An open, migrated database.
#[derive(Clone, Debug)]
pub struct Db {
    pool: AnyPool,
    engine: Engine,
}

/// Where the last applied block left the index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cursor {
    pub height: u64,
    pub time: u64,
}

impl Db {
    /// Opens `target` and brings its schema up to date: a `postgres://` URL, a `sqlite:`
    /// URL, or a file path (created when missing).
    pub async fn open(target: &str) -> Result<Db> {
        sqlx::any::install_default_drivers();
        let (url, engine) =
            if target.starts_with("postgres://") || target.starts_with("postgresql://") {
                (target.to_string(), Engine::Postgres)
            } else if target.starts_with("sqlite:") {
                (target.to_string(), Engine::Sqlite)
            } else {
                if let Some(parent) = std::path::Path::new(target).parent() {
                    if !parent.as_os_str().is_empty() {
                        std::fs::create_dir_all(parent)
                            .with_context(|| format!("creating {}", parent.display()))?;
                    }
                }
                (format!("sqlite://{target}?mode=rwc"), Engine::Sqlite)
            };
        let options =
            AnyConnectOptions::from_str(&url).with_context(|| format!("database {target}"))?;
        // One writer: blocks are applied in order. SQLite allows one writer anyway; the API
        // opens its own pool.
        let pool = AnyPoolOptions::new()
            .max_connections(if engine == Engine::Sqlite { 1 } else { 4 })
            .connect_with(options)
            .await
            .with_context(|| format!("connecting to {target}"))?;
        if engine == Engine::Sqlite {
            // WAL: readers (the API) never block the writer. NORMAL sync is crash-safe in
            // WAL mode (a crash may lose the last commits, never corrupt or half-apply one).
            for pragma in ["PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL"] {
                sqlx::query(pragma).execute(&pool).await?;
            }
        }
        sqlx::migrate!("./migrations")
            .run(&pool)
            .await
            .context("running the indexer's migrations")?;
        Ok(Db { pool, engine })
    }

    /// A read-only pool for the API, with more connections.
    pub async fn open_read_only(target: &str, connections: u32) -> Result<Db> {
        let db = Db::open(target).await?;
        if db.engine == Engine::Postgres || connections <= 1 {
            return Ok(db);
        }
        db.pool.close().await;
        let url = if target.starts_with("sqlite:") {
            target.to_string()
        } else {
            // The API never writes (it has no mutations); several connections let queries
            // run side by side, WAL readers never blocking the indexer.
            format!("sqlite://{target}?mode=rwc")
        };
        let pool = AnyPoolOptions::new()
            .max_connections(connections)
            .connect_with(AnyConnectOptions::from_str(&url)?)
            .await?;
        Ok(Db {
            pool,
            engine: Engine::Sqlite,
        })
    }

    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    pub fn engine(&self) -> Engine {
        self.engine
    }

    /// The last applied block, `None` before the first.
    pub async fn cursor(&self) -> Result<Option<Cursor>> {
        let row = sqlx::query("SELECT height, time FROM indexer_cursor WHERE id = 1")
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.map(|r| Cursor {
            height: r.get::<i64, _>(0) as u64,
            time: r.get::<i64, _>(1) as u64,
        }))
    }

    pub async fn begin(&self) -> Result<Tx<'_>> {
        Ok(Tx::new(self.pool.begin().await?))
    }

    /// A metadata value (`source`, `scenario`, …).
    pub async fn meta(&self, key: &str) -> Result<Option<String>> {
        let row = sqlx::query("SELECT value FROM indexer_meta WHERE key = $1")
            .bind(key)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.map(|r| r.get::<String, _>(0)))
    }

    pub async fn set_meta(&self, key: &str, value: &str) -> Result<()> {
        sqlx::query(
            "INSERT INTO indexer_meta (key, value) VALUES ($1, $2) \
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        )
        .bind(key)
        .bind(value)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }
}
