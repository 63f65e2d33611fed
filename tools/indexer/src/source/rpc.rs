//! A live chain through a CometBFT JSON-RPC endpoint: `status` for the latest height, then
//! `header` (the block time) and `block_results` (the events) of each height, many heights
//! per HTTP request (JSON-RPC batches). Connection errors, HTTP 5xx and JSON-RPC errors are
//! retried with exponential back-off; a body that is not what CometBFT sends is an error at
//! once (retrying would not change it).
use std::time::Duration;

use anyhow::{anyhow, bail, Context, Result};
use serde::Deserialize;
use serde_json::{json, Value as Json};

use super::{rfc3339, BlockSource};
use crate::block::{Block, ChainEvent};

#[derive(Clone, Debug)]
pub struct RpcOptions {
    /// Heights per HTTP request.
    pub batch: u64,
    /// Attempts per request before giving up.
    pub attempts: u32,
    /// First back-off; doubled after each failure, capped at `max_delay`.
    pub base_delay: Duration,
    pub max_delay: Duration,
}

impl Default for RpcOptions {
    fn default() -> Self {
        RpcOptions {
            batch: 20,
            attempts: 5,
            base_delay: Duration::from_millis(200),
            max_delay: Duration::from_secs(5),
        }
    }
}

pub struct RpcSource {
    url: String,
    client: reqwest::Client,
    pub options: RpcOptions,
}

/// Why one attempt failed: worth retrying or not.
enum Failure {
    Transient(anyhow::Error),
    Fatal(anyhow::Error),
}

#[derive(Deserialize)]
struct Response {
    id: Json,
    result: Option<Json>,
    error: Option<Json>,
}

#[derive(Deserialize)]
struct Status {
    sync_info: SyncInfo,
}

#[derive(Deserialize)]
struct SyncInfo {
    latest_block_height: String,
}

#[derive(Deserialize)]
struct HeaderResult {
    header: Header,
}

#[derive(Deserialize)]
struct Header {
    height: String,
    time: String,
}

#[derive(Deserialize)]
struct BlockResults {
    height: String,
    txs_results: Option<Vec<TxResult>>,
    /// CometBFT 0.38; older chains split them into begin and end block events.
    #[serde(default)]
    finalize_block_events: Option<Vec<Event>>,
    #[serde(default)]
    begin_block_events: Option<Vec<Event>>,
    #[serde(default)]
    end_block_events: Option<Vec<Event>>,
}

#[derive(Deserialize)]
struct TxResult {
    code: u32,
    #[serde(default)]
    events: Vec<Event>,
}

#[derive(Deserialize)]
struct Event {
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    attributes: Vec<Attribute>,
}

/// CometBFT 0.38 writes attributes as plain strings (0.34's base64 is not read).
#[derive(Deserialize)]
struct Attribute {
    key: String,
    #[serde(default)]
    value: String,
}

impl RpcSource {
    pub fn new(url: &str, options: RpcOptions) -> Result<RpcSource> {
        let client = reqwest::Client::builder()
            .timeout(Duration::from_secs(30))
            .build()?;
        Ok(RpcSource {
            url: url.trim_end_matches('/').to_string(),
            client,
            options,
        })
    }

    async fn attempt(&self, body: &Json) -> Result<Json, Failure> {
        let response = self
            .client
            .post(&self.url)
            .json(body)
            .send()
            .await
            .map_err(|e| Failure::Transient(e.into()))?;
        let status = response.status();
        if status.is_server_error() {
            return Err(Failure::Transient(anyhow!(
                "{} answered HTTP {status}",
                self.url
            )));
        }
        if !status.is_success() {
            return Err(Failure::Fatal(anyhow!(
                "{} answered HTTP {status}",
                self.url
            )));
        }
        let text = response
            .text()
            .await
            .map_err(|e| Failure::Transient(e.into()))?;
        serde_json::from_str(&text)
            .map_err(|e| Failure::Fatal(anyhow!("{} sent a body that is not JSON: {e}", self.url)))
    }

    /// Sends `calls` as one batch and returns each call's `result`, in call order.
    async fn batch(&self, calls: &[(&str, Json)]) -> Result<Vec<Json>> {
        let body: Vec<Json> = calls
            .iter()
            .enumerate()
            .map(|(i, (method, params))| {
                json!({ "jsonrpc": "2.0", "id": i, "method": method, "params": params })
            })
            .collect();
        let body = Json::Array(body);
        let mut delay = self.options.base_delay;
        let mut last = None;
        for attempt in 1..=self.options.attempts.max(1) {
            let failure = match self.attempt(&body).await {
                Ok(reply) => match results(reply, calls.len()) {
                    Ok(Ok(results)) => return Ok(results),
                    Ok(Err(rpc_error)) => Failure::Transient(rpc_error),
                    Err(malformed) => Failure::Fatal(malformed),
                },
                Err(f) => f,
            };
            match failure {
                Failure::Fatal(e) => return Err(e),
                Failure::Transient(e) => {
                    last = Some(e);
                    if attempt < self.options.attempts {
                        tokio::time::sleep(delay).await;
                        delay = (delay * 2).min(self.options.max_delay);
                    }
                }
            }
        }
        Err(last.unwrap_or_else(|| anyhow!("no attempt made")))
            .with_context(|| format!("{} failed {} times", self.url, self.options.attempts))
    }
}

/// The results of a batch reply in call order; the inner error is a JSON-RPC error (worth a
/// retry), the outer one a malformed reply.
fn results(reply: Json, calls: usize) -> Result<Result<Vec<Json>>> {
    let replies: Vec<Response> = match reply {
        Json::Array(items) => items
            .into_iter()
            .map(serde_json::from_value)
            .collect::<Result<_, _>>()
            .context("a batch reply entry is not a JSON-RPC response")?,
        single => vec![serde_json::from_value(single).context("not a JSON-RPC response")?],
    };
    let mut ordered: Vec<Option<Json>> = vec![None; calls];
    for r in replies {
        let Some(i) = r.id.as_u64().map(|i| i as usize).filter(|i| *i < calls) else {
            bail!("a JSON-RPC reply has an id {} that was not asked", r.id);
        };
        if let Some(error) = r.error {
            return Ok(Err(anyhow!("JSON-RPC error: {error}")));
        }
        ordered[i] = Some(
            r.result
                .ok_or_else(|| anyhow!("a JSON-RPC reply has no result"))?,
        );
    }
    Ok(Ok(ordered
        .into_iter()
        .enumerate()
        .map(|(i, r)| r.ok_or_else(|| anyhow!("no reply to call {i}")))
        .collect::<Result<_>>()?))
}

fn events(list: Option<Vec<Event>>) -> impl Iterator<Item = ChainEvent> {
    list.unwrap_or_default().into_iter().map(|e| ChainEvent {
        kind: e.kind,
        attributes: e.attributes.into_iter().map(|a| (a.key, a.value)).collect(),
    })
}

impl BlockSource for RpcSource {
    async fn latest_height(&mut self) -> Result<u64> {
        let results = self.batch(&[("status", json!({}))]).await?;
        let status: Status =
            serde_json::from_value(results[0].clone()).context("status: not CometBFT's answer")?;
        status
            .sync_info
            .latest_block_height
            .parse()
            .context("status: latest_block_height is not a number")
    }

    async fn blocks(&mut self, from: u64, to: u64) -> Result<Vec<Block>> {
        let mut calls = Vec::new();
        for h in from..=to {
            calls.push(("header", json!({ "height": h.to_string() })));
            calls.push(("block_results", json!({ "height": h.to_string() })));
        }
        let results = self.batch(&calls).await?;
        let mut blocks = Vec::new();
        for (h, pair) in (from..=to).zip(results.chunks(2)) {
            let header: HeaderResult = serde_json::from_value(pair[0].clone())
                .with_context(|| format!("header {h}: not CometBFT's answer"))?;
            let results: BlockResults = serde_json::from_value(pair[1].clone())
                .with_context(|| format!("block_results {h}: not CometBFT's answer"))?;
            if header.header.height != h.to_string() || results.height != h.to_string() {
                bail!(
                    "asked for height {h}, got {} / {}",
                    header.header.height,
                    results.height
                );
            }
            let mut all: Vec<ChainEvent> = Vec::new();
            all.extend(events(results.begin_block_events));
            for tx in results.txs_results.unwrap_or_default() {
                // A failed transaction changed nothing: its events are not indexed.
                if tx.code == 0 {
                    all.extend(events(Some(tx.events)));
                }
            }
            all.extend(events(results.end_block_events));
            all.extend(events(results.finalize_block_events));
            blocks.push(Block {
                height: h,
                time: rfc3339::parse(&header.header.time)?,
                events: all,
            });
        }
        Ok(blocks)
    }
}
