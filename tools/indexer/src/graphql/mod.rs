//! `trellis serve`: the index over GraphQL, in The Graph's conventions (singular and plural
//! fields, `first`/`skip`/`orderBy`/`orderDirection`, `where` with `_not`, `_in`, `_gt`,
//! `_lt`…), read-only, with bounded pages and depth and complexity limits. See
//! docs/graphql.md.
pub mod rows;
pub mod server;
pub mod types;

use anyhow::Result;
use async_graphql::dynamic::{Object, Schema};

use crate::db::Db;

pub use server::{router, serve, serve_on};

/// Deepest query accepted (`deposits { eternalFarming { pool { token0 { id } } } }` is 5).
pub const MAX_DEPTH: usize = 10;
/// Most complex query accepted (each field counts 1).
pub const MAX_COMPLEXITY: usize = 10_000;

/// The schema, answering from `db` (`None`: for the SDL only).
pub fn schema(db: Option<Db>) -> Result<Schema> {
    let mut query = Object::new("Query");
    let mut builder = Schema::build("Query", None, None);
    for entity in types::entities() {
        query = query.field(types::single(entity));
        query = query.field(types::plural(entity, entity.plural));
        for alias in entity.plural_aliases {
            query = query.field(types::plural(entity, alias));
        }
        builder = builder
            .register(types::object(entity))
            .register(types::filter(entity))
            .register(types::order(entity));
    }
    let (meta, block, meta_field) = types::meta();
    query = query.field(meta_field);
    for scalar in types::scalars() {
        builder = builder.register(scalar);
    }
    builder = builder
        .register(types::order_direction())
        .register(meta)
        .register(block)
        .register(query)
        .limit_depth(MAX_DEPTH)
        .limit_complexity(MAX_COMPLEXITY);
    if let Some(db) = db {
        builder = builder.data(db);
    }
    Ok(builder.finish()?)
}

/// The schema's SDL (committed as `tools/indexer/schema.graphql`, checked by a test).
pub fn schema_sdl() -> String {
    schema(None).map(|s| s.sdl()).unwrap_or_default()
}
