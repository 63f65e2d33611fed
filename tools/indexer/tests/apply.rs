//! Applying blocks: the cursor, all-or-nothing blocks, factory discovery, and exact rows from
//! the farm's and the farming center's events (attribute lists as the contracts emit them).
mod common;

use common::{block, temp_db, wasm};
use sqlx::Row;
use trellis_indexer::amount::pad;
use trellis_indexer::{Applied, ChainEvent, ContractKind, Indexer};

const FARM: &str = "farm1";
const FACTORY: &str = "factory1";
const CENTER: &str = "center1";

fn farm_deposit(owner: &str, staked: &str, pending: &str) -> ChainEvent {
    wasm(
        FARM,
        &[
            ("action", "deposit"),
            ("pool_id", "0"),
            ("sender", owner),
            ("owner", owner),
            ("amount", staked),
            ("staked", staked),
            ("working", staked),
            ("total_staked", staked),
            ("working_supply", staked),
            ("pending", pending),
        ],
    )
}

async fn indexer() -> (Indexer, String) {
    let db = temp_db("apply");
    let mut indexer = Indexer::open(&db).await.unwrap();
    indexer
        .register(FARM, ContractKind::Farm, "farm")
        .await
        .unwrap();
    indexer
        .register(FACTORY, ContractKind::PoolFactory, "factory")
        .await
        .unwrap();
    indexer
        .register(CENTER, ContractKind::ClFarming, "center")
        .await
        .unwrap();
    (indexer, db)
}

async fn text(indexer: &Indexer, sql: &str) -> Vec<String> {
    sqlx::query(sql)
        .fetch_all(indexer.db().pool())
        .await
        .unwrap()
        .iter()
        .map(|r| r.get::<String, _>(0))
        .collect()
}

#[tokio::test]
async fn blocks_at_or_below_the_cursor_are_not_applied_twice() {
    let (mut indexer, _) = indexer().await;
    let first = block(10, vec![farm_deposit("alice", "1000", "0")]);
    assert_eq!(
        indexer.apply(&first).await.unwrap(),
        Applied::Indexed { handled: 1 }
    );
    // The same block again, and an older one with another stake: both skipped.
    assert_eq!(
        indexer.apply(&first).await.unwrap(),
        Applied::AlreadyIndexed
    );
    let older = block(9, vec![farm_deposit("alice", "5", "0")]);
    assert_eq!(
        indexer.apply(&older).await.unwrap(),
        Applied::AlreadyIndexed
    );
    assert_eq!(
        text(&indexer, "SELECT staked FROM farm_positions").await,
        vec![pad(1000)]
    );
    assert_eq!(indexer.cursor().unwrap().height, 10);
    // Reopening resumes from the stored cursor.
    let db = indexer.db().clone();
    drop(indexer);
    assert_eq!(db.cursor().await.unwrap().unwrap().height, 10);
}

#[tokio::test]
async fn a_block_that_fails_changes_nothing() {
    let (mut indexer, database) = indexer().await;
    indexer.apply(&block(1, vec![])).await.unwrap();
    // A pool registered by the factory, then a farm event without its `pending`: the whole
    // block is refused, the registration included.
    let bad = block(
        2,
        vec![
            wasm(
                FACTORY,
                &[
                    ("action", "register_pool"),
                    ("pool_id", "1"),
                    ("pool_address", "pool1"),
                    ("kind", "weighted"),
                ],
            ),
            wasm(
                FARM,
                &[
                    ("action", "deposit"),
                    ("pool_id", "0"),
                    ("owner", "alice"),
                    ("staked", "1"),
                    ("working", "1"),
                    ("total_staked", "1"),
                ],
            ),
        ],
    );
    let error = indexer.apply(&bad).await.unwrap_err();
    assert!(
        format!("{error:#}").contains("no `pending` attribute"),
        "{error:#}"
    );
    assert_eq!(indexer.cursor().unwrap().height, 1);
    assert!(text(&indexer, "SELECT id FROM farm_positions")
        .await
        .is_empty());
    assert!(text(
        &indexer,
        "SELECT address FROM contracts WHERE address = 'pool1'"
    )
    .await
    .is_empty());
    // Nor is anything half-written on disk: a fresh process sees the same.
    let reopened = Indexer::open(&database).await.unwrap();
    assert_eq!(reopened.cursor().unwrap().height, 1);
}

#[tokio::test]
async fn a_pool_the_factory_registers_is_indexed_from_its_instantiation() {
    let (mut indexer, _) = indexer().await;
    // The pool's instantiate comes before the factory's reply that registers it.
    let created = block(
        5,
        vec![
            wasm(
                "pool1",
                &[
                    ("action", "instantiate"),
                    ("owner", "factory1"),
                    ("asset_0", "native:ufoo"),
                    ("asset_1", "cw20:token1"),
                    ("weight_0", "0.8"),
                    ("weight_1", "0.2"),
                    ("swap_fee_bps", "30"),
                    ("lp_token_symbol", "FOO-LP"),
                ],
            ),
            wasm(
                FACTORY,
                &[
                    ("action", "register_pool"),
                    ("pool_id", "1"),
                    ("pool_address", "pool1"),
                    ("kind", "weighted"),
                    ("asset_0", "native:ufoo"),
                    ("asset_1", "cw20:token1"),
                ],
            ),
        ],
    );
    indexer.apply(&created).await.unwrap();
    assert_eq!(
        text(
            &indexer,
            "SELECT token0 || ' ' || token1 || ' ' || weight0 FROM weighted_pools"
        )
        .await,
        vec!["ufoo token1 0.8".to_string()]
    );
}

#[tokio::test]
async fn farm_claims_add_up_and_earned_is_pending_plus_claimed() {
    let (mut indexer, _) = indexer().await;
    indexer
        .apply(&block(1, vec![farm_deposit("alice", "1000", "0")]))
        .await
        .unwrap();
    // 400 pending at the second deposit; the claim pays 250 of it and keeps 150.
    indexer
        .apply(&block(2, vec![farm_deposit("alice", "2000", "400")]))
        .await
        .unwrap();
    let claim = wasm(
        FARM,
        &[
            ("action", "claim"),
            ("pool_0", "250"),
            ("pool_0_working", "2000"),
            ("pool_0_working_supply", "2000"),
            ("pool_0_kept", "150"),
            ("pool_1", "0"),
            ("owner", "alice"),
            ("recipient", "alice"),
            ("amount", "250"),
        ],
    );
    indexer.apply(&block(3, vec![claim])).await.unwrap();
    let row = text(
        &indexer,
        "SELECT staked || ' ' || pending || ' ' || claimed || ' ' || earned FROM farm_positions",
    )
    .await;
    // staked 2000, pending 150 (kept), claimed 250, earned 150 + 250 = 400.
    assert_eq!(
        row,
        vec![format!(
            "{} {} {} {}",
            pad(2000),
            pad(150),
            pad(250),
            pad(400)
        )]
    );
    assert_eq!(
        text(&indexer, "SELECT claimed FROM farm_pools").await,
        vec![pad(250)]
    );
    assert_eq!(
        text(&indexer, "SELECT amount FROM reward_claims").await,
        vec![pad(250)]
    );
    // `pool_1 = 0` without a working balance: no position there, none created.
    assert_eq!(
        text(&indexer, "SELECT id FROM farm_positions").await.len(),
        1
    );
}

fn create_eternal_farm() -> ChainEvent {
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
            ("tier_token", "native:ulock"),
            ("tiers", "50:15000,500:20000"),
        ],
    )
}

#[tokio::test]
async fn a_deposit_enters_exits_and_its_owner_claims() {
    let (mut indexer, _) = indexer().await;
    let deposit = wasm(
        CENTER,
        &[
            ("action", "deposit"),
            ("pool", "clpool1"),
            ("token_id", "7"),
            ("owner", "alice"),
            ("lower_tick", "-120"),
            ("upper_tick", "60"),
            ("liquidity", "5000"),
            ("entered_farms", ""),
        ],
    );
    indexer
        .apply(&block(1, vec![create_eternal_farm(), deposit]))
        .await
        .unwrap();
    let enter = wasm(
        CENTER,
        &[
            ("action", "enter_farm"),
            ("pool", "clpool1"),
            ("token_id", "7"),
            ("farm_id", "1"),
            ("owner", "alice"),
            ("liquidity", "7500"),
            ("tokens_locked", "60"),
        ],
    );
    indexer.apply(&block(2, vec![enter])).await.unwrap();
    // 60 locked reaches the first tier (50) but not the second (500).
    let farmed = text(
        &indexer,
        "SELECT eternal_farming || ' ' || tier_eternal || ' ' || tokens_locked_eternal || ' ' \
         || range_length FROM deposits",
    )
    .await;
    assert_eq!(farmed, vec![format!("center1-1 1 {} 180", pad(60))]);
    let exit = wasm(
        CENTER,
        &[
            ("action", "exit_farm"),
            ("pool", "clpool1"),
            ("token_id", "7"),
            ("farm_id", "1"),
            ("owner", "alice"),
            ("liquidity", "7500"),
            ("reward", "70"),
            ("bonus", "5"),
            ("tokens_unlocked", "60"),
        ],
    );
    indexer.apply(&block(3, vec![exit])).await.unwrap();
    assert_eq!(
        text(
            &indexer,
            "SELECT id || ' ' || amount FROM rewards ORDER BY id"
        )
        .await,
        vec![
            format!("alice-ubns {}", pad(5)),
            format!("alice-uinc {}", pad(70))
        ]
    );
    assert_eq!(
        text(
            &indexer,
            "SELECT emitted || ' ' || distributed FROM reward_streams ORDER BY id"
        )
        .await,
        // center1-1-bonus: funded 100, credited 5; center1-1-reward: funded 1000, credited 70.
        vec![
            format!("{} {}", pad(100), pad(5)),
            format!("{} {}", pad(1000), pad(70))
        ]
    );
    let claim = |amount: &'static str| {
        wasm(
            CENTER,
            &[
                ("action", "claim_reward"),
                ("owner", "alice"),
                ("recipient", "alice"),
                ("reward_token", "native:uinc"),
                ("amount_limit", "0"),
                ("amount_eternal", amount),
            ],
        )
    };
    indexer.apply(&block(4, vec![claim("70")])).await.unwrap();
    assert_eq!(
        text(
            &indexer,
            "SELECT amount FROM rewards WHERE id = 'alice-uinc'"
        )
        .await,
        vec![pad(0)]
    );
    // Claiming more than the index says is owed is an inconsistent chain: refused.
    assert!(indexer.apply(&block(5, vec![claim("1")])).await.is_err());
    assert_eq!(indexer.cursor().unwrap().height, 4);
}
