//! Token metadata. Bank denoms and cw20 contracts do not announce their symbol or decimals
//! in events, so the deployment (or the sim) registers them.
use anyhow::Result;

use crate::db::{Tx, Value};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TokenInfo {
    /// The denom, or the cw20 contract address.
    pub id: String,
    pub symbol: String,
    pub name: String,
    pub decimals: u8,
    /// `native` or `cw20`.
    pub kind: String,
}

/// Records a token; the same metadata again changes nothing (a restarted indexer registers
/// its tokens again, and must not restamp them).
pub async fn save(tx: &mut Tx<'_>, token: &TokenInfo) -> Result<()> {
    let same = tx.text("tokens", &token.id, "symbol").await?.as_deref() == Some(&token.symbol)
        && tx.text("tokens", &token.id, "name").await?.as_deref() == Some(&token.name)
        && tx.int("tokens", &token.id, "decimals").await? == i64::from(token.decimals)
        && tx.text("tokens", &token.id, "kind").await?.as_deref() == Some(&token.kind);
    if same {
        return Ok(());
    }
    tx.upsert(
        "tokens",
        &token.id,
        &[
            ("symbol", Value::text(&token.symbol)),
            ("name", Value::text(&token.name)),
            ("decimals", Value::int(token.decimals)),
            ("kind", Value::text(&token.kind)),
        ],
    )
    .await
}

/// The token id of an asset as contracts print it: `AssetInfo`'s display is `native:DENOM`
/// or `cw20:ADDRESS`, and the token's id is the denom or the address.
pub fn id_of(asset: &str) -> String {
    asset
        .strip_prefix("native:")
        .or_else(|| asset.strip_prefix("cw20:"))
        .unwrap_or(asset)
        .to_string()
}
