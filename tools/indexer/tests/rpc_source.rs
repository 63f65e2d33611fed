//! The CometBFT RPC source against a loopback server speaking CometBFT 0.38's JSON-RPC:
//! blocks come back exactly as recorded, in batches, with retries on transient failures and
//! none on a malformed answer.
mod common;

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::Router;
use common::{block, temp_db, wasm};
use trellis_indexer::source::follow::{follow, FollowOptions};
use trellis_indexer::source::replay::replay_router;
use trellis_indexer::source::rpc::{RpcOptions, RpcSource};
use trellis_indexer::source::BlockSource;
use trellis_indexer::{Block, ChainEvent, ContractKind, Indexer};

/// 45 blocks: a farm deposit of `h` at each height h, with the `message` and `execute`
/// events wasmd emits around it; block 1 instantiates the farm.
fn chain() -> Vec<Block> {
    (1..=45)
        .map(|h| {
            let amount = (h * 10).to_string();
            let mut events = vec![
                ChainEvent {
                    kind: "message".into(),
                    attributes: vec![
                        (
                            "action".into(),
                            "/cosmwasm.wasm.v1.MsgExecuteContract".into(),
                        ),
                        ("sender".into(), "alice".into()),
                        ("module".into(), "wasm".into()),
                    ],
                },
                ChainEvent {
                    kind: "execute".into(),
                    attributes: vec![("_contract_address".into(), "farm1".into())],
                },
            ];
            if h == 1 {
                events.push(wasm(
                    "farm1",
                    &[
                        ("action", "instantiate"),
                        ("owner", "owner"),
                        ("reward_asset", "cw20:aly"),
                        ("clock_now", "1700000005"),
                    ],
                ));
            }
            events.push(wasm(
                "farm1",
                &[
                    ("action", "deposit"),
                    ("pool_id", "0"),
                    ("sender", "alice"),
                    ("owner", "alice"),
                    ("amount", "10"),
                    ("staked", &amount),
                    ("working", &amount),
                    ("total_staked", &amount),
                    ("working_supply", &amount),
                    ("pending", "0"),
                ],
            ));
            block(h, events)
        })
        .collect()
}

async fn serve(router: Router) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
    url
}

fn quick() -> RpcOptions {
    RpcOptions {
        batch: 20,
        attempts: 4,
        base_delay: Duration::from_millis(5),
        max_delay: Duration::from_millis(20),
    }
}

#[tokio::test]
async fn blocks_come_back_exactly_as_recorded_in_batches() {
    let blocks = chain();
    let (router, requests) = replay_router(blocks.clone());
    let url = serve(router).await;
    let mut source = RpcSource::new(&url, quick()).unwrap();
    assert_eq!(source.latest_height().await.unwrap(), 45);
    assert_eq!(source.blocks(1, 45).await.unwrap(), blocks);
    // One status, one batch of 45 heights.
    assert_eq!(requests.count(), 2);

    // Following into an index: 45 heights in batches of 20 are 3 batches, each after a
    // status call: 6 requests.
    let database = temp_db("rpc-follow");
    let mut indexer = Indexer::open(&database).await.unwrap();
    indexer
        .register("farm1", ContractKind::Farm, "farm")
        .await
        .unwrap();
    let before = requests.count();
    let options = FollowOptions {
        start_height: 1,
        batch: 20,
        ..FollowOptions::default()
    };
    let report = follow(&mut indexer, &mut source, &options).await.unwrap();
    assert_eq!(report.blocks, 45);
    // 3 events per block, and the instantiation: 45 x 3 + 1.
    assert_eq!(report.events, 136);
    // 3 x (status + batch), then the status that finds nothing new.
    assert_eq!(requests.count() - before, 7);
    assert_eq!(indexer.cursor().unwrap().height, 45);
}

#[tokio::test]
async fn following_resumes_after_the_cursor() {
    let (router, _) = replay_router(chain());
    let url = serve(router).await;
    let mut source = RpcSource::new(&url, quick()).unwrap();
    let database = temp_db("rpc-resume");
    let mut indexer = Indexer::open(&database).await.unwrap();
    indexer
        .register("farm1", ContractKind::Farm, "farm")
        .await
        .unwrap();
    let first = FollowOptions {
        start_height: 1,
        until: Some(10),
        batch: 7,
        ..FollowOptions::default()
    };
    assert_eq!(
        follow(&mut indexer, &mut source, &first)
            .await
            .unwrap()
            .blocks,
        10
    );
    drop(indexer);
    let mut indexer = Indexer::open(&database).await.unwrap();
    let rest = FollowOptions {
        start_height: 1,
        batch: 7,
        ..FollowOptions::default()
    };
    // Heights 11..=45: 35 blocks, none twice.
    assert_eq!(
        follow(&mut indexer, &mut source, &rest)
            .await
            .unwrap()
            .blocks,
        35
    );
    // The stake of the last deposit: 45 x 10.
    let staked: String = sqlx::query_scalar("SELECT staked FROM farm_positions")
        .fetch_one(indexer.db().pool())
        .await
        .unwrap();
    assert_eq!(staked, trellis_indexer::amount::pad(450));
}

/// A server that answers 503 to its first `failures` requests, then replays the chain.
async fn flaky(failures: u32) -> (String, Arc<AtomicU32>) {
    let seen = Arc::new(AtomicU32::new(0));
    let counter = seen.clone();
    let (router, _) = replay_router(chain());
    let router = router.layer(middleware::from_fn(
        move |req: Request<Body>, next: Next| {
            let counter = counter.clone();
            async move {
                if counter.fetch_add(1, Ordering::SeqCst) < failures {
                    return StatusCode::SERVICE_UNAVAILABLE.into_response();
                }
                next.run(req).await
            }
        },
    ));
    (serve(router).await, seen)
}

#[tokio::test]
async fn transient_failures_are_retried_with_back_off() {
    // 3 failures, 4 attempts: the fourth succeeds.
    let (url, seen) = flaky(3).await;
    let mut source = RpcSource::new(&url, quick()).unwrap();
    assert_eq!(source.latest_height().await.unwrap(), 45);
    assert_eq!(seen.load(Ordering::SeqCst), 4);
    // Always failing: an error after exactly 4 attempts.
    let (url, seen) = flaky(u32::MAX).await;
    let mut source = RpcSource::new(&url, quick()).unwrap();
    let error = source.latest_height().await.unwrap_err();
    assert!(format!("{error:#}").contains("failed 4 times"), "{error:#}");
    assert_eq!(seen.load(Ordering::SeqCst), 4);
}

#[tokio::test]
async fn a_malformed_answer_is_an_error_at_once_and_indexes_nothing() {
    let seen = Arc::new(AtomicU32::new(0));
    let counter = seen.clone();
    let router = Router::new().fallback(move || {
        let counter = counter.clone();
        async move {
            counter.fetch_add(1, Ordering::SeqCst);
            Response::new(Body::from("<html>not json-rpc</html>"))
        }
    });
    let url = serve(router).await;
    let mut source = RpcSource::new(&url, quick()).unwrap();
    let database = temp_db("rpc-malformed");
    let mut indexer = Indexer::open(&database).await.unwrap();
    let options = FollowOptions {
        start_height: 1,
        batch: 20,
        ..FollowOptions::default()
    };
    let error = follow(&mut indexer, &mut source, &options)
        .await
        .unwrap_err();
    assert!(format!("{error:#}").contains("not JSON"), "{error:#}");
    assert_eq!(seen.load(Ordering::SeqCst), 1);
    assert_eq!(indexer.cursor(), None);
}

#[tokio::test]
async fn heights_past_the_chain_get_cometbft_s_error() {
    let (router, _) = replay_router(chain());
    let url = serve(router).await;
    let answer: serde_json::Value = reqwest::get(format!("{url}/block_results?height=46"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        answer["error"]["data"],
        "height 46 must be less than or equal to the current blockchain height 45"
    );
    let header: serde_json::Value = reqwest::get(format!("{url}/header?height=1"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    // Block 1 of the chain is at 1,700,000,005: 2023-11-14T22:13:25Z.
    assert_eq!(
        header["result"]["header"]["time"],
        "2023-11-14T22:13:25.000000000Z"
    );
}
