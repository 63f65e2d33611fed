//! The exercise rows: `exercise_native` (oTOKEN-N, `uusdc` attached, pool A's TWAP) and
//! `exercise_cw20` (oTOKEN-C, cUSD `Send` with the exercise hook, pool B's TWAP). Each sends
//! the payment the oTOKEN's own simulation asks plus 1% slippage, so the excess is refunded.
//!
//! Before each row the expected price is derived from the pool's own `Twap` query with
//! [`pricing`]: `strike = max(ceil(twap * 9000 / 10000), 0.1)`, `payment = ceil(amount *
//! strike)`; the TWAP is checked to be an average of the spot prices in force during the
//! window (strictly between their lowest and highest, not the latest). After the row every
//! balance and total it moves is checked to the unit.
use anyhow::{anyhow, ensure, Result};
use cosmwasm_std::{Addr, Coin, Decimal, Uint128};
use serde::Serialize;
use trellis_types::options_token::{ExecuteMsg, ReceiveMsg, TotalsResponse};
use trellis_types::AssetInfo;

use crate::amm::params::max_in_with_slippage;
use crate::options::cw20_token::Cw20Token;
use crate::options::history::PricePath;
use crate::options::market::Market;
use crate::options::otoken::OToken;
use crate::options::params::{
    min_price, BLOCK_SECONDS, DEADLINE_SECS, EXERCISE_AMOUNT, MULTIPLIER_BPS, TWAP_AGO_SECS,
    TWAP_WINDOW_SECS, UNDERLYING_DENOM,
};
use crate::options::pool::WorldPool;
use crate::options::pricing;
use crate::ve::report::VeRow;
use crate::ve::world::{Tx, World};

/// The price an exercise row was checked against (the JSON keeps it).
#[derive(Clone, Debug, Serialize)]
pub struct ExerciseQuote {
    pub op: String,
    pub window: [u64; 2],
    /// Oracle samples the pool holds (the TWAP's binary search runs over them).
    pub samples_held: usize,
    /// Lowest and highest spot price of the underlying in force during the window.
    pub spot_range: [String; 2],
    pub spot_now: String,
    pub twap: String,
    pub strike: String,
    pub clamped: bool,
    pub amount: String,
    pub payment: String,
    pub max_payment: String,
    pub refund: String,
}

/// One exercise row's parts.
struct Case<'a> {
    op: &'static str,
    otoken: &'a OToken,
    pool: &'a WorldPool,
    path: &'a PricePath,
    exerciser: &'a str,
}

fn holding(world: &World, asset: &AssetInfo, holder: &str) -> Result<u128> {
    match asset {
        AssetInfo::Native { denom } => Ok(world.balance(&Addr::unchecked(holder), denom)),
        AssetInfo::Cw20 { contract_addr } => Cw20Token {
            address: Addr::unchecked(contract_addr),
        }
        .balance(world, holder),
    }
}

/// Everything an exercise moves.
#[derive(Clone, Debug, PartialEq)]
struct Balances {
    otoken_held: u128,
    otoken_supply: u128,
    totals: TotalsResponse,
    treasury_payment: u128,
    exerciser_payment: u128,
    exerciser_underlying: u128,
    reserve_underlying: u128,
    contract_payment: u128,
}

impl Balances {
    fn read(m: &Market, case: &Case) -> Result<Self> {
        let w = &m.world;
        let totals = case.otoken.totals(w)?;
        let payment = totals.payment_asset.clone();
        Ok(Balances {
            otoken_held: case.otoken.token.balance(w, case.exerciser)?,
            otoken_supply: case.otoken.token.total_supply(w)?,
            treasury_payment: holding(w, &payment, &m.actors.treasury)?,
            exerciser_payment: holding(w, &payment, case.exerciser)?,
            exerciser_underlying: w.balance(&Addr::unchecked(case.exerciser), UNDERLYING_DENOM),
            reserve_underlying: w.balance(&case.otoken.address, UNDERLYING_DENOM),
            contract_payment: holding(w, &payment, case.otoken.address.as_str())?,
            totals,
        })
    }
}

/// The expected price, from the pool's TWAP, checked against the oTOKEN's own queries.
fn quote(m: &Market, case: &Case) -> Result<ExerciseQuote> {
    let w = &m.world;
    let twap = case
        .pool
        .twap(w, &m.underlying, TWAP_WINDOW_SECS, TWAP_AGO_SECS)?;
    ensure!(
        twap.end == w.now() - TWAP_AGO_SECS && twap.end - twap.start == TWAP_WINDOW_SECS,
        "the pool averaged [{}, {}], not the configured window",
        twap.start,
        twap.end
    );
    let (lo, hi) = case
        .path
        .range(twap.start, twap.end)
        .ok_or_else(|| anyhow!("no spot price recorded before the window"))?;
    let spot_now = case.pool.spot(w, &m.underlying)?;
    ensure!(
        lo < twap.price && twap.price < hi && twap.price != spot_now,
        "TWAP {} is not an average of the window's spot prices [{lo}, {hi}] (now {spot_now})",
        twap.price
    );
    let (strike, clamped) = pricing::strike(twap.price, MULTIPLIER_BPS, min_price())?;
    let payment = pricing::payment(EXERCISE_AMOUNT, strike)?;
    let twap_128 = Decimal::try_from(twap.price)?;
    let said = case.otoken.strike(w)?;
    ensure!(
        said.twap == twap_128 && said.strike == strike && said.clamped == clamped,
        "the oTOKEN quotes {said:?}; the pool's TWAP gives {twap_128} -> strike {strike}"
    );
    let sim = case.otoken.simulate(w, EXERCISE_AMOUNT)?;
    ensure!(
        sim.strike == strike && sim.payment.u128() == payment,
        "the oTOKEN simulates {sim:?}, expected payment {payment} at {strike}"
    );
    let max_payment = max_in_with_slippage(Uint128::new(payment))?;
    Ok(ExerciseQuote {
        op: case.op.to_string(),
        window: [twap.start, twap.end],
        samples_held: case.pool.samples_held(w)?,
        spot_range: [lo.to_string(), hi.to_string()],
        spot_now: spot_now.to_string(),
        twap: twap.price.to_string(),
        strike: strike.to_string(),
        clamped,
        amount: EXERCISE_AMOUNT.to_string(),
        payment: payment.to_string(),
        max_payment: max_payment.to_string(),
        refund: (max_payment - payment).to_string(),
    })
}

/// What the exercise must leave: `amount` burned and delivered from the reserve, `payment`
/// at the treasury, the excess back with the exerciser.
fn expected_after(before: &Balances, payment: u128, max_payment: u128, cw20: bool) -> Balances {
    let mut after = before.clone();
    after.otoken_held -= EXERCISE_AMOUNT;
    after.otoken_supply -= EXERCISE_AMOUNT;
    after.totals.exercised += Uint128::new(EXERCISE_AMOUNT);
    after.totals.underlying_delivered += Uint128::new(EXERCISE_AMOUNT);
    after.totals.paid_to_treasury += Uint128::new(payment);
    after.totals.reserve_available = before
        .totals
        .reserve_available
        .map(|r| r - Uint128::new(EXERCISE_AMOUNT));
    after.treasury_payment += payment;
    // cw20: the wallet sent `max_payment` and got the excess back, so `payment` left it.
    // Native: the bank only records what reaches a user's wallet, the refund.
    if cw20 {
        after.exerciser_payment -= payment;
    } else {
        after.exerciser_payment += max_payment - payment;
    }
    after.exerciser_underlying += EXERCISE_AMOUNT;
    after.reserve_underlying -= EXERCISE_AMOUNT;
    after
}

fn measure(m: &Market, case: Case, cw20: bool) -> Result<(VeRow, ExerciseQuote)> {
    let w = &m.world;
    w.advance(1, BLOCK_SECONDS);
    let q = quote(m, &case)?;
    let payment: u128 = q.payment.parse()?;
    let max_payment: u128 = q.max_payment.parse()?;
    let before = Balances::read(m, &case)?;
    ensure!(
        before.otoken_held >= EXERCISE_AMOUNT,
        "{} holds {} oTOKEN, fewer than it exercises",
        case.exerciser,
        before.otoken_held
    );
    let deadline = w.now() + DEADLINE_SECS;
    let amount = Uint128::new(EXERCISE_AMOUNT);
    let max = Uint128::new(max_payment);
    let tx: Tx = if cw20 {
        m.cusd.send(
            w,
            case.exerciser,
            &case.otoken.address,
            max_payment,
            &ReceiveMsg::Exercise {
                amount,
                max_payment: max,
                recipient: None,
                deadline,
            },
        )?
    } else {
        let denom = match &before.totals.payment_asset {
            AssetInfo::Native { denom } => denom.clone(),
            other => return Err(anyhow!("{} is paid in {other}", case.op)),
        };
        w.execute(
            &case.otoken.address,
            case.exerciser,
            &[Coin::new(max_payment, denom)],
            &ExecuteMsg::Exercise {
                amount,
                max_payment: max,
                recipient: None,
                deadline,
            },
        )?
    };
    tx.ensure_nothing_skipped()?;
    ensure!(
        tx.calls
            .iter()
            .flat_map(|c| &c.queries)
            .any(|q| q.contract == case.pool.shape.name),
        "{}: the oTOKEN did not query the pool's TWAP",
        case.op
    );
    let after = Balances::read(m, &case)?;
    let expected = expected_after(&before, payment, max_payment, cw20);
    ensure!(
        after == expected,
        "{}: after the exercise {after:?}, expected {expected:?}",
        case.op
    );
    let description = if cw20 {
        "cw20 Send of the payment + 1% to oTOKEN with the exercise hook: burn, TWAP query into \
         the pool, cw20 Transfer to the treasury, reserve bank send, cw20 refund"
    } else {
        "exercise with the native payment + 1% attached: burn, TWAP query into the pool, bank \
         sends to the treasury, of the underlying from the reserve and of the refund"
    };
    Ok((VeRow::new(case.op, description, tx.calls), q))
}

pub fn measure_exercise_ops(m: &Market) -> Result<(Vec<VeRow>, Vec<ExerciseQuote>)> {
    let native = Case {
        op: "exercise_native",
        otoken: &m.otoken_native,
        pool: &m.pool_a,
        path: &m.path_a,
        exerciser: &m.actors.farmer,
    };
    let (native_row, native_quote) = measure(m, native, false)?;
    let cw20 = Case {
        op: "exercise_cw20",
        otoken: &m.otoken_cw20,
        pool: &m.pool_b,
        path: &m.path_b,
        exerciser: &m.actors.cw20_exerciser,
    };
    let (cw20_row, cw20_quote) = measure(m, cw20, true)?;
    Ok((vec![native_row, cw20_row], vec![native_quote, cw20_quote]))
}
