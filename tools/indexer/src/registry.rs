//! Which contract is which. A handler runs only for the events of a contract whose kind is
//! known: registered up front (the sim registers what it deploys, `trellis index --rpc`
//! reads a contracts file), or discovered from a registered factory's `register_pool`.
use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;

use anyhow::{bail, Result};
use sqlx::Row;

use crate::db::{Db, Tx, Value};

/// The kinds of Trellis contracts the indexer understands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ContractKind {
    Farm,
    WeightedPool,
    PoolFactory,
    Router,
    VotingEscrow,
    FeeDistributor,
    GaugeController,
    OptionsToken,
    ClPool,
    ClFarming,
}

impl ContractKind {
    pub const ALL: [ContractKind; 10] = [
        ContractKind::Farm,
        ContractKind::WeightedPool,
        ContractKind::PoolFactory,
        ContractKind::Router,
        ContractKind::VotingEscrow,
        ContractKind::FeeDistributor,
        ContractKind::GaugeController,
        ContractKind::OptionsToken,
        ContractKind::ClPool,
        ContractKind::ClFarming,
    ];

    pub fn key(self) -> &'static str {
        match self {
            ContractKind::Farm => "farm",
            ContractKind::WeightedPool => "weighted_pool",
            ContractKind::PoolFactory => "pool_factory",
            ContractKind::Router => "router",
            ContractKind::VotingEscrow => "voting_escrow",
            ContractKind::FeeDistributor => "fee_distributor",
            ContractKind::GaugeController => "gauge_controller",
            ContractKind::OptionsToken => "options_token",
            ContractKind::ClPool => "cl_pool",
            ContractKind::ClFarming => "cl_farming",
        }
    }
}

impl fmt::Display for ContractKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

impl FromStr for ContractKind {
    type Err = anyhow::Error;
    fn from_str(s: &str) -> Result<Self> {
        match ContractKind::ALL.iter().find(|k| k.key() == s) {
            Some(k) => Ok(*k),
            None => bail!(
                "unknown contract kind {s:?} (one of: {})",
                ContractKind::ALL.map(|k| k.key()).join(", ")
            ),
        }
    }
}

/// The known contracts, cached in memory. Registrations made while a block is applied are
/// staged and join the cache only once the block commits, so a failed block leaves no trace.
#[derive(Clone, Debug, Default)]
pub struct Registry {
    known: HashMap<String, ContractKind>,
    staged: Vec<(String, ContractKind)>,
    /// Code ids whose instances are registered when instantiated.
    codes: HashMap<u64, ContractKind>,
}

impl Registry {
    pub async fn load(db: &Db) -> Result<Registry> {
        let rows = sqlx::query("SELECT address, kind FROM contracts")
            .fetch_all(db.pool())
            .await?;
        let mut known = HashMap::new();
        for row in rows {
            let kind: String = row.get(1);
            known.insert(row.get::<String, _>(0), kind.parse()?);
        }
        let rows = sqlx::query("SELECT code_id, kind FROM code_kinds")
            .fetch_all(db.pool())
            .await?;
        let mut codes = HashMap::new();
        for row in rows {
            let kind: String = row.get(1);
            codes.insert(row.get::<i64, _>(0) as u64, kind.parse()?);
        }
        Ok(Registry {
            known,
            staged: Vec::new(),
            codes,
        })
    }

    /// The kind of a code id's instances, if registered.
    pub fn code_kind(&self, code_id: u64) -> Option<ContractKind> {
        self.codes.get(&code_id).copied()
    }

    /// Registers a code id: every contract instantiated from it is then indexed.
    pub async fn register_code(&mut self, db: &Db, code_id: u64, kind: ContractKind) -> Result<()> {
        sqlx::query(
            "INSERT INTO code_kinds (code_id, kind) VALUES ($1, $2) \
             ON CONFLICT (code_id) DO UPDATE SET kind = excluded.kind",
        )
        .bind(code_id as i64)
        .bind(kind.key())
        .execute(db.pool())
        .await?;
        self.codes.insert(code_id, kind);
        Ok(())
    }

    pub fn kind(&self, address: &str) -> Option<ContractKind> {
        self.known.get(address).copied().or_else(|| {
            self.staged
                .iter()
                .rev()
                .find(|(a, _)| a == address)
                .map(|(_, k)| *k)
        })
    }

    /// Registers a contract inside the block's transaction.
    pub async fn stage(
        &mut self,
        tx: &mut Tx<'_>,
        address: &str,
        kind: ContractKind,
        label: &str,
    ) -> Result<()> {
        let height = Value::int(tx.height);
        tx.execute(
            "INSERT INTO contracts (address, kind, label, height) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (address) DO UPDATE SET kind = excluded.kind, label = excluded.label",
            &[
                Value::text(address),
                Value::text(kind.key()),
                Value::text(label),
                height,
            ],
        )
        .await?;
        self.staged.push((address.to_string(), kind));
        Ok(())
    }

    pub fn commit(&mut self) {
        for (address, kind) in self.staged.drain(..) {
            self.known.insert(address, kind);
        }
    }

    pub fn rollback(&mut self) {
        self.staged.clear();
    }

    pub fn len(&self) -> usize {
        self.known.len()
    }

    pub fn is_empty(&self) -> bool {
        self.known.is_empty()
    }
}
