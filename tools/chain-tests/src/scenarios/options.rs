//! The options token (oTOKEN): a 50/50 ulit/uusdc weighted pool made by the factory is its
//! TWAP oracle; the oTOKEN pays ulit from a reserve and takes uusdc, which goes to the
//! treasury. Minting, a cw20 transfer, two exercises (one at the discounted TWAP, one where
//! the minimum price applies, for another recipient), a reserve withdrawal, and six refused
//! messages, every amount derived from the documented formulas.
//!
//! The price: the pool holds ulit : uusdc = 1 : 4 at equal weights from its first join on,
//! and a second join doubles both sides, so the price of ulit is 4 uusdc throughout. Its
//! stored log is `ln 4` floored at 1e-12 (`trellis_math::oracle::log_price`): ln 4 =
//! 1.386294361119890618834..., so `LN4 = 1,386,294,361,119` (the two floored 1e18 logs it is
//! the difference of move it by at most 2e-18, far from the next 1e-12 step). Every
//! cumulative is `LN4 * (t - first join)` exactly (linear between samples, so the
//! interpolation is exact too), the mean log over any covered window is `LN4 * 1e6` at 1e18
//! exactly, and the TWAP is `floor(exp(1.386294361119) * 1e18)`:
//! exp(1.386294361119) = 4 * exp(-d), d = ln 4 - 1.386294361119 = 8.9061883446424e-13, so
//! 4 * (1 - d + d^2 / 2 - ...) = 4 - 3.56247533785697e-12 + 1.6e-24 = 3.999999999996437524662..
//! -> `TWAP = 3,999,999,999,996,437,524` atomics (floored; the fraction .662 is far from both
//! integers, beyond `exp`'s 1e-33 relative error).
use anyhow::{ensure, Context, Result};
use cosmwasm_std::{Decimal, Uint128};
use serde_json::{json, to_value, Value};
use trellis_testing::ContractKind;
use trellis_types::factory::{ExecuteMsg as FactoryMsg, InstantiateMsg as FactoryInit};
use trellis_types::options_token::{
    Delivery, ExecuteMsg as OptionsMsg, InstantiateMsg as OptionsInit, OracleConfig,
    QueryMsg as OptionsQuery,
};
use trellis_types::weighted_pool::{
    ExecuteMsg as PoolMsg, OracleConfig as PoolOracle, QueryMsg as PoolQuery, WeightedAssetInfo,
};

use super::support::{action_attr, atomics, events, failed, native, uint, E18};
use crate::compare::Scenario;
use crate::{Ledger, Observations};

/// ln 4 at 1e-12, floored (module docs).
const LN4: i128 = 1_386_294_361_119;
/// floor(exp(LN4 / 1e12) * 1e18) (module docs).
const TWAP: u128 = 3_999_999_999_996_437_524;
/// The strike is 73.33% of the TWAP.
const MULTIPLIER_BPS: u128 = 7_333;
const WINDOW: u64 = 1_800;
/// The pool's oracle: 10 samples at least 300 s apart, so (10 - 2) * 300 = 2,400 s of
/// history are guaranteed, at least the window (the oTOKEN checks it).
const CAPACITY: u32 = 10;
const SPACING: u64 = 300;
/// The pool's first join (and the second, the same again): 1 ulit : 4 uusdc.
const JOIN_LIT: u128 = 1_000_000_000;
const JOIN_USDC: u128 = 4_000_000_000;
const RESERVE: u128 = 5_000_000;
const MINTED: u128 = 3_000_000;

pub struct OptionsScenario;

/// `ceil(a * b / c)`: what the exerciser pays always rounds up.
fn ceil_div(a: u128, b: u128, c: u128) -> u128 {
    (a * b).div_ceil(c)
}

async fn cw20_balance<L: Ledger>(l: &mut L, who: &str) -> Result<u128> {
    let address = l.addr(who);
    let answer = l
        .query("otoken", &to_value(OptionsQuery::Balance { address })?)
        .await?;
    uint(&answer, "/balance")
}

async fn observe<L: Ledger>(l: &mut L, obs: &mut Observations, label: &str) -> Result<Value> {
    let totals = l
        .query("otoken", &to_value(OptionsQuery::Totals {})?)
        .await?;
    obs.push(format!("{label}: totals"), totals.clone());
    let reserve = l
        .query("otoken", &to_value(OptionsQuery::ReserveStatus {})?)
        .await?;
    obs.push(format!("{label}: reserve"), reserve);
    let info = l
        .query("otoken", &to_value(OptionsQuery::TokenInfo {})?)
        .await?;
    obs.push(format!("{label}: token info"), info);
    for who in ["alice", "bob"] {
        let balance = cw20_balance(l, who).await?;
        obs.push(
            format!("{label}: {who}'s oTOKEN"),
            json!(balance.to_string()),
        );
    }
    Ok(totals)
}

impl Scenario for OptionsScenario {
    const DENOMS: &'static [&'static str] = &["ulit", "uusdc", "uweth"];

    async fn run<L: Ledger>(&self, l: &mut L) -> Result<Observations> {
        let mut obs = Observations::default();
        l.fund("owner", &[("ulit", RESERVE)]).await?;
        l.fund("maker", &[("ulit", 2 * JOIN_LIT), ("uusdc", 2 * JOIN_USDC)])
            .await?;
        l.fund("alice", &[("uusdc", 10_000_000), ("uweth", 10_000_000)])
            .await?;
        l.fund("bob", &[("uusdc", 2_000_000)]).await?;
        let owner = l.addr("owner");

        let oracle = PoolOracle {
            capacity: CAPACITY,
            min_sample_spacing: SPACING,
        };
        let factory = FactoryInit {
            owner: owner.clone(),
            pool_code_id: l.code_id(ContractKind::WeightedPool),
            lp_token_code_id: l.code_id(ContractKind::Cw20Base),
            protocol_token: native("ulit"),
            fee_collector: None,
            protocol_fee_share_bps: 0,
            default_oracle: oracle,
            permissionless_creation: false,
            cl_pool_code_id: None,
        };
        l.instantiate(
            "owner",
            ContractKind::PoolFactory,
            "factory",
            &to_value(factory)?,
            &[],
        )
        .await?;
        let half = Decimal::percent(50);
        let create = FactoryMsg::CreatePool {
            assets: [
                WeightedAssetInfo {
                    info: native("ulit"),
                    weight: half,
                    // Micro denoms: 6 decimals.
                    decimals: 6,
                },
                WeightedAssetInfo {
                    info: native("uusdc"),
                    weight: half,
                    // Micro denoms: 6 decimals.
                    decimals: 6,
                },
            ],
            swap_fee_bps: 30,
            oracle: None,
        };
        let created = l
            .execute("owner", "factory", &to_value(create)?, &[])
            .await?;
        // The factory instantiated the pool, and the pool its LP token: known by name from
        // here on (their addresses differ between the chains).
        let pool = action_attr(&created, "register_pool", "pool_address")
            .context("no pool address in the factory's events")?;
        let lp = action_attr(&created, "register_pool", "lp_token")
            .context("no LP token in the factory's events")?;
        l.name_contract("pool", &pool);
        l.name_contract("lp", &lp);
        let pools = json!({ "pools": {} });
        let listed = l.query("factory", &pools).await?;
        obs.push("the factory's pools", listed);

        let join = to_value(PoolMsg::Join {
            max_amounts: [JOIN_LIT.into(), JOIN_USDC.into()],
            min_lp_out: None,
            recipient: None,
            deadline: None,
        })?;
        let funds = [("ulit", JOIN_LIT), ("uusdc", JOIN_USDC)];
        let j0 = l.execute("maker", "pool", &join, &funds).await?;
        obs.push("first join", events(&j0));

        let treasury = l.addr("treasury");
        let otoken = OptionsInit {
            name: "LIT option".to_string(),
            symbol: "OLIT".to_string(),
            decimals: 6,
            owner: owner.clone(),
            minter: None,
            cap: Some(Uint128::new(10_000_000)),
            underlying: native("ulit"),
            delivery: Delivery::Reserve,
            payment: native("uusdc"),
            oracle: OracleConfig {
                pool: l.addr("pool"),
                window_secs: WINDOW,
                ago_secs: 0,
            },
            multiplier_bps: MULTIPLIER_BPS as u32,
            min_price: Decimal::one(),
            treasury: treasury.clone(),
        };
        l.instantiate(
            "owner",
            ContractKind::OptionsToken,
            "otoken",
            &to_value(otoken)?,
            &[],
        )
        .await?;
        let fund = l
            .execute(
                "owner",
                "otoken",
                &to_value(OptionsMsg::FundReserve {})?,
                &[("ulit", RESERVE)],
            )
            .await?;
        obs.push("reserve funded", events(&fund));
        let alice_addr = l.addr("alice");
        let mint = OptionsMsg::Mint {
            recipient: alice_addr.clone(),
            amount: MINTED.into(),
        };
        let minted = l.execute("owner", "otoken", &to_value(mint)?, &[]).await?;
        obs.push("minted to alice", events(&minted));

        // Ten minutes later the same join again: a second oracle sample (10 minutes is at
        // least the 5-minute spacing), the price unchanged.
        l.pause(600).await?;
        let j1 = l.execute("maker", "pool", &join, &funds).await?;
        let (tj0, tj1) = (j0.at.secs(), j1.at.secs());
        let far = tj1 + 86_400;
        let exercise = |amount: u128, max_payment: u128, recipient: Option<String>, deadline| {
            to_value(OptionsMsg::Exercise {
                amount: amount.into(),
                max_payment: max_payment.into(),
                recipient,
                deadline,
            })
        };
        // Refused: less than WINDOW seconds of history so far.
        let refused = l
            .try_execute(
                "alice",
                "otoken",
                &exercise(1_000_000, 3_000_000, None, far)?,
                &[("uusdc", 3_000_000)],
            )
            .await?;
        obs.push("exercise before the window is covered", failed(refused));
        ensure!(tj1 < tj0 + WINDOW, "the second join came too late");

        l.pause(WINDOW - 300).await?;
        let samples = to_value(PoolQuery::OracleSamples {
            start_after: None,
            limit: None,
        })?;
        let samples = l.query("pool", &samples).await?;
        // The first join's sample holds 0; the second's the price since then.
        let expect = json!([
            { "timestamp": tj0, "log_price_cumulative": "0" },
            { "timestamp": tj1, "log_price_cumulative": (LN4 * i128::from(tj1 - tj0)).to_string() },
        ]);
        ensure!(samples["samples"] == expect, "{samples}");
        obs.push("oracle samples", samples);
        let twap = to_value(PoolQuery::Twap {
            base: native("ulit"),
            window_secs: WINDOW,
            ago_secs: 0,
        })?;
        let twap = l.query("pool", &twap).await?;
        ensure!(atomics(&twap, "/price")? == TWAP, "{twap}");
        obs.push("pool TWAP", twap);

        // strike = ceil(TWAP * 7,333 / 10,000) = ceil(2,933,199,999,997,387,636.3492) =
        // 2,933,199,999,997,387,637 (rounds up); payment for 1,000,000 = ceil(1,000,000 *
        // 2.933199999997387637) = ceil(2,933,199.999997387637) = 2,933,200 (rounds up).
        let strike = ceil_div(TWAP, MULTIPLIER_BPS, 10_000);
        ensure!(strike == 2_933_199_999_997_387_637);
        let payment = ceil_div(1_000_000, strike, E18);
        ensure!(payment == 2_933_200);
        let price = l
            .query("otoken", &to_value(OptionsQuery::StrikePrice {})?)
            .await?;
        ensure!(atomics(&price, "/twap")? == TWAP, "{price}");
        ensure!(atomics(&price, "/strike")? == strike, "{price}");
        ensure!(price["clamped"] == json!(false), "{price}");
        obs.push("strike", price);
        let quote = to_value(OptionsQuery::SimulateExercise {
            amount: 1_000_000u128.into(),
        })?;
        let quote = l.query("otoken", &quote).await?;
        ensure!(uint(&quote, "/payment")? == payment, "{quote}");
        obs.push("quote for 1,000,000", quote);

        // Refused: one unit of slippage room short; paid in the wrong denom; too late.
        let refused = l
            .try_execute(
                "alice",
                "otoken",
                &exercise(1_000_000, payment - 1, None, far)?,
                &[("uusdc", payment - 1)],
            )
            .await?;
        obs.push("exercise with max payment 2,933,199", failed(refused));
        let refused = l
            .try_execute(
                "alice",
                "otoken",
                &exercise(1_000_000, 3_000_000, None, far)?,
                &[("uweth", 3_000_000)],
            )
            .await?;
        obs.push("exercise paid in uweth", failed(refused));
        let refused = l
            .try_execute(
                "alice",
                "otoken",
                &exercise(1_000_000, 3_000_000, None, tj1)?,
                &[("uusdc", 3_000_000)],
            )
            .await?;
        obs.push("exercise after its deadline", failed(refused));

        // Alice exercises 1,000,000 sending 3,000,000: 2,933,200 to the treasury, 66,800
        // back, 1,000,000 ulit from the reserve.
        let e1 = l
            .execute(
                "alice",
                "otoken",
                &exercise(1_000_000, 3_000_000, None, far)?,
                &[("uusdc", 3_000_000)],
            )
            .await?;
        ensure!(action_attr(&e1, "exercise", "payment") == Some(payment.to_string()));
        ensure!(action_attr(&e1, "exercise", "refund") == Some("66800".into()));
        obs.push("alice exercises 1,000,000", events(&e1));
        ensure!(l.balance("treasury", "uusdc").await? == payment);
        ensure!(l.balance("alice", "uusdc").await? == 10_000_000 - payment);
        ensure!(l.balance("alice", "ulit").await? == 1_000_000);
        ensure!(l.balance("alice", "uweth").await? == 10_000_000);
        observe(l, &mut obs, "after alice's exercise").await?;

        // Alice hands 500,000 options to bob; the owner raises the minimum price to
        // 3.000000000000000001, above the discounted TWAP, so it sets the strike.
        let transfer = OptionsMsg::Transfer {
            recipient: l.addr("bob"),
            amount: 500_000u128.into(),
        };
        let moved = l
            .execute("alice", "otoken", &to_value(transfer)?, &[])
            .await?;
        obs.push("alice sends bob 500,000", events(&moved));
        let min_price = Decimal::raw(3 * E18 + 1);
        let update = OptionsMsg::UpdateConfig {
            multiplier_bps: None,
            oracle: None,
            min_price: Some(min_price),
            treasury: None,
        };
        let updated = l
            .execute("owner", "otoken", &to_value(update)?, &[])
            .await?;
        obs.push("minimum price raised", events(&updated));
        // Bob exercises 333,333 for carol: ceil(333,333 * 3.000000000000000001) =
        // ceil(999,999.000000000000333333) = 1,000,000 (rounds up), no refund.
        let carol = l.addr("carol");
        let e2 = l
            .execute(
                "bob",
                "otoken",
                &exercise(333_333, 1_000_000, Some(carol), far)?,
                &[("uusdc", 1_000_000)],
            )
            .await?;
        ensure!(ceil_div(333_333, 3 * E18 + 1, E18) == 1_000_000);
        ensure!(action_attr(&e2, "exercise", "clamped") == Some("true".into()));
        ensure!(action_attr(&e2, "exercise", "payment") == Some("1000000".into()));
        ensure!(action_attr(&e2, "exercise", "refund") == Some("0".into()));
        obs.push("bob exercises 333,333 for carol", events(&e2));
        ensure!(l.balance("carol", "ulit").await? == 333_333);
        ensure!(l.balance("bob", "uusdc").await? == 1_000_000);

        // The reserve: 5,000,000 - 1,333,333 = 3,666,667 left; the 1,666,667 options still
        // out are promised, so 2,000,000 may be withdrawn and not one unit more.
        let withdraw = |amount: u128| {
            to_value(OptionsMsg::WithdrawReserve {
                amount: amount.into(),
                recipient: owner.clone(),
            })
        };
        let refused = l
            .try_execute("owner", "otoken", &withdraw(2_000_001)?, &[])
            .await?;
        obs.push("withdraw 2,000,001 of the reserve", failed(refused));
        let w = l
            .execute("owner", "otoken", &withdraw(2_000_000)?, &[])
            .await?;
        obs.push("withdraw 2,000,000 of the reserve", events(&w));
        ensure!(l.balance("owner", "ulit").await? == 2_000_000);

        // The books: issued = in circulation + exercised + burned; the reserve funded =
        // delivered + withdrawn + available; the treasury got every payment; the oTOKEN keeps
        // no uusdc and exactly the available ulit.
        let totals = observe(l, &mut obs, "at the end").await?;
        let field = |key: &str| uint(&totals, &format!("/{key}"));
        ensure!(field("issued")? == MINTED, "{totals}");
        ensure!(field("exercised")? == 1_333_333, "{totals}");
        ensure!(field("burned")? == 0, "{totals}");
        ensure!(
            field("paid_to_treasury")? == payment + 1_000_000,
            "{totals}"
        );
        ensure!(field("underlying_delivered")? == 1_333_333, "{totals}");
        ensure!(field("reserve_available")? == 1_666_667, "{totals}");
        let circulating = cw20_balance(l, "alice").await? + cw20_balance(l, "bob").await?;
        ensure!(circulating == 1_500_000 + 166_667);
        ensure!(field("issued")? == circulating + field("exercised")? + field("burned")?);
        ensure!(
            RESERVE == field("underlying_delivered")? + 2_000_000 + field("reserve_available")?
        );
        ensure!(l.balance("treasury", "uusdc").await? == field("paid_to_treasury")?);
        ensure!(l.balance("otoken", "ulit").await? == field("reserve_available")?);
        ensure!(l.balance("otoken", "uusdc").await? == 0);
        Ok(obs)
    }
}
