//! HTTP: GraphQL POSTed to `/`, GraphiQL on GET `/`, `/health` (200 once the schema is
//! built). Listens where it is told; the CLI binds 127.0.0.1.
use std::net::SocketAddr;

use anyhow::{Context, Result};
use async_graphql::dynamic::Schema;
use async_graphql::http::GraphiQLSource;
use async_graphql_axum::GraphQL;
use axum::response::Html;
use axum::routing::get;
use axum::Router;
use tokio::net::TcpListener;

use crate::db::Db;

/// Connections the API keeps to the index.
const CONNECTIONS: u32 = 8;

pub fn router(schema: Schema) -> Router {
    Router::new()
        .route(
            "/",
            get(|| async { Html(GraphiQLSource::build().endpoint("/").finish()) })
                .post_service(GraphQL::new(schema)),
        )
        .route("/health", get(|| async { "ok" }))
}

/// Serves `database` on `addr` until the process stops.
pub async fn serve(database: &str, addr: SocketAddr) -> Result<()> {
    let listener = TcpListener::bind(addr)
        .await
        .with_context(|| format!("listening on {addr}"))?;
    serve_on(listener, database).await
}

/// Serves `database` on a bound listener (tests bind port 0).
pub async fn serve_on(listener: TcpListener, database: &str) -> Result<()> {
    let db = Db::open_read_only(database, CONNECTIONS).await?;
    let schema = super::schema(Some(db))?;
    axum::serve(listener, router(schema)).await?;
    Ok(())
}
