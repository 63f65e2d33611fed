//! Reading a CL swap's outcome from the pool's `wasm` event. The response data carries it only
//! when the pool was called directly (not through a cw20 `Send`); the event always does.
use std::str::FromStr;

use anyhow::{anyhow, Context, Result};
use cosmwasm_std::{Addr, Event, Uint128, Uint256};
use cw_multi_test::AppResponse;
use trellis_types::asset::AssetInfo;
use trellis_types::cl_pool::SwapResponse;

use crate::amm::events::attr;

/// The `SwapResponse` of the first swap `pool` reported in `res` (`assets` in the pool's order,
/// to turn the event's asset labels back into assets).
pub fn cl_swap_from_events(
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
        .ok_or_else(|| anyhow!("no swap event of CL pool {pool}"))?;
    let asset = |key: &str| -> Result<AssetInfo> {
        let label = required(event, key)?;
        assets
            .iter()
            .find(|a| a.to_string() == label)
            .cloned()
            .ok_or_else(|| anyhow!("{label} is not an asset of CL pool {pool}"))
    };
    Ok(SwapResponse {
        offer: asset("offer_asset")?,
        ask: asset("ask_asset")?,
        amount_in: parsed::<Uint128>(event, "amount_in")?,
        amount_out: parsed::<Uint128>(event, "amount_out")?,
        fee: parsed::<Uint128>(event, "fee")?,
        protocol_fee: parsed::<Uint128>(event, "protocol_fee")?,
        sqrt_price_after: parsed::<Uint256>(event, "sqrt_price")?,
        tick_after: parsed::<i32>(event, "tick")?,
        ticks_crossed: parsed::<u32>(event, "ticks_crossed")?,
        partial_fill: parsed::<bool>(event, "partial_fill")?,
    })
}

fn required<'a>(event: &'a Event, key: &str) -> Result<&'a str> {
    attr(event, key).ok_or_else(|| anyhow!("swap event without {key}"))
}

fn parsed<T>(event: &Event, key: &str) -> Result<T>
where
    T: FromStr,
    T::Err: std::error::Error + Send + Sync + 'static,
{
    let value = required(event, key)?;
    value.parse().with_context(|| format!("{key} = {value}"))
}
