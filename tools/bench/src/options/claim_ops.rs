//! `claim_minting_otoken`: the farmer claims the farm whose reward is `mint { cw20: oTOKEN-N }`.
//! The farm's cw20 `Mint` runs on the oTOKEN wasm as the claim's message; the row is the
//! farm's execute plus that mint. Checked: the farmer receives exactly what was pending, the
//! oTOKEN's supply and `issued` grow by it, and nothing else in its totals moves.
use anyhow::{ensure, Result};
use cosmwasm_std::Uint128;
use serde::Serialize;

use crate::options::market::Market;
use crate::options::params::BLOCK_SECONDS;
use crate::ve::report::VeRow;

/// What the claim minted (the JSON keeps it).
#[derive(Clone, Debug, Serialize)]
pub struct ClaimFacts {
    pub minted: String,
    pub issued_after: String,
}

pub fn measure_claim(m: &Market) -> Result<(VeRow, ClaimFacts)> {
    let w = &m.world;
    let farmer = &m.actors.farmer;
    let otoken = &m.otoken_native;
    w.advance(1, BLOCK_SECONDS);
    let pending = m.farm.position(w, farmer)?.pending;
    ensure!(!pending.is_zero(), "the farmer has nothing pending");
    let held = otoken.token.balance(w, farmer)?;
    let supply = otoken.token.total_supply(w)?;
    let totals = otoken.totals(w)?;

    let tx = m.farm.claim(w, farmer)?;
    tx.ensure_nothing_skipped()?;
    ensure!(
        tx.calls
            .iter()
            .any(|c| c.contract == "otoken_native" && c.entry == "execute"),
        "the claim did not run the oTOKEN's Mint"
    );
    ensure!(
        m.farm.position(w, farmer)?.pending.is_zero(),
        "the farmer still has reward pending after the claim"
    );
    let minted = otoken.token.balance(w, farmer)? - held;
    ensure!(
        minted == pending.u128(),
        "the claim minted {minted} oTOKEN, {pending} was pending"
    );
    ensure!(
        otoken.token.total_supply(w)? == supply + minted,
        "the oTOKEN supply did not grow by the mint"
    );
    let mut expected = totals.clone();
    expected.issued += Uint128::new(minted);
    let after = otoken.totals(w)?;
    ensure!(
        after == expected,
        "the oTOKEN totals are {after:?} after the claim, expected {expected:?}"
    );
    let row = VeRow::new(
        "claim_minting_otoken",
        "farm Claim whose reward is minted oTOKEN: the farm's execute + cw20 Mint on the oTOKEN",
        tx.calls,
    );
    Ok((
        row,
        ClaimFacts {
            minted: minted.to_string(),
            issued_after: after.issued.to_string(),
        },
    ))
}
