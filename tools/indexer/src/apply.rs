//! Applying blocks: each block in one transaction, together with the cursor, so a crash at
//! any point leaves the index at the end of some block, never inside one, and a restart
//! resumes after the cursor without applying anything twice.
use anyhow::{Context, Result};

use crate::block::Block;
use crate::db::{Cursor, Db, Value};
use crate::handlers;
use crate::registry::{ContractKind, Registry};
use crate::tokens::TokenInfo;

/// What applying a block did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Applied {
    /// Indexed, with this many of its events handled by a Trellis handler.
    Indexed { handled: usize },
    /// At or below the cursor: already in the index, left alone.
    AlreadyIndexed,
}

/// The indexer: a database and what it knows of the contracts.
pub struct Indexer {
    db: Db,
    registry: Registry,
    cursor: Option<Cursor>,
}

impl Indexer {
    pub async fn open(database: &str) -> Result<Indexer> {
        let db = Db::open(database).await?;
        let registry = Registry::load(&db).await?;
        let cursor = db.cursor().await?;
        Ok(Indexer {
            db,
            registry,
            cursor,
        })
    }

    pub fn db(&self) -> &Db {
        &self.db
    }

    /// The last block applied.
    pub fn cursor(&self) -> Option<Cursor> {
        self.cursor
    }

    /// Registers a contract and (for tokens) its metadata, outside any block: what a
    /// deployment file or the sim knows before the first block.
    pub async fn register(&mut self, address: &str, kind: ContractKind, label: &str) -> Result<()> {
        let mut tx = self.db.begin().await?;
        tx.height = self.cursor.map_or(0, |c| c.height);
        tx.time = self.cursor.map_or(0, |c| c.time);
        self.registry.stage(&mut tx, address, kind, label).await?;
        tx.commit().await?;
        self.registry.commit();
        Ok(())
    }

    /// Registers a code id: contracts instantiated from it are indexed from their first
    /// event.
    pub async fn register_code(&mut self, code_id: u64, kind: ContractKind) -> Result<()> {
        self.registry.register_code(&self.db, code_id, kind).await
    }

    /// Records a token's symbol, name and decimals (the chain's events do not carry them).
    pub async fn register_token(&mut self, token: &TokenInfo) -> Result<()> {
        let mut tx = self.db.begin().await?;
        tx.height = self.cursor.map_or(0, |c| c.height);
        tx.time = self.cursor.map_or(0, |c| c.time);
        crate::tokens::save(&mut tx, token).await?;
        tx.commit().await
    }

    /// Applies one block. Blocks must come in increasing height; one at or below the cursor
    /// is skipped, so a source may safely re-deliver blocks after a restart.
    pub async fn apply(&mut self, block: &Block) -> Result<Applied> {
        if self.cursor.is_some_and(|c| block.height <= c.height) {
            return Ok(Applied::AlreadyIndexed);
        }
        let mut tx = self.db.begin().await?;
        tx.height = block.height;
        tx.time = block.time;
        let mut handled = 0;
        let result: Result<()> = async {
            for created in block.instantiations() {
                if let Some(kind) = self.registry.code_kind(created.code_id) {
                    let label = format!("code {}", created.code_id);
                    self.registry
                        .stage(&mut tx, &created.contract, kind, &label)
                        .await?;
                }
            }
            for event in block.wasm_events() {
                if let Some(kind) = self.registry.kind(&event.contract) {
                    handlers::discover(&mut tx, &mut self.registry, kind, &event).await?;
                }
            }
            for event in block.wasm_events() {
                let Some(kind) = self.registry.kind(&event.contract) else {
                    continue;
                };
                if handlers::handle(&mut tx, kind, &event)
                    .await
                    .with_context(|| {
                        format!(
                            "block {}: {} event `{}` of {}",
                            block.height, kind, event.action, event.contract
                        )
                    })?
                {
                    handled += 1;
                }
            }
            tx.execute(
                "INSERT INTO indexer_cursor (id, height, time) VALUES (1, $1, $2) \
                 ON CONFLICT (id) DO UPDATE SET height = excluded.height, time = excluded.time",
                &[Value::int(block.height), Value::int(block.time)],
            )
            .await?;
            Ok(())
        }
        .await;
        match result {
            Ok(()) => {
                tx.commit().await?;
                self.registry.commit();
                self.cursor = Some(Cursor {
                    height: block.height,
                    time: block.time,
                });
                Ok(Applied::Indexed { handled })
            }
            Err(e) => {
                // Dropping the transaction rolls it back.
                drop(tx);
                self.registry.rollback();
                Err(e)
            }
        }
    }
}
