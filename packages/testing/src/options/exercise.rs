//! Exercising options: native payment attached to `Exercise`, or a cw20 payment `Send` with
//! the `exercise` hook. The outcome is read from the contract's `exercise` event, which is
//! there however the payment arrived.
use anyhow::{anyhow, Context, Result};
use cosmwasm_std::{coins, Addr, Decimal, Uint128};
use cw_multi_test::AppResponse;
use trellis_types::asset::AssetInfo;
use trellis_types::options_token::{ExecuteMsg, ReceiveMsg};

use super::OptionsTokenHandle;
use crate::amm::events::attr;
use crate::suite::Suite;

/// One exercise request.
#[derive(Clone, Debug, PartialEq)]
pub struct ExerciseArgs {
    /// oTOKEN to exercise (and underlying to receive).
    pub amount: u128,
    /// The most the exerciser accepts to pay (slippage guard).
    pub max_payment: u128,
    /// Payment token sent with the request (default `max_payment`; the excess is refunded).
    pub sent: Option<u128>,
    /// Who receives the underlying (default the exerciser).
    pub recipient: Option<Addr>,
    /// Block time after which the exercise is refused (default: now).
    pub deadline: Option<u64>,
}

impl ExerciseArgs {
    pub fn new(amount: u128, max_payment: u128) -> Self {
        ExerciseArgs {
            amount,
            max_payment,
            sent: None,
            recipient: None,
            deadline: None,
        }
    }

    pub fn sent(mut self, sent: u128) -> Self {
        self.sent = Some(sent);
        self
    }

    pub fn recipient(mut self, recipient: Addr) -> Self {
        self.recipient = Some(recipient);
        self
    }

    pub fn deadline(mut self, unix_secs: u64) -> Self {
        self.deadline = Some(unix_secs);
        self
    }
}

/// What an exercise did, as the contract reported it.
#[derive(Clone, Debug, PartialEq)]
pub struct ExerciseOutcome {
    pub amount: u128,
    pub twap: Decimal,
    pub strike: Decimal,
    /// The minimum price set the strike.
    pub clamped: bool,
    /// Paid to the treasury: `ceil(amount * strike)`.
    pub payment: u128,
    /// Sent beyond the payment and returned.
    pub refund: u128,
}

impl Suite {
    /// The named account exercises `args.amount` of its oTOKEN, paying in the oTOKEN's
    /// payment token (native funds or a cw20 `Send`). Contract errors stay downcastable.
    pub fn exercise(
        &mut self,
        otoken: &OptionsTokenHandle,
        user: &str,
        args: ExerciseArgs,
    ) -> Result<ExerciseOutcome> {
        let sender = self.addr(user);
        let sent = args.sent.unwrap_or(args.max_payment);
        let (amount, max_payment) = (Uint128::new(args.amount), Uint128::new(args.max_payment));
        let recipient = args.recipient.as_ref().map(Addr::to_string);
        let deadline = args.deadline.unwrap_or_else(|| self.time());
        let res = match &otoken.payment {
            AssetInfo::Native { denom } => {
                let funds = if sent == 0 {
                    vec![]
                } else {
                    coins(sent, denom)
                };
                let msg = ExecuteMsg::Exercise {
                    amount,
                    max_payment,
                    recipient,
                    deadline,
                };
                self.options_exec(otoken, &sender, &msg, &funds)?
            }
            AssetInfo::Cw20 { .. } => {
                let hook = ReceiveMsg::Exercise {
                    amount,
                    max_payment,
                    recipient,
                    deadline,
                };
                self.cw20_send(&sender, &otoken.payment, &otoken.addr, sent, &hook)?
            }
        };
        exercise_from_events(&res, &otoken.addr)
    }

    /// Exercises exactly what the oTOKEN quotes now: `max_payment` = the simulated payment
    /// (none of the slippage room a real exerciser would leave).
    pub fn exercise_at_quote(
        &mut self,
        otoken: &OptionsTokenHandle,
        user: &str,
        amount: u128,
    ) -> Result<ExerciseOutcome> {
        let quote = self.simulate_exercise(otoken, amount)?;
        self.exercise(
            otoken,
            user,
            ExerciseArgs::new(amount, quote.payment.u128()),
        )
    }
}

/// The outcome of the first exercise `otoken` reported in `res`.
pub fn exercise_from_events(res: &AppResponse, otoken: &Addr) -> Result<ExerciseOutcome> {
    let event = res
        .events
        .iter()
        .find(|e| {
            e.ty == "wasm"
                && attr(e, "_contract_address") == Some(otoken.as_str())
                && attr(e, "action") == Some("exercise")
        })
        .ok_or_else(|| anyhow!("no exercise event of {otoken}"))?;
    let get = |key: &str| attr(event, key).ok_or_else(|| anyhow!("exercise event without {key}"));
    let number = |key: &str| -> Result<u128> {
        let v = get(key)?;
        v.parse().with_context(|| format!("{key} = {v}"))
    };
    let decimal = |key: &str| -> Result<Decimal> {
        let v = get(key)?;
        v.parse().with_context(|| format!("{key} = {v}"))
    };
    Ok(ExerciseOutcome {
        amount: number("amount")?,
        twap: decimal("twap")?,
        strike: decimal("strike")?,
        clamped: get("clamped")? == "true",
        payment: number("payment")?,
        refund: number("refund")?,
    })
}
