//! The GraphQL API on an index built from the farming center's events: the seed's three
//! queries as written, The Graph's arguments and filters, limits, and the HTTP server.
//! Expected results are read off the events below by hand.
mod common;

use async_graphql::{Request, Variables};
use common::{block, temp_db, wasm};
use serde_json::{json, Value as Json};
use trellis_indexer::tokens::TokenInfo;
use trellis_indexer::{graphql, ContractKind, Indexer};

const CENTER: &str = "center1";
const ESCROW: &str = "escrow1";

/// Deposit `token_id` of `owner` with `liquidity`, entering `farms` ("" for none).
fn deposit(
    token_id: &str,
    owner: &str,
    liquidity: &str,
    farms: &str,
) -> trellis_indexer::ChainEvent {
    wasm(
        CENTER,
        &[
            ("action", "deposit"),
            ("pool", "clpool1"),
            ("token_id", token_id),
            ("owner", owner),
            ("lower_tick", "-60"),
            ("upper_tick", "60"),
            ("liquidity", liquidity),
            ("entered_farms", farms),
        ],
    )
}

/// Farms 1 (eternal) and 2 (limit); deposits (token: owner, liquidity, farm):
/// 3: alice 100 eternal · 10: alice 9 eternal · 5: alice 10 none · 7: alice 50 limit ·
/// 4: bob 70 eternal. Then token 5 leaves the center. A lock of alice: slope 7, bias 700 at
/// block 3's time.
async fn index(database: &str) -> Indexer {
    let mut indexer = Indexer::open(database).await.unwrap();
    indexer
        .register(CENTER, ContractKind::ClFarming, "center")
        .await
        .unwrap();
    indexer
        .register(ESCROW, ContractKind::VotingEscrow, "escrow")
        .await
        .unwrap();
    indexer
        .register_token(&TokenInfo {
            id: "uinc".into(),
            symbol: "INC".into(),
            name: "Incentive".into(),
            decimals: 6,
            kind: "native".into(),
        })
        .await
        .unwrap();
    let farms = vec![
        wasm(
            CENTER,
            &[
                ("action", "create_farm"),
                ("farm_id", "1"),
                ("kind", "eternal"),
                ("pool", "clpool1"),
                ("reward_token", "native:uinc"),
                ("reward_amount", "1000"),
                ("min_width", "0"),
                ("tick", "0"),
                ("bonus_token", "native:ubns"),
                ("bonus_amount", "100"),
                ("reward_rate", "10"),
                ("bonus_rate", "1"),
            ],
        ),
        wasm(
            CENTER,
            &[
                ("action", "create_farm"),
                ("farm_id", "2"),
                ("kind", "limit"),
                ("pool", "clpool1"),
                ("reward_token", "native:uinc"),
                ("reward_amount", "500"),
                ("min_width", "0"),
                ("tick", "0"),
                ("start", "1700000100"),
                ("end", "1700000900"),
            ],
        ),
    ];
    indexer.apply(&block(1, farms)).await.unwrap();
    let deposits = vec![
        deposit("3", "alice", "100", "1"),
        deposit("10", "alice", "9", "1"),
        deposit("5", "alice", "10", ""),
        deposit("7", "alice", "50", "2"),
        deposit("4", "bob", "70", "1"),
    ];
    indexer.apply(&block(2, deposits)).await.unwrap();
    let later = vec![
        wasm(
            CENTER,
            &[
                ("action", "withdraw_token"),
                ("pool", "clpool1"),
                ("token_id", "5"),
                ("owner", "alice"),
                ("recipient", "alice"),
            ],
        ),
        wasm(
            ESCROW,
            &[
                ("action", "create_lock"),
                ("user", "alice"),
                ("amount", "1000"),
                ("end", "1700604800"),
                ("slope", "7"),
                ("bias", "700"),
                ("total_power", "700"),
            ],
        ),
    ];
    indexer.apply(&block(3, later)).await.unwrap();
    indexer
}

async fn run(database: &str, query: &str, variables: Json) -> Result<Json, String> {
    let db = trellis_indexer::db::Db::open(database).await.unwrap();
    let schema = graphql::schema(Some(db)).unwrap();
    let response = schema
        .execute(Request::new(query).variables(Variables::from_json(variables)))
        .await;
    if response.errors.is_empty() {
        Ok(response.data.into_json().unwrap())
    } else {
        Err(response
            .errors
            .iter()
            .map(|e| e.message.clone())
            .collect::<Vec<_>>()
            .join("; "))
    }
}

const FETCH_INCENTIVE: &str = "query fetchIncentive($incentiveId: ID) {
    incentives(where: { id: $incentiveId}) { id rewardToken { id symbol } reward startTime endTime } }";
const FETCH_ETERNAL: &str = "query fetchEternalFarm {
    eternalFarmings { id rewardToken { id } bonusRewardToken { id } rewardRate bonusRewardRate pool { id } } }";
const POSITIONS_ON_ETERNAL: &str = "query positionsOnEternalFarming ($account: Bytes) {
    deposits (orderBy: id, orderDirection: desc, where: { owner: $account, onFarmingCenter: true, eternalFarming_not: null }) {
      id owner eternalFarming { id } liquidity } }";

async fn seed_queries(database: &str) {
    index(database).await;
    assert_eq!(
        run(
            database,
            FETCH_INCENTIVE,
            json!({"incentiveId": "center1-2"})
        )
        .await
        .unwrap(),
        json!({"incentives": [{
            "id": "center1-2", "rewardToken": {"id": "uinc", "symbol": "INC"},
            "reward": "500", "startTime": "1700000100", "endTime": "1700000900"
        }]})
    );
    // The bonus token was never registered: the reference resolves to null. No pool row
    // either (the factory announces pools; none here).
    assert_eq!(
        run(database, FETCH_ETERNAL, json!({})).await.unwrap(),
        json!({"eternalFarmings": [{
            "id": "center1-1", "rewardToken": {"id": "uinc"}, "bonusRewardToken": null,
            "rewardRate": "10", "bonusRewardRate": "1", "pool": null
        }]})
    );
    // alice's deposits in an eternal farm, on the center: tokens 3 and 10 (5 left, 7 is in
    // the limit farm); ids are text, so descending is "clpool1-3" then "clpool1-10".
    assert_eq!(
        run(database, POSITIONS_ON_ETERNAL, json!({"account": "alice"}))
            .await
            .unwrap(),
        json!({"deposits": [
            {"id": "clpool1-3", "owner": "alice", "eternalFarming": {"id": "center1-1"}, "liquidity": "100"},
            {"id": "clpool1-10", "owner": "alice", "eternalFarming": {"id": "center1-1"}, "liquidity": "9"}
        ]})
    );
}

#[tokio::test]
async fn the_seed_queries_run_as_written() {
    seed_queries(&temp_db("graphql-seed")).await;
}

#[tokio::test]
async fn the_seed_queries_run_on_postgres() {
    let Ok(server) = std::env::var("TRELLIS_TEST_POSTGRES") else {
        eprintln!("TRELLIS_TEST_POSTGRES not set: the PostgreSQL run is skipped");
        return;
    };
    let name = format!("graphql_seed_{}", std::process::id());
    sqlx::any::install_default_drivers();
    let admin = sqlx::AnyPool::connect(&server).await.unwrap();
    sqlx::query(&format!("DROP DATABASE IF EXISTS {name}"))
        .execute(&admin)
        .await
        .unwrap();
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&admin)
        .await
        .unwrap();
    let base = server.rsplit_once('/').unwrap().0;
    seed_queries(&format!("{base}/{name}")).await;
}

fn ids(data: &Json, field: &str) -> Vec<String> {
    data[field]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn arguments_and_filters_follow_the_graph() {
    let database = temp_db("graphql-filters");
    index(&database).await;
    let q = |query: &'static str| {
        let database = database.clone();
        async move { run(&database, query, json!({})).await }
    };
    // BigInt order is numeric: 9 (10), 10 (5), 50 (7), 70 (4), 100 (3).
    let data = q("{ deposits(orderBy: liquidity) { id } }").await.unwrap();
    assert_eq!(
        ids(&data, "deposits"),
        [
            "clpool1-10",
            "clpool1-5",
            "clpool1-7",
            "clpool1-4",
            "clpool1-3"
        ]
    );
    let data = q("{ deposits(orderBy: liquidity, first: 2, skip: 1) { id } }")
        .await
        .unwrap();
    assert_eq!(ids(&data, "deposits"), ["clpool1-5", "clpool1-7"]);
    let data = q("{ deposits(orderBy: liquidity, orderDirection: desc, first: 1) { id } }")
        .await
        .unwrap();
    assert_eq!(ids(&data, "deposits"), ["clpool1-3"]);
    // Above 50: 70 and 100; default order is by id ascending.
    let data = q(r#"{ deposits(where: {liquidity_gt: "50"}) { id } }"#)
        .await
        .unwrap();
    assert_eq!(ids(&data, "deposits"), ["clpool1-3", "clpool1-4"]);
    let data = q(r#"{ deposits(where: {liquidity_lt: "10"}) { id } }"#)
        .await
        .unwrap();
    assert_eq!(ids(&data, "deposits"), ["clpool1-10"]);
    let data = q(r#"{ deposits(where: {liquidity_gte: "70", liquidity_lte: "100"}) { id } }"#)
        .await
        .unwrap();
    assert_eq!(ids(&data, "deposits"), ["clpool1-3", "clpool1-4"]);
    let data = q(r#"{ deposits(where: {liquidity_in: ["9", "100"]}) { id } }"#)
        .await
        .unwrap();
    assert_eq!(ids(&data, "deposits"), ["clpool1-10", "clpool1-3"]);
    let data =
        q(r#"{ deposits(where: {id_not_in: ["clpool1-10", "clpool1-3", "clpool1-4"]}) { id } }"#)
            .await
            .unwrap();
    assert_eq!(ids(&data, "deposits"), ["clpool1-5", "clpool1-7"]);
    let data = q(r#"{ deposits(where: {owner_not: "alice"}) { id owner } }"#)
        .await
        .unwrap();
    assert_eq!(ids(&data, "deposits"), ["clpool1-4"]);
    // `limitFarming: null`: every deposit but 7.
    let data = q("{ deposits(where: {limitFarming: null}) { id } }")
        .await
        .unwrap();
    assert_eq!(
        ids(&data, "deposits"),
        ["clpool1-10", "clpool1-3", "clpool1-4", "clpool1-5"]
    );
    let data =
        q(r#"{ deposits(where: {limitFarming: "center1-2"}) { id limitFarming { id reward } } }"#)
            .await
            .unwrap();
    assert_eq!(
        data,
        json!({"deposits": [{"id": "clpool1-7", "limitFarming": {"id": "center1-2", "reward": "500"}}]})
    );
    let data =
        q("{ deposits(where: {onFarmingCenter: false}) { id onFarmingCenter rangeLength } }")
            .await
            .unwrap();
    assert_eq!(
        data,
        json!({"deposits": [{"id": "clpool1-5", "onFarmingCenter": false, "rangeLength": 120}]})
    );
    // Singular fields, and a missing id.
    let data = q(r#"{ eternalFarming(id: "center1-1") { rewardRate reward bonusReward rewardToken { symbol decimals } } deposit(id: "nope") { id } }"#).await.unwrap();
    assert_eq!(
        data,
        json!({
            "eternalFarming": {"rewardRate": "10", "reward": "1000", "bonusReward": "100", "rewardToken": {"symbol": "INC", "decimals": 6}},
            "deposit": null
        })
    );
    // Block 3 is at 1,700,000,015.
    let data = q("{ _meta { block { number timestamp } } }").await.unwrap();
    assert_eq!(
        data,
        json!({"_meta": {"block": {"number": "3", "timestamp": "1700000015"}}})
    );
}

#[tokio::test]
async fn lock_power_decays_from_its_checkpoint() {
    let database = temp_db("graphql-power");
    index(&database).await;
    // bias 700 at 1,700,000,015, slope 7: at +10 s 700 - 70 = 630; at +100 s 0; before the
    // checkpoint, the bias; without `at`, the index's time (the checkpoint itself): 700.
    let data = run(
        &database,
        "{ locks { owner amount power10: power(at: \"1700000025\") power100: power(at: \"1700000115\") \
           before: power(at: \"1700000000\") now: power } }",
        json!({}),
    )
    .await
    .unwrap();
    assert_eq!(
        data,
        json!({"locks": [{"owner": "alice", "amount": "1000", "power10": "630", "power100": "0", "before": "700", "now": "700"}]})
    );
}

#[tokio::test]
async fn limits_refuse_what_could_take_the_server_down() {
    let database = temp_db("graphql-limits");
    index(&database).await;
    let too_many = run(&database, "{ deposits(first: 1001) { id } }", json!({})).await;
    assert_eq!(
        too_many.unwrap_err(),
        "first must be between 0 and 1000, not 1001"
    );
    let negative = run(&database, "{ deposits(skip: -1) { id } }", json!({})).await;
    assert_eq!(negative.unwrap_err(), "skip must not be negative");
    let bad_amount = run(
        &database,
        r#"{ deposits(where: {liquidity_gt: "-1"}) { id } }"#,
        json!({}),
    )
    .await;
    assert!(bad_amount.unwrap_err().contains("is not a BigInt"));
    // 11 levels deep.
    let deep = "{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } }";
    let refused = run(&database, deep, json!({})).await.unwrap_err();
    assert_eq!(refused, "Query is nested too deep.");
    // Mutations do not exist.
    assert!(run(&database, "mutation { x }", json!({})).await.is_err());
}

#[tokio::test]
async fn the_server_answers_health_graphiql_and_queries() {
    let database = temp_db("graphql-http");
    index(&database).await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let served = database.clone();
    tokio::spawn(async move { graphql::serve_on(listener, &served).await.unwrap() });
    let client = reqwest::Client::new();
    let base = format!("http://{addr}");
    let mut health = None;
    for _ in 0..50 {
        if let Ok(r) = client.get(format!("{base}/health")).send().await {
            health = Some(r.status().as_u16());
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(health, Some(200));
    let page = client
        .get(&base)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.to_lowercase().contains("graphiql"));
    let answer: Json = client
        .post(&base)
        .json(&json!({"query": POSITIONS_ON_ETERNAL, "variables": {"account": "bob"}}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        answer,
        json!({"data": {"deposits": [{"id": "clpool1-4", "owner": "bob", "eternalFarming": {"id": "center1-1"}, "liquidity": "70"}]}})
    );
}
