//! A recorded chain served on loopback in CometBFT 0.38's JSON-RPC format (`status`,
//! `header`, `block_results`; single calls, batches, and the `GET /method?height=` form):
//! `trellis chain replay` runs it, so front ends and indexers can be developed against a
//! sim's chain. Blocks are recorded as JSON lines ([`write_blocks`], [`read_blocks`]).
use std::io::{BufRead, BufWriter, Write};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use anyhow::{Context, Result};
use axum::extract::{Path as UrlPath, Query, State};
use axum::routing::{get, post};
use axum::Router;
use serde_json::{json, Value as Json};
use tokio::net::TcpListener;

use super::rfc3339;
use crate::block::Block;

/// Chain id the replay reports.
pub const CHAIN_ID: &str = "trellis-replay-1";

pub fn write_blocks(path: &Path, blocks: &[Block]) -> Result<()> {
    let mut out = BufWriter::new(std::fs::File::create(path)?);
    for block in blocks {
        serde_json::to_writer(&mut out, block)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(())
}

pub fn read_blocks(path: &Path) -> Result<Vec<Block>> {
    let file = std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
    let mut blocks = Vec::new();
    for (i, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        blocks.push(
            serde_json::from_str(&line)
                .with_context(|| format!("{} line {}", path.display(), i + 1))?,
        );
    }
    Ok(blocks)
}

struct Chain {
    blocks: Vec<Block>,
    /// HTTP requests answered (a batch is one), for tests of batching.
    requests: AtomicU64,
}

impl Chain {
    fn latest(&self) -> u64 {
        self.blocks.last().map_or(0, |b| b.height)
    }

    fn block(&self, height: u64) -> Option<&Block> {
        self.blocks
            .binary_search_by_key(&height, |b| b.height)
            .ok()
            .map(|i| &self.blocks[i])
    }

    /// The `result` of one call, or CometBFT's error object.
    fn answer(&self, method: &str, params: &Json) -> Result<Json, Json> {
        let height = || -> Result<u64, Json> {
            let raw = params.get("height").cloned().unwrap_or(Json::Null);
            let h = match &raw {
                Json::String(s) => s.parse().ok(),
                Json::Number(n) => n.as_u64(),
                Json::Null => Some(self.latest()),
                _ => None,
            };
            let h = h.ok_or_else(|| invalid_params(&format!("invalid height {raw}")))?;
            if h > self.latest() {
                return Err(json!({
                    "code": -32603,
                    "message": "Internal error",
                    "data": format!(
                        "height {h} must be less than or equal to the current blockchain height {}",
                        self.latest()
                    )
                }));
            }
            Ok(h)
        };
        match method {
            "status" => Ok(self.status()),
            "header" => {
                let h = height()?;
                Ok(json!({ "header": header(h, self.time_at(h)) }))
            }
            "block_results" => {
                let h = height()?;
                Ok(self.block_results(h))
            }
            other => Err(json!({
                "code": -32601,
                "message": "Method not found",
                "data": format!("method {other} is not served by the replay")
            })),
        }
    }

    /// Blocks without a recorded transaction are empty and take the time of the last
    /// recorded one at or below them.
    fn time_at(&self, height: u64) -> u64 {
        let i = self.blocks.partition_point(|b| b.height <= height);
        if i == 0 {
            self.blocks.first().map_or(0, |b| b.time)
        } else {
            self.blocks[i - 1].time
        }
    }

    fn status(&self) -> Json {
        let latest = self.latest();
        let earliest = self.blocks.first().map_or(0, |b| b.height);
        json!({
            "node_info": {
                "protocol_version": { "p2p": "8", "block": "11", "app": "0" },
                "id": "0000000000000000000000000000000000000000",
                "listen_addr": "tcp://127.0.0.1:26656",
                "network": CHAIN_ID,
                "version": "0.38.17",
                "channels": "40202122233038606100",
                "moniker": "trellis-replay",
                "other": { "tx_index": "on", "rpc_address": "tcp://127.0.0.1:26657" }
            },
            "sync_info": {
                "latest_block_hash": "",
                "latest_app_hash": "",
                "latest_block_height": latest.to_string(),
                "latest_block_time": rfc3339::format(self.time_at(latest)),
                "earliest_block_hash": "",
                "earliest_app_hash": "",
                "earliest_block_height": earliest.to_string(),
                "earliest_block_time": rfc3339::format(self.time_at(earliest)),
                "catching_up": false
            },
            "validator_info": {
                "address": "",
                "pub_key": { "type": "tendermint/PubKeyEd25519", "value": "" },
                "voting_power": "10"
            }
        })
    }

    fn block_results(&self, height: u64) -> Json {
        // A recorded block's events are one transaction's.
        let txs: Vec<Json> = self
            .block(height)
            .filter(|b| !b.events.is_empty())
            .map(|b| {
                let events: Vec<Json> = b
                    .events
                    .iter()
                    .map(|e| {
                        let attributes: Vec<Json> = e
                            .attributes
                            .iter()
                            .map(|(k, v)| json!({ "key": k, "value": v, "index": true }))
                            .collect();
                        json!({ "type": e.kind, "attributes": attributes })
                    })
                    .collect();
                vec![json!({
                    "code": 0,
                    "data": "",
                    "log": "",
                    "info": "",
                    "gas_wanted": "0",
                    "gas_used": "0",
                    "events": events,
                    "codespace": ""
                })]
            })
            .unwrap_or_default();
        json!({
            "height": height.to_string(),
            "txs_results": if txs.is_empty() { Json::Null } else { Json::Array(txs) },
            "finalize_block_events": [],
            "validator_updates": [],
            "consensus_param_updates": null,
            "app_hash": ""
        })
    }

    fn call(&self, request: &Json) -> Json {
        let id = request.get("id").cloned().unwrap_or(json!(-1));
        let method = request.get("method").and_then(Json::as_str).unwrap_or("");
        let params = request.get("params").cloned().unwrap_or(json!({}));
        match self.answer(method, &params) {
            Ok(result) => json!({ "jsonrpc": "2.0", "id": id, "result": result }),
            Err(error) => json!({ "jsonrpc": "2.0", "id": id, "error": error }),
        }
    }
}

fn header(height: u64, time: u64) -> Json {
    json!({
        "version": { "block": "11", "app": "0" },
        "chain_id": CHAIN_ID,
        "height": height.to_string(),
        "time": rfc3339::format(time),
        "last_block_id": { "hash": "", "parts": { "total": 0, "hash": "" } },
        "last_commit_hash": "",
        "data_hash": "",
        "validators_hash": "",
        "next_validators_hash": "",
        "consensus_hash": "",
        "app_hash": "",
        "last_results_hash": "",
        "evidence_hash": "",
        "proposer_address": ""
    })
}

fn invalid_params(data: &str) -> Json {
    json!({ "code": -32602, "message": "Invalid params", "data": data })
}

async fn rpc(
    State(chain): State<Arc<Chain>>,
    axum::Json(body): axum::Json<Json>,
) -> axum::Json<Json> {
    chain.requests.fetch_add(1, Ordering::Relaxed);
    axum::Json(match &body {
        Json::Array(calls) => Json::Array(calls.iter().map(|c| chain.call(c)).collect()),
        single => chain.call(single),
    })
}

async fn uri(
    State(chain): State<Arc<Chain>>,
    UrlPath(method): UrlPath<String>,
    Query(params): Query<std::collections::HashMap<String, String>>,
) -> axum::Json<Json> {
    chain.requests.fetch_add(1, Ordering::Relaxed);
    let params = serde_json::to_value(params).unwrap_or(json!({}));
    axum::Json(chain.call(&json!({ "id": -1, "method": method, "params": params })))
}

/// A replay server's counter of answered HTTP requests.
#[derive(Clone)]
pub struct Requests(Arc<Chain>);

impl Requests {
    pub fn count(&self) -> u64 {
        self.0.requests.load(Ordering::Relaxed)
    }
}

/// The router of a recorded chain, and its request counter.
pub fn replay_router(mut blocks: Vec<Block>) -> (Router, Requests) {
    blocks.sort_by_key(|b| b.height);
    let chain = Arc::new(Chain {
        blocks,
        requests: AtomicU64::new(0),
    });
    let router = Router::new()
        .route("/", post(rpc))
        .route("/{method}", get(uri))
        .with_state(chain.clone());
    (router, Requests(chain))
}

/// Serves `blocks` on `listener` until the process stops.
pub async fn serve_replay(blocks: Vec<Block>, listener: TcpListener) -> Result<()> {
    let (router, _) = replay_router(blocks);
    axum::serve(listener, router).await?;
    Ok(())
}
