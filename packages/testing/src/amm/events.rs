//! Reading a swap's outcome from the pool's `wasm` event. The response data carries it only
//! when the pool was called directly (not through a cw20 `Send`), the event always does.
use anyhow::{anyhow, Context, Result};
use cosmwasm_std::{Addr, Uint128};
use cw_multi_test::AppResponse;
use trellis_types::asset::AssetInfo;
use trellis_types::weighted_pool::SwapResponse;

/// The `SwapResponse` of the first swap `pool` reported in `res` (`assets` in the pool's order,
/// to turn the event's asset labels back into assets).
pub fn swap_from_events(
    res: &AppResponse,
    pool: &Addr,
    assets: &[AssetInfo; 2],
) -> Result<SwapResponse> {
    let event = res
        .events
        .iter()
        .find(|e| {
            e.ty == "wasm"
                && attr(e, "_contract_address") == Some(pool.as_str())
                && matches!(attr(e, "action"), Some("swap_exact_in" | "swap_exact_out"))
        })
        .ok_or_else(|| anyhow!("no swap event of pool {pool}"))?;
    let asset = |key: &str| -> Result<AssetInfo> {
        let label = attr(event, key).ok_or_else(|| anyhow!("swap event without {key}"))?;
        assets
            .iter()
            .find(|a| a.to_string() == label)
            .cloned()
            .ok_or_else(|| anyhow!("{label} is not an asset of pool {pool}"))
    };
    let amount = |key: &str| -> Result<Uint128> {
        let value = attr(event, key).ok_or_else(|| anyhow!("swap event without {key}"))?;
        value.parse().with_context(|| format!("{key} = {value}"))
    };
    Ok(SwapResponse {
        offer: asset("offer_asset")?,
        ask: asset("ask_asset")?,
        amount_in: amount("amount_in")?,
        amount_out: amount("amount_out")?,
        fee: amount("fee")?,
        protocol_fee: amount("protocol_fee")?,
    })
}

/// The value of `key` in `event`, if any.
pub(crate) fn attr<'a>(event: &'a cosmwasm_std::Event, key: &str) -> Option<&'a str> {
    event
        .attributes
        .iter()
        .find(|a| a.key == key)
        .map(|a| a.value.as_str())
}
