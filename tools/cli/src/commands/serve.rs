//! `trellis serve --database DB [--port N]`: the GraphQL API over an index, on 127.0.0.1.
use std::net::{Ipv4Addr, SocketAddr};
use std::process::ExitCode;

use anyhow::Result;
use clap::Args;

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The index: a SQLite file or a postgres:// URL.
    #[arg(long)]
    pub database: String,
    /// The port on 127.0.0.1.
    #[arg(long, default_value_t = 8000)]
    pub port: u16,
}

pub fn run(args: &ServeArgs) -> Result<ExitCode> {
    let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, args.port));
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(addr).await?;
        println!("GraphQL on http://{addr}/ (GraphiQL in a browser, /health)");
        trellis_indexer::graphql::serve_on(listener, &args.database).await
    })?;
    Ok(ExitCode::SUCCESS)
}
