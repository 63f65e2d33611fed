//! The committed schema (`tools/indexer/schema.graphql`) is the one the server builds.
//! Refresh it with `TRELLIS_BLESS=1 cargo test -p trellis-indexer --test graphql_sdl`.
#[test]
fn the_committed_sdl_is_fresh() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/schema.graphql");
    let built = trellis_indexer::graphql::schema_sdl();
    if std::env::var_os("TRELLIS_BLESS").is_some() {
        std::fs::write(path, &built).unwrap();
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == built,
        "tools/indexer/schema.graphql is stale: run \
         `TRELLIS_BLESS=1 cargo test -p trellis-indexer --test graphql_sdl` and commit it"
    );
}
